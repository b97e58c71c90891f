//! The surveys page's forms: a survey document uploaded (a new survey, or a new draft of
//! the survey with its key), and a draft published. Each answers with a redirect to the
//! page, carrying what it did (`flash`); a refusal lists every problem and changes nothing.

use axum::extract::{DefaultBodyLimit, Path, State};
use axum::response::Response;
use axum::routing::post;
use store::survey_versions::{self, VersionError};

use crate::builder::model::SurveysNotice;
use crate::builder::paths;
use crate::shared::ssr::access::{Routes, Staff};
use crate::shared::ssr::flash;
use crate::shared::ssr::forms::field;
use crate::shared::ssr::staff_forms::{OfficerError, Posted};
use crate::shared::ssr::upload::Upload;
use crate::shared::ssr::AppState;

/// A survey document is tens of kilobytes; the standard wellbeing survey is 20.
const MAX_DOCUMENT: usize = 2 * 1024 * 1024;

pub fn router() -> Routes {
    Routes::default()
        .route(paths::SURVEYS, post(upload))
        .route(paths::PUBLISH, post(publish))
        .route(paths::OPEN_WAVE, post(open_wave))
        .map_router(|r| r.layer(DefaultBodyLimit::max(MAX_DOCUMENT)))
}

fn back(st: &AppState, notice: &SurveysNotice, anchor: &str) -> Response {
    flash::redirect_with(st, paths::SURVEYS, notice, anchor)
}

fn refused(st: &AppState, message: String, problems: Vec<String>) -> Response {
    back(
        st,
        &SurveysNotice::Refused { message, problems },
        "#survey-file",
    )
}

/// What a document's problems say, for the page.
fn problems_of(e: VersionError) -> Result<(String, Vec<String>), OfficerError> {
    Ok(match e {
        VersionError::Problems(p) => (
            format!(
                "The survey has {} problem{}; nothing was saved. Correct the document and upload it again.",
                p.len(),
                if p.len() == 1 { "" } else { "s" }
            ),
            p.iter().map(|p| p.to_string()).collect(),
        ),
        VersionError::KeyChanged { .. }
        | VersionError::KeyTaken(_)
        | VersionError::IndicatorTaken(_)
        | VersionError::NoDraft => {
            (format!("{}; nothing was saved.", capitalised(&e.to_string())), Vec::new())
        }
        VersionError::NotFound => return Err(OfficerError::NotFound),
        VersionError::Store(e) => return Err(OfficerError::Internal(e)),
    })
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

async fn upload(State(st): State<AppState>, up: Upload<Staff>) -> Result<Response, OfficerError> {
    if up.file.is_empty() {
        return Ok(refused(
            &st,
            "Select a survey document (a JSON file) to upload".into(),
            Vec::new(),
        ));
    }
    let doc: domain::document::SurveyDocument = match serde_json::from_slice(&up.file) {
        Ok(d) => d,
        Err(e) => {
            return Ok(refused(
                &st,
                format!(
                    "The file is not a survey document: {e}. Nothing was saved. Start from a survey downloaded here, or check it against the schema."
                ),
                Vec::new(),
            ))
        }
    };
    match survey_versions::save(&st.db, &doc, &up.actor()).await {
        Ok(number) => Ok(back(
            &st,
            &SurveysNotice::Saved {
                waiting: survey_versions::problems(&doc)
                    .iter()
                    .map(|p| p.to_string())
                    .collect(),
                key: doc.key,
                number,
            },
            "",
        )),
        Err(e) => {
            let (message, problems) = problems_of(e)?;
            Ok(refused(&st, message, problems))
        }
    }
}

async fn publish(
    State(st): State<AppState>,
    Path(survey): Path<String>,
    p: Posted<Staff>,
) -> Result<Response, OfficerError> {
    match survey_versions::publish(&st.db, &survey, &p.actor()).await {
        Ok(number) => Ok(back(
            &st,
            &SurveysNotice::Published {
                key: survey,
                number,
            },
            "",
        )),
        Err(e) => {
            let (message, mut problems) = problems_of(e)?;
            if problems.is_empty() {
                problems.push(message);
            }
            Ok(back(
                &st,
                &SurveysNotice::PublishRefused {
                    key: survey.clone(),
                    problems,
                },
                &format!("#survey-{survey}"),
            ))
        }
    }
}

/// Opens a wave of a survey: it answers the newest published version from now on.
async fn open_wave(
    State(st): State<AppState>,
    Path(survey): Path<String>,
    p: Posted<Staff>,
) -> Result<Response, OfficerError> {
    let wave_key = field(&p.fields, "wave-key")
        .unwrap_or("")
        .trim()
        .to_string();
    let wave_name = field(&p.fields, "wave-name")
        .unwrap_or("")
        .trim()
        .to_string();
    let refuse = |message: String| {
        back(
            &st,
            &SurveysNotice::WaveRefused {
                key: survey.clone(),
                wave_key: wave_key.clone(),
                wave_name: wave_name.clone(),
                message,
            },
            &format!("#wave-key-{survey}"),
        )
    };
    if wave_key.is_empty() {
        return Ok(refuse(
            "Enter a key for the wave, such as 2027-spring".into(),
        ));
    }
    let created = store::waves::create(
        &st.db,
        &p.actor(),
        store::waves::NewWave {
            survey: &survey,
            key: &wave_key,
            name: (!wave_name.is_empty()).then_some(wave_name.as_str()),
            baseline: field(&p.fields, "baseline") == Some("yes"),
            weighted: false,
        },
    )
    .await;
    match created {
        Ok(w) => Ok(back(
            &st,
            &SurveysNotice::WaveOpened {
                key: survey.clone(),
                wave: w.name,
            },
            "",
        )),
        Err(store::StoreError::Invalid(m)) => Ok(refuse(capitalised(&m))),
        Err(e) => Err(OfficerError::Internal(e)),
    }
}
