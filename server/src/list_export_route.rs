//! `GET /exports/lists/{list}.{csv|xlsx}`: a list of the app as its page shows it — the
//! accounts (`users`, admins), the API tokens (`api-tokens`, admins), the import history
//! (`imports`, staff), the metric catalogue (`metrics`, staff), the dashboards
//! (`dashboards`, staff) and the self-reports waiting for staff (`self-reports`, with the
//! page's `region` filter, every page of it). The page's own
//! server function reads the list, so the download has its role checks and its refusals,
//! and the same rows in the reader's language.

use app::{
    error::AppError,
    models::{
        api_token::tokens_table, chart::DataTable, fact_import::history_table,
        metric::catalogue_table, self_report::queue_table,
    },
    providers::locale::request_locale,
    server_fns::{
        api_token::list_api_tokens::list_api_tokens, dashboard::list_dashboards::list_dashboards,
        fact_import::get_import_history::get_import_history, metric::list_metrics::list_metrics,
        self_report::get_report_queue::get_report_queue, user_admin::list_users::list_users,
    },
};
use axum::{
    body::Body,
    extract::{Path, Query, State},
    http::{Request, StatusCode},
    response::{IntoResponse, Response},
};

use crate::page_function;
use crate::state::AppState;
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
    /// `/admin/api-tokens`: every API token.
    ApiTokens,
    /// `/dashboards`: every dashboard.
    Dashboards,
    /// `/self-reports`: the reports waiting for staff.
    SelfReports,
}

/// The filters a list's page has in its URL.
#[derive(Debug, Default, serde::Deserialize)]
pub struct ListFilter {
    /// The region the self-report queue is limited to.
    region: Option<i32>,
}

impl DownloadableList {
    fn parse(name: &str) -> Option<Self> {
        match name {
            "users" => Some(Self::Users),
            "imports" => Some(Self::Imports),
            "metrics" => Some(Self::Metrics),
            "api-tokens" => Some(Self::ApiTokens),
            "dashboards" => Some(Self::Dashboards),
            "self-reports" => Some(Self::SelfReports),
            _ => None,
        }
    }

    /// The file's name and the workbook's sheet.
    fn name(self) -> &'static str {
        match self {
            Self::Users => "users",
            Self::Imports => "imports",
            Self::Metrics => "metrics",
            Self::ApiTokens => "api-tokens",
            Self::Dashboards => "dashboards",
            Self::SelfReports => "self-reports",
        }
    }
}

/// The download of one list.
pub async fn list_download(
    State(state): State<AppState>,
    Path(file): Path<String>,
    Query(filter): Query<ListFilter>,
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
    let table: Result<DataTable, AppError> = page_function::call(parts, &state, || async move {
        let locale = request_locale();
        match list {
            DownloadableList::Users => list_users().await.map(|users| users.download_table(locale)),
            DownloadableList::Imports => get_import_history()
                .await
                .map(|rows| history_table(&rows, locale)),
            DownloadableList::Metrics => list_metrics()
                .await
                .map(|metrics| catalogue_table(&metrics, locale)),
            DownloadableList::ApiTokens => list_api_tokens()
                .await
                .map(|tokens| tokens_table(&tokens, locale)),
            DownloadableList::Dashboards => list_dashboards()
                .await
                .map(|list| list.download_table(locale)),
            DownloadableList::SelfReports => {
                // The page shows the queue a page at a time; the download holds all of it.
                let mut rows = Vec::new();
                let mut page = 0;
                loop {
                    let queue = get_report_queue(filter.region, Some(page)).await?;
                    let last = queue.rows.len() < queue.page_size as usize
                        || (page + 1) * queue.page_size >= queue.total;
                    rows.extend(queue.rows);
                    if last {
                        break;
                    }
                    page += 1;
                }
                Ok(queue_table(&rows, locale))
            }
        }
    })
    .await;
    match table {
        Ok(table) => table_file::attachment(&table, format, list.name(), list.name()),
        Err(error) => page_function::refusal(&error),
    }
}
