//! The MemberPulse server: configuration, telemetry, the axum router with server-side
//! rendering and the health check, and the command line (serve, migrate, demo).
//!
//! Errors: start-up and commands fail with [`error::StartupError`], printed as one line.

pub mod api_v1;
pub mod brand_route;
pub mod chart_export_route;
pub mod cli;
pub mod compressed_assets;
pub mod config;
pub mod csrf;
pub mod demo_command;
pub mod error;
pub mod export_route;
pub mod fact_export_route;
pub mod fact_import_route;
pub mod health;
pub mod import_command;
pub mod kpi_table;
pub mod kpis_command;
pub mod list_export_route;
pub mod migrate_command;
pub mod page_function;
pub mod router;
pub mod session;
pub mod shutdown;
pub mod sign_in_limit;
pub mod state;
pub mod table_file;
pub mod telemetry;
pub mod users_command;
