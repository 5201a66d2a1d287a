//! Dashboards staff build: the list, and one dashboard with its widgets and editor.

pub mod dashboard_list;
pub mod dashboard_view;
pub mod widget_editor;
pub mod widget_panel;
