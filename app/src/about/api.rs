//! The council the statements name.

use leptos::prelude::*;

use crate::shared::council::Council;
#[cfg(feature = "ssr")]
use crate::shared::ssr::support;
use crate::shared::PageError;

#[server(endpoint = "about/council")]
pub async fn load_council() -> Result<Council, PageError> {
    Ok(support::state()?.council.as_ref().clone())
}
