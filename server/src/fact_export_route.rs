//! `GET /exports/facts/{kind}.{csv|xlsx}`: every stored fact of an importable kind in its
//! import file's columns, for staff of the whole organization (who import): the data goes
//! out as it comes in, so an export opens as a spreadsheet and imports again unchanged.

use app::models::{
    account::CurrentUser,
    chart::{DataTable, TableCell},
};
use axum::{
    Extension,
    extract::{Path, State},
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};
use domain::{fact_export::FactExport, fact_import::FactKind, sea_orm::DatabaseConnection};

use crate::table_file::{self, TableFormat};

/// The download of one kind's facts.
pub async fn fact_download(
    State(db): State<DatabaseConnection>,
    user: Option<Extension<CurrentUser>>,
    Path(file): Path<String>,
) -> Response {
    let Some(Extension(user)) = user else {
        return refuse(StatusCode::UNAUTHORIZED, "sign in first");
    };
    if !user.role.is_staff() || !user.whole_organization() {
        return refuse(
            StatusCode::FORBIDDEN,
            "staff of the whole organization only",
        );
    }
    let Some((name, extension)) = file.rsplit_once('.') else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let kind = FactKind::ALL
        .into_iter()
        .find(|kind| kind.layout().kind == name);
    let (Some(kind), Some(format)) = (kind, TableFormat::from_extension(extension)) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let facts = match FactExport::table(&db, kind).await {
        Ok(facts) => facts,
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
