//! The email lists residents join: results updates (emailed when results are published) and
//! the residents' panel (people who agreed to be asked to take part in surveys). An address
//! is confirmed by a link before anything else goes to it (double opt-in); unconfirmed ones
//! are deleted after 7 days; leaving deletes the address at once. Each message carries a
//! one-click way to leave, whose token is a keyed hash of the row (nothing more is stored).

use domain::accounts::EmailAddress;
use domain::mail::Mail;
pub use domain::mail::ResidentList as List;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter, TransactionTrait,
};

use crate::entity::subscriber;
use crate::tokens::{digest as hash, random, seal, unseal};
use crate::StoreError;

/// What a panel member chose to say about themselves (each optional), already checked
/// against the wards, age bands and sexes Kiln knows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Profile {
    pub ward_code: Option<String>,
    pub age_band: Option<String>,
    pub sex: Option<String>,
}

/// Unconfirmed addresses are kept this long.
pub const CONFIRM_WITHIN_SECONDS: i64 = 7 * 24 * 60 * 60;

/// A new request for the same unconfirmed address within this long sends nothing more.
const RESEND_AFTER_SECONDS: i64 = 120;

const LEAVE: &str = "leave";

/// The token of the leave link for subscriber `id`: the id sealed with a MAC.
pub fn leave_token(secret: &[u8], id: i32) -> String {
    seal(secret, LEAVE, &id.to_string())
}

/// The subscriber a leave token names, if its MAC is right.
fn leave_id(secret: &[u8], token: &str) -> Option<i32> {
    unseal(secret, LEAVE, token)?.parse().ok()
}

/// Someone asks to join a list. A new (or still unconfirmed) address gets a confirmation
/// link; a confirmed one gets nothing more (its profile is kept as it was). The caller
/// answers the same either way. True if a message was queued.
pub async fn subscribe(
    db: &DatabaseConnection,
    secret: &[u8],
    list: List,
    email: &EmailAddress,
    profile: Profile,
    now: i64,
) -> Result<bool, StoreError> {
    let existing = subscriber::Entity::find()
        .filter(subscriber::Column::List.eq(list.key()))
        .filter(subscriber::Column::Email.eq(email.as_str()))
        .one(db)
        .await?;
    if let Some(s) = &existing {
        if s.confirmed_at.is_some() || s.created_at > now - RESEND_AFTER_SECONDS {
            return Ok(false);
        }
    }
    let token = random();
    let txn = db.begin().await?;
    let row = match existing {
        Some(s) => {
            let mut a: subscriber::ActiveModel = s.into();
            a.confirm_hash = Set(Some(hash(&token)));
            a.created_at = Set(now);
            a.ward_code = Set(profile.ward_code);
            a.age_band = Set(profile.age_band);
            a.sex = Set(profile.sex);
            a.update(&txn).await?
        }
        None => {
            subscriber::ActiveModel {
                list: Set(list.key().to_string()),
                email: Set(email.as_str().to_string()),
                ward_code: Set(profile.ward_code),
                age_band: Set(profile.age_band),
                sex: Set(profile.sex),
                confirm_hash: Set(Some(hash(&token))),
                created_at: Set(now),
                confirmed_at: Set(None),
                ..Default::default()
            }
            .insert(&txn)
            .await?
        }
    };
    let mail = Mail::JoinConfirmation {
        list,
        token,
        leave_token: leave_token(secret, row.id),
    };
    let key = format!("confirm:{}:{now}", row.id);
    crate::outbox::enqueue(&txn, &key, &row.email, &mail, now).await?;
    txn.commit().await?;
    Ok(true)
}

fn list_of(row: &subscriber::Model) -> Result<List, StoreError> {
    List::parse(&row.list).ok_or_else(|| StoreError::Corrupt(format!("list {}", row.list)))
}

/// The list a live confirmation link is for (looking uses nothing up).
pub async fn confirmation_works(
    db: &DatabaseConnection,
    token: &str,
    now: i64,
) -> Result<Option<List>, StoreError> {
    subscriber::Entity::find()
        .filter(subscriber::Column::ConfirmHash.eq(hash(token)))
        .filter(subscriber::Column::CreatedAt.gt(now - CONFIRM_WITHIN_SECONDS))
        .one(db)
        .await?
        .as_ref()
        .map(list_of)
        .transpose()
}

/// Confirms the address a link was sent to; the list it joined. None if the link is
/// unknown, used or old.
pub async fn confirm(
    db: &DatabaseConnection,
    token: &str,
    now: i64,
) -> Result<Option<List>, StoreError> {
    let Some(list) = confirmation_works(db, token, now).await? else {
        return Ok(None);
    };
    let done = subscriber::Entity::update_many()
        .col_expr(
            subscriber::Column::ConfirmedAt,
            sea_orm::sea_query::Expr::value(now),
        )
        .col_expr(
            subscriber::Column::ConfirmHash,
            sea_orm::sea_query::Expr::value(Option::<String>::None),
        )
        .filter(subscriber::Column::ConfirmHash.eq(hash(token)))
        .filter(subscriber::Column::CreatedAt.gt(now - CONFIRM_WITHIN_SECONDS))
        .exec(db)
        .await?;
    Ok((done.rows_affected == 1).then_some(list))
}

/// The list of the address a leave link names, if it is still on it.
pub async fn leave_works(
    db: &DatabaseConnection,
    secret: &[u8],
    token: &str,
) -> Result<Option<List>, StoreError> {
    let Some(id) = leave_id(secret, token) else {
        return Ok(None);
    };
    subscriber::Entity::find_by_id(id)
        .one(db)
        .await?
        .as_ref()
        .map(list_of)
        .transpose()
}

/// Deletes the address at once; the list it left. None if the link is not right or the
/// address has already gone.
pub async fn leave(
    db: &DatabaseConnection,
    secret: &[u8],
    token: &str,
) -> Result<Option<List>, StoreError> {
    let Some(list) = leave_works(db, secret, token).await? else {
        return Ok(None);
    };
    let id = leave_id(secret, token).expect("checked above");
    let done = subscriber::Entity::delete_by_id(id).exec(db).await?;
    Ok((done.rows_affected == 1).then_some(list))
}

/// Queues one "new results" message to every confirmed address, inside the transaction
/// that publishes the wave; keyed by wave, so publishing it again sends nothing twice.
pub async fn announce<C: ConnectionTrait>(
    conn: &C,
    secret: &[u8],
    survey: &crate::entity::survey::Model,
    wave: &crate::entity::wave::Model,
    now: i64,
) -> Result<usize, StoreError> {
    let confirmed = subscriber::Entity::find()
        .filter(subscriber::Column::List.eq(List::Results.key()))
        .filter(subscriber::Column::ConfirmedAt.is_not_null())
        .all(conn)
        .await?;
    let mut queued = 0;
    for s in confirmed {
        let mail = Mail::ResultsPublished {
            survey: survey.title.clone(),
            wave: wave.name.clone(),
            survey_key: survey.key.clone(),
            wave_key: wave.key.clone(),
            leave_token: leave_token(secret, s.id),
        };
        let key = format!("results:{}:{}", wave.id, s.id);
        if crate::outbox::enqueue(conn, &key, &s.email, &mail, now).await? {
            queued += 1;
        }
    }
    Ok(queued)
}

/// What confirmed panel members said about themselves, one entry each (`None`: not said):
/// to compare the panel with the population. Nothing else about them.
pub async fn panel_profiles(db: &DatabaseConnection) -> Result<Vec<Profile>, StoreError> {
    Ok(panel_members(db)
        .await?
        .into_iter()
        .map(|m| Profile {
            ward_code: m.ward_code,
            age_band: m.age_band,
            sex: m.sex,
        })
        .collect())
}

/// Confirmed panel members, to invite.
pub(crate) async fn panel_members(
    db: &DatabaseConnection,
) -> Result<Vec<subscriber::Model>, StoreError> {
    Ok(subscriber::Entity::find()
        .filter(subscriber::Column::List.eq(List::Panel.key()))
        .filter(subscriber::Column::ConfirmedAt.is_not_null())
        .all(db)
        .await?)
}

/// Deletes addresses not confirmed within 7 days.
pub async fn prune(db: &DatabaseConnection, now: i64) -> Result<(), StoreError> {
    subscriber::Entity::delete_many()
        .filter(subscriber::Column::ConfirmedAt.is_null())
        .filter(subscriber::Column::CreatedAt.lte(now - CONFIRM_WITHIN_SECONDS))
        .exec(db)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_leave_link_names_its_subscriber_and_cannot_be_made_up() {
        let t = leave_token(b"secret", 42);
        assert_eq!(leave_id(b"secret", &t), Some(42));
        assert_eq!(leave_id(b"other", &t), None);
        let forged = t.replacen("42.", "43.", 1);
        assert_eq!(leave_id(b"secret", &forged), None);
        assert_eq!(leave_id(b"secret", "42"), None);
    }
}
