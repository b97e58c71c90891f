//! Server functions for the builder's pages. The access guard has checked the address
//! already; each function checks the session again.

use leptos::prelude::*;

use crate::builder::model::*;
use crate::shared::PageError;

#[cfg(feature = "ssr")]
use crate::shared::ssr::support;

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
