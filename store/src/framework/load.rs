//! Observations loaded from a CSV file, in the tidy format (columns after ONS Explore Local
//! Statistics) or as OHID Fingertips exports them. The whole file is checked first and goes
//! in whole or not at all; every problem is listed by line and column.

use std::collections::{BTreeSet, HashMap};

use domain::framework::row::{self, CellProblem, Cells, Columns, Observed};
use sea_orm::{DatabaseConnection, TransactionTrait};

use super::observations::{record, Change, Recorded};
use super::{AreaRole, Indicator};
use crate::import::{headers, ImportError, RowError};
use crate::StoreError;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Tidy,
    Fingertips,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct LoadReport {
    pub fingertips: bool,
    pub added: usize,
    pub corrected: usize,
    pub unchanged: usize,
    /// Fingertips rows for areas Kiln does not compare with (other councils).
    pub other_areas: usize,
    /// Fingertips rows that break an area down (by deprivation, ethnicity).
    pub breakdowns: usize,
    /// Fingertips indicators in the file that no framework indicator takes.
    pub other_indicators: BTreeSet<String>,
}

/// The tidy format's columns, in order.
pub const TIDY_COLUMNS: [&str; 11] = [
    "areacd",
    "areanm",
    "indicator",
    "period",
    "value",
    "lci_95",
    "uci_95",
    "status",
    "note",
    "count",
    "denominator",
];

/// Where an area's values may go: survey indicators take only comparators' values (their
/// own come from the surveys).
#[derive(Clone, Debug, Default)]
pub struct AreaRoles {
    roles: HashMap<String, Option<AreaRole>>,
}

impl AreaRoles {
    pub async fn load(db: &DatabaseConnection) -> Result<AreaRoles, StoreError> {
        let mut roles: HashMap<String, Option<AreaRole>> = super::areas(db)
            .await?
            .into_iter()
            .map(|a| (a.code, Some(a.role)))
            .collect();
        for w in crate::areas::AreaDirectory::load(db).await?.wards {
            roles.insert(w.code, None);
        }
        Ok(AreaRoles { roles })
    }
    pub fn known(&self, code: &str) -> bool {
        self.roles.contains_key(code)
    }
    /// A problem when `indicator` cannot take a value for `area`.
    pub fn refuses(&self, indicator: &Indicator, area: &str) -> Option<String> {
        let comparator = matches!(
            self.roles.get(area),
            Some(Some(
                AreaRole::England | AreaRole::Region | AreaRole::Similar
            ))
        );
        (indicator.from_survey && self.known(area) && !comparator).then(|| {
            format!(
                "{} comes from Kiln's own surveys: only England's and comparators' values can be loaded for it",
                indicator.key
            )
        })
    }
}

fn detect(head: &[String]) -> Result<Format, ImportError> {
    let has = |c: &str| head.iter().any(|h| h == c);
    if has("areacd") {
        for c in ["indicator", "period", "value"] {
            if !has(c) {
                return Err(ImportError::File(format!(
                    "no {c} column: the header must name the columns {}",
                    TIDY_COLUMNS.join(",")
                )));
            }
        }
        Ok(Format::Tidy)
    } else if has("Indicator ID") && has("Area Code") && has("Time period") && has("Value") {
        Ok(Format::Fingertips)
    } else {
        Err(ImportError::File(format!(
            "the header is neither the tidy format ({}) nor an OHID Fingertips export (Indicator ID, Area Code, Time period, Value, ...)",
            TIDY_COLUMNS.join(",")
        )))
    }
}

/// Checks a whole file and, if every row is right, stores it in one transaction.
pub async fn load_csv(
    db: &DatabaseConnection,
    input: &[u8],
    change: &Change<'_>,
) -> Result<LoadReport, ImportError> {
    let indicators = super::indicators(db).await?;
    let roles = AreaRoles::load(db).await?;
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .flexible(true)
        .from_reader(input);
    let head = headers(&mut reader)?;
    let format = detect(&head)?;
    let col = |name: &str| head.iter().position(|h| h == name);
    let (columns, fingertips): (&Columns, bool) = match format {
        Format::Tidy => (&row::TIDY, false),
        Format::Fingertips => (&row::FINGERTIPS, true),
    };
    let at = |name: &str| col(name);
    let idx = [
        at(columns.area),
        at(columns.period),
        at(columns.value),
        at(columns.low),
        at(columns.high),
        at(columns.count),
        at(columns.denominator),
        at(columns.status),
        at(columns.note),
    ];
    let by_fingertips: HashMap<(i32, String), &Indicator> = indicators
        .iter()
        .filter_map(|i| i.fingertips.clone().map(|f| (f, i)))
        .collect();

    let mut report = LoadReport {
        fingertips,
        ..LoadReport::default()
    };
    let mut errors = Vec::new();
    let mut rows: Vec<(&Indicator, Observed, usize)> = Vec::new();
    let mut seen: HashMap<(String, String, String), usize> = HashMap::new();
    for (i, record) in reader.records().enumerate() {
        let line = i + 2;
        let record = record.map_err(|e| ImportError::File(format!("line {line}: {e}")))?;
        let get = |c: Option<usize>| c.and_then(|c| record.get(c)).unwrap_or("");
        let mut bad = |column: &str, reason: String| {
            errors.push(RowError {
                line,
                column: column.into(),
                reason,
            })
        };
        if record.iter().all(|c| c.is_empty()) {
            continue;
        }
        let indicator = match format {
            Format::Tidy => {
                let key = get(col("indicator"));
                match indicators.iter().find(|i| i.key == key) {
                    Some(ind) => ind,
                    None => {
                        bad(
                            "indicator",
                            if key.is_empty() {
                                "the indicator key is missing".into()
                            } else {
                                format!("no indicator in the framework has the key \"{key}\"")
                            },
                        );
                        continue;
                    }
                }
            }
            Format::Fingertips => {
                if !get(col("Category Type")).is_empty() {
                    report.breakdowns += 1;
                    continue;
                }
                if !roles.known(get(col("Area Code"))) {
                    report.other_areas += 1;
                    continue;
                }
                let id: Option<i32> = get(col("Indicator ID")).parse().ok();
                let sex = match get(col("Sex")) {
                    "" => "Persons".to_string(),
                    s => s.to_string(),
                };
                match id.and_then(|id| by_fingertips.get(&(id, sex.clone()))) {
                    Some(ind) => ind,
                    None => {
                        report.other_indicators.insert(format!(
                            "{} {} ({sex})",
                            get(col("Indicator ID")),
                            get(col("Indicator Name"))
                        ));
                        continue;
                    }
                }
            }
        };
        let cells = Cells {
            area: get(idx[0]),
            period: get(idx[1]),
            value: get(idx[2]),
            low: get(idx[3]),
            high: get(idx[4]),
            count: get(idx[5]),
            denominator: get(idx[6]),
            status: get(idx[7]),
            note: get(idx[8]),
        };
        match row::check(
            &cells,
            columns,
            indicator.measure,
            |a| roles.known(a),
            fingertips,
        ) {
            Err(problems) => {
                for CellProblem { column, reason } in problems {
                    bad(column, reason);
                }
            }
            Ok(o) => {
                if let Some(reason) = roles.refuses(indicator, &o.area) {
                    bad(columns.area, reason);
                    continue;
                }
                let key = (indicator.key.clone(), o.area.clone(), o.period.iso());
                if let Some(first) = seen.insert(key, line) {
                    bad(
                        columns.period,
                        format!(
                            "line {first} already gives {} for this area and period",
                            indicator.key
                        ),
                    );
                    continue;
                }
                rows.push((indicator, o, line));
            }
        }
    }
    if !errors.is_empty() {
        return Err(ImportError::Rows(errors));
    }
    if rows.is_empty() {
        return Err(ImportError::File(
            "it holds no values for the framework's indicators and areas".into(),
        ));
    }
    let txn = db.begin().await?;
    for (indicator, o, _) in &rows {
        match record(&txn, &indicator.key, o, change).await? {
            Recorded::Added => report.added += 1,
            Recorded::Corrected => report.corrected += 1,
            Recorded::Unchanged => report.unchanged += 1,
        }
    }
    txn.commit().await?;
    Ok(report)
}
