//! The wellbeing indicator framework: "How is Stoke-on-Trent doing?" for everyone (the six
//! priorities, each indicator beside England with its trend and target), each indicator's
//! page, "you said, we did", the open data, and the officers' loading and publishing.

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
    DefinitionPage, FrameworkPage, IndicatorPage, NewIndicatorPage, OfficerFrameworkPage,
    OfficerIndicatorPage, OfficerUpdatePage, OfficerUpdatesPage, UpdatesPage,
};

#[component(transparent)]
pub fn FrameworkRoutes() -> impl MatchNestedRoutes + Clone {
    view! {
        <Route path=path!("/wellbeing") view=FrameworkPage ssr=SsrMode::Async />
        <Route path=path!("/wellbeing/:key") view=IndicatorPage ssr=SsrMode::Async />
        <Route path=path!("/you-said-we-did") view=UpdatesPage ssr=SsrMode::Async />
        <Route path=path!("/officer/framework") view=OfficerFrameworkPage ssr=SsrMode::Async />
        <Route path=path!("/officer/framework/:key") view=OfficerIndicatorPage ssr=SsrMode::Async />
        <Route path=path!("/officer/framework-new") view=NewIndicatorPage ssr=SsrMode::Async />
        <Route
            path=path!("/officer/framework/:key/definition")
            view=DefinitionPage
            ssr=SsrMode::Async
        />
        <Route path=path!("/officer/updates") view=OfficerUpdatesPage ssr=SsrMode::Async />
        <Route path=path!("/officer/updates/:id") view=OfficerUpdatePage ssr=SsrMode::Async />
    }
    .into_inner()
}
