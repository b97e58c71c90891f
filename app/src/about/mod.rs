//! What a public service must say about itself: the accessibility statement (in the
//! standard form for UK public sector websites) and the privacy notice, naming the council
//! that runs Kiln from configuration.

pub mod api;
pub mod pages;
pub mod paths;

use leptos::prelude::*;
use leptos_router::components::Route;
use leptos_router::{path, MatchNestedRoutes, SsrMode};

use pages::{AccessibilityPage, PrivacyPage};

/// The feature's pages, for the app's route table.
#[component(transparent)]
pub fn AboutRoutes() -> impl MatchNestedRoutes + Clone {
    view! {
        <Route path=path!("/accessibility") view=AccessibilityPage ssr=SsrMode::Async />
        <Route path=path!("/privacy") view=PrivacyPage ssr=SsrMode::Async />
    }
    .into_inner()
}
