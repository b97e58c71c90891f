//! Failed sign-ins, counted to slow and then stop password guessing (the policy itself is
//! `domain::accounts::sign_in_gate`).

use domain::accounts::{RecentFailures, THROTTLE_WINDOW};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter,
};

use crate::entity::sign_in_failure as f;
use crate::StoreError;

pub async fn recent(
    db: &DatabaseConnection,
    email: &str,
    ip: &str,
) -> Result<RecentFailures, StoreError> {
    let since = crate::now() - THROTTLE_WINDOW;
    let count = |q: sea_orm::Select<f::Entity>| async move {
        q.filter(f::Column::At.gt(since))
            .count(db)
            .await
            .map(|n| u32::try_from(n).unwrap_or(u32::MAX))
    };
    Ok(RecentFailures {
        account_and_address: count(
            f::Entity::find()
                .filter(f::Column::Email.eq(email))
                .filter(f::Column::Ip.eq(ip)),
        )
        .await?,
        account: count(f::Entity::find().filter(f::Column::Email.eq(email))).await?,
        address: count(f::Entity::find().filter(f::Column::Ip.eq(ip))).await?,
    })
}

pub async fn record(db: &DatabaseConnection, email: &str, ip: &str) -> Result<(), StoreError> {
    f::ActiveModel {
        email: Set(email.chars().take(254).collect()),
        ip: Set(ip.to_string()),
        at: Set(crate::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// After a successful sign-in, that person's earlier slips from that address are forgiven.
pub async fn clear(db: &DatabaseConnection, email: &str, ip: &str) -> Result<(), StoreError> {
    f::Entity::delete_many()
        .filter(f::Column::Email.eq(email))
        .filter(f::Column::Ip.eq(ip))
        .exec(db)
        .await?;
    Ok(())
}

pub async fn prune(db: &DatabaseConnection) -> Result<(), StoreError> {
    f::Entity::delete_many()
        .filter(f::Column::At.lte(crate::now() - THROTTLE_WINDOW))
        .exec(db)
        .await?;
    Ok(())
}
