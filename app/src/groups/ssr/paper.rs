//! Paper forms: starting a batch, its page (the sheets so far and the next sheet's form),
//! adding and removing sheets, finishing, the second person's check, and the organiser's
//! count of sheets handed out. A refused sheet comes back with every problem and every
//! answer as typed (in the sealed notice, not the address).

use std::collections::HashMap;

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use domain::answers::{section_fields, RawAnswers};
use store::entries::Closed;
use store::groups::Scope;
use store::paper::{Added, Checked, Tally};

use super::entries::scope_of;
use crate::groups::model::{BatchView, PaperRow, SheetForm};
use crate::groups::paths;
use crate::shared::components::ErrorItem;
use crate::shared::notice::{done, FormNotice, Refusal};
use crate::shared::ssr::access::{GroupPeople, Organisers, Routes};
use crate::shared::ssr::auth::SignedIn;
use crate::shared::ssr::forms::field;
use crate::shared::ssr::staff_forms::{OfficerError, Posted};
use crate::shared::ssr::{flash, AppState, ViewError};
use crate::shared::Typed;
use crate::survey::ssr::views::one_page;

pub fn router() -> Routes {
    Routes::default()
        .route(paths::GROUP_EVENT_PAPER, post(start))
        .route(paths::GROUP_EVENT_HANDED_OUT, post(handed_out))
        .route(paths::GROUP_BATCH, post(add_sheet))
        .route(paths::GROUP_BATCH_STEP, post(step))
}

const SHEET_FORM: &str = "sheet";

fn closed_words(c: Closed) -> &'static str {
    match c {
        Closed::Event => "Paper forms can be entered once the event has begun (from an hour before it starts), unless it was cancelled.",
        Closed::Wave => "This survey has closed, so no more paper forms can be entered for it.",
    }
}

async fn start(
    State(st): State<AppState>,
    Path((id, wave)): Path<(i32, String)>,
    p: Posted<GroupPeople>,
) -> Result<Response, OfficerError> {
    let scope = scope_of(&p.who)?;
    let wave: i32 = wave.parse().map_err(|_| OfficerError::NotFound)?;
    match store::paper::start(&st.db, &scope, p.who.user.id, id, wave, p.who.at).await? {
        None => Err(OfficerError::NotFound),
        Some(Ok(batch)) => Ok(Redirect::to(&paths::batch(batch)).into_response()),
        Some(Err(c)) => Ok(flash::redirect_with(
            &st,
            &paths::event(id),
            &FormNotice::Done(closed_words(c).into()),
            "#paper",
        )),
    }
}

async fn handed_out(
    State(st): State<AppState>,
    Path((id, wave)): Path<(i32, String)>,
    p: Posted<Organisers>,
) -> Result<Response, OfficerError> {
    let scope = scope_of(&p.who)?;
    let wave: i32 = wave.parse().map_err(|_| OfficerError::NotFound)?;
    // Another group's event is not found, whatever was typed.
    let event = store::events::own(&st.db, &scope, id)
        .await?
        .ok_or(OfficerError::NotFound)?;
    if !event.waves.contains(&wave) {
        return Err(OfficerError::NotFound);
    }
    let typed = field(&p.fields, "sheets").unwrap_or("").trim().to_string();
    let page = paths::event(id);
    let sheets = match typed.parse::<i32>() {
        Ok(n) if (0..=99_999).contains(&n) => n,
        _ => {
            let form = format!("handed-out-{wave}");
            let problem = domain::groups::Problem {
                field: "sheets",
                message: "Enter how many paper forms were handed out, as a whole number, like 40"
                    .into(),
            };
            return Ok(flash::redirect_with(
                &st,
                &page,
                &FormNotice::refused(&form, &[problem], Typed::from_pairs(&[("sheets", &typed)])),
                "#paper",
            ));
        }
    };
    store::paper::set_handed_out(&st.db, &scope, id, wave, sheets)
        .await?
        .ok_or(OfficerError::NotFound)?;
    Ok(flash::redirect_with(
        &st,
        &page,
        &FormNotice::Done(format!("Recorded: {sheets} paper forms handed out.")),
        "#paper",
    ))
}

async fn add_sheet(
    State(st): State<AppState>,
    Path(id): Path<i32>,
    p: Posted<GroupPeople>,
) -> Result<Response, OfficerError> {
    let scope = scope_of(&p.who)?;
    let batch = store::paper::own(&st.db, &scope, id)
        .await?
        .ok_or(OfficerError::NotFound)?;
    let catalogue = st.catalogue.get(&st.db).await?;
    let survey = catalogue
        .survey_of_wave(batch.wave_id)
        .ok_or(OfficerError::NotFound)?;
    let mut answers = RawAnswers::new();
    let submitted = || p.fields.iter().map(|(k, v)| (k.as_str(), v.as_str()));
    for section in &survey.definition.sections {
        answers.extend(section_fields(section, submitted()));
    }
    let sheet = field(&p.fields, "sheet").unwrap_or("").to_string();
    let page = paths::batch(id);
    let added = store::paper::add_sheet(
        &st.db,
        &batch,
        &survey,
        &catalogue.areas,
        &sheet,
        answers.clone(),
        p.who.user.id,
        p.who.at,
    )
    .await?;
    Ok(match added {
        Added::Saved => flash::redirect_with(
            &st,
            &page,
            &FormNotice::Done(format!("Sheet {} saved.", sheet.trim())),
            "",
        ),
        Added::Invalid { sheet: problem, .. } => {
            // The page works the answers' problems out again from what was typed.
            let mut pairs: Vec<(&str, &str)> = answers
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            pairs.push(("sheet", &sheet));
            let errors = problem
                .map(|m| ErrorItem {
                    field_id: "sheet".into(),
                    message: m,
                })
                .into_iter()
                .collect();
            flash::redirect_with(
                &st,
                &page,
                &FormNotice::Refused {
                    form: SHEET_FORM.into(),
                    errors,
                    typed: Typed::from_pairs(&pairs),
                },
                "",
            )
        }
        Added::Finished => Redirect::to(&page).into_response(),
        Added::Closed(c) => {
            flash::redirect_with(&st, &page, &FormNotice::Done(closed_words(c).into()), "")
        }
    })
}

async fn step(
    State(st): State<AppState>,
    Path(id): Path<i32>,
    p: Posted<GroupPeople>,
) -> Result<Response, OfficerError> {
    let scope = scope_of(&p.who)?;
    let batch = store::paper::own(&st.db, &scope, id)
        .await?
        .ok_or(OfficerError::NotFound)?;
    let words = match field(&p.fields, "step") {
        Some("finish") => {
            if store::paper::finish(&st.db, &batch, p.who.at).await? {
                "Batch finished. Another volunteer now checks it against the paper forms."
                    .to_string()
            } else {
                "A batch needs at least one sheet before it is finished.".to_string()
            }
        }
        Some("send-back") => {
            store::paper::send_back(&st.db, &batch).await?;
            "Sent back: remove the sheets that do not match their paper, enter them again, then finish the batch again.".to_string()
        }
        Some("remove") => {
            let n: i32 = field(&p.fields, "sheet")
                .and_then(|s| s.parse().ok())
                .ok_or(OfficerError::NotFound)?;
            if store::paper::remove_sheet(&st.db, &batch, n).await? {
                format!("Sheet {n} removed.")
            } else {
                return Err(OfficerError::NotFound);
            }
        }
        Some("check") => {
            let catalogue = st.catalogue.get(&st.db).await?;
            let survey = catalogue
                .survey_of_wave(batch.wave_id)
                .ok_or(OfficerError::NotFound)?;
            match store::paper::check(
                &st.db,
                &batch,
                p.who.user.id,
                &survey,
                &catalogue.areas,
                p.who.at,
                domain::groups::local_date(p.who.at),
            )
            .await?
            {
                Checked::Stored(1) => "Batch checked: its sheet now counts in the results.".into(),
                Checked::Stored(n) => {
                    format!("Batch checked: its {n} sheets now count in the results.")
                }
                Checked::TheirOwn => {
                    "A batch is checked by someone who typed none of its sheets.".into()
                }
                Checked::NotFinished => "The batch is still being entered.".into(),
                Checked::Already => "This batch has been checked already.".into(),
                Checked::Closed(c) => closed_words(c).into(),
            }
        }
        _ => return Err(OfficerError::NotFound),
    };
    Ok(flash::redirect_with(
        &st,
        &paths::batch(id),
        &FormNotice::Done(words),
        "",
    ))
}

/// The batch's page.
pub async fn view(
    st: &AppState,
    who: &SignedIn,
    scope: &Scope,
    id: i32,
    notice: Option<FormNotice>,
) -> Result<BatchView, ViewError> {
    let batch = store::paper::own(&st.db, scope, id)
        .await?
        .ok_or(ViewError::NotFound)?;
    let catalogue = st.catalogue.get(&st.db).await?;
    let survey = catalogue
        .survey_of_wave(batch.wave_id)
        .ok_or(ViewError::NotFound)?;
    let areas = &catalogue.areas;
    let people = names(st, scope).await?;
    let ward_name = |code: &str| {
        areas
            .wards
            .iter()
            .find(|w| w.code == code)
            .map_or_else(|| code.replace('_', " "), |w| w.name.clone())
    };
    let open = !batch.finished && batch.checked_by.is_none();
    let typed_by_viewer =
        batch.created_by == who.user.id || batch.sheets.iter().any(|s| s.entered_by == who.user.id);
    let form = open.then(|| {
        let refusal = Refusal::of(&notice, SHEET_FORM);
        let answers: RawAnswers = refusal
            .as_ref()
            .map(|r| {
                survey
                    .definition
                    .sections
                    .iter()
                    .flat_map(|s| s.questions.iter())
                    .filter_map(|q| r.typed.get(&q.key).map(|v| (q.key.clone(), v)))
                    .collect()
            })
            .unwrap_or_default();
        let (sections, mut errors) =
            one_page(&survey.definition, &answers, areas, refusal.is_some());
        let sheet_error = refusal.as_ref().and_then(|r| r.error("sheet"));
        if let Some(m) = &sheet_error {
            errors.insert(
                0,
                ErrorItem {
                    field_id: "sheet".into(),
                    message: m.clone(),
                },
            );
        }
        SheetForm {
            sheet: refusal
                .as_ref()
                .and_then(|r| r.typed.get("sheet"))
                .unwrap_or_default(),
            sheet_error,
            sections,
            errors,
        }
    });
    let state = if let Some(by) = batch.checked_by {
        format!(
            "Checked by {}: its sheets count in the results.",
            people.get(&by).cloned().unwrap_or_default()
        )
    } else if batch.finished && typed_by_viewer {
        "Finished, waiting for another volunteer to check it against the paper forms.".into()
    } else if batch.finished {
        "Finished, waiting for its check: compare each sheet below with its paper form.".into()
    } else {
        "Being entered: add each sheet, then finish the batch.".into()
    };
    Ok(BatchView {
        viewer: who.viewer(),
        id,
        event_id: batch.event.id,
        event_title: batch.event.title.clone(),
        survey_title: survey.definition.title.clone(),
        state,
        sheets: batch
            .sheets
            .iter()
            .map(|s| {
                (
                    s.number,
                    ward_name(&s.area),
                    people.get(&s.entered_by).cloned().unwrap_or_default(),
                )
            })
            .collect(),
        form,
        can_finish: open && !batch.sheets.is_empty(),
        can_check: batch.finished && batch.checked_by.is_none() && !typed_by_viewer,
        notice: done(&notice),
    })
}

async fn names(st: &AppState, scope: &Scope) -> Result<HashMap<i32, String>, ViewError> {
    Ok(store::groups::people(&st.db, scope.group_id())
        .await?
        .into_iter()
        .map(|u| (u.id, u.name))
        .collect())
}

/// The event page's paper section: one row for each of its surveys.
pub async fn rows(
    st: &AppState,
    who: &SignedIn,
    scope: &Scope,
    event: &store::events::Event,
    titles: &HashMap<i32, String>,
) -> Result<Vec<PaperRow>, ViewError> {
    let lines = store::paper::at_event(&st.db, scope, event.id).await?;
    let can_start = !event.cancelled && who.at >= event.times.starts_at - 3600;
    let catalogue = st.catalogue.get(&st.db).await?;
    let mut rows = Vec::new();
    for &wave in &event.waves {
        let Tally {
            handed_out,
            entered,
            checked,
            batches: _,
        } = store::paper::tally(&st.db, event.id, wave).await?;
        let tally = format!(
            "Handed out: {}. Entered: {entered}, of which {checked} checked and counted.",
            handed_out.map_or_else(|| "not recorded".to_string(), |n| n.to_string())
        );
        rows.push(PaperRow {
            survey: titles.get(&wave).cloned().unwrap_or_default(),
            tally,
            handed_out: handed_out.map(|n| n.to_string()).unwrap_or_default(),
            start: (can_start && catalogue.wave_accepts_answers(wave))
                .then(|| paths::event_paper(event.id, wave)),
            record: scope
                .organises()
                .then(|| paths::event_handed_out(event.id, wave)),
            form_id: format!("handed-out-{wave}"),
            batches: lines
                .iter()
                .filter(|l| l.wave_id == wave)
                .map(|l| {
                    (
                        paths::batch(l.id),
                        format!(
                            "Batch {}: {} {}, {}",
                            l.id,
                            l.sheets,
                            if l.sheets == 1 { "sheet" } else { "sheets" },
                            if l.checked {
                                "checked"
                            } else if l.finished {
                                "waiting for its check"
                            } else {
                                "being entered"
                            }
                        ),
                    )
                })
                .collect(),
        });
    }
    Ok(rows)
}
