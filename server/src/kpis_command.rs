//! `server kpis recompute` and `server kpis export`.

use std::io::Write;

use chrono::{Local, NaiveDate};
use domain::{
    database::{self, DatabaseUrl},
    kpi_engine::{KpiEngine, RecomputeReport},
    kpi_values::{KpiFilter, KpiValues},
    sea_orm::DatabaseConnection,
};
use kpi::{MetricKey, Period, ScopeKind};

use crate::{
    config::{ExportFormat, ExportScope, KpisAction, KpisExportArgs},
    error::StartupError,
};

/// Runs a `kpis` action.
pub async fn run(url: &DatabaseUrl, action: KpisAction) -> Result<(), StartupError> {
    let db = database::open(url).await?;
    match action {
        KpisAction::Recompute { until } => {
            let report = recompute(&db, until.unwrap_or_else(|| Local::now().date_naive())).await?;
            eprintln!(
                "kpis: {} metrics, {} periods, {} values in {} ms ({} new, {} changed, {} stale, {} unchanged)",
                report.metrics,
                report.periods,
                report.values,
                report.compute_ms + report.save_ms,
                report.saved.inserted,
                report.saved.updated,
                report.saved.stale,
                report.saved.unchanged
            );
            Ok(())
        }
        KpisAction::Export(args) => export(&db, args).await,
    }
}

/// Recomputes every metric up to `until`.
pub async fn recompute(
    db: &DatabaseConnection,
    until: NaiveDate,
) -> Result<RecomputeReport, StartupError> {
    Ok(KpiEngine::recompute_all(db, until).await?)
}

async fn export(db: &DatabaseConnection, args: KpisExportArgs) -> Result<(), StartupError> {
    let fiscal_start = KpiEngine::fiscal_year_start(db).await?;
    let period = args
        .period
        .as_deref()
        .map(|key| {
            Period::parse(key, fiscal_start).map_err(|e| {
                StartupError::Argument(format!(
                    "--period {key:?}: {e} (use 2025, 2025-Q3 or 2025-07)"
                ))
            })
        })
        .transpose()?;
    let metric = args
        .metric
        .as_deref()
        .map(|key| {
            MetricKey::parse(key)
                .map_err(|e| StartupError::Argument(format!("--metric {key:?}: {e}")))
        })
        .transpose()?;
    let filter = KpiFilter {
        period,
        scope_kind: args.scope.map(|scope| match scope {
            ExportScope::Cluster => ScopeKind::Cluster,
            ExportScope::Region => ScopeKind::Region,
            ExportScope::Organization => ScopeKind::Organization,
        }),
        metric,
        ..KpiFilter::default()
    };
    let rows = KpiValues::list(db, &filter).await?;
    let mut bytes = Vec::new();
    match args.format {
        ExportFormat::Csv => {
            bytes = crate::table_file::csv(&crate::kpi_table::kpi_values_table(&rows))
                .map_err(|e| StartupError::Argument(format!("cannot write CSV: {e}")))?;
        }
        ExportFormat::Json => {
            serde_json::to_writer_pretty(&mut bytes, &rows)
                .map_err(|e| StartupError::Argument(format!("cannot encode JSON: {e}")))?;
            bytes.push(b'\n');
        }
    }
    match &args.output {
        Some(path) => std::fs::write(path, &bytes).map_err(|source| StartupError::Output {
            path: path.display().to_string(),
            source,
        }),
        None => std::io::stdout()
            .write_all(&bytes)
            .map_err(|source| StartupError::Output {
                path: "standard output".into(),
                source,
            }),
    }?;
    eprintln!("kpis: exported {} values", rows.len());
    Ok(())
}
