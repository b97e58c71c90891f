use leptos::prelude::*;

/// What a form post did, announced politely to screen readers; nothing when there is none.
#[component]
pub fn StatusNotice(#[prop(into)] message: Option<String>) -> impl IntoView {
    message.map(|m| {
        view! {
            <div class="notice" role="status">
                {m}
            </div>
        }
    })
}
