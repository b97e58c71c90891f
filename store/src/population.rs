//! Population totals (residents aged 16+) by ward, age band and sex, for weighting.

use std::collections::HashSet;
use std::io::Read;

use domain::indicators::data::{
    age_index, sex_index, Areas as EngineAreas, Population, AGE_BANDS, SEXES,
};
use sea_orm::{ActiveValue::Set, DatabaseConnection, EntityTrait, TransactionTrait};

use crate::areas::AreaDirectory;
use crate::entity::population;
use crate::import::{headers, ImportError, RowError};
use crate::settings;

pub const COLUMNS: [&str; 4] = ["area", "age_band", "sex", "count"];

#[derive(Debug, Default, PartialEq)]
pub struct PopulationReport {
    pub rows: usize,
    pub total: f64,
}

/// Replaces the population totals with a CSV of `area,age_band,sex,count` (area by code or
/// exact name). Every row is checked first; any problem and nothing changes.
pub async fn import(
    db: &DatabaseConnection,
    areas: &AreaDirectory,
    input: impl Read,
    illustrative: bool,
) -> Result<PopulationReport, ImportError> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(input);
    let head = headers(&mut reader)?;
    let col = |name: &str| head.iter().position(|h| h == name);
    let cols: Vec<usize> = COLUMNS
        .iter()
        .map(|c| {
            col(c).ok_or_else(|| {
                ImportError::File(format!(
                    "no {c} column: the header must be {}",
                    COLUMNS.join(",")
                ))
            })
        })
        .collect::<Result<_, _>>()?;

    let mut errors = Vec::new();
    let mut rows = Vec::new();
    let mut seen = HashSet::new();
    let mut report = PopulationReport::default();
    for (i, record) in reader.records().enumerate() {
        let line = i + 2;
        let record = record.map_err(|e| ImportError::File(format!("line {line}: {e}")))?;
        let get = |c: usize| record.get(cols[c]).unwrap_or("");
        let mut bad = |column: &str, reason: String| {
            errors.push(RowError {
                line,
                column: column.into(),
                reason,
            })
        };
        let ward = areas.ward_by_code_or_name(get(0));
        if ward.is_none() {
            bad(
                "area",
                format!("no area has the code or name \"{}\"", get(0)),
            );
        }
        let age = get(1);
        if age_index(age) == u8::MAX {
            bad(
                "age_band",
                format!("\"{age}\" is not one of {}", AGE_BANDS.join(", ")),
            );
        }
        let sex = get(2);
        if sex_index(sex) == u8::MAX {
            bad(
                "sex",
                format!("\"{sex}\" is not one of {}", SEXES.join(", ")),
            );
        }
        let count = get(3)
            .parse::<f64>()
            .ok()
            .filter(|c| c.is_finite() && *c >= 0.0);
        if count.is_none() {
            bad("count", format!("\"{}\" is not a number of people", get(3)));
        }
        if let (Some(w), Some(count)) = (ward, count) {
            if !seen.insert((w.id, age.to_string(), sex.to_string())) {
                bad(
                    "area",
                    format!("{}, {age}, {sex} appears more than once", w.name),
                );
            }
            rows.push(population::ActiveModel {
                area_id: Set(w.id),
                age_band: Set(age.to_string()),
                sex: Set(sex.to_string()),
                count: Set(count),
                ..Default::default()
            });
            report.rows += 1;
            report.total += count;
        }
    }
    if !errors.is_empty() {
        return Err(ImportError::Rows(errors));
    }
    let txn = db.begin().await?;
    population::Entity::delete_many().exec(&txn).await?;
    for chunk in rows.chunks(500) {
        population::Entity::insert_many(chunk.to_vec())
            .exec(&txn)
            .await?;
    }
    settings::set(
        &txn,
        settings::Key::PopulationIllustrative,
        if illustrative { "true" } else { "false" },
    )
    .await?;
    txn.commit().await?;
    Ok(report)
}

/// The totals as the engine wants them, by ward in the engine's order; None when none loaded.
pub async fn load(
    db: &DatabaseConnection,
    directory: &AreaDirectory,
    areas: &EngineAreas,
) -> Result<Option<Population>, crate::StoreError> {
    let rows = population::Entity::find().all(db).await?;
    if rows.is_empty() {
        return Ok(None);
    }
    let mut pop = Population::empty(areas.wards.len());
    for r in rows {
        let code = directory
            .wards
            .iter()
            .find(|w| w.id == r.area_id)
            .map(|w| w.code.as_str());
        let (Some(w), a, s) = (
            code.and_then(|c| areas.ward_index(c)),
            age_index(&r.age_band),
            sex_index(&r.sex),
        ) else {
            continue;
        };
        if a != u8::MAX && s != u8::MAX {
            pop.add(w as usize, a as usize, s as usize, r.count);
        }
    }
    Ok(Some(pop))
}

/// The illustrative totals for the demo wards that ship with the seed.
pub const ILLUSTRATIVE_CSV: &str = include_str!("../seed/population-illustrative.csv");

/// Whether any population totals are loaded (weighting needs them).
pub async fn any<C: sea_orm::ConnectionTrait>(db: &C) -> Result<bool, crate::StoreError> {
    use sea_orm::{EntityTrait, PaginatorTrait};
    Ok(crate::entity::population::Entity::find().count(db).await? > 0)
}

/// How many totals are loaded and the residents they add up to.
pub async fn summary(
    db: &sea_orm::DatabaseConnection,
) -> Result<PopulationReport, crate::StoreError> {
    use sea_orm::{ColumnTrait, EntityTrait, QuerySelect};
    let (rows, total): (i64, Option<f64>) = population::Entity::find()
        .select_only()
        .column_as(population::Column::Id.count(), "rows")
        .column_as(population::Column::Count.sum(), "total")
        .into_tuple()
        .one(db)
        .await?
        .unwrap_or((0, None));
    Ok(PopulationReport {
        rows: usize::try_from(rows).unwrap_or(0),
        total: total.unwrap_or(0.0),
    })
}

/// Residents by ward (area id), by age band and by sex, from the loaded totals: to compare
/// the residents' panel with. Empty maps when none are loaded.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Margins {
    pub by_area: std::collections::HashMap<i32, f64>,
    pub by_age: std::collections::HashMap<String, f64>,
    pub by_sex: std::collections::HashMap<String, f64>,
    pub total: f64,
}

pub async fn margins(db: &DatabaseConnection) -> Result<Margins, crate::StoreError> {
    let mut m = Margins::default();
    for r in population::Entity::find().all(db).await? {
        *m.by_area.entry(r.area_id).or_default() += r.count;
        *m.by_age.entry(r.age_band).or_default() += r.count;
        *m.by_sex.entry(r.sex).or_default() += r.count;
        m.total += r.count;
    }
    Ok(m)
}
