//! Assisted entry: a volunteer at an event types a resident's answers on one page. The
//! answers are kept as typed (so a refused page loses nothing), checked with the same rules
//! and messages as the resident journey, and sent once as a response recording its channel
//! (`assisted`), the event and the volunteer. Everything goes through the volunteer's
//! `Scope`: an entry of another group is never found.

use chrono::NaiveDate;
use domain::answers::{validate_survey, FieldError, RawAnswers, ValidAnswers};
use domain::AnswerValue;
use rand::Rng;
use sea_orm::{
    sea_query::Expr, ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection,
    EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, TransactionTrait,
};

use crate::areas::AreaDirectory;
use crate::drafts::{response_row, Provenance};
use crate::entity::{entry, entry_correction, response};
use crate::events::Event;
use crate::groups::Scope;
use crate::surveys::SurveyRecord;
use crate::StoreError;

/// An entry as its page needs it.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub code: String,
    pub event: Event,
    pub wave_id: i32,
    pub entered_by: i32,
    pub answers: RawAnswers,
    pub sent: bool,
    /// The response it became, once sent.
    pub response_id: Option<i32>,
    /// Answered by a resident on this kiosk, not entered by a volunteer.
    pub kiosk_id: Option<i32>,
    /// Made on a volunteer's device without a connection.
    pub offline: bool,
    pub created_at: i64,
}

/// Why an entry cannot be started or sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Closed {
    /// Cancelled, or outside the hours it takes entries.
    Event,
    /// The survey wave is closed or its results published.
    Wave,
}

/// Starts an entry for one of the event's waves: None when the event is not the scope's
/// or does not collect that wave.
pub async fn start(
    db: &DatabaseConnection,
    scope: &Scope,
    user_id: i32,
    event_id: i32,
    wave_id: i32,
    now: i64,
) -> Result<Option<Result<String, Closed>>, StoreError> {
    let Some(e) = crate::events::own(db, scope, event_id).await? else {
        return Ok(None);
    };
    if !e.waves.contains(&wave_id) {
        return Ok(None);
    }
    if let Some(closed) = closed(db, &e, wave_id, now).await? {
        return Ok(Some(Err(closed)));
    }
    let code = format!("{:032x}", rand::rng().random::<u128>());
    entry::ActiveModel {
        code: Set(code.clone()),
        event_id: Set(event_id),
        wave_id: Set(wave_id),
        entered_by: Set(user_id),
        kiosk_id: Set(None),
        answers: Set("{}".into()),
        response_id: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(Some(Ok(code)))
}

pub(crate) async fn closed(
    db: &DatabaseConnection,
    e: &Event,
    wave_id: i32,
    now: i64,
) -> Result<Option<Closed>, StoreError> {
    Ok(if e.cancelled || !e.times.takes_entries(now) {
        Some(Closed::Event)
    } else if !crate::drafts::wave_accepts_answers(db, wave_id).await? {
        Some(Closed::Wave)
    } else {
        None
    })
}

/// One of the scope's entries by its code: None for another group's, or an unknown code.
pub async fn own(
    db: &DatabaseConnection,
    scope: &Scope,
    code: &str,
) -> Result<Option<Entry>, StoreError> {
    let Some(row) = entry::Entity::find()
        .filter(entry::Column::Code.eq(code))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    // Kiosk answers and paper sheets have pages of their own.
    if row.kiosk_id.is_some() || row.batch_id.is_some() {
        return Ok(None);
    }
    let Some(event) = crate::events::own(db, scope, row.event_id).await? else {
        return Ok(None);
    };
    Ok(Some(entry_of(row, event)?))
}

pub(crate) fn entry_of(row: entry::Model, event: Event) -> Result<Entry, StoreError> {
    Ok(Entry {
        code: row.code,
        event,
        wave_id: row.wave_id,
        entered_by: row.entered_by,
        answers: serde_json::from_str(&row.answers)?,
        sent: row.response_id.is_some(),
        response_id: row.response_id,
        kiosk_id: row.kiosk_id,
        offline: row.offline,
        created_at: row.created_at,
    })
}

/// A kiosk starts a resident's answers: any left unsent by the last person are deleted
/// first, so nothing of theirs stays on the tablet.
pub async fn start_at_kiosk(
    db: &DatabaseConnection,
    kiosk: &crate::kiosks::Kiosk,
    now: i64,
) -> Result<String, StoreError> {
    forget_unsent(db, kiosk.id).await?;
    let code = format!("{:032x}", rand::rng().random::<u128>());
    entry::ActiveModel {
        code: Set(code.clone()),
        event_id: Set(kiosk.event.id),
        wave_id: Set(kiosk.wave_id),
        entered_by: Set(kiosk.created_by),
        kiosk_id: Set(Some(kiosk.id)),
        answers: Set("{}".into()),
        response_id: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(code)
}

/// One of a kiosk's unsent entries (None once sent, or another kiosk's).
pub async fn at_kiosk(
    db: &DatabaseConnection,
    kiosk: &crate::kiosks::Kiosk,
    code: &str,
) -> Result<Option<Entry>, StoreError> {
    let Some(row) = entry::Entity::find()
        .filter(entry::Column::Code.eq(code))
        .filter(entry::Column::KioskId.eq(kiosk.id))
        .filter(entry::Column::ResponseId.is_null())
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    Ok(Some(entry_of(row, kiosk.event.clone())?))
}

/// Deletes a kiosk's unsent entries (the last person walked away).
pub async fn forget_unsent(db: &DatabaseConnection, kiosk_id: i32) -> Result<(), StoreError> {
    entry::Entity::delete_many()
        .filter(entry::Column::KioskId.eq(kiosk_id))
        .filter(entry::Column::ResponseId.is_null())
        .exec(db)
        .await?;
    Ok(())
}

/// What sending an entry did.
#[derive(Debug, PartialEq)]
pub enum Sent {
    /// Stored as a response; how many this event has now.
    Stored {
        at_event: u64,
    },
    /// Sent before (a double press, a retry): nothing new was stored.
    Already,
    /// Kept as typed, not sent: every problem, in the order of the questions, and whether
    /// the resident's agreement was confirmed.
    Invalid {
        errors: Vec<FieldError>,
        agreed: bool,
    },
    Closed(Closed),
}

/// Keeps the answers as typed and, if every one is right and the resident agreed, stores
/// the response once, in the same transaction as marking the entry sent.
#[allow(clippy::too_many_arguments)]
pub async fn send(
    db: &DatabaseConnection,
    entry: &Entry,
    survey: &SurveyRecord,
    areas: &AreaDirectory,
    answers: RawAnswers,
    agreed: bool,
    now: i64,
    today: NaiveDate,
) -> Result<Sent, StoreError> {
    if entry.sent {
        return Ok(Sent::Already);
    }
    if let Some(c) = closed(db, &entry.event, entry.wave_id, now).await? {
        return Ok(Sent::Closed(c));
    }
    let digest = digest_of(&answers)?;
    entry::Entity::update_many()
        .col_expr(
            entry::Column::Answers,
            Expr::value(serde_json::to_string(&answers)?),
        )
        .col_expr(entry::Column::UpdatedAt, Expr::value(now))
        .filter(entry::Column::Code.eq(&entry.code))
        .filter(entry::Column::ResponseId.is_null())
        .exec(db)
        .await?;
    let valid = validate_survey(&survey.definition, &answers, &|c| areas.is_ward(c));
    let valid = match (valid, agreed) {
        (Ok(v), true) => v,
        (Err((_, errors)), agreed) => return Ok(Sent::Invalid { errors, agreed }),
        (Ok(_), false) => {
            return Ok(Sent::Invalid {
                errors: Vec::new(),
                agreed,
            })
        }
    };
    let txn = db.begin().await?;
    let row = response_row(
        entry.wave_id,
        valid,
        areas,
        match entry.kiosk_id {
            Some(_) => Provenance {
                channel: domain::Channel::Kiosk,
                event_id: Some(entry.event.id),
                entered_by: None,
            },
            None => Provenance {
                channel: if entry.offline {
                    domain::Channel::Offline
                } else {
                    domain::Channel::Assisted
                },
                event_id: Some(entry.event.id),
                entered_by: Some(entry.entered_by),
            },
        },
        today,
    )?
    .insert(&txn)
    .await?;
    // Claiming the entry after the insert, in one transaction: a second send waits on this
    // row, then finds it claimed and rolls back its own response.
    // The answers now live in the response alone.
    let claimed = entry::Entity::update_many()
        .col_expr(entry::Column::ResponseId, Expr::value(row.id))
        .col_expr(entry::Column::Answers, Expr::value("{}"))
        .col_expr(entry::Column::SentDigest, Expr::value(digest))
        .filter(entry::Column::Code.eq(&entry.code))
        .filter(entry::Column::ResponseId.is_null())
        .exec(&txn)
        .await?;
    if claimed.rows_affected == 0 {
        txn.rollback().await?;
        return Ok(Sent::Already);
    }
    txn.commit().await?;
    Ok(Sent::Stored {
        at_event: at_event(db, entry.event.id).await?,
    })
}

/// How many responses were entered at an event.
pub async fn at_event(db: &DatabaseConnection, event_id: i32) -> Result<u64, StoreError> {
    Ok(crate::entity::response::Entity::find()
        .filter(crate::entity::response::Column::EventId.eq(event_id))
        .count(db)
        .await?)
}

/// A sent entry of the volunteer's at an event: its code, when it was started.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MySent {
    pub code: String,
    pub created_at: i64,
    pub corrections: u64,
}

/// The volunteer's own sent entries at one of their group's events, oldest first.
pub async fn mine_at_event(
    db: &DatabaseConnection,
    scope: &Scope,
    user_id: i32,
    event_id: i32,
) -> Result<Vec<MySent>, StoreError> {
    if crate::events::own(db, scope, event_id).await?.is_none() {
        return Ok(Vec::new());
    }
    let rows = entry::Entity::find()
        .filter(entry::Column::EventId.eq(event_id))
        .filter(entry::Column::EnteredBy.eq(user_id))
        .filter(entry::Column::KioskId.is_null())
        .filter(entry::Column::BatchId.is_null())
        .filter(entry::Column::ResponseId.is_not_null())
        .order_by_asc(entry::Column::Id)
        .all(db)
        .await?;
    let mut out = Vec::new();
    for r in rows {
        let corrections = entry_correction::Entity::find()
            .filter(entry_correction::Column::ResponseId.eq(r.response_id.unwrap_or_default()))
            .count(db)
            .await?;
        out.push(MySent {
            code: r.code,
            created_at: r.created_at,
            corrections,
        });
    }
    Ok(out)
}

/// A stored response's answers as a form shows them (the ward as its code, scores as
/// numbers), for correcting it.
pub async fn answers_of_response(
    db: &DatabaseConnection,
    response_id: i32,
    areas: &AreaDirectory,
) -> Result<RawAnswers, StoreError> {
    let Some(r) = response::Entity::find_by_id(response_id).one(db).await? else {
        return Ok(RawAnswers::new());
    };
    let mut raw = RawAnswers::new();
    let valid: ValidAnswers = serde_json::from_str(&r.answers)?;
    for (k, v) in valid {
        raw.insert(
            k,
            match v {
                AnswerValue::Scale(n) => n.to_string(),
                AnswerValue::Text(t) => t,
            },
        );
    }
    let area = match r.area_id {
        Some(id) => areas
            .wards
            .iter()
            .find(|w| w.id == id)
            .map(|w| w.code.clone())
            .unwrap_or_default(),
        None if r.area_answer == "ward" || r.area_answer == "missing" => String::new(),
        None => r.area_answer.clone(),
    };
    raw.insert("area".into(), area);
    if let Some(a) = r.age_band {
        raw.insert("age_band".into(), a);
    }
    if let Some(s) = r.sex {
        raw.insert("sex".into(), s);
    }
    Ok(raw)
}

/// One answer a correction changed.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Changed {
    pub question: String,
    pub before: String,
    pub after: String,
}

/// What correcting an entry did.
#[derive(Debug, PartialEq)]
pub enum Corrected {
    /// Saved, with what changed.
    Saved(Vec<Changed>),
    /// The answers are as they were: nothing saved.
    Unchanged,
    Invalid(Vec<FieldError>),
    /// Only the volunteer who entered it corrects it.
    NotTheirs,
    Closed(Closed),
}

/// A volunteer corrects a response they entered, until the event closes: the response is
/// updated and the correction kept (who, when, each answer before and after), together.
#[allow(clippy::too_many_arguments)]
pub async fn correct(
    db: &DatabaseConnection,
    entry: &Entry,
    survey: &SurveyRecord,
    areas: &AreaDirectory,
    answers: RawAnswers,
    user_id: i32,
    now: i64,
    today: NaiveDate,
) -> Result<Corrected, StoreError> {
    let Some(response_id) = entry.response_id else {
        return Ok(Corrected::NotTheirs);
    };
    if entry.entered_by != user_id {
        return Ok(Corrected::NotTheirs);
    }
    if entry.event.cancelled || !entry.event.times.takes_entries(now) {
        return Ok(Corrected::Closed(Closed::Event));
    }
    let valid = match validate_survey(&survey.definition, &answers, &|c| areas.is_ward(c)) {
        Ok(v) => v,
        Err((_, errors)) => {
            // Kept as typed until the correction is saved, so the page loses nothing.
            entry::Entity::update_many()
                .col_expr(
                    entry::Column::Answers,
                    Expr::value(serde_json::to_string(&answers)?),
                )
                .filter(entry::Column::Code.eq(&entry.code))
                .exec(db)
                .await?;
            return Ok(Corrected::Invalid(errors));
        }
    };
    Ok(
        match replace_answers(
            db,
            entry,
            response_id,
            survey,
            areas,
            &answers,
            valid,
            user_id,
            now,
            today,
        )
        .await?
        {
            Some(changes) => Corrected::Saved(changes),
            None => Corrected::Unchanged,
        },
    )
}

/// Which of the survey's answers differ between two sets, in the order of the questions.
pub(crate) fn changes_between(
    survey: &SurveyRecord,
    before: &RawAnswers,
    after: &RawAnswers,
) -> Vec<Changed> {
    let value =
        |a: &RawAnswers, k: &str| a.get(k).map(|v| v.trim().to_string()).unwrap_or_default();
    survey
        .definition
        .sections
        .iter()
        .flat_map(|s| s.questions.iter())
        .filter_map(|q| {
            let (was, now) = (value(before, &q.key), value(after, &q.key));
            (was != now).then(|| Changed {
                question: q.key.clone(),
                before: was,
                after: now,
            })
        })
        .collect()
}

/// Replaces a sent entry's answers with checked ones, keeping the correction (who, when,
/// what changed) in the same transaction. None when nothing changed.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn replace_answers(
    db: &DatabaseConnection,
    entry: &Entry,
    response_id: i32,
    survey: &SurveyRecord,
    areas: &AreaDirectory,
    answers: &RawAnswers,
    valid: ValidAnswers,
    changed_by: i32,
    now: i64,
    today: NaiveDate,
) -> Result<Option<Vec<Changed>>, StoreError> {
    let before = answers_of_response(db, response_id, areas).await?;
    let changes = changes_between(survey, &before, answers);
    if changes.is_empty() {
        return Ok(None);
    }
    let fresh = response_row(
        entry.wave_id,
        valid,
        areas,
        Provenance {
            channel: domain::Channel::Assisted,
            event_id: Some(entry.event.id),
            entered_by: Some(entry.entered_by),
        },
        today,
    )?;
    let txn = db.begin().await?;
    // The id, channel, event, volunteer and date stay; the answers are replaced.
    response::ActiveModel {
        id: Set(response_id),
        area_id: fresh.area_id,
        area_answer: fresh.area_answer,
        age_band: fresh.age_band,
        sex: fresh.sex,
        answers: fresh.answers,
        ..Default::default()
    }
    .update(&txn)
    .await?;
    entry::Entity::update_many()
        .col_expr(entry::Column::Answers, Expr::value("{}"))
        .filter(entry::Column::Code.eq(&entry.code))
        .exec(&txn)
        .await?;
    entry_correction::ActiveModel {
        response_id: Set(response_id),
        changed_by: Set(changed_by),
        changed_at: Set(now),
        changes: Set(serde_json::to_string(&changes)?),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    Ok(Some(changes))
}

/// What identifies a set of answers as sent: the digest of the survey's answers, trimmed,
/// blanks left out, in key order. The same answers sent twice have the same digest.
pub(crate) fn digest_of(answers: &RawAnswers) -> Result<String, StoreError> {
    let canonical: RawAnswers = answers
        .iter()
        .map(|(k, v)| (k.clone(), v.trim().to_string()))
        .filter(|(_, v)| !v.is_empty())
        .collect();
    Ok(crate::tokens::digest(&serde_json::to_string(&canonical)?))
}

/// A correction as kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Correction {
    pub changed_by: i32,
    pub changed_at: i64,
    pub changes: Vec<Changed>,
}

/// Every correction of a response, oldest first.
pub async fn corrections(
    db: &DatabaseConnection,
    response_id: i32,
) -> Result<Vec<Correction>, StoreError> {
    entry_correction::Entity::find()
        .filter(entry_correction::Column::ResponseId.eq(response_id))
        .order_by_asc(entry_correction::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|c| {
            Ok(Correction {
                changed_by: c.changed_by,
                changed_at: c.changed_at,
                changes: serde_json::from_str(&c.changes)?,
            })
        })
        .collect()
}
