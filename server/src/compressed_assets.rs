//! The site's largest files (the WASM, its JS, the stylesheet, ECharts) compressed once
//! at the highest ratio each encoding allows, kept in memory and sent as they are: Brotli
//! (quality 11) to browsers that accept it, and gzip made by Zopfli to the rest. Brotli is
//! about a third smaller than the gzip the compression layer makes on the fly (the release
//! WASM: 1.58 MB gzip, 1.06 MB Brotli); Zopfli's gzip is 4-6 % smaller than that layer's
//! and any gzip decoder reads it. Built in the background after start; until then, and for
//! other clients, the files go out as before.

use std::collections::HashMap;
use std::num::NonZeroU64;
use std::path::Path;
use std::sync::OnceLock;

use axum::{
    body::Bytes,
    extract::Request,
    http::{HeaderMap, HeaderValue, Method, header},
    middleware::Next,
    response::{IntoResponse, Response},
};

/// One file compressed with Brotli, with its type.
struct CompressedAsset {
    content_type: &'static str,
    /// Shared, so a response takes no copy.
    brotli: Bytes,
}

/// The files compressed with Brotli by URL path (`/pkg/memberpulse.wasm`); ready first.
static BROTLI: OnceLock<HashMap<String, CompressedAsset>> = OnceLock::new();

/// The same files as Zopfli's gzip; ready when Zopfli, far slower, is done.
static GZIP: OnceLock<HashMap<String, Bytes>> = OnceLock::new();

/// The files worth compressing ahead: their extension and type.
const TYPES: &[(&str, &str)] = &[
    ("wasm", "application/wasm"),
    ("js", "text/javascript"),
    ("css", "text/css"),
];

/// A site file to compress: its URL path, type and bytes.
struct SiteFile {
    url: String,
    content_type: &'static str,
    bytes: Vec<u8>,
}

/// Compresses the site's files under `site_root` (its `pkg/` and the top-level scripts, ECharts
/// among them) and makes them servable, Brotli first; the first call wins.
/// Blocking, and busy for a minute or two on a release site: run it off the request
/// threads.
pub fn prepare(site_root: &Path) {
    let files = site_files(site_root);
    let brotli: HashMap<_, _> = compress_all(&files, brotli)
        .into_iter()
        .map(|(file, brotli)| {
            let asset = CompressedAsset {
                content_type: file.content_type,
                brotli,
            };
            (file.url.clone(), asset)
        })
        .collect();
    tracing::info!(files = brotli.len(), "static files compressed with Brotli");
    let _ = BROTLI.set(brotli);
    let gzip: HashMap<_, _> = compress_all(&files, gzip)
        .into_iter()
        .map(|(file, gzip)| (file.url.clone(), gzip))
        .collect();
    tracing::info!(files = gzip.len(), "static files compressed with Zopfli");
    let _ = GZIP.set(gzip);
}

/// The files of the site worth compressing.
fn site_files(site_root: &Path) -> Vec<SiteFile> {
    let mut files = Vec::new();
    for (dir, prefix) in [
        (site_root.join("pkg"), "/pkg/"),
        (site_root.to_owned(), "/"),
    ] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let Some(content_type) = path
                .extension()
                .and_then(|e| e.to_str())
                .and_then(|e| TYPES.iter().find(|(ext, _)| *ext == e))
                .map(|(_, t)| *t)
            else {
                continue;
            };
            if let Ok(bytes) = std::fs::read(&path) {
                let name = entry.file_name().to_string_lossy().into_owned();
                files.push(SiteFile {
                    url: format!("{prefix}{name}"),
                    content_type,
                    bytes,
                });
            }
        }
    }
    files
}

/// Every file compressed by `compress`, on as many threads as the machine has cores: the
/// some 750 files of a release site took Zopfli over two minutes on one.
fn compress_all(
    files: &[SiteFile],
    compress: fn(&[u8]) -> Option<Bytes>,
) -> Vec<(&SiteFile, Bytes)> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let share = files.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let workers: Vec<_> = files
            .chunks(share)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .filter_map(|file| Some((file, compress(&file.bytes)?)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|worker| worker.join().unwrap_or_default())
            .collect()
    })
}

/// `bytes` compressed with Brotli at its highest quality.
fn brotli(bytes: &[u8]) -> Option<Bytes> {
    let mut out = Vec::with_capacity(bytes.len() / 3);
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).ok()?;
    Some(Bytes::from(out))
}

/// `bytes` as gzip, compressed by Zopfli. One pass instead of its default fifteen: on
/// ECharts it gives all but 0.1 % of the gain in half the time.
fn gzip(bytes: &[u8]) -> Option<Bytes> {
    let mut out = Vec::with_capacity(bytes.len() / 3);
    let options = zopfli::Options {
        iteration_count: NonZeroU64::new(1)?,
        ..Default::default()
    };
    zopfli::compress(options, zopfli::Format::Gzip, bytes, &mut out).ok()?;
    Some(Bytes::from(out))
}

/// Whether the request's `Accept-Encoding` names `encoding` without refusing it (`q=0`).
fn accepts(headers: &HeaderMap, encoding: &str) -> bool {
    headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|entry| {
            let mut parts = entry.split(';');
            let name = parts.next().unwrap_or_default().trim();
            let refused = parts.any(|p| {
                p.trim()
                    .strip_prefix("q=")
                    .and_then(|q| q.trim().parse::<f32>().ok())
                    .is_some_and(|q| q <= 0.0)
            });
            name.eq_ignore_ascii_case(encoding) && !refused
        })
}

/// Sends a compressed file to a client that accepts Brotli or gzip; everything else goes on.
pub async fn serve_compressed(request: Request, next: Next) -> Response {
    let asset = (request.method() == Method::GET)
        .then(|| BROTLI.get()?.get(request.uri().path()))
        .flatten();
    let Some(asset) = asset else {
        return next.run(request).await;
    };
    let (encoding, body) = if accepts(request.headers(), "br") {
        ("br", &asset.brotli)
    } else if let Some(gzip) = accepts(request.headers(), "gzip")
        .then(|| GZIP.get()?.get(request.uri().path()))
        .flatten()
    {
        ("gzip", gzip)
    } else {
        return next.run(request).await;
    };
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static(asset.content_type),
            ),
            (header::CONTENT_ENCODING, HeaderValue::from_static(encoding)),
            (header::VARY, HeaderValue::from_static("accept-encoding")),
        ],
        body.clone(),
    )
        .into_response()
}
