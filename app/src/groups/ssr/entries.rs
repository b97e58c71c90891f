//! Assisted entry: starting an entry from the event's page, the one-page form with every
//! question, and sending it. Refused answers are kept on the server as typed, and the page
//! shows every problem beside its question and in the summary.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use domain::answers::{section_fields, RawAnswers};
use store::entries::{Closed, Corrected, Sent};
use store::groups::Scope;

use crate::groups::model::{CorrectionRow, EntryView};
use crate::groups::paths;
use crate::shared::components::ErrorItem;
use crate::shared::notice::FormNotice;
use crate::shared::ssr::access::{GroupPeople, Routes};
use crate::shared::ssr::auth::SignedIn;
use crate::shared::ssr::forms::field;
use crate::shared::ssr::staff_forms::{OfficerError, Posted};
use crate::shared::ssr::{flash, AppState, ViewError};
use crate::survey::ssr::views::one_page;

pub fn router() -> Routes {
    Routes::default()
        .route(paths::GROUP_EVENT_ENTER, post(start_entry))
        .route(paths::GROUP_ENTRY, post(send_entry))
}

/// The words for a resident's agreement not being confirmed.
pub(crate) const NOT_AGREED: &str =
    "Confirm the resident agreed to answer and to you entering their answers";

pub(crate) fn closed_words(c: Closed) -> &'static str {
    match c {
        Closed::Event => "This event is not taking answers now: volunteers can enter answers from an hour before it starts until a day after it ends.",
        Closed::Wave => "This survey has closed, so no more answers can be entered for it.",
    }
}

pub(crate) fn scope_of(who: &SignedIn) -> Result<Scope, OfficerError> {
    Scope::of(&who.user).ok_or(OfficerError::NotFound)
}

async fn start_entry(
    State(st): State<AppState>,
    Path((id, wave)): Path<(i32, String)>,
    p: Posted<GroupPeople>,
) -> Result<Response, OfficerError> {
    let scope = scope_of(&p.who)?;
    let wave: i32 = wave.parse().map_err(|_| OfficerError::NotFound)?;
    match store::entries::start(&st.db, &scope, p.who.user.id, id, wave, p.who.at).await? {
        None => Err(OfficerError::NotFound),
        Some(Ok(code)) => Ok(Redirect::to(&paths::entry(&code)).into_response()),
        Some(Err(c)) => Ok(flash::redirect_with(
            &st,
            &paths::event(id),
            &FormNotice::Done(closed_words(c).into()),
            "",
        )),
    }
}

async fn send_entry(
    State(st): State<AppState>,
    Path(code): Path<String>,
    p: Posted<GroupPeople>,
) -> Result<Response, OfficerError> {
    let scope = scope_of(&p.who)?;
    let entry = store::entries::own(&st.db, &scope, &code)
        .await?
        .ok_or(OfficerError::NotFound)?;
    let catalogue = st.catalogue.get(&st.db).await?;
    let survey = catalogue
        .survey_of_wave(entry.wave_id)
        .ok_or(OfficerError::NotFound)?;
    // Only this survey's questions are kept from the post.
    let mut answers = RawAnswers::new();
    let submitted = || p.fields.iter().map(|(k, v)| (k.as_str(), v.as_str()));
    for section in &survey.definition.sections {
        answers.extend(section_fields(section, submitted()));
    }
    let event_page = paths::event(entry.event.id);
    if entry.sent {
        let outcome = store::entries::correct(
            &st.db,
            &entry,
            &survey,
            &catalogue.areas,
            answers,
            p.who.user.id,
            p.who.at,
            domain::groups::local_date(p.who.at),
        )
        .await?;
        return Ok(match outcome {
            Corrected::Saved(changes) => flash::redirect_with(
                &st,
                &event_page,
                &FormNotice::Done(format!(
                    "Correction saved: {} {} changed.",
                    changes.len(),
                    if changes.len() == 1 {
                        "answer"
                    } else {
                        "answers"
                    }
                )),
                "#enter",
            ),
            Corrected::Unchanged => flash::redirect_with(
                &st,
                &event_page,
                &FormNotice::Done("No answer was changed, so nothing was saved.".into()),
                "#enter",
            ),
            Corrected::Invalid(_) => {
                Redirect::to(&format!("{}?errors=1&agreed=1", paths::entry(&code))).into_response()
            }
            Corrected::NotTheirs => return Err(OfficerError::NotFound),
            Corrected::Closed(c) => flash::redirect_with(
                &st,
                &event_page,
                &FormNotice::Done(closed_words(c).into()),
                "",
            ),
        });
    }
    let agreed = field(&p.fields, "agreed") == Some("yes");
    let outcome = store::entries::send(
        &st.db,
        &entry,
        &survey,
        &catalogue.areas,
        answers,
        agreed,
        p.who.at,
        domain::groups::local_date(p.who.at),
    )
    .await?;
    Ok(match outcome {
        Sent::Stored { at_event } => flash::redirect_with(
            &st,
            &event_page,
            &FormNotice::Done(format!(
                "Answers sent. {at_event} {} entered at this event so far.",
                if at_event == 1 {
                    "response"
                } else {
                    "responses"
                }
            )),
            "#enter",
        ),
        Sent::Already => Redirect::to(&event_page).into_response(),
        Sent::Invalid { agreed, .. } => Redirect::to(&format!(
            "{}?errors=1&agreed={}",
            paths::entry(&code),
            if agreed { "1" } else { "0" }
        ))
        .into_response(),
        Sent::Closed(c) => flash::redirect_with(
            &st,
            &event_page,
            &FormNotice::Done(closed_words(c).into()),
            "",
        ),
    })
}

/// The entry page: every section's questions, with the answers as typed and, after a
/// refused send, every problem.
pub async fn view(
    st: &AppState,
    who: &SignedIn,
    scope: &Scope,
    code: &str,
    show_errors: bool,
    agreed: bool,
) -> Result<EntryView, ViewError> {
    let entry = store::entries::own(&st.db, scope, code)
        .await?
        .ok_or(ViewError::NotFound)?;
    let catalogue = st.catalogue.get(&st.db).await?;
    let survey = catalogue
        .survey_of_wave(entry.wave_id)
        .ok_or(ViewError::NotFound)?;
    let areas = &catalogue.areas;
    // Only the volunteer who entered it corrects it, and only while the event takes answers.
    let correcting = entry.sent
        && entry.entered_by == who.user.id
        && !entry.event.cancelled
        && entry.event.times.takes_entries(who.at);
    // A refused correction's answers as typed, else the response as stored.
    let refused_correction = show_errors && !entry.answers.is_empty();
    let answers = match entry.response_id {
        Some(id) if correcting && !refused_correction => {
            store::entries::answers_of_response(&st.db, id, areas).await?
        }
        _ => entry.answers.clone(),
    };
    let (sections, mut errors) = one_page(&survey.definition, &answers, areas, show_errors);
    let agree_error = (show_errors && !agreed && !correcting).then(|| NOT_AGREED.to_string());
    if let Some(m) = &agree_error {
        errors.push(ErrorItem {
            field_id: "agreed".into(),
            message: m.clone(),
        });
    }
    Ok(EntryView {
        viewer: who.viewer(),
        code: entry.code.clone(),
        event_id: entry.event.id,
        event_title: entry.event.title.clone(),
        survey_title: survey.definition.title.clone(),
        sections,
        errors,
        agreed: show_errors && agreed,
        agree_error,
        sent: entry.sent,
        correcting,
        history: history(st, &survey.definition, entry.response_id).await?,
    })
}

/// Every correction of a response, in words, for the volunteer correcting it.
async fn history(
    st: &AppState,
    survey: &domain::Survey,
    response_id: Option<i32>,
) -> Result<Vec<CorrectionRow>, ViewError> {
    let Some(id) = response_id else {
        return Ok(Vec::new());
    };
    let mut rows = Vec::new();
    for c in store::entries::corrections(&st.db, id).await? {
        let by = store::users::by_id(&st.db, c.changed_by)
            .await?
            .map(|u| u.name)
            .unwrap_or_default();
        rows.push(CorrectionRow {
            when: crate::shared::ssr::when::when(c.changed_at),
            by,
            changes: c
                .changes
                .iter()
                .map(|ch| change_words(Some(survey), &ch.question, &ch.before, &ch.after))
                .collect(),
        });
    }
    Ok(rows)
}

/// One changed answer in words: "question: “before” became “after”".
pub(crate) fn change_words(
    survey: Option<&domain::Survey>,
    key: &str,
    before: &str,
    after: &str,
) -> String {
    let prompt = survey
        .and_then(|s| {
            s.sections
                .iter()
                .flat_map(|s| s.questions.iter())
                .find(|q| q.key == key)
        })
        .map_or_else(|| key.to_string(), |q| q.prompt.clone());
    let shown = |v: &str| {
        if v.is_empty() {
            "no answer".to_string()
        } else {
            format!("“{v}”")
        }
    };
    format!("{prompt}: {} became {}", shown(before), shown(after))
}
