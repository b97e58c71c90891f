//! Server functions for the public results pages: published waves only.

use leptos::prelude::*;

use crate::shared::PageError;

use crate::results::model::*;
#[cfg(feature = "ssr")]
use crate::shared::ssr::support;

#[server(endpoint = "results/list")]
pub async fn load_published() -> Result<PublishedResults, PageError> {
    crate::results::ssr::views::published(&support::state()?)
        .await
        .map_err(support::map_err)
}

#[server(endpoint = "results/overview")]
pub async fn load_public_overview(
    survey: String,
    wave: String,
) -> Result<ResultsOverview, PageError> {
    use crate::results::paths::Audience;
    crate::results::ssr::views::overview(&support::state()?, Audience::Public, &survey, &wave)
        .await
        .map_err(support::map_err)
}

#[server(endpoint = "results/indicator")]
pub async fn load_public_indicator(
    survey: String,
    wave: String,
    key: String,
) -> Result<IndicatorDetail, PageError> {
    use crate::results::paths::Audience;
    crate::results::ssr::views::indicator(
        &support::state()?,
        Audience::Public,
        &survey,
        &wave,
        &key,
    )
    .await
    .map_err(support::map_err)
}

#[server(endpoint = "results/ward")]
pub async fn load_ward(
    survey: String,
    wave: String,
    code: String,
) -> Result<WardReport, PageError> {
    crate::results::ssr::views::ward_report(&support::state()?, &survey, &wave, &code)
        .await
        .map_err(support::map_err)
}

#[server(endpoint = "results/methodology")]
pub async fn load_methodology() -> Result<MethodologyView, PageError> {
    crate::results::ssr::methodology::view(&support::state()?)
        .await
        .map_err(support::map_err)
}

#[server(endpoint = "results/annual")]
pub async fn load_annual_report(year: i32) -> Result<AnnualReport, PageError> {
    crate::results::ssr::report_view::annual(&support::state()?, year)
        .await
        .map_err(support::map_err)
}
