use leptos::prelude::*;

use super::question::{described_by, group_class, hint};
use crate::shared::components::error_summary::FieldErrorMessage;
use crate::shared::i18n::t;
use crate::survey::model::QuestionView;
use crate::survey::paths;

/// A date in three boxes (the GOV.UK date input): day, month and year, each with the numeric
/// keypad, posted as `{key}-day`, `{key}-month` and `{key}-year`. The day box carries the
/// question's id, for the error summary's link.
#[component]
pub fn DateQuestion(question: QuestionView) -> impl IntoView {
    let key = question.key.clone();
    let id = paths::field_id(&key);
    let describedby = described_by(&question, &[]);
    let (day, month, year) = domain::answers::date_parts(&question.value);
    let boxes = [
        (id.clone(), "day", t("date-day"), "input input-width-3", day),
        (
            format!("{id}-month"),
            "month",
            t("date-month"),
            "input input-width-3",
            month,
        ),
        (
            format!("{id}-year"),
            "year",
            t("date-year"),
            "input input-width-5",
            year,
        ),
    ];
    let invalid = question.error.is_some().then_some("true");
    view! {
        <div class=group_class(&question)>
            <fieldset class="fieldset" role="group" aria-describedby=describedby>
                <legend class="fieldset-legend">{question.prompt.clone()}</legend>
                {hint(&question)}
                <FieldErrorMessage id=format!("q-{key}-error") message=question.error.clone() />
                <div class="date-input">
                    {boxes
                        .into_iter()
                        .map(|(box_id, part, label, class, value)| {
                            view! {
                                <div class="date-input-item">
                                    <label class="label-s" for=box_id.clone()>
                                        {label}
                                    </label>
                                    <input
                                        class=class
                                        id=box_id
                                        name=format!("{key}-{part}")
                                        type="text"
                                        inputmode="numeric"
                                        autocomplete="off"
                                        value=value
                                        aria-invalid=invalid
                                    />
                                </div>
                            }
                        })
                        .collect_view()}
                </div>
            </fieldset>
        </div>
    }
}
