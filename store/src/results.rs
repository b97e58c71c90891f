//! A wave's indicators, computed from its stored responses: the engine run over the wave
//! (and over the baseline wave, for change), ready to be filtered and served.

use domain::indicators::{
    attach_change, compute, data::Areas as EngineAreas, CellResult, IndicatorDef, Settings,
    WaveResult,
};

use crate::areas::AreaDirectory;
use crate::catalogue::Catalogue;
use crate::entity::{survey, wave};
use crate::{indicator_defs, population, settings, surveys, wave_data, waves, StoreError};

#[derive(Clone, Debug)]
pub struct WaveIndicators {
    pub survey: survey::Model,
    pub wave: wave::Model,
    pub defs: Vec<IndicatorDef>,
    pub areas: EngineAreas,
    pub settings: Settings,
    pub population_illustrative: bool,
    /// Whether the wave holds the demo's made-up answers (`demo`), so pages can say so.
    pub answers_illustrative: bool,
    pub result: WaveResult,
}

#[derive(Debug, thiserror::Error)]
pub enum ResultsError {
    #[error("{0}")]
    Engine(#[from] domain::indicators::EngineError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

#[allow(clippy::too_many_arguments)]
async fn run(
    db: &sea_orm::DatabaseConnection,
    wave: &wave::Model,
    subset: &wave_data::Subset,
    survey: &domain::Survey,
    directory: &AreaDirectory,
    areas: &EngineAreas,
    defs: &[IndicatorDef],
    threshold: u32,
) -> Result<WaveResult, ResultsError> {
    let responses = wave_data::load(db, wave.id, subset, survey, directory, areas).await?;
    let pop = if wave.weighted {
        population::load(db, directory, areas).await?
    } else {
        None
    };
    let settings = Settings {
        threshold,
        weighted: wave.weighted,
    };
    Ok(compute(&responses, areas, pop.as_ref(), defs, &settings)?)
}

/// Computes every indicator of a wave, with change since the survey's baseline wave.
pub async fn compute_wave(
    db: &sea_orm::DatabaseConnection,
    survey_row: survey::Model,
    wave: wave::Model,
) -> Result<WaveIndicators, ResultsError> {
    compute_part(db, survey_row, wave, &wave_data::Subset::All).await
}

/// Computes every indicator of part of a wave (a community group's responses) by the same
/// engine, weighting and disclosure rules as the whole. No change is given: the baseline
/// holds the whole city's answers, not the same group's.
pub async fn compute_subset(
    db: &sea_orm::DatabaseConnection,
    survey_row: survey::Model,
    wave: wave::Model,
    subset: &wave_data::Subset,
) -> Result<WaveIndicators, ResultsError> {
    compute_part(db, survey_row, wave, subset).await
}

/// One indicator of a wave over each of several parts (its channels, the groups' events),
/// each computed from its own answers like `compute_subset`. What the parts share (the
/// survey, the wards, the definition, the threshold) is loaded once, and only the one
/// indicator is computed. No change is given.
pub async fn compute_indicator_parts(
    db: &sea_orm::DatabaseConnection,
    survey_row: survey::Model,
    wave: wave::Model,
    key: &str,
    parts: &[wave_data::Subset],
) -> Result<Vec<WaveIndicators>, ResultsError> {
    // The questions as the wave's own version asked them.
    let definition = surveys::definition_of_wave(db, &wave).await?;
    let directory = AreaDirectory::load(db).await?;
    let areas = wave_data::engine_areas(&directory);
    let defs: Vec<IndicatorDef> =
        indicator_defs::for_survey(&indicator_defs::all(db).await?, &definition)
            .into_iter()
            .filter(|d| d.key == key)
            .collect();
    let settings = Settings {
        threshold: settings::disclosure_threshold(db).await?,
        weighted: wave.weighted,
    };
    let population_illustrative = wave.weighted && settings::population_is_illustrative(db).await?;
    let answers_illustrative = crate::demo::has_demo_answers(db, wave.id).await?;
    let mut out = Vec::with_capacity(parts.len());
    for part in parts {
        let result = run(
            db,
            &wave,
            part,
            &definition,
            &directory,
            &areas,
            &defs,
            settings.threshold,
        )
        .await?;
        out.push(WaveIndicators {
            survey: survey_row.clone(),
            wave: wave.clone(),
            defs: defs.clone(),
            areas: areas.clone(),
            settings: settings.clone(),
            population_illustrative,
            answers_illustrative,
            result,
        });
    }
    Ok(out)
}

async fn compute_part(
    db: &sea_orm::DatabaseConnection,
    survey_row: survey::Model,
    wave: wave::Model,
    subset: &wave_data::Subset,
) -> Result<WaveIndicators, ResultsError> {
    // The questions as the wave's own version asked them.
    let definition = surveys::definition_of_wave(db, &wave).await?;
    let directory = AreaDirectory::load(db).await?;
    let areas = wave_data::engine_areas(&directory);
    let defs = indicator_defs::for_survey(&indicator_defs::all(db).await?, &definition);
    let threshold = settings::disclosure_threshold(db).await?;
    let mut result = run(
        db,
        &wave,
        subset,
        &definition,
        &directory,
        &areas,
        &defs,
        threshold,
    )
    .await?;

    let whole = *subset == wave_data::Subset::All;
    if let Some(base) = waves::baseline(db, survey_row.id).await?.filter(|_| whole) {
        if base.id != wave.id {
            let base_result = run(
                db,
                &base,
                subset,
                &definition,
                &directory,
                &areas,
                &defs,
                threshold,
            )
            .await?;
            // Both waves use the same definitions and areas, so each cell has its twin.
            let by_id: std::collections::HashMap<_, _> = base_result
                .cells
                .iter()
                .map(|b| ((b.indicator, b.id), b))
                .collect();
            attach_change(&mut result, &defs, |c: &CellResult| {
                by_id.get(&(c.indicator, c.id)).map(|b| (*b).clone())
            });
        }
    }
    Ok(WaveIndicators {
        population_illustrative: wave.weighted && settings::population_is_illustrative(db).await?,
        answers_illustrative: crate::demo::has_demo_answers(db, wave.id).await?,
        settings: Settings {
            threshold,
            weighted: wave.weighted,
        },
        survey: survey_row,
        wave,
        defs,
        areas,
        result,
    })
}

/// Keeps each wave's computed indicators until something they depend on changes: responses
/// (in the wave or its baseline), or anything the catalogue counts (the waves' settings,
/// population totals, the threshold, the wards, the indicators). Commands run in another
/// process (imports, publishing) are seen through that check.
#[derive(Default)]
pub struct ResultsCache {
    entries: tokio::sync::Mutex<
        std::collections::HashMap<i32, (String, std::sync::Arc<WaveIndicators>)>,
    >,
}

async fn fingerprint(
    db: &sea_orm::DatabaseConnection,
    catalogue: &Catalogue,
    survey_id: i32,
    wave: &wave::Model,
) -> Result<String, StoreError> {
    use crate::entity::response;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect};
    let base = catalogue.baseline_of(survey_id);
    let mut parts = vec![format!("c{}", catalogue.version)];
    for w in std::iter::once(wave).chain(base) {
        // Responses are only ever added, never edited or deleted, so the newest id says
        // whether a wave has changed (one probe of ix_response_wave_id).
        let newest: Option<i32> = response::Entity::find()
            .select_only()
            .column_as(response::Column::Id.max(), "newest")
            .filter(response::Column::WaveId.eq(w.id))
            .into_tuple()
            .one(db)
            .await?
            .flatten();
        parts.push(format!(
            "r{}:{}:{}:{newest:?}",
            w.id, w.weighted, w.is_baseline
        ));
    }
    Ok(parts.join("|"))
}

impl ResultsCache {
    pub async fn get(
        &self,
        db: &sea_orm::DatabaseConnection,
        catalogue: &Catalogue,
        survey_row: survey::Model,
        wave: wave::Model,
    ) -> Result<std::sync::Arc<WaveIndicators>, ResultsError> {
        let key = fingerprint(db, catalogue, survey_row.id, &wave).await?;
        // Held across the computation so that a burst of requests computes once.
        let mut entries = self.entries.lock().await;
        if let Some((k, v)) = entries.get(&wave.id) {
            if *k == key {
                return Ok(v.clone());
            }
        }
        let id = wave.id;
        let computed = std::sync::Arc::new(compute_wave(db, survey_row, wave).await?);
        entries.insert(id, (key, computed.clone()));
        Ok(computed)
    }
}
