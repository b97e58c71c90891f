//! The builder's preview: a version's pages in a phone-sized frame, exactly as residents
//! get them, with JavaScript on (the frame may run scripts) or off (it may not), in any
//! language Kiln speaks.

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::builder::api::{load_frame_section, load_frame_start, load_preview};
use crate::builder::model::PreviewView;
use crate::builder::paths;
use crate::officer::pages::nav::OfficerNav;
use crate::shared::components::{show_loaded, PageTitle};
use crate::shared::param;
use crate::survey::model::{SectionView, StartView};
use crate::survey::pages::section::SectionForm;
use crate::survey::pages::start::StartContent;

/// The controls and the frame. The controls are a GET form, so they work without
/// JavaScript and the address says what is shown.
#[component]
pub fn PreviewPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let data = Resource::new(
        move || {
            (
                param(&params.read(), "survey"),
                query.read().get("version").and_then(|v| v.parse().ok()),
            )
        },
        |(survey, version)| load_preview(survey, version),
    );
    view! {
        {move || {
            let q = query.read();
            let page: usize = q.get("page").and_then(|p| p.parse().ok()).unwrap_or(0);
            let js = q.get("js").as_deref() != Some("off");
            let lang = q.get("lang").filter(|l| !l.is_empty()).unwrap_or_else(|| "en".into());
            let problems = q.get("problems").is_some();
            show_loaded(
                data,
                move |v: PreviewView| {
                    view! { <Preview v page js lang=lang.clone() problems /> }.into_any()
                },
            )
        }}
    }
}

#[component]
fn Preview(v: PreviewView, page: usize, js: bool, lang: String, problems: bool) -> impl IntoView {
    let page = page.min(v.section_titles.len());
    let mut src = paths::frame(&v.survey_key, v.version, page, &lang);
    if problems && page > 0 {
        src.push_str("&errors=1");
    }
    // Without `allow-scripts` the frame runs no script at all: the page as a resident with
    // JavaScript off gets it.
    let sandbox = if js {
        "allow-same-origin allow-forms allow-scripts"
    } else {
        "allow-same-origin allow-forms"
    };
    let pages = std::iter::once((0, "Start page".to_string()))
        .chain(
            v.section_titles
                .iter()
                .enumerate()
                .map(|(i, t)| (i + 1, format!("Section {}: {t}", i + 1))),
        )
        .map(|(n, label)| {
            view! {
                <option value=n.to_string() selected=n == page>
                    {label}
                </option>
            }
        })
        .collect_view();
    let versions = v
        .versions
        .iter()
        .map(|(n, published)| {
            view! {
                <option value=n.to_string() selected=*n == v.version>
                    {format!("Version {n} ({})", if *published { "published" } else { "draft" })}
                </option>
            }
        })
        .collect_view();
    let languages = domain::translation::LANGUAGES
        .iter()
        .map(|l| {
            view! {
                <option value=l.code selected=l.code == lang>
                    {l.english_name}
                </option>
            }
        })
        .collect_view();
    view! {
        <PageTitle text=format!("Preview – {}", v.title) />
        <OfficerNav viewer=v.viewer.clone() />
        <a class="back-link" href=paths::SURVEYS>
            "Surveys"
        </a>
        <h1>{format!("Preview of {}", v.title)}</h1>
        <p class="lead">
            "Exactly what residents will see on a phone. Nothing you do in the preview is saved: Continue shows the next section in order, without following routes."
        </p>
        <div class="preview">
            <form method="get" action=paths::preview(&v.survey_key) class="preview-controls">
                <div class="form-group">
                    <label class="label" for="preview-version">
                        "Version"
                    </label>
                    <select class="select" id="preview-version" name="version">
                        {versions}
                    </select>
                </div>
                <div class="form-group">
                    <label class="label" for="preview-page">
                        "Page"
                    </label>
                    <select class="select" id="preview-page" name="page">
                        {pages}
                    </select>
                </div>
                <div class="form-group">
                    <label class="label" for="preview-lang">
                        "Language"
                    </label>
                    <select class="select" id="preview-lang" name="lang">
                        {languages}
                    </select>
                </div>
                <fieldset class="fieldset">
                    <legend class="fieldset-legend">"JavaScript"</legend>
                    <div class="radios radios-inline">
                        <div class="radio">
                            <input
                                id="preview-js-on"
                                type="radio"
                                name="js"
                                value="on"
                                checked=js
                            />
                            <label for="preview-js-on">"On"</label>
                        </div>
                        <div class="radio">
                            <input
                                id="preview-js-off"
                                type="radio"
                                name="js"
                                value="off"
                                checked=!js
                            />
                            <label for="preview-js-off">"Off"</label>
                        </div>
                    </div>
                </fieldset>
                <div class="checkboxes">
                    <div class="checkbox">
                        <input
                            id="preview-problems"
                            type="checkbox"
                            name="problems"
                            value="1"
                            checked=problems
                        />
                        <label for="preview-problems">
                            "Show the problems of a section left blank"
                        </label>
                    </div>
                </div>
                <button class="button button-secondary" type="submit">
                    "Show"
                </button>
            </form>
            <iframe
                class="phone-frame"
                src=src
                sandbox=sandbox
                title=format!("Preview of {} on a phone", v.title)
                data-testid="preview-frame"
            ></iframe>
        </div>
    }
}

/// The frame's start page.
#[component]
pub fn FrameStartPage() -> impl IntoView {
    let params = use_params_map();
    let data = Resource::new(
        move || {
            let p = params.read();
            (
                param(&p, "survey"),
                param(&p, "version").parse().unwrap_or(0),
            )
        },
        |(survey, version)| load_frame_start(survey, version),
    );
    view! { {show_loaded(data, |s: StartView| view! { <StartContent s /> }.into_any())} }
}

/// A section in the frame.
#[component]
pub fn FrameSectionPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let data = Resource::new(
        move || {
            let p = params.read();
            (
                param(&p, "survey"),
                param(&p, "version").parse().unwrap_or(0),
                param(&p, "n").parse().unwrap_or(0),
                query.read().get("errors").is_some(),
            )
        },
        |(survey, version, n, errors)| load_frame_section(survey, version, n, errors),
    );
    view! { {show_loaded(data, |v: SectionView| view! { <SectionForm view=v /> }.into_any())} }
}
