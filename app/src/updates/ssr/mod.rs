//! Server-only parts of results updates: the form posts and the page data.

use axum::extract::{Form, Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use domain::accounts::{EmailAddress, EmailProblem};
use store::subscribers;

use super::model::{LinkView, UpdatesView};
use super::paths;
use crate::accounts::ssr::sign_in::internal;
use crate::shared::ssr::access::Routes;
use crate::shared::ssr::forms::field;
use crate::shared::ssr::staff_forms::with_query;
use crate::shared::ssr::view_error::ViewError;
use crate::shared::ssr::{flash, token, AppState};

type Fields = Vec<(String, String)>;

const STEP: &str = "updates";

pub fn router() -> Routes {
    Routes::default()
        .route(paths::UPDATES, post(subscribe))
        .route(paths::CONFIRM, post(confirm))
        .route(paths::LEAVE, post(leave))
}

pub fn updates_view(st: &AppState) -> UpdatesView {
    UpdatesView {
        token: token::issue(&st.form_secret, STEP, STEP),
        typed: flash::take_typed(st, paths::UPDATES),
    }
}

pub async fn link_view(st: &AppState, link: &str, leaving: bool) -> Result<LinkView, ViewError> {
    let works = if leaving {
        subscribers::leave_works(&st.db, &st.form_secret, link).await?
    } else {
        subscribers::confirmation_works(&st.db, link, st.clock.now()).await?
    };
    Ok(LinkView { works })
}

async fn subscribe(State(st): State<AppState>, Form(fields): Form<Fields>) -> Response {
    let typed: String = field(&fields, "email")
        .unwrap_or("")
        .trim()
        .chars()
        .take(254)
        .collect();
    let back = |code: &str| {
        flash::back_to_form(
            &st,
            paths::UPDATES,
            &[("error", code)],
            &[("email", &typed)],
            "#email",
        )
    };
    if !token::verify(
        &st.form_secret,
        STEP,
        STEP,
        field(&fields, "token").unwrap_or(""),
    ) {
        return back("form");
    }
    let email = match EmailAddress::parse(&typed) {
        Ok(e) => e,
        Err(EmailProblem::Missing) => return back("email_missing"),
        Err(_) => return back("email_format"),
    };
    match subscribers::subscribe(&st.db, &st.form_secret, &email, st.clock.now()).await {
        Ok(true) => st.mail.wake.notify_one(),
        Ok(false) => {}
        Err(e) => return internal(e),
    }
    // The same answer whether the address was new, waiting or already confirmed.
    (
        [(
            header::SET_COOKIE,
            flash::set(
                &st,
                paths::UPDATES,
                &crate::shared::Typed::from_pairs(&[("email", email.as_str())]),
            ),
        )],
        Redirect::to(&with_query(paths::UPDATES, &[("sent", "1")])),
    )
        .into_response()
}

async fn confirm(State(st): State<AppState>, Path(link): Path<String>) -> Response {
    match subscribers::confirm(&st.db, &link, st.clock.now()).await {
        Ok(true) => {
            Redirect::to(&with_query(paths::UPDATES, &[("confirmed", "1")])).into_response()
        }
        Ok(false) => Redirect::to(&paths::confirm(&link)).into_response(),
        Err(e) => internal(e),
    }
}

/// The leave button, and mail providers' one-click unsubscribe (RFC 8058: a POST with
/// `List-Unsubscribe=One-Click` from their servers, with no form token): the link is the
/// credential.
async fn leave(State(st): State<AppState>, Path(link): Path<String>) -> Response {
    match subscribers::leave(&st.db, &st.form_secret, &link).await {
        Ok(true) => Redirect::to(&with_query(paths::UPDATES, &[("left", "1")])).into_response(),
        Ok(false) => Redirect::to(&paths::leave(&link)).into_response(),
        Err(e) => internal(e),
    }
}
