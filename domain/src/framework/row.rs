//! One row of an observations file, checked: the tidy format whose columns follow ONS
//! Explore Local Statistics (`areacd, areanm, indicator, period, value, lci_95, uci_95,
//! status, note, count, denominator`), or the same cells read from an OHID Fingertips
//! export. Every problem in a row is found, each with its column, so a file can be put
//! right in one go.

use super::{Measure, Period, PeriodProblem, Status};

/// The cells of one row, as text.
#[derive(Clone, Copy, Debug, Default)]
pub struct Cells<'a> {
    pub area: &'a str,
    pub period: &'a str,
    pub value: &'a str,
    pub low: &'a str,
    pub high: &'a str,
    pub count: &'a str,
    pub denominator: &'a str,
    pub status: &'a str,
    pub note: &'a str,
}

/// A row that passed every check.
#[derive(Clone, Debug, PartialEq)]
pub struct Observed {
    pub area: String,
    pub period: Period,
    /// None when withheld.
    pub value: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub count: Option<f64>,
    pub denominator: Option<f64>,
    pub status: Option<Status>,
    pub note: String,
}

/// A problem with one cell: its column and what is wrong, in words for the officer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellProblem {
    pub column: &'static str,
    pub reason: String,
}

pub const NOTE_MAX: usize = 500;

/// Column names: the tidy format's, or another format's for the same cells.
#[derive(Clone, Copy, Debug)]
pub struct Columns {
    pub area: &'static str,
    pub period: &'static str,
    pub value: &'static str,
    pub low: &'static str,
    pub high: &'static str,
    pub count: &'static str,
    pub denominator: &'static str,
    pub status: &'static str,
    pub note: &'static str,
}

pub const TIDY: Columns = Columns {
    area: "areacd",
    period: "period",
    value: "value",
    low: "lci_95",
    high: "uci_95",
    count: "count",
    denominator: "denominator",
    status: "status",
    note: "note",
};

pub const FINGERTIPS: Columns = Columns {
    area: "Area Code",
    period: "Time period",
    value: "Value",
    low: "Lower CI 95.0 limit",
    high: "Upper CI 95.0 limit",
    count: "Count",
    denominator: "Denominator",
    status: "Value note",
    note: "Value note",
};

/// A number as spreadsheets write it (`1,234.5` and a trailing `%` allowed).
pub fn number(text: &str) -> Option<Result<f64, ()>> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    let t = t.trim_end_matches('%').replace(',', "");
    Some(
        t.trim()
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite())
            .ok_or(()),
    )
}

pub fn period_problem(p: PeriodProblem, text: &str) -> String {
    // "2026/27" or "2024": say how to write the period they meant.
    if let Some(meant) = Period::from_fingertips(text) {
        return format!(
            "\"{text}\" is not an ISO 8601 period: write it as {}",
            meant.iso()
        );
    }
    match p {
        PeriodProblem::NotInterval => format!(
            "\"{text}\" is not a period: write it as an ISO 8601 interval, such as 2023-04-01/P1Y for 2023/24"
        ),
        PeriodProblem::BadStart => format!("\"{text}\" does not start with a real date (YYYY-MM-DD)"),
        PeriodProblem::BadDuration => {
            format!("\"{text}\" must end with a length (P1Y, P3M) or an end date")
        }
        PeriodProblem::EndsBeforeStart => format!("\"{text}\" ends before it starts"),
    }
}

/// Checks one row. `area_known` says whether Kiln holds an area with that code;
/// `fingertips` reads the period and status as Fingertips writes them.
pub fn check(
    cells: &Cells,
    columns: &Columns,
    measure: Measure,
    area_known: impl Fn(&str) -> bool,
    fingertips: bool,
) -> Result<Observed, Vec<CellProblem>> {
    let mut problems = Vec::new();
    let mut bad =
        |column: &'static str, reason: String| problems.push(CellProblem { column, reason });

    let area = cells.area.trim();
    if area.is_empty() {
        bad(columns.area, "the area code is missing".into());
    } else if !area_known(area) {
        bad(
            columns.area,
            format!("no area has the code \"{area}\": use the city's, England's, a comparator's or a ward's code"),
        );
    }

    let period = if fingertips {
        Period::from_fingertips(cells.period).ok_or_else(|| {
            format!(
                "\"{}\" is not a period Fingertips writes (2021/22, 2022, 2019 - 21)",
                cells.period.trim()
            )
        })
    } else {
        Period::parse(cells.period).map_err(|p| period_problem(p, cells.period.trim()))
    };
    if let Err(reason) = &period {
        bad(columns.period, reason.clone());
    }

    let mut num = |column: &'static str, text: &str, what: &str| match number(text) {
        None => None,
        Some(Ok(v)) => Some(v),
        Some(Err(())) => {
            bad(
                column,
                format!("\"{}\" is not a number ({what})", text.trim()),
            );
            None
        }
    };
    let value = num(columns.value, cells.value, "the value");
    let low = num(columns.low, cells.low, "the lower 95% limit");
    let high = num(columns.high, cells.high, "the upper 95% limit");
    let count = num(columns.count, cells.count, "the count");
    let denominator = num(columns.denominator, cells.denominator, "the denominator");

    let status = if fingertips {
        // Fingertips says why a value is missing in its note; a blank value is withheld.
        (cells.value.trim().is_empty()).then_some(Status::Withheld)
    } else {
        let s = cells.status.trim();
        if s.is_empty() {
            None
        } else {
            let parsed = Status::parse(s);
            if parsed.is_none() {
                bad(
                    columns.status,
                    format!("\"{s}\" is not a status: leave it blank or write provisional, revised, estimated or withheld"),
                );
            }
            parsed
        }
    };
    let withheld = status == Some(Status::Withheld);
    match (value, withheld) {
        (None, false) if cells.value.trim().is_empty() => bad(
            columns.value,
            "the value is missing: give it, or write withheld in the status column".into(),
        ),
        (Some(_), true) => bad(columns.value, "a withheld value must be left blank".into()),
        _ => {}
    }
    match (low, high) {
        (Some(l), Some(h)) => {
            if l > h {
                bad(
                    columns.low,
                    format!("the lower limit {l} is above the upper limit {h}"),
                );
            } else if let Some(v) = value {
                if v < l || v > h {
                    bad(
                        columns.value,
                        format!("the value {v} is outside its interval {l} to {h}"),
                    );
                }
            }
        }
        (Some(_), None) => bad(
            columns.high,
            "give the upper 95% limit with the lower one".into(),
        ),
        (None, Some(_)) => bad(
            columns.low,
            "give the lower 95% limit with the upper one".into(),
        ),
        (None, None) => {}
    }
    if let Some(c) = count {
        if c < 0.0 {
            bad(columns.count, "the count cannot be negative".into());
        }
    }
    match (count, denominator) {
        (_, Some(d)) if d <= 0.0 => bad(
            columns.denominator,
            "the denominator must be more than 0".into(),
        ),
        (Some(c), Some(d)) if measure == Measure::Proportion && c > d => bad(
            columns.count,
            format!("the count {c} is more than the denominator {d}"),
        ),
        _ => {}
    }
    let note = cells.note.trim();
    if note.chars().count() > NOTE_MAX {
        bad(
            columns.note,
            format!("the note is longer than {NOTE_MAX} characters"),
        );
    }

    match period {
        Ok(period) if problems.is_empty() => Ok(Observed {
            area: area.to_string(),
            period,
            value,
            low,
            high,
            count,
            denominator,
            status,
            note: note.to_string(),
        }),
        _ => Err(problems),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(code: &str) -> bool {
        ["E06000021", "E92000001"].contains(&code)
    }

    fn cells<'a>(value: &'a str, low: &'a str, high: &'a str, status: &'a str) -> Cells<'a> {
        Cells {
            area: "E06000021",
            period: "2023-04-01/P1Y",
            value,
            low,
            high,
            status,
            ..Cells::default()
        }
    }

    #[test]
    fn a_period_written_as_people_say_it_is_refused_with_its_iso_form() {
        assert_eq!(
            period_problem(PeriodProblem::BadStart, "2026/27"),
            "\"2026/27\" is not an ISO 8601 period: write it as 2026-04-01/P1Y"
        );
    }

    #[test]
    fn a_good_row() {
        let o = check(
            &cells("77.9", "77.5", "78.3", ""),
            &TIDY,
            Measure::Other,
            known,
            false,
        )
        .unwrap();
        assert_eq!(o.value, Some(77.9));
        assert_eq!(o.period.label(), "2023/24");
        let o = check(
            &cells("", "", "", "Withheld"),
            &TIDY,
            Measure::Other,
            known,
            false,
        )
        .unwrap();
        assert_eq!((o.value, o.status), (None, Some(Status::Withheld)));
        assert_eq!(number("1,234.5"), Some(Ok(1234.5)));
        assert_eq!(number("43.2%"), Some(Ok(43.2)));
    }

    #[test]
    fn every_problem_in_a_row_is_named_by_column() {
        let row = Cells {
            area: "E99999999",
            period: "2023",
            value: "abc",
            low: "5",
            high: "",
            count: "60",
            denominator: "50",
            status: "final",
            note: "",
        };
        let problems = check(&row, &TIDY, Measure::Proportion, known, false).unwrap_err();
        let columns: Vec<_> = problems.iter().map(|p| p.column).collect();
        assert_eq!(
            columns,
            ["areacd", "period", "value", "status", "uci_95", "count"]
        );
    }

    #[test]
    fn a_value_must_sit_inside_its_interval_and_withheld_means_blank() {
        let p = check(
            &cells("80", "77.5", "78.3", ""),
            &TIDY,
            Measure::Other,
            known,
            false,
        )
        .unwrap_err();
        assert_eq!(p[0].column, "value");
        let p = check(
            &cells("80", "", "", "withheld"),
            &TIDY,
            Measure::Other,
            known,
            false,
        )
        .unwrap_err();
        assert_eq!(p[0].reason, "a withheld value must be left blank");
        let p = check(&cells("", "", "", ""), &TIDY, Measure::Other, known, false).unwrap_err();
        assert!(p[0].reason.starts_with("the value is missing"));
    }

    #[test]
    fn fingertips_rows_use_its_periods_and_a_blank_value_is_withheld() {
        let row = Cells {
            area: "E06000021",
            period: "2020 - 22",
            value: "",
            note: "Value suppressed for disclosure control",
            ..Cells::default()
        };
        let o = check(&row, &FINGERTIPS, Measure::Rate, known, true).unwrap();
        assert_eq!(o.period.iso(), "2020-01-01/P3Y");
        assert_eq!(o.status, Some(Status::Withheld));
        assert_eq!(o.note, "Value suppressed for disclosure control");
    }
}
