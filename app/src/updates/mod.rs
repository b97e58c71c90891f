//! The lists residents join: results updates (emailed when results are published) and the
//! residents' panel (asked to take part in surveys). The address is confirmed by a link
//! first (double opt-in), and every message has a one-click way out.

pub mod api;
pub mod model;
pub mod pages;
pub mod paths;
#[cfg(feature = "ssr")]
pub mod ssr;

use leptos::prelude::*;
use leptos_router::components::Route;
use leptos_router::{path, MatchNestedRoutes, SsrMode};

use pages::{ConfirmPage, LeavePage, PanelPage, UpdatesPage};

/// The feature's pages, for the app's route table.
#[component(transparent)]
pub fn UpdatesRoutes() -> impl MatchNestedRoutes + Clone {
    view! {
        <Route path=path!("/updates") view=UpdatesPage ssr=SsrMode::Async />
        <Route path=path!("/panel") view=PanelPage ssr=SsrMode::Async />
        <Route path=path!("/updates/confirm/:token") view=ConfirmPage ssr=SsrMode::Async />
        <Route path=path!("/updates/leave/:token") view=LeavePage ssr=SsrMode::Async />
    }
    .into_inner()
}
