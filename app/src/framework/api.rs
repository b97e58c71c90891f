//! Server functions for the framework pages. Public ones show published values only; the
//! officers' (under /api/officer/, for staff) check the session again and add the rest.

use leptos::prelude::*;

use crate::framework::model::*;
#[cfg(feature = "ssr")]
use crate::shared::ssr::support;
use crate::shared::PageError;

#[server(endpoint = "framework/home")]
pub async fn load_framework() -> Result<FrameworkView, PageError> {
    use crate::results::paths::Audience;
    crate::framework::ssr::views::framework(&support::state()?, Audience::Public, None)
        .await
        .map_err(support::map_err)
}

#[server(endpoint = "framework/indicator")]
pub async fn load_framework_indicator(key: String) -> Result<IndicatorView, PageError> {
    use crate::results::paths::Audience;
    crate::framework::ssr::views::indicator(&support::state()?, Audience::Public, &key, None)
        .await
        .map_err(support::map_err)
}

#[server(endpoint = "framework/updates")]
pub async fn load_updates() -> Result<Vec<UpdateView>, PageError> {
    use crate::results::paths::Audience;
    let st = support::state()?;
    let a = crate::framework::ssr::views::assemble(&st, Audience::Public)
        .await
        .map_err(support::map_err)?;
    crate::framework::ssr::views::updates(&st, &a)
        .await
        .map_err(support::map_err)
}

#[server(endpoint = "officer/framework")]
pub async fn load_officer_framework() -> Result<FrameworkView, PageError> {
    use crate::results::paths::Audience;
    let who = support::signed_in()?;
    crate::framework::ssr::views::framework(
        &support::state()?,
        Audience::Officer,
        Some(who.viewer()),
    )
    .await
    .map_err(support::map_err)
}

#[server(endpoint = "officer/framework-indicator")]
pub async fn load_officer_framework_indicator(key: String) -> Result<IndicatorView, PageError> {
    use crate::results::paths::Audience;
    let who = support::signed_in()?;
    crate::framework::ssr::views::indicator(
        &support::state()?,
        Audience::Officer,
        &key,
        Some(who.viewer()),
    )
    .await
    .map_err(support::map_err)
}

#[server(endpoint = "officer/framework-definition")]
pub async fn load_definition(key: Option<String>) -> Result<DefinitionView, PageError> {
    let who = support::signed_in()?;
    crate::framework::ssr::definitions::view(&support::state()?, who.viewer(), key)
        .await
        .map_err(support::map_err)
}

#[server(endpoint = "officer/update-form")]
pub async fn load_update_form(id: Option<i32>) -> Result<UpdateFormView, PageError> {
    let who = support::signed_in()?;
    crate::framework::ssr::views::update_form(&support::state()?, who.viewer(), id)
        .await
        .map_err(support::map_err)
}
