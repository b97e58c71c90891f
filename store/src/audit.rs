//! The audit log: who signed in (or failed to), exported, published or changed users.
//! Only ever appended to; administrators read it.

use domain::AuditAction;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};

use crate::entity::audit_event;
use crate::StoreError;

/// Who did something, and when: a signed-in user, or someone who only gave an email address.
#[derive(Clone, Debug)]
pub struct Actor {
    pub user_id: Option<i32>,
    pub label: String,
    pub ip: Option<String>,
    /// Unix seconds, from the clock of the request or command that acts.
    pub at: i64,
}

impl Actor {
    /// The command line, named by the operating-system account that ran it.
    pub fn command_line(clock: &crate::Clock) -> Actor {
        let user = std::env::var("USER")
            .or_else(|_| std::env::var("LOGNAME"))
            .unwrap_or_else(|_| "unknown".into());
        Actor {
            user_id: None,
            label: format!("command line ({user})"),
            ip: None,
            at: clock.now(),
        }
    }

    /// The day it happened (UTC).
    pub fn today(&self) -> chrono::NaiveDate {
        crate::clock::date_of(self.at)
    }
}

/// Appends an entry. Takes any connection or transaction, so that a change and its entry
/// are written together or not at all.
pub async fn record<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    action: AuditAction,
    detail: &str,
) -> Result<(), StoreError> {
    audit_event::ActiveModel {
        at: Set(actor.at),
        actor_id: Set(actor.user_id),
        actor: Set(actor.label.chars().take(254).collect()),
        action: Set(action.key().to_string()),
        detail: Set(detail.chars().take(2000).collect()),
        ip: Set(actor.ip.clone()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// The newest entry of `action` whose detail starts with `about` (a wave's entries start
/// "survey wave:"), for "who did this last, and when".
pub async fn latest(
    db: &DatabaseConnection,
    action: AuditAction,
    about: &str,
) -> Result<Option<audit_event::Model>, StoreError> {
    Ok(audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq(action.key()))
        .filter(audit_event::Column::Detail.starts_with(about))
        .order_by_desc(audit_event::Column::Id)
        .one(db)
        .await?)
}

/// Newest first, a page at a time.
pub async fn page(
    db: &DatabaseConnection,
    page: u64,
    per_page: u64,
) -> Result<(Vec<audit_event::Model>, u64), StoreError> {
    let total = audit_event::Entity::find().count(db).await?;
    let rows = audit_event::Entity::find()
        .order_by_desc(audit_event::Column::Id)
        .offset(page * per_page)
        .limit(per_page)
        .all(db)
        .await?;
    Ok((rows, total))
}
