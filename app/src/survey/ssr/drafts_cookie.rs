//! Unfinished answers are reached through this browser's cookie, not through the page's
//! address: a shared computer's history must not reopen someone's draft. Each draft's pages
//! are addressed by a keyed hash of its resume code (`address`), which opens it only in a
//! browser whose `kiln_drafts` cookie holds the code. The cookie lasts until the browser
//! closes; the resume code itself is shown only on the "saved" page, for moving to another
//! device, where typing it puts it in that browser's cookie.

use axum::http::{HeaderMap, HeaderValue};
use domain::ResumeCode;

use crate::shared::ssr::auth::{read_cookie, Cookie};
use crate::shared::ssr::{token, AppState};

/// The most drafts one browser keeps open at once (a kiosk or a shared family tablet); the
/// oldest is forgotten first, and its resume code still opens it.
const KEPT: usize = 8;
const SEAL: &str = "drafts";
const ADDRESS: &str = "draft-address";

/// The part of a draft's page addresses that names it: useless without the cookie.
pub fn address(st: &AppState, code: &ResumeCode) -> String {
    token::issue(&st.form_secret, code.as_str(), ADDRESS)[..16].to_string()
}

/// The drafts this browser has open, most recent first.
pub fn held(st: &AppState, headers: &HeaderMap) -> Vec<ResumeCode> {
    read_cookie(headers, st.auth.name_of(Cookie::Drafts))
        .and_then(|v| token::unseal(&st.form_secret, SEAL, &v).map(str::to_string))
        .map(|body| {
            body.split('_')
                .filter_map(|c| ResumeCode::parse(c).ok())
                .collect()
        })
        .unwrap_or_default()
}

/// The draft a page address names, if this browser holds it.
pub fn find(st: &AppState, headers: &HeaderMap, address_part: &str) -> Option<ResumeCode> {
    held(st, headers)
        .into_iter()
        .find(|code| address(st, code) == address_part)
}

/// The cookie with `code` added (first), for the response that opens it in this browser.
pub fn remember(st: &AppState, headers: &HeaderMap, code: &ResumeCode) -> HeaderValue {
    let mut codes = held(st, headers);
    codes.retain(|c| c != code);
    codes.insert(0, code.clone());
    codes.truncate(KEPT);
    let body: Vec<&str> = codes.iter().map(ResumeCode::as_str).collect();
    let sealed = token::seal(&st.form_secret, SEAL, &body.join("_"));
    // No Max-Age: the browser forgets it when it closes.
    st.auth.set_cookie(Cookie::Drafts, &sealed, None)
}
