//! One-time notices carried from a form post to the page it redirects to, in a signed,
//! short-lived cookie: the page shows what the server wrote, never text from its own
//! address (a crafted link cannot put words on a council page).

use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Redirect, Response};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use leptos::prelude::use_context;
use serde::de::DeserializeOwned;
use serde::Serialize;

use super::auth::{read_cookie, Cookie};
use super::staff_forms::with_query;
use super::{token, AppState};
use crate::shared::Typed;

/// Long enough to follow a redirect on a slow connection; the page clears it once shown.
const SECONDS: i64 = 300;

/// The step a notice's MAC is bound to: a notice for one page cannot be shown on another.
fn step(page: &str) -> String {
    format!("flash:{page}")
}

/// A `Set-Cookie` value carrying `notice` to `page`.
pub fn set<T: Serialize>(st: &AppState, page: &str, notice: &T) -> HeaderValue {
    let body = URL_SAFE_NO_PAD.encode(deflate(
        &serde_json::to_vec(notice).expect("notices serialise"),
    ));
    let sealed = token::seal(&st.form_secret, &step(page), &body);
    st.auth.set_cookie(Cookie::Notice, &sealed, Some(SECONDS))
}

/// The notice for `page`, if the request carries one the server wrote for it.
pub fn read<T: DeserializeOwned>(st: &AppState, headers: &HeaderMap, page: &str) -> Option<T> {
    let value = read_cookie(headers, st.auth.name_of(Cookie::Notice))?;
    let body = token::unseal(&st.form_secret, &step(page), &value)?;
    serde_json::from_slice(&inflate(&URL_SAFE_NO_PAD.decode(body).ok()?)?).ok()
}

/// A browser keeps a cookie of 4 KB at most: a refused form's typed values (a question's
/// answers and help, a section's texts) are deflated, which makes words a third the size.
fn deflate(json: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut z = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
    z.write_all(json).expect("writing to memory");
    z.finish().expect("writing to memory")
}

fn inflate(bytes: &[u8]) -> Option<Vec<u8>> {
    use std::io::Read;
    let mut out = Vec::new();
    // A sealed notice is the server's own; the limit is only a guard.
    flate2::read::DeflateDecoder::new(bytes)
        .take(64 * 1024)
        .read_to_end(&mut out)
        .ok()?;
    Some(out)
}

/// A `Set-Cookie` value that removes the notice once its page has shown it.
pub fn clear(st: &AppState) -> HeaderValue {
    st.auth.clear(Cookie::Notice)
}

/// The notice the server left for `page`, taken once: read from the request a server
/// function renders, and cleared with its response.
pub fn take<T: DeserializeOwned>(st: &AppState, page: &str) -> Option<T> {
    let parts = use_context::<axum::http::request::Parts>()?;
    let notice = read(st, &parts.headers, page)?;
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.append_header(header::SET_COOKIE, clear(st));
    }
    Some(notice)
}

/// Back to a refused form on `page`: its problems as codes in the address (the page words
/// them), what was typed in the notice cookie, so that a crafted link can put neither words
/// nor values on the page. `anchor` is empty or `#id`.
pub fn back_to_form(
    st: &AppState,
    page: &str,
    codes: &[(&str, &str)],
    typed: &[(&str, &str)],
    anchor: &str,
) -> Response {
    (
        [(header::SET_COOKIE, set(st, page, &Typed::from_pairs(typed)))],
        Redirect::to(&format!("{}{anchor}", with_query(page, codes))),
    )
        .into_response()
}

/// After a form that emails a link: back to `page` saying it was sent (`?sent=1`), the
/// address in the notice cookie, not the URL.
pub fn sent_to(st: &AppState, page: &str, email: &domain::accounts::EmailAddress) -> Response {
    (
        [(
            header::SET_COOKIE,
            set(st, page, &Typed::from_pairs(&[("email", email.as_str())])),
        )],
        Redirect::to(&with_query(page, &[("sent", "1")])),
    )
        .into_response()
}

/// What was typed into `page`'s form before it was refused; empty otherwise.
pub fn take_typed(st: &AppState, page: &str) -> Typed {
    take(st, page).unwrap_or_default()
}

/// To `page` (and `anchor`, empty or `#id`), carrying what a form did.
pub fn redirect_with<T: Serialize>(
    st: &AppState,
    page: &str,
    notice: &T,
    anchor: &str,
) -> Response {
    (
        [(header::SET_COOKIE, set(st, page, notice))],
        Redirect::to(&format!("{page}{anchor}")),
    )
        .into_response()
}
