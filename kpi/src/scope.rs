//! What a KPI value is about: the whole organization, a region, a cluster or a member —
//! and the ids that name them.

use serde::{Deserialize, Serialize};

use crate::VocabularyError;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub i32);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    };
}

id_type!(
    /// The id of a region.
    RegionId
);
id_type!(
    /// The id of a cluster.
    ClusterId
);
id_type!(
    /// The id of a member.
    MemberId
);

/// The level a KPI value is computed at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ScopeKind {
    /// One member (participation metrics only).
    Member,
    /// One cluster.
    Cluster,
    /// One region: the roll-up of its clusters.
    Region,
    /// The whole organization.
    Organization,
}

impl ScopeKind {
    /// The stable name used in URLs, APIs and exports.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Member => "member",
            Self::Cluster => "cluster",
            Self::Region => "region",
            Self::Organization => "organization",
        }
    }
}

/// One thing a KPI value is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(tag = "kind", content = "id", rename_all = "lowercase")]
pub enum Scope {
    /// One member.
    Member(MemberId),
    /// One cluster.
    Cluster(ClusterId),
    /// One region.
    Region(RegionId),
    /// The whole organization.
    Organization,
}

impl Scope {
    /// Its level.
    pub fn kind(&self) -> ScopeKind {
        match self {
            Self::Member(_) => ScopeKind::Member,
            Self::Cluster(_) => ScopeKind::Cluster,
            Self::Region(_) => ScopeKind::Region,
            Self::Organization => ScopeKind::Organization,
        }
    }

    /// The stable key used in URLs: `organization`, `region-3`, `cluster-12`, `member-77`.
    pub fn key(&self) -> String {
        match self {
            Self::Member(id) => format!("member-{id}"),
            Self::Cluster(id) => format!("cluster-{id}"),
            Self::Region(id) => format!("region-{id}"),
            Self::Organization => "organization".to_owned(),
        }
    }

    /// Reads a key written by [`Scope::key`].
    pub fn parse(key: &str) -> Result<Self, VocabularyError> {
        let refuse = || VocabularyError::Scope(key.to_owned());
        let key = key.trim();
        if key == "organization" {
            return Ok(Self::Organization);
        }
        let (kind, id) = key.split_once('-').ok_or_else(refuse)?;
        if id.is_empty() || !id.bytes().all(|b| b.is_ascii_digit()) {
            return Err(refuse());
        }
        let id: i32 = id.parse().map_err(|_| refuse())?;
        match kind {
            "member" => Ok(Self::Member(MemberId(id))),
            "cluster" => Ok(Self::Cluster(ClusterId(id))),
            "region" => Ok(Self::Region(RegionId(id))),
            _ => Err(refuse()),
        }
    }
}

/// A metric's stable key (`renewal_rate`): lower-case letters, digits and underscores,
/// starting with a letter, 2 to 48 characters.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct MetricKey(String);

impl MetricKey {
    /// Checks `key` and wraps it.
    pub fn parse(key: &str) -> Result<Self, VocabularyError> {
        let valid = (2..=48).contains(&key.len())
            && key.starts_with(|c: char| c.is_ascii_lowercase())
            && key
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        if valid {
            Ok(Self(key.to_owned()))
        } else {
            Err(VocabularyError::MetricKey(key.to_owned()))
        }
    }

    /// The key as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for MetricKey {
    type Error = VocabularyError;

    fn try_from(key: String) -> Result<Self, Self::Error> {
        Self::parse(&key)
    }
}

impl From<MetricKey> for String {
    fn from(key: MetricKey) -> Self {
        key.0
    }
}

impl std::fmt::Display for MetricKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
