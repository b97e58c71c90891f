//! Server functions for the resident survey pages.

use leptos::prelude::*;

use crate::shared::PageError;

#[cfg(feature = "ssr")]
use crate::shared::ssr::support;
use crate::survey::model::*;

#[server(endpoint = "pages/home")]
pub async fn load_home() -> Result<Vec<SurveySummary>, PageError> {
    crate::survey::ssr::views::home(&support::state()?)
        .await
        .map_err(support::map_err)
}

#[server(endpoint = "pages/start")]
pub async fn load_start(survey: String) -> Result<StartView, PageError> {
    crate::survey::ssr::views::start(&support::state()?, &survey)
        .await
        .map_err(support::map_err)
}

// `code` is the draft's part of the page address (`drafts_cookie::address`); the draft itself
// comes from this browser's cookie.
#[server(endpoint = "pages/section")]
pub async fn load_section(
    survey: String,
    code: String,
    number: usize,
    show_errors: bool,
    changing: bool,
    form_refused: bool,
) -> Result<SectionView, PageError> {
    use crate::survey::ssr::views::{section, SectionRequest};
    let headers = support::headers();
    section(
        &support::state()?,
        SectionRequest {
            headers: &headers,
            survey: &survey,
            address: &code,
            number,
            show_errors,
            changing,
            form_refused,
        },
    )
    .await
    .map_err(support::map_err)
}

#[server(endpoint = "pages/check")]
pub async fn load_check(survey: String, code: String) -> Result<CheckView, PageError> {
    crate::survey::ssr::views::check(&support::state()?, &support::headers(), &survey, &code)
        .await
        .map_err(support::map_err)
}

#[server(endpoint = "pages/saved")]
pub async fn load_saved(survey: String, code: String) -> Result<SavedView, PageError> {
    crate::survey::ssr::views::saved(&support::state()?, &support::headers(), &survey, &code)
        .await
        .map_err(support::map_err)
}

#[server(endpoint = "pages/done")]
pub async fn load_done(survey: String, code: String) -> Result<DoneView, PageError> {
    crate::survey::ssr::views::done(&support::state()?, &support::headers(), &survey, &code)
        .await
        .map_err(support::map_err)
}

/// What was typed in the access-code form before it was refused.
#[server(endpoint = "pages/take-part")]
pub async fn load_take_part() -> Result<crate::shared::Typed, PageError> {
    let st = support::state()?;
    Ok(crate::shared::ssr::flash::take_typed(
        &st,
        crate::survey::paths::TAKE_PART,
    ))
}
