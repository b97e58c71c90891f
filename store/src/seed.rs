//! The demo seed: the two standard surveys (every question and option from measures.md) with
//! an open baseline wave each, and the 34 demo wards in their groups. Safe to run again:
//! it only adds what is missing.

use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, TransactionTrait,
};
use serde::Deserialize;

use crate::audit::Actor;
use crate::entity::{area, area_group, survey, wave};
use crate::survey_versions::{self, VersionError};
use crate::surveys::{insert_wave, SurveyAbout};
use crate::StoreError;
use domain::document::SurveyDocument;

/// The standard surveys, as documents in the export format.
const SURVEYS: [&str; 2] = [
    include_str!("../seed/surveys/wellbeing.json"),
    include_str!("../seed/surveys/cohesion.json"),
];
const WAVES_JSON: &str = include_str!("../seed/waves.json");

/// The demo's translations (survey, language, texts by id): complete, and marked
/// illustrative until the council's translator replaces them.
const DEMO_TRANSLATIONS: [(&str, &str, &str); 2] = [
    (
        "wellbeing",
        "ur",
        include_str!("../seed/translations/wellbeing.ur.json"),
    ),
    (
        "wellbeing",
        "pl",
        include_str!("../seed/translations/wellbeing.pl.json"),
    ),
];

/// A demo translation as edits, every one complete.
pub fn demo_translation(texts_json: &str) -> Result<Vec<domain::translation::Edit>, StoreError> {
    let texts: std::collections::BTreeMap<String, String> = serde_json::from_str(texts_json)?;
    Ok(texts
        .into_iter()
        .map(|(id, text)| domain::translation::Edit {
            id,
            text,
            complete: true,
        })
        .collect())
}
const AREAS_JSON: &str = include_str!("../seed/areas.json");

#[derive(Deserialize)]
struct SeedWaves {
    waves: Vec<SeedWave>,
}

#[derive(Deserialize)]
struct SeedWave {
    survey: String,
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

/// The standard surveys as documents: what the seed imports and publishes.
pub fn standard_documents() -> Vec<SurveyDocument> {
    SURVEYS
        .iter()
        .map(|s| serde_json::from_str(s).expect("seed/surveys/*.json are survey documents"))
        .collect()
}

/// The seeded survey definitions, for tests and tools that need them without a database.
pub fn demo_surveys() -> Vec<(SurveyAbout, domain::Survey)> {
    standard_documents()
        .into_iter()
        .map(|d| (SurveyAbout::of(&d), d.survey()))
        .collect()
}

fn seed_error(key: &str, e: VersionError) -> StoreError {
    match e {
        VersionError::Store(e) => e,
        VersionError::Problems(p) => StoreError::Corrupt(format!(
            "seed/surveys/{}.json: {}",
            key,
            p.iter()
                .map(|p| p.to_string())
                .collect::<Vec<_>>()
                .join("; ")
        )),
        other => StoreError::Corrupt(format!("seed/surveys/{key}.json: {other}")),
    }
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

    let waves: SeedWaves = serde_json::from_str(WAVES_JSON)?;
    for doc in standard_documents() {
        let existing = survey::Entity::find()
            .filter(survey::Column::Key.eq(&doc.key))
            .one(&txn)
            .await?;
        // The standard surveys are made the way an officer makes any survey: imported as a
        // draft, then published.
        let survey_id = match existing {
            Some(row) => row.id,
            None => {
                report.surveys_added += 1;
                let by = Actor {
                    user_id: None,
                    label: "Kiln's seed (the standard surveys)".into(),
                    ip: None,
                    at: clock.now(),
                };
                let id = survey_versions::import(&txn, &doc, &by)
                    .await
                    .map_err(|e| seed_error(&doc.key, e))?;
                survey_versions::publish(&txn, &doc.key, &by)
                    .await
                    .map_err(|e| seed_error(&doc.key, e))?;
                id
            }
        };
        let has_wave = wave::Entity::find()
            .filter(wave::Column::SurveyId.eq(survey_id))
            .count(&txn)
            .await?
            > 0;
        if !has_wave {
            for w in waves.waves.iter().filter(|w| w.survey == doc.key) {
                insert_wave(&txn, survey_id, &w.key, &w.name, true, clock.today()).await?;
                report.waves_added += 1;
            }
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
    // The demo's Urdu and Polish, for a survey that has none in that language yet.
    for (key, code, texts) in DEMO_TRANSLATIONS {
        let language =
            crate::translations::language(code).map_err(|e| StoreError::Invalid(e.to_string()))?;
        let (_, _, stored) = crate::translations::workspace(db, key, language)
            .await
            .map_err(|e| StoreError::Invalid(e.to_string()))?;
        if stored.is_empty() {
            let by = Actor {
                user_id: None,
                label: crate::translations::ILLUSTRATIVE.into(),
                ip: None,
                at: clock.now(),
            };
            crate::translations::save(db, key, language, &demo_translation(texts)?, &by)
                .await
                .map_err(|e| StoreError::Invalid(format!("{key}.{code}.json: {e:?}")))?;
        }
    }
    // The wellbeing framework: the strategy's figures and illustrative later periods.
    report.framework_indicators = crate::framework::seed::seed(db, clock).await?.indicators;
    Ok(report)
}

#[cfg(test)]
mod tests {
    /// The demo's translations cover every text of the wellbeing survey and nothing else.
    #[test]
    fn the_demo_translations_are_complete() {
        let doc = super::standard_documents()
            .into_iter()
            .find(|d| d.key == "wellbeing")
            .unwrap();
        for (_, code, texts) in super::DEMO_TRANSLATIONS {
            let made =
                domain::translation::apply_edits(&doc, &super::demo_translation(texts).unwrap())
                    .unwrap_or_else(|e| panic!("{code}: {e:?}"));
            assert!(domain::translation::is_complete(&doc, &made), "{code}");
        }
    }

    /// The standard surveys are documents like any other, and pass the same checks.
    #[test]
    fn the_standard_surveys_are_sound_documents() {
        let docs = super::standard_documents();
        assert_eq!(docs.len(), 2);
        for d in docs {
            assert_eq!(domain::document::check(&d), [], "{}", d.key);
        }
    }
}
