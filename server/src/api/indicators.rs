use app::results::ssr::exports::{breakdown_wanted, cell_out, csv_body, round, CellOut};
use app::shared::ssr::AppState;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::Json;
use domain::indicators::Level;
use serde::{Deserialize, Serialize};

use super::ApiError;

#[derive(Deserialize)]
pub struct Params {
    survey: Option<String>,
    wave: Option<String>,
    level: Option<String>,
    breakdown: Option<String>,
    format: Option<String>,
}

#[derive(Serialize)]
struct IndicatorsOut<'a> {
    survey: &'a str,
    wave: &'a str,
    weighted: bool,
    threshold: u32,
    /// True when the weights come from the illustrative demo population, not real totals.
    population_illustrative: bool,
    /// Respondents in the wave, and n_eff / n over all of them (1 when unweighted).
    respondents: usize,
    weighting_efficiency: f64,
    cells: Vec<CellOut>,
}

pub async fn indicators(
    State(st): State<AppState>,
    Query(p): Query<Params>,
) -> Result<Response, ApiError> {
    let survey = p.survey.ok_or_else(|| {
        ApiError::BadRequest("survey is required, for example survey=wellbeing".into())
    })?;
    let wave = p.wave.ok_or_else(|| {
        ApiError::BadRequest("wave is required, for example wave=2026-baseline".into())
    })?;
    let level_key = p.level.unwrap_or_else(|| "all".into());
    let level = Level::parse(&level_key)
        .ok_or_else(|| ApiError::BadRequest("level must be ward, group or all".into()))?;
    let breakdown = p.breakdown.unwrap_or_else(|| "none".into());
    if !["none", "age_band", "sex"].contains(&breakdown.as_str()) {
        return Err(ApiError::BadRequest(
            "breakdown must be none, age_band or sex".into(),
        ));
    }
    let format = p.format.unwrap_or_else(|| "json".into());
    if !["json", "csv"].contains(&format.as_str()) {
        return Err(ApiError::BadRequest("format must be json or csv".into()));
    }
    let not_found = || ApiError::NotFound(format!("survey {survey} has no published wave {wave}"));
    let catalogue = st.catalogue.get(&st.db).await?;
    let (survey_row, wave_row) = catalogue.find_wave(&survey, &wave).ok_or_else(not_found)?;
    if !wave_row.published {
        return Err(not_found());
    }
    let computed = st
        .results
        .get(&st.db, &catalogue, survey_row, wave_row)
        .await?;
    let cells: Vec<CellOut> = computed
        .result
        .cells
        .iter()
        .filter(|c| c.id.level == level && breakdown_wanted(c.id.breakdown, &breakdown))
        .map(|c| cell_out(&computed, c))
        .collect();
    if format == "csv" {
        let filename = format!("kiln-{survey}-{wave}-{level_key}-{breakdown}.csv");
        return Ok((
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{filename}\""),
                ),
            ],
            csv_body(&cells).map_err(|e| ApiError::Internal(e.to_string()))?,
        )
            .into_response());
    }
    Ok(Json(IndicatorsOut {
        survey: &survey,
        wave: &wave,
        weighted: computed.settings.weighted,
        threshold: computed.settings.threshold,
        population_illustrative: computed.population_illustrative,
        respondents: computed.result.respondents,
        weighting_efficiency: round(computed.result.weighting_efficiency, 4),
        cells,
    })
    .into_response())
}
