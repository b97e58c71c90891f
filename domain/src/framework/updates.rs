//! "You said, we did": what residents told the council, what it did, and what changed,
//! with a status, linked to priorities, indicators and wards.

use serde::{Deserialize, Serialize};

use super::Priority;
use crate::groups::Problem;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UpdateStatus {
    Planned,
    InProgress,
    Done,
}

impl UpdateStatus {
    pub const ALL: [UpdateStatus; 3] = [Self::Planned, Self::InProgress, Self::Done];
    pub fn key(self) -> &'static str {
        match self {
            Self::Planned => "planned",
            Self::InProgress => "in_progress",
            Self::Done => "done",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Self::Planned => "Planned",
            Self::InProgress => "In progress",
            Self::Done => "Done",
        }
    }
    pub fn parse(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.key() == key)
    }
}

pub const TITLE_MAX: usize = 120;
pub const TEXT_MAX: usize = 2000;

/// The update form as typed.
#[derive(Clone, Debug, Default)]
pub struct UpdateForm<'a> {
    pub title: &'a str,
    pub said: &'a str,
    pub did: &'a str,
    pub changed: &'a str,
    pub status: &'a str,
    pub priorities: Vec<&'a str>,
    pub indicators: Vec<&'a str>,
    pub wards: Vec<&'a str>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UpdateDetails {
    pub title: String,
    pub said: String,
    pub did: String,
    pub changed: String,
    pub status: UpdateStatus,
    pub priorities: Vec<Priority>,
    pub indicators: Vec<String>,
    pub wards: Vec<String>,
}

fn problem(field: &'static str, message: impl Into<String>) -> Problem {
    Problem {
        field,
        message: message.into(),
    }
}

impl UpdateDetails {
    /// Checks the form; `indicator_known` and `ward_known` say which keys exist.
    pub fn parse(
        f: &UpdateForm,
        indicator_known: impl Fn(&str) -> bool,
        ward_known: impl Fn(&str) -> bool,
    ) -> Result<UpdateDetails, Vec<Problem>> {
        let mut problems = Vec::new();
        let text = |problems: &mut Vec<Problem>, field, v: &str, what: &str, max, required| {
            let v = v.trim();
            if v.is_empty() && required {
                problems.push(problem(field, format!("Enter {what}")));
            } else if v.chars().count() > max {
                problems.push(problem(
                    field,
                    format!("{} must be {max} characters or fewer", capital(what)),
                ));
            }
            v.to_string()
        };
        let title = text(&mut problems, "title", f.title, "a title", TITLE_MAX, true);
        let said = text(
            &mut problems,
            "said",
            f.said,
            "what people said",
            TEXT_MAX,
            true,
        );
        let did = text(
            &mut problems,
            "did",
            f.did,
            "what the council did",
            TEXT_MAX,
            true,
        );
        let changed = text(
            &mut problems,
            "changed",
            f.changed,
            "what changed",
            TEXT_MAX,
            false,
        );
        let status = UpdateStatus::parse(f.status);
        if status.is_none() {
            problems.push(problem(
                "status",
                "Select whether this is planned, in progress or done",
            ));
        }
        let priorities: Vec<Priority> = f
            .priorities
            .iter()
            .filter_map(|p| Priority::parse(p))
            .collect();
        if priorities.is_empty() {
            problems.push(problem(
                "priorities",
                "Select at least one priority this update is about",
            ));
        }
        let indicators: Vec<String> = f
            .indicators
            .iter()
            .filter(|k| !k.is_empty())
            .map(|k| k.to_string())
            .collect();
        if let Some(k) = indicators.iter().find(|k| !indicator_known(k)) {
            problems.push(problem(
                "indicators",
                format!("There is no indicator \"{k}\""),
            ));
        }
        let wards: Vec<String> = f
            .wards
            .iter()
            .filter(|k| !k.is_empty())
            .map(|k| k.to_string())
            .collect();
        if let Some(k) = wards.iter().find(|k| !ward_known(k)) {
            problems.push(problem("wards", format!("There is no ward \"{k}\"")));
        }
        match status {
            Some(status) if problems.is_empty() => Ok(UpdateDetails {
                title,
                said,
                did,
                changed,
                status,
                priorities,
                indicators,
                wards,
            }),
            _ => Err(problems),
        }
    }
}

/// The text with its first letter a capital (problems read as sentences).
pub fn capital(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form<'a>() -> UpdateForm<'a> {
        UpdateForm {
            title: "More street cleaning in Tunstall",
            said: "Residents told us the high street is not clean.",
            did: "We added a second weekly sweep.",
            changed: "",
            status: "in_progress",
            priorities: vec!["cleaner"],
            indicators: vec!["place_clean_agree"],
            wards: vec!["E05000001"],
        }
    }

    #[test]
    fn a_complete_update() {
        let d = UpdateDetails::parse(&form(), |_| true, |_| true).unwrap();
        assert_eq!(d.status, UpdateStatus::InProgress);
        assert_eq!(d.priorities, vec![Priority::Cleaner]);
    }

    #[test]
    fn every_problem_is_named_by_field() {
        let f = UpdateForm {
            title: "",
            said: &"x".repeat(TEXT_MAX + 1),
            status: "finished",
            priorities: vec![],
            ..form()
        };
        let p = UpdateDetails::parse(&f, |_| false, |_| true).unwrap_err();
        let fields: Vec<_> = p.iter().map(|p| p.field).collect();
        assert_eq!(
            fields,
            ["title", "said", "status", "priorities", "indicators"]
        );
        assert_eq!(p[0].message, "Enter a title");
        assert_eq!(
            p[1].message,
            "What people said must be 2000 characters or fewer"
        );
    }
}
