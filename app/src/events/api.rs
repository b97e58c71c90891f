//! Server functions for the public events pages.

use leptos::prelude::*;

use crate::events::model::*;
use crate::shared::PageError;

#[cfg(feature = "ssr")]
use crate::shared::ssr::support;

/// Public events to come, in one ward (its code) or all.
#[server(endpoint = "events/list")]
pub async fn load_events(ward: Option<String>) -> Result<EventsView, PageError> {
    crate::events::ssr::views::list(&support::state()?, ward)
        .await
        .map_err(support::map_err)
}

#[server(endpoint = "events/one")]
pub async fn load_public_event(id: i32) -> Result<PublicEventRow, PageError> {
    crate::events::ssr::views::one(&support::state()?, id)
        .await
        .map_err(support::map_err)
}
