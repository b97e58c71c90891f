use leptos::prelude::*;

use crate::shared::i18n::t_args;

use super::question::{described_by, group_class, hint};
use crate::shared::components::error_summary::FieldErrorMessage;
use crate::survey::model::QuestionView;
use crate::survey::paths;

/// Free text, on one line up to `SHORT_TEXT_CHARS`, with a character count that updates as you type: on a hydrated page by the
/// signal here, on a page without wasm by `app/assets/enhance.js` (through the `data-`
/// attributes).
#[component]
pub fn TextQuestion(question: QuestionView, max_chars: usize) -> impl IntoView {
    let key = question.key.clone();
    let id = paths::field_id(&key);
    let count_id = format!("q-{key}-count");
    let describedby = described_by(&question, std::slice::from_ref(&count_id));
    let (used, set_used) = signal(question.value.chars().count());
    // The count's words with `{n}` for the number, for enhance.js on a page without wasm.
    let remaining_words = t_args("chars-remaining", &[("count", "{n}".into())]);
    let over_words = t_args("chars-over", &[("count", "{n}".into())]);
    let remaining = move || {
        let used = used.get();
        if used <= max_chars {
            t_args("chars-remaining", &[("count", (max_chars - used).into())])
        } else {
            t_args("chars-over", &[("count", (used - max_chars).into())])
        }
    };
    view! {
        <div class=group_class(&question)>
            <label class="label" for=id.clone()>
                {question.prompt.clone()}
            </label>
            {hint(&question)}
            <FieldErrorMessage id=format!("q-{key}-error") message=question.error.clone() />
            {if max_chars <= domain::editing::SHORT_TEXT_CHARS {
                // A short answer: one line.
                view! {
                    <input
                        class="input"
                        type="text"
                        id=id
                        name=key.clone()
                        value=question.value.clone()
                        aria-describedby=describedby
                        data-max-chars=max_chars
                        data-count-id=count_id.clone()
                        data-remaining=remaining_words.clone()
                        data-over=over_words.clone()
                        on:input=move |ev| set_used.set(event_target_value(&ev).chars().count())
                    />
                }
                    .into_any()
            } else {
                view! {
                    <textarea
                        class="textarea"
                        id=id
                        name=key.clone()
                        rows="5"
                        aria-describedby=describedby
                        data-max-chars=max_chars
                        data-count-id=count_id.clone()
                        data-remaining=remaining_words.clone()
                        data-over=over_words.clone()
                        on:input=move |ev| set_used.set(event_target_value(&ev).chars().count())
                    >
                        {question.value.clone()}
                    </textarea>
                }
                    .into_any()
            }}
            <p class="hint char-count" id=count_id aria-live="polite">
                {remaining}
            </p>
        </div>
    }
}
