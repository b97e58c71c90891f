//! An invited resident's access code rides in their own browser from the invitation's page
//! to the sending of their answers, sealed to their unfinished response: the database never
//! holds anything that joins the two.

use axum::http::{HeaderMap, HeaderValue};
use domain::{AccessCode, ResumeCode};

use crate::shared::ssr::auth::{read_cookie, Cookie};
use crate::shared::ssr::{token, AppState};

/// As long as an unfinished response is kept.
const SECONDS: i64 = 30 * 24 * 60 * 60;

fn step(draft: &ResumeCode) -> String {
    format!("invited:{}", draft.as_str())
}

pub fn set(st: &AppState, draft: &ResumeCode, code: &AccessCode) -> HeaderValue {
    let sealed = token::seal(&st.form_secret, &step(draft), code.as_str());
    st.auth.set_cookie(Cookie::Invited, &sealed, Some(SECONDS))
}

/// The code, if this browser started `draft` from an invitation.
pub fn read(st: &AppState, headers: &HeaderMap, draft: &ResumeCode) -> Option<AccessCode> {
    let value = read_cookie(headers, st.auth.name_of(Cookie::Invited))?;
    let code = token::unseal(&st.form_secret, &step(draft), &value)?;
    AccessCode::parse(code).ok()
}

pub fn clear(st: &AppState) -> HeaderValue {
    st.auth.clear(Cookie::Invited)
}
