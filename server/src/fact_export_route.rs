//! `GET /exports/facts/{kind}.{csv|xlsx}`: every stored fact of an importable kind in its
//! import file's columns, for staff of the whole organization (who import): the data goes
//! out as it comes in, so an export opens as a spreadsheet and imports again unchanged.
//! With `?cluster={id}`, the facts of that cluster only, for whoever may work on it (a
//! leader their own, staff the clusters of their regions): the lists of the leaders'
//! pages download this way, `&kind=…` keeping one kind of them (a cluster's committee
//! calls among its events).

use app::models::{
    account::CurrentUser,
    chart::{DataTable, TableCell},
    ids::ClusterId,
};
use axum::{
    Extension,
    extract::{Path, Query, State},
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};
use domain::{
    entity::cluster,
    fact_export::{FactExport, FactTable},
    fact_import::FactKind,
    sea_orm::EntityTrait,
};

use crate::page_function;
use crate::state::AppState;
use crate::table_file::{self, TableFormat};

/// Which facts a download holds.
#[derive(Debug, Default, serde::Deserialize)]
pub struct FactFilter {
    /// One cluster's facts only.
    cluster: Option<i32>,
    /// Only the facts of this kind (the file's `kind` column): `committee_call`.
    kind: Option<String>,
}

/// The download of one kind's facts.
pub async fn fact_download(
    State(state): State<AppState>,
    user: Option<Extension<CurrentUser>>,
    Path(file): Path<String>,
    Query(filter): Query<FactFilter>,
) -> Response {
    let Some(Extension(user)) = user else {
        return refuse(StatusCode::UNAUTHORIZED, "sign in first");
    };
    let db = &state.db;
    let Some((name, extension)) = file.rsplit_once('.') else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let kind = FactKind::ALL
        .into_iter()
        .find(|kind| kind.layout().kind == name);
    let (Some(kind), Some(format)) = (kind, TableFormat::from_extension(extension)) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let read = match filter.cluster {
        None if !user.role.is_staff() || !user.whole_organization() => {
            return refuse(
                StatusCode::FORBIDDEN,
                "staff of the whole organization only",
            );
        }
        None => FactExport::table(db, kind).await.map(Some),
        Some(id) => {
            // The pages' own rule of who may work on a cluster.
            if let Err(error) = app::auth::require_cluster(&user, db, ClusterId(id)).await {
                return page_function::refusal(&error);
            }
            match cluster::Entity::find_by_id(id).one(db).await {
                Ok(Some(found)) => FactExport::cluster_table(db, kind, &found.code).await,
                Ok(None) => return StatusCode::NOT_FOUND.into_response(),
                Err(error) => Err(error.into()),
            }
        }
    };
    let facts: FactTable = match read {
        Ok(Some(mut facts)) => {
            if let Some(wanted) = &filter.kind {
                let at = facts.columns.iter().position(|c| *c == "kind");
                facts
                    .rows
                    .retain(|row| at.is_some_and(|at| row.get(at) == Some(wanted)));
            }
            facts
        }
        Ok(None) => {
            return refuse(StatusCode::NOT_FOUND, "these facts are not kept by cluster");
        }
        Err(error) => {
            tracing::error!(%error, kind = name, "facts could not be read for an export");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let table = DataTable {
        columns: facts.columns.iter().map(|c| (*c).to_owned()).collect(),
        rows: facts
            .rows
            .into_iter()
            .map(|row| row.into_iter().map(TableCell::Text).collect())
            .collect(),
    };
    // The sheet is named for the kind, which is where the import looks for it.
    table_file::attachment(&table, format, name, name)
}

/// A refusal with a plain-text reason.
fn refuse(status: StatusCode, why: &str) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        why.to_owned(),
    )
        .into_response()
}
