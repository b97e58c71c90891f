use leptos::prelude::*;

use serde::{Deserialize, Serialize};

use crate::shared::i18n::t;

/// One entry of the error summary, linking to the field it is about.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ErrorItem {
    pub field_id: String,
    pub message: String,
}

/// The GOV.UK error summary: every problem on the page, each linking to its field. Focused on
/// load (autofocus) so screen reader users hear it first, with or without JavaScript.
#[component]
pub fn ErrorSummary(errors: Vec<ErrorItem>) -> impl IntoView {
    (!errors.is_empty()).then(|| {
        view! {
            <div
                class="error-summary"
                role="alert"
                aria-labelledby="error-summary-title"
                tabindex="-1"
                autofocus
            >
                <h2 class="error-summary-title" id="error-summary-title">
                    {t("error-summary-title")}
                </h2>
                <ul class="error-summary-list">
                    {errors
                        .into_iter()
                        .map(|e| {
                            let id = e.field_id.clone();
                            view! {
                                <li>
                                    <a
                                        href=format!("#{}", e.field_id)
                                        on:click=move |ev| focus_field(ev, &id)
                                    >
                                        {e.message}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </div>
        }
    })
}

/// The message shown beside a field.
#[component]
pub fn FieldErrorMessage(id: String, message: Option<String>) -> impl IntoView {
    message.map(|m| {
        view! {
            <p class="error-message" id=id>
                <span class="visually-hidden">{format!("{} ", t("error-prefix"))}</span>
                {m}
            </p>
        }
    })
}

/// With JavaScript, move focus to the field itself (as a plain fragment link does without it),
/// rather than let the client-side router treat the link as a navigation.
fn focus_field(ev: leptos::ev::MouseEvent, id: &str) {
    use leptos::wasm_bindgen::JsCast;
    if let Some(el) = document()
        .get_element_by_id(id)
        .and_then(|el| el.dyn_into::<leptos::web_sys::HtmlElement>().ok())
    {
        ev.prevent_default();
        let _ = el.focus();
    }
}
