//! Surveys stored as data: sections, questions and options in order, and their waves.

use domain::{ChoiceOption, Question, QuestionKind, Section, Survey};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter, QueryOrder,
};
use serde::Deserialize;

use crate::entity::{question, question_option, survey, survey_section, wave};
use crate::StoreError;

/// What a resident is told about a survey before starting it.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct SurveyAbout {
    pub key: String,
    pub title: String,
    pub summary: String,
    pub purpose: String,
    pub minutes: i32,
    pub retention: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct WaveRecord {
    pub id: i32,
    pub key: String,
    pub name: String,
    pub status: String,
    pub is_baseline: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SurveyRecord {
    pub id: i32,
    pub about: SurveyAbout,
    pub definition: Survey,
    /// The wave now taking responses, if any.
    pub open_wave: Option<WaveRecord>,
}

pub async fn list(db: &DatabaseConnection) -> Result<Vec<SurveyRecord>, StoreError> {
    let rows = survey::Entity::find()
        .order_by_asc(survey::Column::Id)
        .all(db)
        .await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        out.push(assemble(db, row).await?);
    }
    Ok(out)
}

pub async fn by_key(
    db: &DatabaseConnection,
    key: &str,
) -> Result<Option<SurveyRecord>, StoreError> {
    match survey::Entity::find()
        .filter(survey::Column::Key.eq(key))
        .one(db)
        .await?
    {
        Some(row) => Ok(Some(assemble(db, row).await?)),
        None => Ok(None),
    }
}

pub async fn by_id(db: &DatabaseConnection, id: i32) -> Result<Option<SurveyRecord>, StoreError> {
    match survey::Entity::find_by_id(id).one(db).await? {
        Some(row) => Ok(Some(assemble(db, row).await?)),
        None => Ok(None),
    }
}

pub async fn wave_by_id(
    db: &DatabaseConnection,
    id: i32,
) -> Result<Option<wave::Model>, StoreError> {
    Ok(wave::Entity::find_by_id(id).one(db).await?)
}

async fn assemble(db: &DatabaseConnection, row: survey::Model) -> Result<SurveyRecord, StoreError> {
    let sections = survey_section::Entity::find()
        .filter(survey_section::Column::SurveyId.eq(row.id))
        .order_by_asc(survey_section::Column::Position)
        .all(db)
        .await?;
    let questions = question::Entity::find()
        .filter(question::Column::SurveyId.eq(row.id))
        .order_by_asc(question::Column::Position)
        .all(db)
        .await?;
    let question_ids: Vec<i32> = questions.iter().map(|q| q.id).collect();
    let options = question_option::Entity::find()
        .filter(question_option::Column::QuestionId.is_in(question_ids))
        .order_by_asc(question_option::Column::Position)
        .all(db)
        .await?;
    let mut built = Vec::with_capacity(sections.len());
    for s in &sections {
        let mut qs = Vec::new();
        for q in questions.iter().filter(|q| q.section_id == s.id) {
            qs.push(question_from_row(q, &options)?);
        }
        built.push(Section {
            title: s.title.clone(),
            intro: s.intro.clone(),
            questions: qs,
            // Routes arrive with the survey builder (issue 13); the standard surveys have none.
            routes: Vec::new(),
        });
    }
    let open_wave = wave::Entity::find()
        .filter(wave::Column::SurveyId.eq(row.id))
        .filter(wave::Column::Status.eq(domain::WaveStatus::Open.key()))
        .filter(wave::Column::Published.eq(false))
        .order_by_desc(wave::Column::Id)
        .one(db)
        .await?
        .map(|w| WaveRecord {
            id: w.id,
            key: w.key,
            name: w.name,
            status: w.status,
            is_baseline: w.is_baseline,
        });
    Ok(SurveyRecord {
        id: row.id,
        definition: Survey {
            key: row.key.clone(),
            title: row.title.clone(),
            sections: built,
        },
        about: SurveyAbout {
            key: row.key,
            title: row.title,
            summary: row.summary,
            purpose: row.purpose,
            minutes: row.minutes,
            retention: row.retention,
        },
        open_wave,
    })
}

fn question_from_row(
    q: &question::Model,
    options: &[question_option::Model],
) -> Result<Question, StoreError> {
    let kind = match q.kind.as_str() {
        "scale" => QuestionKind::Scale {
            min: q.scale_min.unwrap_or(0),
            max: q.scale_max.unwrap_or(10),
            min_label: q.min_label.clone().unwrap_or_default(),
            max_label: q.max_label.clone().unwrap_or_default(),
        },
        "choice" => QuestionKind::Choice {
            options: options
                .iter()
                .filter(|o| o.question_id == q.id)
                .map(|o| ChoiceOption {
                    key: o.key.clone(),
                    label: o.label.clone(),
                })
                .collect(),
        },
        "text" => QuestionKind::Text {
            max_chars: q.max_chars.unwrap_or(1000).max(0) as usize,
        },
        "area" => QuestionKind::Area,
        other => return Err(StoreError::Corrupt(format!("question kind {other}"))),
    };
    Ok(Question {
        key: q.key.clone(),
        prompt: q.prompt.clone(),
        hint: q.hint.clone(),
        short_label: q.short_label.clone(),
        required_message: q.required_message.clone(),
        required: q.required,
        kind,
    })
}

/// Stores a survey definition as rows. The caller supplies the transaction.
pub async fn insert_definition(
    db: &impl ConnectionTrait,
    about: &SurveyAbout,
    definition: &Survey,
) -> Result<i32, StoreError> {
    let survey_row = survey::ActiveModel {
        key: Set(about.key.clone()),
        title: Set(about.title.clone()),
        summary: Set(about.summary.clone()),
        purpose: Set(about.purpose.clone()),
        minutes: Set(about.minutes),
        retention: Set(about.retention.clone()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let mut position = 0;
    for (i, section) in definition.sections.iter().enumerate() {
        let section_row = survey_section::ActiveModel {
            survey_id: Set(survey_row.id),
            position: Set(i as i32 + 1),
            title: Set(section.title.clone()),
            intro: Set(section.intro.clone()),
            ..Default::default()
        }
        .insert(db)
        .await?;
        for q in &section.questions {
            position += 1;
            let (kind, min, max, min_label, max_label, max_chars) = match &q.kind {
                QuestionKind::Scale {
                    min,
                    max,
                    min_label,
                    max_label,
                } => (
                    "scale",
                    Some(*min),
                    Some(*max),
                    Some(min_label.clone()),
                    Some(max_label.clone()),
                    None,
                ),
                QuestionKind::Choice { .. } => ("choice", None, None, None, None, None),
                QuestionKind::Text { max_chars } => {
                    ("text", None, None, None, None, Some(*max_chars as i32))
                }
                QuestionKind::Area => ("area", None, None, None, None, None),
            };
            let q_row = question::ActiveModel {
                survey_id: Set(survey_row.id),
                section_id: Set(section_row.id),
                key: Set(q.key.clone()),
                position: Set(position),
                kind: Set(kind.to_string()),
                prompt: Set(q.prompt.clone()),
                hint: Set(q.hint.clone()),
                short_label: Set(q.short_label.clone()),
                required_message: Set(q.required_message.clone()),
                required: Set(q.required),
                scale_min: Set(min),
                scale_max: Set(max),
                min_label: Set(min_label),
                max_label: Set(max_label),
                max_chars: Set(max_chars),
                ..Default::default()
            }
            .insert(db)
            .await?;
            if let QuestionKind::Choice { options } = &q.kind {
                for (j, o) in options.iter().enumerate() {
                    question_option::ActiveModel {
                        question_id: Set(q_row.id),
                        key: Set(o.key.clone()),
                        label: Set(o.label.clone()),
                        position: Set(j as i32 + 1),
                        ..Default::default()
                    }
                    .insert(db)
                    .await?;
                }
            }
        }
    }
    Ok(survey_row.id)
}

/// Adds a wave to a survey, open for responses.
pub async fn insert_wave(
    db: &impl ConnectionTrait,
    survey_id: i32,
    key: &str,
    name: &str,
    is_baseline: bool,
    opens_on: chrono::NaiveDate,
) -> Result<i32, StoreError> {
    let row = wave::ActiveModel {
        survey_id: Set(survey_id),
        key: Set(key.to_string()),
        name: Set(name.to_string()),
        status: Set(domain::WaveStatus::Open.key().to_string()),
        is_baseline: Set(is_baseline),
        weighted: Set(false),
        published: Set(false),
        opens_on: Set(Some(opens_on)),
        closes_on: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(row.id)
}
