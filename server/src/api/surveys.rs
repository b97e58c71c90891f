use app::shared::ssr::AppState;
use axum::extract::State;
use axum::Json;
use serde::Serialize;

use super::ApiError;

#[derive(Serialize)]
pub struct SurveysOut {
    surveys: Vec<SurveyOut>,
}

#[derive(Serialize)]
struct SurveyOut {
    key: String,
    title: String,
    /// Published waves only.
    waves: Vec<WaveOut>,
    indicators: Vec<domain::indicators::IndicatorDef>,
}

#[derive(Serialize)]
struct WaveOut {
    key: String,
    name: String,
    baseline: bool,
    weighted: bool,
}

pub async fn surveys(State(st): State<AppState>) -> Result<Json<SurveysOut>, ApiError> {
    let defs = store::indicator_defs::all(&st.db).await?;
    let mut out = Vec::new();
    let catalogue = st.catalogue.get(&st.db).await?;
    for s in &catalogue.surveys {
        let waves = catalogue
            .waves_of(s.id)
            .filter(|w| w.published)
            .map(|w| WaveOut {
                key: w.key.clone(),
                name: w.name.clone(),
                baseline: w.is_baseline,
                weighted: w.weighted,
            })
            .collect();
        out.push(SurveyOut {
            indicators: store::indicator_defs::for_survey(&defs, &s.definition),
            key: s.about.key.clone(),
            title: s.about.title.clone(),
            waves,
        });
    }
    Ok(Json(SurveysOut { surveys: out }))
}
