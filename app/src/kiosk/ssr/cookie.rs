//! The kiosk tablet's token, in its own cookie, and the forms' token bound to it.

use axum::http::{HeaderMap, HeaderValue};

use crate::shared::ssr::auth::{read_cookie, Cookie};
use crate::shared::ssr::{token, AppState};

pub fn set(st: &AppState, value: &str, seconds: i64) -> HeaderValue {
    st.auth
        .set_cookie(Cookie::Kiosk, value, Some(seconds.max(60)))
}

pub fn clear(st: &AppState) -> HeaderValue {
    st.auth.clear(Cookie::Kiosk)
}

pub fn read(st: &AppState, headers: &HeaderMap) -> Option<String> {
    read_cookie(headers, st.auth.name_of(Cookie::Kiosk)).filter(|v| !v.is_empty())
}

/// The working kiosk of the request's tablet, if any.
pub async fn kiosk_of(
    st: &AppState,
    headers: &HeaderMap,
) -> Result<Option<(String, store::kiosks::Kiosk)>, store::StoreError> {
    let Some(t) = read(st, headers) else {
        return Ok(None);
    };
    Ok(store::kiosks::by_token(&st.db, &t, st.clock.now())
        .await?
        .map(|k| (t, k)))
}

/// A form token for this tablet: a post made up elsewhere, or on another tablet, fails.
pub fn form_token(st: &AppState, kiosk_token: &str) -> String {
    token::issue(&st.form_secret, kiosk_token, "kiosk")
}

pub fn form_token_ok(st: &AppState, kiosk_token: &str, posted: Option<&str>) -> bool {
    posted.is_some_and(|t| token::verify(&st.form_secret, kiosk_token, "kiosk", t))
}
