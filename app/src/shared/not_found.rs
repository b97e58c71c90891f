use leptos::prelude::*;

use crate::shared::components::Problem;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.set_status(axum::http::StatusCode::NOT_FOUND);
    }
    view! { <Problem error=crate::shared::PageError::NotFound /> }
}
