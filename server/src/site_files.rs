//! The site's own files (`/pkg`): the wasm, its JavaScript, the CSS and the small script
//! for pages without wasm. They are read into memory once, at start-up, with the brotli and
//! gzip copies `scripts/build` stored beside each, and each request is answered from memory
//! with the copy the browser accepts.
//!
//! Why not `tower_http::services::ServeDir`: measured here, it served a 3 KB file at about
//! 900 requests a second against 21,000 for `/healthz` (each request opens and reads files
//! on the blocking pool), and a crowd's first visits fetch these files more than any page.
//! The site is a few files that change only with a new build, so memory is the simple answer.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Router;

/// One file and its compressed copies.
struct SiteFile {
    content_type: HeaderValue,
    identity: axum::body::Bytes,
    brotli: Option<axum::body::Bytes>,
    gzip: Option<axum::body::Bytes>,
    etag: HeaderValue,
    cache_control: HeaderValue,
}

#[derive(Default)]
pub struct SiteFiles {
    files: HashMap<String, SiteFile>,
}

impl SiteFiles {
    /// Reads every file under `pkg` (and its folders); none is an error too (the HTTP tests
    /// run without a built site).
    pub fn load(pkg: &Path) -> std::io::Result<SiteFiles> {
        let mut files = SiteFiles::default();
        if pkg.is_dir() {
            files.read_dir(pkg, pkg)?;
        }
        Ok(files)
    }

    fn read_dir(&mut self, root: &Path, dir: &Path) -> std::io::Result<()> {
        for entry in std::fs::read_dir(dir)? {
            let path = entry?.path();
            if path.is_dir() {
                self.read_dir(root, &path)?;
                continue;
            }
            let name = path
                .strip_prefix(root)
                .expect("under the root")
                .to_string_lossy()
                .replace('\\', "/");
            if name.ends_with(".br") || name.ends_with(".gz") {
                continue;
            }
            let beside = |ext: &str| std::fs::read(format!("{}.{ext}", path.display())).ok();
            let identity = std::fs::read(&path)?;
            let hashed = app::shared::assets::is_hashed(&name);
            self.files.insert(
                name.clone(),
                SiteFile {
                    content_type: HeaderValue::from_static(content_type(&name)),
                    etag: etag(&identity),
                    identity: identity.into(),
                    brotli: beside("br").map(Into::into),
                    gzip: beside("gz").map(Into::into),
                    cache_control: HeaderValue::from_static(if hashed {
                        "public, max-age=31536000, immutable"
                    } else {
                        // An unhashed name may change under the same address: always ask.
                        "no-cache"
                    }),
                },
            );
        }
        Ok(())
    }

    /// The files, for nesting under `/pkg`.
    pub fn router(self) -> Router {
        Router::new().fallback(serve).with_state(Arc::new(self))
    }
}

fn content_type(name: &str) -> &'static str {
    match name.rsplit('.').next().unwrap_or("") {
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// A strong validator from the content, for browsers that ask again about an unhashed name.
fn etag(content: &[u8]) -> HeaderValue {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    content.hash(&mut h);
    HeaderValue::from_str(&format!("\"{:016x}\"", h.finish())).expect("hex is a header value")
}

/// Which encodings the request accepts (`br`, `gzip`), leaving out any refused with `q=0`.
fn accepts(headers: &HeaderMap, encoding: &str) -> bool {
    headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|part| {
            let mut bits = part.split(';').map(str::trim);
            let name = bits.next().unwrap_or("");
            let refused = bits.any(|b| {
                b.strip_prefix("q=")
                    .and_then(|q| q.parse::<f32>().ok())
                    .is_some_and(|q| q == 0.0)
            });
            name.eq_ignore_ascii_case(encoding) && !refused
        })
}

async fn serve(
    State(site): State<Arc<SiteFiles>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    if method != Method::GET && method != Method::HEAD {
        return StatusCode::METHOD_NOT_ALLOWED.into_response();
    }
    let Some(file) = site.files.get(uri.path().trim_start_matches('/')) else {
        return (StatusCode::NOT_FOUND, "Not found").into_response();
    };
    let mut res = Response::builder()
        .header(header::ETAG, file.etag.clone())
        .header(header::CACHE_CONTROL, file.cache_control.clone())
        .header(header::VARY, HeaderValue::from_static("accept-encoding"));
    let unchanged = headers
        .get(header::IF_NONE_MATCH)
        .is_some_and(|v| v.as_bytes() == file.etag.as_bytes());
    if unchanged {
        return res
            .status(StatusCode::NOT_MODIFIED)
            .body(Body::empty())
            .expect("a plain response");
    }
    let (body, encoding) = match (&file.brotli, &file.gzip) {
        (Some(br), _) if accepts(&headers, "br") => (br.clone(), Some("br")),
        (_, Some(gz)) if accepts(&headers, "gzip") => (gz.clone(), Some("gzip")),
        _ => (file.identity.clone(), None),
    };
    if let Some(e) = encoding {
        res = res.header(header::CONTENT_ENCODING, e);
    }
    res = res
        .header(header::CONTENT_TYPE, file.content_type.clone())
        .header(header::CONTENT_LENGTH, body.len());
    let body = if method == Method::HEAD {
        Body::empty()
    } else {
        Body::from(body)
    };
    res.body(body).expect("a plain response")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_a_browser_accepts() {
        let mut h = HeaderMap::new();
        h.insert(
            header::ACCEPT_ENCODING,
            "gzip, deflate, br;q=1.0".parse().unwrap(),
        );
        assert!(accepts(&h, "br") && accepts(&h, "gzip"));
        h.insert(header::ACCEPT_ENCODING, "gzip, br;q=0".parse().unwrap());
        assert!(!accepts(&h, "br") && accepts(&h, "gzip"));
        h.insert(header::ACCEPT_ENCODING, "identity".parse().unwrap());
        assert!(!accepts(&h, "br") && !accepts(&h, "gzip"));
    }
}
