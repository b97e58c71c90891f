//! An indicator's definition as officers write it: what it measures, which way is better,
//! where its figures come from, and its target. A new local measure joins the framework
//! this way; survey indicators keep the engine's measure and unit.

use super::{Measure, Period, Polarity, Priority};
use crate::groups::Problem;

/// The form as typed.
#[derive(Clone, Debug, Default)]
pub struct DefinitionForm<'a> {
    pub key: &'a str,
    pub title: &'a str,
    pub definition: &'a str,
    pub priority: &'a str,
    pub unit: &'a str,
    pub decimals: &'a str,
    pub polarity: &'a str,
    pub measure: &'a str,
    pub per: &'a str,
    pub publisher: &'a str,
    pub source_url: &'a str,
    pub licence: &'a str,
    pub frequency: &'a str,
    pub caveats: &'a str,
    pub fingertips_id: &'a str,
    pub fingertips_sex: &'a str,
    pub baseline_period: &'a str,
    pub baseline_value: &'a str,
    pub target_value: &'a str,
    pub target_date: &'a str,
    pub strategy: &'a str,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TargetDetails {
    pub baseline_period: Period,
    pub baseline_value: f64,
    pub value: f64,
    pub date: chrono::NaiveDate,
    pub strategy: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Definition {
    pub key: String,
    pub title: String,
    pub definition: String,
    pub priority: Priority,
    pub unit: String,
    pub decimals: u8,
    pub polarity: Polarity,
    pub measure: Measure,
    pub per: f64,
    pub publisher: String,
    pub source_url: String,
    pub licence: String,
    pub frequency: String,
    pub caveats: String,
    pub fingertips: Option<(i32, String)>,
    pub baseline_period: Option<Period>,
    pub target: Option<TargetDetails>,
}

fn problem(field: &'static str, message: impl Into<String>) -> Problem {
    Problem {
        field,
        message: message.into(),
    }
}

/// Letters, digits and underscores, starting with a letter: the key files and the API use.
pub fn key_ok(key: &str) -> bool {
    (3..=60).contains(&key.len())
        && key.starts_with(|c: char| c.is_ascii_lowercase())
        && key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

impl Definition {
    /// Checks the form. `new` when adding (the key is then checked and must be free).
    pub fn parse(
        f: &DefinitionForm,
        new: bool,
        key_taken: impl Fn(&str) -> bool,
    ) -> Result<Definition, Vec<Problem>> {
        let mut p = Vec::new();
        let key = f.key.trim().to_string();
        if new {
            if key.is_empty() {
                p.push(problem("key", "Enter a key for the indicator"));
            } else if !key_ok(&key) {
                p.push(problem(
                    "key",
                    "The key must be 3 to 60 lower-case letters, digits and underscores, starting with a letter",
                ));
            } else if key_taken(&key) {
                p.push(problem(
                    "key",
                    format!("An indicator already has the key \"{key}\""),
                ));
            }
        }
        let mut text = |field, v: &str, what: &str, max: usize, required: bool| {
            let v = v.trim();
            if v.is_empty() && required {
                p.push(problem(field, format!("Enter {what}")));
            } else if v.chars().count() > max {
                p.push(problem(
                    field,
                    format!(
                        "{} must be {max} characters or fewer",
                        super::updates::capital(what)
                    ),
                ));
            }
            v.to_string()
        };
        let title = text("title", f.title, "a title", 200, true);
        let definition = text("definition", f.definition, "a definition", 2000, true);
        let unit = text("unit", f.unit, "the unit", 40, true);
        let publisher = text("publisher", f.publisher, "the publisher", 200, true);
        let source_url = text(
            "source_url",
            f.source_url,
            "the link to the source",
            500,
            false,
        );
        let licence = text("licence", f.licence, "the licence", 100, false);
        let frequency = text(
            "frequency",
            f.frequency,
            "how often it is updated",
            60,
            true,
        );
        let caveats = text("caveats", f.caveats, "the caveats", 2000, false);
        let strategy = text(
            "strategy",
            f.strategy,
            "where the target comes from",
            200,
            false,
        );
        if !source_url.is_empty()
            && !["https://", "http://", "/"]
                .iter()
                .any(|s| source_url.starts_with(s))
        {
            p.push(problem("source_url", "The link must start with https://"));
        }
        let priority = Priority::parse(f.priority);
        if priority.is_none() {
            p.push(problem("priority", "Select the priority it belongs to"));
        }
        let polarity = Polarity::parse(f.polarity);
        if polarity.is_none() {
            p.push(problem("polarity", "Select which way is better"));
        }
        let measure = Measure::parse(f.measure);
        if measure.is_none() {
            p.push(problem("measure", "Select what kind of figure it is"));
        }
        let decimals = match f.decimals.trim().parse::<u8>() {
            Ok(d) if d <= 4 => d,
            _ => {
                p.push(problem(
                    "decimals",
                    "Enter the number of decimal places, from 0 to 4",
                ));
                0
            }
        };
        let per = match (measure, f.per.trim()) {
            (Some(Measure::Other), _) => 1.0,
            (Some(Measure::Proportion), "") => 100.0,
            (_, t) => match t.replace(',', "").parse::<f64>() {
                Ok(v) if v >= 1.0 && v.is_finite() => v,
                _ => {
                    p.push(problem("per", "Enter what the figure is per: 100 for a percentage, 1,000 or 100,000 for a rate"));
                    1.0
                }
            },
        };
        let fingertips = match (f.fingertips_id.trim(), f.fingertips_sex.trim()) {
            ("", _) => None,
            (id, sex) => match id.parse::<i32>() {
                Ok(id) if id > 0 => {
                    let sex = if sex.is_empty() { "Persons" } else { sex };
                    if ["Persons", "Male", "Female"].contains(&sex) {
                        Some((id, sex.to_string()))
                    } else {
                        p.push(problem("fingertips_sex", "Select Persons, Male or Female"));
                        None
                    }
                }
                _ => {
                    p.push(problem(
                        "fingertips_id",
                        "The Fingertips indicator ID is a whole number, like 90366",
                    ));
                    None
                }
            },
        };
        let baseline_period = match f.baseline_period.trim() {
            "" => None,
            t => match Period::parse(t) {
                Ok(period) => Some(period),
                Err(e) => {
                    p.push(problem(
                        "baseline_period",
                        super::updates::capital(&super::row::period_problem(e, t)),
                    ));
                    None
                }
            },
        };
        let number = |t: &str| {
            t.trim()
                .replace(',', "")
                .parse::<f64>()
                .ok()
                .filter(|v| v.is_finite())
        };
        let target = if [f.target_value, f.target_date, f.baseline_value]
            .iter()
            .all(|t| t.trim().is_empty())
        {
            None
        } else {
            let value = number(f.target_value);
            if value.is_none() {
                p.push(problem(
                    "target_value",
                    "Enter the target value as a number",
                ));
            }
            let base = number(f.baseline_value);
            if base.is_none() {
                p.push(problem(
                    "baseline_value",
                    "Enter the baseline value the target starts from",
                ));
            }
            let date = chrono::NaiveDate::parse_from_str(f.target_date.trim(), "%Y-%m-%d").ok();
            if date.is_none() {
                p.push(problem(
                    "target_date",
                    "Enter the target date as year-month-day, like 2028-03-31",
                ));
            }
            if baseline_period.is_none() && f.baseline_period.trim().is_empty() {
                p.push(problem(
                    "baseline_period",
                    "Enter the baseline period the target starts from",
                ));
            }
            match (value, base, date, baseline_period) {
                (Some(value), Some(baseline_value), Some(date), Some(bp)) => Some(TargetDetails {
                    baseline_period: bp,
                    baseline_value,
                    value,
                    date,
                    strategy: strategy.clone(),
                }),
                _ => None,
            }
        };
        match (priority, polarity, measure) {
            (Some(priority), Some(polarity), Some(measure)) if p.is_empty() => Ok(Definition {
                key,
                title,
                definition,
                priority,
                unit,
                decimals,
                polarity,
                measure,
                per,
                publisher,
                source_url,
                licence,
                frequency,
                caveats,
                fingertips,
                baseline_period,
                target,
            }),
            _ => Err(p),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form<'a>() -> DefinitionForm<'a> {
        DefinitionForm {
            key: "rough_sleepers",
            title: "People sleeping rough on a single night",
            definition: "The autumn count of people sleeping rough.",
            priority: "safer",
            unit: "people",
            decimals: "0",
            polarity: "low_good",
            measure: "other",
            publisher: "MHCLG, rough sleeping snapshot",
            frequency: "annual",
            ..DefinitionForm::default()
        }
    }

    #[test]
    fn a_local_measure_joins_the_framework() {
        let d = Definition::parse(&form(), true, |_| false).unwrap();
        assert_eq!(
            (d.priority, d.polarity, d.measure, d.per),
            (Priority::Safer, Polarity::LowGood, Measure::Other, 1.0)
        );
        assert_eq!(d.target, None);
        let with_target = DefinitionForm {
            baseline_period: "2023-04-01/P1Y",
            baseline_value: "24",
            target_value: "10",
            target_date: "2028-03-31",
            ..form()
        };
        let d = Definition::parse(&with_target, true, |_| false).unwrap();
        assert_eq!(d.target.unwrap().value, 10.0);
    }

    #[test]
    fn every_problem_is_named_by_field() {
        let f = DefinitionForm {
            key: "Rough Sleepers",
            title: "",
            measure: "rate",
            per: "0",
            target_value: "ten",
            ..form()
        };
        let p = Definition::parse(&f, true, |_| false).unwrap_err();
        let fields: Vec<_> = p.iter().map(|p| p.field).collect();
        assert_eq!(
            fields,
            [
                "key",
                "title",
                "per",
                "target_value",
                "baseline_value",
                "target_date",
                "baseline_period"
            ]
        );
        let taken = Definition::parse(&form(), true, |k| k == "rough_sleepers").unwrap_err();
        assert_eq!(
            taken[0].message,
            "An indicator already has the key \"rough_sleepers\""
        );
        // Changing one: its key is not checked again.
        assert!(Definition::parse(&form(), false, |_| true).is_ok());
    }
}
