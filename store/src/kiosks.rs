//! Kiosks: an organiser turns a tablet into a kiosk for one of their events and one survey,
//! with a one-time code typed on the tablet. The tablet then holds a token of its own (the
//! table keeps hashes of both). Residents answer on it themselves; it stops working when the
//! event ends, or when an organiser of the group ends it.

use domain::KioskCode;
use rand::Rng;
use sea_orm::{
    sea_query::Expr, ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection,
    EntityTrait, QueryFilter,
};

use crate::entity::kiosk;
use crate::entries::Closed;
use crate::events::Event;
use crate::groups::Scope;
use crate::tokens::{digest, random};
use crate::StoreError;

/// How long a kiosk's one-time code works.
pub const CODE_MINUTES: i64 = 15;

/// A working kiosk.
#[derive(Clone, Debug, PartialEq)]
pub struct Kiosk {
    pub id: i32,
    pub event: Event,
    pub wave_id: i32,
    pub created_by: i32,
}

/// An organiser sets up a kiosk for one of the event's surveys: its one-time code. None
/// when the event is not theirs or does not collect that survey.
pub async fn set_up(
    db: &DatabaseConnection,
    scope: &Scope,
    user_id: i32,
    event_id: i32,
    wave_id: i32,
    now: i64,
) -> Result<Option<Result<KioskCode, Closed>>, StoreError> {
    if !scope.organises() {
        return Ok(None);
    }
    let Some(e) = crate::events::own(db, scope, event_id).await? else {
        return Ok(None);
    };
    if !e.waves.contains(&wave_id) {
        return Ok(None);
    }
    if e.cancelled || now >= e.times.ends_at || !e.times.takes_entries(now) {
        return Ok(Some(Err(Closed::Event)));
    }
    if !crate::drafts::wave_accepts_answers(db, wave_id).await? {
        return Ok(Some(Err(Closed::Wave)));
    }
    let code = KioskCode::from_bytes(rand::rng().random::<u128>().to_be_bytes());
    kiosk::ActiveModel {
        event_id: Set(event_id),
        wave_id: Set(wave_id),
        created_by: Set(user_id),
        code_hash: Set(digest(code.as_str())),
        code_expires_at: Set(now + CODE_MINUTES * 60),
        token_hash: Set(None),
        created_at: Set(now),
        ended_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(Some(Ok(code)))
}

/// The tablet types the code: the kiosk's token (for its cookie), once. None for a wrong,
/// used or expired code, or an event over.
pub async fn redeem(
    db: &DatabaseConnection,
    code: &KioskCode,
    now: i64,
) -> Result<Option<String>, StoreError> {
    let Some(row) = kiosk::Entity::find()
        .filter(kiosk::Column::CodeHash.eq(digest(code.as_str())))
        .filter(kiosk::Column::TokenHash.is_null())
        .filter(kiosk::Column::CodeExpiresAt.gt(now))
        .filter(kiosk::Column::EndedAt.is_null())
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    if live(db, row)
        .await?
        .is_none_or(|k| now >= k.event.times.ends_at)
    {
        return Ok(None);
    }
    let token = random();
    // Claimed once: a second tablet typing the same code finds it taken.
    let claimed = kiosk::Entity::update_many()
        .col_expr(kiosk::Column::TokenHash, Expr::value(digest(&token)))
        .filter(kiosk::Column::CodeHash.eq(digest(code.as_str())))
        .filter(kiosk::Column::TokenHash.is_null())
        .exec(db)
        .await?;
    Ok((claimed.rows_affected == 1).then_some(token))
}

async fn live(db: &DatabaseConnection, row: kiosk::Model) -> Result<Option<Kiosk>, StoreError> {
    let Some(e) = crate::events::by_id(db, row.event_id).await? else {
        return Ok(None);
    };
    Ok((!e.cancelled && row.ended_at.is_none()).then_some(Kiosk {
        id: row.id,
        event: e,
        wave_id: row.wave_id,
        created_by: row.created_by,
    }))
}

/// The kiosk a tablet's token belongs to, while it works: not ended, its event not
/// cancelled and not over.
pub async fn by_token(
    db: &DatabaseConnection,
    token: &str,
    now: i64,
) -> Result<Option<Kiosk>, StoreError> {
    let Some(row) = kiosk::Entity::find()
        .filter(kiosk::Column::TokenHash.eq(digest(token)))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    Ok(live(db, row).await?.filter(|k| now < k.event.times.ends_at))
}

/// Ends a kiosk (an organiser of its group, on the tablet).
pub async fn end(db: &DatabaseConnection, id: i32, now: i64) -> Result<(), StoreError> {
    kiosk::Entity::update_many()
        .col_expr(kiosk::Column::EndedAt, Expr::value(now))
        .filter(kiosk::Column::Id.eq(id))
        .exec(db)
        .await?;
    crate::entries::forget_unsent(db, id).await
}

/// What an attempt to leave kiosk mode did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Leave {
    Ended,
    /// Not an active organiser of the kiosk's group, or the wrong password: the same words
    /// either way.
    Refused,
    /// Too many wrong tries lately: paused, like signing in.
    Paused,
}

/// An organiser of the kiosk's group ends it on the tablet with their email address and
/// password (throttled like signing in, so nobody at the event can guess their way out).
pub async fn leave(
    db: &DatabaseConnection,
    kiosk: &Kiosk,
    email: &str,
    password: &str,
    ip: &str,
    now: i64,
) -> Result<Leave, StoreError> {
    let key = format!("kiosk: {}", email.trim().to_lowercase());
    let attempt = crate::throttle::reserve(db, &key, ip, now).await?;
    if let domain::accounts::Gate::Refuse(_) = domain::accounts::sign_in_gate(attempt.before) {
        crate::throttle::release(db, attempt).await?;
        return Ok(Leave::Paused);
    }
    let account = match domain::accounts::EmailAddress::parse(email) {
        Ok(e) => crate::users::find_by_email(db, &e).await?,
        Err(_) => None,
    };
    let hash = account
        .as_ref()
        .map(|a| a.password_hash.clone())
        .unwrap_or_else(|| crate::users::decoy_hash().to_string());
    let right = crate::users::verify_password_bounded(hash, password.to_string()).await;
    let organiser = account.is_some_and(|a| {
        a.active
            && a.role == domain::accounts::Role::Organiser.key()
            && a.group_id == Some(kiosk.event.group_id)
    });
    if !(right && organiser) {
        return Ok(Leave::Refused);
    }
    crate::throttle::clear(db, &key, ip).await?;
    end(db, kiosk.id, now).await?;
    Ok(Leave::Ended)
}
