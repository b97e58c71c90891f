//! Public pages kept in memory: the published results, the annual report, the wellbeing
//! framework, and the list of surveys and each survey's start page (the first pages a crowd
//! of residents opens), as rendered for a visitor who is not signed in.
//!
//! An entry holds until the database says what it shows has changed: the catalogue's version
//! and `published_version` (both bumped by triggers, whichever process or command wrote),
//! read in one query (shared by the requests that arrive together: `SharedRead`), and the
//! date. So every instance of Kiln keeps its own copy and none serves a stale one. Each
//! response still gets its own CSP nonce: the kept page's nonce is swapped for a fresh one
//! as it is sent.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use axum::body::{to_bytes, Body};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use chrono::NaiveDate;

use super::auth::{read_cookie, Cookie, SignedIn};
use super::AppState;
use crate::shared::i18n::PageLanguage;

/// Past this many pages the cache starts again empty: a bound on memory, far above the
/// pages a council publishes (a page per ward, wave and indicator).
const MOST_PAGES: usize = 5_000;
/// The largest page kept, in bytes.
const LARGEST_PAGE: usize = 1 << 20;

/// What the database said when a page was rendered: the catalogue's and the published
/// pages' versions, and the day. Each only grows, so a later stamp compares greater.
type Stamp = (i64, i64, NaiveDate);

#[derive(Default)]
pub struct PageCache {
    kept: RwLock<Kept>,
    /// The two versions, read once for all the requests that arrive together.
    stamp: store::shared_read::SharedRead<(i64, i64)>,
}

#[derive(Default)]
struct Kept {
    stamp: Option<Stamp>,
    pages: HashMap<String, Arc<Page>>,
}

struct Page {
    headers: HeaderMap,
    body: String,
    /// The nonce the page was rendered with, in its body and its CSP.
    nonce: String,
}

/// Whether the page at `path` is the same for every visitor who is not signed in.
pub fn is_public_page(path: &str) -> bool {
    let under = |root: &str| crate::shared::address::is_under(root, path);
    (under(crate::results::paths::RESULTS)
        || path.starts_with("/annual-report/")
        || under(crate::framework::paths::FRAMEWORK)
        || path == crate::framework::paths::UPDATES
        || path == crate::survey::paths::HOME
        // A survey's start page, not the pages of a response below it.
        || crate::shared::address::matches(crate::survey::paths::START, path))
        && !path.ends_with(".csv")
        && !path.ends_with(".json")
}

/// The middleware: serves a kept copy when it is current, else renders and keeps it.
pub async fn serve(State(st): State<AppState>, req: Request, next: Next) -> Response {
    let Some(key) = key_for(&st, &req) else {
        return next.run(req).await;
    };
    // Read before rendering: a change committed while a page renders leaves it tagged with
    // the older version, so the next request renders again.
    let stamp = match st
        .pages
        .stamp
        .get(|| store::catalogue::published_stamp(&st.db))
        .await
    {
        Ok((catalogue, published)) => (catalogue, published, st.clock.today()),
        Err(e) => {
            tracing::warn!(error = %e, "could not read the published pages' version");
            return next.run(req).await;
        }
    };
    if let Some(page) = st.pages.find(&key, stamp) {
        return page.respond();
    }
    let res = next.run(req).await;
    st.pages.keep(key, stamp, res).await
}

/// The cache's key for a request it may answer: a plain GET of a public page, with no
/// query, from a visitor who is not signed in and has no notice waiting.
fn key_for(st: &AppState, req: &Request) -> Option<String> {
    let path = req.uri().path();
    let plain = req.method() == Method::GET
        && req.uri().query().is_none()
        && is_public_page(path)
        && req.extensions().get::<SignedIn>().is_none()
        && read_cookie(req.headers(), st.auth.name_of(Cookie::Notice)).is_none();
    let language = req.extensions().get::<PageLanguage>()?.language.code;
    plain.then(|| format!("{language} {path}"))
}

impl PageCache {
    fn find(&self, key: &str, stamp: Stamp) -> Option<Arc<Page>> {
        let kept = self.kept.read().expect("page cache lock");
        (kept.stamp == Some(stamp)).then(|| kept.pages.get(key).cloned())?
    }

    /// Keeps a rendered page if it is whole, successful HTML that sets no cookie; gives the
    /// response back either way.
    async fn keep(&self, key: String, stamp: Stamp, res: Response) -> Response {
        let keepable = res.status() == StatusCode::OK
            && !res.headers().contains_key(header::SET_COOKIE)
            && !res.headers().contains_key(header::CONTENT_ENCODING)
            && res
                .headers()
                .get(header::CONTENT_TYPE)
                .is_some_and(|v| v.as_bytes().starts_with(b"text/html"));
        let nonce = res
            .headers()
            .get(header::CONTENT_SECURITY_POLICY)
            .and_then(|v| v.to_str().ok())
            .and_then(nonce_in);
        let (Some(nonce), true) = (nonce, keepable) else {
            return res;
        };
        let (parts, body) = res.into_parts();
        let Some(body) = to_bytes(body, LARGEST_PAGE)
            .await
            .ok()
            .and_then(|b| String::from_utf8(b.to_vec()).ok())
        else {
            tracing::error!("a public page could not be read whole to keep it");
            return super::auth::service_problem();
        };
        let page = Arc::new(Page {
            headers: parts.headers.clone(),
            body: body.clone(),
            nonce,
        });
        {
            let mut kept = self.kept.write().expect("page cache lock");
            // A slow render that read an older stamp keeps nothing: it would only empty the
            // cache of pages newer than itself.
            if kept.stamp.is_some_and(|current| current > stamp) {
                drop(kept);
                return Response::from_parts(parts, Body::from(body));
            }
            if kept.stamp != Some(stamp) || kept.pages.len() >= MOST_PAGES {
                kept.pages.clear();
                kept.stamp = Some(stamp);
            }
            kept.pages.insert(key, page);
        }
        Response::from_parts(parts, Body::from(body))
    }
}

impl Page {
    /// The kept page, with a fresh nonce in its body and its policy.
    fn respond(&self) -> Response {
        let fresh = leptos::nonce::Nonce::new().to_string();
        let body = self.body.replace(
            &format!("nonce=\"{}\"", self.nonce),
            &format!("nonce=\"{fresh}\""),
        );
        let mut res = Response::new(Body::from(body));
        *res.headers_mut() = self.headers.clone();
        let policy = self
            .headers
            .get(header::CONTENT_SECURITY_POLICY)
            .and_then(|v| v.to_str().ok())
            .map(|p| {
                p.replace(
                    &format!("'nonce-{}'", self.nonce),
                    &format!("'nonce-{fresh}'"),
                )
            })
            .and_then(|p| HeaderValue::from_str(&p).ok());
        if let Some(policy) = policy {
            res.headers_mut()
                .insert(header::CONTENT_SECURITY_POLICY, policy);
        }
        res
    }
}

/// The nonce a Content-Security-Policy allows scripts by.
fn nonce_in(policy: &str) -> Option<String> {
    let rest = &policy[policy.find("'nonce-")? + "'nonce-".len()..];
    Some(rest[..rest.find('\'')?].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nonce_is_read_from_the_policy() {
        let policy = crate::shared::csp::for_page("abc-DEF_123");
        assert_eq!(nonce_in(&policy).as_deref(), Some("abc-DEF_123"));
        assert_eq!(nonce_in("default-src 'self'"), None);
    }

    #[test]
    fn public_pages_are_the_published_ones() {
        for path in [
            "/results",
            "/results/wellbeing/2026-baseline",
            "/results/wellbeing/2026-baseline/ward/DEMO07",
            "/annual-report/2026",
            "/wellbeing",
            "/wellbeing/life-satisfaction",
            "/you-said-we-did",
            "/",
            "/surveys/wellbeing",
        ] {
            assert!(is_public_page(path), "{path}");
        }
        for path in [
            "/results/wellbeing/2026-baseline/indicators.csv",
            "/wellbeing.csv",
            "/officer/wellbeing/2026-baseline",
            "/surveys/",
            "/surveys/wellbeing/r/abc/section/1",
            "/surveys/wellbeing/closed",
            "/resume",
            "/resultsx",
        ] {
            assert!(!is_public_page(path), "{path}");
        }
    }
}
