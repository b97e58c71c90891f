//! Server functions that load each page's data. Thin: find the state, call the view
//! builder, map its errors. During server rendering they run in-process; after hydration
//! the router calls them over HTTP when following a link.

pub mod officer;
pub mod results;
mod survey;

pub use survey::*;

/// The error text a page looks for to show "page not found".
pub const NOT_FOUND: &str = "not_found";
/// The error text a page looks for to show "you do not have access".
pub const FORBIDDEN: &str = "forbidden";

#[cfg(feature = "ssr")]
pub(crate) mod support {
    use leptos::prelude::*;

    use crate::ssr::views::ViewError;
    use crate::ssr::AppState;

    pub fn state() -> Result<AppState, ServerFnError> {
        use_context::<AppState>().ok_or_else(|| ServerFnError::new("no app state"))
    }

    /// The signed-in person, or an error: the access guard has already let only the right
    /// people through, so this is a second lock, not the first.
    pub fn signed_in() -> Result<crate::ssr::auth::SignedIn, ServerFnError> {
        use_context::<http::request::Parts>()
            .and_then(|p| p.extensions.get::<crate::ssr::auth::SignedIn>().cloned())
            .ok_or_else(|| ServerFnError::new(super::FORBIDDEN))
    }

    pub fn admin() -> Result<crate::ssr::auth::SignedIn, ServerFnError> {
        signed_in().and_then(|s| {
            if s.user.role.administers() {
                Ok(s)
            } else {
                Err(map_err(ViewError::Forbidden))
            }
        })
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
            ViewError::Forbidden => {
                if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
                    res.set_status(axum::http::StatusCode::FORBIDDEN);
                }
                ServerFnError::new(super::FORBIDDEN)
            }
            ViewError::Store(e) => {
                tracing::error!(error = %e, "loading a page failed");
                ServerFnError::new("internal")
            }
        }
    }
}
