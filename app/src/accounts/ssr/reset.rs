//! "Forgotten your password?", the page its emailed link opens, and the page an emailed
//! invitation opens. The same answer is given
//! whether or not the address has an account. Opening the link shows a form and changes
//! nothing (mail scanners open every link); only sending the form uses the link.

use axum::extract::{Form, Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use axum::Extension;
use store::account_links::{self, Purpose, ResetProblem};
use store::audit::Actor;

use super::sign_in::internal;
use crate::accounts::model::{ForgottenView, ResetView};
use crate::accounts::paths;
use crate::shared::ssr::access::Routes;
use crate::shared::ssr::auth::ClientIp;
use crate::shared::ssr::forms::{email_or_code, field, typed};
use crate::shared::ssr::staff_forms::with_query;
use crate::shared::ssr::view_error::ViewError;
use crate::shared::ssr::{flash, token, AppState};

type Fields = Vec<(String, String)>;

pub fn router() -> Routes {
    Routes::default()
        .route(paths::FORGOTTEN, post(forgotten))
        .route(paths::RESET_PASSWORD, post(reset))
        .route(paths::INVITATION, post(accept_invitation))
}

const FORGOTTEN_STEP: &str = "forgotten";
const RESET_STEP: &str = "reset";

pub fn forgotten_view(st: &AppState) -> ForgottenView {
    ForgottenView {
        token: token::issue(&st.form_secret, FORGOTTEN_STEP, FORGOTTEN_STEP),
        typed: flash::take_typed(st, paths::FORGOTTEN),
        minutes: st.mail.reset_minutes,
    }
}

pub async fn reset_view(
    st: &AppState,
    link: &str,
    invitation: bool,
) -> Result<ResetView, ViewError> {
    let purpose = if invitation {
        Purpose::Invitation
    } else {
        Purpose::Reset
    };
    Ok(ResetView {
        works: account_links::link_works(&st.db, purpose, link, st.clock.now()).await?,
        token: token::issue(&st.form_secret, RESET_STEP, RESET_STEP),
    })
}

fn actor(st: &AppState, ip: &str, label: &str) -> Actor {
    Actor {
        user_id: None,
        label: label.to_string(),
        ip: Some(ip.to_string()),
        at: st.clock.now(),
    }
}

async fn forgotten(
    State(st): State<AppState>,
    Extension(ClientIp(ip)): Extension<ClientIp>,
    Form(fields): Form<Fields>,
) -> Response {
    let typed = typed(&fields, "email");
    let back = |code: &str| {
        flash::back_to_form(
            &st,
            paths::FORGOTTEN,
            &[("error", code)],
            &[("email", &typed)],
            "",
        )
    };
    let form_token = field(&fields, "token").unwrap_or("");
    if !token::verify(&st.form_secret, FORGOTTEN_STEP, FORGOTTEN_STEP, form_token) {
        return back("form");
    }
    let email = match email_or_code(&typed) {
        Ok(e) => e,
        Err(code) => return back(code),
    };
    let queued = account_links::request_reset(
        &st.db,
        &actor(&st, &ip, email.as_str()),
        &email,
        st.mail.reset_minutes,
    )
    .await;
    match queued {
        Ok(true) => st.mail.wake.notify_one(),
        Ok(false) => {}
        Err(e) => return internal(e),
    }
    // The same page whether or not the address has an account.
    flash::sent_to(&st, paths::FORGOTTEN, &email)
}

async fn reset(
    st: State<AppState>,
    ip: Extension<ClientIp>,
    link: Path<String>,
    fields: Form<Fields>,
) -> Response {
    choose_password(st, ip, link, fields, Purpose::Reset).await
}

async fn accept_invitation(
    st: State<AppState>,
    ip: Extension<ClientIp>,
    link: Path<String>,
    fields: Form<Fields>,
) -> Response {
    choose_password(st, ip, link, fields, Purpose::Invitation).await
}

async fn choose_password(
    State(st): State<AppState>,
    Extension(ClientIp(ip)): Extension<ClientIp>,
    Path(link): Path<String>,
    Form(fields): Form<Fields>,
    purpose: Purpose,
) -> Response {
    let page = match purpose {
        Purpose::Reset => paths::reset_password(&link),
        Purpose::Invitation => paths::invitation(&link),
    };
    let back = |code: &str| Redirect::to(&with_query(&page, &[("error", code)])).into_response();
    let form_token = field(&fields, "token").unwrap_or("");
    if !token::verify(&st.form_secret, RESET_STEP, RESET_STEP, form_token) {
        return back("form");
    }
    let new = field(&fields, "new").unwrap_or("");
    let confirm = field(&fields, "confirm").unwrap_or("");
    if new.is_empty() {
        return back("missing");
    }
    let by = actor(&st, &ip, "emailed link");
    match account_links::choose_password(&st.db, &by, purpose, &link, new, confirm).await {
        Ok(Ok(())) => {
            let done = match purpose {
                Purpose::Reset => "reset",
                Purpose::Invitation => "welcome",
            };
            Redirect::to(&with_query(paths::SIGN_IN, &[(done, "1")])).into_response()
        }
        // Codes only: no password ever goes into an address.
        Ok(Err(ResetProblem::Password(p))) => back(p.code()),
        Ok(Err(ResetProblem::LinkDead)) => Redirect::to(&page).into_response(),
        Err(e) => internal(e),
    }
}
