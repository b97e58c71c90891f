//! What server functions share: the app's state, the signed-in person, and errors mapped
//! to page errors (setting the response's status on the way).

use leptos::prelude::*;

use super::view_error::ViewError;
use super::AppState;

use crate::shared::PageError;

pub fn state() -> Result<AppState, PageError> {
    use_context::<AppState>().ok_or(PageError::Internal)
}

/// Reads the request being rendered where it is kept. `use_context::<Parts>()` would copy
/// every header and extension, and a page asks many times (once for each word it shows in
/// the page's language).
pub fn with_request<R>(read: impl FnOnce(&http::request::Parts) -> R) -> Option<R> {
    with_context::<http::request::Parts, _>(read)
}

/// The request's headers (its cookies), or none outside a request.
pub fn headers() -> http::HeaderMap {
    with_request(|p| p.headers.clone()).unwrap_or_default()
}

/// The signed-in person, or an error: the access guard has already let only the right
/// people through, so this is a second lock, not the first.
pub fn signed_in() -> Result<crate::shared::ssr::auth::SignedIn, PageError> {
    with_request(|p| {
        p.extensions
            .get::<crate::shared::ssr::auth::SignedIn>()
            .cloned()
    })
    .flatten()
    .ok_or(PageError::Forbidden)
}

pub fn admin() -> Result<crate::shared::ssr::auth::SignedIn, PageError> {
    signed_in().and_then(|s| {
        if s.user.role.administers() {
            Ok(s)
        } else {
            Err(map_err(ViewError::Forbidden))
        }
    })
}

/// An officer or administrator.
pub fn staff() -> Result<crate::shared::ssr::auth::SignedIn, PageError> {
    signed_in().and_then(|s| {
        if s.user.role.is_staff() {
            Ok(s)
        } else {
            Err(map_err(ViewError::Forbidden))
        }
    })
}

/// A community group's organiser or volunteer, and the scope of their own group.
pub fn group_scope() -> Result<(crate::shared::ssr::auth::SignedIn, store::groups::Scope), PageError>
{
    let who = signed_in()?;
    match store::groups::Scope::of(&who.user) {
        Some(scope) => Ok((who, scope)),
        None => Err(map_err(ViewError::Forbidden)),
    }
}

pub fn map_err(e: ViewError) -> PageError {
    match e {
        ViewError::NotFound => {
            if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
                res.set_status(axum::http::StatusCode::NOT_FOUND);
            }
            PageError::NotFound
        }
        ViewError::Redirect(path) => {
            leptos_axum::redirect(&path);
            PageError::Redirect(path)
        }
        ViewError::Forbidden => {
            if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
                res.set_status(axum::http::StatusCode::FORBIDDEN);
            }
            PageError::Forbidden
        }
        ViewError::Store(e) => {
            tracing::error!(error = %e, "loading a page failed");
            PageError::Internal
        }
    }
}
