//! Dashboards staff build: the list, and one dashboard with its widgets and editor.

pub mod dashboard_list;
pub mod dashboard_view;
pub mod widget_editor;
pub mod widget_panel;
pub mod widget_pins;

use leptos::prelude::*;

use crate::i18n::{Locale, Msg, t};

/// The trimmed name a dashboard form was given; when there is none, the form's problem
/// says so and nothing is sent.
fn given_name(
    name: RwSignal<String>,
    problems: RwSignal<Vec<String>>,
    locale: Locale,
) -> Option<String> {
    let given = name.get_untracked().trim().to_owned();
    if given.is_empty() {
        problems.set(vec![t(locale, Msg::DashboardNameMissing).to_owned()]);
        return None;
    }
    problems.set(Vec::new());
    Some(given)
}
