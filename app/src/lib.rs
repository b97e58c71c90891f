//! Kiln's web app: pages, components and server functions. Built twice: with `ssr` into the
//! server, and with `hydrate` into the browser's wasm. Nothing here needs the wasm to work:
//! every form is a plain HTML post.

pub mod api;
pub mod components;
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
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="color-scheme" content="light"/>
                <HydrationScripts options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
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
        <Stylesheet id="kiln-css" href="/pkg/kiln.css"/>
        <Router>
            <a class="skip-link" href="#main">"Skip to main content"</a>
            <header class="header">
                <div class="header-inner">
                    <a class="header-brand" href="/">"Kiln"</a>
                    <span class="header-service">"Stoke-on-Trent resident surveys"</span>
                </div>
            </header>
            <main class="page" id="main" tabindex="-1">
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=HomePage ssr=SsrMode::Async/>
                    <Route path=path!("/resume") view=ResumePage ssr=SsrMode::Async/>
                    <Route path=path!("/surveys/:survey") view=StartPage ssr=SsrMode::Async/>
                    <Route path=path!("/surveys/:survey/r/:code/section/:n") view=SectionPage ssr=SsrMode::Async/>
                    <Route path=path!("/surveys/:survey/r/:code/check") view=CheckPage ssr=SsrMode::Async/>
                    <Route path=path!("/surveys/:survey/r/:code/saved") view=SavedPage ssr=SsrMode::Async/>
                    <Route path=path!("/surveys/:survey/r/:code/done") view=DonePage ssr=SsrMode::Async/>
                </Routes>
            </main>
            <footer class="footer">
                <p>"Kiln is open-source software for resident surveys. Your answers are anonymous."</p>
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
