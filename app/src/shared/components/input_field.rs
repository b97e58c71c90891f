use leptos::prelude::*;

use crate::shared::components::error_summary::FieldErrorMessage;

/// One labelled text input with its hint and its error message beside it (the GOV.UK
/// pattern): the error summary links to `id`, and the input is described by both.
#[component]
pub fn InputField(
    id: &'static str,
    #[prop(into)] label: String,
    /// `text`, `email`, `password`.
    kind: &'static str,
    autocomplete: &'static str,
    error: Option<String>,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional, into)] value: Option<String>,
    #[prop(optional)] class: Option<&'static str>,
    /// The field's name in the form, when it is not its id (two forms on a page).
    #[prop(optional)]
    name: Option<&'static str>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described = [
        hint.as_ref().map(|_| hint_id.clone()),
        error.as_ref().map(|_| error_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    view! {
        <div class=if error.is_some() { "form-group form-group-error" } else { "form-group" }>
            <label class="label" for=id>
                {label}
            </label>
            {hint
                .map(|h| {
                    view! {
                        <div class="hint" id=hint_id.clone()>
                            {h}
                        </div>
                    }
                })}
            <FieldErrorMessage id=error_id.clone() message=error.clone() />
            <input
                class=class.unwrap_or("input")
                id=id
                name=name.unwrap_or(id)
                type=kind
                autocomplete=autocomplete
                spellcheck="false"
                value=value
                aria-describedby=(!described.is_empty()).then_some(described)
            />
        </div>
    }
}
