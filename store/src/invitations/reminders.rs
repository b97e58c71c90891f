//! Reminders to invitees who have not answered, on the days their batch set, while the
//! wave takes answers.

use super::*;

/// Sends the reminders that are due: to invitees who have not answered, on the days their
/// batch set, while the wave still takes answers. Each reminder is keyed by invitation and
/// number, and counted in the same transaction, so several processes send it once.
/// `due_by` is the moment reminders are due by (now, or a day given on the command line);
/// `now` is when they are queued.
pub async fn remind_due(
    db: &DatabaseConnection,
    secret: &[u8],
    due_by: i64,
    now: i64,
) -> Result<usize, StoreError> {
    let batches = invitation_batch::Entity::find()
        .filter(invitation_batch::Column::FirstReminderDay.is_not_null())
        .filter(invitation_batch::Column::WaveId.in_subquery(crate::drafts::accepting_waves()))
        .all(db)
        .await?;
    let mut sent = 0;
    for b in batches {
        let days: Vec<u32> = [b.first_reminder_day, b.second_reminder_day]
            .into_iter()
            .flatten()
            .map(|d| d as u32)
            .collect();
        for (n, day) in days.iter().enumerate() {
            let cutoff = due_by - i64::from(*day) * DAY;
            sent += remind_batch(db, secret, &b, n as i32, cutoff, now).await?;
        }
    }
    Ok(sent)
}

async fn remind_batch(
    db: &DatabaseConnection,
    secret: &[u8],
    b: &invitation_batch::Model,
    already: i32,
    invited_by: i64,
    now: i64,
) -> Result<usize, StoreError> {
    let txn = db.begin().await?;
    let due = invitation::Entity::find()
        .filter(invitation::Column::BatchId.eq(b.id))
        .filter(invitation::Column::Reminders.eq(already))
        .filter(invitation::Column::UsedOn.is_null())
        .filter(invitation::Column::InvitedAt.lte(invited_by))
        .all(&txn)
        .await?;
    if due.is_empty() {
        return Ok(0);
    }
    let Some(w) = wave::Entity::find_by_id(b.wave_id).one(&txn).await? else {
        return Ok(0);
    };
    let Some(s) = survey::Entity::find_by_id(w.survey_id).one(&txn).await? else {
        return Ok(0);
    };
    let members = member_addresses(&txn, &due).await?;
    let mut sent = 0;
    for row in &due {
        let to = match (row.subscriber_id, &row.email) {
            (Some(m), _) => members.get(&m).cloned(),
            (None, Some(e)) => Some(e.clone()),
            (None, None) => None,
        };
        // Counted even with nobody to send to, so the row is not looked at again.
        let counted = invitation::Entity::update_many()
            .col_expr(invitation::Column::Reminders, Expr::value(already + 1))
            .filter(invitation::Column::Id.eq(row.id))
            .filter(invitation::Column::Reminders.eq(already))
            .exec(&txn)
            .await?;
        let Some(to) = to.filter(|_| counted.rows_affected == 1) else {
            continue;
        };
        let mail = message(
            secret,
            &s,
            row,
            code_for(secret, row.id),
            (already + 1) as u8,
        );
        let key = format!("remind:{}:{}", row.id, already + 1);
        if crate::outbox::enqueue(&txn, &key, &to, &mail, now).await? {
            sent += 1;
        }
    }
    txn.commit().await?;
    Ok(sent)
}

pub(super) async fn member_addresses<C: ConnectionTrait>(
    conn: &C,
    rows: &[invitation::Model],
) -> Result<BTreeMap<i32, String>, StoreError> {
    let ids: Vec<i32> = rows.iter().filter_map(|r| r.subscriber_id).collect();
    let mut out = BTreeMap::new();
    for chunk in ids.chunks(500) {
        for m in subscriber::Entity::find()
            .filter(subscriber::Column::Id.is_in(chunk.to_vec()))
            .filter(subscriber::Column::ConfirmedAt.is_not_null())
            .all(conn)
            .await?
        {
            out.insert(m.id, m.email);
        }
    }
    Ok(out)
}
