use leptos::prelude::*;

use crate::shared::i18n::{t, t_args};

use super::question::{described_by, group_class, hint};
use crate::shared::components::error_summary::FieldErrorMessage;
use crate::survey::model::{OptionView, PostcodeView, QuestionView};
use crate::survey::paths;

/// The ward question: a list of wards, and a postcode lookup when one has been loaded.
#[component]
pub fn AreaQuestion(
    question: QuestionView,
    wards: Vec<OptionView>,
    postcode: Option<PostcodeView>,
) -> impl IntoView {
    let key = question.key.clone();
    let id = paths::field_id(&key);
    let describedby = described_by(&question, &[]);
    let value = question.value.trim().to_string();
    let option = move |k: String, label: String| {
        let selected = value == k;
        view! {
            <option value=k selected=selected>
                {label}
            </option>
        }
    };
    let choices = wards
        .into_iter()
        .map(|w| option.clone()(w.key, w.label))
        .collect_view();
    view! {
        <div class=group_class(
            &question,
        )>
            {postcode.map(|p| view! { <PostcodeLookup lookup=p /> })}
            <label class="label" for=id.clone()>
                {question.prompt.clone()}
            </label> {hint(&question)}
            <FieldErrorMessage id=format!("q-{key}-error") message=question.error.clone() />
            <select class="select" id=id name=key aria-describedby=describedby>
                {option.clone()(String::new(), t("ward-choose"))}
                {choices}
                {option.clone()("dont_know".to_string(), t("ward-dont-know"))}
                {option("prefer_not_to_say".to_string(), t("ward-prefer-not"))}
            </select>
        </div>
    }
}

#[component]
fn PostcodeLookup(lookup: PostcodeView) -> impl IntoView {
    let class = if lookup.error.is_some() {
        "postcode-lookup form-group-error"
    } else {
        "postcode-lookup"
    };
    let describedby = if lookup.error.is_some() {
        "q-postcode-hint q-postcode-error"
    } else {
        "q-postcode-hint"
    };
    view! {
        <div class=class>
            <label class="label" for="q-postcode">
                {t("postcode-label")}
            </label>
            <div class="hint" id="q-postcode-hint">
                {t("postcode-hint")}
            </div>
            <FieldErrorMessage id="q-postcode-error".to_string() message=lookup.error.clone() />
            <div class="postcode-row">
                <input
                    class="input input-postcode"
                    id="q-postcode"
                    name="postcode"
                    type="text"
                    autocomplete="postal-code"
                    spellcheck="false"
                    value=lookup.value
                    aria-describedby=describedby
                />
                <button
                    class="button button-secondary"
                    type="submit"
                    name="intent"
                    value="find_ward"
                >
                    {t("postcode-find")}
                </button>
            </div>
            {lookup
                .found
                .map(|ward| {
                    view! {
                        <p class="notice" role="status">
                            {t_args("postcode-found", &[("ward", ward.into())])}
                        </p>
                    }
                })}
            <p class="or">{t("postcode-or")}</p>
        </div>
    }
}
