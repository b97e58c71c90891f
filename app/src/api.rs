//! Server functions that load each page's data. Thin: find the state, call the view
//! builder, map its errors. During server rendering they run in-process; after hydration
//! the router calls them over HTTP when following a link.

use leptos::prelude::*;

use crate::model::*;

/// The error text a page looks for to show "page not found".
pub const NOT_FOUND: &str = "not_found";

#[cfg(feature = "ssr")]
mod support {
    use leptos::prelude::*;

    use crate::ssr::views::ViewError;
    use crate::ssr::AppState;

    pub fn state() -> Result<AppState, ServerFnError> {
        use_context::<AppState>().ok_or_else(|| ServerFnError::new("no app state"))
    }

    pub fn map_err(e: ViewError) -> ServerFnError {
        match e {
            ViewError::NotFound => {
                if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
                    res.set_status(axum::http::StatusCode::NOT_FOUND);
                }
                ServerFnError::new(super::NOT_FOUND)
            }
            ViewError::Redirect(path) => {
                leptos_axum::redirect(&path);
                ServerFnError::new("redirect")
            }
            ViewError::Store(e) => {
                tracing::error!(error = %e, "loading a page failed");
                ServerFnError::new("internal")
            }
        }
    }
}

#[server(endpoint = "pages/home")]
pub async fn load_home() -> Result<Vec<SurveySummary>, ServerFnError> {
    crate::ssr::views::home(&support::state()?)
        .await
        .map_err(support::map_err)
}

#[server(endpoint = "pages/start")]
pub async fn load_start(survey: String) -> Result<StartView, ServerFnError> {
    crate::ssr::views::start(&support::state()?, &survey)
        .await
        .map_err(support::map_err)
}

#[server(endpoint = "pages/section")]
pub async fn load_section(
    survey: String,
    code: String,
    number: usize,
    show_errors: bool,
    changing: bool,
    form_refused: bool,
) -> Result<SectionView, ServerFnError> {
    use crate::ssr::views::{section, SectionRequest};
    section(
        &support::state()?,
        SectionRequest {
            survey: &survey,
            code: &code,
            number,
            show_errors,
            changing,
            form_refused,
        },
    )
    .await
    .map_err(support::map_err)
}

#[server(endpoint = "pages/check")]
pub async fn load_check(survey: String, code: String) -> Result<CheckView, ServerFnError> {
    crate::ssr::views::check(&support::state()?, &survey, &code)
        .await
        .map_err(support::map_err)
}

#[server(endpoint = "pages/saved")]
pub async fn load_saved(survey: String, code: String) -> Result<SavedView, ServerFnError> {
    crate::ssr::views::saved(&support::state()?, &survey, &code)
        .await
        .map_err(support::map_err)
}

#[server(endpoint = "pages/done")]
pub async fn load_done(survey: String, code: String) -> Result<DoneView, ServerFnError> {
    crate::ssr::views::done(&support::state()?, &survey, &code)
        .await
        .map_err(support::map_err)
}
