//! Replaces the list of wards and groups from a CSV of `code,name,group` (optionally
//! `group_code`, `tile_col`, `tile_row`), as an administrator does once to swap the demo wards
//! for the council's own. Every row is checked first; any problem and nothing changes.
//!
//! What must stay true afterwards: every stored response still names a ward that exists, so a
//! ward with responses cannot be left out; population totals describe exactly the wards there
//! are, so they are removed when the set of wards changes (and the change is refused while a
//! wave is weighted, since its published figures would silently change).

use std::collections::{HashMap, HashSet};
use std::io::Read;

use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, TransactionTrait,
};

use crate::entity::{area, area_group, population, postcode, response, survey, wave};
use crate::import::{ImportError, RowError};
use crate::settings;

/// Tile map positions run from 0 to this.
const MAX_TILE: i32 = 40;
const MAX_ROWS: usize = 2000;
/// Bumped on every change, so cached results (which hold ward names) are made again.

#[derive(Debug, Default, PartialEq, Eq)]
pub struct AreasReport {
    pub wards: usize,
    pub groups: usize,
    pub added: usize,
    pub removed: usize,
    /// Population totals were removed because the wards changed.
    pub population_removed: bool,
    pub postcodes_removed: u64,
}

#[derive(Debug)]
struct Row {
    code: String,
    name: String,
    group_code: String,
    group_name: String,
    tile: Option<(i32, i32)>,
}

fn code_ok(code: &str) -> bool {
    !code.is_empty()
        && code.len() <= 20
        && code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// A group code made from its name when the file gives none: "Stoke-on-Trent North" →
/// "STOKE-ON-TRENT-NORTH", cut to 20 characters.
fn group_code_from(name: &str) -> String {
    let mut code = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            code.push(c.to_ascii_uppercase());
        } else if !code.ends_with('-') && !code.is_empty() {
            code.push('-');
        }
    }
    code.trim_end_matches('-').chars().take(20).collect()
}

fn parse(input: impl Read) -> Result<Vec<Row>, ImportError> {
    let (mut reader, head) = crate::import::lenient(input)?;
    let col = |name: &str| head.iter().position(|h| h == name);
    let (Some(c_code), Some(c_name), Some(c_group)) = (col("code"), col("name"), col("group"))
    else {
        return Err(ImportError::File(
            "the first row must name the columns code, name and group (and optionally group_code, tile_col, tile_row)".into(),
        ));
    };
    let (c_gcode, c_col, c_row) = (col("group_code"), col("tile_col"), col("tile_row"));

    let mut errors = Vec::new();
    let mut rows = Vec::new();
    let mut codes = HashSet::new();
    let mut names = HashSet::new();
    let mut tiles = HashMap::new();
    let mut group_codes: HashMap<String, String> = HashMap::new();
    for (i, record) in reader.records().enumerate() {
        let line = i + 2;
        let record = record.map_err(|e| ImportError::File(format!("line {line}: {e}")))?;
        if record.iter().all(|f| f.is_empty()) {
            continue;
        }
        let get = |c: Option<usize>| c.and_then(|c| record.get(c)).unwrap_or("").to_string();
        let mut bad = |column: &str, reason: String| {
            errors.push(RowError {
                line,
                column: column.into(),
                reason,
            })
        };
        let code = get(Some(c_code));
        let name = get(Some(c_name));
        let group_name = get(Some(c_group));
        if code.is_empty() {
            bad("code", "the ward code is empty".into());
        } else if !code_ok(&code) {
            bad(
                "code",
                format!("\"{code}\" is not a code: use up to 20 letters, digits, - or _"),
            );
        } else if !codes.insert(code.clone()) {
            bad("code", format!("{code} appears more than once"));
        }
        if name.is_empty() {
            bad("name", "the ward name is empty".into());
        } else if name.chars().count() > 100 {
            bad("name", "the ward name is longer than 100 characters".into());
        } else if !names.insert(name.to_lowercase()) {
            bad("name", format!("{name} appears more than once"));
        }
        let mut group_code = get(c_gcode);
        if group_name.is_empty() {
            bad("group", "the group is empty".into());
        } else if group_name.chars().count() > 100 {
            bad(
                "group",
                "the group name is longer than 100 characters".into(),
            );
        } else {
            if group_code.is_empty() {
                group_code = group_code_from(&group_name);
            }
            if !code_ok(&group_code) {
                bad(
                    "group_code",
                    format!("\"{group_code}\" is not a code: use up to 20 letters, digits, - or _"),
                );
            } else {
                match group_codes.get(&group_code) {
                    Some(other) if *other != group_name => bad(
                        "group_code",
                        format!("{group_code} is already the code of the group {other}"),
                    ),
                    _ => {
                        group_codes.insert(group_code.clone(), group_name.clone());
                    }
                }
            }
        }
        let (tc, tr) = (get(c_col), get(c_row));
        let tile = match (tc.is_empty(), tr.is_empty()) {
            (true, true) => None,
            (false, true) | (true, false) => {
                bad(
                    if tc.is_empty() {
                        "tile_col"
                    } else {
                        "tile_row"
                    },
                    "give both tile_col and tile_row, or neither".into(),
                );
                None
            }
            (false, false) => match (tc.parse::<i32>(), tr.parse::<i32>()) {
                (Ok(c), Ok(r)) if (0..=MAX_TILE).contains(&c) && (0..=MAX_TILE).contains(&r) => {
                    if let Some(other) = tiles.insert((c, r), name.clone()) {
                        bad(
                            "tile_col",
                            format!("{name} is on the same tile ({c}, {r}) as {other}"),
                        );
                    }
                    Some((c, r))
                }
                _ => {
                    bad(
                        "tile_col",
                        format!("tile positions are whole numbers from 0 to {MAX_TILE}"),
                    );
                    None
                }
            },
        };
        rows.push(Row {
            code,
            name,
            group_code,
            group_name,
            tile,
        });
    }
    if !errors.is_empty() {
        return Err(ImportError::Rows(errors));
    }
    if rows.is_empty() {
        return Err(ImportError::File("the file has no wards in it".into()));
    }
    if rows.len() > MAX_ROWS {
        return Err(ImportError::File(format!(
            "the file has {} wards; Kiln takes up to {MAX_ROWS}",
            rows.len()
        )));
    }
    Ok(rows)
}

/// Replaces the wards and groups with the file's. Wards are matched by code, so a ward kept
/// keeps its responses while its name, group or tile changes.
pub async fn replace(
    db: &DatabaseConnection,
    input: impl Read,
) -> Result<AreasReport, ImportError> {
    let rows = parse(input)?;
    let version = settings::get(db, settings::Key::AreasVersion)
        .await?
        .and_then(|v| v.parse::<i64>().ok())
        .unwrap_or(0);
    let txn = db.begin().await?;
    let existing = area::Entity::find().all(&txn).await?;
    let in_file: HashSet<&str> = rows.iter().map(|r| r.code.as_str()).collect();
    let leaving: Vec<&area::Model> = existing
        .iter()
        .filter(|a| !in_file.contains(a.code.as_str()))
        .collect();

    let mut kept_back = Vec::new();
    for a in &leaving {
        let answered = response::Entity::find()
            .filter(response::Column::AreaId.eq(a.id))
            .count(&txn)
            .await?;
        if answered > 0 {
            kept_back.push(format!("{} ({}, {answered} responses)", a.name, a.code));
        }
    }
    if !kept_back.is_empty() {
        return Err(ImportError::File(format!(
            "these wards have responses, so they must stay in the file: {}",
            kept_back.join("; ")
        )));
    }
    let added = rows
        .iter()
        .filter(|r| !existing.iter().any(|a| a.code == r.code))
        .count();
    let wards_change = added > 0 || !leaving.is_empty();
    let had_population = population::Entity::find().count(&txn).await? > 0;
    if wards_change && had_population {
        let surveys = survey::Entity::find().all(&txn).await?;
        let weighted: Vec<String> = wave::Entity::find()
            .filter(wave::Column::Weighted.eq(true))
            .all(&txn)
            .await?
            .into_iter()
            .map(|w| match surveys.iter().find(|s| s.id == w.survey_id) {
                Some(s) => format!("{}: {}", s.title, w.name),
                None => w.name,
            })
            .collect();
        if !weighted.is_empty() {
            return Err(ImportError::File(format!(
                "adding or removing wards removes the population totals, which weighted waves need: turn weighting off first for {}",
                weighted.join(", ")
            )));
        }
    }

    // Groups first, by code: new ones added, existing ones renamed.
    let mut group_ids: HashMap<String, i32> = HashMap::new();
    let groups = area_group::Entity::find().all(&txn).await?;
    for r in &rows {
        if group_ids.contains_key(&r.group_code) {
            continue;
        }
        let id = match groups.iter().find(|g| g.code == r.group_code) {
            Some(g) => {
                if g.name != r.group_name {
                    let mut g: area_group::ActiveModel = g.clone().into();
                    g.name = Set(r.group_name.clone());
                    g.update(&txn).await?;
                }
                g.id
            }
            None => {
                area_group::ActiveModel {
                    code: Set(r.group_code.clone()),
                    name: Set(r.group_name.clone()),
                    ..Default::default()
                }
                .insert(&txn)
                .await?
                .id
            }
        };
        group_ids.insert(r.group_code.clone(), id);
    }

    let mut postcodes_removed = 0;
    for a in &leaving {
        postcodes_removed += postcode::Entity::delete_many()
            .filter(postcode::Column::AreaCode.eq(&a.code))
            .exec(&txn)
            .await?
            .rows_affected;
    }
    if wards_change {
        population::Entity::delete_many().exec(&txn).await?;
    }
    area::Entity::delete_many()
        .filter(area::Column::Id.is_in(leaving.iter().map(|a| a.id)))
        .exec(&txn)
        .await?;
    for r in &rows {
        let group_id = group_ids[&r.group_code];
        match existing.iter().find(|a| a.code == r.code) {
            Some(a) => {
                let mut a: area::ActiveModel = a.clone().into();
                a.name = Set(r.name.clone());
                a.group_id = Set(group_id);
                a.tile_col = Set(r.tile.map(|t| t.0));
                a.tile_row = Set(r.tile.map(|t| t.1));
                a.update(&txn).await?;
            }
            None => {
                area::ActiveModel {
                    code: Set(r.code.clone()),
                    name: Set(r.name.clone()),
                    group_id: Set(group_id),
                    tile_col: Set(r.tile.map(|t| t.0)),
                    tile_row: Set(r.tile.map(|t| t.1)),
                    ..Default::default()
                }
                .insert(&txn)
                .await?;
            }
        }
    }
    let unused: Vec<i32> = groups
        .iter()
        .filter(|g| !group_ids.values().any(|id| *id == g.id))
        .map(|g| g.id)
        .collect();
    area_group::Entity::delete_many()
        .filter(area_group::Column::Id.is_in(unused))
        .exec(&txn)
        .await?;
    // Drafts keep their answers; one naming a removed ward is asked for it again on sending.
    settings::set(
        &txn,
        settings::Key::AreasVersion,
        &(version + 1).to_string(),
    )
    .await?;
    txn.commit().await?;
    Ok(AreasReport {
        wards: rows.len(),
        groups: group_ids.len(),
        added,
        removed: leaving.len(),
        population_removed: wards_change && had_population,
        postcodes_removed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn group_codes_are_made_from_names() {
        assert_eq!(
            group_code_from("Stoke-on-Trent North"),
            "STOKE-ON-TRENT-NORTH"
        );
        assert_eq!(group_code_from("  Hanley & Etruria "), "HANLEY-ETRURIA");
    }

    #[test]
    fn every_problem_is_reported_with_its_line() {
        let file = "code,name,group,tile_col,tile_row\n\
                    W1,Alpha,North,1,1\n\
                    W1,Beta,North,1,1\n\
                    ,Gamma,,2,\n";
        let Err(ImportError::Rows(errors)) = parse(file.as_bytes()) else {
            panic!("expected row errors");
        };
        let said: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert!(said.contains(&"line 3, column code: W1 appears more than once".to_string()));
        assert!(said
            .iter()
            .any(|e| e.starts_with("line 3, column tile_col: Beta is on the same tile")));
        assert!(said.contains(&"line 4, column code: the ward code is empty".to_string()));
        assert!(said.contains(&"line 4, column group: the group is empty".to_string()));
        assert!(said.contains(
            &"line 4, column tile_row: give both tile_col and tile_row, or neither".to_string()
        ));
    }

    #[test]
    fn a_file_without_the_columns_is_refused() {
        assert!(matches!(
            parse("ward,label\nW1,Alpha\n".as_bytes()),
            Err(ImportError::File(_))
        ));
        assert!(matches!(
            parse("code,name,group\n".as_bytes()),
            Err(ImportError::File(_))
        ));
    }

    #[test]
    fn a_good_file_is_read_with_optional_columns() {
        let rows = parse("Code,Name,Group,Group_Code\nE05008001,Abbey Hulton,North,N\nE05008002,Basford,South,\n".as_bytes()).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].group_code, "N");
        assert_eq!(rows[1].group_code, "SOUTH");
        assert_eq!(rows[1].tile, None);
    }
}
