//! Server-only parts of results updates: the form posts and the page data.

use axum::extract::{Form, Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use domain::accounts::EmailAddress;
use store::subscribers::{self, List, Profile};

use super::model::{LinkView, PanelView, UpdatesView};
use super::paths;
use crate::accounts::ssr::sign_in::internal;
use crate::shared::ssr::access::Routes;
use crate::shared::ssr::forms::{email_or_code, field, typed};
use crate::shared::ssr::staff_forms::with_query;
use crate::shared::ssr::view_error::ViewError;
use crate::shared::ssr::{flash, token, AppState};

type Fields = Vec<(String, String)>;

const STEP: &str = "updates";

pub fn router() -> Routes {
    Routes::default()
        .route(paths::UPDATES, post(subscribe))
        .route(paths::PANEL, post(join_panel))
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
    let list = if leaving {
        subscribers::leave_works(&st.db, &st.form_secret, link).await?
    } else {
        subscribers::confirmation_works(&st.db, link, st.clock.now()).await?
    };
    let invitation = leaving
        && list.is_none()
        && store::invitations::leave_works(&st.db, &st.form_secret, link).await?;
    Ok(LinkView {
        works: list.is_some() || invitation,
        panel: list == Some(List::Panel),
        invitation,
    })
}

const PANEL_STEP: &str = "panel";

pub async fn panel_view(st: &AppState) -> Result<PanelView, ViewError> {
    let catalogue = st.catalogue.get(&st.db).await?;
    Ok(PanelView {
        token: token::issue(&st.form_secret, PANEL_STEP, PANEL_STEP),
        typed: flash::take_typed(st, paths::PANEL),
        wards: catalogue
            .areas
            .wards
            .iter()
            .map(|w| (w.code.clone(), w.name.clone()))
            .collect(),
        age_bands: domain::indicators::data::AGE_BANDS
            .iter()
            .map(|a| a.to_string())
            .collect(),
        sexes: vec![
            ("female".into(), "Female".into()),
            ("male".into(), "Male".into()),
        ],
    })
}

/// The list's own page.
fn page_of(list: List) -> &'static str {
    match list {
        List::Results => paths::UPDATES,
        List::Panel => paths::PANEL,
    }
}

/// Queues the address's confirmation; the same answer whatever it was.
async fn ask(st: &AppState, list: List, email: &EmailAddress, profile: Profile) -> Response {
    let now = st.clock.now();
    match subscribers::subscribe(&st.db, &st.form_secret, list, email, profile, now).await {
        Ok(true) => st.mail.wake.notify_one(),
        Ok(false) => {}
        Err(e) => return internal(e),
    }
    flash::sent_to(st, page_of(list), email)
}

async fn join_panel(State(st): State<AppState>, Form(fields): Form<Fields>) -> Response {
    let get = |name: &str| typed(&fields, name);
    let (typed, ward, age, sex) = (get("email"), get("ward"), get("age_band"), get("sex"));
    let back = |code: &str| {
        flash::back_to_form(
            &st,
            paths::PANEL,
            &[("error", code)],
            &[
                ("email", &typed),
                ("ward", &ward),
                ("age_band", &age),
                ("sex", &sex),
            ],
            "",
        )
    };
    if !token::verify(
        &st.form_secret,
        PANEL_STEP,
        PANEL_STEP,
        field(&fields, "token").unwrap_or(""),
    ) {
        return back("form");
    }
    let email = match email_or_code(&typed) {
        Ok(e) => e,
        Err(code) => return back(code),
    };
    let catalogue = match st.catalogue.get(&st.db).await {
        Ok(c) => c,
        Err(e) => return internal(e),
    };
    // Each is optional; anything but a listed choice is refused (only a forged form sends one).
    let chosen = |v: &str, ok: bool| (!v.is_empty() && ok).then(|| v.to_string());
    let known_ward = catalogue.areas.wards.iter().any(|w| w.code == ward);
    let known_age = domain::indicators::data::AGE_BANDS.contains(&age.as_str());
    let known_sex = domain::indicators::data::SEXES.contains(&sex.as_str());
    if (!ward.is_empty() && !known_ward)
        || (!age.is_empty() && !known_age)
        || (!sex.is_empty() && !known_sex)
    {
        return back("choice");
    }
    let profile = Profile {
        ward_code: chosen(&ward, known_ward),
        age_band: chosen(&age, known_age),
        sex: chosen(&sex, known_sex),
    };
    ask(&st, List::Panel, &email, profile).await
}

async fn subscribe(State(st): State<AppState>, Form(fields): Form<Fields>) -> Response {
    let typed = typed(&fields, "email");
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
    let email = match email_or_code(&typed) {
        Ok(e) => e,
        Err(code) => return back(code),
    };
    // The same answer whether the address was new, waiting or already confirmed.
    ask(&st, List::Results, &email, Profile::default()).await
}

async fn confirm(State(st): State<AppState>, Path(link): Path<String>) -> Response {
    match subscribers::confirm(&st.db, &link, st.clock.now()).await {
        Ok(Some(list)) => {
            Redirect::to(&with_query(page_of(list), &[("confirmed", "1")])).into_response()
        }
        Ok(None) => Redirect::to(&paths::confirm(&link)).into_response(),
        Err(e) => internal(e),
    }
}

/// The leave button, and mail providers' one-click unsubscribe (RFC 8058: a POST with
/// `List-Unsubscribe=One-Click` from their servers, with no form token): the link is the
/// credential.
async fn leave(State(st): State<AppState>, Path(link): Path<String>) -> Response {
    match subscribers::leave(&st.db, &st.form_secret, &link).await {
        Ok(Some(list)) => {
            return Redirect::to(&with_query(page_of(list), &[("left", "1")])).into_response()
        }
        Ok(None) => {}
        Err(e) => return internal(e),
    }
    // A survey invitation sent to an uploaded list.
    let now = st.clock.now();
    match store::invitations::leave(&st.db, &st.form_secret, &link, now).await {
        Ok(true) => {
            Redirect::to(&with_query(&paths::leave(&link), &[("left", "1")])).into_response()
        }
        Ok(false) => Redirect::to(&paths::leave(&link)).into_response(),
        Err(e) => internal(e),
    }
}
