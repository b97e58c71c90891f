//! Paper forms typed up in batches. A volunteer starts a batch for one of an event's
//! surveys and enters each sheet with the number written on it, checked by the same rules
//! as the resident journey. The sheets count towards nothing until the batch is finished
//! and a second person (one who typed none of its sheets) has checked it against the
//! paper: then every sheet becomes a response (channel `paper`) in one transaction.
//! Organisers record how many sheets they handed out, to see against those entered.

use chrono::NaiveDate;
use domain::answers::{validate_survey, FieldError, RawAnswers};
use rand::Rng;
use sea_orm::{
    sea_query::Expr, ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection,
    EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, TransactionTrait,
};

use crate::areas::AreaDirectory;
use crate::drafts::{response_row, Provenance};
use crate::entity::{entry, event_wave, paper_batch};
use crate::entries::Closed;
use crate::events::Event;
use crate::groups::Scope;
use crate::surveys::SurveyRecord;
use crate::StoreError;

/// A batch as its page needs it.
#[derive(Clone, Debug, PartialEq)]
pub struct Batch {
    pub id: i32,
    pub event: Event,
    pub wave_id: i32,
    pub created_by: i32,
    pub finished: bool,
    pub checked_by: Option<i32>,
    /// Its sheets, by number.
    pub sheets: Vec<Sheet>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sheet {
    pub number: i32,
    pub entered_by: i32,
    /// The ward's code as typed, or the other area answer.
    pub area: String,
}

/// Paper is typed up after the event: a batch can be started once the event has begun
/// taking answers (an hour before it starts) and while the survey is open.
async fn closed(
    db: &DatabaseConnection,
    event: &Event,
    wave_id: i32,
    now: i64,
) -> Result<Option<Closed>, StoreError> {
    Ok(if event.cancelled || now < event.times.starts_at - 3600 {
        Some(Closed::Event)
    } else if !crate::drafts::wave_accepts_answers(db, wave_id).await? {
        Some(Closed::Wave)
    } else {
        None
    })
}

/// Starts a batch: its id, or why not; None when the event is not the scope's or does not
/// collect the wave.
pub async fn start(
    db: &DatabaseConnection,
    scope: &Scope,
    user_id: i32,
    event_id: i32,
    wave_id: i32,
    now: i64,
) -> Result<Option<Result<i32, Closed>>, StoreError> {
    let Some(event) = crate::events::own(db, scope, event_id).await? else {
        return Ok(None);
    };
    if !event.waves.contains(&wave_id) {
        return Ok(None);
    }
    if let Some(c) = closed(db, &event, wave_id, now).await? {
        return Ok(Some(Err(c)));
    }
    let row = paper_batch::ActiveModel {
        event_id: Set(event_id),
        wave_id: Set(wave_id),
        created_by: Set(user_id),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(Some(Ok(row.id)))
}

/// One of the scope's batches: None for another group's.
pub async fn own(
    db: &DatabaseConnection,
    scope: &Scope,
    id: i32,
) -> Result<Option<Batch>, StoreError> {
    let Some(row) = paper_batch::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    let Some(event) = crate::events::own(db, scope, row.event_id).await? else {
        return Ok(None);
    };
    let sheets = entry::Entity::find()
        .filter(entry::Column::BatchId.eq(id))
        .order_by_asc(entry::Column::Sheet)
        .all(db)
        .await?
        .into_iter()
        .map(|e| {
            let answers: RawAnswers = serde_json::from_str(&e.answers).unwrap_or_default();
            Sheet {
                number: e.sheet.unwrap_or_default(),
                entered_by: e.entered_by,
                area: answers.get("area").cloned().unwrap_or_default(),
            }
        })
        .collect();
    Ok(Some(Batch {
        id,
        event,
        wave_id: row.wave_id,
        created_by: row.created_by,
        finished: row.finished_at.is_some(),
        checked_by: row.checked_by,
        sheets,
    }))
}

/// What adding a sheet did.
#[derive(Debug, PartialEq)]
pub enum Added {
    Saved,
    /// Nothing saved: the problem with the sheet's number, and with its answers.
    Invalid {
        sheet: Option<String>,
        errors: Vec<FieldError>,
    },
    /// The batch is finished (or checked): no more sheets.
    Finished,
    Closed(Closed),
}

/// Adds a sheet to a batch still being entered, if its number is new at this event's
/// survey and its answers pass the journey's checks.
#[allow(clippy::too_many_arguments)]
pub async fn add_sheet(
    db: &DatabaseConnection,
    batch: &Batch,
    survey: &SurveyRecord,
    areas: &AreaDirectory,
    sheet: &str,
    answers: RawAnswers,
    user_id: i32,
    now: i64,
) -> Result<Added, StoreError> {
    if batch.finished || batch.checked_by.is_some() {
        return Ok(Added::Finished);
    }
    if let Some(c) = closed(db, &batch.event, batch.wave_id, now).await? {
        return Ok(Added::Closed(c));
    }
    let number = domain::groups::parse_sheet(sheet);
    let mut sheet_problem = number.err().map(str::to_string);
    if let Ok(n) = number {
        let taken = entry::Entity::find()
            .filter(entry::Column::EventId.eq(batch.event.id))
            .filter(entry::Column::WaveId.eq(batch.wave_id))
            .filter(entry::Column::Sheet.eq(n))
            .one(db)
            .await?;
        if let Some(t) = taken {
            sheet_problem = Some(format!(
                "Sheet {n} is entered already, in batch {}",
                t.batch_id.unwrap_or_default()
            ));
        }
    }
    let errors = validate_survey(&survey.definition, &answers, &|c| areas.is_ward(c))
        .err()
        .map(|(_, e)| e)
        .unwrap_or_default();
    if sheet_problem.is_some() || !errors.is_empty() {
        return Ok(Added::Invalid {
            sheet: sheet_problem,
            errors,
        });
    }
    entry::ActiveModel {
        code: Set(format!("{:032x}", rand::rng().random::<u128>())),
        event_id: Set(batch.event.id),
        wave_id: Set(batch.wave_id),
        entered_by: Set(user_id),
        kiosk_id: Set(None),
        answers: Set(serde_json::to_string(&answers)?),
        response_id: Set(None),
        batch_id: Set(Some(batch.id)),
        sheet: Set(number.ok()),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(Added::Saved)
}

/// Removes a sheet entered wrongly, while the batch is still being entered.
pub async fn remove_sheet(
    db: &DatabaseConnection,
    batch: &Batch,
    number: i32,
) -> Result<bool, StoreError> {
    if batch.finished || batch.checked_by.is_some() {
        return Ok(false);
    }
    let done = entry::Entity::delete_many()
        .filter(entry::Column::BatchId.eq(batch.id))
        .filter(entry::Column::Sheet.eq(number))
        .filter(entry::Column::ResponseId.is_null())
        .exec(db)
        .await?;
    Ok(done.rows_affected > 0)
}

/// Every sheet is in: the batch waits for its check. False when it has no sheets, or is
/// finished already.
pub async fn finish(db: &DatabaseConnection, batch: &Batch, now: i64) -> Result<bool, StoreError> {
    if batch.sheets.is_empty() || batch.finished {
        return Ok(false);
    }
    paper_batch::Entity::update_many()
        .col_expr(paper_batch::Column::FinishedAt, Expr::value(now))
        .filter(paper_batch::Column::Id.eq(batch.id))
        .filter(paper_batch::Column::CheckedBy.is_null())
        .exec(db)
        .await?;
    Ok(true)
}

/// The checker found a sheet that does not match its paper: the batch goes back to be
/// corrected (sheets removed and entered again), then finished again.
pub async fn send_back(db: &DatabaseConnection, batch: &Batch) -> Result<bool, StoreError> {
    if !batch.finished || batch.checked_by.is_some() {
        return Ok(false);
    }
    paper_batch::Entity::update_many()
        .col_expr(
            paper_batch::Column::FinishedAt,
            Expr::value(Option::<i64>::None),
        )
        .filter(paper_batch::Column::Id.eq(batch.id))
        .filter(paper_batch::Column::CheckedBy.is_null())
        .exec(db)
        .await?;
    Ok(true)
}

/// What checking a batch did.
#[derive(Debug, PartialEq)]
pub enum Checked {
    /// Its sheets are responses now: how many.
    Stored(u64),
    /// Whoever typed a sheet of it cannot be its check.
    TheirOwn,
    NotFinished,
    Already,
    Closed(Closed),
}

/// A second person confirms the batch matches the paper: every sheet becomes a response
/// (channel `paper`, the event, the volunteer who typed it), all at once.
pub async fn check(
    db: &DatabaseConnection,
    batch: &Batch,
    checker: i32,
    survey: &SurveyRecord,
    areas: &AreaDirectory,
    now: i64,
    today: NaiveDate,
) -> Result<Checked, StoreError> {
    if batch.checked_by.is_some() {
        return Ok(Checked::Already);
    }
    if !batch.finished {
        return Ok(Checked::NotFinished);
    }
    if batch.created_by == checker || batch.sheets.iter().any(|s| s.entered_by == checker) {
        return Ok(Checked::TheirOwn);
    }
    if !crate::drafts::wave_accepts_answers(db, batch.wave_id).await? {
        return Ok(Checked::Closed(Closed::Wave));
    }
    let txn = db.begin().await?;
    // Claimed first: a second check at the same moment waits here, then finds it taken.
    let claimed = paper_batch::Entity::update_many()
        .col_expr(paper_batch::Column::CheckedBy, Expr::value(checker))
        .col_expr(paper_batch::Column::CheckedAt, Expr::value(now))
        .filter(paper_batch::Column::Id.eq(batch.id))
        .filter(paper_batch::Column::CheckedBy.is_null())
        .filter(paper_batch::Column::FinishedAt.is_not_null())
        .exec(&txn)
        .await?;
    if claimed.rows_affected == 0 {
        txn.rollback().await?;
        return Ok(Checked::Already);
    }
    let sheets = entry::Entity::find()
        .filter(entry::Column::BatchId.eq(batch.id))
        .filter(entry::Column::ResponseId.is_null())
        .all(&txn)
        .await?;
    let mut stored = 0;
    for sheet in sheets {
        let answers: RawAnswers = serde_json::from_str(&sheet.answers)?;
        let valid =
            validate_survey(&survey.definition, &answers, &|c| areas.is_ward(c)).map_err(|_| {
                StoreError::Invalid(format!(
                    "sheet {:?} no longer passes the checks",
                    sheet.sheet
                ))
            })?;
        let row = response_row(
            batch.wave_id,
            valid,
            areas,
            Provenance {
                channel: domain::Channel::Paper,
                event_id: Some(batch.event.id),
                entered_by: Some(sheet.entered_by),
            },
            today,
        )?
        .insert(&txn)
        .await?;
        // The answers now live in the response alone; the sheet keeps its number.
        entry::Entity::update_many()
            .col_expr(entry::Column::ResponseId, Expr::value(row.id))
            .col_expr(entry::Column::Answers, Expr::value("{}"))
            .filter(entry::Column::Id.eq(sheet.id))
            .exec(&txn)
            .await?;
        stored += 1;
    }
    txn.commit().await?;
    Ok(Checked::Stored(stored))
}

/// Paper at one survey of an event: sheets handed out (as the organiser recorded), entered
/// (in any batch) and checked (counted in the results).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Tally {
    pub handed_out: Option<i32>,
    pub entered: u64,
    pub checked: u64,
    pub batches: u64,
}

pub async fn tally(
    db: &DatabaseConnection,
    event_id: i32,
    wave_id: i32,
) -> Result<Tally, StoreError> {
    let handed_out = event_wave::Entity::find_by_id((event_id, wave_id))
        .one(db)
        .await?
        .and_then(|r| r.sheets_handed_out);
    let sheets = || {
        entry::Entity::find()
            .filter(entry::Column::EventId.eq(event_id))
            .filter(entry::Column::WaveId.eq(wave_id))
            .filter(entry::Column::BatchId.is_not_null())
    };
    Ok(Tally {
        handed_out,
        entered: sheets().count(db).await?,
        checked: sheets()
            .filter(entry::Column::ResponseId.is_not_null())
            .count(db)
            .await?,
        batches: paper_batch::Entity::find()
            .filter(paper_batch::Column::EventId.eq(event_id))
            .filter(paper_batch::Column::WaveId.eq(wave_id))
            .count(db)
            .await?,
    })
}

/// An organiser records how many sheets they handed out; None when the event is not
/// theirs or does not collect the wave.
pub async fn set_handed_out(
    db: &DatabaseConnection,
    scope: &Scope,
    event_id: i32,
    wave_id: i32,
    sheets: i32,
) -> Result<Option<()>, StoreError> {
    if !scope.organises() || crate::events::own(db, scope, event_id).await?.is_none() {
        return Ok(None);
    }
    let done = event_wave::Entity::update_many()
        .col_expr(event_wave::Column::SheetsHandedOut, Expr::value(sheets))
        .filter(event_wave::Column::EventId.eq(event_id))
        .filter(event_wave::Column::WaveId.eq(wave_id))
        .exec(db)
        .await?;
    Ok((done.rows_affected > 0).then_some(()))
}

/// A batch in the event's list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BatchLine {
    pub id: i32,
    pub wave_id: i32,
    pub created_by: i32,
    pub sheets: u64,
    pub finished: bool,
    pub checked: bool,
}

/// The batches of one of the scope's events, oldest first.
pub async fn at_event(
    db: &DatabaseConnection,
    scope: &Scope,
    event_id: i32,
) -> Result<Vec<BatchLine>, StoreError> {
    if crate::events::own(db, scope, event_id).await?.is_none() {
        return Ok(Vec::new());
    }
    let batches = paper_batch::Entity::find()
        .filter(paper_batch::Column::EventId.eq(event_id))
        .order_by_asc(paper_batch::Column::Id)
        .all(db)
        .await?;
    // Every sheet's batch, in one query.
    let mut sheets: std::collections::HashMap<i32, u64> = std::collections::HashMap::new();
    for e in entry::Entity::find()
        .filter(entry::Column::EventId.eq(event_id))
        .filter(entry::Column::BatchId.is_not_null())
        .all(db)
        .await?
    {
        *sheets.entry(e.batch_id.unwrap_or_default()).or_default() += 1;
    }
    let out = batches
        .into_iter()
        .map(|b| BatchLine {
            id: b.id,
            wave_id: b.wave_id,
            created_by: b.created_by,
            sheets: sheets.get(&b.id).copied().unwrap_or(0),
            finished: b.finished_at.is_some(),
            checked: b.checked_by.is_some(),
        })
        .collect();
    Ok(out)
}
