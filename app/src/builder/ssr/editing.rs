//! The editing pages' forms. Each change goes through `domain::editing` on the survey's
//! newest document (`store::survey_versions::edit`, one transaction): a refusal saves
//! nothing and goes back to its form with every problem and everything typed; a change
//! done goes back to the editor saying so.

use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::routing::post;
use domain::document::SurveyDocument;
use domain::editing::{self, FieldProblem, Kind};
use serde::Deserialize;
use store::survey_versions::{self, VersionError};

use crate::builder::editor::model::EditNotice;
use crate::builder::paths;
use crate::shared::ssr::access::{Routes, Staff};
use crate::shared::ssr::flash;
use crate::shared::ssr::forms::{field, Fields};
use crate::shared::ssr::staff_forms::{OfficerError, Posted};
use crate::shared::ssr::AppState;

pub fn router() -> Routes {
    Routes::default()
        .route(paths::NEW, post(create))
        .route(paths::EDIT, post(change))
        .route(paths::EDIT_QUESTION, post(save_question))
        .route(paths::EDIT_BANK, post(add_from_bank))
        .route(paths::EDIT_INDICATOR, post(add_indicator))
}

/// Everything typed, but the form's token and its action.
fn typed(fields: &Fields) -> Vec<(String, String)> {
    fields
        .iter()
        .filter(|(k, _)| k != "csrf" && k != "do")
        .cloned()
        .collect()
}

fn text(fields: &Fields, name: &str) -> String {
    field(fields, name).unwrap_or("").to_string()
}

fn number(fields: &Fields, name: &str) -> usize {
    field(fields, name)
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

/// Back to a page with what a form did; `anchor` is empty or `#id`.
fn back(st: &AppState, page: &str, query: &str, notice: EditNotice, anchor: &str) -> Response {
    // The flash is bound to the page's path; its query and anchor ride in the address.
    flash::redirect_with(st, page, &notice, &format!("{query}{anchor}"))
}

fn refused(form: &str, fields: &Fields, problems: Vec<FieldProblem>) -> EditNotice {
    EditNotice::Refused {
        form: form.into(),
        typed: typed(fields),
        problems,
    }
}

/// A refusal with no field of its own, said at the top of the editor.
fn said(message: String) -> EditNotice {
    EditNotice::Refused {
        form: "page".into(),
        typed: Vec::new(),
        problems: vec![FieldProblem {
            field: "page".into(),
            message,
        }],
    }
}

fn version_error(e: VersionError) -> Result<String, OfficerError> {
    match e {
        VersionError::NotFound => Err(OfficerError::NotFound),
        VersionError::Store(e) => Err(OfficerError::Internal(e)),
        VersionError::Problems(p) => Ok(p
            .iter()
            .map(|p| p.to_string())
            .collect::<Vec<_>>()
            .join(". ")),
        other => Ok(other.to_string()),
    }
}

/// Saved: what the editor says, with the draft's number.
fn saved(number: i32, what: &str) -> EditNotice {
    EditNotice::Done(format!("{what} Saved in draft version {number}."))
}

async fn create(State(st): State<AppState>, p: Posted<Staff>) -> Result<Response, OfficerError> {
    let typed_new = editing::NewSurvey {
        key: text(&p.fields, "key"),
        title: text(&p.fields, "title"),
    };
    let refuse = |problems| back(&st, paths::NEW, "", refused("new", &p.fields, problems), "");
    let doc = match editing::new_document(&typed_new) {
        Ok(doc) => doc,
        Err(problems) => return Ok(refuse(problems)),
    };
    match survey_versions::import(&st.db, &doc, &p.actor()).await {
        Ok(_) => {
            let page = paths::edit(&doc.key);
            Ok(back(
                &st,
                &page,
                "",
                EditNotice::Done(format!(
                    "Started {} as draft version 1. Write its start page, then add sections and questions.",
                    doc.title
                )),
                "",
            ))
        }
        Err(VersionError::KeyTaken(k)) => Ok(refuse(vec![FieldProblem {
            field: "key".into(),
            message: format!("A survey with the key \"{k}\" already exists: choose another key"),
        }])),
        Err(e) => {
            let message = version_error(e)?;
            Ok(refuse(vec![FieldProblem {
                field: "key".into(),
                message,
            }]))
        }
    }
}

/// Runs one change on the survey's newest document; a refusal comes back as `Err` with the
/// problems, saving nothing.
async fn apply<T>(
    st: &AppState,
    survey: &str,
    p: &Posted<Staff>,
    change: impl FnOnce(&mut SurveyDocument) -> Result<T, Vec<FieldProblem>>,
) -> Result<Result<(i32, T), Vec<FieldProblem>>, OfficerError> {
    match survey_versions::edit(&st.db, survey, &p.actor(), change).await {
        Ok(r) => Ok(r),
        Err(e) => {
            let message = version_error(e)?;
            Ok(Err(vec![FieldProblem {
                field: "page".into(),
                message,
            }]))
        }
    }
}

fn one(field: &str) -> impl Fn(String) -> Vec<FieldProblem> + '_ {
    move |message| {
        vec![FieldProblem {
            field: field.into(),
            message,
        }]
    }
}

/// Every form of the editor posts here; `do` says which.
async fn change(
    State(st): State<AppState>,
    Path(survey): Path<String>,
    p: Posted<Staff>,
) -> Result<Response, OfficerError> {
    let page = paths::edit(&survey);
    let action = text(&p.fields, "do");
    let section = number(&p.fields, "section");
    let key = text(&p.fields, "question");
    // (the form refused, where to land, what the change did)
    let (form, anchor, result): (String, String, Result<(i32, String), Vec<FieldProblem>>) =
        match action.as_str() {
            "details" => {
                let typed = editing::Details {
                    title: text(&p.fields, "title"),
                    summary: text(&p.fields, "summary"),
                    purpose: text(&p.fields, "purpose"),
                    minutes: text(&p.fields, "minutes"),
                    retention: text(&p.fields, "retention"),
                };
                let r = apply(&st, &survey, &p, |doc| editing::set_details(doc, &typed)).await?;
                (
                    "details".into(),
                    "#start-page".into(),
                    r.map(|(n, ())| (n, "Saved the start page.".into())),
                )
            }
            "add-section" => {
                let typed = editing::SectionText {
                    title: text(&p.fields, "title"),
                    intro: text(&p.fields, "intro"),
                };
                let r = apply(&st, &survey, &p, |doc| editing::add_section(doc, &typed)).await?;
                match r {
                    Ok((n, s)) => (
                        String::new(),
                        format!("#section-{s}"),
                        Ok((n, format!("Added section {s}. Add its questions next."))),
                    ),
                    Err(e) => ("new-section".into(), "#add-section".into(), Err(e)),
                }
            }
            "section" => {
                let typed = editing::SectionText {
                    title: text(&p.fields, "title"),
                    intro: text(&p.fields, "intro"),
                };
                let r = apply(&st, &survey, &p, |doc| {
                    editing::change_section(doc, section, &typed)
                })
                .await?;
                (
                    format!("section-{section}"),
                    format!("#section-{section}"),
                    r.map(|(n, ())| (n, format!("Saved section {section}."))),
                )
            }
            "remove-section" => {
                let r = apply(&st, &survey, &p, |doc| {
                    editing::remove_section(doc, section).map_err(one("page"))
                })
                .await?;
                (
                    "page".into(),
                    String::new(),
                    r.map(|(n, ())| (n, format!("Removed section {section} and its questions."))),
                )
            }
            "move-up" | "move-down" => {
                let up = action == "move-up";
                let r = apply(&st, &survey, &p, |doc| {
                    editing::move_question(doc, &key, up).map_err(one("page"))
                })
                .await?;
                (
                    "page".into(),
                    format!("#question-{key}"),
                    r.map(|(n, ())| {
                        (
                            n,
                            format!("Moved \"{key}\" {}.", if up { "up" } else { "down" }),
                        )
                    }),
                )
            }
            "remove-question" => {
                let r = apply(&st, &survey, &p, |doc| {
                    editing::remove_question(doc, &key).map_err(one("page"))
                })
                .await?;
                (
                    "page".into(),
                    String::new(),
                    r.map(|(n, ())| (n, format!("Removed the question \"{key}\"."))),
                )
            }
            "add-route" => {
                let typed = editing::RouteText {
                    answer: text(&p.fields, "answer"),
                    goto: text(&p.fields, "goto"),
                };
                let r = apply(&st, &survey, &p, |doc| {
                    editing::add_route(doc, section, &typed)
                })
                .await?;
                (
                    format!("route-{section}"),
                    format!("#routes-{section}"),
                    r.map(|(n, ())| (n, format!("Added a route after section {section}."))),
                )
            }
            "remove-route" => {
                let index = number(&p.fields, "route");
                let r = apply(&st, &survey, &p, |doc| {
                    editing::remove_route(doc, section, index).map_err(one("page"))
                })
                .await?;
                (
                    "page".into(),
                    format!("#routes-{section}"),
                    r.map(|(n, ())| (n, format!("Removed a route after section {section}."))),
                )
            }
            "remove-indicator" => {
                let indicator = text(&p.fields, "indicator");
                let r = apply(&st, &survey, &p, |doc| {
                    editing::remove_indicator(doc, &indicator).map_err(one("page"))
                })
                .await?;
                (
                    "page".into(),
                    "#indicators".into(),
                    r.map(|(n, ())| (n, format!("Removed the indicator \"{indicator}\"."))),
                )
            }
            _ => return Err(OfficerError::NotFound),
        };
    Ok(match result {
        Ok((number, what)) => back(&st, &page, "", saved(number, &what), &anchor),
        Err(problems) if form == "page" || problems.iter().all(|p| p.field == "page") => back(
            &st,
            &page,
            "",
            said(
                problems
                    .into_iter()
                    .next()
                    .map(|p| p.message)
                    .unwrap_or_default(),
            ),
            "",
        ),
        Err(problems) => back(&st, &page, "", refused(&form, &p.fields, problems), ""),
    })
}

#[derive(Deserialize)]
pub struct QuestionQuery {
    pub section: Option<usize>,
    pub kind: Option<String>,
    pub question: Option<String>,
}

impl QuestionQuery {
    fn query(&self) -> String {
        match (&self.question, self.section, &self.kind) {
            (Some(q), ..) => format!("?question={q}"),
            (None, Some(s), Some(k)) => format!("?section={s}&kind={k}"),
            _ => String::new(),
        }
    }
}

async fn save_question(
    State(st): State<AppState>,
    Path(survey): Path<String>,
    Query(q): Query<QuestionQuery>,
    p: Posted<Staff>,
) -> Result<Response, OfficerError> {
    let page = paths::edit_question(&survey);
    let f = &p.fields;
    let typed = editing::QuestionText {
        key: text(f, "key"),
        prompt: text(f, "prompt"),
        hint: text(f, "hint"),
        short_label: text(f, "short_label"),
        required: text(f, "required"),
        required_message: text(f, "required_message"),
        options: text(f, "options"),
        min: text(f, "min"),
        max: text(f, "max"),
        min_label: text(f, "min_label"),
        max_label: text(f, "max_label"),
        unit: text(f, "unit"),
        earliest: text(f, "earliest"),
        latest: text(f, "latest"),
        max_chars: text(f, "max_chars"),
    };
    let bank = survey_versions::question_bank();
    let kind = q.kind.as_deref().and_then(Kind::parse);
    let r = match (&q.question, q.section, kind) {
        (Some(key), ..) => {
            let kind = kind.unwrap_or(Kind::Choice);
            apply(&st, &survey, &p, |doc| {
                // The kind of a question changed stays its own.
                let kind = doc
                    .survey()
                    .question(key)
                    .and_then(|q| Kind::of(&q.kind))
                    .unwrap_or(kind);
                editing::change_question(doc, key, kind, &typed, bank)
            })
            .await?
            .map(|(n, ())| (n, typed.key.clone()))
        }
        (None, Some(section), Some(kind)) => {
            apply(&st, &survey, &p, |doc| {
                editing::add_question(doc, section, kind, &typed, bank)
            })
            .await?
        }
        _ => return Err(OfficerError::NotFound),
    };
    Ok(match r {
        Ok((number, key)) => {
            let key = if key.is_empty() {
                q.question.clone().unwrap_or_default()
            } else {
                key
            };
            back(
                &st,
                &paths::edit(&survey),
                "",
                saved(number, "Saved the question."),
                &format!("#question-{key}"),
            )
        }
        Err(problems) => back(&st, &page, &q.query(), refused("question", f, problems), ""),
    })
}

#[derive(Deserialize)]
pub struct SectionQuery {
    pub section: Option<usize>,
}

async fn add_from_bank(
    State(st): State<AppState>,
    Path(survey): Path<String>,
    Query(q): Query<SectionQuery>,
    p: Posted<Staff>,
) -> Result<Response, OfficerError> {
    let section = q.section.unwrap_or(0);
    let keys: Vec<String> = p
        .fields
        .iter()
        .filter(|(k, _)| k == "bank")
        .map(|(_, v)| v.clone())
        .collect();
    let bank = survey_versions::question_bank();
    let r = apply(&st, &survey, &p, |doc| {
        editing::add_from_bank(doc, section, &keys, bank)
    })
    .await?;
    Ok(match r {
        Ok((number, n)) => back(
            &st,
            &paths::edit(&survey),
            "",
            saved(
                number,
                &format!(
                    "Added {n} question{} from the question bank to section {section}.",
                    if n == 1 { "" } else { "s" }
                ),
            ),
            &format!("#section-{section}"),
        ),
        Err(problems) => back(
            &st,
            &paths::edit_bank(&survey),
            &format!("?section={section}"),
            refused("bank", &p.fields, problems),
            "",
        ),
    })
}

async fn add_indicator(
    State(st): State<AppState>,
    Path(survey): Path<String>,
    p: Posted<Staff>,
) -> Result<Response, OfficerError> {
    let f = &p.fields;
    let typed = editing::IndicatorText {
        key: text(f, "key"),
        label: text(f, "label"),
        item: text(f, "item"),
        rule: text(f, "rule"),
        options: f
            .iter()
            .filter(|(k, _)| k == "options")
            .map(|(_, v)| v.clone())
            .collect(),
        min: text(f, "min"),
        max: text(f, "max"),
        theme: text(f, "theme"),
        better: text(f, "better"),
    };
    let r = apply(&st, &survey, &p, |doc| editing::add_indicator(doc, &typed)).await?;
    Ok(match r {
        Ok((number, ())) => back(
            &st,
            &paths::edit(&survey),
            "",
            saved(
                number,
                "Added the indicator. It is computed once the survey is published.",
            ),
            "#indicators",
        ),
        Err(problems) => back(
            &st,
            &paths::edit_indicator(&survey),
            &format!("?question={}", typed.item),
            refused("indicator", f, problems),
            "",
        ),
    })
}
