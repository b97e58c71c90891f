//! Bulk import of responses (paper forms, group sessions, other systems) from CSV:
//! `response_id,area,age_band,sex` then one column per question key. Every row is checked
//! first and the file goes in whole or not at all; rows whose `response_id` the wave already
//! has are skipped, so importing the same file twice adds nothing.

use std::collections::HashSet;
use std::io::Read;

use domain::answers::{validate_question, ValidAnswers};
use domain::survey::{AREA_DONT_KNOW, AREA_PREFER_NOT};
use domain::{AnswerValue, QuestionKind};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect,
    TransactionTrait,
};

use crate::areas::AreaDirectory;
use crate::entity::response;
use crate::import::{headers, ImportError, RowError};
use crate::surveys::SurveyRecord;

pub const FIXED_COLUMNS: [&str; 4] = ["response_id", "area", "age_band", "sex"];
/// The channels an import may record, by key.
pub fn importable_channels() -> Vec<&'static str> {
    domain::Channel::IMPORTABLE
        .iter()
        .map(|c| c.key())
        .collect()
}
const MAX_ID_LEN: usize = 100;

#[derive(Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub rows: usize,
    pub added: usize,
    pub already_present: usize,
}

struct Column {
    index: usize,
    question: domain::Question,
}

/// How a file's rows are taken in.
#[derive(Clone, Copy, Debug)]
pub struct ImportAs<'a> {
    /// How the answers were gathered (`paper`, `phone`, ...).
    pub channel: &'a str,
    /// Check only: store nothing.
    pub dry_run: bool,
    /// The date the rows are recorded as received.
    pub today: chrono::NaiveDate,
}

/// Checks a file against a survey and, unless `dry_run`, stores its new rows in the wave.
pub async fn import(
    db: &DatabaseConnection,
    survey: &SurveyRecord,
    wave_id: i32,
    areas: &AreaDirectory,
    how: ImportAs<'_>,
    input: impl Read,
) -> Result<ImportReport, ImportError> {
    let ImportAs {
        channel,
        dry_run,
        today,
    } = how;
    if !domain::Channel::parse(channel).is_some_and(|c| domain::Channel::IMPORTABLE.contains(&c)) {
        return Err(ImportError::File(format!(
            "the channel must be one of {}",
            importable_channels().join(", ")
        )));
    }
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(input);
    let head = headers(&mut reader)?;
    let position = |name: &str| head.iter().position(|h| h == name);
    let id_col = position("response_id").ok_or_else(|| {
        ImportError::File(format!(
            "no response_id column: the header starts {}",
            FIXED_COLUMNS.join(",")
        ))
    })?;
    for fixed in &FIXED_COLUMNS[1..] {
        if position(fixed).is_none() {
            return Err(ImportError::File(format!(
                "no {fixed} column: the header starts {}",
                FIXED_COLUMNS.join(",")
            )));
        }
    }
    let mut columns = Vec::new();
    for (index, name) in head.iter().enumerate() {
        if index == id_col {
            continue;
        }
        let Some(q) = survey.definition.question(name) else {
            return Err(ImportError::File(format!(
                "column {name} is not a question of the {} survey",
                survey.about.key
            )));
        };
        // In bulk data a blank is no answer, whatever the online form insists on.
        let mut question = q.clone();
        question.required = false;
        columns.push(Column { index, question });
    }

    let existing: HashSet<String> = response::Entity::find()
        .select_only()
        .column(response::Column::ExternalId)
        .filter(response::Column::WaveId.eq(wave_id))
        .into_tuple::<String>()
        .all(db)
        .await?
        .into_iter()
        .collect();

    let mut errors = Vec::new();
    let mut seen = HashSet::new();
    let mut rows = Vec::new();
    let mut report = ImportReport::default();
    for (i, record) in reader.records().enumerate() {
        let line = i + 2;
        let record = record.map_err(|e| ImportError::File(format!("line {line}: {e}")))?;
        report.rows += 1;
        let id = record.get(id_col).unwrap_or("").to_string();
        if id.is_empty() || id.len() > MAX_ID_LEN {
            errors.push(RowError {
                line,
                column: "response_id".into(),
                reason: format!("a response_id is 1 to {MAX_ID_LEN} characters"),
            });
        } else if !seen.insert(id.clone()) {
            errors.push(RowError {
                line,
                column: "response_id".into(),
                reason: format!("{id} appears more than once in the file"),
            });
        }
        let mut answers = ValidAnswers::new();
        for c in &columns {
            let mut raw = record.get(c.index).unwrap_or("").to_string();
            if c.question.kind == QuestionKind::Area {
                // Bulk files may name the ward rather than give its code.
                if let Some(w) = areas.ward_by_code_or_name(&raw) {
                    raw = w.code.clone();
                }
            }
            match validate_question(&c.question, Some(&raw), &|code| areas.is_ward(code)) {
                Ok(Some(v)) => {
                    answers.insert(c.question.key.clone(), v);
                }
                Ok(None) => {}
                Err(_) => errors.push(RowError {
                    line,
                    column: c.question.key.clone(),
                    reason: bad_value_reason(&c.question, &raw),
                }),
            }
        }
        if existing.contains(&id) {
            report.already_present += 1;
            continue;
        }
        rows.push(response_row(wave_id, &id, answers, areas, channel, today));
    }
    if !errors.is_empty() {
        return Err(ImportError::Rows(errors));
    }
    report.added = rows.len();
    if dry_run || rows.is_empty() {
        return Ok(report);
    }
    let txn = db.begin().await?;
    for chunk in rows.chunks(400) {
        response::Entity::insert_many(chunk.to_vec())
            .exec(&txn)
            .await?;
    }
    txn.commit().await?;
    Ok(report)
}

fn bad_value_reason(q: &domain::Question, raw: &str) -> String {
    match &q.kind {
        QuestionKind::Scale { min, max, .. } => {
            format!("\"{raw}\" is not a whole number from {min} to {max}")
        }
        QuestionKind::Choice { options } => format!(
            "\"{raw}\" is not one of {}",
            options
                .iter()
                .map(|o| o.key.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
        QuestionKind::Several { options } => format!(
            "\"{raw}\" is not some of {}, joined by commas",
            options
                .iter()
                .map(|o| o.key.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
        QuestionKind::Area => {
            format!("\"{raw}\" is not an area code or name, {AREA_DONT_KNOW} or {AREA_PREFER_NOT}")
        }
        QuestionKind::Text { max_chars } => format!("longer than {max_chars} characters"),
        QuestionKind::Number { min, max, .. } => {
            format!("\"{raw}\" is not a whole number from {min} to {max}")
        }
        QuestionKind::Date { .. } => {
            format!("\"{raw}\" is not a date in range, written YYYY-MM-DD or DD/MM/YYYY")
        }
    }
}

fn response_row(
    wave_id: i32,
    id: &str,
    mut answers: ValidAnswers,
    areas: &AreaDirectory,
    channel: &str,
    today: chrono::NaiveDate,
) -> response::ActiveModel {
    let text = |v: Option<AnswerValue>| match v {
        Some(AnswerValue::Text(t)) => Some(t),
        _ => None,
    };
    let area = text(answers.remove("area"));
    let (area_id, area_answer) = match area.as_deref() {
        None => (None, "missing".to_string()),
        Some(k @ (AREA_DONT_KNOW | AREA_PREFER_NOT)) => (None, k.to_string()),
        Some(code) => (areas.ward(code).map(|w| w.id), "ward".to_string()),
    };
    response::ActiveModel {
        wave_id: Set(wave_id),
        external_id: Set(id.to_string()),
        area_id: Set(area_id),
        area_answer: Set(area_answer),
        age_band: Set(text(answers.remove("age_band"))),
        sex: Set(text(answers.remove("sex"))),
        channel: Set(channel.to_string()),
        submitted_on: Set(today),
        answers: Set(serde_json::to_string(&answers).expect("answers serialise")),
        ..Default::default()
    }
}
