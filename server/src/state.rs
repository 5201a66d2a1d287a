//! What every request handler can reach.

use axum::extract::FromRef;
use domain::{period_signals::PeriodSignals, sea_orm::DatabaseConnection};
use leptos::prelude::LeptosOptions;

use crate::sign_in_limit::SignInLimiter;

/// The shared state of the web server.
#[derive(Clone, Debug, FromRef)]
pub struct AppState {
    /// Leptos' settings (site root, output name, address).
    pub leptos_options: LeptosOptions,
    /// The database pool.
    pub db: DatabaseConnection,
    /// Recent sign-in attempts per client address.
    pub sign_in_limiter: SignInLimiter,
    /// Every cluster value's signal of recently asked periods, while no write moves the
    /// KPI revision on.
    pub period_signals: PeriodSignals,
}
