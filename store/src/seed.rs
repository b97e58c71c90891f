//! The demo seed: the two standard surveys (every question and option from measures.md) with
//! an open baseline wave each, and the 34 demo wards in their groups. Safe to run again:
//! it only adds what is missing.

use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, TransactionTrait,
};
use serde::Deserialize;

use crate::entity::{area, area_group, survey, wave};
use crate::surveys::{insert_definition, insert_wave, SurveyAbout};
use crate::StoreError;

const SURVEYS_JSON: &str = include_str!("../seed/surveys.json");
const AREAS_JSON: &str = include_str!("../seed/areas.json");

#[derive(Deserialize)]
struct SeedSurveys {
    surveys: Vec<SeedSurvey>,
}

#[derive(Deserialize)]
struct SeedSurvey {
    #[serde(flatten)]
    about: SurveyAbout,
    wave: SeedWave,
    sections: Vec<domain::Section>,
}

#[derive(Deserialize)]
struct SeedWave {
    key: String,
    name: String,
}

#[derive(Deserialize)]
struct SeedAreas {
    groups: Vec<SeedGroup>,
}

#[derive(Deserialize)]
struct SeedGroup {
    code: String,
    name: String,
    wards: Vec<SeedWard>,
}

#[derive(Deserialize)]
struct SeedWard {
    code: String,
    name: String,
    /// Column and row on the ward tile map.
    tile: Option<[i32; 2]>,
}

#[derive(Debug, Default, PartialEq, Eq)]
pub struct SeedReport {
    pub surveys_added: usize,
    pub waves_added: usize,
    pub wards_added: usize,
    pub framework_indicators: usize,
}

/// The seeded survey definitions, for tests and tools that need them without a database.
pub fn demo_surveys() -> Vec<(SurveyAbout, domain::Survey)> {
    let seed: SeedSurveys = serde_json::from_str(SURVEYS_JSON).expect("seed/surveys.json is valid");
    seed.surveys
        .into_iter()
        .map(|s| {
            let def = domain::Survey {
                key: s.about.key.clone(),
                title: s.about.title.clone(),
                sections: s.sections,
            };
            (s.about, def)
        })
        .collect()
}

pub async fn seed_demo(
    db: &DatabaseConnection,
    clock: &crate::Clock,
) -> Result<SeedReport, StoreError> {
    let mut report = SeedReport::default();
    let txn = db.begin().await?;

    // Areas only on an empty install: an administrator's own list must not be mixed with these.
    if area_group::Entity::find().count(&txn).await? == 0 {
        let areas: SeedAreas = serde_json::from_str(AREAS_JSON)?;
        for g in areas.groups {
            let group = area_group::ActiveModel {
                code: Set(g.code),
                name: Set(g.name),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
            for w in g.wards {
                area::ActiveModel {
                    code: Set(w.code),
                    name: Set(w.name),
                    group_id: Set(group.id),
                    tile_col: Set(w.tile.map(|t| t[0])),
                    tile_row: Set(w.tile.map(|t| t[1])),
                    ..Default::default()
                }
                .insert(&txn)
                .await?;
                report.wards_added += 1;
            }
        }
    }

    let seed: SeedSurveys = serde_json::from_str(SURVEYS_JSON)?;
    for s in seed.surveys {
        let existing = survey::Entity::find()
            .filter(survey::Column::Key.eq(&s.about.key))
            .one(&txn)
            .await?;
        let survey_id = match existing {
            Some(row) => row.id,
            None => {
                let def = domain::Survey {
                    key: s.about.key.clone(),
                    title: s.about.title.clone(),
                    sections: s.sections,
                };
                report.surveys_added += 1;
                insert_definition(&txn, &s.about, &def).await?
            }
        };
        let has_wave = wave::Entity::find()
            .filter(wave::Column::SurveyId.eq(survey_id))
            .count(&txn)
            .await?
            > 0;
        if !has_wave {
            insert_wave(
                &txn,
                survey_id,
                &s.wave.key,
                &s.wave.name,
                true,
                clock.today(),
            )
            .await?;
            report.waves_added += 1;
        }
    }
    crate::indicator_defs::ensure_standard(&txn).await?;
    txn.commit().await?;

    // Illustrative population totals for the demo wards, so weighting can be tried out; the
    // interface labels every weighted figure made with them as illustrative.
    if crate::entity::population::Entity::find().count(db).await? == 0 && report.wards_added > 0 {
        let areas = crate::areas::AreaDirectory::load(db).await?;
        crate::population::import(
            db,
            &areas,
            crate::population::ILLUSTRATIVE_CSV.as_bytes(),
            true,
        )
        .await
        .map_err(|e| StoreError::Invalid(format!("illustrative population: {e}")))?;
    }
    // The wellbeing framework: the strategy's figures and illustrative later periods.
    report.framework_indicators = crate::framework::seed::seed(db, clock).await?.indicators;
    Ok(report)
}
