//! Failed sign-ins, counted to slow and then stop password guessing (the policy itself is
//! `domain::accounts::sign_in_gate`).

use domain::accounts::{RecentFailures, THROTTLE_WINDOW};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter,
};

use crate::entity::sign_in_failure as f;
use crate::StoreError;

/// An attempt to sign in, counted before its password is checked: parallel attempts each
/// see the others, so sending many at once gets no more tries than sending them in turn.
/// Kept as the failure record if the password is wrong; `release`d if the attempt is refused
/// unchecked; removed by `clear` when the password is right.
pub struct Attempt {
    id: i32,
    /// Failures (and attempts still in flight) before this one.
    pub before: RecentFailures,
}

pub async fn reserve(
    db: &DatabaseConnection,
    email: &str,
    ip: &str,
    now: i64,
) -> Result<Attempt, StoreError> {
    let email: String = email.chars().take(254).collect();
    let row = f::ActiveModel {
        email: Set(email.clone()),
        ip: Set(ip.to_string()),
        at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let since = now - THROTTLE_WINDOW;
    let count = |q: sea_orm::Select<f::Entity>| async move {
        q.filter(f::Column::At.gt(since))
            .filter(f::Column::Id.ne(row.id))
            .count(db)
            .await
            .map(|n| u32::try_from(n).unwrap_or(u32::MAX))
    };
    let before = RecentFailures {
        account_and_address: count(
            f::Entity::find()
                .filter(f::Column::Email.eq(&email))
                .filter(f::Column::Ip.eq(ip)),
        )
        .await?,
        account: count(f::Entity::find().filter(f::Column::Email.eq(&email))).await?,
        address: count(f::Entity::find().filter(f::Column::Ip.eq(ip))).await?,
    };
    Ok(Attempt { id: row.id, before })
}

/// Takes back an attempt that was refused without its password being checked: refusals do
/// not extend a lock.
pub async fn release(db: &DatabaseConnection, attempt: Attempt) -> Result<(), StoreError> {
    f::Entity::delete_by_id(attempt.id).exec(db).await?;
    Ok(())
}

/// After a successful sign-in, that person's earlier slips from that address (and this
/// attempt) are forgiven.
pub async fn clear(db: &DatabaseConnection, email: &str, ip: &str) -> Result<(), StoreError> {
    f::Entity::delete_many()
        .filter(f::Column::Email.eq(email))
        .filter(f::Column::Ip.eq(ip))
        .exec(db)
        .await?;
    Ok(())
}

pub async fn prune(db: &DatabaseConnection, now: i64) -> Result<(), StoreError> {
    f::Entity::delete_many()
        .filter(f::Column::At.lte(now - THROTTLE_WINDOW))
        .exec(db)
        .await?;
    Ok(())
}
