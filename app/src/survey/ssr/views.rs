//! Builds the survey pages' views from stored data. Server functions call these and map the
//! result.

use domain::answers::{describe_answer_in, validate_section, validate_survey, Words};
use domain::{QuestionKind, Survey};
use std::sync::Arc;
use store::areas::AreaDirectory;
use store::drafts::{self, Draft, POSTCODE_KEY, POSTCODE_STATUS_KEY};

use store::catalogue::Catalogue;
use store::surveys::SurveyRecord;

use axum::http::HeaderMap;

use super::drafts_cookie;
use crate::shared::i18n::{self, AnswerWords};
use crate::shared::ssr::{token, AppState, ViewError};
use crate::survey::model::*;
use crate::survey::paths;

/// A survey and one of its drafts, checked to belong together.
pub struct Loaded {
    pub survey: Arc<SurveyRecord>,
    pub draft: Draft,
    /// What the survey came from: its wards check and name the answers.
    pub catalogue: Arc<Catalogue>,
    /// What names the draft in its pages' addresses.
    pub address: String,
}

/// The draft `address` names, if this browser holds it (`drafts_cookie`), with its survey
/// from `catalogue` (this request's: `AppState::current_catalogue` or `catalogue_or`).
pub async fn load(
    st: &AppState,
    catalogue: Arc<Catalogue>,
    headers: &HeaderMap,
    survey_key: &str,
    address: &str,
) -> Result<Loaded, ViewError> {
    let code = drafts_cookie::find(st, headers, address).ok_or(ViewError::NotFound)?;
    let survey = catalogue.survey(survey_key).ok_or(ViewError::NotFound)?;
    let draft = drafts::find(&st.db, &code)
        .await?
        .ok_or(ViewError::NotFound)?;
    let wave = catalogue.wave(draft.wave_id).ok_or(ViewError::NotFound)?;
    if wave.survey_id != survey.id {
        return Err(ViewError::NotFound);
    }
    // A draft of a wave that has closed (or been published) can no longer change anything.
    if draft.receipt.is_none() && !catalogue.wave_accepts_answers(draft.wave_id) {
        return Err(ViewError::Redirect(crate::survey::paths::closed(
            survey_key,
        )));
    }
    Ok(Loaded {
        survey,
        draft,
        catalogue,
        address: address.to_string(),
    })
}

/// `load` for a page being rendered, with the catalogue its request read.
async fn load_for_page(
    st: &AppState,
    headers: &HeaderMap,
    survey_key: &str,
    address: &str,
) -> Result<Loaded, ViewError> {
    load(
        st,
        st.current_catalogue().await?,
        headers,
        survey_key,
        address,
    )
    .await
}

pub fn section_step(n: usize) -> String {
    format!("section-{n}")
}
pub const SUBMIT_STEP: &str = "submit";

pub async fn home(st: &AppState) -> Result<Vec<SurveySummary>, ViewError> {
    let language = i18n::language();
    Ok(st
        .current_catalogue()
        .await?
        .surveys
        .iter()
        .map(|s| {
            let about = s.in_language(language).about;
            SurveySummary {
                open: s.open_wave.is_some(),
                key: about.key.clone(),
                title: about.title.clone(),
                summary: about.summary.clone(),
                minutes: about.minutes,
            }
        })
        .collect())
}

pub async fn start(st: &AppState, survey_key: &str) -> Result<StartView, ViewError> {
    let s = st
        .current_catalogue()
        .await?
        .survey(survey_key)
        .ok_or(ViewError::NotFound)?;
    let read = s.in_language(i18n::language());
    Ok(StartView {
        section_titles: read
            .definition
            .sections
            .iter()
            .map(|x| x.title.clone())
            .collect(),
        question_count: read.definition.questions().count(),
        wave_name: s.open_wave.as_ref().map(|w| w.name.clone()),
        key: read.about.key.clone(),
        title: read.about.title.clone(),
        summary: read.about.summary.clone(),
        purpose: read.about.purpose.clone(),
        minutes: read.about.minutes,
        retention: read.about.retention.clone(),
        illustrative: read.illustrative,
        preview: None,
    })
}

/// Where a resident coming back should land: the first section still needing an answer,
/// or the check page when everything is answered.
pub fn continue_path(
    survey: &Survey,
    survey_key: &str,
    draft: &Draft,
    address: &str,
    areas: &AreaDirectory,
) -> String {
    if draft.receipt.is_some() {
        return paths::done(survey_key, address);
    }
    match validate_survey(survey, &draft.answers, &|c| areas.is_ward(c)) {
        Ok(_) => paths::check(survey_key, address),
        Err((section, _)) => paths::section(survey_key, address, section),
    }
}

pub struct SectionRequest<'a> {
    pub headers: &'a HeaderMap,
    pub survey: &'a str,
    /// The draft's part of the address.
    pub address: &'a str,
    pub number: usize,
    pub show_errors: bool,
    pub changing: bool,
    /// The last post was refused before anything was saved (a bad form token).
    pub form_refused: bool,
}

pub async fn section(st: &AppState, req: SectionRequest<'_>) -> Result<SectionView, ViewError> {
    let Loaded {
        survey,
        draft,
        catalogue,
        address,
    } = load_for_page(st, req.headers, req.survey, req.address).await?;
    let code = draft.code.as_str().to_string();
    if draft.receipt.is_some() {
        return Err(ViewError::Redirect(paths::done(req.survey, &address)));
    }
    let read = survey.in_language(i18n::language());
    let words = AnswerWords(read.language);
    let def = read.definition;
    let section = req
        .number
        .checked_sub(1)
        .and_then(|i| def.sections.get(i))
        .ok_or(ViewError::NotFound)?;
    let areas = &catalogue.areas;
    let has_area_question = section
        .questions
        .iter()
        .any(|q| q.kind == QuestionKind::Area);
    let lookup_loaded = has_area_question && catalogue.postcode_lookup;

    let field_errors = if req.show_errors {
        validate_section(section, &draft.answers, &|c| areas.is_ward(c))
            .err()
            .unwrap_or_default()
    } else {
        Vec::new()
    };
    let mut errors: Vec<ErrorItem> = Vec::new();
    if req.form_refused {
        errors.push(ErrorItem {
            field_id: section
                .questions
                .first()
                .map(|q| paths::field_id(&q.key))
                .unwrap_or_default(),
            message: i18n::t("form-refused"),
        });
    }
    let postcode = lookup_loaded.then(|| postcode_view(&draft, areas));
    if let Some(PostcodeView {
        error: Some(message),
        ..
    }) = &postcode
    {
        errors.push(ErrorItem {
            field_id: "q-postcode".into(),
            message: message.clone(),
        });
    }

    let questions = section
        .questions
        .iter()
        .map(|q| {
            let error = field_errors
                .iter()
                .find(|e| e.question_key == q.key)
                .map(|e| words.problem(&e.problem));
            if let Some(message) = &error {
                errors.push(ErrorItem {
                    field_id: paths::field_id(&q.key),
                    message: message.clone(),
                });
            }
            question_view(
                q,
                areas,
                postcode.clone(),
                draft.answers.get(&q.key).cloned().unwrap_or_default(),
                error,
            )
        })
        .collect();

    Ok(SectionView {
        survey_key: req.survey.to_string(),
        survey_title: def.title.clone(),
        code_display: draft.code.to_string(),
        token: token::issue(&st.form_secret, &code, &section_step(req.number)),
        code: address,
        number: req.number,
        count: def.section_count(),
        previous: previous_on_way(def, &draft.answers, req.number),
        title: section.title.clone(),
        intro: section.intro.clone(),
        help: help_after(section, st),
        questions,
        errors,
        changing: req.changing,
        preview: None,
    })
}

/// After questions about how people feel, loneliness or money: where to get help.
pub fn help_after(
    section: &domain::Section,
    st: &AppState,
) -> Vec<crate::shared::council::Signpost> {
    if section
        .questions
        .iter()
        .any(|q| q.key.starts_with("wb_") || q.key.starts_with("fin_"))
    {
        st.council.signposts.clone()
    } else {
        Vec::new()
    }
}

fn previous_on_way(def: &domain::Survey, answers: &domain::RawAnswers, n: usize) -> Option<usize> {
    let way = domain::routing::path(def, answers);
    match way.iter().position(|&s| s == n) {
        Some(at) => at.checked_sub(1).map(|i| way[i]),
        // Not on the way the answers lead (opened by its address): the section before it.
        None => n.checked_sub(1).filter(|&p| p > 0),
    }
}

fn postcode_view(draft: &Draft, areas: &AreaDirectory) -> PostcodeView {
    let value = draft.answers.get(POSTCODE_KEY).cloned().unwrap_or_default();
    let status = draft
        .answers
        .get(POSTCODE_STATUS_KEY)
        .map(String::as_str)
        .unwrap_or("");
    let (error, found) = match status {
        "empty" => (Some(i18n::t("postcode-empty")), None),
        "invalid" => (Some(i18n::t("postcode-invalid")), None),
        "not_found" => (Some(i18n::t("postcode-not-found")), None),
        "found" => (
            None,
            draft.answers.get("area").and_then(|c| areas.ward_name(c)),
        ),
        _ => (None, None),
    };
    PostcodeView {
        value,
        error,
        found,
    }
}

pub async fn check(
    st: &AppState,
    headers: &HeaderMap,
    survey_key: &str,
    address: &str,
) -> Result<CheckView, ViewError> {
    let Loaded {
        survey,
        draft,
        catalogue,
        address,
    } = load_for_page(st, headers, survey_key, address).await?;
    let code = draft.code.as_str().to_string();
    if draft.receipt.is_some() {
        return Err(ViewError::Redirect(paths::done(survey_key, &address)));
    }
    let areas = &catalogue.areas;
    let read = survey.in_language(i18n::language());
    let words = AnswerWords(read.language);
    let def = read.definition;
    // Only the sections the answers lead through: a skipped section's answers are not sent.
    let way = domain::routing::path(def, &draft.answers);
    let sections = def
        .sections
        .iter()
        .enumerate()
        .filter(|(i, _)| way.contains(&(i + 1)))
        .map(|(i, s)| CheckSection {
            number: i + 1,
            title: s.title.clone(),
            rows: s
                .questions
                .iter()
                .map(|q| CheckRow {
                    key: q.key.clone(),
                    question: q.prompt.clone(),
                    answer: describe_answer_in(
                        &words,
                        q,
                        draft.answers.get(&q.key).map(String::as_str),
                        &|c| areas.ward_name(c),
                    ),
                    change_href: format!(
                        "{}?change=1#{}",
                        paths::section(survey_key, &address, i + 1),
                        paths::field_id(&q.key)
                    ),
                })
                .collect(),
        })
        .collect();
    Ok(CheckView {
        survey_key: survey_key.to_string(),
        survey_title: def.title.clone(),
        code_display: draft.code.to_string(),
        token: token::issue(&st.form_secret, &code, SUBMIT_STEP),
        code: address,
        section_count: def.section_count(),
        sections,
    })
}

pub async fn saved(
    st: &AppState,
    headers: &HeaderMap,
    survey_key: &str,
    address: &str,
) -> Result<SavedView, ViewError> {
    let Loaded {
        survey,
        draft,
        catalogue,
        address,
    } = load_for_page(st, headers, survey_key, address).await?;
    let areas = &catalogue.areas;
    Ok(SavedView {
        survey_key: survey_key.to_string(),
        survey_title: survey.in_language(i18n::language()).about.title.clone(),
        code_display: draft.code.to_string(),
        continue_href: continue_path(&survey.definition, survey_key, &draft, &address, areas),
        code: address,
    })
}

pub async fn done(
    st: &AppState,
    headers: &HeaderMap,
    survey_key: &str,
    address: &str,
) -> Result<DoneView, ViewError> {
    let Loaded {
        survey,
        draft,
        address,
        ..
    } = load_for_page(st, headers, survey_key, address).await?;
    let receipt = draft
        .receipt
        .ok_or_else(|| ViewError::Redirect(paths::check(survey_key, &address)))?;
    Ok(DoneView {
        survey_key: survey_key.to_string(),
        survey_title: survey.in_language(i18n::language()).about.title.clone(),
        receipt: receipt.to_string(),
        help: st.council.signposts.clone(),
    })
}

/// A question as a page shows it, with the answer given so far and its problem, if any.
pub fn question_view(
    q: &domain::Question,
    areas: &store::areas::AreaDirectory,
    postcode: Option<PostcodeView>,
    value: String,
    error: Option<String>,
) -> QuestionView {
    QuestionView {
        key: q.key.clone(),
        prompt: q.prompt.clone(),
        hint: q.hint.clone(),
        required: q.required,
        kind: match &q.kind {
            QuestionKind::Scale {
                min,
                max,
                min_label,
                max_label,
            } => QuestionViewKind::Scale {
                min: *min,
                max: *max,
                min_label: min_label.clone(),
                max_label: max_label.clone(),
            },
            QuestionKind::Choice { options } => QuestionViewKind::Choice {
                options: option_views(options),
            },
            QuestionKind::Several { options } => QuestionViewKind::Several {
                options: option_views(options),
            },
            QuestionKind::Text { max_chars } => QuestionViewKind::Text {
                max_chars: *max_chars,
            },
            QuestionKind::Date { .. } => QuestionViewKind::Date,
            QuestionKind::Number { min, max, unit } => QuestionViewKind::Number {
                min: *min,
                max: *max,
                unit: unit.clone(),
            },
            QuestionKind::Area => QuestionViewKind::Area {
                wards: areas
                    .wards
                    .iter()
                    .map(|w| OptionView {
                        key: w.code.clone(),
                        label: w.name.clone(),
                    })
                    .collect(),
                postcode,
            },
        },
        value,
        error,
    }
}

/// Every section's questions on one page (a volunteer's entry, a kiosk), with the answers
/// given and, when `show_errors`, every problem beside its question and for the summary.
pub fn one_page(
    survey: &domain::Survey,
    answers: &domain::RawAnswers,
    areas: &store::areas::AreaDirectory,
    show_errors: bool,
) -> (Vec<(String, Vec<QuestionView>)>, Vec<ErrorItem>) {
    let field_errors = if show_errors {
        domain::answers::validate_survey(survey, answers, &|c| areas.is_ward(c))
            .err()
            .map(|(_, e)| e)
            .unwrap_or_default()
    } else {
        Vec::new()
    };
    let mut errors = Vec::new();
    let sections = survey
        .sections
        .iter()
        .map(|s| {
            let questions = s
                .questions
                .iter()
                .map(|q| {
                    let error = field_errors
                        .iter()
                        .find(|e| e.question_key == q.key)
                        .map(|e| e.message.clone());
                    if let Some(m) = &error {
                        errors.push(ErrorItem {
                            field_id: paths::field_id(&q.key),
                            message: m.clone(),
                        });
                    }
                    let value = answers.get(&q.key).cloned().unwrap_or_default();
                    question_view(q, areas, None, value, error)
                })
                .collect();
            (s.title.clone(), questions)
        })
        .collect();
    (sections, errors)
}

fn option_views(options: &[domain::ChoiceOption]) -> Vec<OptionView> {
    options
        .iter()
        .map(|o| OptionView {
            key: o.key.clone(),
            label: o.label.clone(),
        })
        .collect()
}
