use leptos::prelude::*;

use crate::builder::api::load_surveys;
use crate::builder::model::{SurveyRow, SurveysNotice, SurveysView};
use crate::builder::paths;
use crate::officer::pages::nav::OfficerNav;
use crate::shared::components::error_summary::FieldErrorMessage;
use crate::shared::components::{
    show_loaded, CsvFileField, ErrorItem, ErrorSummary, PageTitle, StatusNotice,
};

/// Every survey and its versions: download one as a document, upload a document as a new
/// survey or a new draft, publish a draft. Works in full without JavaScript.
#[component]
pub fn SurveysPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| load_surveys());
    view! { {show_loaded(data, |v: SurveysView| view! { <Surveys v /> }.into_any())} }
}

#[component]
fn Surveys(v: SurveysView) -> impl IntoView {
    let mut errors = Vec::new();
    let (mut upload_error, mut upload_problems) = (None, Vec::new());
    let mut publish_refused = None;
    let mut wave_refused = None;
    let saved = match v.notice.clone() {
        Some(SurveysNotice::Refused { message, problems }) => {
            errors.push(ErrorItem {
                field_id: "survey-file".into(),
                message: message.clone(),
            });
            (upload_error, upload_problems) = (Some(message), problems);
            None
        }
        Some(SurveysNotice::PublishRefused { key, problems }) => {
            errors.push(ErrorItem {
                field_id: format!("survey-{key}"),
                message: format!(
                    "The draft of {key} cannot be published until its problems are put right"
                ),
            });
            publish_refused = Some((key, problems));
            None
        }
        Some(SurveysNotice::WaveRefused {
            key,
            wave_key,
            wave_name,
            message,
        }) => {
            errors.push(ErrorItem {
                field_id: format!("wave-key-{key}"),
                message: message.clone(),
            });
            wave_refused = Some((key, wave_key, wave_name, message));
            None
        }
        Some(SurveysNotice::WaveOpened { key, wave }) => Some(format!(
            "Opened the wave {wave} of {key}: residents can answer it now."
        )),
        Some(SurveysNotice::Saved {
            key,
            number,
            waiting,
        }) if waiting.is_empty() => Some(format!(
            "Saved {key} version {number} as a draft. Check it, then publish it when it is ready."
        )),
        Some(SurveysNotice::Saved {
            key,
            number,
            waiting,
        }) => Some(format!(
            "Saved {key} version {number} as a draft. It cannot be published until {} put right: {}",
            if waiting.len() == 1 { "this is" } else { "these are" },
            waiting.join(". ")
        )),
        Some(SurveysNotice::Published { key, number }) => Some(format!(
            "Published {key} version {number}. Waves opened from now on answer it; open waves keep the version they began with."
        )),
        None => None,
    };
    let has_errors = !errors.is_empty();
    let csrf = v.viewer.csrf.clone();
    let surveys = v
        .surveys
        .into_iter()
        .map(|s| {
            let refused = publish_refused
                .as_ref()
                .filter(|(k, _)| *k == s.key)
                .map(|(_, p)| p.clone());
            let wave = wave_refused
                .as_ref()
                .filter(|(k, ..)| *k == s.key)
                .map(|(_, key, name, message)| (key.clone(), name.clone(), message.clone()));
            view! { <SurveyVersions s csrf=csrf.clone() refused wave /> }
        })
        .collect_view();
    view! {
        <PageTitle text="Surveys".to_string() error=has_errors />
        <OfficerNav viewer=v.viewer.clone() />
        <ErrorSummary errors />
        <StatusNotice message=saved />
        <h1>"Surveys"</h1>
        <p class="lead">
            "Each survey is kept as versions. Publishing a draft freezes it: waves opened afterwards answer it, and every response keeps the version it answered."
        </p>
        <p>
            <a href=paths::NEW class="button">
                "Start a new survey"
            </a>
        </p>
        {surveys}
        <h2 id="upload">"Add a survey, or a new draft of one"</h2>
        <p>
            "Upload a survey document: a JSON file following " <a href=paths::SCHEMA rel="external">
                "the survey schema"
            </a>
            ". Start from one downloaded here. A document whose key is a survey's becomes that survey's new draft; any other key makes a new survey. Questions from "
            <a href=paths::BANK download rel="external">
                "the question bank (JSON)"
            </a>
            ", the standard questions, keep their wording and answers so that their figures compare with the standard surveys' and with England; their hints may be your own."
        </p>
        <form method="post" action=paths::SURVEYS enctype="multipart/form-data" novalidate>
            <input type="hidden" name="csrf" value=v.viewer.csrf.clone() />
            <CsvFileField
                id="survey-file"
                label="Survey document"
                hint="A .json file of 2 MB at most"
                error=upload_error
                problems=upload_problems
                more=0
                accept=".json,application/json"
            />
            <button class="button" type="submit">
                "Upload the survey"
            </button>
        </form>
    }
}

#[component]
fn SurveyVersions(
    s: SurveyRow,
    csrf: String,
    refused: Option<Vec<String>>,
    /// A refused new wave: the key and name typed, and why.
    wave: Option<(String, String, String)>,
) -> impl IntoView {
    let draft = s
        .versions
        .first()
        .filter(|v| !v.published)
        .map(|v| v.number);
    let id = format!("survey-{}", s.key);
    let waves = if s.waves.is_empty() {
        "No waves yet.".to_string()
    } else {
        s.waves
            .iter()
            .map(|(name, n)| format!("{name}: version {n}"))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let rows = s
        .versions
        .iter()
        .map(|v| {
            view! {
                <tr>
                    <th scope="row">{format!("Version {}", v.number)}</th>
                    <td>{if v.published { "Published" } else { "Draft" }}</td>
                    <td>{v.saved.clone()}</td>
                    <td>{v.published_on.clone().unwrap_or_else(|| "Not published".into())}</td>
                    <td>
                        <a href=v.export_href.clone() download rel="external">
                            {format!("Download version {} (JSON)", v.number)}
                        </a>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="survey-versions" aria-labelledby=format!("{id}-title")>
            <h2 id=format!("{id}-title")>{s.title.clone()}</h2>
            <p class="hint">{format!("Key: {}. Waves: {waves}", s.key)}</p>
            <p>
                <a href=paths::edit(&s.key)>{format!("Edit {}", s.title)}</a>
            </p>
            <p>
                <a href=crate::translations::paths::languages(
                    &s.key,
                )>{format!("Translations of {}", s.title)}</a>
            </p>
            <p>
                <a href=paths::preview(&s.key)>{format!("Preview {} on a phone", s.title)}</a>
            </p>
            <table class="table table-stack">
                <caption class="visually-hidden">{format!("Versions of {}", s.title)}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Version"</th>
                        <th scope="col">"Status"</th>
                        <th scope="col">"Saved"</th>
                        <th scope="col">"Published"</th>
                        <th scope="col">"Document"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            {draft
                .map(|n| {
                    let has_problems = refused.is_some();
                    view! {
                        <form method="post" action=paths::publish(&s.key) novalidate>
                            <input type="hidden" name="csrf" value=csrf.clone() />
                            <div class=if has_problems {
                                "form-group form-group-error"
                            } else {
                                "form-group"
                            }>
                                {refused
                                    .clone()
                                    .map(|problems| {
                                        view! {
                                            <p class="error-message" id=format!("{id}-error")>
                                                <span class="visually-hidden">"Error: "</span>
                                                "Publishing was refused. Put these right in the document and upload it again:"
                                            </p>
                                            <ul class="list error-list">
                                                {problems
                                                    .into_iter()
                                                    .map(|p| view! { <li>{p}</li> })
                                                    .collect_view()}
                                            </ul>
                                        }
                                    })} <button class="button" type="submit" id=id.clone()>
                                    {format!("Publish version {n}")}
                                </button>
                            </div>
                        </form>
                    }
                })}
            {s
                .published
                .then(|| view! { <OpenWave survey=s.key.clone() csrf=csrf.clone() wave /> })}
        </section>
    }
}

/// "Open a wave": a new round of the survey, answering its newest published version.
#[component]
fn OpenWave(survey: String, csrf: String, wave: Option<(String, String, String)>) -> impl IntoView {
    let (typed_key, typed_name, error) = match wave {
        Some((k, n, m)) => (k, n, Some(m)),
        None => (String::new(), String::new(), None),
    };
    let key_id = format!("wave-key-{survey}");
    let name_id = format!("wave-name-{survey}");
    let baseline_id = format!("wave-baseline-{survey}");
    let described = if error.is_some() {
        format!("{key_id}-hint {key_id}-error")
    } else {
        format!("{key_id}-hint")
    };
    view! {
        <form method="post" action=paths::open_wave(&survey) novalidate class="open-wave">
            <input type="hidden" name="csrf" value=csrf />
            <fieldset class="fieldset">
                <legend class="fieldset-legend">"Open a wave"</legend>
                <div class=if error.is_some() {
                    "form-group form-group-error"
                } else {
                    "form-group"
                }>
                    <label class="label" for=key_id.clone()>
                        "Wave key"
                    </label>
                    <div class="hint" id=format!("{key_id}-hint")>
                        "Letters, digits, - or _, used in addresses: for example 2027-spring"
                    </div>
                    <FieldErrorMessage id=format!("{key_id}-error") message=error.clone() />
                    <input
                        class="input"
                        id=key_id.clone()
                        name="wave-key"
                        type="text"
                        value=typed_key
                        aria-describedby=described
                        aria-invalid=error.is_some().then_some("true")
                        spellcheck="false"
                        autocomplete="off"
                    />
                </div>
                <div class="form-group">
                    <label class="label" for=name_id.clone()>
                        "Name (optional)"
                    </label>
                    <input class="input" id=name_id name="wave-name" type="text" value=typed_name />
                </div>
                <div class="checkboxes">
                    <div class="checkbox">
                        <input id=baseline_id.clone() name="baseline" type="checkbox" value="yes" />
                        <label for=baseline_id>
                            "The baseline: change is measured from this wave"
                        </label>
                    </div>
                </div>
            </fieldset>
            <button class="button button-secondary" type="submit">
                "Open the wave"
            </button>
        </form>
    }
}
