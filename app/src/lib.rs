//! Kiln's web app: pages, components and server functions. Built twice: with `ssr` into the
//! server, and with `hydrate` into the browser's wasm. Nothing here needs the wasm to work:
//! every form is a plain HTML post.

// One folder per feature, each with its pages, components, server functions, wire types,
// server-only handlers and views, and its addresses (`paths`); `shared` holds what several
// use.
pub mod about;
pub mod accounts;
pub mod admin;
pub mod builder;
pub mod events;
pub mod framework;
pub mod groups;
pub mod kiosk;
pub mod officer;
pub mod results;
pub mod shared;
pub mod survey;
pub mod translations;
pub mod updates;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags};
use leptos_router::components::{Router, Routes};

use shared::access::Declared;
use shared::i18n::t;
use shared::not_found::NotFoundPage;

/// Who may use every address Kiln serves, by feature. The server refuses to start if it
/// serves a route none declares, and the access-matrix test walks every route it has.
pub const ACCESS: &[Declared] = &[
    survey::paths::ACCESS,
    accounts::paths::ACCESS,
    officer::paths::ACCESS,
    admin::paths::ACCESS,
    groups::paths::ACCESS,
    events::paths::ACCESS,
    framework::paths::ACCESS,
    kiosk::paths::ACCESS,
    results::paths::ACCESS,
    updates::paths::ACCESS,
    about::paths::ACCESS,
    builder::paths::ACCESS,
    translations::paths::ACCESS,
    shared::access::SITE,
];

/// The whole HTML document, rendered on the server.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let assets = shared::assets::get();
    // Residents' and public pages ship no wasm (see `shared::assets`).
    let scripts = if shared::assets::ships_wasm(&shared::address::request_path()) {
        view! { <HydrationScripts options /> }.into_any()
    } else {
        view! { <script type="module" src=assets.enhance></script> }.into_any()
    };
    let language = shared::i18n::language();
    view! {
        <!DOCTYPE html>
        <html lang=language.tag dir=language.direction.attribute()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="color-scheme" content="light" />
                <link rel="stylesheet" href=assets.css />
                <link rel="stylesheet" href=brand_css() />
                {scripts}
                {csp_header()}
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// The council's colours (`shared::ssr::brand`), loaded after Kiln's own stylesheet so they
/// win.
fn brand_css() -> String {
    #[cfg(feature = "ssr")]
    if let Some(state) = use_context::<shared::ssr::AppState>() {
        return state.brand.css.path.clone();
    }
    String::new()
}

/// Sets this page's Content-Security-Policy with the nonce leptos puts on its own inline
/// scripts, so no other inline script can run.
fn csp_header() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let (Some(nonce), Some(res)) = (
        leptos::nonce::use_nonce(),
        use_context::<leptos_axum::ResponseOptions>(),
    ) {
        let framed = shared::address::request_path().starts_with("/preview/");
        let policy = if framed {
            // The builder's preview frames these, from Kiln's own pages only.
            res.insert_header(
                http::header::X_FRAME_OPTIONS,
                http::HeaderValue::from_static("SAMEORIGIN"),
            );
            shared::csp::for_frame(&nonce)
        } else {
            shared::csp::for_page(&nonce)
        };
        if let Ok(v) = http::HeaderValue::from_str(&policy) {
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
        <Router>
            <a class="skip-link" href="#main">
                {t("skip-link")}
            </a>
            <shared::masthead::Header />
            <shared::language_links::LanguageLinks />
            <shared::route_focus::RouteFocus />
            <main class="page" id="main" tabindex="-1">
                <Routes fallback=NotFoundPage>
                    <survey::SurveyRoutes />
                    <accounts::AccountRoutes />
                    <framework::FrameworkRoutes />
                    <officer::OfficerRoutes />
                    <admin::AdminRoutes />
                    <builder::BuilderRoutes />
                    <translations::TranslationRoutes />
                    <groups::GroupRoutes />
                    <events::EventRoutes />
                    <kiosk::KioskRoutes />
                    <results::ResultsRoutes />
                    <updates::UpdatesRoutes />
                    <about::AboutRoutes />
                </Routes>
            </main>
            <footer class="footer">
                <nav aria-label=t("footer-nav")>
                    <ul class="footer-links">
                        <li>
                            <a href=about::paths::ACCESSIBILITY>{t("footer-accessibility")}</a>
                        </li>
                        <li>
                            <a href=about::paths::PRIVACY>{t("footer-privacy")}</a>
                        </li>
                    </ul>
                </nav>
                <p>{t("footer-about")}</p>
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
