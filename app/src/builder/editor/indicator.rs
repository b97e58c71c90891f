//! An indicator on one of the survey's own questions: first the question (a plain GET
//! form), then how it counts: the share choosing some answers, the share scoring in a
//! range, or the mean score.

use domain::indicators::Theme;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::builder::api::load_indicator_editor;
use crate::builder::editor::fields::{summary_items, Text};
use crate::builder::editor::model::{FormState, IndicatorEditorView};
use crate::builder::paths;
use crate::officer::pages::nav::OfficerNav;
use crate::shared::components::{
    show_loaded, Checkboxes, ErrorSummary, PageTitle, RadioChoice, SelectField,
};
use crate::shared::param;

#[component]
pub fn IndicatorPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let data = Resource::new(
        move || {
            (
                param(&params.read(), "survey"),
                query.read().get("question"),
            )
        },
        |(survey, question)| load_indicator_editor(survey, question),
    );
    view! { {show_loaded(data, |v: IndicatorEditorView| view! { <IndicatorForm v /> }.into_any())} }
}

fn theme_words(t: Theme) -> &'static str {
    match t {
        Theme::Healthier => "Healthier",
        Theme::Wealthier => "Wealthier",
        Theme::Safer => "Safer",
        Theme::Greener => "Greener",
        Theme::Cleaner => "Cleaner",
        Theme::Fairer => "Fairer",
    }
}

#[component]
fn IndicatorForm(v: IndicatorEditorView) -> impl IntoView {
    let t = &v.values;
    let st = FormState {
        values: vec![
            ("key".into(), t.key.clone()),
            ("label".into(), t.label.clone()),
            ("item".into(), t.item.clone()),
            ("rule".into(), t.rule.clone()),
            ("min".into(), t.min.clone()),
            ("max".into(), t.max.clone()),
            ("theme".into(), t.theme.clone()),
            ("better".into(), t.better.clone()),
        ],
        problems: v.problems.clone(),
    };
    let errors = summary_items("indicator", &st);
    let has_errors = !errors.is_empty();
    let mut questions = vec![(String::new(), "Choose a question".to_string())];
    questions.extend(v.questions.clone());
    let chooser = view! {
        <form method="get" action=paths::edit_indicator(&v.survey_key) class="editor-form">
            <SelectField
                id="choose-question".to_string()
                name="question"
                label="The question it counts"
                error=None
                options=questions
                selected=t.item.clone()
            />
            <button class="button button-secondary" type="submit">
                "Choose the question"
            </button>
        </form>
    };
    let mut themes = vec![(String::new(), "Choose a theme".to_string())];
    themes.extend(
        Theme::ALL
            .iter()
            .map(|t| (t.key().to_string(), theme_words(*t).to_string())),
    );
    let rule = v.chosen.clone().map(|c| match (c.options, c.scale) {
        (Some(options), _) => view! {
            <input type="hidden" name="rule" value="share_of" />
            <Checkboxes
                id="indicator-options".to_string()
                name="options"
                legend="It counts the share choosing"
                hint="Answers such as \"Don't know\" are left out of the base, as for the standard indicators"
                error=st.error("options")
                options=options
                checked=v.values.options.clone()
            />
        }
        .into_any(),
        (None, Some((lo, hi))) => view! {
            <RadioChoice
                id="indicator-rule".to_string()
                name="rule"
                legend="It counts"
                error=st.error("rule")
                options=vec![
                    ("share_in_range".to_string(), "The share scoring in a range".to_string()),
                    ("mean".to_string(), "The mean score".to_string()),
                ]
                selected=st.value("rule")
            />
            <Text
                form="indicator".into()
                name="min"
                label="Lowest score counted (for a share)"
                hint=format!("The scale runs from {lo} to {hi}")
                state=st.clone()
                class="input input-width-3"
                inputmode="numeric"
            />
            <Text
                form="indicator".into()
                name="max"
                label="Highest score counted (for a share)"
                state=st.clone()
                class="input input-width-3"
                inputmode="numeric"
            />
        }
        .into_any(),
        _ => ().into_any(),
    });
    let form = v.chosen.clone().map(|c| {
        view! {
            <form
                method="post"
                action=paths::edit_indicator(&v.survey_key)
                novalidate
                class="editor-form"
            >
                <input type="hidden" name="csrf" value=v.viewer.csrf.clone() />
                <input type="hidden" name="item" value=c.key.clone() />
                <p>"Counts: " <strong>{c.prompt.clone()}</strong></p>
                <Text
                    form="indicator".into()
                    name="label"
                    label="Name"
                    hint="As the dashboard shows it, such as \"Used a park in the last month\""
                    state=st.clone()
                />
                <Text
                    form="indicator".into()
                    name="key"
                    label="Key (optional)"
                    hint="Names it in downloads; left empty, it is made from the name"
                    state=st.clone()
                    class="input input-width-20"
                />
                {rule}
                <SelectField
                    id="indicator-theme".to_string()
                    name="theme"
                    label="Theme"
                    error=st.error("theme")
                    options=themes.clone()
                    selected=st.value("theme")
                />
                <RadioChoice
                    id="indicator-better".to_string()
                    name="better"
                    legend="Which way is better?"
                    error=st.error("better")
                    options=vec![
                        ("higher".to_string(), "A higher figure".to_string()),
                        ("lower".to_string(), "A lower figure".to_string()),
                    ]
                    selected=st.value("better")
                />
                <button class="button" type="submit">
                    "Add the indicator"
                </button>
            </form>
        }
    });
    view! {
        <PageTitle text="Add an indicator".to_string() error=has_errors />
        <OfficerNav viewer=v.viewer.clone() />
        <ErrorSummary errors />
        <p>
            <a href=paths::edit(&v.survey_key) class="back-link">
                {format!("Back to {}", v.title)}
            </a>
        </p>
        <h1>"Add an indicator"</h1>
        {if v.questions.is_empty() {
            view! {
                <p>
                    "Add a question with a list of answers or a scale first: an indicator counts one."
                </p>
            }
                .into_any()
        } else {
            view! {
                {chooser}
                {form}
            }
                .into_any()
        }}
    }
}
