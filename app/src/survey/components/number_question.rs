use leptos::prelude::*;

use super::question::{described_by, group_class, hint};
use crate::shared::components::error_summary::FieldErrorMessage;
use crate::shared::i18n::t_args;
use crate::survey::model::QuestionView;
use crate::survey::paths;

/// A whole number: a text box with the numeric keypad (GOV.UK advises against
/// `type="number"`, which changes a value when scrolled and reads badly in screen readers),
/// its unit after it, and its range in the hint.
#[component]
pub fn NumberQuestion(
    question: QuestionView,
    min: i32,
    max: i32,
    unit: Option<String>,
) -> impl IntoView {
    let key = question.key.clone();
    let id = paths::field_id(&key);
    let range_id = format!("q-{key}-range");
    let describedby = described_by(&question, std::slice::from_ref(&range_id));
    view! {
        <div class=group_class(&question)>
            <label class="label" for=id.clone()>
                {question.prompt.clone()}
            </label>
            {hint(&question)}
            <div class="hint" id=range_id>
                {t_args("number-range", &[("min", min.into()), ("max", max.into())])}
            </div>
            <FieldErrorMessage id=format!("q-{key}-error") message=question.error.clone() />
            <div class="input-with-unit">
                <input
                    class="input input-width-5"
                    id=id
                    name=key.clone()
                    type="text"
                    inputmode="numeric"
                    spellcheck="false"
                    autocomplete="off"
                    value=question.value.clone()
                    aria-describedby=describedby
                    aria-invalid=question.error.is_some().then_some("true")
                />
                {unit.map(|u| view! { <span class="input-unit">{u}</span> })}
            </div>
        </div>
    }
}
