//! `POST /imports/{kind}`: a fact file as the import page sends it (the file's bytes as the
//! body; `commit`, `name` and a column `mapping` as JSON in the query). The body is spooled
//! to a temporary file as it arrives, so a 100,000-row file is never whole in memory, then
//! checked (and with `commit=true` written) by the page's own import function, with the
//! page's role checks and report. The page shows the upload's progress from the browser's
//! own upload events, then that the server is checking.

use app::{
    models::fact_import::{ColumnChoice, FactFileKind},
    server_fns::fact_import::import_file::import_file,
};
use axum::{
    Json,
    body::Body,
    extract::{Path, Query, Request, State},
    http::StatusCode,
    response::{IntoResponse, Response},
};
use domain::fact_file::FileFormat;
use serde::Deserialize;
use std::io::{BufReader, Seek, SeekFrom};
use tokio::io::AsyncWriteExt;

use crate::page_function;
use crate::state::AppState;

/// The largest file taken: a tenth of a million rows is a few megabytes; this leaves room
/// for wide workbooks without letting one request fill the disk.
const UPLOAD_MAX: u64 = 256 * 1024 * 1024;

/// What the page says about the file besides its bytes.
#[derive(Debug, Deserialize)]
pub struct UploadQuery {
    /// Write the file when it has no problem.
    #[serde(default)]
    commit: bool,
    /// The file's name, for the import history.
    name: Option<String>,
    /// How the file's headers are read, as JSON: `[{"header", "column"}]`.
    mapping: Option<String>,
}

/// Checks or imports one uploaded file.
pub async fn upload(
    State(state): State<AppState>,
    Path(kind): Path<String>,
    Query(query): Query<UploadQuery>,
    request: Request,
) -> Response {
    let Some(kind) = FactFileKind::from_key(&kind) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let mapping = match query.mapping.as_deref().map(serde_json::from_str) {
        None => None,
        Some(Ok(choices)) => Some::<Vec<ColumnChoice>>(choices),
        Some(Err(_)) => {
            return plain(
                StatusCode::BAD_REQUEST,
                "mapping: not a list of headers and columns",
            );
        }
    };
    let (parts, body) = request.into_parts();
    let (file, format) = match spool(body).await {
        Ok(spooled) => spooled,
        Err(refusal) => return refusal,
    };
    let reply = page_function::call(parts, &state, || {
        import_file(kind, format, file, query.commit, query.name, mapping)
    })
    .await;
    match reply {
        Ok(report) => Json(report).into_response(),
        Err(error) => page_function::refusal(&error),
    }
}

/// Writes `body` to an anonymous temporary file (gone when dropped, even on a crash) as it
/// arrives, and tells a workbook (a zip archive) from CSV text by its first bytes.
async fn spool(body: Body) -> Result<(BufReader<std::fs::File>, FileFormat), Response> {
    use futures::StreamExt;

    let trouble = |error: std::io::Error| {
        tracing::error!(%error, "an uploaded file could not be spooled");
        plain(
            StatusCode::SERVICE_UNAVAILABLE,
            "file: the server could not keep the file; try again",
        )
    };
    let file = tempfile::tempfile().map_err(trouble)?;
    let mut spooled = tokio::fs::File::from_std(file);
    let mut stream = body.into_data_stream();
    let mut size: u64 = 0;
    let mut start: Vec<u8> = Vec::with_capacity(4);
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|_| {
            plain(
                StatusCode::BAD_REQUEST,
                "file: the upload broke off; choose the file again",
            )
        })?;
        size += chunk.len() as u64;
        if size > UPLOAD_MAX {
            return Err(plain(
                StatusCode::PAYLOAD_TOO_LARGE,
                "file: larger than 256 MB; split it into several files",
            ));
        }
        if start.len() < 4 {
            start.extend(chunk.iter().copied().take(4 - start.len()));
        }
        spooled.write_all(&chunk).await.map_err(trouble)?;
    }
    spooled.flush().await.map_err(trouble)?;
    let mut file = spooled.into_std().await;
    file.seek(SeekFrom::Start(0)).map_err(trouble)?;
    let format = if start.as_slice() == b"PK\x03\x04" {
        FileFormat::Workbook
    } else {
        FileFormat::Csv
    };
    Ok((BufReader::new(file), format))
}

/// A refusal as plain text.
fn plain(status: StatusCode, why: &'static str) -> Response {
    (status, why).into_response()
}
