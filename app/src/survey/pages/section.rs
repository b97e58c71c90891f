use leptos::prelude::*;

use crate::shared::i18n::{t, t_args};
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::shared::components::{show_loaded, ErrorSummary, PageTitle, Signposts};
use crate::shared::param;
use crate::survey::api::load_section;
use crate::survey::components::QuestionField;
use crate::survey::model::SectionView;
use crate::survey::paths;

#[component]
pub fn SectionPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let data = Resource::new(
        move || {
            let p = params.read();
            let q = query.read();
            (
                param(&p, "survey"),
                param(&p, "code"),
                param(&p, "n").parse::<usize>().unwrap_or(0),
                q.get("errors").is_some(),
                q.get("change").is_some(),
                q.get("problem").is_some(),
            )
        },
        |(survey, code, n, errors, change, problem)| {
            load_section(survey, code, n, errors, change, problem)
        },
    );
    view! { {show_loaded(data, |v: SectionView| view! { <SectionForm view=v /> }.into_any())} }
}

/// A section's page from its view: residents', and the builder's preview (where Continue
/// is a plain GET to the next page, and nothing is saved).
#[component]
pub fn SectionForm(view: SectionView) -> impl IntoView {
    let mut v = view;
    let questions = std::mem::take(&mut v.questions);
    let back = if let Some(p) = &v.preview {
        p.back.clone()
    } else if v.changing {
        paths::check(&v.survey_key, &v.code)
    } else if let Some(previous) = v.previous {
        paths::section(&v.survey_key, &v.code, previous)
    } else {
        paths::start(&v.survey_key)
    };
    let progress = t_args(
        "section-progress",
        &[("number", v.number.into()), ("count", v.count.into())],
    );
    let has_errors = !v.errors.is_empty();
    let continue_label = if v.changing || v.number == v.count {
        t("continue-check")
    } else {
        t("continue")
    };
    view! {
        <PageTitle text=format!("{} – {}", v.title, v.survey_title) error=has_errors />
        <a class="back-link" href=back>
            {t("back")}
        </a>
        <ErrorSummary errors=v.errors.clone() />
        <p class="caption">
            {v.survey_title.clone()}<span class="visually-hidden">", "</span>
            <span class="caption-progress">{progress.clone()}</span>
        </p>
        // A <progress> element, not a styled width: the Content-Security-Policy blocks
        // inline styles. The caption above says the same in words.
        <progress
            class="progress"
            max=v.count.max(1)
            value=v.number.saturating_sub(1)
            aria-hidden="true"
        ></progress>
        <h1>{v.title.clone()}</h1>
        {v.intro.clone().map(|i| view! { <p class="intro">{i}</p> })}
        <form
            id=crate::shared::language_links::ANSWERS_FORM
            method=if v.preview.is_some() { "get" } else { "post" }
            action=v
                .preview
                .as_ref()
                .map(|p| p.next.clone())
                .unwrap_or_else(|| paths::section(&v.survey_key, &v.code, v.number))
            novalidate
        >
            {match &v.preview {
                None => {
                    view! { <input type="hidden" name="token" value=v.token.clone() /> }.into_any()
                }
                Some(p) => {
                    view! { <input type="hidden" name="lang" value=p.lang.clone() /> }.into_any()
                }
            }}
            {v.changing.then(|| view! { <input type="hidden" name="changing" value="1" /> })}
            {questions.into_iter().map(|q| view! { <QuestionField question=q /> }).collect_view()}
            <div class="button-group">
                <button class="button" type="submit" name="intent" value="continue">
                    {continue_label}
                </button>
                <button class="button button-secondary" type="submit" name="intent" value="save">
                    {t("save-later")}
                </button>
            </div>
        </form>
        <Signposts help=v.help.clone() />
        <ResumeNote code=v.code_display.clone() />
    }
}

/// "Your resume code is …", the code in bold wherever the language puts it.
#[component]
fn ResumeNote(code: String) -> impl IntoView {
    let note = t_args("resume-note", &[("code", code.clone().into())]);
    let (before, after) = note
        .split_once(code.as_str())
        .map(|(b, a)| (b.to_string(), a.to_string()))
        .unwrap_or((note.clone(), String::new()));
    view! { <p class="resume-note">{before}<strong class="code">{code}</strong>{after}</p> }
}
