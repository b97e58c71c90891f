//! The postcode-to-ward lookup, loaded from an ONS NSPL/ONSPD-style CSV extract.

use std::io::Read;

use domain::Postcode;
use sea_orm::{DatabaseConnection, EntityTrait, TransactionTrait};

use crate::areas::AreaDirectory;
use crate::entity::postcode;
use crate::StoreError;

/// Column names accepted for the postcode, first match wins (NSPL/ONSPD use `pcds`).
pub const POSTCODE_COLUMNS: [&str; 5] = ["pcds", "pcd", "pcd7", "pcd8", "postcode"];
/// Column names accepted for the ward code (ONSPD `osward`; NSPL `wd23cd`/`wd24cd`...).
pub const WARD_COLUMNS: [&str; 6] = ["osward", "wd25cd", "wd24cd", "wd23cd", "ward_code", "ward"];
/// Set on terminated postcodes in ONS extracts; those rows are skipped.
const TERMINATED_COLUMN: &str = "doterm";

#[derive(Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub loaded: usize,
    pub terminated: usize,
    /// Rows whose ward is not one of Kiln's areas (another council's postcodes, say).
    pub other_area: usize,
    pub invalid: usize,
}

fn column(headers: &csv::StringRecord, names: &[&str]) -> Option<usize> {
    names.iter().find_map(|name| {
        headers.iter().position(|h| {
            h.trim()
                .trim_start_matches('\u{feff}')
                .eq_ignore_ascii_case(name)
        })
    })
}

/// Replaces the whole lookup with the extract's postcodes in Kiln's wards, in one transaction.
pub async fn import(
    db: &DatabaseConnection,
    areas: &AreaDirectory,
    input: impl Read,
) -> Result<ImportReport, StoreError> {
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(input);
    let headers = reader
        .headers()
        .map_err(|e| StoreError::Invalid(format!("cannot read the header row: {e}")))?
        .clone();
    let pc_col = column(&headers, &POSTCODE_COLUMNS).ok_or_else(|| {
        StoreError::Invalid(format!(
            "no postcode column: expected one of {}",
            POSTCODE_COLUMNS.join(", ")
        ))
    })?;
    let ward_col = column(&headers, &WARD_COLUMNS).ok_or_else(|| {
        StoreError::Invalid(format!(
            "no ward code column: expected one of {}",
            WARD_COLUMNS.join(", ")
        ))
    })?;
    let term_col = column(&headers, &[TERMINATED_COLUMN]);

    let mut report = ImportReport::default();
    let mut rows: Vec<postcode::ActiveModel> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| StoreError::Invalid(format!("line {}: {e}", i + 2)))?;
        if term_col
            .and_then(|c| record.get(c))
            .is_some_and(|t| !t.trim().is_empty())
        {
            report.terminated += 1;
            continue;
        }
        let Some(pc) = record.get(pc_col).and_then(|p| Postcode::parse(p).ok()) else {
            report.invalid += 1;
            continue;
        };
        let ward = record.get(ward_col).unwrap_or("").trim();
        if !areas.is_ward(ward) {
            report.other_area += 1;
            continue;
        }
        if seen.insert(pc.compact().to_string()) {
            rows.push(postcode::ActiveModel {
                postcode: sea_orm::ActiveValue::Set(pc.compact().to_string()),
                area_code: sea_orm::ActiveValue::Set(ward.to_string()),
            });
        }
    }
    report.loaded = rows.len();

    let txn = db.begin().await?;
    postcode::Entity::delete_many().exec(&txn).await?;
    for chunk in rows.chunks(500) {
        postcode::Entity::insert_many(chunk.to_vec())
            .exec(&txn)
            .await?;
    }
    txn.commit().await?;
    Ok(report)
}

/// Whether any postcodes are loaded (the catalogue keeps the answer: see its migration).
pub async fn any(db: &DatabaseConnection) -> Result<bool, StoreError> {
    Ok(postcode::Entity::find().one(db).await?.is_some())
}

/// The ward code for a postcode, if the lookup has it.
pub async fn ward_for(
    db: &DatabaseConnection,
    pc: &Postcode,
) -> Result<Option<String>, StoreError> {
    Ok(postcode::Entity::find_by_id(pc.compact().to_string())
        .one(db)
        .await?
        .map(|p| p.area_code))
}
