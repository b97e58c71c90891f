//! Administration: users, the audit log, settings (disclosure threshold, benchmarks), and
//! the ward list and population totals.

pub mod api;
pub mod model;
pub mod pages;
pub mod paths;
#[cfg(feature = "ssr")]
pub mod ssr;

use leptos::prelude::*;
use leptos_router::components::Route;
use leptos_router::{path, MatchNestedRoutes, SsrMode};

use pages::{
    areas::AreasPage, audit::AuditPage, groups::GroupPage, groups::GroupsPage, outbox::OutboxPage,
    settings::SettingsPage, users::UsersPage,
};

/// The feature's pages, for the app's route table.
#[component(transparent)]
pub fn AdminRoutes() -> impl MatchNestedRoutes + Clone {
    view! {
        <Route path=path!("/admin/users") view=UsersPage ssr=SsrMode::Async />
        <Route path=path!("/admin/audit") view=AuditPage ssr=SsrMode::Async />
        <Route path=path!("/admin/areas") view=AreasPage ssr=SsrMode::Async />
        <Route path=path!("/admin/settings") view=SettingsPage ssr=SsrMode::Async />
        <Route path=path!("/admin/outbox") view=OutboxPage ssr=SsrMode::Async />
        <Route path=path!("/admin/groups") view=GroupsPage ssr=SsrMode::Async />
        <Route path=path!("/admin/groups/:id") view=GroupPage ssr=SsrMode::Async />
    }
    .into_inner()
}
