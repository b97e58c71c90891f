//! Server functions for the translators' pages. The access guard has checked the address
//! already; each function checks the session again.

use leptos::prelude::*;

use crate::shared::PageError;
use crate::translations::model::*;

#[cfg(feature = "ssr")]
use crate::shared::ssr::support;

#[server(endpoint = "translations/languages")]
pub async fn load_languages(survey: String) -> Result<LanguagesView, PageError> {
    let who = support::staff()?;
    let st = support::state()?;
    let here = crate::translations::paths::languages(&survey);
    let notice = crate::shared::ssr::flash::take(&st, &here);
    crate::translations::ssr::views::languages(&st, &who, &survey, notice)
        .await
        .map_err(support::map_err)
}

#[server(endpoint = "translations/texts")]
pub async fn load_texts(survey: String, language: String) -> Result<TextsView, PageError> {
    let who = support::staff()?;
    let st = support::state()?;
    let here = crate::translations::paths::texts(&survey, &language);
    let notice = crate::shared::ssr::flash::take(&st, &here);
    crate::translations::ssr::views::texts(&st, &who, &survey, &language, notice)
        .await
        .map_err(support::map_err)
}
