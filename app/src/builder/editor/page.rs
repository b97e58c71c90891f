//! The editor: a survey's newest document as forms, one per piece, and what stops it being
//! published.

use domain::editing::Kind;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::builder::api::load_editor;
use crate::builder::editor::fields::{field_id, summary_items, Text};
use crate::builder::editor::model::{EditorView, IndicatorRow, SectionRow};
use crate::builder::paths;
use crate::officer::pages::nav::OfficerNav;
use crate::shared::components::{
    show_loaded, ErrorItem, ErrorSummary, PageTitle, SelectField, StatusNotice,
};
use crate::shared::param;

#[component]
pub fn EditorPage() -> impl IntoView {
    let params = use_params_map();
    let data = Resource::new(move || param(&params.read(), "survey"), load_editor);
    view! { {show_loaded(data, |v: EditorView| view! { <Editor v /> }.into_any())} }
}

/// A form's hidden fields: its token and what it does.
fn hidden(csrf: &str, action: &'static str) -> impl IntoView {
    view! {
        <input type="hidden" name="csrf" value=csrf.to_string() />
        <input type="hidden" name="do" value=action />
    }
}

#[component]
fn Editor(v: EditorView) -> impl IntoView {
    let mut errors: Vec<ErrorItem> = Vec::new();
    if let Some(m) = &v.failed {
        errors.push(ErrorItem {
            field_id: "changes".into(),
            message: m.clone(),
        });
    }
    errors.extend(summary_items("details", &v.details));
    for s in &v.sections {
        errors.extend(summary_items(&format!("section-{}", s.number), &s.text));
        errors.extend(summary_items(&format!("route-{}", s.number), &s.route));
    }
    errors.extend(summary_items("new-section", &v.new_section));
    let has_errors = !errors.is_empty();
    let key = v.survey_key.clone();
    let csrf = v.viewer.csrf.clone();
    let status = if v.published {
        format!(
            "Version {} is published. A change here starts draft version {}; open waves keep the version they began with.",
            v.number,
            v.number + 1
        )
    } else {
        format!(
            "Version {} is a draft: residents see nothing of it until it is published.",
            v.number
        )
    };
    let sections = v
        .sections
        .iter()
        .cloned()
        .map(|s| view! { <SectionEditor s survey=key.clone() csrf=csrf.clone() /> })
        .collect_view();
    view! {
        <PageTitle text=format!("Edit {}", v.title) error=has_errors />
        <OfficerNav viewer=v.viewer.clone() />
        <ErrorSummary errors />
        <StatusNotice message=v.done.clone() />
        <p>
            <a href=paths::SURVEYS class="back-link">
                "Surveys"
            </a>
        </p>
        <h1 id="changes">{format!("Edit {}", v.title)}</h1>
        <p class="lead">{status}</p>
        <ul class="list">
            <li>
                <a href=paths::preview(&key)>"Preview it on a phone"</a>
            </li>
            <li>
                <a href=crate::translations::paths::languages(&key)>"Its translations"</a>
            </li>
            <li>
                <a href=paths::export(&key, v.number) download rel="external">
                    {format!("Download version {} (JSON)", v.number)}
                </a>
            </li>
        </ul>
        <Publishing v=v.clone() />
        <h2 id="start-page">"The start page"</h2>
        <p>"What residents read before they begin."</p>
        <form method="post" action=paths::edit(&key) novalidate class="editor-form">
            {hidden(&csrf, "details")}
            <Text form="details".into() name="title" label="Title" state=v.details.clone() />
            <Text
                form="details".into()
                name="summary"
                label="Summary"
                hint="A sentence or two on what the survey asks"
                state=v.details.clone()
                rows=3
            />
            <Text
                form="details".into()
                name="purpose"
                label="Why the council asks"
                hint="What the answers will be used for"
                state=v.details.clone()
                rows=3
            />
            <Text
                form="details".into()
                name="minutes"
                label="About how many minutes it takes"
                state=v.details.clone()
                class="input input-width-3"
                inputmode="numeric"
            />
            <Text
                form="details".into()
                name="retention"
                label="How long the answers are kept"
                hint="Such as \"We keep your answers for two years, then delete them\""
                state=v.details.clone()
                rows=2
            />
            <button class="button button-secondary" type="submit">
                "Save the start page"
            </button>
        </form>
        {sections}
        <h2 id="add-section">"Add a section"</h2>
        <p>
            "Each section is a page of the survey. Residents go through them in order, unless a route sends them on."
        </p>
        <form method="post" action=paths::edit(&key) novalidate class="editor-form">
            {hidden(&csrf, "add-section")}
            <Text
                form="new-section".into()
                name="title"
                label="Section title"
                state=v.new_section.clone()
            />
            <Text
                form="new-section".into()
                name="intro"
                label="Introduction (optional)"
                state=v.new_section.clone()
                rows=2
            />
            <button class="button button-secondary" type="submit">
                "Add the section"
            </button>
        </form>
        <Indicators survey=key.clone() csrf=csrf.clone() indicators=v.indicators.clone() />
    }
}

/// What stops publishing, or the button.
#[component]
fn Publishing(v: EditorView) -> impl IntoView {
    let ready = v.problems.is_empty();
    let draft = !v.published;
    view! {
        <section class="editor-publishing" aria-labelledby="publishing-title">
            <h2 id="publishing-title">"Publishing"</h2>
            {if !draft {
                view! {
                    <p>"The newest version is published. Change something to start a draft."</p>
                }
                    .into_any()
            } else if ready {
                view! {
                    <p>"Nothing stops this draft being published. Preview it first."</p>
                    <form method="post" action=paths::publish(&v.survey_key) novalidate>
                        <input type="hidden" name="csrf" value=v.viewer.csrf.clone() />
                        <button class="button" type="submit" id=format!("survey-{}", v.survey_key)>
                            {format!("Publish version {}", v.number)}
                        </button>
                    </form>
                }
                    .into_any()
            } else {
                view! {
                    <p>"It cannot be published until these are put right:"</p>
                    <ul class="list list-bullet" data-testid="publish-problems">
                        {v.problems.iter().map(|p| view! { <li>{p.clone()}</li> }).collect_view()}
                    </ul>
                }
                    .into_any()
            }}
        </section>
    }
}

#[component]
fn SectionEditor(s: SectionRow, survey: String, csrf: String) -> impl IntoView {
    let n = s.number;
    let form = format!("section-{n}");
    let title = s.text.value("title");
    let questions = s
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let last = i + 1 == s.questions.len();
            let about = format!(
                "{}{} · {} · key {}",
                q.kind,
                if q.bank { " (question bank)" } else { "" },
                if q.required { "required" } else { "optional" },
                q.key
            );
            let button = |action: &'static str, words: &'static str| {
                let prompt = q.prompt.clone();
                view! {
                    <form method="post" action=paths::edit(&survey) novalidate class="inline-form">
                        {hidden(&csrf, action)}
                        <input type="hidden" name="question" value=q.key.clone() />
                        <button class="button button-secondary button-small" type="submit">
                            {words}
                            <span class="visually-hidden">{format!(": {prompt}")}</span>
                        </button>
                    </form>
                }
            };
            view! {
                <li class="editor-question" id=format!("question-{}", q.key)>
                    <p class="editor-question-prompt">{q.prompt.clone()}</p>
                    <p class="hint">{about}</p>
                    <div class="editor-actions">
                        <a href=paths::change_question(
                            &survey,
                            &q.key,
                        )>
                            "Change"
                            <span class="visually-hidden">{format!(": {}", q.prompt)}</span>
                        </a>
                        {(i > 0).then(|| button("move-up", "Move up"))}
                        {(!last).then(|| button("move-down", "Move down"))}
                        {button("remove-question", "Remove")}
                    </div>
                </li>
            }
        })
        .collect_view();
    let kinds = Kind::ALL
        .iter()
        .map(|k| {
            view! {
                <li>
                    <a href=paths::new_question(
                        &survey,
                        n,
                        k.code(),
                    )>
                        {k.name()} <span class="visually-hidden">{format!(" (section {n})")}</span>
                    </a>
                </li>
            }
        })
        .collect_view();
    let routes = s
        .routes
        .iter()
        .enumerate()
        .map(|(i, r)| {
            view! {
                <li>
                    {r.clone()}
                    <form method="post" action=paths::edit(&survey) novalidate class="inline-form">
                        {hidden(&csrf, "remove-route")}
                        <input type="hidden" name="section" value=n.to_string() />
                        <input type="hidden" name="route" value=i.to_string() />
                        <button class="button button-secondary button-small" type="submit">
                            "Remove"
                            <span class="visually-hidden">{format!(" the route: {r}")}</span>
                        </button>
                    </form>
                </li>
            }
        })
        .collect_view();
    let can_route = !s.answers.is_empty();
    let route_form = format!("route-{n}");
    let mut answers = vec![(String::new(), "Choose an answer".to_string())];
    answers.extend(s.answers.clone());
    let mut targets = vec![(String::new(), "Choose where it goes".to_string())];
    targets.extend(s.targets.clone());
    view! {
        <section class="editor-section" aria-labelledby=format!("section-{n}")>
            <h2 id=format!("section-{n}") tabindex="-1">
                {format!("Section {n}: {title}")}
            </h2>
            <details class="details">
                <summary>{format!("Change section {n}'s title or introduction")}</summary>
                <form method="post" action=paths::edit(&survey) novalidate class="editor-form">
                    {hidden(&csrf, "section")}
                    <input type="hidden" name="section" value=n.to_string() />
                    <Text
                        form=form.clone()
                        name="title"
                        label="Section title"
                        state=s.text.clone()
                    />
                    <Text
                        form=form.clone()
                        name="intro"
                        label="Introduction (optional)"
                        state=s.text.clone()
                        rows=2
                    />
                    <button class="button button-secondary" type="submit">
                        {format!("Save section {n}")}
                    </button>
                </form>
            </details>
            {if s.questions.is_empty() {
                view! { <p>"No questions yet."</p> }.into_any()
            } else {
                view! { <ol class="editor-questions">{questions}</ol> }.into_any()
            }}
            <h3>{format!("Add a question to section {n}")}</h3>
            <ul class="list editor-kinds">
                {kinds} <li>
                    <a href=paths::bank_for(
                        &survey,
                        n,
                    )>
                        "Questions from the question bank"
                        <span class="visually-hidden">{format!(" (section {n})")}</span>
                    </a>
                </li>
            </ul>
            <h3 id=format!("routes-{n}")>{format!("After section {n}")}</h3>
            {if s.routes.is_empty() {
                view! { <p>"Everyone goes on to the next section."</p> }.into_any()
            } else {
                view! {
                    <ul class="list">{routes}</ul>
                    <p>"Any other answer: the next section."</p>
                }
                    .into_any()
            }}
            {can_route
                .then(|| {
                    view! {
                        <form
                            method="post"
                            action=paths::edit(&survey)
                            novalidate
                            class="editor-form"
                        >
                            {hidden(&csrf, "add-route")}
                            <input type="hidden" name="section" value=n.to_string() />
                            <fieldset class="fieldset">
                                <legend class="fieldset-legend">
                                    {format!("Add a route after section {n}")}
                                </legend>
                                <SelectField
                                    id=field_id(&route_form, "answer")
                                    name="answer"
                                    label="If the answer is"
                                    error=s.route.error("answer")
                                    options=answers
                                    selected=s.route.value("answer")
                                />
                                <SelectField
                                    id=field_id(&route_form, "goto")
                                    name="goto"
                                    label="Go to"
                                    error=s.route.error("goto")
                                    options=targets
                                    selected=s.route.value("goto")
                                />
                            </fieldset>
                            <button class="button button-secondary" type="submit">
                                "Add the route"
                            </button>
                        </form>
                    }
                })}
            <form method="post" action=paths::edit(&survey) novalidate class="editor-remove">
                {hidden(&csrf, "remove-section")}
                <input type="hidden" name="section" value=n.to_string() />
                <button class="button button-warning" type="submit">
                    {format!("Remove section {n}")}
                </button>
            </form>
        </section>
    }
}

#[component]
fn Indicators(survey: String, csrf: String, indicators: Vec<IndicatorRow>) -> impl IntoView {
    let rows = indicators
        .into_iter()
        .map(|d| {
            view! {
                <li>
                    <strong>{d.label.clone()}</strong>
                    {format!(" ({}): {}", d.key, d.counts)}
                    <form method="post" action=paths::edit(&survey) novalidate class="inline-form">
                        {hidden(&csrf, "remove-indicator")}
                        <input type="hidden" name="indicator" value=d.key.clone() />
                        <button class="button button-secondary button-small" type="submit">
                            "Remove"
                            <span class="visually-hidden">
                                {format!(" the indicator {}", d.label)}
                            </span>
                        </button>
                    </form>
                </li>
            }
        })
        .collect_view();
    view! {
        <h2 id="indicators">"Indicators"</h2>
        <p>
            "Figures computed from this survey's own questions once it is published, weighted and withheld like every other, on the dashboard and in the open data. Questions from the question bank bring their standard indicators with them."
        </p>
        <ul class="list">{rows}</ul>
        <p>
            <a href=paths::edit_indicator(&survey) class="button button-secondary">
                "Add an indicator"
            </a>
        </p>
    }
}
