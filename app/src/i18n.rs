//! The one translation layer: every user-facing string is a [`Msg`] rendered by [`t`],
//! and numbers and dates are formatted for the [`Locale`]. English first; German follows.

use chrono::{Datelike, NaiveDate};

/// A language the UI speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Locale {
    /// English (the default).
    #[default]
    En,
    /// German.
    De,
}

impl Locale {
    /// The BCP 47 tag written into `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::De => "de",
        }
    }

    /// The locale for a language tag such as `de-AT`; English for anything unknown.
    pub fn from_tag(tag: &str) -> Self {
        match tag.trim().get(..2).map(str::to_ascii_lowercase).as_deref() {
            Some("de") => Self::De,
            _ => Self::En,
        }
    }

    /// The first supported language of an `Accept-Language` header, by preference.
    pub fn from_accept_language(header: &str) -> Self {
        let mut ranked: Vec<(f32, &str)> = header
            .split(',')
            .filter_map(|part| {
                let mut pieces = part.split(';');
                let tag = pieces.next()?.trim();
                let quality = pieces
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .and_then(|q| q.parse().ok())
                    .unwrap_or(1.0);
                Some((quality, tag))
            })
            .collect();
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
        ranked
            .into_iter()
            .map(|(_, tag)| tag)
            .find(|tag| matches!(tag.get(..2), Some("en" | "de")))
            .map_or(Self::En, Self::from_tag)
    }
}

/// Every user-facing text of the UI.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Msg {
    /// Page description for search engines and link previews.
    MetaDescription,
    /// Link that skips the navigation.
    SkipToContent,
    /// Label of the main navigation.
    MainNavigation,
    /// Navigation: the organization overview.
    NavOrganization,
    /// Title of the organization overview.
    OrganizationTitle,
    /// Lead text of the organization overview.
    OrganizationLead,
    /// Statistic: regions.
    StatRegions,
    /// Statistic: clusters.
    StatClusters,
    /// Statistic: active members.
    StatMembers,
    /// "As of" before a date.
    AsOf,
    /// Column: cluster.
    ColumnCluster,
    /// Column: city.
    ColumnCity,
    /// Column: members.
    ColumnMembers,
    /// Column: leader.
    ColumnLeader,
    /// Shown where a cluster has no leader.
    NoLeader,
    /// Label of the cluster search.
    SearchLabel,
    /// Placeholder of the cluster search.
    SearchPlaceholder,
    /// Shown when the search matches no cluster.
    NoMatch,
    /// Shown when the organization has no clusters yet.
    EmptyOrganization,
    /// Clusters, after a count.
    ClustersUnit,
    /// Members, after a count.
    MembersUnit,
    /// Shown while data loads (for screen readers).
    Loading,
    /// Shown when data could not be loaded.
    LoadFailed,
    /// Button that tries again.
    Retry,
    /// Title of the not-found page.
    NotFoundTitle,
    /// Text of the not-found page.
    NotFoundText,
    /// Link back to the start page.
    BackHome,
}

/// The text of `msg` in `locale`.
pub fn t(locale: Locale, msg: Msg) -> &'static str {
    use Msg::*;
    match (locale, msg) {
        (Locale::En, MetaDescription) => "Cluster and member performance of your organization.",
        (Locale::De, MetaDescription) => "Leistung der Cluster und Mitglieder Ihrer Organisation.",
        (Locale::En, SkipToContent) => "Skip to content",
        (Locale::De, SkipToContent) => "Zum Inhalt springen",
        (Locale::En, MainNavigation) => "Main navigation",
        (Locale::De, MainNavigation) => "Hauptnavigation",
        (Locale::En, NavOrganization) => "Organization",
        (Locale::De, NavOrganization) => "Organisation",
        (Locale::En, OrganizationTitle) => "Regions and clusters",
        (Locale::De, OrganizationTitle) => "Regionen und Cluster",
        (Locale::En, OrganizationLead) => "Every cluster with its active members and its leader.",
        (Locale::De, OrganizationLead) => "Alle Cluster mit aktiven Mitgliedern und ihrer Leitung.",
        (Locale::En, StatRegions) => "Regions",
        (Locale::De, StatRegions) => "Regionen",
        (Locale::En, StatClusters) => "Clusters",
        (Locale::De, StatClusters) => "Cluster",
        (Locale::En, StatMembers) => "Active members",
        (Locale::De, StatMembers) => "Aktive Mitglieder",
        (Locale::En, AsOf) => "As of",
        (Locale::De, AsOf) => "Stand",
        (Locale::En, ColumnCluster) => "Cluster",
        (Locale::De, ColumnCluster) => "Cluster",
        (Locale::En, ColumnCity) => "City",
        (Locale::De, ColumnCity) => "Stadt",
        (Locale::En, ColumnMembers) => "Members",
        (Locale::De, ColumnMembers) => "Mitglieder",
        (Locale::En, ColumnLeader) => "Leader",
        (Locale::De, ColumnLeader) => "Leitung",
        (Locale::En, NoLeader) => "No leader",
        (Locale::De, NoLeader) => "Keine Leitung",
        (Locale::En, SearchLabel) => "Find a cluster",
        (Locale::De, SearchLabel) => "Cluster suchen",
        (Locale::En, SearchPlaceholder) => "Name, city, code or leader",
        (Locale::De, SearchPlaceholder) => "Name, Stadt, Code oder Leitung",
        (Locale::En, NoMatch) => "No cluster matches your search.",
        (Locale::De, NoMatch) => "Kein Cluster passt zu Ihrer Suche.",
        (Locale::En, EmptyOrganization) => {
            "No clusters yet. Import your organization or load the demo data."
        }
        (Locale::De, EmptyOrganization) => {
            "Noch keine Cluster. Importieren Sie Ihre Organisation oder laden Sie die Demodaten."
        }
        (Locale::En, ClustersUnit) => "clusters",
        (Locale::De, ClustersUnit) => "Cluster",
        (Locale::En, MembersUnit) => "members",
        (Locale::De, MembersUnit) => "Mitglieder",
        (Locale::En, Loading) => "Loading…",
        (Locale::De, Loading) => "Wird geladen…",
        (Locale::En, LoadFailed) => "The data could not be loaded.",
        (Locale::De, LoadFailed) => "Die Daten konnten nicht geladen werden.",
        (Locale::En, Retry) => "Try again",
        (Locale::De, Retry) => "Erneut versuchen",
        (Locale::En, NotFoundTitle) => "Page not found",
        (Locale::De, NotFoundTitle) => "Seite nicht gefunden",
        (Locale::En, NotFoundText) => "There is no page at this address.",
        (Locale::De, NotFoundText) => "Unter dieser Adresse gibt es keine Seite.",
        (Locale::En, BackHome) => "Back to the overview",
        (Locale::De, BackHome) => "Zurück zur Übersicht",
    }
}

/// A whole number with the locale's digit grouping: 10,000 (en) or 10.000 (de).
pub fn format_count(locale: Locale, value: u64) -> String {
    let separator = match locale {
        Locale::En => ',',
        Locale::De => '.',
    };
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(digit);
    }
    out
}

/// A calendar date as the locale writes it: 23 November 2026 (en), 23. November 2026 (de).
pub fn format_date(locale: Locale, date: NaiveDate) -> String {
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    const DE: [&str; 12] = [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ];
    let month = date.month0() as usize;
    match locale {
        Locale::En => format!("{} {} {}", date.day(), EN[month], date.year()),
        Locale::De => format!("{}. {} {}", date.day(), DE[month], date.year()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_digits_by_locale() {
        assert_eq!(format_count(Locale::En, 0), "0");
        assert_eq!(format_count(Locale::En, 999), "999");
        assert_eq!(format_count(Locale::En, 10_000), "10,000");
        assert_eq!(format_count(Locale::De, 1_234_567), "1.234.567");
    }

    #[test]
    fn writes_dates_by_locale() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 5).expect("valid");
        assert_eq!(format_date(Locale::En, day), "5 March 2026");
        assert_eq!(format_date(Locale::De, day), "5. März 2026");
    }

    #[test]
    fn picks_the_preferred_supported_language() {
        assert_eq!(
            Locale::from_accept_language("de-DE,de;q=0.9,en;q=0.8"),
            Locale::De
        );
        assert_eq!(
            Locale::from_accept_language("fr-FR,en;q=0.5,de;q=0.4"),
            Locale::En
        );
        assert_eq!(Locale::from_accept_language("fr-FR"), Locale::En);
        assert_eq!(Locale::from_accept_language(""), Locale::En);
    }
}
