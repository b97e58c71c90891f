//! Translations of surveys (issue 13): each language's progress on a survey, its texts to
//! translate in the browser, and the same as a spreadsheet to download and upload. The
//! rules (what a text is, its status, when a language is offered) are in
//! `domain::translation`; the interface's own words are in `shared::i18n`.

pub mod api;
pub mod model;
pub mod pages;
pub mod paths;
#[cfg(feature = "ssr")]
pub mod ssr;

use leptos::prelude::*;
use leptos_router::components::Route;
use leptos_router::{path, MatchNestedRoutes, SsrMode};

use pages::{LanguagesPage, TextsPage};

/// The feature's pages, for the app's route table.
#[component(transparent)]
pub fn TranslationRoutes() -> impl MatchNestedRoutes + Clone {
    view! {
        <Route
            path=path!("/officer/surveys/:survey/translations")
            view=LanguagesPage
            ssr=SsrMode::Async
        />
        <Route
            path=path!("/officer/surveys/:survey/translations/:language")
            view=TextsPage
            ssr=SsrMode::Async
        />
    }
    .into_inner()
}
