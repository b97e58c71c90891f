//! Surveys made by officers (issue 13): survey documents, their versions, and the published
//! JSON Schema they follow. Routing and the document's checks are pure rules in `domain`.

pub mod api;
pub mod editor;
pub mod model;
pub mod pages;
pub mod paths;
pub mod preview;
#[cfg(feature = "ssr")]
pub mod ssr;

use leptos::prelude::*;
use leptos_router::components::Route;
use leptos_router::{path, MatchNestedRoutes, SsrMode};

use editor::bank::BankPage;
use editor::indicator::IndicatorPage;
use editor::new_survey::NewSurveyPage;
use editor::page::EditorPage;
use editor::question::QuestionPage;
use pages::SurveysPage;
use preview::{FrameSectionPage, FrameStartPage, PreviewPage};

/// The feature's pages, for the app's route table.
#[component(transparent)]
pub fn BuilderRoutes() -> impl MatchNestedRoutes + Clone {
    view! {
        <Route path=path!("/officer/surveys") view=SurveysPage ssr=SsrMode::Async />
        <Route path=path!("/officer/new-survey") view=NewSurveyPage ssr=SsrMode::Async />
        <Route path=path!("/officer/surveys/:survey/edit") view=EditorPage ssr=SsrMode::Async />
        <Route
            path=path!("/officer/surveys/:survey/edit/question")
            view=QuestionPage
            ssr=SsrMode::Async
        />
        <Route path=path!("/officer/surveys/:survey/edit/bank") view=BankPage ssr=SsrMode::Async />
        <Route
            path=path!("/officer/surveys/:survey/edit/indicator")
            view=IndicatorPage
            ssr=SsrMode::Async
        />
        <Route path=path!("/officer/surveys/:survey/preview") view=PreviewPage ssr=SsrMode::Async />
        <Route path=path!("/preview/:survey/:version") view=FrameStartPage ssr=SsrMode::Async />
        <Route
            path=path!("/preview/:survey/:version/section/:n")
            view=FrameSectionPage
            ssr=SsrMode::Async
        />
    }
    .into_inner()
}
