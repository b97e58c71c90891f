//! The preview's data: a version's pages built by the residents' own view code, from the
//! version's document in the page's language (drafts of a translation included, so a
//! translator sees their work before it is complete). Nothing is saved; Continue goes to
//! the next section in order, and "Show the problems" shows a section's messages for a
//! blank answer.

use domain::document::SurveyDocument;
use domain::translation::{self, ENGLISH};

use crate::builder::model::PreviewView;
use crate::builder::paths;
use crate::shared::i18n::{self, AnswerWords};
use crate::shared::ssr::auth::SignedIn;
use crate::shared::ssr::{AppState, ViewError};
use crate::survey::model::{ErrorItem, PreviewLinks, SectionView, StartView};

pub async fn controls(
    st: &AppState,
    who: &SignedIn,
    survey: &str,
    version: Option<i32>,
) -> Result<PreviewView, ViewError> {
    let versions = store::survey_versions::overview(&st.db)
        .await?
        .into_iter()
        .find(|s| s.key == survey)
        .ok_or(ViewError::NotFound)?
        .versions;
    let (v, doc) = store::survey_versions::document(&st.db, survey, version)
        .await?
        .ok_or(ViewError::NotFound)?;
    Ok(PreviewView {
        viewer: who.viewer(),
        survey_key: survey.to_string(),
        title: doc.title.clone(),
        versions: versions.iter().map(|v| (v.number, v.published)).collect(),
        version: v.number,
        section_titles: doc.sections.iter().map(|s| s.title.clone()).collect(),
    })
}

/// The version's document in the page's language, drafts of its translation included.
async fn document(st: &AppState, survey: &str, version: i32) -> Result<SurveyDocument, ViewError> {
    let (v, doc) = store::survey_versions::document(&st.db, survey, Some(version))
        .await?
        .ok_or(ViewError::NotFound)?;
    let language = i18n::language();
    if language == ENGLISH {
        return Ok(doc);
    }
    let stored = store::translations::stored_by_language(&st.db, v.survey_id)
        .await?
        .remove(language.code)
        .unwrap_or_default();
    Ok(translation::translate(&doc, &stored, true))
}

fn links(survey: &str, version: i32, back: usize, next: usize, count: usize) -> PreviewLinks {
    let lang = i18n::language().code;
    PreviewLinks {
        back: paths::frame(survey, version, back, lang),
        // After the last section, the start page again: the check page needs answers.
        // The form's own `lang` field carries the language: a GET form replaces the query.
        next: paths::frame_page(survey, version, if next > count { 0 } else { next }),
        lang: lang.to_string(),
    }
}

pub async fn start(st: &AppState, survey: &str, version: i32) -> Result<StartView, ViewError> {
    let doc = document(st, survey, version).await?;
    let count = doc.sections.len();
    Ok(StartView {
        section_titles: doc.sections.iter().map(|s| s.title.clone()).collect(),
        question_count: doc.sections.iter().map(|s| s.questions.len()).sum(),
        wave_name: None,
        key: doc.key.clone(),
        title: doc.title,
        summary: doc.summary,
        purpose: doc.purpose,
        minutes: doc.minutes,
        retention: doc.retention,
        illustrative: false,
        preview: Some(links(survey, version, 0, 1, count)),
    })
}

pub async fn section(
    st: &AppState,
    survey: &str,
    version: i32,
    n: usize,
    show_errors: bool,
) -> Result<SectionView, ViewError> {
    let doc = document(st, survey, version).await?;
    let count = doc.sections.len();
    let section = n
        .checked_sub(1)
        .and_then(|i| doc.sections.get(i))
        .ok_or(ViewError::NotFound)?;
    let catalogue = st.catalogue.get(&st.db).await?;
    let areas = &catalogue.areas;
    let words = AnswerWords(i18n::language());
    let blank = domain::RawAnswers::new();
    let problems = if show_errors {
        domain::answers::validate_section(section, &blank, &|c| areas.is_ward(c))
            .err()
            .unwrap_or_default()
    } else {
        Vec::new()
    };
    let mut errors = Vec::new();
    let questions = section
        .questions
        .iter()
        .map(|q| {
            let error = problems
                .iter()
                .find(|e| e.question_key == q.key)
                .map(|e| domain::answers::Words::problem(&words, &e.problem));
            if let Some(m) = &error {
                errors.push(ErrorItem {
                    field_id: crate::survey::paths::field_id(&q.key),
                    message: m.clone(),
                });
            }
            crate::survey::ssr::views::question_view(q, areas, None, String::new(), error)
        })
        .collect();
    Ok(SectionView {
        survey_key: survey.to_string(),
        survey_title: doc.title.clone(),
        code: String::new(),
        code_display: "PREV-IEW0-0000".into(),
        number: n,
        count,
        previous: n.checked_sub(1),
        title: section.title.clone(),
        intro: section.intro.clone(),
        help: crate::survey::ssr::views::help_after(section, st),
        questions,
        errors,
        token: String::new(),
        changing: false,
        preview: Some(links(survey, version, n - 1, n + 1, count)),
    })
}
