//! The officers' form post: managing a wave (publish or withdraw, open or close, baseline,
//! weighting). It checks the session's CSRF token, records the change in the audit log in
//! the same transaction, and answers with a redirect.

use axum::extract::{Path, State};
use axum::response::Redirect;
use axum::routing::post;
use store::waves::{self, ChangeRefusal, WaveChange};

use crate::results::paths::{self as results_paths};
use crate::shared::ssr::access::{Routes, Staff};
use crate::shared::ssr::forms::field;
use crate::shared::ssr::staff_forms::{with_query, OfficerError, Posted};
use crate::shared::ssr::AppState;

pub fn router() -> Routes {
    Routes::default().route(crate::officer::paths::WAVE_CHANGE, post(change_wave))
}

async fn change_wave(
    State(st): State<AppState>,
    Path((survey_key, wave_key)): Path<(String, String)>,
    p: Posted<Staff>,
) -> Result<Redirect, OfficerError> {
    let back = results_paths::wave(results_paths::Audience::Officer, &survey_key, &wave_key);
    let Some(change) = field(&p.fields, "action").and_then(WaveChange::parse) else {
        return Ok(Redirect::to(&with_query(&back, &[("error", "action")])));
    };
    // Publishing makes figures public at once (and withdrawing removes them): the page
    // that says what will change comes first.
    let public = matches!(change, WaveChange::Publish | WaveChange::Unpublish);
    if public && field(&p.fields, "confirmed") != Some("yes") {
        let check = crate::officer::paths::publication(&survey_key, &wave_key);
        return Ok(Redirect::to(&check));
    }
    let refusal =
        match waves::change_wave(&st.db, &p.actor(), &survey_key, &wave_key, change).await? {
            // Publishing may have queued results updates.
            Ok(_) => {
                st.mail.wake.notify_one();
                None
            }
            Err(ChangeRefusal::NoSuchWave) => return Err(OfficerError::NotFound),
            Err(ChangeRefusal::PublishedCannotOpen) => Some("published"),
            Err(ChangeRefusal::NoPopulation) => Some("no_population"),
        };
    if let Some(code) = refusal {
        return Ok(Redirect::to(&with_query(&back, &[("error", code)])));
    }
    Ok(Redirect::to(&with_query(
        &back,
        &[("done", field(&p.fields, "action").unwrap_or(""))],
    )))
}
