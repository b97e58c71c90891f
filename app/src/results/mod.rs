//! Results: the published results pages for everyone (each wave's indicators, wards, the
//! methodology, the annual report) and the same pages for officers under their own root,
//! and the downloads. Its pages, components, server functions, wire types and addresses.

pub mod api;
pub mod components;
pub mod model;
pub mod pages;
pub mod paths;
#[cfg(feature = "ssr")]
pub mod ssr;

use leptos::prelude::*;
use leptos_router::components::Route;
use leptos_router::{path, MatchNestedRoutes, SsrMode};

use pages::{
    annual_report::AnnualReportPage, indicator::PublicIndicatorPage, list::ResultsListPage,
    methodology::MethodologyPage, overview::PublicOverviewPage, ward::WardPage,
};

/// The feature's public pages, for the app's route table (the officers' results pages are
/// the officer feature's routes).
#[component(transparent)]
pub fn ResultsRoutes() -> impl MatchNestedRoutes + Clone {
    view! {
        <Route path=path!("/results") view=ResultsListPage ssr=SsrMode::Async />
        <Route path=path!("/annual-report/:year") view=AnnualReportPage ssr=SsrMode::Async />
        <Route path=path!("/results/methodology") view=MethodologyPage ssr=SsrMode::Async />
        <Route path=path!("/results/:survey/:wave") view=PublicOverviewPage ssr=SsrMode::Async />
        <Route
            path=path!("/results/:survey/:wave/indicator/:key")
            view=PublicIndicatorPage
            ssr=SsrMode::Async
        />
        <Route path=path!("/results/:survey/:wave/wards") view=WardPage ssr=SsrMode::Async />
        <Route path=path!("/results/:survey/:wave/ward/:code") view=WardPage ssr=SsrMode::Async />
    }
    .into_inner()
}
