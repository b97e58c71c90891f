//! Gzip for the pages Kiln renders, compressed whole by a compressor each thread keeps.
//!
//! tower-http's `CompressionLayer` streams a body through async-compression, and sets up a
//! new deflate state for every response: over 300 KB allocated and zeroed, then the stream's
//! plumbing, for a 5 KB page. perf put that at 7% of a survey section's time on the CPU,
//! more than the compressing itself. A page is rendered whole in memory before it is sent
//! (Leptos renders in order and waits for its data), so nothing is lost by taking it whole.
//! Everything else (CSV and JSON files, the API, the site's files, which carry their own
//! encodings) is left to tower-http's layer, outside this one, which passes by a response
//! that already has a `Content-Encoding`.

use std::cell::RefCell;

use axum::body::{to_bytes, Body};
use axum::extract::Request;
use axum::http::{header, HeaderMap, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use flate2::{Compress, Compression, Crc, FlushCompress, Status};

/// Below this many bytes a page is sent as it is, as tower-http's layer does: the gzip
/// header and trailer alone are 18 bytes.
const SMALLEST: usize = 32;
/// Far above any page Kiln renders (the largest, an officer's dashboard, is tens of KB): a
/// bound on what one response may hold in memory here.
const LARGEST: usize = 64 << 20;
/// Level 1: at level 4 deflate was a tenth of a section page's time on the CPU, and pages
/// stay far inside the 10 KB goal at 1.
const LEVEL: u32 = 1;

pub async fn compress(req: Request, next: Next) -> Response {
    let accepts = accepts_gzip(req.headers());
    let res = next.run(req).await;
    if !is_page(res.headers()) {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    if !vary_has_accept_encoding(&parts.headers) {
        parts
            .headers
            .append(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    if !accepts {
        return Response::from_parts(parts, body);
    }
    let page = match to_bytes(body, LARGEST).await {
        Ok(page) => page,
        Err(e) => {
            tracing::error!(error = %e, "a page could not be read for compressing");
            return app::shared::ssr::auth::service_problem();
        }
    };
    if page.len() < SMALLEST {
        return Response::from_parts(parts, Body::from(page));
    }
    parts.headers.remove(header::CONTENT_LENGTH);
    parts.headers.remove(header::ACCEPT_RANGES);
    parts
        .headers
        .insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
    Response::from_parts(parts, Body::from(gzip(&page)))
}

/// Rendered HTML not already encoded, and not a range of one.
fn is_page(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.trim_start().to_ascii_lowercase().starts_with("text/html"))
        && !headers.contains_key(header::CONTENT_ENCODING)
        && !headers.contains_key(header::CONTENT_RANGE)
}

fn vary_has_accept_encoding(headers: &HeaderMap) -> bool {
    headers.get_all(header::VARY).iter().any(|v| {
        v.to_str().is_ok_and(|v| {
            v.split(',').any(|n| {
                matches!(n.trim(), "*") || n.trim().eq_ignore_ascii_case("accept-encoding")
            })
        })
    })
}

/// Whether `Accept-Encoding` allows gzip: named (or `x-gzip`, or `*`) with a weight above
/// zero. A named `gzip;q=0` refuses it even when `*` would allow it (RFC 9110, 12.5.3).
pub fn accepts_gzip(headers: &HeaderMap) -> bool {
    let mut named = None;
    let mut any = None;
    for value in headers.get_all(header::ACCEPT_ENCODING) {
        let Ok(value) = value.to_str() else { continue };
        for item in value.split(',') {
            let mut parts = item.split(';');
            let coding = parts.next().unwrap_or("").trim();
            let weight = parts
                .find_map(|p| {
                    let p = p.trim();
                    p.strip_prefix("q=").or_else(|| p.strip_prefix("Q="))
                })
                .map(|q| q.trim().parse::<f32>().unwrap_or(0.0))
                .unwrap_or(1.0);
            if coding.eq_ignore_ascii_case("gzip") || coding.eq_ignore_ascii_case("x-gzip") {
                named = Some(named.unwrap_or(0.0_f32).max(weight));
            } else if coding == "*" {
                any = Some(weight);
            }
        }
    }
    named.or(any).is_some_and(|w| w > 0.0)
}

thread_local! {
    /// Raw deflate at `LEVEL`, reset between pages rather than set up afresh for each.
    static DEFLATE: RefCell<Compress> = RefCell::new(Compress::new(Compression::new(LEVEL), false));
}

/// `data` as a gzip member (RFC 1952): a header, raw deflate, and the CRC-32 and length.
pub fn gzip(data: &[u8]) -> Vec<u8> {
    // The header: magic, deflate, no flags, no time, no extra flags, "unknown" system.
    let mut out = Vec::with_capacity(deflate_bound(data.len()) + 18);
    out.extend_from_slice(&[0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255]);
    DEFLATE.with_borrow_mut(|deflate| {
        deflate.reset();
        let start_in = deflate.total_in();
        loop {
            let read = (deflate.total_in() - start_in) as usize;
            match deflate.compress_vec(&data[read..], &mut out, FlushCompress::Finish) {
                Ok(Status::StreamEnd) => break,
                // Out of room (the bound is a bound; this is for safety): make more.
                Ok(_) => out.reserve(out.capacity().max(64)),
                Err(e) => unreachable!("deflate refused whole input it was given: {e}"),
            }
        }
    });
    let mut crc = Crc::new();
    crc.update(data);
    out.extend_from_slice(&crc.sum().to_le_bytes());
    out.extend_from_slice(&crc.amount().to_le_bytes());
    out
}

/// zlib's `compressBound`: the most raw deflate can take for `n` bytes.
fn deflate_bound(n: usize) -> usize {
    n + (n >> 12) + (n >> 14) + (n >> 25) + 13
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn gunzip(data: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(data)
            .read_to_end(&mut out)
            .expect("a valid gzip member");
        out
    }

    fn accept(value: &str) -> bool {
        let mut h = HeaderMap::new();
        h.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_str(value).unwrap(),
        );
        accepts_gzip(&h)
    }

    #[test]
    fn pages_come_back_whole_from_one_compressor_used_again_and_again() {
        let page = "<p>Where you live</p>".repeat(400);
        let other: Vec<u8> = (0..70_000u32).map(|i| (i * 7919 % 251) as u8).collect();
        for _ in 0..3 {
            assert_eq!(gunzip(&gzip(page.as_bytes())), page.as_bytes());
            assert_eq!(gunzip(&gzip(&other)), other, "incompressible input");
            assert_eq!(gunzip(&gzip(b"")), b"");
        }
        assert!(gzip(page.as_bytes()).len() < page.len() / 10);
    }

    #[test]
    fn gzip_is_allowed_only_with_a_weight_above_zero() {
        assert!(accept("gzip"));
        assert!(accept("br, gzip"));
        assert!(accept("gzip, deflate, br, zstd"));
        assert!(accept("GZIP;q=0.5"));
        assert!(accept("x-gzip"));
        assert!(accept("*"));
        assert!(accept("br;q=1.0, gzip;q=0.8, *;q=0.1"));
        assert!(!accept("br"));
        assert!(!accept("identity"));
        assert!(!accept("gzip;q=0"));
        assert!(!accept("gzip;q=0, *"), "named refusal beats the wildcard");
        assert!(!accept("*;q=0"));
        assert!(!accept(""));
        assert!(!accepts_gzip(&HeaderMap::new()));
    }

    #[test]
    fn only_pages_not_already_encoded_are_taken() {
        let mut h = HeaderMap::new();
        h.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/html; charset=utf-8"),
        );
        assert!(is_page(&h));
        h.insert(header::CONTENT_ENCODING, HeaderValue::from_static("br"));
        assert!(!is_page(&h));
        let mut csv = HeaderMap::new();
        csv.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/csv"));
        assert!(!is_page(&csv));
    }
}
