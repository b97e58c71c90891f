//! The editing pages' fields: a text box or area named within its form, so that one page
//! can hold a form per section, each field labelled, hinted and with its error beside it.

use leptos::prelude::*;

use crate::builder::editor::model::FormState;
use crate::shared::components::error_summary::FieldErrorMessage;
use crate::shared::components::ErrorItem;

/// The id of a form's field on its page.
pub fn field_id(form: &str, name: &str) -> String {
    format!("{form}-{name}")
}

/// Each problem of a form for the error summary, linking to its field.
pub fn summary_items(form: &str, state: &FormState) -> Vec<ErrorItem> {
    state
        .problems
        .iter()
        .map(|p| ErrorItem {
            field_id: field_id(form, &p.field),
            message: p.message.clone(),
        })
        .collect()
}

/// A labelled text box (or text area, with `rows`) of a form.
#[component]
pub fn Text(
    form: String,
    name: &'static str,
    #[prop(into)] label: String,
    state: FormState,
    #[prop(optional, into)] hint: Option<String>,
    /// A text area of this many rows; none: one line.
    #[prop(optional)]
    rows: Option<u32>,
    #[prop(optional)] class: Option<&'static str>,
    #[prop(optional)] inputmode: Option<&'static str>,
) -> impl IntoView {
    let id = field_id(&form, name);
    let error = state.error(name);
    let value = state.value(name);
    let described: Vec<String> = [
        hint.as_ref().map(|_| format!("{id}-hint")),
        error.as_ref().map(|_| format!("{id}-error")),
    ]
    .into_iter()
    .flatten()
    .collect();
    let described = (!described.is_empty()).then(|| described.join(" "));
    let invalid = error.is_some().then_some("true");
    view! {
        <div class=if error.is_some() { "form-group form-group-error" } else { "form-group" }>
            <label class="label" for=id.clone()>
                {label}
            </label>
            {hint
                .map(|h| {
                    view! {
                        <div class="hint" id=format!("{id}-hint")>
                            {h}
                        </div>
                    }
                })}
            <FieldErrorMessage id=format!("{id}-error") message=error.clone() />
            {match rows {
                Some(rows) => {
                    view! {
                        <textarea
                            class="textarea"
                            id=id.clone()
                            name=name
                            rows=rows
                            aria-describedby=described.clone()
                            aria-invalid=invalid
                        >
                            {value.clone()}
                        </textarea>
                    }
                        .into_any()
                }
                None => {
                    view! {
                        <input
                            class=class.unwrap_or("input")
                            id=id.clone()
                            name=name
                            type="text"
                            inputmode=inputmode
                            value=value.clone()
                            aria-describedby=described.clone()
                            aria-invalid=invalid
                            autocomplete="off"
                        />
                    }
                        .into_any()
                }
            }}
        </div>
    }
}
