//! A new survey: its key and title. Everything else is written in the editor after.

use leptos::prelude::*;

use crate::builder::api::load_new_survey;
use crate::builder::editor::fields::{summary_items, Text};
use crate::builder::editor::model::{FormState, NewSurveyView};
use crate::builder::paths;
use crate::officer::pages::nav::OfficerNav;
use crate::shared::components::{show_loaded, ErrorSummary, PageTitle};

#[component]
pub fn NewSurveyPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| load_new_survey());
    view! { {show_loaded(data, |v: NewSurveyView| view! { <NewSurvey v /> }.into_any())} }
}

#[component]
fn NewSurvey(v: NewSurveyView) -> impl IntoView {
    let st = FormState {
        values: vec![
            ("key".into(), v.values.key.clone()),
            ("title".into(), v.values.title.clone()),
        ],
        problems: v.problems.clone(),
    };
    let errors = summary_items("new", &st);
    let has_errors = !errors.is_empty();
    view! {
        <PageTitle text="Start a new survey".to_string() error=has_errors />
        <OfficerNav viewer=v.viewer.clone() />
        <ErrorSummary errors />
        <p>
            <a href=paths::SURVEYS class="back-link">
                "Surveys"
            </a>
        </p>
        <h1>"Start a new survey"</h1>
        <p>
            "It begins as a draft that residents cannot see. Write its start page, sections and questions next; preview it, then publish it and open a wave."
        </p>
        <form method="post" action=paths::NEW novalidate class="editor-form">
            <input type="hidden" name="csrf" value=v.viewer.csrf.clone() />
            <Text
                form="new".into()
                name="title"
                label="Title"
                hint="As residents see it, such as \"Parks survey 2027\""
                state=st.clone()
            />
            <Text
                form="new".into()
                name="key"
                label="Key"
                hint="Names the survey in its address (/surveys/parks-2027) and downloads: 2 to 40 lowercase letters, digits or hyphens. It cannot change later."
                state=st.clone()
                class="input input-width-20"
            />
            <button class="button" type="submit">
                "Start the survey"
            </button>
        </form>
    }
}
