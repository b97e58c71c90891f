//! Residents' view of community groups' public events: where and when to give their views
//! face to face, by ward and date, with a calendar file for each.

pub mod api;
pub mod model;
pub mod pages;
pub mod paths;
#[cfg(feature = "ssr")]
pub mod ssr;

use leptos::prelude::*;
use leptos_router::components::Route;
use leptos_router::{path, MatchNestedRoutes, SsrMode};

use pages::{event::PublicEventPage, list::EventsPage};

#[component(transparent)]
pub fn EventRoutes() -> impl MatchNestedRoutes + Clone {
    view! {
        <Route path=path!("/events") view=EventsPage ssr=SsrMode::Async />
        <Route path=path!("/events/:id") view=PublicEventPage ssr=SsrMode::Async />
    }
    .into_inner()
}
