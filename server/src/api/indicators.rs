use std::collections::BTreeMap;

use app::ssr::AppState;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::Json;
use domain::indicators::stats::Change;
use domain::indicators::{Breakdown, CellResult, Level};
use serde::{Deserialize, Serialize};
use store::results::WaveIndicators;

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

/// One published cell. A withheld cell carries no figures at all.
#[derive(Serialize)]
struct CellOut {
    indicator: String,
    area_code: String,
    area_name: String,
    level: &'static str,
    breakdown: Option<BTreeMap<&'static str, &'static str>>,
    n: Option<u64>,
    n_eff: Option<f64>,
    estimate: Option<f64>,
    ci_low: Option<f64>,
    ci_high: Option<f64>,
    withheld: bool,
    low_base: bool,
    change: Option<Change>,
}

pub const CSV_COLUMNS: [&str; 13] = [
    "indicator",
    "area_code",
    "area_name",
    "level",
    "breakdown",
    "n",
    "n_eff",
    "estimate",
    "ci_low",
    "ci_high",
    "withheld",
    "low_base",
    "change",
];

fn round(x: f64, places: i32) -> f64 {
    let f = 10f64.powi(places);
    (x * f).round() / f
}

fn breakdown_wanted(b: Breakdown, wanted: &str) -> bool {
    matches!(
        (b, wanted),
        (Breakdown::None, "none") | (Breakdown::Age(_), "age_band") | (Breakdown::Sex(_), "sex")
    )
}

fn cell_out(w: &WaveIndicators, c: &CellResult) -> CellOut {
    let (area_code, area_name) = match c.id.level {
        Level::Ward => {
            let ward = &w.areas.wards[c.id.area];
            (ward.code.clone(), ward.name.clone())
        }
        Level::Group => {
            let group = &w.areas.groups[c.id.area];
            (group.code.clone(), group.name.clone())
        }
        Level::All => ("all".to_string(), "All areas".to_string()),
    };
    let breakdown =
        c.id.breakdown
            .variable()
            .zip(c.id.breakdown.category())
            .map(|(k, v)| BTreeMap::from([(k, v)]));
    let shown = |x: f64, places| (!c.withheld).then(|| round(x, places));
    CellOut {
        indicator: w.defs[c.indicator].key.clone(),
        area_code,
        area_name,
        level: c.id.level.key(),
        breakdown,
        n: (!c.withheld).then_some(c.n),
        n_eff: shown(c.n_eff, 2),
        estimate: shown(c.estimate, 6),
        ci_low: shown(c.ci_low, 6),
        ci_high: shown(c.ci_high, 6),
        withheld: c.withheld,
        low_base: !c.withheld && c.low_base,
        change: if c.withheld { None } else { c.change },
    }
}

fn csv_body(cells: &[CellOut]) -> Result<String, ApiError> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let internal = |e: csv::Error| ApiError::Internal(e.to_string());
    w.write_record(CSV_COLUMNS).map_err(internal)?;
    let num = |x: Option<f64>| x.map(|v| v.to_string()).unwrap_or_default();
    for c in cells {
        let breakdown = c
            .breakdown
            .as_ref()
            .and_then(|b| b.iter().next().map(|(k, v)| format!("{k}={v}")))
            .unwrap_or_default();
        let change = c
            .change
            .map(|ch| match ch {
                Change::Increase => "increase",
                Change::Decrease => "decrease",
                Change::NoChange => "no_change",
            })
            .unwrap_or_default();
        w.write_record([
            c.indicator.as_str(),
            &c.area_code,
            &c.area_name,
            c.level,
            &breakdown,
            &c.n.map(|n| n.to_string()).unwrap_or_default(),
            &num(c.n_eff),
            &num(c.estimate),
            &num(c.ci_low),
            &num(c.ci_high),
            if c.withheld { "true" } else { "false" },
            if c.low_base { "true" } else { "false" },
            change,
        ])
        .map_err(internal)?;
    }
    String::from_utf8(
        w.into_inner()
            .map_err(|e| ApiError::Internal(e.to_string()))?,
    )
    .map_err(|e| ApiError::Internal(e.to_string()))
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
    let (survey_row, wave_row) = store::waves::find(&st.db, &survey, &wave)
        .await?
        .ok_or_else(not_found)?;
    if !wave_row.published {
        return Err(not_found());
    }
    let computed = st.results.get(&st.db, survey_row, wave_row).await?;
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
            csv_body(&cells)?,
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
