//! Server functions for the officers' and administrators' pages. The access guard has
//! checked the address already; each function checks the session again.

use leptos::prelude::*;

use super::PageError;

#[cfg(feature = "ssr")]
use super::support;
use crate::model::officer::*;
use crate::model::results::IndicatorDetail;

#[server(endpoint = "officer/home")]
pub async fn load_officer_home() -> Result<OfficerHome, PageError> {
    let who = support::signed_in()?;
    crate::ssr::officer_views::home(&support::state()?, &who)
        .await
        .map_err(support::map_err)
}

#[server(endpoint = "officer/overview")]
pub async fn load_officer_overview(
    survey: String,
    wave: String,
) -> Result<OfficerOverview, PageError> {
    use crate::model::links::Audience;
    let who = support::signed_in()?;
    let results =
        crate::ssr::results_views::overview(&support::state()?, Audience::Officer, &survey, &wave)
            .await
            .map_err(support::map_err)?;
    Ok(OfficerOverview {
        viewer: who.viewer(),
        results,
    })
}

#[server(endpoint = "officer/indicator")]
pub async fn load_officer_indicator(
    survey: String,
    wave: String,
    key: String,
) -> Result<(Viewer, IndicatorDetail), PageError> {
    use crate::model::links::Audience;
    let who = support::signed_in()?;
    let detail = crate::ssr::results_views::indicator(
        &support::state()?,
        Audience::Officer,
        &survey,
        &wave,
        &key,
    )
    .await
    .map_err(support::map_err)?;
    Ok((who.viewer(), detail))
}

#[server(endpoint = "officer/fieldwork")]
pub async fn load_fieldwork(survey: String, wave: String) -> Result<FieldworkView, PageError> {
    let who = support::signed_in()?;
    crate::ssr::officer_views::fieldwork(&support::state()?, &who, &survey, &wave)
        .await
        .map_err(support::map_err)
}

#[server(endpoint = "admin/users")]
pub async fn load_users() -> Result<UsersView, PageError> {
    let who = support::admin()?;
    crate::ssr::officer_views::users(&support::state()?, &who)
        .await
        .map_err(support::map_err)
}

#[server(endpoint = "admin/audit")]
pub async fn load_audit(page: u64) -> Result<AuditView, PageError> {
    let who = support::admin()?;
    crate::ssr::officer_views::audit(&support::state()?, &who, page)
        .await
        .map_err(support::map_err)
}

#[server(endpoint = "admin/settings")]
pub async fn load_settings() -> Result<SettingsView, PageError> {
    let who = support::admin()?;
    crate::ssr::officer_views::settings(&support::state()?, &who)
        .await
        .map_err(support::map_err)
}

#[server(endpoint = "admin/areas")]
pub async fn load_areas() -> Result<AreasView, PageError> {
    let who = support::admin()?;
    crate::ssr::officer_views::areas(&support::state()?, &who)
        .await
        .map_err(support::map_err)
}
