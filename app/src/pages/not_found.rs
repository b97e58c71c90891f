use leptos::prelude::*;

use crate::components::Problem;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.set_status(axum::http::StatusCode::NOT_FOUND);
    }
    view! { <Problem error=crate::api::PageError::NotFound /> }
}
