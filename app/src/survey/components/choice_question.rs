use leptos::prelude::*;

use super::question::{described_by, group_class, hint};
use crate::shared::components::error_summary::FieldErrorMessage;
use crate::survey::model::{OptionView, QuestionView};
use crate::survey::paths;

/// One answer from a list, as radio buttons; or, `several`, any answers, as checkboxes (each
/// ticked box posted as a field of its own, the value given back as keys joined by commas).
#[component]
pub fn ChoiceQuestion(
    question: QuestionView,
    options: Vec<OptionView>,
    #[prop(optional)] several: bool,
) -> impl IntoView {
    let (kind, item, input) = if several {
        ("checkbox", "checkbox", "checkbox-input")
    } else {
        ("radio", "radio", "radio-input")
    };
    let given: Vec<String> = question
        .value
        .split(domain::survey::SEVERAL_SEPARATOR)
        .map(|k| k.trim().to_string())
        .collect();
    let key = question.key.clone();
    let first_id = paths::field_id(&key);
    let describedby = described_by(&question, &[]);
    let radios = options
        .into_iter()
        .enumerate()
        .map(|(i, o)| {
            let id = if i == 0 {
                first_id.clone()
            } else {
                format!("{first_id}-{}", i + 1)
            };
            let checked = if several {
                given.contains(&o.key)
            } else {
                question.value.trim() == o.key
            };
            view! {
                <div class=item>
                    <input
                        class=input
                        type=kind
                        id=id.clone()
                        name=key.clone()
                        value=o.key
                        checked=checked
                    />
                    <label class=format!("{item}-label") for=id>
                        {o.label}
                    </label>
                </div>
            }
        })
        .collect_view();
    view! {
        <div class=group_class(&question)>
            <fieldset class="fieldset" aria-describedby=describedby>
                <legend class="fieldset-legend">{question.prompt.clone()}</legend>
                {hint(&question)}
                <FieldErrorMessage id=format!("q-{key}-error") message=question.error.clone() />
                <div class=if several { "checkboxes" } else { "radios" }>{radios}</div>
            </fieldset>
        </div>
    }
}
