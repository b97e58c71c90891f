//! Questions of the question bank added to a section, as measures.md words them.

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::builder::api::load_bank;
use crate::builder::editor::model::BankView;
use crate::builder::paths;
use crate::officer::pages::nav::OfficerNav;
use crate::shared::components::{show_loaded, Checkboxes, ErrorItem, ErrorSummary, PageTitle};
use crate::shared::param;

#[component]
pub fn BankPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let data = Resource::new(
        move || {
            (
                param(&params.read(), "survey"),
                query
                    .read()
                    .get("section")
                    .and_then(|s| s.parse().ok())
                    .unwrap_or(0),
            )
        },
        |(survey, section)| load_bank(survey, section),
    );
    view! { {show_loaded(data, |v: BankView| view! { <Bank v /> }.into_any())} }
}

#[component]
fn Bank(v: BankView) -> impl IntoView {
    let error = v.form.error("bank");
    let errors: Vec<ErrorItem> = error
        .iter()
        .map(|m| ErrorItem {
            field_id: "bank".into(),
            message: m.clone(),
        })
        .collect();
    let has_errors = !errors.is_empty();
    let heading = format!(
        "Add questions from the question bank to section {}",
        v.section
    );
    let options: Vec<(String, String)> = v
        .questions
        .iter()
        .map(|(k, prompt, kind)| (k.clone(), format!("{prompt} ({kind}; key {k})")))
        .collect();
    let empty = options.is_empty();
    view! {
        <PageTitle text=heading.clone() error=has_errors />
        <OfficerNav viewer=v.viewer.clone() />
        <ErrorSummary errors />
        <p>
            <a href=paths::edit(&v.survey_key) class="back-link">
                {format!("Back to {}", v.title)}
            </a>
        </p>
        <span class="caption">{format!("Section {}: {}", v.section, v.section_title)}</span>
        <h1>{heading}</h1>
        <p>
            "The standard questions of measures.md, with their wording and answers. They keep both, so that their figures compare with the standard surveys' and with England, and their standard indicators are computed for this survey too. Their help text, short label and messages can be changed afterwards."
        </p>
        {if empty {
            view! { <p>"The survey already asks every question of the bank."</p> }.into_any()
        } else {
            view! {
                <form
                    method="post"
                    action=paths::bank_for(&v.survey_key, v.section)
                    novalidate
                    class="editor-form"
                >
                    <input type="hidden" name="csrf" value=v.viewer.csrf.clone() />
                    <Checkboxes
                        id="bank".to_string()
                        name="bank"
                        legend="Questions to add"
                        error=error.clone()
                        options=options.clone()
                        checked=v.form.values("bank")
                    />
                    <button class="button" type="submit">
                        "Add the questions"
                    </button>
                </form>
            }
                .into_any()
        }}
    }
}
