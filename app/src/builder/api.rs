//! Server functions for the builder's pages. The access guard has checked the address
//! already; each function checks the session again.

use leptos::prelude::*;

use crate::builder::model::*;
use crate::shared::PageError;

#[cfg(feature = "ssr")]
use crate::shared::ssr::support;

#[server(endpoint = "builder/preview")]
pub async fn load_preview(survey: String, version: Option<i32>) -> Result<PreviewView, PageError> {
    let who = support::staff()?;
    let st = support::state()?;
    crate::builder::ssr::preview::controls(&st, &who, &survey, version)
        .await
        .map_err(support::map_err)
}

#[server(endpoint = "builder/preview-start")]
pub async fn load_frame_start(
    survey: String,
    version: i32,
) -> Result<crate::survey::model::StartView, PageError> {
    support::staff()?;
    let st = support::state()?;
    crate::builder::ssr::preview::start(&st, &survey, version)
        .await
        .map_err(support::map_err)
}

#[server(endpoint = "builder/preview-section")]
pub async fn load_frame_section(
    survey: String,
    version: i32,
    n: usize,
    errors: bool,
) -> Result<crate::survey::model::SectionView, PageError> {
    support::staff()?;
    let st = support::state()?;
    crate::builder::ssr::preview::section(&st, &survey, version, n, errors)
        .await
        .map_err(support::map_err)
}

#[server(endpoint = "builder/surveys")]
pub async fn load_surveys() -> Result<SurveysView, PageError> {
    let who = support::staff()?;
    let st = support::state()?;
    // The last form's notice, shown once: cleared as this page goes out.
    let notice = crate::shared::ssr::flash::take(&st, crate::builder::paths::SURVEYS);
    crate::builder::ssr::views::surveys(&st, &who, notice)
        .await
        .map_err(support::map_err)
}

#[server(endpoint = "builder/new-survey")]
pub async fn load_new_survey() -> Result<crate::builder::editor::model::NewSurveyView, PageError> {
    let who = support::staff()?;
    let st = support::state()?;
    let notice = crate::shared::ssr::flash::take(&st, crate::builder::paths::NEW);
    Ok(crate::builder::ssr::editor::new_survey(&who, notice))
}

#[server(endpoint = "builder/editor")]
pub async fn load_editor(
    survey: String,
) -> Result<crate::builder::editor::model::EditorView, PageError> {
    let who = support::staff()?;
    let st = support::state()?;
    let notice = crate::shared::ssr::flash::take(&st, &crate::builder::paths::edit(&survey));
    crate::builder::ssr::editor::editor(&st, &who, &survey, notice)
        .await
        .map_err(support::map_err)
}

#[server(endpoint = "builder/edit-question")]
pub async fn load_question_editor(
    survey: String,
    section: Option<usize>,
    kind: Option<String>,
    question: Option<String>,
) -> Result<crate::builder::editor::model::QuestionEditorView, PageError> {
    let who = support::staff()?;
    let st = support::state()?;
    let notice =
        crate::shared::ssr::flash::take(&st, &crate::builder::paths::edit_question(&survey));
    crate::builder::ssr::editor::question(&st, &who, &survey, section, kind, question, notice)
        .await
        .map_err(support::map_err)
}

#[server(endpoint = "builder/edit-bank")]
pub async fn load_bank(
    survey: String,
    section: usize,
) -> Result<crate::builder::editor::model::BankView, PageError> {
    let who = support::staff()?;
    let st = support::state()?;
    let notice = crate::shared::ssr::flash::take(&st, &crate::builder::paths::edit_bank(&survey));
    crate::builder::ssr::editor::bank(&st, &who, &survey, section, notice)
        .await
        .map_err(support::map_err)
}

#[server(endpoint = "builder/edit-indicator")]
pub async fn load_indicator_editor(
    survey: String,
    question: Option<String>,
) -> Result<crate::builder::editor::model::IndicatorEditorView, PageError> {
    let who = support::staff()?;
    let st = support::state()?;
    let notice =
        crate::shared::ssr::flash::take(&st, &crate::builder::paths::edit_indicator(&survey));
    crate::builder::ssr::editor::indicator(&st, &who, &survey, question, notice)
        .await
        .map_err(support::map_err)
}
