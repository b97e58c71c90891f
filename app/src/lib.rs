//! Kiln's web app: pages, components and server functions. Built twice: with `ssr` into the
//! server, and with `hydrate` into the browser's wasm. Nothing here needs the wasm to work:
//! every form is a plain HTML post.

pub mod accounts;
pub mod api;
pub mod charts;
pub mod components;
pub mod csp;
pub mod messages;
pub mod model;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod ssr;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Stylesheet};
use leptos_router::{
    components::{Route, Router, Routes},
    path, SsrMode,
};

use pages::admin::{areas::AreasPage, audit::AuditPage, settings::SettingsPage, users::UsersPage};
use pages::officer::{
    fieldwork::FieldworkPage, home::OfficerHomePage, indicator::OfficerIndicatorPage,
    overview::OfficerOverviewPage,
};
use pages::results::{
    annual_report::AnnualReportPage, indicator::PublicIndicatorPage, list::ResultsListPage,
    methodology::MethodologyPage, overview::PublicOverviewPage, ward::WardPage,
};
use pages::{
    check::CheckPage, done::DonePage, home::HomePage, not_found::NotFoundPage, resume::ResumePage,
    saved::SavedPage, section::SectionPage, start::StartPage,
};

/// The whole HTML document, rendered on the server.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="en-GB">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="color-scheme" content="light" />
                <HydrationScripts options />
                {csp_header()}
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// Sets this page's Content-Security-Policy with the nonce leptos puts on its own inline
/// scripts, so no other inline script can run.
fn csp_header() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let (Some(nonce), Some(res)) = (
        leptos::nonce::use_nonce(),
        use_context::<leptos_axum::ResponseOptions>(),
    ) {
        if let Ok(v) = http::HeaderValue::from_str(&csp::for_page(&nonce)) {
            res.insert_header(http::header::CONTENT_SECURITY_POLICY, v);
        }
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    // A marker the end-to-end tests wait for, so a broken wasm cannot pass unnoticed.
    Effect::new(move |_| {
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-hydrated", "true");
        }
    });
    view! {
        <Stylesheet id="kiln-css" href="/pkg/kiln.css" />
        <Router>
            <a class="skip-link" href="#main">
                "Skip to main content"
            </a>
            <header class="header">
                <div class="header-inner">
                    <a class="header-brand" href="/">
                        "Kiln"
                    </a>
                    <span class="header-service">"Stoke-on-Trent resident surveys"</span>
                    <nav class="header-nav" aria-label="Site">
                        <a href="/results">"Results"</a>
                        <a href="/officer">"Staff sign in"</a>
                    </nav>
                </div>
            </header>
            <main class="page" id="main" tabindex="-1">
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=HomePage ssr=SsrMode::Async />
                    <Route path=path!("/resume") view=ResumePage ssr=SsrMode::Async />
                    <Route path=path!("/surveys/:survey") view=StartPage ssr=SsrMode::Async />
                    <Route
                        path=path!("/surveys/:survey/r/:code/section/:n")
                        view=SectionPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/surveys/:survey/r/:code/check")
                        view=CheckPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/surveys/:survey/r/:code/saved")
                        view=SavedPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/surveys/:survey/r/:code/done")
                        view=DonePage
                        ssr=SsrMode::Async
                    />
                    <accounts::AccountRoutes />
                    <Route path=path!("/officer") view=OfficerHomePage ssr=SsrMode::Async />
                    <Route
                        path=path!("/officer/:survey/:wave")
                        view=OfficerOverviewPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/officer/:survey/:wave/indicator/:key")
                        view=OfficerIndicatorPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/officer/:survey/:wave/fieldwork")
                        view=FieldworkPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/admin/users") view=UsersPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/audit") view=AuditPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/areas") view=AreasPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/settings") view=SettingsPage ssr=SsrMode::Async />
                    <Route path=path!("/results") view=ResultsListPage ssr=SsrMode::Async />
                    <Route
                        path=path!("/annual-report/:year")
                        view=AnnualReportPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/results/methodology")
                        view=MethodologyPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/results/:survey/:wave")
                        view=PublicOverviewPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/results/:survey/:wave/indicator/:key")
                        view=PublicIndicatorPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/results/:survey/:wave/wards")
                        view=WardPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/results/:survey/:wave/ward/:code")
                        view=WardPage
                        ssr=SsrMode::Async
                    />
                </Routes>
            </main>
            <footer class="footer">
                <p>
                    "Kiln is open-source software for resident surveys. Your answers are anonymous."
                </p>
            </footer>
        </Router>
    }
}

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(App);
}
