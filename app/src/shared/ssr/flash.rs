//! One-time notices carried from a form post to the page it redirects to, in a signed,
//! short-lived cookie: the page shows what the server wrote, never text from its own
//! address (a crafted link cannot put words on a council page).

use axum::http::{HeaderMap, HeaderValue};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::de::DeserializeOwned;
use serde::Serialize;

use super::auth::{read_cookie, Cookie};
use super::{token, AppState};

/// Long enough to follow a redirect on a slow connection; the page clears it once shown.
const SECONDS: i64 = 300;

/// The step a notice's MAC is bound to: a notice for one page cannot be shown on another.
fn step(page: &str) -> String {
    format!("flash:{page}")
}

/// A `Set-Cookie` value carrying `notice` to `page`.
pub fn set<T: Serialize>(st: &AppState, page: &str, notice: &T) -> HeaderValue {
    let body = URL_SAFE_NO_PAD.encode(serde_json::to_vec(notice).expect("notices serialise"));
    let sealed = token::seal(&st.form_secret, &step(page), &body);
    st.auth.set_cookie(Cookie::Notice, &sealed, Some(SECONDS))
}

/// The notice for `page`, if the request carries one the server wrote for it.
pub fn read<T: DeserializeOwned>(st: &AppState, headers: &HeaderMap, page: &str) -> Option<T> {
    let value = read_cookie(headers, st.auth.name_of(Cookie::Notice))?;
    let body = token::unseal(&st.form_secret, &step(page), &value)?;
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(body).ok()?).ok()
}

/// A `Set-Cookie` value that removes the notice once its page has shown it.
pub fn clear(st: &AppState) -> HeaderValue {
    st.auth.clear(Cookie::Notice)
}
