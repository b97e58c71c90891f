//! Kiosks: residents answer a survey themselves on a group's tablet at an event. After each
//! send, or two minutes without a touch, the tablet returns to the start and keeps nothing
//! of the last person; leaving kiosk mode needs an organiser of the group.

pub mod api;
pub mod model;
pub mod pages;
pub mod paths;
#[cfg(feature = "ssr")]
pub mod ssr;

use leptos::prelude::*;
use leptos_router::components::Route;
use leptos_router::{path, MatchNestedRoutes, SsrMode};

use pages::{answers::KioskAnswersPage, home::KioskPage, leave::KioskLeavePage};

#[component(transparent)]
pub fn KioskRoutes() -> impl MatchNestedRoutes + Clone {
    view! {
        <Route path=path!("/kiosk") view=KioskPage ssr=SsrMode::Async />
        <Route path=path!("/kiosk/answers/:code") view=KioskAnswersPage ssr=SsrMode::Async />
        <Route path=path!("/kiosk/leave") view=KioskLeavePage ssr=SsrMode::Async />
    }
    .into_inner()
}
