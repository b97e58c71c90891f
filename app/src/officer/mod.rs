//! The officers' dashboard: their list of surveys and waves, fieldwork by ward, and managing
//! a wave (its results pages are the results feature's, under the officers' root).

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
    fieldwork::FieldworkPage, home::OfficerHomePage, indicator::OfficerIndicatorPage,
    overview::OfficerOverviewPage, publication::PublicationPage,
};

/// The feature's pages, for the app's route table.
#[component(transparent)]
pub fn OfficerRoutes() -> impl MatchNestedRoutes + Clone {
    view! {
        <Route path=path!("/officer") view=OfficerHomePage ssr=SsrMode::Async />
        <Route path=path!("/officer/:survey/:wave") view=OfficerOverviewPage ssr=SsrMode::Async />
        <Route
            path=path!("/officer/:survey/:wave/indicator/:key")
            view=OfficerIndicatorPage
            ssr=SsrMode::Async
        />
        <Route
            path=path!("/officer/:survey/:wave/publication")
            view=PublicationPage
            ssr=SsrMode::Async
        />
        <Route
            path=path!("/officer/:survey/:wave/fieldwork")
            view=FieldworkPage
            ssr=SsrMode::Async
        />
    }
    .into_inner()
}
