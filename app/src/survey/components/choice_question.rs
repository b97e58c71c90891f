use leptos::prelude::*;

use super::question::{described_by, group_class, Hint};
use crate::shared::components::error_summary::FieldErrorMessage;
use crate::survey::model::{OptionView, QuestionView};
use crate::survey::paths;

/// One answer from a list, as radio buttons.
#[component]
pub fn ChoiceQuestion(question: QuestionView, options: Vec<OptionView>) -> impl IntoView {
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
            let checked = question.value.trim() == o.key;
            view! {
                <div class="radio">
                    <input
                        class="radio-input"
                        type="radio"
                        id=id.clone()
                        name=key.clone()
                        value=o.key
                        checked=checked
                    />
                    <label class="radio-label" for=id>
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
                <Hint question=question.clone() />
                <FieldErrorMessage id=format!("q-{key}-error") message=question.error.clone() />
                <div class="radios">{radios}</div>
            </fieldset>
        </div>
    }
}
