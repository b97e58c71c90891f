use leptos::prelude::*;

use super::question::{described_by, group_class, hint};
use crate::shared::components::error_summary::FieldErrorMessage;
use crate::shared::i18n::t_args;
use crate::survey::model::QuestionView;
use crate::survey::paths;

/// A 0–10 (or 1–10) scale as a row of radio buttons, its two ends named in words.
#[component]
pub fn ScaleQuestion(
    question: QuestionView,
    min: i32,
    max: i32,
    min_label: String,
    max_label: String,
) -> impl IntoView {
    let key = question.key.clone();
    let ends_id = format!("q-{key}-ends");
    let describedby = described_by(&question, std::slice::from_ref(&ends_id));
    let first_id = paths::field_id(&key);
    let options = (min..=max)
        .map(|v| {
            let id = if v == min {
                first_id.clone()
            } else {
                format!("{first_id}-{v}")
            };
            let checked = question.value.trim() == v.to_string();
            view! {
                <div class="scale-item">
                    <input
                        class="scale-input"
                        type="radio"
                        id=id.clone()
                        name=key.clone()
                        value=v.to_string()
                        checked=checked
                    />
                    <label class="scale-label" for=id>
                        {v}
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
                <p class="hint scale-ends" id=ends_id>
                    {t_args(
                        "scale-ends",
                        &[
                            ("min", min.into()),
                            ("minLabel", min_label.to_lowercase().into()),
                            ("max", max.into()),
                            ("maxLabel", max_label.to_lowercase().into()),
                        ],
                    )}
                </p>
                <FieldErrorMessage id=format!("q-{key}-error") message=question.error.clone() />
                <div class="scale">{options}</div>
            </fieldset>
        </div>
    }
}
