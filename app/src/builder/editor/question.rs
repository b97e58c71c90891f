//! The question page: a new question of a kind, or one changed. A question bank question
//! shows its wording and answers without a box for them: they stay the bank's.

use domain::editing::QuestionText;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::builder::api::load_question_editor;
use crate::builder::editor::fields::{summary_items, Text};
use crate::builder::editor::model::{FormState, QuestionEditorView};
use crate::builder::paths;
use crate::officer::pages::nav::OfficerNav;
use crate::shared::components::{show_loaded, ErrorSummary, PageTitle, RadioChoice};
use crate::shared::param;

#[component]
pub fn QuestionPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let data = Resource::new(
        move || {
            let q = query.read();
            (
                param(&params.read(), "survey"),
                q.get("section").and_then(|s| s.parse().ok()),
                q.get("kind"),
                q.get("question"),
            )
        },
        |(survey, section, kind, question)| load_question_editor(survey, section, kind, question),
    );
    view! { {show_loaded(data, |v: QuestionEditorView| view! { <QuestionForm v /> }.into_any())} }
}

fn state(t: &QuestionText, problems: Vec<domain::editing::FieldProblem>) -> FormState {
    let pairs = [
        ("key", &t.key),
        ("prompt", &t.prompt),
        ("hint", &t.hint),
        ("short_label", &t.short_label),
        ("required", &t.required),
        ("required_message", &t.required_message),
        ("options", &t.options),
        ("min", &t.min),
        ("max", &t.max),
        ("min_label", &t.min_label),
        ("max_label", &t.max_label),
        ("unit", &t.unit),
        ("earliest", &t.earliest),
        ("latest", &t.latest),
        ("max_chars", &t.max_chars),
    ];
    FormState {
        values: pairs
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect(),
        problems,
    }
}

#[component]
fn QuestionForm(v: QuestionEditorView) -> impl IntoView {
    let st = state(&v.values, v.problems.clone());
    let errors = summary_items("question", &st);
    let has_errors = !errors.is_empty();
    let form = || "question".to_string();
    let heading = match &v.editing {
        Some(_) => format!("Change the question \"{}\"", v.values.short_label),
        None => format!("Add a question to section {}", v.section),
    };
    let action = match &v.editing {
        Some(k) => paths::change_question(&v.survey_key, k),
        None => paths::new_question(&v.survey_key, v.section, v.kind.as_deref().unwrap_or("")),
    };
    let kind = v.kind.clone().unwrap_or_default();
    let fixed = v.bank || v.kind.is_none();
    let kind_fields = if fixed {
        ().into_any()
    } else {
        match kind.as_str() {
            "choice" | "several" => view! {
                <Text
                    form=form()
                    name="options"
                    label="Answers to choose from"
                    hint="One a line. Kiln gives each a key from its words; to keep a key when you reword an answer, leave it in square brackets at the end, like \"Yes, often [often]\"."
                    state=st.clone()
                    rows=6
                />
            }
            .into_any(),
            "scale" => view! {
                <Text
                    form=form()
                    name="min"
                    label="Lowest score"
                    state=st.clone()
                    class="input input-width-3"
                    inputmode="numeric"
                />
                <Text
                    form=form()
                    name="min_label"
                    label="What the lowest score means"
                    hint="Such as \"Not at all\""
                    state=st.clone()
                />
                <Text
                    form=form()
                    name="max"
                    label="Highest score"
                    hint="A scale has 2 to 11 points: 0 to 10, or 1 to 5"
                    state=st.clone()
                    class="input input-width-3"
                    inputmode="numeric"
                />
                <Text
                    form=form()
                    name="max_label"
                    label="What the highest score means"
                    hint="Such as \"Completely\""
                    state=st.clone()
                />
            }
            .into_any(),
            "number" => view! {
                <Text
                    form=form()
                    name="min"
                    label="Smallest number accepted"
                    state=st.clone()
                    class="input input-width-5"
                    inputmode="numeric"
                />
                <Text
                    form=form()
                    name="max"
                    label="Largest number accepted"
                    state=st.clone()
                    class="input input-width-5"
                    inputmode="numeric"
                />
                <Text
                    form=form()
                    name="unit"
                    label="Unit (optional)"
                    hint="Shown after the box, such as \"people\" or \"years\""
                    state=st.clone()
                    class="input input-width-10"
                />
            }
            .into_any(),
            "date" => view! {
                <Text
                    form=form()
                    name="earliest"
                    label="Earliest date accepted (optional)"
                    hint="As year, month and day, like 2026-01-31"
                    state=st.clone()
                    class="input input-width-10"
                />
                <Text
                    form=form()
                    name="latest"
                    label="Latest date accepted (optional)"
                    hint="As year, month and day, like 2026-12-31"
                    state=st.clone()
                    class="input input-width-10"
                />
            }
            .into_any(),
            _ => view! {
                <Text
                    form=form()
                    name="max_chars"
                    label="The most characters an answer may have"
                    hint=if kind == "short-text" {
                        "At most 200: a one-line box"
                    } else {
                        "At most 5,000"
                    }
                    state=st.clone()
                    class="input input-width-5"
                    inputmode="numeric"
                />
            }
            .into_any(),
        }
    };
    let bank_note = v.bank.then(|| {
        view! {
            <div class="inset" data-testid="bank-note">
                <p>
                    "This question is from the question bank. Its wording and answers stay as measures.md sets them, so its figures compare with the standard surveys' and with England. To ask it differently, add a question of your own instead."
                </p>
                <p>
                    <strong>{v.values.prompt.clone()}</strong>
                </p>
            </div>
        }
    });
    view! {
        <PageTitle text=heading.clone() error=has_errors />
        <OfficerNav viewer=v.viewer.clone() />
        <ErrorSummary errors />
        <p>
            <a href=paths::edit(&v.survey_key) class="back-link">
                {format!("Back to {}", v.title)}
            </a>
        </p>
        <span class="caption">{v.kind_name.clone()}</span>
        <h1>{heading}</h1>
        {bank_note}
        <form method="post" action=action novalidate class="editor-form">
            <input type="hidden" name="csrf" value=v.viewer.csrf.clone() />
            {(!fixed)
                .then(|| {
                    view! {
                        <Text
                            form=form()
                            name="prompt"
                            label="The question"
                            hint="As residents read it"
                            state=st.clone()
                            rows=2
                        />
                    }
                })}
            <Text
                form=form()
                name="hint"
                label="Help text (optional)"
                hint="Shown under the question"
                state=st.clone()
                rows=2
            />
            {kind_fields}
            <Text
                form=form()
                name="short_label"
                label="Short label"
                hint="A few words naming the question, used on the check page and in error messages, such as \"using a park\""
                state=st.clone()
            />
            {(!fixed)
                .then(|| {
                    view! {
                        <Text
                            form=form()
                            name="key"
                            label="Key (optional)"
                            hint="Names the question in downloads: lowercase letters, digits and _, such as used_park. Left empty, it is made from the short label. Changing it later separates its answers from earlier versions' and its translations."
                            state=st.clone()
                            class="input input-width-20"
                        />
                    }
                })}
            <RadioChoice
                id="question-required".to_string()
                name="required"
                legend="Must residents answer it?"
                error=st.error("required")
                options=vec![
                    ("yes".to_string(), "Yes".to_string()),
                    ("no".to_string(), "No, it can be left blank".to_string()),
                ]
                selected=st.value("required")
            />
            <Text
                form=form()
                name="required_message"
                label="The message when a required answer is left blank"
                hint="Say what to do, such as \"Select whether you have used a park\". Left empty, it is \"Select an answer about\" (or \"Enter an answer about\") and the short label."
                state=st.clone()
            />
            <button class="button" type="submit">
                "Save the question"
            </button>
        </form>
    }
}
