//! Server functions for the administrators' pages. The access guard has checked the address
//! already; each function checks the session again.

use leptos::prelude::*;

use crate::admin::model::*;
use crate::shared::PageError;

#[cfg(feature = "ssr")]
use crate::shared::ssr::support;

#[server(endpoint = "admin/users")]
pub async fn load_users() -> Result<UsersView, PageError> {
    let who = support::admin()?;
    crate::admin::ssr::views::users(&support::state()?, &who)
        .await
        .map_err(support::map_err)
}

#[server(endpoint = "admin/audit")]
pub async fn load_audit(page: u64) -> Result<AuditView, PageError> {
    let who = support::admin()?;
    crate::admin::ssr::views::audit(&support::state()?, &who, page)
        .await
        .map_err(support::map_err)
}

#[server(endpoint = "admin/settings")]
pub async fn load_settings() -> Result<SettingsView, PageError> {
    let who = support::admin()?;
    crate::admin::ssr::views::settings(&support::state()?, &who)
        .await
        .map_err(support::map_err)
}

#[server(endpoint = "admin/areas")]
pub async fn load_areas() -> Result<AreasView, PageError> {
    use crate::shared::ssr::flash;
    let who = support::admin()?;
    let st = support::state()?;
    // The last upload's notice, shown once: cleared as this page goes out.
    let notice = flash::take(&st, crate::admin::paths::ADMIN_AREAS);
    crate::admin::ssr::views::areas(&st, &who, notice)
        .await
        .map_err(support::map_err)
}

#[server(endpoint = "admin/outbox")]
pub async fn load_outbox() -> Result<OutboxView, PageError> {
    let who = support::admin()?;
    crate::admin::ssr::views::outbox(&support::state()?, &who)
        .await
        .map_err(support::map_err)
}

#[server(endpoint = "admin/groups")]
pub async fn load_groups() -> Result<GroupsView, PageError> {
    let who = support::admin()?;
    let st = support::state()?;
    let notice = crate::shared::ssr::flash::take(&st, crate::admin::paths::ADMIN_GROUPS);
    crate::admin::ssr::groups::list(&st, &who, notice)
        .await
        .map_err(support::map_err)
}

#[server(endpoint = "admin/group")]
pub async fn load_group(id: i32) -> Result<GroupView, PageError> {
    let who = support::admin()?;
    let st = support::state()?;
    let notice = crate::shared::ssr::flash::take(&st, &crate::admin::paths::admin_group(id));
    crate::admin::ssr::groups::one(&st, &who, id, notice)
        .await
        .map_err(support::map_err)
}
