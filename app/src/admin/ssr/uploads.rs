//! Administrators' file uploads: the list of wards and the population totals. Each is a
//! multipart form post carrying the session's CSRF token; the file goes in whole or not at
//! all, and every problem goes back to the page (up to [`SHOWN_PROBLEMS`] of them, by line).

use axum::extract::{DefaultBodyLimit, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use store::audit;
use store::import::ImportError;

use crate::admin::model::{AreasNotice, UploadForm};
use crate::admin::paths;
use crate::results::ssr::exports;
use crate::shared::ssr::access::{Administrators, Routes};
use crate::shared::ssr::staff_forms::OfficerError;
use crate::shared::ssr::{flash, AppState};

/// Files bigger than this are refused before they are read (a ward list or population
/// table is kilobytes).
const MAX_UPLOAD: usize = 5 * 1024 * 1024;
/// More than this many row problems are summarised as a count.
pub const SHOWN_PROBLEMS: usize = 20;

pub fn router() -> Routes {
    Routes::default()
        .route(paths::ADMIN_AREAS, post(upload_areas))
        .route(paths::ADMIN_POPULATION, post(upload_population))
        .route(paths::ADMIN_AREAS_CSV, get(areas_csv))
        .map_router(|r| r.layer(DefaultBodyLimit::max(MAX_UPLOAD)))
}

type Upload = crate::shared::ssr::upload::Upload<Administrators>;

/// Back to the areas page, carrying what the upload did (see `flash`).
fn back(st: &AppState, notice: &AreasNotice, anchor: &str) -> Response {
    (
        [(
            header::SET_COOKIE,
            flash::set(st, paths::ADMIN_AREAS, notice),
        )],
        Redirect::to(&format!("{}{anchor}", paths::ADMIN_AREAS)),
    )
        .into_response()
}

/// Back to the areas page with a message for one of its two forms.
fn refused(
    st: &AppState,
    form: UploadForm,
    message: String,
    problems: Vec<String>,
    more: usize,
) -> Response {
    let anchor = format!("#{}-file", form.key());
    let notice = AreasNotice::Refused {
        form,
        message,
        problems,
        more,
    };
    back(st, &notice, &anchor)
}

fn import_refused(
    st: &AppState,
    form: UploadForm,
    e: ImportError,
) -> Result<Response, OfficerError> {
    match e {
        ImportError::File(m) => Ok(refused(
            st,
            form,
            format!("The file cannot be used: {m}. Nothing was changed."),
            Vec::new(),
            0,
        )),
        ImportError::Rows(rows) => {
            let shown: Vec<String> = rows
                .iter()
                .take(SHOWN_PROBLEMS)
                .map(|r| r.to_string())
                .collect();
            Ok(refused(
                st,
                form,
                format!(
                    "The file has {} problem{}; nothing was changed. Correct the file and upload it again.",
                    rows.len(),
                    if rows.len() == 1 { "" } else { "s" }
                ),
                shown,
                rows.len().saturating_sub(SHOWN_PROBLEMS),
            ))
        }
        ImportError::Store(e) => Err(OfficerError::Internal(e)),
    }
}

fn no_file(st: &AppState, form: UploadForm, file: &[u8]) -> Option<Response> {
    file.is_empty().then(|| {
        refused(
            st,
            form,
            "Select a CSV file to upload".into(),
            Vec::new(),
            0,
        )
    })
}

async fn upload_areas(State(st): State<AppState>, up: Upload) -> Result<Response, OfficerError> {
    if let Some(r) = no_file(&st, UploadForm::Areas, &up.file) {
        return Ok(r);
    }
    let report = match store::areas_import::replace(&st.db, &up.file[..]).await {
        Ok(r) => r,
        Err(e) => return import_refused(&st, UploadForm::Areas, e),
    };
    audit::record(
        &st.db,
        &up.actor(),
        domain::AuditAction::AreasReplaced,
        &format!(
            "{} wards in {} groups ({} added, {} removed{})",
            report.wards,
            report.groups,
            report.added,
            report.removed,
            if report.population_removed {
                "; population totals removed"
            } else {
                ""
            }
        ),
    )
    .await?;
    let notice = AreasNotice::AreasSaved {
        wards: report.wards,
        added: report.added,
        removed: report.removed,
        population_removed: report.population_removed,
    };
    Ok(back(&st, &notice, ""))
}

async fn upload_population(
    State(st): State<AppState>,
    up: Upload,
) -> Result<Response, OfficerError> {
    if let Some(r) = no_file(&st, UploadForm::Population, &up.file) {
        return Ok(r);
    }
    let areas = store::areas::AreaDirectory::load(&st.db).await?;
    let report = match store::population::import(&st.db, &areas, &up.file[..], false).await {
        Ok(r) => r,
        Err(e) => return import_refused(&st, UploadForm::Population, e),
    };
    audit::record(
        &st.db,
        &up.actor(),
        domain::AuditAction::PopulationReplaced,
        &format!("{} rows, {:.0} residents", report.rows, report.total),
    )
    .await?;
    Ok(back(
        &st,
        &AreasNotice::PopulationSaved { rows: report.rows },
        "",
    ))
}

/// The wards as they are, in the upload format: a starting point for the council's own list.
async fn areas_csv(State(st): State<AppState>) -> Result<Response, OfficerError> {
    let d = store::areas::AreaDirectory::load(&st.db).await?;
    let mut out = csv::Writer::from_writer(Vec::new());
    let write = |out: &mut csv::Writer<Vec<u8>>, row: [&str; 6]| {
        out.write_record(row)
            .map_err(|e| OfficerError::Internal(store::StoreError::Invalid(e.to_string())))
    };
    write(
        &mut out,
        [
            "code",
            "name",
            "group",
            "group_code",
            "tile_col",
            "tile_row",
        ],
    )?;
    for w in &d.wards {
        let (c, r) = w
            .tile
            .map(|(c, r)| (c.to_string(), r.to_string()))
            .unwrap_or_default();
        write(
            &mut out,
            [
                &w.code,
                &exports::spreadsheet_safe(&w.name),
                &exports::spreadsheet_safe(d.group_name(w)),
                &w.group_code,
                &c,
                &r,
            ],
        )?;
    }
    let body = out
        .into_inner()
        .map_err(|e| OfficerError::Internal(store::StoreError::Invalid(e.to_string())))?;
    Ok(exports::download::attachment(
        body,
        "text/csv; charset=utf-8",
        "areas.csv",
    ))
}
