//! The residents' survey: the list of surveys, each survey's start page, its sections, the
//! check-your-answers page, saving and resuming with a code, and sending. Its pages,
//! question components, server functions, wire types, form handlers and addresses.

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
    check::CheckPage,
    done::DonePage,
    home::HomePage,
    resume::ResumePage,
    saved::SavedPage,
    section::SectionPage,
    start::StartPage,
    take_part::{InvitedPage, TakePartPage},
};

/// The feature's pages, for the app's route table.
#[component(transparent)]
pub fn SurveyRoutes() -> impl MatchNestedRoutes + Clone {
    view! {
        <Route path=path!("/") view=HomePage ssr=SsrMode::Async />
        <Route path=path!("/resume") view=ResumePage ssr=SsrMode::Async />
        <Route path=path!("/take-part") view=TakePartPage ssr=SsrMode::Async />
        <Route path=path!("/take-part/:code") view=InvitedPage ssr=SsrMode::Async />
        <Route path=path!("/surveys/:survey") view=StartPage ssr=SsrMode::Async />
        <Route
            path=path!("/surveys/:survey/r/:code/section/:n")
            view=SectionPage
            ssr=SsrMode::Async
        />
        <Route path=path!("/surveys/:survey/r/:code/check") view=CheckPage ssr=SsrMode::Async />
        <Route path=path!("/surveys/:survey/r/:code/saved") view=SavedPage ssr=SsrMode::Async />
        <Route path=path!("/surveys/:survey/r/:code/done") view=DonePage ssr=SsrMode::Async />
    }
    .into_inner()
}
