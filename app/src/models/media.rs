//! Media coverage as the leader's page shows and records it.

use serde::{Deserialize, Serialize};

use crate::models::{ids::ClusterId, validation::Choice};

/// A recorded item.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MediaRow {
    /// The item's id (to remove it).
    pub id: i32,
    /// The day, formatted for the reader.
    pub published: String,
    /// Where.
    pub outlet: String,
    /// The kind, in words.
    pub kind: String,
    /// The reach, formatted.
    pub reach: String,
    /// Its title.
    pub title: String,
}

/// The media page's data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MediaPage {
    /// The cluster.
    pub cluster: ClusterId,
    /// "C001 · Alpine Founders".
    pub cluster_label: String,
    /// Clusters the reader may pick (staff only; empty otherwise).
    pub clusters: Vec<Choice>,
    /// The newest items.
    pub items: Vec<MediaRow>,
    /// Today, `YYYY-MM-DD`, the latest day the form offers.
    pub today: String,
}

/// An item as the form sends it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MediaForm {
    /// The cluster.
    pub cluster: i32,
    /// The day, `YYYY-MM-DD`.
    pub published_on: String,
    /// Where.
    pub outlet: String,
    /// mention, press_release or social_post.
    pub kind: String,
    /// Estimated audience, as typed.
    pub reach: String,
    /// Its title.
    pub title: String,
}
