//! Entering answers where there is no signal: the page the service worker keeps, the
//! answers it sends when the connection returns (each under the id the browser made), and
//! the organiser's choice for answers that arrived twice but different.

use std::collections::BTreeMap;

use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Json;
use domain::answers::{section_fields, RawAnswers};
use serde::{Deserialize, Serialize};
use store::groups::Scope;
use store::offline::{Arrived, Choice, Resolved};

use crate::groups::model::{AsideRow, OfflineEntryView};
use crate::groups::paths;
use crate::shared::notice::FormNotice;
use crate::shared::ssr::access::{GroupPeople, Organisers, Routes, Signed};
use crate::shared::ssr::auth::SignedIn;
use crate::shared::ssr::forms::field;
use crate::shared::ssr::staff_forms::{OfficerError, Posted};
use crate::shared::ssr::{flash, AppState, ViewError};
use crate::survey::ssr::views::one_page;

pub fn router() -> Routes {
    Routes::default()
        .route(paths::GROUP_EVENT_OFFLINE, post(receive))
        .route(paths::GROUP_KEPT_ASIDE, post(resolve))
        .route(paths::GROUP_SERVICE_WORKER, get(service_worker))
}

/// The offline page: every question of the survey, and for the page's script each
/// required question's message when left blank, taken from the journey's own checks.
pub async fn view(
    st: &AppState,
    who: &SignedIn,
    scope: &Scope,
    event_id: i32,
    wave_id: i32,
) -> Result<OfflineEntryView, ViewError> {
    let event = store::events::own(&st.db, scope, event_id)
        .await?
        .ok_or(ViewError::NotFound)?;
    if !event.waves.contains(&wave_id) || event.cancelled || event.times.is_over(who.at) {
        return Err(ViewError::NotFound);
    }
    let catalogue = st.catalogue.get(&st.db).await?;
    let survey = catalogue
        .survey_of_wave(wave_id)
        .ok_or(ViewError::NotFound)?;
    let areas = &catalogue.areas;
    let (sections, _) = one_page(&survey.definition, &RawAnswers::new(), areas, false);
    let (_, blank) = one_page(&survey.definition, &RawAnswers::new(), areas, true);
    let keys = survey
        .definition
        .sections
        .iter()
        .flat_map(|s| s.questions.iter())
        .map(|q| (crate::survey::paths::field_id(&q.key), q.key.clone()))
        .collect::<BTreeMap<_, _>>();
    Ok(OfflineEntryView {
        viewer: who.viewer(),
        event_id,
        event_title: event.title.clone(),
        survey_title: survey.definition.title.clone(),
        sections,
        checks: blank
            .into_iter()
            .filter_map(|e| Some((keys.get(&e.field_id)?.clone(), e.field_id, e.message)))
            .collect(),
        not_agreed: super::entries::NOT_AGREED.to_string(),
        send_to: paths::event_offline(event_id, wave_id),
    })
}

/// One resident's answers as the offline page sends them.
#[derive(Deserialize)]
struct Sending {
    id: String,
    answers: BTreeMap<String, String>,
    agreed: bool,
}

/// What the page is told, and shows.
#[derive(Serialize)]
struct Reply {
    /// stored, repeat, kept_aside, check, closed, not_found
    outcome: &'static str,
    message: String,
    /// The entry page, for answers to check.
    #[serde(skip_serializing_if = "Option::is_none")]
    href: Option<String>,
}

fn reply(
    status: StatusCode,
    outcome: &'static str,
    message: String,
    href: Option<String>,
) -> Response {
    (
        status,
        Json(Reply {
            outcome,
            message,
            href,
        }),
    )
        .into_response()
}

/// Answers arriving from a device. The session cookie says who sent them; a JSON body
/// cannot be sent from another site without the browser asking first (which Kiln never
/// allows), and the cookie is not sent with other sites' requests either.
async fn receive(
    State(st): State<AppState>,
    Path((id, wave)): Path<(i32, String)>,
    Signed { who, .. }: Signed<GroupPeople>,
    Json(sending): Json<Sending>,
) -> Result<Response, OfficerError> {
    let not_found = || {
        reply(
            StatusCode::NOT_FOUND,
            "not_found",
            "These answers are for an event or survey that is not your group's.".into(),
            None,
        )
    };
    let (Some(scope), Ok(wave)) = (Scope::of(&who.user), wave.parse::<i32>()) else {
        return Ok(not_found());
    };
    let catalogue = st.catalogue.get(&st.db).await?;
    let Some(survey) = catalogue.survey_of_wave(wave) else {
        return Ok(not_found());
    };
    let mut answers = RawAnswers::new();
    let submitted = || {
        sending
            .answers
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
    };
    for section in &survey.definition.sections {
        answers.extend(section_fields(section, submitted()));
    }
    let arrived = store::offline::receive(
        &st.db,
        &scope,
        who.user.id,
        id,
        wave,
        &sending.id,
        &survey,
        &catalogue.areas,
        answers,
        sending.agreed,
        who.at,
        domain::groups::local_date(who.at),
    )
    .await?;
    Ok(match arrived {
        None => not_found(),
        Some(Arrived::Stored { at_event }) => reply(
            StatusCode::OK,
            "stored",
            format!(
                "Sent. {at_event} {} entered at this event so far.",
                if at_event == 1 { "response" } else { "responses" }
            ),
            None,
        ),
        Some(Arrived::Repeat) => reply(
            StatusCode::OK,
            "repeat",
            "These answers had already arrived.".into(),
            None,
        ),
        Some(Arrived::KeptAside) => reply(
            StatusCode::OK,
            "kept_aside",
            "Different answers arrived earlier under the same entry, so these were kept aside for your organiser to look at.".into(),
            None,
        ),
        Some(Arrived::Check { code }) => reply(
            StatusCode::OK,
            "check",
            "Some answers need checking before they can be sent.".into(),
            Some(paths::entry(&code)),
        ),
        Some(Arrived::Closed(c)) => reply(
            StatusCode::CONFLICT,
            "closed",
            super::entries::closed_words(c).into(),
            None,
        ),
    })
}

async fn resolve(
    State(st): State<AppState>,
    Path(id): Path<i32>,
    p: Posted<Organisers>,
) -> Result<Response, OfficerError> {
    let scope = Scope::of(&p.who.user).ok_or(OfficerError::NotFound)?;
    let choice = match field(&p.fields, "choice") {
        Some("keep") => Choice::Keep,
        Some("replace") => Choice::Replace,
        _ => return Err(OfficerError::NotFound),
    };
    let catalogue = st.catalogue.get(&st.db).await?;
    let survey_of = |wave: i32| catalogue.survey_of_wave(wave);
    let event_id = store::offline::event_of(&st.db, &scope, id)
        .await?
        .ok_or(OfficerError::NotFound)?;
    let resolved = store::offline::resolve(
        &st.db,
        &scope,
        id,
        choice,
        p.who.user.id,
        &survey_of,
        &catalogue.areas,
        p.who.at,
        domain::groups::local_date(p.who.at),
    )
    .await?
    .ok_or(OfficerError::NotFound)?;
    let words = match resolved {
        Resolved::Kept => "The answers already stored stand, and those kept aside were deleted.".to_string(),
        Resolved::Replaced(changes) => format!(
            "The answers kept aside replaced the stored ones: {} {} changed, kept as a correction.",
            changes.len(),
            if changes.len() == 1 { "answer" } else { "answers" }
        ),
        Resolved::Invalid => "The answers kept aside are not complete or not valid, so they cannot replace the stored ones. Keep the stored answers instead.".into(),
        Resolved::WaveClosed => "The survey has closed, so the stored answers stand. Keep them to clear this.".into(),
    };
    Ok(flash::redirect_with(
        &st,
        &paths::event(event_id),
        &FormNotice::Done(words),
        "#kept-aside",
    ))
}

/// The organiser's view of answers kept aside at an event.
pub async fn kept_aside(
    st: &AppState,
    scope: &Scope,
    event_id: i32,
) -> Result<Vec<AsideRow>, ViewError> {
    if !scope.organises() {
        return Ok(Vec::new());
    }
    let catalogue = st.catalogue.get(&st.db).await?;
    let survey_of = |wave: i32| catalogue.survey_of_wave(wave);
    let asides =
        store::offline::at_event(&st.db, scope, event_id, &survey_of, &catalogue.areas).await?;
    let mut rows = Vec::new();
    for a in asides {
        let by = store::users::by_id(&st.db, a.received_from)
            .await?
            .map(|u| u.name)
            .unwrap_or_default();
        let survey = survey_of(a.entry.wave_id);
        rows.push(AsideRow {
            action: paths::kept_aside(a.id),
            received: crate::shared::ssr::when::when(a.received_at),
            by,
            changes: a
                .changes
                .iter()
                .map(|c| {
                    super::entries::change_words(
                        survey.as_ref().map(|s| &s.definition),
                        &c.question,
                        &c.before,
                        &c.after,
                    )
                })
                .collect(),
        });
    }
    Ok(rows)
}

/// The service worker. Served from `/group/` so that it looks after the group pages only;
/// it may fetch (its own policy), and is checked for a new version on every visit.
async fn service_worker() -> Response {
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/javascript; charset=utf-8"),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
            (
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_static("default-src 'self'"),
            ),
        ],
        include_str!("../../../assets/sw.js"),
    )
        .into_response()
}
