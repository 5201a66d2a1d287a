//! Sending a chosen file to `POST /imports/{kind}` straight from the file field, with
//! XMLHttpRequest: the browser streams the file from disk (never read into the page's
//! memory) and reports the upload's progress, which `fetch` cannot.

use wasm_bindgen::{JsCast, closure::Closure};

use crate::{
    error::AppError,
    models::fact_import::{ColumnChoice, FactFileKind, ImportReport},
};

/// What the page asks of the server about one file.
pub struct FileRequest {
    /// What the file holds.
    pub kind: FactFileKind,
    /// Write it when it has no problem.
    pub commit: bool,
    /// How its headers are read; as remembered when `None`.
    pub mapping: Option<Vec<ColumnChoice>>,
}

/// Sends `file`; `on_progress` hears the bytes sent and their total as the upload goes,
/// `on_done` the server's report or refusal once it answered.
pub fn send(
    file: &web_sys::File,
    request: FileRequest,
    on_progress: impl Fn(f64, f64) + 'static,
    on_done: impl FnOnce(Result<ImportReport, AppError>) + 'static,
) {
    let failed = |why: &str| AppError::Refused(vec![format!("file: {why}")]);
    let Ok(xhr) = web_sys::XmlHttpRequest::new() else {
        on_done(Err(failed("this browser cannot send files")));
        return;
    };
    let mut url = format!(
        "/imports/{}?commit={}&name={}",
        request.kind.key(),
        request.commit,
        String::from(js_sys::encode_uri_component(&file.name()))
    );
    if let Some(mapping) = &request.mapping
        && let Ok(json) = serde_json::to_string(mapping)
    {
        url.push_str("&mapping=");
        url.push_str(&String::from(js_sys::encode_uri_component(&json)));
    }
    if xhr.open_with_async("POST", &url, true).is_err() {
        on_done(Err(failed("the upload could not start")));
        return;
    }
    let _ = xhr.set_request_header("Content-Type", "application/octet-stream");
    let progress =
        Closure::<dyn FnMut(web_sys::ProgressEvent)>::new(move |event: web_sys::ProgressEvent| {
            if event.length_computable() {
                on_progress(event.loaded(), event.total());
            }
        });
    if let Ok(upload) = xhr.upload() {
        upload.set_onprogress(Some(progress.as_ref().unchecked_ref()));
    }
    let answered = xhr.clone();
    // Runs once, when the request ended in any way; it drops the progress handler, which
    // has nothing more to hear.
    let done = Closure::once_into_js(move || {
        drop(progress);
        let status = answered.status().unwrap_or(0);
        let text = answered.response_text().ok().flatten().unwrap_or_default();
        on_done(match status {
            200 => serde_json::from_str(&text)
                .map_err(|_| failed("the server's answer could not be read; try again")),
            0 => Err(failed(
                "the upload did not reach the server; check the connection and try again",
            )),
            401 => Err(AppError::SignInRequired),
            403 => Err(AppError::Forbidden),
            400..=499 => Err(AppError::Refused(text.lines().map(str::to_owned).collect())),
            _ => Err(AppError::Unavailable),
        });
    });
    xhr.set_onloadend(Some(done.unchecked_ref()));
    if xhr.send_with_opt_blob(Some(file)).is_err() {
        // The loadend handler reports it.
        let _ = xhr.abort();
    }
}
