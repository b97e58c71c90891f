//! Community groups and their people. Administrators create groups and invite organisers;
//! organisers invite volunteers. A group's own people reach its data only through a
//! `Scope`, which can be had only from their account: nothing an organiser or volunteer
//! asks for can name another group.

use std::collections::HashMap;

use domain::accounts::Role;
use domain::groups::{GroupDetails, Problem};
use domain::AuditAction;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter, QueryOrder, TransactionTrait,
};

use crate::audit::{self, Actor};
use crate::entity::{app_user, community_group, group_ward};
use crate::users::User;
use crate::StoreError;

/// A group, as the rest of the program sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    pub id: i32,
    pub name: String,
    pub description: String,
    pub contact_email: String,
    pub contact_phone: String,
    /// The wards it works in (ids).
    pub wards: Vec<i32>,
}

/// The one group an organiser or volunteer belongs to: every lister and change for a
/// group's own people takes it, and it exists only for their account.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scope {
    group_id: i32,
    organiser: bool,
}

impl Scope {
    /// The scope of a group's organiser or volunteer; None for council staff.
    pub fn of(user: &User) -> Option<Scope> {
        match user.role {
            Role::Organiser | Role::Volunteer => user.group_id.map(|group_id| Scope {
                group_id,
                organiser: user.role.organises(),
            }),
            Role::Administrator | Role::Officer => None,
        }
    }

    pub fn group_id(&self) -> i32 {
        self.group_id
    }

    pub fn organises(&self) -> bool {
        self.organiser
    }
}

async fn wards_of<C: ConnectionTrait>(db: &C) -> Result<HashMap<i32, Vec<i32>>, StoreError> {
    let mut by_group: HashMap<i32, Vec<i32>> = HashMap::new();
    for w in group_ward::Entity::find().all(db).await? {
        by_group.entry(w.group_id).or_default().push(w.area_id);
    }
    Ok(by_group)
}

fn group(m: community_group::Model, wards: &mut HashMap<i32, Vec<i32>>) -> Group {
    let mut w = wards.remove(&m.id).unwrap_or_default();
    w.sort_unstable();
    Group {
        id: m.id,
        name: m.name,
        description: m.description,
        contact_email: m.contact_email,
        contact_phone: m.contact_phone,
        wards: w,
    }
}

/// Every group, by name.
pub async fn all(db: &DatabaseConnection) -> Result<Vec<Group>, StoreError> {
    let mut wards = wards_of(db).await?;
    Ok(community_group::Entity::find()
        .order_by_asc(community_group::Column::Name)
        .all(db)
        .await?
        .into_iter()
        .map(|m| group(m, &mut wards))
        .collect())
}

/// Group names by id, for tables that name the group of each row.
pub async fn names(db: &DatabaseConnection) -> Result<HashMap<i32, String>, StoreError> {
    Ok(community_group::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|g| (g.id, g.name))
        .collect())
}

/// One group, for administrators (who may see any).
pub async fn by_id(db: &DatabaseConnection, id: i32) -> Result<Option<Group>, StoreError> {
    let Some(m) = community_group::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    let mut wards = wards_of(db).await?;
    Ok(Some(group(m, &mut wards)))
}

/// The group a scope belongs to.
pub async fn own(db: &DatabaseConnection, scope: &Scope) -> Result<Group, StoreError> {
    by_id(db, scope.group_id)
        .await?
        .ok_or_else(|| StoreError::Corrupt(format!("group {} is missing", scope.group_id)))
}

async fn name_taken<C: ConnectionTrait>(
    db: &C,
    name: &str,
    except: Option<i32>,
) -> Result<bool, StoreError> {
    let lower = name.to_lowercase();
    Ok(community_group::Entity::find()
        .all(db)
        .await?
        .iter()
        .any(|g| g.name.to_lowercase() == lower && Some(g.id) != except))
}

fn taken() -> Vec<Problem> {
    vec![Problem {
        field: "name",
        message: "There is already a group with that name: choose another".into(),
    }]
}

async fn set_wards<C: ConnectionTrait>(db: &C, id: i32, wards: &[i32]) -> Result<(), StoreError> {
    group_ward::Entity::delete_many()
        .filter(group_ward::Column::GroupId.eq(id))
        .exec(db)
        .await?;
    for &area_id in wards {
        group_ward::ActiveModel {
            group_id: Set(id),
            area_id: Set(area_id),
        }
        .insert(db)
        .await?;
    }
    Ok(())
}

/// An administrator creates a group; refused (with the problem on its field) when another
/// group has the name.
pub async fn create(
    db: &DatabaseConnection,
    actor: &Actor,
    details: &GroupDetails,
) -> Result<Result<Group, Vec<Problem>>, StoreError> {
    let txn = db.begin().await?;
    if name_taken(&txn, &details.name, None).await? {
        return Ok(Err(taken()));
    }
    let row = community_group::ActiveModel {
        name: Set(details.name.clone()),
        description: Set(details.description.clone()),
        contact_email: Set(details.contact_email.as_str().to_string()),
        contact_phone: Set(details.contact_phone.clone()),
        created_at: Set(actor.at),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    set_wards(&txn, row.id, &details.wards).await?;
    audit::record(&txn, actor, AuditAction::GroupCreated, &details.name).await?;
    txn.commit().await?;
    Ok(Ok(by_id(db, row.id)
        .await?
        .expect("the group was just made")))
}

/// An administrator changes a group's details. None when there is no such group.
pub async fn update(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i32,
    details: &GroupDetails,
) -> Result<Option<Result<(), Vec<Problem>>>, StoreError> {
    let txn = db.begin().await?;
    if community_group::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .is_none()
    {
        return Ok(None);
    }
    if name_taken(&txn, &details.name, Some(id)).await? {
        return Ok(Some(Err(taken())));
    }
    community_group::ActiveModel {
        id: Set(id),
        name: Set(details.name.clone()),
        description: Set(details.description.clone()),
        contact_email: Set(details.contact_email.as_str().to_string()),
        contact_phone: Set(details.contact_phone.clone()),
        ..Default::default()
    }
    .update(&txn)
    .await?;
    set_wards(&txn, id, &details.wards).await?;
    audit::record(&txn, actor, AuditAction::GroupChanged, &details.name).await?;
    txn.commit().await?;
    Ok(Some(Ok(())))
}

/// A group's organisers and volunteers, organisers first, then by name.
pub async fn people(db: &DatabaseConnection, group_id: i32) -> Result<Vec<User>, StoreError> {
    let mut people: Vec<User> = app_user::Entity::find()
        .filter(app_user::Column::GroupId.eq(group_id))
        .all(db)
        .await?
        .into_iter()
        .map(User::try_from)
        .collect::<Result<_, _>>()?;
    people.sort_by(|a, b| {
        (!a.role.organises(), a.name.to_lowercase())
            .cmp(&(!b.role.organises(), b.name.to_lowercase()))
    });
    Ok(people)
}

/// One of a scope's own people (None for anyone else's).
pub async fn person(
    db: &DatabaseConnection,
    scope: &Scope,
    user_id: i32,
) -> Result<Option<User>, StoreError> {
    Ok(crate::users::by_id(db, user_id)
        .await?
        .filter(|u| u.group_id == Some(scope.group_id)))
}
