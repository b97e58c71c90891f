//! A period as ISO 8601 writes it (`2023-04-01/P1Y`, `2025-10-01/2025-11-30`) and as people
//! read it ("2023/24"). Also the period labels OHID Fingertips exports ("2021/22",
//! "2019 - 21", "2022/23 Q1"), turned into the same intervals.

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Length {
    Years(u32),
    Months(u32),
    Days(u32),
    /// Up to and including this day.
    Until(NaiveDate),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Period {
    pub start: NaiveDate,
    pub length: Length,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeriodProblem {
    /// Not `start/duration` or `start/end`.
    NotInterval,
    BadStart,
    BadDuration,
    /// The end is before the start.
    EndsBeforeStart,
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn date(text: &str) -> Option<NaiveDate> {
    // `2023-04-01` or `2023-04-01T00:00:00` (ONS writes the time too).
    let day = text.split('T').next()?;
    NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()
}

fn duration(text: &str) -> Option<Length> {
    let rest = text.strip_prefix('P')?;
    let (number, unit) = rest.split_at(rest.len().checked_sub(1)?);
    let n: u32 = number.parse().ok().filter(|n| *n > 0)?;
    match unit {
        "Y" => Some(Length::Years(n)),
        "M" => Some(Length::Months(n)),
        "D" => Some(Length::Days(n)),
        "W" => Some(Length::Days(n * 7)),
        _ => None,
    }
}

impl Period {
    pub fn years(start_year: i32, month: u32, years: u32) -> Period {
        Period {
            start: NaiveDate::from_ymd_opt(start_year, month, 1).expect("a valid month"),
            length: Length::Years(years),
        }
    }

    /// Reads `2023-04-01/P1Y` or `2025-10-01/2025-11-30`.
    pub fn parse(text: &str) -> Result<Period, PeriodProblem> {
        let (start, rest) = text
            .trim()
            .split_once('/')
            .ok_or(PeriodProblem::NotInterval)?;
        let start = date(start).ok_or(PeriodProblem::BadStart)?;
        let length = if rest.starts_with('P') {
            duration(rest).ok_or(PeriodProblem::BadDuration)?
        } else {
            let end = date(rest).ok_or(PeriodProblem::BadDuration)?;
            if end < start {
                return Err(PeriodProblem::EndsBeforeStart);
            }
            Length::Until(end)
        };
        Ok(Period { start, length })
    }

    /// The last day of the period.
    pub fn end(&self) -> NaiveDate {
        let after = match self.length {
            Length::Years(n) => self.start.checked_add_months(Months::new(12 * n)),
            Length::Months(n) => self.start.checked_add_months(Months::new(n)),
            Length::Days(n) => self.start.checked_add_days(chrono::Days::new(n as u64)),
            Length::Until(end) => return end,
        };
        after.and_then(|d| d.pred_opt()).unwrap_or(NaiveDate::MAX)
    }

    /// A year long.
    pub fn is_annual(&self) -> bool {
        self.length == Length::Years(1)
    }

    /// The period a year on, of the same length.
    pub fn next_year(&self) -> Period {
        Period {
            start: self
                .start
                .checked_add_months(Months::new(12))
                .unwrap_or(self.start),
            length: self.length,
        }
    }

    /// ISO 8601, as stored and exported.
    pub fn iso(&self) -> String {
        let length = match self.length {
            Length::Years(n) => format!("P{n}Y"),
            Length::Months(n) => format!("P{n}M"),
            Length::Days(n) => format!("P{n}D"),
            Length::Until(end) => end.format("%Y-%m-%d").to_string(),
        };
        format!("{}/{length}", self.start.format("%Y-%m-%d"))
    }

    /// As people read it: "2023/24" (a financial year), "2023" (a calendar year),
    /// "2021 to 2023", "Apr to Jun 2023", "1 Oct 2025 to 30 Nov 2025".
    pub fn label(&self) -> String {
        let (y, m, d) = (self.start.year(), self.start.month(), self.start.day());
        let end = self.end();
        let month = |date: NaiveDate| MONTHS[date.month0() as usize];
        match self.length {
            Length::Years(1) if d == 1 && m == 1 => format!("{y}"),
            Length::Years(1) if d == 1 && m == 4 => format!("{y}/{:02}", (y + 1) % 100),
            Length::Years(n) if d == 1 && m == 1 => format!("{y} to {}", y + n as i32 - 1),
            Length::Years(_) if d == 1 && m == 4 => {
                format!(
                    "{y}/{:02} to {}/{:02}",
                    (y + 1) % 100,
                    end.year() - 1,
                    end.year() % 100
                )
            }
            Length::Months(1) if d == 1 => format!("{} {y}", month(self.start)),
            Length::Months(_) if d == 1 && end.year() == y => {
                format!("{} to {} {y}", month(self.start), month(end))
            }
            _ => format!(
                "{} {} {} to {} {} {}",
                d,
                month(self.start),
                y,
                end.day(),
                month(end),
                end.year()
            ),
        }
    }

    /// A period label as OHID Fingertips exports it: `2021/22` (financial year), `2022`
    /// (calendar year), `2019 - 21` (three calendar years), `2020/21 - 22/23` (three
    /// financial years), `2022/23 Q1` (a quarter of a financial year).
    pub fn from_fingertips(text: &str) -> Option<Period> {
        let text = text.trim();
        let year = |s: &str| -> Option<i32> {
            let s = s.trim();
            (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
        };
        let financial = |s: &str| -> Option<i32> {
            let (a, b) = s.trim().split_once('/')?;
            let a = year(a)?;
            let b: i32 = b.trim().parse().ok()?;
            (b == (a + 1) % 100).then_some(a)
        };
        if let Some((head, quarter)) = text.split_once(" Q") {
            let a = financial(head)?;
            let q: u32 = quarter
                .trim()
                .parse()
                .ok()
                .filter(|q| (1..=4).contains(q))?;
            let start =
                NaiveDate::from_ymd_opt(a, 4, 1)?.checked_add_months(Months::new(3 * (q - 1)))?;
            return Some(Period {
                start,
                length: Length::Months(3),
            });
        }
        if let Some((a, b)) = text.split_once(" - ") {
            if let Some(first) = financial(a) {
                // `2020/21 - 22/23`: the last year's first part, in two digits.
                let (last, _) = b.trim().split_once('/')?;
                let last: i32 = last.parse().ok()?;
                let last = first - first % 100 + last + if last < first % 100 { 100 } else { 0 };
                let years = u32::try_from(last - first + 1).ok().filter(|n| *n > 0)?;
                return Some(Period::years(first, 4, years));
            }
            let first = year(a)?;
            let last: i32 = b.trim().parse().ok()?;
            let last = if last < 100 {
                first - first % 100 + last
            } else {
                last
            };
            let years = u32::try_from(last - first + 1).ok().filter(|n| *n > 0)?;
            return Some(Period::years(first, 1, years));
        }
        if let Some(a) = financial(text) {
            return Some(Period::years(a, 4, 1));
        }
        year(text).map(|y| Period::years(y, 1, 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> Period {
        Period::parse(text).unwrap()
    }

    #[test]
    fn reads_and_writes_iso_intervals() {
        assert_eq!(p("2023-04-01/P1Y").iso(), "2023-04-01/P1Y");
        assert_eq!(p("2023-04-01T00:00:00/P1Y").iso(), "2023-04-01/P1Y");
        assert_eq!(p("2025-10-01/2025-11-30").iso(), "2025-10-01/2025-11-30");
        assert_eq!(
            p("2023-04-01/P1Y").end(),
            NaiveDate::from_ymd_opt(2024, 3, 31).unwrap()
        );
        assert_eq!(Period::parse("2023"), Err(PeriodProblem::NotInterval));
        assert_eq!(
            Period::parse("2023-13-01/P1Y"),
            Err(PeriodProblem::BadStart)
        );
        assert_eq!(
            Period::parse("2023-04-01/P0Y"),
            Err(PeriodProblem::BadDuration)
        );
        assert_eq!(
            Period::parse("2023-04-01/1Y"),
            Err(PeriodProblem::BadDuration)
        );
        assert_eq!(
            Period::parse("2023-04-01/2023-03-01"),
            Err(PeriodProblem::EndsBeforeStart)
        );
    }

    #[test]
    fn labels_read_as_people_say_them() {
        assert_eq!(p("2023-04-01/P1Y").label(), "2023/24");
        assert_eq!(p("1999-04-01/P1Y").label(), "1999/00");
        assert_eq!(p("2023-01-01/P1Y").label(), "2023");
        assert_eq!(p("2021-01-01/P3Y").label(), "2021 to 2023");
        assert_eq!(p("2020-04-01/P3Y").label(), "2020/21 to 2022/23");
        assert_eq!(p("2023-04-01/P3M").label(), "Apr to Jun 2023");
        assert_eq!(p("2023-05-01/P1M").label(), "May 2023");
        assert_eq!(
            p("2025-10-01/2025-11-30").label(),
            "1 Oct 2025 to 30 Nov 2025"
        );
    }

    #[test]
    fn reads_fingertips_periods() {
        let f = |t| Period::from_fingertips(t).map(|p| p.iso());
        assert_eq!(f("2021/22").as_deref(), Some("2021-04-01/P1Y"));
        assert_eq!(f("2022").as_deref(), Some("2022-01-01/P1Y"));
        assert_eq!(f("2019 - 21").as_deref(), Some("2019-01-01/P3Y"));
        assert_eq!(f("2020/21 - 22/23").as_deref(), Some("2020-04-01/P3Y"));
        assert_eq!(f("2022/23 Q2").as_deref(), Some("2022-07-01/P3M"));
        assert_eq!(f("2021/23"), None);
        assert_eq!(f("last year"), None);
    }

    #[test]
    fn a_year_on_is_the_next_annual_period() {
        assert_eq!(p("2023-04-01/P1Y").next_year(), p("2024-04-01/P1Y"));
        assert!(p("2023-04-01/P1Y").is_annual());
        assert!(!p("2021-01-01/P3Y").is_annual());
    }
}
