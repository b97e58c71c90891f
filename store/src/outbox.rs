//! The email outbox. A message is written here in the same transaction as the event that
//! causes it (so a crash loses neither, nor keeps one without the other), under a key that
//! makes writing it twice queue it once. Senders `claim` due messages (each taken by one
//! process, `FOR UPDATE SKIP LOCKED` on PostgreSQL) and record how each send went.

use domain::mail::{after_failure, Failure, Mail, OutboxStatus};
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter, QueryOrder, QuerySelect, Statement, Value,
};

use crate::db::placeholders;
use crate::entity::outbox;
use crate::StoreError;

/// How long a claimed message is its sender's unless configured: longer than any send takes
/// (each has its own timeout), short enough that a message whose sender died goes out again
/// soon.
pub const LEASE_SECONDS: i64 = 120;

/// Queues `mail` for `to` unless a message with this key is already queued or sent. Call it
/// on the transaction that records the event. True if it was queued now.
pub async fn enqueue<C: ConnectionTrait>(
    conn: &C,
    key: &str,
    to: &str,
    mail: &Mail,
    now: i64,
) -> Result<bool, StoreError> {
    let row = outbox::ActiveModel {
        idem_key: Set(key.to_string()),
        recipient: Set(to.to_string()),
        data: Set(serde_json::to_string(mail)?),
        status: Set(OutboxStatus::Queued.key().to_string()),
        attempts: Set(0),
        next_attempt_at: Set(now),
        claimed_until: Set(None),
        last_error: Set(None),
        created_at: Set(now),
        sent_at: Set(None),
        ..Default::default()
    };
    let added = outbox::Entity::insert(row)
        .on_conflict(
            OnConflict::column(outbox::Column::IdemKey)
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(conn)
        .await?;
    Ok(added == 1)
}

/// A message taken for sending.
#[derive(Clone, Debug)]
pub struct Claimed {
    pub id: i32,
    pub key: String,
    pub to: String,
    pub mail: Mail,
    /// Tries so far, this one included.
    pub attempts: u32,
}

/// Takes up to `limit` due messages for this process for `lease` seconds: queued ones whose
/// time has come, and ones a process took and never finished (it died) once their lease ran
/// out.
pub async fn claim(
    db: &DatabaseConnection,
    now: i64,
    limit: u32,
    lease: i64,
) -> Result<Vec<Claimed>, StoreError> {
    let backend = db.get_database_backend();
    // SQLite has one writer at a time, so its UPDATE is already the only one taking these.
    let lock = match backend {
        sea_orm::DbBackend::Postgres => " FOR UPDATE SKIP LOCKED",
        _ => "",
    };
    let sql = format!(
        "UPDATE outbox SET status = 'sending', claimed_until = ?, attempts = attempts + 1
         WHERE id IN (
           SELECT id FROM outbox
           WHERE (status = 'queued' AND next_attempt_at <= ?)
              OR (status = 'sending' AND claimed_until < ?)
           ORDER BY id LIMIT ?{lock})
         RETURNING id, idem_key, recipient, data, attempts"
    );
    let rows = db
        .query_all_raw(Statement::from_sql_and_values(
            backend,
            placeholders(backend, &sql),
            [
                Value::from(now + lease),
                Value::from(now),
                Value::from(now),
                Value::from(i64::from(limit)),
            ],
        ))
        .await?;
    let mut claimed = rows
        .iter()
        .map(|r| {
            Ok(Claimed {
                id: r.try_get_by_index(0)?,
                key: r.try_get_by_index(1)?,
                to: r.try_get_by_index(2)?,
                mail: serde_json::from_str(&r.try_get_by_index::<String>(3)?)?,
                attempts: u32::try_from(r.try_get_by_index::<i32>(4)?).unwrap_or(0),
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    claimed.sort_by_key(|c| c.id);
    Ok(claimed)
}

/// Queues again every message a process was sending when it stopped. Only for a database
/// one process uses (SQLite), at start-up: with several, another may be sending them now.
pub async fn release_claims(db: &DatabaseConnection) -> Result<u64, StoreError> {
    let done = outbox::Entity::update_many()
        .col_expr(
            outbox::Column::Status,
            sea_orm::sea_query::Expr::value(OutboxStatus::Queued.key()),
        )
        .col_expr(
            outbox::Column::ClaimedUntil,
            sea_orm::sea_query::Expr::value(Option::<i64>::None),
        )
        .filter(outbox::Column::Status.eq(OutboxStatus::Sending.key()))
        .exec(db)
        .await?;
    Ok(done.rows_affected)
}

/// The mail server took it (or, with none configured, it was written to the mail folder).
/// Its links are redacted: a sent message's token is the recipient's alone.
pub async fn delivered(
    db: &DatabaseConnection,
    message: &Claimed,
    status: OutboxStatus,
    now: i64,
) -> Result<(), StoreError> {
    outbox::ActiveModel {
        id: Set(message.id),
        status: Set(status.key().to_string()),
        data: Set(serde_json::to_string(&message.mail.redacted())?),
        claimed_until: Set(None),
        last_error: Set(None),
        sent_at: Set(Some(now)),
        ..Default::default()
    }
    .update(db)
    .await?;
    Ok(())
}

/// A send failed: tried again later, or failed for good (permanent, or out of tries).
pub async fn failed(
    db: &DatabaseConnection,
    message: &Claimed,
    failure: Failure,
    reason: &str,
    now: i64,
) -> Result<OutboxStatus, StoreError> {
    let (status, next) = after_failure(failure, message.attempts, now);
    let reason: String = reason.chars().take(1000).collect();
    outbox::ActiveModel {
        id: Set(message.id),
        status: Set(status.key().to_string()),
        next_attempt_at: Set(next.unwrap_or(now)),
        claimed_until: Set(None),
        last_error: Set(Some(reason)),
        ..Default::default()
    }
    .update(db)
    .await?;
    Ok(status)
}

/// An administrator sends a failed message again: queued now, with all its tries back.
/// False if it was not failed (sent meanwhile, or retried by someone else).
pub async fn retry(db: &DatabaseConnection, id: i32, now: i64) -> Result<bool, StoreError> {
    let done = outbox::Entity::update_many()
        .col_expr(
            outbox::Column::Status,
            sea_orm::sea_query::Expr::value(OutboxStatus::Queued.key()),
        )
        .col_expr(outbox::Column::Attempts, sea_orm::sea_query::Expr::value(0))
        .col_expr(
            outbox::Column::NextAttemptAt,
            sea_orm::sea_query::Expr::value(now),
        )
        .filter(outbox::Column::Id.eq(id))
        .filter(outbox::Column::Status.eq(OutboxStatus::Failed.key()))
        .exec(db)
        .await?;
    Ok(done.rows_affected == 1)
}

/// A message as the administrators' outbox page lists it.
#[derive(Clone, Debug)]
pub struct Entry {
    pub id: i32,
    pub to: String,
    pub label: &'static str,
    pub subject: String,
    pub status: OutboxStatus,
    pub attempts: u32,
    pub last_error: Option<String>,
    pub created_at: i64,
    pub sent_at: Option<i64>,
    pub next_attempt_at: i64,
}

/// The newest `limit` messages, newest first.
pub async fn newest(db: &DatabaseConnection, limit: u64) -> Result<Vec<Entry>, StoreError> {
    let rows = outbox::Entity::find()
        .order_by_desc(outbox::Column::Id)
        .limit(limit)
        .all(db)
        .await?;
    rows.into_iter()
        .map(|r| {
            let mail: Mail = serde_json::from_str(&r.data)?;
            Ok(Entry {
                id: r.id,
                to: r.recipient,
                label: mail.label(),
                subject: mail.subject(),
                status: OutboxStatus::parse(&r.status)
                    .ok_or_else(|| StoreError::Corrupt(format!("outbox status {}", r.status)))?,
                attempts: u32::try_from(r.attempts).unwrap_or(0),
                last_error: r.last_error,
                created_at: r.created_at,
                sent_at: r.sent_at,
                next_attempt_at: r.next_attempt_at,
            })
        })
        .collect()
}

/// How long a sent message's record is kept (who was sent what, when): 30 days.
pub const KEEP_SENT_SECONDS: i64 = 30 * 24 * 60 * 60;

/// Deletes records of messages sent (or written) more than 30 days ago.
pub async fn prune(db: &DatabaseConnection, now: i64) -> Result<u64, StoreError> {
    let done = outbox::Entity::delete_many()
        .filter(
            outbox::Column::Status.is_in([OutboxStatus::Sent.key(), OutboxStatus::Written.key()]),
        )
        .filter(outbox::Column::SentAt.lt(now - KEEP_SENT_SECONDS))
        .exec(db)
        .await?;
    Ok(done.rows_affected)
}
