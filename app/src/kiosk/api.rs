//! Server functions for the kiosk pages.

use leptos::prelude::*;

use crate::kiosk::model::*;
use crate::shared::PageError;

#[cfg(feature = "ssr")]
use crate::shared::ssr::support;

#[server(endpoint = "kiosk/home")]
pub async fn load_kiosk_home() -> Result<KioskHome, PageError> {
    crate::kiosk::ssr::views::home(&support::state()?)
        .await
        .map_err(support::map_err)
}

#[server(endpoint = "kiosk/answers")]
pub async fn load_kiosk_answers(code: String, errors: bool) -> Result<KioskAnswersView, PageError> {
    crate::kiosk::ssr::views::answers(&support::state()?, &code, errors)
        .await
        .map_err(support::map_err)
}

#[server(endpoint = "kiosk/leave")]
pub async fn load_kiosk_leave() -> Result<KioskLeaveView, PageError> {
    crate::kiosk::ssr::views::leave(&support::state()?)
        .await
        .map_err(support::map_err)
}
