//! Saving translations: the texts page's form, and a sheet uploaded. What can be saved is
//! saved; a text that cannot (marked complete with nothing written, or, in a sheet, made
//! from English that has changed since) is left as it was and named in the notice, so no
//! one loses the rest of their work to one slip.

use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::header;
use axum::response::IntoResponse;
use axum::response::Response;
use axum::routing::{get, post};
use domain::translation::{Edit, EditProblem};

use crate::shared::ssr::access::{Routes, Signed, Staff};
use crate::shared::ssr::flash;
use crate::shared::ssr::staff_forms::{OfficerError, Posted};
use crate::shared::ssr::upload::Upload;
use crate::shared::ssr::AppState;
use crate::translations::model::TranslationNotice;
use crate::translations::paths;

/// A sheet of a few hundred texts is tens of kilobytes.
const MAX_SHEET: usize = 2 * 1024 * 1024;

pub fn router() -> Routes {
    Routes::default()
        .route(paths::TEXTS, post(save_texts))
        .route(paths::SHEET, get(download_sheet).post(upload_sheet))
        .map_router(|r| r.layer(DefaultBodyLimit::max(MAX_SHEET)))
}

/// Field names of one text on the texts page.
pub fn text_field(id: &str) -> String {
    format!("text:{id}")
}
pub fn status_field(id: &str) -> String {
    format!("status:{id}")
}

async fn save_texts(
    State(st): State<AppState>,
    Path((survey, code)): Path<(String, String)>,
    p: Posted<Staff>,
) -> Result<Response, OfficerError> {
    let language = store::translations::language(&code).map_err(|_| OfficerError::NotFound)?;
    let (_, states) = store::translations::texts(&st.db, &survey, language)
        .await
        .map_err(store_error)?;
    // Only the texts the page shows: the form holds each one's box and status.
    let edits: Vec<Edit> = states
        .iter()
        .filter_map(|s| {
            let id = &s.source.id;
            let text = crate::shared::ssr::forms::field(&p.fields, &text_field(id))?;
            let complete =
                crate::shared::ssr::forms::field(&p.fields, &status_field(id)) == Some("complete");
            Some(Edit {
                id: id.clone(),
                text: text.to_string(),
                complete,
            })
        })
        .collect();
    save(&st, &survey, language, edits, Vec::new(), &p.actor()).await
}

async fn download_sheet(
    State(st): State<AppState>,
    Path((survey, code)): Path<(String, String)>,
    _staff: Signed<Staff>,
) -> Result<Response, OfficerError> {
    let language = store::translations::language(&code).map_err(|_| OfficerError::NotFound)?;
    let (_, states) = store::translations::texts(&st.db, &survey, language)
        .await
        .map_err(store_error)?;
    let body = super::sheet::write(language, &states)
        .map_err(|e| OfficerError::Internal(store::StoreError::Invalid(e.to_string())))?;
    Ok((
        [
            (
                header::CONTENT_TYPE,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet".to_string(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{survey}-{code}.xlsx\""),
            ),
        ],
        body,
    )
        .into_response())
}

async fn upload_sheet(
    State(st): State<AppState>,
    Path((survey, code)): Path<(String, String)>,
    up: Upload<Staff>,
) -> Result<Response, OfficerError> {
    let language = store::translations::language(&code).map_err(|_| OfficerError::NotFound)?;
    let back = paths::languages(&survey);
    let refuse = |message: String| {
        flash::redirect_with(
            &st,
            &back,
            &TranslationNotice::SheetRefused {
                language: language.english_name.to_string(),
                message,
            },
            &format!("#sheet-{code}"),
        )
    };
    if up.file.is_empty() {
        return Ok(refuse(format!(
            "Select the {} sheet (an .xlsx file) to upload",
            language.english_name
        )));
    }
    let rows = match super::sheet::read(&up.file) {
        Ok(rows) => rows,
        Err(message) => return Ok(refuse(message)),
    };
    let (_, states) = store::translations::texts(&st.db, &survey, language)
        .await
        .map_err(store_error)?;
    let mut edits = Vec::new();
    let mut problems = Vec::new();
    for row in rows {
        match states.iter().find(|s| s.source.id == row.id) {
            None => problems.push((row.id, "is not a text of this survey".to_string())),
            Some(s) if s.source.english != row.english => problems.push((
                row.id,
                "its English has changed since the sheet was downloaded: download the sheet again and translate the new English".to_string(),
            )),
            // A row left empty is not a translation.
            Some(_) if row.text.trim().is_empty() => {}
            Some(_) => edits.push(Edit {
                id: row.id,
                text: row.text,
                complete: row.status.eq_ignore_ascii_case("complete"),
            }),
        }
    }
    save(&st, &survey, language, edits, problems, &up.actor()).await
}

async fn save(
    st: &AppState,
    survey: &str,
    language: domain::translation::Language,
    edits: Vec<Edit>,
    mut problems: Vec<(String, String)>,
    actor: &store::audit::Actor,
) -> Result<Response, OfficerError> {
    // Marked complete with nothing written: left missing, and said so.
    let (empty, edits): (Vec<Edit>, Vec<Edit>) = edits
        .into_iter()
        .partition(|e| e.complete && e.text.trim().is_empty());
    problems.extend(empty.into_iter().map(|e| {
        (
            e.id,
            "is marked complete but has no translation: write one, or leave it as a draft".into(),
        )
    }));
    let changed = match store::translations::save(&st.db, survey, language, &edits, actor).await {
        Ok(n) => n,
        Err(store::translations::TranslationError::Problems(p)) => {
            problems.extend(p.into_iter().map(|p| match p {
                EditProblem::UnknownText(id) => (id, "is not a text of this survey".into()),
                EditProblem::CompleteButEmpty(id) => (id, "has no translation".into()),
            }));
            0
        }
        Err(e) => return Err(store_error(e)),
    };
    let notice = TranslationNotice::Saved {
        language: language.english_name.to_string(),
        changed,
        problems,
    };
    Ok(flash::redirect_with(
        st,
        &paths::texts(survey, language.code),
        &notice,
        "",
    ))
}

fn store_error(e: store::translations::TranslationError) -> OfficerError {
    use store::translations::TranslationError as E;
    match e {
        E::NotFound | E::UnknownLanguage(_) | E::Problems(_) => OfficerError::NotFound,
        E::Store(e) => OfficerError::Internal(e),
    }
}
