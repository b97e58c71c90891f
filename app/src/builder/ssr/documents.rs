//! Survey documents over HTTP: the schema, and a survey's document to download.

use std::sync::OnceLock;

use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::Deserialize;

use crate::builder::paths;
use crate::shared::ssr::access::{Routes, Signed, Staff};
use crate::shared::ssr::state::AppState;

pub fn router() -> Routes {
    Routes::default()
        .route(paths::SCHEMA, get(schema))
        .route(paths::EXPORT, get(export))
        .route(paths::BANK, get(bank))
}

/// The schema, written once: it changes only with Kiln itself.
async fn schema() -> Response {
    static BODY: OnceLock<String> = OnceLock::new();
    let body = BODY.get_or_init(|| {
        serde_json::to_string_pretty(&domain::document::schema()).expect("schema serialises")
    });
    (
        [
            (header::CONTENT_TYPE, "application/schema+json"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        body.as_str(),
    )
        .into_response()
}

/// The question bank: each question as a document holds it, so that it can be copied into
/// one unchanged (a changed wording or answer list is refused: see `document::check_bank`).
async fn bank(_staff: Signed<Staff>) -> Response {
    let body = serde_json::to_string_pretty(&serde_json::json!({
        "questions": store::survey_versions::question_bank(),
    }))
    .expect("questions serialise");
    (
        [
            (header::CONTENT_TYPE, "application/json"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"kiln-question-bank.json\"",
            ),
        ],
        body,
    )
        .into_response()
}

#[derive(Deserialize)]
struct Which {
    version: Option<i32>,
}

pub enum ExportError {
    NotFound,
    Internal(String),
}

impl From<store::StoreError> for ExportError {
    fn from(e: store::StoreError) -> Self {
        ExportError::Internal(e.to_string())
    }
}

impl IntoResponse for ExportError {
    fn into_response(self) -> Response {
        match self {
            ExportError::NotFound => (StatusCode::NOT_FOUND, "Not found").into_response(),
            ExportError::Internal(e) => {
                tracing::error!(error = %e, "survey export failed");
                crate::shared::ssr::auth::service_problem()
            }
        }
    }
}

/// A survey's document as a council shares it: with the schema's address, ready to import.
async fn export(
    State(st): State<AppState>,
    _staff: Signed<Staff>,
    Path(survey): Path<String>,
    Query(which): Query<Which>,
) -> Result<Response, ExportError> {
    let (version, mut doc) = store::survey_versions::document(&st.db, &survey, which.version)
        .await?
        .ok_or(ExportError::NotFound)?;
    let mut schema_url = st.auth.public_url.clone();
    schema_url.set_path(paths::SCHEMA);
    doc.schema = Some(schema_url.to_string());
    let body =
        serde_json::to_string_pretty(&doc).map_err(|e| ExportError::Internal(e.to_string()))?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/json".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!(
                    "attachment; filename=\"kiln-survey-{survey}-v{}.json\"",
                    version.number
                ),
            ),
        ],
        body,
    )
        .into_response())
}
