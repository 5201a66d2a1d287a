//! A metric definition in words, in the user's language: one line per part, so staff
//! can check what a number means without reading JSON. Source and field names stay as
//! they are (they are the names used in imports and the API).

use kpi::definition::{
    Aggregate, Comparison, Filter, Measure, MetricDefinition, PeriodDay, PeriodFactor, Placement,
    Quantity,
};

use super::Locale;

/// The definition as lines of text.
pub fn describe(locale: Locale, definition: &MetricDefinition) -> Vec<String> {
    let w = Words(locale);
    match definition {
        MetricDefinition::Count { measure }
        | MetricDefinition::DistinctCount { measure }
        | MetricDefinition::Sum { measure } => {
            let mut lines = vec![w.measure(measure)];
            lines.extend(w.details(measure));
            lines
        }
        MetricDefinition::Average { measure } => {
            let mut lines = vec![format!(
                "{} {}",
                w.pick("The mean of:", "Der Mittelwert von:"),
                w.measure(measure)
            )];
            lines.extend(w.details(measure));
            lines
        }
        MetricDefinition::Ratio {
            numerator,
            denominator,
        } => {
            let mut lines = vec![format!(
                "{} {}",
                w.pick("Numerator:", "Zähler:"),
                w.quantity(numerator)
            )];
            collect_details(&w, numerator, &mut lines);
            lines.push(format!(
                "{} {}",
                w.pick("Denominator:", "Nenner:"),
                w.quantity(denominator)
            ));
            collect_details(&w, denominator, &mut lines);
            lines.push(
                w.pick(
                    "Value = numerator / denominator; no value when the denominator is 0.",
                    "Wert = Zähler / Nenner; kein Wert, wenn der Nenner 0 ist.",
                )
                .to_owned(),
            );
            lines
        }
        MetricDefinition::Boolean { conditions } => {
            let mut lines = vec![
                w.pick(
                    "Yes when all of these hold for the cluster in the period:",
                    "Ja, wenn für den Cluster im Zeitraum alles zutrifft:",
                )
                .to_owned(),
            ];
            for condition in conditions {
                lines.push(format!(
                    "• {} {} {}",
                    w.measure(&condition.measure),
                    w.comparison(condition.op),
                    condition.value
                ));
                lines.extend(w.details(&condition.measure));
            }
            lines.push(
                w.pick(
                    "For a region or the organization: the share of clusters with yes.",
                    "Für eine Region oder die Organisation: der Anteil der Cluster mit Ja.",
                )
                .to_owned(),
            );
            lines
        }
        MetricDefinition::Composite { components, scale } => {
            let mut lines = vec![format!(
                "{} {scale}:",
                w.pick(
                    "A weighted sum of other metrics, times",
                    "Eine gewichtete Summe anderer Kennzahlen, mal"
                )
            )];
            for c in components {
                lines.push(format!("• {} × {}", c.weight, c.metric));
            }
            lines
        }
    }
}

fn collect_details(w: &Words, quantity: &Quantity, lines: &mut Vec<String>) {
    match quantity {
        Quantity::Measure(m) => lines.extend(w.details(m)),
        Quantity::Difference(a, b) | Quantity::Product(a, b) => {
            collect_details(w, a, lines);
            collect_details(w, b, lines);
        }
        Quantity::Absolute(a) => collect_details(w, a, lines),
    }
}

struct Words(Locale);

impl Words {
    fn pick<'a>(&self, en: &'a str, de: &'a str) -> &'a str {
        match self.0 {
            Locale::En => en,
            Locale::De => de,
        }
    }

    fn quantity(&self, quantity: &Quantity) -> String {
        match quantity {
            Quantity::Measure(m) => self.measure(m),
            Quantity::Difference(a, b) => {
                format!("({}) − ({})", self.quantity(a), self.quantity(b))
            }
            Quantity::Product(a, b) => format!("({}) × ({})", self.quantity(a), self.quantity(b)),
            Quantity::Absolute(a) => format!("|{}|", self.quantity(a)),
        }
    }

    /// "the number of `events` rows" / "the total of `spendings.amount`".
    fn measure(&self, measure: &Measure) -> String {
        let source = &measure.source;
        let what = match &measure.aggregate {
            Aggregate::Count => format!("{} `{source}`", self.pick("the number of", "die Anzahl")),
            Aggregate::CountDistinct { field } => format!(
                "{} `{source}.{field}`",
                self.pick("the number of different", "die Anzahl verschiedener")
            ),
            Aggregate::Sum { field } => {
                format!(
                    "{} `{source}.{field}`",
                    self.pick("the total of", "die Summe von")
                )
            }
        };
        let factor = match measure.per_period {
            Some(PeriodFactor::Months) => self.pick(
                ", times the months in the period",
                ", mal die Monate des Zeitraums",
            ),
            Some(PeriodFactor::YearShare) => self.pick(
                ", times the period's share of a year",
                ", mal den Jahresanteil des Zeitraums",
            ),
            None => "",
        };
        format!("{what}{factor}")
    }

    /// The placement and filters of a measure, one line each, indented.
    fn details(&self, measure: &Measure) -> Vec<String> {
        let mut lines = vec![format!("    – {}", self.placement(&measure.placement))];
        lines.extend(
            measure
                .filters
                .iter()
                .map(|f| format!("    – {}", self.filter(f))),
        );
        lines
    }

    fn placement(&self, placement: &Placement) -> String {
        match placement {
            Placement::DateInPeriod { field } => format!(
                "{} `{field}` {}",
                self.pick("whose", "deren"),
                self.pick("falls in the period", "im Zeitraum liegt")
            ),
            Placement::DateInYearToLastDay { field } => format!(
                "{} `{field}` {}",
                self.pick("whose", "deren"),
                self.pick(
                    "falls in the 12 months up to the period's last day",
                    "in den 12 Monaten bis zum letzten Tag des Zeitraums liegt"
                )
            ),
            Placement::ActiveOn { start, end, day } => {
                let day = match day {
                    PeriodDay::FirstDay => {
                        self.pick("the period's first day", "dem ersten Tag des Zeitraums")
                    }
                    PeriodDay::LastDay => {
                        self.pick("the period's last day", "dem letzten Tag des Zeitraums")
                    }
                    PeriodDay::YearBeforeLastDay => self.pick(
                        "the day a year before the period's last day",
                        "dem Tag ein Jahr vor dem letzten Tag des Zeitraums",
                    ),
                };
                format!(
                    "{} `{start}`–`{end}` {} {day}",
                    self.pick("active (", "aktiv ("),
                    self.pick(") on", ") an")
                )
            }
            Placement::Overlaps { start, end } => format!(
                "{} `{start}`–`{end}` {}",
                self.pick("whose interval", "deren Zeitraum"),
                self.pick("overlaps the period", "den Zeitraum überschneidet")
            ),
            Placement::FiscalYear { field } => format!(
                "`{field}` {}",
                self.pick(
                    "is the period's fiscal year",
                    "ist das Geschäftsjahr des Zeitraums"
                )
            ),
            Placement::CalendarYearOfLastDay { field } => format!(
                "`{field}` {}",
                self.pick(
                    "is the calendar year of the period's last day",
                    "ist das Kalenderjahr des letzten Tags des Zeitraums"
                )
            ),
            Placement::Always => self.pick("in every period", "in jedem Zeitraum").to_owned(),
        }
    }

    fn comparison(&self, op: Comparison) -> &'static str {
        match (self.0, op) {
            (Locale::En, op) => op.words(),
            (Locale::De, Comparison::Eq) => "ist",
            (Locale::De, Comparison::Ne) => "ist nicht",
            (Locale::De, Comparison::Lt) => "ist kleiner als / vor",
            (Locale::De, Comparison::Le) => "ist höchstens / spätestens",
            (Locale::De, Comparison::Gt) => "ist größer als / nach",
            (Locale::De, Comparison::Ge) => "ist mindestens / frühestens",
        }
    }

    fn filter(&self, filter: &Filter) -> String {
        match filter {
            Filter::Compare { field, op, value } => {
                format!("`{field}` {} {value}", self.comparison(*op))
            }
            Filter::OneOf { field, values } => format!(
                "`{field}` {} {}",
                self.pick("is one of", "ist eines von"),
                values.join(", ")
            ),
            Filter::CompareFields { field, op, other } => {
                format!("`{field}` {} `{other}`", self.comparison(*op))
            }
            Filter::IsEmpty { field, empty: true } => {
                format!("`{field}` {}", self.pick("is empty", "ist leer"))
            }
            Filter::IsEmpty {
                field,
                empty: false,
            } => {
                format!("`{field}` {}", self.pick("has a value", "hat einen Wert"))
            }
            Filter::Exists(link) | Filter::NotExists(link) => {
                let exists = matches!(filter, Filter::Exists(_));
                let lead = match (exists, self.0) {
                    (true, Locale::En) => "with a matching row in",
                    (false, Locale::En) => "without a matching row in",
                    (true, Locale::De) => "mit einer passenden Zeile in",
                    (false, Locale::De) => "ohne passende Zeile in",
                };
                let on: Vec<String> = link
                    .on
                    .iter()
                    .map(|m| format!("`{}` {} `{}`", m.field, self.comparison(m.op), m.outer))
                    .collect();
                let filters: Vec<String> = link.filters.iter().map(|f| self.filter(f)).collect();
                let mut text = format!(
                    "{lead} `{}` ({}; {})",
                    link.source,
                    on.join(", "),
                    self.placement(&link.placement)
                );
                if !filters.is_empty() {
                    text.push_str(&format!(" [{}]", filters.join("; ")));
                }
                text
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ratio_reads_as_numerator_denominator_and_rule() {
        let definition = MetricDefinition::from_json(
            r#"{"kind":"ratio",
                "numerator":{"measure":{"source":"invitations","aggregate":{"fn":"count"},
                  "placement":{"rule":"date_in_period","field":"scheduled_start"},
                  "filters":[{"test":"compare","field":"event_status","op":"eq","value":"held"}]}},
                "denominator":{"measure":{"source":"invitations","aggregate":{"fn":"count"},
                  "placement":{"rule":"date_in_period","field":"scheduled_start"}}}}"#,
        )
        .expect("a definition");
        let en = describe(Locale::En, &definition);
        assert_eq!(en[0], "Numerator: the number of `invitations`");
        assert!(
            en[1].contains("`scheduled_start` falls in the period"),
            "{en:?}"
        );
        assert!(en[2].contains("`event_status` is \"held\""), "{en:?}");
        assert!(
            en.last()
                .is_some_and(|l| l.contains("no value when the denominator is 0"))
        );
        let de = describe(Locale::De, &definition);
        assert_eq!(de[0], "Zähler: die Anzahl `invitations`");
    }
}
