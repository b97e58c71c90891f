//! Server functions that load the results-updates pages.

use leptos::prelude::*;

use super::model::*;
#[cfg(feature = "ssr")]
use crate::shared::ssr::support;
use crate::shared::PageError;

#[server(endpoint = "updates/page")]
pub async fn load_updates() -> Result<UpdatesView, PageError> {
    Ok(super::ssr::updates_view(&support::state()?))
}

#[server(endpoint = "updates/link")]
pub async fn load_link(token: String, leaving: bool) -> Result<LinkView, PageError> {
    super::ssr::link_view(&support::state()?, &token, leaving)
        .await
        .map_err(support::map_err)
}

#[server(endpoint = "updates/panel")]
pub async fn load_panel() -> Result<PanelView, PageError> {
    super::ssr::panel_view(&support::state()?)
        .await
        .map_err(support::map_err)
}
