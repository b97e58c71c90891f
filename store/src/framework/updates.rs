//! "You said, we did" updates as stored, with their links to priorities, indicators and
//! wards.

use domain::framework::updates::{UpdateDetails, UpdateStatus};
use domain::framework::Priority;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait,
    IntoActiveModel, QueryFilter, QueryOrder, TransactionTrait,
};

use crate::entity::{council_update, council_update_link};
use crate::StoreError;

#[derive(Clone, Debug, PartialEq)]
pub struct Update {
    pub id: i32,
    pub title: String,
    pub said: String,
    pub did: String,
    pub changed: String,
    pub status: UpdateStatus,
    pub priorities: Vec<Priority>,
    pub indicators: Vec<String>,
    pub wards: Vec<String>,
    pub updated_at: i64,
    pub published_at: Option<i64>,
}

const PRIORITY: &str = "priority";
const INDICATOR: &str = "indicator";
const WARD: &str = "ward";

/// Every update, newest first; only published ones unless `officer`.
pub async fn list(db: &DatabaseConnection, officer: bool) -> Result<Vec<Update>, StoreError> {
    list_of(db, officer, None).await
}

/// The published updates that name a ward. A ward's page asks on every request and most
/// wards have none, so the links are read first and usually end it there.
pub async fn published_for_ward(
    db: &DatabaseConnection,
    code: &str,
) -> Result<Vec<Update>, StoreError> {
    let ids: Vec<i32> = council_update_link::Entity::find()
        .filter(council_update_link::Column::Kind.eq(WARD))
        .filter(council_update_link::Column::Key.eq(code))
        .all(db)
        .await?
        .into_iter()
        .map(|l| l.update_id)
        .collect();
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    list_of(db, false, Some(ids)).await
}

async fn list_of(
    db: &DatabaseConnection,
    officer: bool,
    ids: Option<Vec<i32>>,
) -> Result<Vec<Update>, StoreError> {
    let mut q = council_update::Entity::find()
        .order_by_desc(council_update::Column::UpdatedAt)
        .order_by_desc(council_update::Column::Id);
    if !officer {
        q = q.filter(council_update::Column::PublishedAt.is_not_null());
    }
    if let Some(ids) = ids {
        q = q.filter(council_update::Column::Id.is_in(ids));
    }
    let rows = q.all(db).await?;
    let links = council_update_link::Entity::find()
        .filter(council_update_link::Column::UpdateId.is_in(rows.iter().map(|r| r.id)))
        .order_by_asc(council_update_link::Column::Id)
        .all(db)
        .await?;
    rows.into_iter()
        .map(|m| {
            let of = |kind: &str| -> Vec<String> {
                links
                    .iter()
                    .filter(|l| l.update_id == m.id && l.kind == kind)
                    .map(|l| l.key.clone())
                    .collect()
            };
            Ok(Update {
                status: UpdateStatus::parse(&m.status)
                    .ok_or_else(|| StoreError::Corrupt(format!("update status {}", m.status)))?,
                priorities: of(PRIORITY)
                    .iter()
                    .filter_map(|p| Priority::parse(p))
                    .collect(),
                indicators: of(INDICATOR),
                wards: of(WARD),
                id: m.id,
                title: m.title,
                said: m.said,
                did: m.did,
                changed: m.changed,
                updated_at: m.updated_at,
                published_at: m.published_at,
            })
        })
        .collect()
}

pub async fn get(db: &DatabaseConnection, id: i32) -> Result<Option<Update>, StoreError> {
    Ok(list(db, true).await?.into_iter().find(|u| u.id == id))
}

/// Saves a new update (`id` None) or changes one; returns its id.
pub async fn save(
    db: &DatabaseConnection,
    id: Option<i32>,
    d: &UpdateDetails,
    by: &str,
    at: i64,
    publish: bool,
) -> Result<Option<i32>, StoreError> {
    let txn = db.begin().await?;
    let id = match id {
        Some(id) => {
            let Some(m) = council_update::Entity::find_by_id(id).one(&txn).await? else {
                return Ok(None);
            };
            let was = m.published_at;
            let mut a = m.into_active_model();
            a.title = Set(d.title.clone());
            a.said = Set(d.said.clone());
            a.did = Set(d.did.clone());
            a.changed = Set(d.changed.clone());
            a.status = Set(d.status.key().into());
            a.updated_at = Set(at);
            a.updated_by = Set(by.into());
            a.published_at = Set(if publish { was.or(Some(at)) } else { None });
            a.update(&txn).await?;
            council_update_link::Entity::delete_many()
                .filter(council_update_link::Column::UpdateId.eq(id))
                .exec(&txn)
                .await?;
            id
        }
        None => {
            council_update::ActiveModel {
                title: Set(d.title.clone()),
                said: Set(d.said.clone()),
                did: Set(d.did.clone()),
                changed: Set(d.changed.clone()),
                status: Set(d.status.key().into()),
                created_at: Set(at),
                updated_at: Set(at),
                updated_by: Set(by.into()),
                published_at: Set(publish.then_some(at)),
                ..Default::default()
            }
            .insert(&txn)
            .await?
            .id
        }
    };
    let links = d
        .priorities
        .iter()
        .map(|p| (PRIORITY, p.key().to_string()))
        .chain(d.indicators.iter().map(|k| (INDICATOR, k.clone())))
        .chain(d.wards.iter().map(|k| (WARD, k.clone())));
    for (kind, key) in links {
        council_update_link::ActiveModel {
            update_id: Set(id),
            kind: Set(kind.into()),
            key: Set(key),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    txn.commit().await?;
    Ok(Some(id))
}
