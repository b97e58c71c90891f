//! A community group's own pages: its events (planned by organisers, public ones listed for
//! residents) and its people (organisers invite volunteers).

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
    batch::BatchPage, entry::EntryPage, event::EventPage, event_form::ChangeEventPage,
    event_form::NewEventPage, home::GroupHomePage, offline::OfflineEntryPage, people::PeoplePage,
    results::GroupResultsPage,
};

/// The feature's pages, for the app's route table.
#[component(transparent)]
pub fn GroupRoutes() -> impl MatchNestedRoutes + Clone {
    view! {
        <Route path=path!("/group") view=GroupHomePage ssr=SsrMode::Async />
        <Route path=path!("/group/new-event") view=NewEventPage ssr=SsrMode::Async />
        <Route path=path!("/group/events/:id") view=EventPage ssr=SsrMode::Async />
        <Route path=path!("/group/events/:id/change") view=ChangeEventPage ssr=SsrMode::Async />
        <Route path=path!("/group/people") view=PeoplePage ssr=SsrMode::Async />
        <Route path=path!("/group/results") view=GroupResultsPage ssr=SsrMode::Async />
        <Route path=path!("/group/entries/:code") view=EntryPage ssr=SsrMode::Async />
        <Route path=path!("/group/batches/:id") view=BatchPage ssr=SsrMode::Async />
        <Route
            path=path!("/group/events/:id/offline/:wave")
            view=OfflineEntryPage
            ssr=SsrMode::Async
        />
    }
    .into_inner()
}
