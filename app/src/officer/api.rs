//! Server functions for the officers' and administrators' pages. The access guard has
//! checked the address already; each function checks the session again.

use leptos::prelude::*;

use crate::shared::PageError;

use crate::officer::model::*;
use crate::results::model::IndicatorDetail;
#[cfg(feature = "ssr")]
use crate::shared::ssr::support;

#[server(endpoint = "officer/home")]
pub async fn load_officer_home() -> Result<OfficerHome, PageError> {
    let who = support::signed_in()?;
    crate::officer::ssr::views::home(&support::state()?, &who)
        .await
        .map_err(support::map_err)
}

#[server(endpoint = "officer/overview")]
pub async fn load_officer_overview(
    survey: String,
    wave: String,
) -> Result<OfficerOverview, PageError> {
    use crate::results::paths::Audience;
    let who = support::signed_in()?;
    let results =
        crate::results::ssr::views::overview(&support::state()?, Audience::Officer, &survey, &wave)
            .await
            .map_err(support::map_err)?;
    let st = support::state()?;
    let last_publication = crate::officer::ssr::views::last_publication(&st, &survey, &wave)
        .await
        .map_err(support::map_err)?;
    Ok(OfficerOverview {
        viewer: who.viewer(),
        results,
        last_publication,
    })
}

#[server(endpoint = "officer/publication")]
pub async fn load_publication_check(
    survey: String,
    wave: String,
) -> Result<PublicationCheck, PageError> {
    let who = support::signed_in()?;
    crate::officer::ssr::views::publication_check(&support::state()?, &who, &survey, &wave)
        .await
        .map_err(support::map_err)
}

#[server(endpoint = "officer/indicator")]
pub async fn load_officer_indicator(
    survey: String,
    wave: String,
    key: String,
) -> Result<(Viewer, IndicatorDetail, IndicatorSplits), PageError> {
    use crate::results::paths::Audience;
    let who = support::signed_in()?;
    let st = support::state()?;
    let detail =
        crate::results::ssr::views::indicator(&st, Audience::Officer, &survey, &wave, &key)
            .await
            .map_err(support::map_err)?;
    let splits = crate::officer::ssr::splits::indicator(&st, &survey, &wave, &key)
        .await
        .map_err(support::map_err)?;
    Ok((who.viewer(), detail, splits))
}

#[server(endpoint = "officer/fieldwork")]
pub async fn load_fieldwork(survey: String, wave: String) -> Result<FieldworkView, PageError> {
    let who = support::signed_in()?;
    crate::officer::ssr::views::fieldwork(&support::state()?, &who, &survey, &wave)
        .await
        .map_err(support::map_err)
}
