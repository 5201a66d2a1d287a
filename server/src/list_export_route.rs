//! `GET /exports/lists/{list}.{csv|xlsx}`: a list of the app as its page shows it — the
//! accounts (`users`, admins), the import history (`imports`, staff) and the metric
//! catalogue (`metrics`, staff). The page's own
//! server function reads the list, so the download has its role checks and its refusals,
//! and the same rows in the reader's language.

use app::{
    error::AppError,
    models::{chart::DataTable, fact_import::history_table, metric::catalogue_table},
    providers::locale::request_locale,
    server_fns::{
        fact_import::get_import_history::get_import_history, metric::list_metrics::list_metrics,
        user_admin::list_users::list_users,
    },
};
use axum::{
    body::Body,
    extract::{Path, State},
    http::{Request, StatusCode},
    response::{IntoResponse, Response},
};
use domain::sea_orm::DatabaseConnection;

use crate::page_function;
use crate::table_file::{self, TableFormat};

/// The lists that can be downloaded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum DownloadableList {
    /// `/admin/users`: every account.
    Users,
    /// `/import`'s history of imports.
    Imports,
    /// `/metrics`: the metric catalogue.
    Metrics,
}

impl DownloadableList {
    fn parse(name: &str) -> Option<Self> {
        match name {
            "users" => Some(Self::Users),
            "imports" => Some(Self::Imports),
            "metrics" => Some(Self::Metrics),
            _ => None,
        }
    }

    /// The file's name and the workbook's sheet.
    fn name(self) -> &'static str {
        match self {
            Self::Users => "users",
            Self::Imports => "imports",
            Self::Metrics => "metrics",
        }
    }
}

/// The download of one list.
pub async fn list_download(
    State(db): State<DatabaseConnection>,
    Path(file): Path<String>,
    request: Request<Body>,
) -> Response {
    let Some((name, extension)) = file.rsplit_once('.') else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let (Some(list), Some(format)) = (
        DownloadableList::parse(name),
        TableFormat::from_extension(extension),
    ) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let (parts, _) = request.into_parts();
    let table: Result<DataTable, AppError> = page_function::call(parts, db, || async move {
        let locale = request_locale();
        match list {
            DownloadableList::Users => list_users().await.map(|users| users.download_table(locale)),
            DownloadableList::Imports => get_import_history()
                .await
                .map(|rows| history_table(&rows, locale)),
            DownloadableList::Metrics => list_metrics()
                .await
                .map(|metrics| catalogue_table(&metrics, locale)),
        }
    })
    .await;
    match table {
        Ok(table) => table_file::attachment(&table, format, list.name(), list.name()),
        Err(error) => page_function::refusal(&error),
    }
}
