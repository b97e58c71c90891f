//! Community groups and their events: what a group's details and an event's details must
//! be, and an event's times in the council's own time zone. Every problem names its field,
//! so that forms can show it beside the field and in the error summary.

use chrono::{Datelike, NaiveDate, NaiveTime, TimeZone, Timelike};
use chrono_tz::Europe::London;

use crate::accounts::EmailAddress;

/// One problem with a form: the field it belongs to and what to do about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub field: &'static str,
    pub message: String,
}

fn problem(field: &'static str, message: impl Into<String>) -> Problem {
    Problem {
        field,
        message: message.into(),
    }
}

/// Trimmed text of 1 to `max` characters, or the problem with it.
fn required(field: &'static str, text: &str, what: &str, max: usize) -> Result<String, Problem> {
    let t = text.trim();
    if t.is_empty() {
        Err(problem(field, format!("Enter {what}")))
    } else if t.chars().count() > max {
        Err(problem(
            field,
            format!("{} must be {max} characters or fewer", capitalise(what)),
        ))
    } else {
        Ok(t.to_string())
    }
}

fn optional(field: &'static str, text: &str, what: &str, max: usize) -> Result<String, Problem> {
    let t = text.trim();
    if t.chars().count() > max {
        Err(problem(
            field,
            format!("{} must be {max} characters or fewer", capitalise(what)),
        ))
    } else {
        Ok(t.to_string())
    }
}

/// "the group's name" to "The group's name", for the start of a message.
fn capitalise(what: &str) -> String {
    let what = what.strip_prefix("a ").unwrap_or(what);
    let what = what.strip_prefix("an ").unwrap_or(what);
    let what = what
        .strip_prefix("the ")
        .map_or_else(|| what.to_string(), |w| format!("the {w}"));
    let mut c = what.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// A group as an administrator describes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupDetails {
    pub name: String,
    pub description: String,
    pub contact_email: EmailAddress,
    /// Empty when the group gave none.
    pub contact_phone: String,
    /// The wards it works in (their ids), at least one.
    pub wards: Vec<i32>,
}

/// What an administrator typed for a group.
pub struct GroupForm<'a> {
    pub name: &'a str,
    pub description: &'a str,
    pub contact_email: &'a str,
    pub contact_phone: &'a str,
    pub wards: &'a [i32],
}

impl GroupDetails {
    pub fn parse(form: &GroupForm) -> Result<GroupDetails, Vec<Problem>> {
        let mut problems = Vec::new();
        let mut take = |r: Result<String, Problem>| r.map_err(|p| problems.push(p)).ok();
        let name = take(required("name", form.name, "the group's name", 100));
        let description = take(optional(
            "description",
            form.description,
            "the description",
            1000,
        ));
        let contact_phone = take(phone(form.contact_phone));
        let contact_email = match EmailAddress::parse(form.contact_email) {
            Ok(e) => Some(e),
            Err(crate::accounts::EmailProblem::Missing) => {
                problems.push(problem(
                    "contact_email",
                    "Enter an email address the council can reach the group at",
                ));
                None
            }
            Err(_) => {
                problems.push(problem(
                    "contact_email",
                    "Enter an email address in the correct format, like name@example.org",
                ));
                None
            }
        };
        if form.wards.is_empty() {
            problems.push(problem(
                "wards",
                "Select at least one ward the group works in",
            ));
        }
        match (name, description, contact_email, contact_phone) {
            (Some(name), Some(description), Some(contact_email), Some(contact_phone))
                if problems.is_empty() =>
            {
                let mut wards = form.wards.to_vec();
                wards.sort_unstable();
                wards.dedup();
                Ok(GroupDetails {
                    name,
                    description,
                    contact_email,
                    contact_phone,
                    wards,
                })
            }
            _ => Err(problems),
        }
    }
}

/// A UK phone number as people write it: digits, spaces, brackets, a leading +.
fn phone(text: &str) -> Result<String, Problem> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(String::new());
    }
    let digits = t.chars().filter(char::is_ascii_digit).count();
    let shape = t
        .chars()
        .enumerate()
        .all(|(i, c)| c.is_ascii_digit() || " ()-".contains(c) || (c == '+' && i == 0));
    if shape && (10..=15).contains(&digits) {
        Ok(t.to_string())
    } else {
        Err(problem(
            "contact_phone",
            "Enter a phone number, like 01782 234567 or +44 1782 234567",
        ))
    }
}

/// An event as an organiser plans it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventDetails {
    pub title: String,
    pub description: String,
    pub place: String,
    pub ward: i32,
    pub times: EventTimes,
    /// The open survey waves the event collects answers for (ids), at least one.
    pub waves: Vec<i32>,
    /// Listed on the public events page.
    pub public: bool,
}

/// What an organiser typed for an event. The date is in three fields (the GOV.UK date
/// pattern, which works in every browser with or without script).
pub struct EventForm<'a> {
    pub title: &'a str,
    pub description: &'a str,
    pub place: &'a str,
    pub ward: Option<i32>,
    pub day: &'a str,
    pub month: &'a str,
    pub year: &'a str,
    pub starts: &'a str,
    pub ends: &'a str,
    pub waves: &'a [i32],
    /// "yes" or "no"; anything else is unanswered.
    pub public: &'a str,
}

impl EventDetails {
    /// Checks every field; `today` is the council's date, and an event cannot be planned
    /// for a day already gone.
    pub fn parse(form: &EventForm, today: NaiveDate) -> Result<EventDetails, Vec<Problem>> {
        let mut problems = Vec::new();
        let mut take = |r: Result<String, Problem>| r.map_err(|p| problems.push(p)).ok();
        let title = take(required("title", form.title, "the event's title", 120));
        let description = take(optional(
            "description",
            form.description,
            "the description",
            1000,
        ));
        let place = take(required(
            "place",
            form.place,
            "where the event is, like a building and street",
            200,
        ));
        let date = parse_date(form.day, form.month, form.year)
            .and_then(|d| {
                if d < today {
                    Err(problem(
                        "day",
                        "The date of the event must be today or in the future",
                    ))
                } else {
                    Ok(d)
                }
            })
            .map_err(|p| problems.push(p))
            .ok();
        let starts = parse_time("starts", form.starts, "when the event starts")
            .map_err(|p| problems.push(p))
            .ok();
        let ends = parse_time("ends", form.ends, "when the event ends")
            .map_err(|p| problems.push(p))
            .ok();
        if let (Some(s), Some(e)) = (starts, ends) {
            if e <= s {
                problems.push(problem("ends", "The end time must be after the start time"));
            }
        }
        if form.ward.is_none() {
            problems.push(problem("ward", "Select the ward the event is in"));
        }
        if form.waves.is_empty() {
            problems.push(problem(
                "waves",
                "Select at least one survey the event collects answers for",
            ));
        }
        let public = match form.public {
            "yes" => Some(true),
            "no" => Some(false),
            _ => {
                problems.push(problem(
                    "public",
                    "Select whether the event is listed on the public events page",
                ));
                None
            }
        };
        if !problems.is_empty() {
            return Err(problems);
        }
        let (Some(title), Some(description), Some(place), Some(date), Some(s), Some(e)) =
            (title, description, place, date, starts, ends)
        else {
            return Err(problems);
        };
        let times = EventTimes::local(date, s, e).ok_or_else(|| {
            vec![problem(
                "starts",
                "That time does not exist on that day (the clocks change): choose another",
            )]
        })?;
        let mut waves = form.waves.to_vec();
        waves.sort_unstable();
        waves.dedup();
        Ok(EventDetails {
            title,
            description,
            place,
            ward: form.ward.unwrap_or_default(),
            times,
            waves,
            public: public.unwrap_or(false),
        })
    }
}

fn parse_date(day: &str, month: &str, year: &str) -> Result<NaiveDate, Problem> {
    let (d, m, y) = (day.trim(), month.trim(), year.trim());
    if d.is_empty() && m.is_empty() && y.is_empty() {
        return Err(problem("day", "Enter the date of the event"));
    }
    let missing: Vec<&str> = [("a day", d), ("a month", m), ("a year", y)]
        .into_iter()
        .filter(|(_, v)| v.is_empty())
        .map(|(w, _)| w)
        .collect();
    if !missing.is_empty() {
        let field = if d.is_empty() {
            "day"
        } else if m.is_empty() {
            "month"
        } else {
            "year"
        };
        return Err(problem(
            field,
            format!(
                "The date of the event must include {}",
                missing.join(" and ")
            ),
        ));
    }
    let month_number = m.parse::<u32>().ok().or_else(|| month_by_name(m));
    let date = match (d.parse::<u32>(), month_number, y.parse::<i32>()) {
        (Ok(d), Some(m), Ok(y)) if (1000..=9999).contains(&y) => NaiveDate::from_ymd_opt(y, m, d),
        _ => None,
    };
    date.ok_or_else(|| {
        problem(
            "day",
            "The date of the event must be a real date, like 5 12 2026",
        )
    })
}

/// "Dec", "december" and the like, as the GOV.UK pattern accepts.
fn month_by_name(m: &str) -> Option<u32> {
    const NAMES: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let m = m.to_lowercase();
    (m.len() >= 3)
        .then(|| NAMES.iter().position(|n| m.starts_with(n)))
        .flatten()
        .map(|i| i as u32 + 1)
}

/// "10:00", "10.30", "9:15", "14:00", "2pm", "2:30pm": the forms people write times in.
pub fn parse_time(field: &'static str, text: &str, what: &str) -> Result<NaiveTime, Problem> {
    let t = text.trim().to_lowercase().replace(' ', "");
    if t.is_empty() {
        return Err(problem(field, format!("Enter {what}")));
    }
    let (body, offset) = if let Some(b) = t.strip_suffix("pm") {
        (b, Some(12))
    } else if let Some(b) = t.strip_suffix("am") {
        (b, Some(0))
    } else {
        (t.as_str(), None)
    };
    let (h, m) = match body.split_once([':', '.']) {
        Some((h, m)) if m.len() == 2 => (h.parse::<u32>().ok(), m.parse::<u32>().ok()),
        Some(_) => (None, None),
        None => (body.parse::<u32>().ok(), Some(0)),
    };
    let hour = match (h, offset) {
        (Some(h), Some(o)) if (1..=12).contains(&h) => Some(h % 12 + o),
        (Some(h), None) if h < 24 => Some(h),
        _ => None,
    };
    match (hour, m) {
        (Some(h), Some(m)) => NaiveTime::from_hms_opt(h, m, 0),
        _ => None,
    }
    .ok_or_else(|| {
        problem(
            field,
            format!("Enter {what} as a time, like 10:00 or 14:30"),
        )
    })
}

/// When an event starts and ends, as Unix seconds. Events happen on one day in the
/// council's own time (Europe/London), whatever the server's clock is set to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EventTimes {
    pub starts_at: i64,
    pub ends_at: i64,
}

impl EventTimes {
    /// None when a time falls in the hour the clocks skip in spring.
    pub fn local(date: NaiveDate, starts: NaiveTime, ends: NaiveTime) -> Option<EventTimes> {
        let at = |t: NaiveTime| {
            London
                .from_local_datetime(&date.and_time(t))
                .earliest()
                .map(|d| d.timestamp())
        };
        Some(EventTimes {
            starts_at: at(starts)?,
            ends_at: at(ends)?,
        })
    }

    /// "Saturday 5 December 2026, 10am to 12:30pm", in the council's time.
    pub fn describe(&self) -> String {
        format!("{}, {}", self.day(), self.hours())
    }

    /// "Saturday 5 December 2026": the event's day, for a listing grouped by day.
    pub fn day(&self) -> String {
        local(self.starts_at)
            .map(|s| {
                format!(
                    "{} {} {} {}",
                    s.format("%A"),
                    s.day(),
                    s.format("%B"),
                    s.year()
                )
            })
            .unwrap_or_default()
    }

    /// "10am to 12:30pm".
    pub fn hours(&self) -> String {
        match (local(self.starts_at), local(self.ends_at)) {
            (Some(s), Some(e)) => format!("{} to {}", clock(s.time()), clock(e.time())),
            _ => String::new(),
        }
    }

    /// Whether the event is over at `now` (Unix seconds).
    pub fn is_over(&self, now: i64) -> bool {
        now >= self.ends_at
    }

    /// Whether volunteers may enter answers at `now`: from an hour before the event (to set
    /// up) until a day after it ends (to finish typing up that evening). After that the
    /// event is closed and its entries are final.
    pub fn takes_entries(&self, now: i64) -> bool {
        now >= self.starts_at - ENTRY_LEAD_SECONDS && now < self.ends_at + ENTRY_GRACE_SECONDS
    }
}

/// How long before an event starts its volunteers may enter answers.
pub const ENTRY_LEAD_SECONDS: i64 = 3600;
/// How long after an event ends its volunteers may still enter answers.
pub const ENTRY_GRACE_SECONDS: i64 = 86_400;

fn local(unix: i64) -> Option<chrono::NaiveDateTime> {
    chrono::DateTime::from_timestamp(unix, 0).map(|u| u.with_timezone(&London).naive_local())
}

/// The council's date at `now` (Unix seconds).
pub fn local_date(now: i64) -> NaiveDate {
    local(now).map(|d| d.date()).unwrap_or_default()
}

/// "10am", "12:30pm", "midday": times as GOV.UK writes them.
pub fn clock(t: NaiveTime) -> String {
    let (h, m) = (t.hour(), t.minute());
    if (h, m) == (12, 0) {
        return "midday".into();
    }
    if (h, m) == (0, 0) {
        return "midnight".into();
    }
    let suffix = if h < 12 { "am" } else { "pm" };
    let h12 = if h % 12 == 0 { 12 } else { h % 12 };
    if m == 0 {
        format!("{h12}{suffix}")
    } else {
        format!("{h12}:{m:02}{suffix}")
    }
}

/// The form's fields back from stored times: (day, month, year, starts, ends).
pub fn form_fields(times: &EventTimes) -> Option<(String, String, String, String, String)> {
    let (s, e) = (local(times.starts_at)?, local(times.ends_at)?);
    Some((
        s.day().to_string(),
        s.month().to_string(),
        s.year().to_string(),
        s.format("%H:%M").to_string(),
        e.format("%H:%M").to_string(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event<'a>(day: &'a str, starts: &'a str, ends: &'a str, waves: &'a [i32]) -> EventForm<'a> {
        EventForm {
            title: "Coffee morning",
            description: "",
            place: "Fenton Community Centre, Glebedale Road",
            ward: Some(3),
            day,
            month: "12",
            year: "2026",
            starts,
            ends,
            waves,
            public: "yes",
        }
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
    }

    #[test]
    fn an_event_in_winter_is_stored_in_utc_and_described_in_local_time() {
        let e = EventDetails::parse(&event("5", "10:00", "12.30", &[2, 1, 2]), today()).unwrap();
        // GMT in December: local time is UTC.
        assert_eq!(e.times.starts_at, 1_796_464_800);
        assert_eq!(
            e.times.describe(),
            "Saturday 5 December 2026, 10am to 12:30pm"
        );
        assert_eq!(e.waves, vec![1, 2]);
        assert!(e.public);
    }

    #[test]
    fn summer_time_moves_the_utc_hour() {
        let d = NaiveDate::from_ymd_opt(2027, 7, 1).unwrap();
        let t = EventTimes::local(
            d,
            NaiveTime::from_hms_opt(18, 0, 0).unwrap(),
            NaiveTime::from_hms_opt(20, 0, 0).unwrap(),
        )
        .unwrap();
        // 18:00 BST is 17:00 UTC.
        assert_eq!(t.starts_at % 86_400, 17 * 3600);
        assert_eq!(t.describe(), "Thursday 1 July 2027, 6pm to 8pm");
        // The hour skipped when the clocks go forward does not exist.
        let spring = NaiveDate::from_ymd_opt(2027, 3, 28).unwrap();
        assert!(EventTimes::local(
            spring,
            NaiveTime::from_hms_opt(1, 30, 0).unwrap(),
            NaiveTime::from_hms_opt(3, 0, 0).unwrap()
        )
        .is_none());
    }

    #[test]
    fn times_are_read_as_people_write_them() {
        let t =
            |s: &str| parse_time("starts", s, "the time").map(|t| t.format("%H:%M").to_string());
        assert_eq!(t("10:00").unwrap(), "10:00");
        assert_eq!(t("9.15").unwrap(), "09:15");
        assert_eq!(t("2pm").unwrap(), "14:00");
        assert_eq!(t("2:30 PM").unwrap(), "14:30");
        assert_eq!(t("12am").unwrap(), "00:00");
        assert_eq!(t("12pm").unwrap(), "12:00");
        assert_eq!(t("14").unwrap(), "14:00");
        for bad in ["25:00", "10:60", "13pm", "10:5", "noon", "0pm"] {
            assert!(t(bad).is_err(), "{bad}");
        }
        assert_eq!(t("").unwrap_err().message, "Enter the time",);
    }

    #[test]
    fn every_problem_is_named_by_its_field() {
        let form = EventForm {
            title: " ",
            description: "",
            place: "",
            ward: None,
            day: "31",
            month: "2",
            year: "2027",
            starts: "11:00",
            ends: "10:00",
            waves: &[],
            public: "",
        };
        let problems = EventDetails::parse(&form, today()).unwrap_err();
        let fields: Vec<&str> = problems.iter().map(|p| p.field).collect();
        assert_eq!(
            fields,
            vec!["title", "place", "day", "ends", "ward", "waves", "public"]
        );
        assert_eq!(problems[0].message, "Enter the event's title");
        assert_eq!(
            problems[2].message,
            "The date of the event must be a real date, like 5 12 2026"
        );
    }

    #[test]
    fn dates_take_month_names_and_refuse_the_past() {
        let mut f = event("5", "10:00", "11:00", &[1]);
        f.month = "Dec";
        assert!(EventDetails::parse(&f, today()).is_ok());
        f.month = "";
        f.year = "";
        assert_eq!(
            EventDetails::parse(&f, today()).unwrap_err()[0].message,
            "The date of the event must include a month and a year"
        );
        let past = EventForm {
            month: "11",
            day: "23",
            ..event("23", "10:00", "11:00", &[1])
        };
        assert_eq!(
            EventDetails::parse(&past, today()).unwrap_err()[0].message,
            "The date of the event must be today or in the future"
        );
    }

    #[test]
    fn groups_need_a_name_an_address_and_a_ward() {
        let f = GroupForm {
            name: "",
            description: "",
            contact_email: "not an address",
            contact_phone: "call us",
            wards: &[],
        };
        let fields: Vec<&str> = GroupDetails::parse(&f)
            .unwrap_err()
            .iter()
            .map(|p| p.field)
            .collect();
        assert_eq!(
            fields,
            vec!["name", "contact_phone", "contact_email", "wards"]
        );
        let ok = GroupForm {
            name: " Fenton Friends ",
            description: "Coffee and company",
            contact_email: "Hello@FentonFriends.org.uk",
            contact_phone: "01782 234567",
            wards: &[4, 2, 4],
        };
        let g = GroupDetails::parse(&ok).unwrap();
        assert_eq!(g.name, "Fenton Friends");
        assert_eq!(g.contact_email.as_str(), "hello@fentonfriends.org.uk");
        assert_eq!(g.wards, vec![2, 4]);
    }

    #[test]
    fn entries_are_taken_from_an_hour_before_until_a_day_after() {
        let t = EventTimes {
            starts_at: 10_000,
            ends_at: 20_000,
        };
        assert!(!t.takes_entries(10_000 - 3601));
        assert!(t.takes_entries(10_000 - 3600));
        assert!(t.takes_entries(20_000 + 86_399));
        assert!(!t.takes_entries(20_000 + 86_400));
    }

    #[test]
    fn clock_times_read_as_gov_uk_writes_them() {
        let t = |h, m| clock(NaiveTime::from_hms_opt(h, m, 0).unwrap());
        assert_eq!(t(12, 0), "midday");
        assert_eq!(t(0, 0), "midnight");
        assert_eq!(t(9, 5), "9:05am");
        assert_eq!(t(17, 0), "5pm");
    }
}

/// The number written on a paper form, as a volunteer types it: a whole number from 1 to
/// 99,999, or the message saying what is wrong.
pub fn parse_sheet(raw: &str) -> Result<i32, &'static str> {
    let t = raw.trim();
    if t.is_empty() {
        return Err("Enter the number written on the sheet");
    }
    match t.parse::<i64>() {
        Ok(n) if (1..=99_999).contains(&n) => Ok(n as i32),
        Ok(_) => Err("The sheet's number must be between 1 and 99999"),
        Err(_) => Err("The sheet's number must be a whole number, like 12"),
    }
}

#[cfg(test)]
mod sheet_tests {
    use super::parse_sheet;

    #[test]
    fn a_sheet_number_is_a_whole_number_from_1() {
        assert_eq!(parse_sheet(" 12 "), Ok(12));
        assert_eq!(parse_sheet("99999"), Ok(99_999));
        assert!(parse_sheet("").is_err());
        assert!(parse_sheet("0").is_err());
        assert!(parse_sheet("100000").is_err());
        assert!(parse_sheet("12a").is_err());
        assert!(parse_sheet("-3").is_err());
    }
}
