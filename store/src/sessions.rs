//! Sessions kept on the server. The cookie holds a random token; the table holds only its
//! SHA-256, so a copy of the database cannot be turned into working cookies.

use domain::accounts::SessionLimits;

use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, DatabaseConnection, EntityTrait,
    QueryFilter,
};

use crate::entity::user_session;
use crate::users::User;
use crate::StoreError;

/// Seen-at times are written at most this often, not on every request.
const TOUCH_EVERY: i64 = 60;

use crate::tokens::digest as token_hash;

pub struct Started {
    /// Goes in the cookie; never stored.
    pub token: String,
}

/// A new session with a fresh token: a token from before sign-in is never carried over.
pub async fn start(db: &DatabaseConnection, user_id: i32, now: i64) -> Result<Started, StoreError> {
    let token = crate::tokens::random();
    user_session::ActiveModel {
        token_hash: Set(token_hash(&token)),
        user_id: Set(user_id),
        created_at: Set(now),
        last_seen_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(Started { token })
}

/// A live session's id and user: None when the token is unknown, expired, or the account is
/// no longer active. An expired session is deleted when found.
pub async fn find(
    db: &DatabaseConnection,
    token: &str,
    limits: SessionLimits,
    now: i64,
) -> Result<Option<(i32, User)>, StoreError> {
    let Some(s) = user_session::Entity::find()
        .filter(user_session::Column::TokenHash.eq(token_hash(token)))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    if !limits.is_live(s.created_at, s.last_seen_at, now) {
        user_session::Entity::delete_by_id(s.id).exec(db).await?;
        return Ok(None);
    }
    let Some(user) = crate::users::by_id(db, s.user_id)
        .await?
        .filter(|u| u.active)
    else {
        return Ok(None);
    };
    if now - s.last_seen_at >= TOUCH_EVERY {
        user_session::ActiveModel {
            id: Set(s.id),
            last_seen_at: Set(now),
            ..Default::default()
        }
        .update(db)
        .await?;
    }
    Ok(Some((s.id, user)))
}

pub async fn end(db: &DatabaseConnection, token: &str) -> Result<(), StoreError> {
    user_session::Entity::delete_many()
        .filter(user_session::Column::TokenHash.eq(token_hash(token)))
        .exec(db)
        .await?;
    Ok(())
}

pub async fn end_all_for<C: sea_orm::ConnectionTrait>(
    db: &C,
    user_id: i32,
) -> Result<(), StoreError> {
    user_session::Entity::delete_many()
        .filter(user_session::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    Ok(())
}

/// A live session, as its owner sees it in their list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionInfo {
    pub id: i32,
    pub created_at: i64,
    pub last_seen_at: i64,
}

/// A person's sessions, most recently used first.
pub async fn of_user(
    db: &DatabaseConnection,
    user_id: i32,
) -> Result<Vec<SessionInfo>, StoreError> {
    use sea_orm::QueryOrder;
    Ok(user_session::Entity::find()
        .filter(user_session::Column::UserId.eq(user_id))
        .order_by_desc(user_session::Column::LastSeenAt)
        .all(db)
        .await?
        .into_iter()
        .map(|s| SessionInfo {
            id: s.id,
            created_at: s.created_at,
            last_seen_at: s.last_seen_at,
        })
        .collect())
}

/// Ends one of a person's own sessions; false when it is not theirs (or already ended).
pub async fn end_one<C: sea_orm::ConnectionTrait>(
    db: &C,
    user_id: i32,
    session_id: i32,
) -> Result<bool, StoreError> {
    let res = user_session::Entity::delete_many()
        .filter(user_session::Column::UserId.eq(user_id))
        .filter(user_session::Column::Id.eq(session_id))
        .exec(db)
        .await?;
    Ok(res.rows_affected > 0)
}

/// Ends every session of a person but one (the one they are using). Returns how many.
pub async fn end_others<C: sea_orm::ConnectionTrait>(
    db: &C,
    user_id: i32,
    keep_session_id: i32,
) -> Result<u64, StoreError> {
    let res = user_session::Entity::delete_many()
        .filter(user_session::Column::UserId.eq(user_id))
        .filter(user_session::Column::Id.ne(keep_session_id))
        .exec(db)
        .await?;
    Ok(res.rows_affected)
}

/// Deletes every session past either limit (the background task calls this).
pub async fn delete_expired(
    db: &DatabaseConnection,
    limits: SessionLimits,
    now: i64,
) -> Result<u64, StoreError> {
    let res = user_session::Entity::delete_many()
        .filter(
            Condition::any()
                .add(user_session::Column::LastSeenAt.lte(now - limits.idle))
                .add(user_session::Column::CreatedAt.lte(now - limits.absolute)),
        )
        .exec(db)
        .await?;
    Ok(res.rows_affected)
}
