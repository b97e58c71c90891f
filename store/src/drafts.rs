//! Unfinished responses. A draft holds what the resident typed, exactly as typed, under a
//! resume code; submitting turns it into a response in one transaction and empties it.

use std::sync::Arc;

use chrono::NaiveDate;
use domain::answers::{validate_survey, FieldError, RawAnswers};
use domain::survey::{AREA_DONT_KNOW, AREA_PREFER_NOT};
use domain::{ReceiptCode, ResumeCode};
use rand::Rng;
use sea_orm::{
    sea_query::Expr, ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait,
    DatabaseConnection, EntityTrait, QueryFilter, TransactionTrait,
};

use crate::areas::AreaDirectory;
use crate::entity::{draft, response, wave};
use crate::surveys::SurveyRecord;
use crate::StoreError;

/// Keys in a draft's answers that are not questions: the postcode a resident typed to find
/// their ward, and what the lookup said. Never copied into a response.
pub const POSTCODE_KEY: &str = "_postcode";
pub const POSTCODE_STATUS_KEY: &str = "_postcode_status";

/// Where a resident's answers are written. Drafts go through a pool of their own whose
/// commits do not wait for the disk (`db::connect_unflushed`): a draft is what a resident
/// typed, kept so they can go on later; a power cut may undo its last moment, and the next
/// response sent takes every draft saved before it to disk. A response sent goes through
/// the flushed pool. Five saves to one flush: the disk's wait no longer sets the pace of a
/// crowd answering at once.
#[derive(Clone)]
pub struct ResidentWrites {
    flushed: DatabaseConnection,
    unflushed: DatabaseConnection,
    /// SQLite takes one writer at a time, and a writer that finds the file locked sleeps (a
    /// millisecond, then longer) before it tries again. Taking turns here hands the lock on
    /// at once instead. None on PostgreSQL, whose writers only wait for the rows they share.
    turns: Option<Arc<tokio::sync::Mutex<()>>>,
}

impl ResidentWrites {
    /// `flushed` is the server's own pool on the database at `url`.
    pub async fn connect(flushed: &DatabaseConnection, url: &str) -> Result<Self, StoreError> {
        Ok(ResidentWrites {
            flushed: flushed.clone(),
            unflushed: crate::db::connect_unflushed(url).await?,
            turns: (flushed.get_database_backend() == sea_orm::DbBackend::Sqlite)
                .then(Default::default),
        })
    }

    async fn turn(&self) -> Option<tokio::sync::MutexGuard<'_, ()>> {
        match &self.turns {
            Some(t) => Some(t.lock().await),
            None => None,
        }
    }
}

/// Draft statuses (a draft's, not a wave's).
const OPEN: &str = "open";
const SUBMITTED: &str = "submitted";

#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    pub code: ResumeCode,
    pub wave_id: i32,
    pub answers: RawAnswers,
    /// Set once the response has been stored.
    pub receipt: Option<ReceiptCode>,
    /// The answers as stored when this was read: a save writes only over these (see
    /// `save_answers`).
    stored: String,
}

#[derive(Debug, PartialEq)]
pub enum SubmitOutcome {
    Stored(ReceiptCode),
    /// The wave closed (or its results were published) before the answers were sent: they
    /// would change figures the council has already published, so they are not counted.
    WaveClosed,
    /// Sent before (a double tap, a retry, a replay): nothing new was stored.
    AlreadyStored(ReceiptCode),
    /// Some answers are missing or wrong; `section` is the first (1-based) to fix.
    Invalid {
        section: usize,
        errors: Vec<FieldError>,
    },
}

#[derive(Debug, PartialEq)]
pub enum SaveOutcome {
    Saved,
    AlreadySubmitted(ReceiptCode),
    /// See `SubmitOutcome::WaveClosed`.
    WaveClosed,
    NotFound,
}

/// Waves that take answers: open, and with no results published yet.
pub(crate) fn accepting_waves() -> sea_orm::sea_query::SelectStatement {
    sea_orm::sea_query::Query::select()
        .column(wave::Column::Id)
        .from(wave::Entity)
        .and_where(wave::Column::Status.eq(domain::WaveStatus::Open.key()))
        .and_where(wave::Column::Published.eq(false))
        .to_owned()
}

/// Whether a wave takes answers now (see `accepting_waves`).
pub async fn wave_accepts_answers<C: ConnectionTrait>(
    db: &C,
    wave_id: i32,
) -> Result<bool, StoreError> {
    Ok(wave::Entity::find_by_id(wave_id)
        .filter(wave::Column::Status.eq(domain::WaveStatus::Open.key()))
        .filter(wave::Column::Published.eq(false))
        .one(db)
        .await?
        .is_some())
}

/// Why nothing was claimed or saved: sent already, the wave closed, or no such draft.
async fn why_not_open(db: &DatabaseConnection, code: &ResumeCode) -> Result<NotOpen, StoreError> {
    Ok(match find(db, code).await? {
        Some(Draft {
            receipt: Some(r), ..
        }) => NotOpen::Submitted(r),
        Some(d) if !wave_accepts_answers(db, d.wave_id).await? => NotOpen::WaveClosed,
        _ => NotOpen::Gone,
    })
}

enum NotOpen {
    Submitted(ReceiptCode),
    WaveClosed,
    Gone,
}

pub async fn create(
    writes: &ResidentWrites,
    wave_id: i32,
    today: NaiveDate,
) -> Result<ResumeCode, StoreError> {
    loop {
        let code = ResumeCode::from_random(rand::rng().random::<u128>());
        let row = draft::ActiveModel {
            code: Set(code.as_str().to_string()),
            wave_id: Set(wave_id),
            answers: Set("{}".to_string()),
            status: Set(OPEN.to_string()),
            receipt_code: Set(None),
            created_on: Set(today),
            updated_on: Set(today),
            ..Default::default()
        };
        let inserted = {
            let _turn = writes.turn().await;
            row.insert(&writes.unflushed).await
        };
        match inserted {
            Ok(_) => return Ok(code),
            // A clash of 60 random bits: astronomically rare, but try another code.
            Err(e) if is_unique_violation(&e) => continue,
            Err(e) => return Err(e.into()),
        }
    }
}

pub(crate) fn is_unique_violation(e: &sea_orm::DbErr) -> bool {
    matches!(
        e.sql_err(),
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_))
    )
}

pub async fn find(db: &DatabaseConnection, code: &ResumeCode) -> Result<Option<Draft>, StoreError> {
    let Some(row) = draft::Entity::find()
        .filter(draft::Column::Code.eq(code.as_str()))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    Ok(Some(Draft {
        code: code.clone(),
        wave_id: row.wave_id,
        answers: serde_json::from_str(&row.answers)?,
        receipt: match row.receipt_code {
            Some(r) => Some(
                ReceiptCode::parse(&r).map_err(|_| StoreError::Corrupt("receipt code".into()))?,
            ),
            None => None,
        },
        stored: row.answers,
    }))
}

/// Merges a section's answers (as typed, valid or not) into the draft as it was read.
///
/// The write matches the stored answers against those read, so the page's own read serves
/// and nothing saved in between (the same resident in another tab) is overwritten: when they
/// differ, the draft is read again and the answers merged into that.
pub async fn save_answers(
    writes: &ResidentWrites,
    read: &Draft,
    section_answers: RawAnswers,
    today: NaiveDate,
) -> Result<SaveOutcome, StoreError> {
    let mut current = std::borrow::Cow::Borrowed(read);
    loop {
        if let Some(receipt) = &current.receipt {
            return Ok(SaveOutcome::AlreadySubmitted(receipt.clone()));
        }
        let mut answers = current.answers.clone();
        answers.extend(section_answers.clone());
        let update = draft::Entity::update_many()
            .col_expr(
                draft::Column::Answers,
                Expr::value(serde_json::to_string(&answers)?),
            )
            .col_expr(draft::Column::UpdatedOn, Expr::value(today))
            .filter(draft::Column::Code.eq(current.code.as_str()))
            .filter(draft::Column::Status.eq(OPEN))
            .filter(draft::Column::Answers.eq(current.stored.as_str()))
            .filter(draft::Column::WaveId.in_subquery(accepting_waves()));
        let updated = {
            let _turn = writes.turn().await;
            update.exec(&writes.unflushed).await?
        };
        let db = &writes.flushed;
        if updated.rows_affected == 1 {
            return Ok(SaveOutcome::Saved);
        }
        // Saved by another page, sent, or its wave closed since it was read.
        match find(db, &current.code).await? {
            Some(again) if again.receipt.is_none() && again.stored != current.stored => {
                current = std::borrow::Cow::Owned(again);
            }
            _ => {
                return Ok(match why_not_open(db, &current.code).await? {
                    NotOpen::Submitted(r) => SaveOutcome::AlreadySubmitted(r),
                    NotOpen::WaveClosed => SaveOutcome::WaveClosed,
                    NotOpen::Gone => SaveOutcome::NotFound,
                })
            }
        }
    }
}

/// An invitation's access code to spend with the response (see `invitations`).
pub struct Spend<'a> {
    pub secret: &'a [u8],
    pub code: &'a domain::AccessCode,
}

/// Validates every answer and stores the response exactly once, with its wave, ward, channel
/// and date only. The draft is emptied, and an invitation's code spent, in the same
/// transaction; the response holds nothing of the code.
pub async fn submit(
    writes: &ResidentWrites,
    draft: &Draft,
    survey: &SurveyRecord,
    areas: &AreaDirectory,
    today: NaiveDate,
    spend: Option<Spend<'_>>,
    language: domain::translation::Language,
) -> Result<SubmitOutcome, StoreError> {
    if let Some(receipt) = &draft.receipt {
        return Ok(SubmitOutcome::AlreadyStored(receipt.clone()));
    }
    let valid = match validate_survey(&survey.definition, &draft.answers, &|c| areas.is_ward(c)) {
        Ok(v) => v,
        Err((section, errors)) => return Ok(SubmitOutcome::Invalid { section, errors }),
    };
    let receipt = ReceiptCode::from_random(rand::rng().random::<u128>());

    let db = &writes.flushed;
    let turn = writes.turn().await;
    let txn = db.begin().await?;
    // Claiming the draft first makes a concurrent second submit wait on this row and then
    // find nothing left to claim.
    let claimed = draft::Entity::update_many()
        .col_expr(draft::Column::Status, Expr::value(SUBMITTED))
        .col_expr(draft::Column::ReceiptCode, Expr::value(receipt.as_str()))
        .col_expr(draft::Column::Answers, Expr::value("{}"))
        .col_expr(draft::Column::UpdatedOn, Expr::value(today))
        .filter(draft::Column::Code.eq(draft.code.as_str()))
        .filter(draft::Column::Status.eq(OPEN))
        .filter(draft::Column::WaveId.in_subquery(accepting_waves()))
        .exec(&txn)
        .await?;
    if claimed.rows_affected == 0 {
        txn.rollback().await?;
        drop(turn);
        return match why_not_open(db, &draft.code).await? {
            NotOpen::Submitted(r) => Ok(SubmitOutcome::AlreadyStored(r)),
            NotOpen::WaveClosed => Ok(SubmitOutcome::WaveClosed),
            NotOpen::Gone => Err(StoreError::Invalid("this response no longer exists".into())),
        };
    }

    let mut row = response_row(
        draft.wave_id,
        valid,
        areas,
        Provenance {
            channel: domain::Channel::Online,
            event_id: None,
            entered_by: None,
        },
        today,
    )?;
    row.language = Set(language.code.to_string());
    row.insert(&txn).await?;
    if let Some(s) = spend {
        crate::invitations::spend(&txn, s.secret, s.code, today).await?;
    }
    txn.commit().await?;
    Ok(SubmitOutcome::Stored(receipt))
}

/// How a response reached Kiln: its channel, and for a group's, the event and who entered it.
pub struct Provenance {
    pub channel: domain::Channel,
    pub event_id: Option<i32>,
    pub entered_by: Option<i32>,
}

/// A response's row from valid answers: the ward, age band and sex in their own columns,
/// the rest as JSON, and an id unrelated to anything the resident was given.
pub(crate) fn response_row(
    wave_id: i32,
    valid: domain::answers::ValidAnswers,
    areas: &AreaDirectory,
    from: Provenance,
    today: NaiveDate,
) -> Result<response::ActiveModel, StoreError> {
    let mut items = valid;
    let area = items.remove("area");
    let age_band = take_text(&mut items, "age_band");
    let sex = take_text(&mut items, "sex");
    let (area_id, area_answer) = match area {
        Some(domain::AnswerValue::Text(code)) if code == AREA_DONT_KNOW => (None, AREA_DONT_KNOW),
        Some(domain::AnswerValue::Text(code)) if code == AREA_PREFER_NOT => (None, AREA_PREFER_NOT),
        Some(domain::AnswerValue::Text(code)) => (areas.ward(&code).map(|w| w.id), "ward"),
        _ => (None, "missing"),
    };
    Ok(response::ActiveModel {
        wave_id: Set(wave_id),
        // Unrelated to the receipt: whoever learns a resident's receipt code must not be able
        // to find their answers in an export.
        external_id: Set(format!(
            "{}-{:032x}",
            from.channel.key(),
            rand::rng().random::<u128>()
        )),
        area_id: Set(area_id),
        area_answer: Set(area_answer.to_string()),
        age_band: Set(age_band),
        sex: Set(sex),
        channel: Set(from.channel.key().to_string()),
        submitted_on: Set(today),
        answers: Set(serde_json::to_string(&items)?),
        event_id: Set(from.event_id),
        entered_by: Set(from.entered_by),
        ..Default::default()
    })
}

fn take_text(items: &mut domain::answers::ValidAnswers, key: &str) -> Option<String> {
    match items.remove(key) {
        Some(domain::AnswerValue::Text(t)) => Some(t),
        _ => None,
    }
}

/// Deletes drafts not touched for `days` days, submitted or not. Returns how many.
pub async fn delete_stale(
    db: &DatabaseConnection,
    today: NaiveDate,
    days: i64,
) -> Result<u64, StoreError> {
    let cutoff = today - chrono::Duration::days(days);
    let res = draft::Entity::delete_many()
        .filter(draft::Column::UpdatedOn.lt(cutoff))
        .exec(db)
        .await?;
    Ok(res.rows_affected)
}
