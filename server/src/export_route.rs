//! `GET /exports/kpi-values.csv` and `.xlsx`: the KPI values of a period for staff, with the
//! validation queue's filters (region, metric group, awaiting or decided, and scope and
//! metric), so what is on the screen, every page of it, can be taken to a spreadsheet.

use app::models::{account::CurrentUser, validation::QueueShow};
use axum::{
    Extension,
    extract::{Query, State},
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};
use std::collections::HashSet;

use domain::{
    entity::cluster,
    kpi_engine::KpiEngine,
    kpi_values::{KpiFilter, KpiValueRow, KpiValues},
    sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter},
};
use kpi::{MetricKey, Period, RegionId, ScopeKind};
use serde::Deserialize;

use crate::table_file::{self, TableFormat};

/// The filters, as the query string names them.
#[derive(Debug, Default, Deserialize)]
pub struct ExportQuery {
    /// The period key (2025, 2025-Q3, 2025-07); required.
    pub period: Option<String>,
    /// cluster (the default), region or organization.
    pub scope: Option<String>,
    /// Only clusters of this region, and the region itself.
    pub region: Option<i32>,
    /// Only metrics of this group.
    pub group: Option<String>,
    /// Only this metric.
    pub metric: Option<String>,
    /// awaiting (computed and stale), decided, or all (the default), as the queue shows.
    pub show: Option<String>,
}

/// A refusal with a plain-text reason.
fn refuse(status: StatusCode, why: String) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        why,
    )
        .into_response()
}

/// The CSV download; staff only.
pub async fn kpi_values_csv(
    db: State<DatabaseConnection>,
    user: Option<Extension<CurrentUser>>,
    query: Query<ExportQuery>,
) -> Response {
    kpi_values(db, user, query, TableFormat::Csv).await
}

/// The XLSX download; staff only.
pub async fn kpi_values_xlsx(
    db: State<DatabaseConnection>,
    user: Option<Extension<CurrentUser>>,
    query: Query<ExportQuery>,
) -> Response {
    kpi_values(db, user, query, TableFormat::Xlsx).await
}

async fn kpi_values(
    State(db): State<DatabaseConnection>,
    user: Option<Extension<CurrentUser>>,
    Query(query): Query<ExportQuery>,
    format: TableFormat,
) -> Response {
    let Some(Extension(user)) = user else {
        return refuse(StatusCode::UNAUTHORIZED, "sign in first".into());
    };
    if !user.role.is_staff() {
        return refuse(StatusCode::FORBIDDEN, "staff only".into());
    }
    if let Some(region) = query.region
        && !user.covers_region(RegionId(region))
    {
        return refuse(
            StatusCode::FORBIDDEN,
            format!("region {region}: not one of your regions"),
        );
    }
    let fiscal_start = match KpiEngine::fiscal_year_start(&db).await {
        Ok(start) => start,
        Err(error) => return failed(&error),
    };
    let Some(key) = query.period.filter(|p| !p.is_empty()) else {
        return refuse(
            StatusCode::UNPROCESSABLE_ENTITY,
            "period: required (2025, 2025-Q3 or 2025-07)".into(),
        );
    };
    let period = match Period::parse(&key, fiscal_start) {
        Ok(period) => period,
        Err(e) => {
            return refuse(
                StatusCode::UNPROCESSABLE_ENTITY,
                format!("period {key:?}: {e}"),
            );
        }
    };
    let scope = match query.scope.as_deref().unwrap_or("cluster") {
        "cluster" => ScopeKind::Cluster,
        "region" => ScopeKind::Region,
        "organization" => ScopeKind::Organization,
        other => {
            return refuse(
                StatusCode::UNPROCESSABLE_ENTITY,
                format!("scope {other:?}: use cluster, region or organization"),
            );
        }
    };
    let metric = match query
        .metric
        .as_deref()
        .filter(|m| !m.is_empty())
        .map(MetricKey::parse)
    {
        Some(Ok(metric)) => Some(metric),
        Some(Err(e)) => return refuse(StatusCode::UNPROCESSABLE_ENTITY, format!("metric: {e}")),
        None => None,
    };
    let show = query.show.as_deref().unwrap_or("all");
    if QueueShow::parse(show).as_str() != show {
        return refuse(
            StatusCode::UNPROCESSABLE_ENTITY,
            format!("show {show:?}: use awaiting, decided or all"),
        );
    }
    let statuses = QueueShow::parse(show).statuses();
    let filter = KpiFilter {
        period: Some(period),
        scope_kind: Some(scope),
        metric,
        region: query.region.map(RegionId),
        group: query.group.filter(|g| !g.is_empty()),
        statuses,
        ..KpiFilter::default()
    };
    let mut rows = match KpiValues::list(&db, &filter).await {
        Ok(rows) => rows,
        Err(domain::DomainError::Invalid(why)) => {
            return refuse(StatusCode::UNPROCESSABLE_ENTITY, why);
        }
        Err(error) => return failed(&error),
    };
    if let Some(regions) = user.region_scope() {
        match scoped_rows(&db, regions, scope, rows).await {
            Ok(kept) => rows = kept,
            Err(error) => return failed(&error),
        }
    }
    let table = crate::kpi_table::kpi_values_table(&rows);
    let name = format!("kpi-values-{}-{}", period.key(), scope.as_str());
    table_file::attachment(&table, format, "KPI values", &name)
}

/// The rows a staff user limited to `regions` may take: their clusters' and regions'
/// values (the organization's, an aggregate every staff user sees, stay).
async fn scoped_rows(
    db: &DatabaseConnection,
    regions: &[RegionId],
    scope: ScopeKind,
    mut rows: Vec<KpiValueRow>,
) -> Result<Vec<KpiValueRow>, domain::DomainError> {
    match scope {
        ScopeKind::Cluster => {
            let clusters: HashSet<i32> = cluster::Entity::find()
                .filter(cluster::Column::RegionId.is_in(regions.iter().map(|r| r.0)))
                .all(db)
                .await?
                .into_iter()
                .map(|c| c.id)
                .collect();
            rows.retain(|row| clusters.contains(&row.scope_id));
        }
        ScopeKind::Region => rows.retain(|row| regions.contains(&RegionId(row.scope_id))),
        _ => {}
    }
    Ok(rows)
}

fn failed(error: &domain::DomainError) -> Response {
    tracing::error!(%error, "the KPI export failed");
    StatusCode::SERVICE_UNAVAILABLE.into_response()
}
