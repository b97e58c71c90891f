//! The email lists residents join: results updates (emailed when results are published) and
//! the residents' panel (people who agreed to be asked to take part in surveys). An address
//! is confirmed by a link before anything else goes to it (double opt-in); unconfirmed ones
//! are deleted after 7 days; leaving deletes the address at once. Each message carries a
//! one-click way to leave, whose token is a keyed hash of the row (nothing more is stored).

use domain::accounts::EmailAddress;
use domain::mail::Mail;
use hmac::{Hmac, Mac};
use rand::RngCore;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter, TransactionTrait,
};
use sha2::{Digest, Sha256};

use crate::entity::subscriber;
use crate::StoreError;

/// A list a resident may join.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum List {
    Results,
    Panel,
}

impl List {
    pub fn key(self) -> &'static str {
        match self {
            List::Results => "results",
            List::Panel => "panel",
        }
    }

    fn parse(key: &str) -> Option<List> {
        [List::Results, List::Panel]
            .into_iter()
            .find(|l| l.key() == key)
    }
}

/// What a panel member chose to say about themselves (each optional), already checked
/// against the wards, age bands and sexes Kiln knows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Profile {
    pub ward_code: Option<String>,
    pub age_band: Option<String>,
    pub sex: Option<String>,
}

/// Where the confirmation link and the leave link go, below the public address.
pub const CONFIRM_BASE: &str = "/updates/confirm";
pub const LEAVE_BASE: &str = "/updates/leave";

/// Unconfirmed addresses are kept this long.
pub const CONFIRM_WITHIN_SECONDS: i64 = 7 * 24 * 60 * 60;

/// A new request for the same unconfirmed address within this long sends nothing more.
const RESEND_AFTER_SECONDS: i64 = 120;

fn hash(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The token of the leave link for subscriber `id`: the id and a MAC of it.
pub fn leave_token(secret: &[u8], id: i32) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).expect("any key length");
    mac.update(format!("leave:{id}").as_bytes());
    let tag: String = mac.finalize().into_bytes()[..16]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    format!("{id}-{tag}")
}

/// The subscriber a leave token names, if its MAC is right.
fn leave_id(secret: &[u8], token: &str) -> Option<i32> {
    let id: i32 = token.split_once('-')?.0.parse().ok()?;
    let expected = leave_token(secret, id);
    // Both are ASCII hex of one length: compare without stopping at the first difference.
    let same = expected.len() == token.len()
        && expected
            .bytes()
            .zip(token.bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0;
    same.then_some(id)
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
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    let token: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
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
    let confirm_path = format!("{CONFIRM_BASE}/{token}");
    let leave_path = format!("{LEAVE_BASE}/{}", leave_token(secret, row.id));
    let mail = match list {
        List::Results => Mail::UpdatesConfirmation {
            confirm_path,
            leave_path,
        },
        List::Panel => Mail::PanelConfirmation {
            confirm_path,
            leave_path,
        },
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
    survey_title: &str,
    wave_id: i32,
    wave_name: &str,
    results_path: &str,
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
            survey: survey_title.to_string(),
            wave: wave_name.to_string(),
            results_path: results_path.to_string(),
            leave_path: format!("{LEAVE_BASE}/{}", leave_token(secret, s.id)),
        };
        let key = format!("results:{wave_id}:{}", s.id);
        if crate::outbox::enqueue(conn, &key, &s.email, &mail, now).await? {
            queued += 1;
        }
    }
    Ok(queued)
}

/// What confirmed panel members said about themselves, one entry each (`None`: not said):
/// to compare the panel with the population. Nothing else about them.
pub async fn panel_profiles(db: &DatabaseConnection) -> Result<Vec<Profile>, StoreError> {
    Ok(subscriber::Entity::find()
        .filter(subscriber::Column::List.eq(List::Panel.key()))
        .filter(subscriber::Column::ConfirmedAt.is_not_null())
        .all(db)
        .await?
        .into_iter()
        .map(|m| Profile {
            ward_code: m.ward_code,
            age_band: m.age_band,
            sex: m.sex,
        })
        .collect())
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
        let forged = t.replacen("42-", "43-", 1);
        assert_eq!(leave_id(b"secret", &forged), None);
        assert_eq!(leave_id(b"secret", "42"), None);
    }
}
