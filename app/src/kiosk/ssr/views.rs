//! The kiosk pages' data. Each reads the tablet's kiosk cookie from the request.

use crate::kiosk::model::*;
use crate::kiosk::paths;
use crate::kiosk::ssr::cookie;
use crate::shared::notice::{FormNotice, Refusal};
use crate::shared::ssr::{flash, AppState, ViewError};
use crate::survey::ssr::views::one_page;

fn headers() -> axum::http::HeaderMap {
    leptos::prelude::use_context::<axum::http::request::Parts>()
        .map(|p| p.headers)
        .unwrap_or_default()
}

/// The `code` in the address of the organiser's link, `/kiosk?code=...`.
fn linked_code() -> Option<String> {
    let parts = leptos::prelude::use_context::<axum::http::request::Parts>()?;
    url::form_urlencoded::parse(parts.uri.query()?.as_bytes())
        .find(|(k, _)| k == "code")
        .map(|(_, v)| v.chars().take(40).collect())
}

pub async fn home(st: &AppState) -> Result<KioskHome, ViewError> {
    let notice: Option<FormNotice> = flash::take(st, paths::KIOSK);
    let thanks = crate::shared::notice::done(&notice);
    let Some((token, kiosk)) = cookie::kiosk_of(st, &headers()).await? else {
        let refusal = Refusal::of(&notice, "kiosk").unwrap_or_default();
        // The organiser's link carries the code: the form is filled, and pressing its
        // button spends the code (a mail system opening the link spends nothing).
        let linked = linked_code();
        return Ok(KioskHome::NeedsCode {
            error: refusal.error("kiosk-code"),
            typed: refusal.typed.get("code").or(linked).unwrap_or_default(),
        });
    };
    // Back at the start (after a send, a walk-away or the idle return): whatever the last
    // person left unsent goes now.
    store::entries::forget_unsent(&st.db, kiosk.id).await?;
    let catalogue = st.catalogue.get(&st.db).await?;
    let survey = catalogue
        .survey_of_wave(kiosk.wave_id)
        .ok_or(ViewError::NotFound)?;
    let group = store::groups::by_id(&st.db, kiosk.event.group_id)
        .await?
        .map(|g| g.name)
        .unwrap_or_default();
    Ok(KioskHome::Ready {
        survey_title: survey.definition.title.clone(),
        minutes: survey.about.minutes,
        event_title: kiosk.event.title.clone(),
        group_name: group,
        token: cookie::form_token(st, &token),
        thanks,
    })
}

pub async fn answers(
    st: &AppState,
    code: &str,
    show_errors: bool,
) -> Result<KioskAnswersView, ViewError> {
    let Some((token, kiosk)) = cookie::kiosk_of(st, &headers()).await? else {
        return Err(ViewError::Redirect(paths::KIOSK.into()));
    };
    // Sent, or left behind by someone before: back to the start.
    let Some(entry) = store::entries::at_kiosk(&st.db, &kiosk, code).await? else {
        return Err(ViewError::Redirect(paths::KIOSK.into()));
    };
    let catalogue = st.catalogue.get(&st.db).await?;
    let survey = catalogue
        .survey_of_wave(kiosk.wave_id)
        .ok_or(ViewError::NotFound)?;
    let areas = &catalogue.areas;
    let (sections, errors) = one_page(&survey.definition, &entry.answers, areas, show_errors);
    Ok(KioskAnswersView {
        code: entry.code,
        survey_title: survey.definition.title.clone(),
        sections,
        errors,
        token: cookie::form_token(st, &token),
        idle_seconds: st.kiosk_idle_seconds,
    })
}

pub async fn leave(st: &AppState) -> Result<KioskLeaveView, ViewError> {
    let notice: Option<FormNotice> = flash::take(st, paths::KIOSK_LEAVE);
    let Some((token, _)) = cookie::kiosk_of(st, &headers()).await? else {
        return Err(ViewError::Redirect(paths::KIOSK.into()));
    };
    let refusal = Refusal::of(&notice, "leave").unwrap_or_default();
    Ok(KioskLeaveView {
        token: cookie::form_token(st, &token),
        error: refusal.error("leave-email"),
        email: refusal.typed.get("email").unwrap_or_default(),
    })
}
