//! A community group's events: planned by its organisers, each collecting answers for one
//! or more open survey waves; public ones are listed for residents by ward and date.
//! Everything a group's own people read or change goes through their `Scope`.

use std::collections::HashMap;

use domain::groups::{EventDetails, EventTimes, Problem};
use domain::{AuditAction, WaveStatus};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter, QueryOrder, TransactionTrait,
};

use crate::audit::{self, Actor};
use crate::entity::{area, community_group, event, event_wave, survey, wave};
use crate::groups::Scope;
use crate::StoreError;

/// An event, as pages show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    pub id: i32,
    pub group_id: i32,
    pub title: String,
    pub description: String,
    pub place: String,
    pub ward_id: Option<i32>,
    pub times: EventTimes,
    pub public: bool,
    /// The waves it collects answers for (ids).
    pub waves: Vec<i32>,
    pub cancelled: bool,
}

/// A wave an event can collect answers for: open, with its survey's title.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenWave {
    pub id: i32,
    pub survey_key: String,
    pub wave_key: String,
    pub title: String,
}

/// Every open wave, by survey title then wave name.
pub async fn open_waves<C: ConnectionTrait>(db: &C) -> Result<Vec<OpenWave>, StoreError> {
    waves_where(db, true).await
}

/// Every wave's title ("Survey (wave)") by id, for naming an event's waves, open or not.
pub async fn wave_titles<C: ConnectionTrait>(db: &C) -> Result<HashMap<i32, String>, StoreError> {
    Ok(waves_where(db, false)
        .await?
        .into_iter()
        .map(|w| (w.id, w.title))
        .collect())
}

async fn waves_where<C: ConnectionTrait>(
    db: &C,
    only_open: bool,
) -> Result<Vec<OpenWave>, StoreError> {
    let surveys: HashMap<i32, survey::Model> = survey::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.id, s))
        .collect();
    let mut query = wave::Entity::find();
    if only_open {
        query = query.filter(wave::Column::Status.eq(WaveStatus::Open.key()));
    }
    let mut open: Vec<OpenWave> = query
        .order_by_asc(wave::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .filter_map(|w| {
            let s = surveys.get(&w.survey_id)?;
            Some(OpenWave {
                id: w.id,
                survey_key: s.key.clone(),
                wave_key: w.key,
                title: format!("{} ({})", s.title, w.name),
            })
        })
        .collect();
    open.sort_by(|a, b| a.title.cmp(&b.title));
    Ok(open)
}

async fn waves_by_event<C: ConnectionTrait>(
    db: &C,
    events: &[i32],
) -> Result<HashMap<i32, Vec<i32>>, StoreError> {
    let mut by: HashMap<i32, Vec<i32>> = HashMap::new();
    for ew in event_wave::Entity::find()
        .filter(event_wave::Column::EventId.is_in(events.iter().copied()))
        .all(db)
        .await?
    {
        by.entry(ew.event_id).or_default().push(ew.wave_id);
    }
    Ok(by)
}

async fn hydrate<C: ConnectionTrait>(
    db: &C,
    rows: Vec<event::Model>,
) -> Result<Vec<Event>, StoreError> {
    let ids: Vec<i32> = rows.iter().map(|e| e.id).collect();
    let mut waves = waves_by_event(db, &ids).await?;
    Ok(rows
        .into_iter()
        .map(|m| {
            let mut w = waves.remove(&m.id).unwrap_or_default();
            w.sort_unstable();
            Event {
                id: m.id,
                group_id: m.group_id,
                title: m.title,
                description: m.description,
                place: m.place,
                ward_id: m.area_id,
                times: EventTimes {
                    starts_at: m.starts_at,
                    ends_at: m.ends_at,
                },
                public: m.public,
                waves: w,
                cancelled: m.cancelled_at.is_some(),
            }
        })
        .collect())
}

/// A scope's own events, soonest first.
pub async fn of_group(db: &DatabaseConnection, scope: &Scope) -> Result<Vec<Event>, StoreError> {
    of_group_id(db, scope.group_id()).await
}

/// Any group's events, for administrators and officers.
pub async fn of_group_id(db: &DatabaseConnection, group_id: i32) -> Result<Vec<Event>, StoreError> {
    let rows = event::Entity::find()
        .filter(event::Column::GroupId.eq(group_id))
        .order_by_asc(event::Column::StartsAt)
        .all(db)
        .await?;
    hydrate(db, rows).await
}

/// One of a scope's own events: None for another group's, as for one that does not exist.
pub async fn own(
    db: &DatabaseConnection,
    scope: &Scope,
    id: i32,
) -> Result<Option<Event>, StoreError> {
    let rows = event::Entity::find_by_id(id)
        .filter(event::Column::GroupId.eq(scope.group_id()))
        .all(db)
        .await?;
    Ok(hydrate(db, rows).await?.pop())
}

/// Every group's events' ids, for officers' figures by group.
pub async fn ids_by_group(
    db: &DatabaseConnection,
) -> Result<std::collections::HashMap<i32, Vec<i32>>, StoreError> {
    let mut out: std::collections::HashMap<i32, Vec<i32>> = std::collections::HashMap::new();
    for e in event::Entity::find().all(db).await? {
        out.entry(e.group_id).or_default().push(e.id);
    }
    Ok(out)
}

/// Any event by id, for a kiosk (which belongs to no signed-in person).
pub(crate) async fn by_id(db: &DatabaseConnection, id: i32) -> Result<Option<Event>, StoreError> {
    let rows = event::Entity::find_by_id(id).all(db).await?;
    Ok(hydrate(db, rows).await?.pop())
}

/// The waves and ward an event names must exist and the waves be open.
async fn check_links<C: ConnectionTrait>(
    db: &C,
    details: &EventDetails,
    already: &[i32],
) -> Result<Vec<Problem>, StoreError> {
    let mut problems = Vec::new();
    if area::Entity::find_by_id(details.ward)
        .one(db)
        .await?
        .is_none()
    {
        problems.push(Problem {
            field: "ward",
            message: "Select the ward the event is in".into(),
        });
    }
    let open: Vec<i32> = open_waves(db).await?.iter().map(|w| w.id).collect();
    // A wave the event had stays allowed when it has closed since: changing the title of
    // last month's event should not need the survey reopened.
    if details
        .waves
        .iter()
        .any(|w| !open.contains(w) && !already.contains(w))
    {
        problems.push(Problem {
            field: "waves",
            message: "Select surveys that are open for responses".into(),
        });
    }
    Ok(problems)
}

/// Sets an event's waves, keeping what is recorded for those it keeps (sheets handed out).
async fn write_waves<C: ConnectionTrait>(db: &C, id: i32, waves: &[i32]) -> Result<(), StoreError> {
    event_wave::Entity::delete_many()
        .filter(event_wave::Column::EventId.eq(id))
        .filter(event_wave::Column::WaveId.is_not_in(waves.iter().copied()))
        .exec(db)
        .await?;
    let kept: Vec<i32> = event_wave::Entity::find()
        .filter(event_wave::Column::EventId.eq(id))
        .all(db)
        .await?
        .into_iter()
        .map(|r| r.wave_id)
        .collect();
    for &wave_id in waves.iter().filter(|w| !kept.contains(w)) {
        event_wave::ActiveModel {
            event_id: Set(id),
            wave_id: Set(wave_id),
            sheets_handed_out: Set(None),
        }
        .insert(db)
        .await?;
    }
    Ok(())
}

/// An organiser plans an event for their group.
pub async fn plan(
    db: &DatabaseConnection,
    actor: &Actor,
    scope: &Scope,
    details: &EventDetails,
) -> Result<Result<Event, Vec<Problem>>, StoreError> {
    let txn = db.begin().await?;
    let problems = check_links(&txn, details, &[]).await?;
    if !problems.is_empty() {
        return Ok(Err(problems));
    }
    let row = event::ActiveModel {
        group_id: Set(scope.group_id()),
        title: Set(details.title.clone()),
        description: Set(details.description.clone()),
        place: Set(details.place.clone()),
        area_id: Set(Some(details.ward)),
        starts_at: Set(details.times.starts_at),
        ends_at: Set(details.times.ends_at),
        public: Set(details.public),
        created_by: Set(actor.user_id.unwrap_or_default()),
        created_at: Set(actor.at),
        cancelled_at: Set(None),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    write_waves(&txn, row.id, &details.waves).await?;
    audit::record(
        &txn,
        actor,
        AuditAction::EventPlanned,
        &format!("{} ({})", details.title, details.times.describe()),
    )
    .await?;
    txn.commit().await?;
    Ok(Ok(own(db, scope, row.id)
        .await?
        .expect("the event was just made")))
}

/// An organiser changes one of their group's events. None when it is not theirs.
pub async fn change(
    db: &DatabaseConnection,
    actor: &Actor,
    scope: &Scope,
    id: i32,
    details: &EventDetails,
) -> Result<Option<Result<(), Vec<Problem>>>, StoreError> {
    let Some(before) = own(db, scope, id).await? else {
        return Ok(None);
    };
    let txn = db.begin().await?;
    let problems = check_links(&txn, details, &before.waves).await?;
    if !problems.is_empty() {
        return Ok(Some(Err(problems)));
    }
    event::ActiveModel {
        id: Set(id),
        title: Set(details.title.clone()),
        description: Set(details.description.clone()),
        place: Set(details.place.clone()),
        area_id: Set(Some(details.ward)),
        starts_at: Set(details.times.starts_at),
        ends_at: Set(details.times.ends_at),
        public: Set(details.public),
        ..Default::default()
    }
    .update(&txn)
    .await?;
    write_waves(&txn, id, &details.waves).await?;
    audit::record(
        &txn,
        actor,
        AuditAction::EventChanged,
        &format!("{} ({})", details.title, details.times.describe()),
    )
    .await?;
    txn.commit().await?;
    Ok(Some(Ok(())))
}

/// An organiser cancels an event: it stays on their list, marked cancelled, and leaves the
/// public page. False when it is not theirs.
pub async fn cancel(
    db: &DatabaseConnection,
    actor: &Actor,
    scope: &Scope,
    id: i32,
) -> Result<bool, StoreError> {
    let Some(e) = own(db, scope, id).await? else {
        return Ok(false);
    };
    if e.cancelled {
        return Ok(true);
    }
    let txn = db.begin().await?;
    event::ActiveModel {
        id: Set(id),
        cancelled_at: Set(Some(actor.at)),
        ..Default::default()
    }
    .update(&txn)
    .await?;
    audit::record(&txn, actor, AuditAction::EventCancelled, &e.title).await?;
    txn.commit().await?;
    Ok(true)
}

/// A public event, as residents see it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicEvent {
    pub event: Event,
    pub group_name: String,
    pub group_contact: String,
}

async fn public_rows(
    db: &DatabaseConnection,
    rows: Vec<event::Model>,
) -> Result<Vec<PublicEvent>, StoreError> {
    let groups: HashMap<i32, community_group::Model> = community_group::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|g| (g.id, g))
        .collect();
    Ok(hydrate(db, rows)
        .await?
        .into_iter()
        .filter_map(|event| {
            let g = groups.get(&event.group_id)?;
            Some(PublicEvent {
                group_name: g.name.clone(),
                group_contact: g.contact_email.clone(),
                event,
            })
        })
        .collect())
}

/// Public events not yet over and not cancelled, soonest first.
pub async fn public_upcoming(
    db: &DatabaseConnection,
    now: i64,
) -> Result<Vec<PublicEvent>, StoreError> {
    let rows = event::Entity::find()
        .filter(event::Column::Public.eq(true))
        .filter(event::Column::CancelledAt.is_null())
        .filter(event::Column::EndsAt.gt(now))
        .order_by_asc(event::Column::StartsAt)
        .all(db)
        .await?;
    public_rows(db, rows).await
}

/// One public event (over or not, so a saved calendar link keeps working; None when it is
/// private, cancelled or unknown).
pub async fn public_by_id(
    db: &DatabaseConnection,
    id: i32,
) -> Result<Option<PublicEvent>, StoreError> {
    let rows = event::Entity::find_by_id(id)
        .filter(event::Column::Public.eq(true))
        .filter(event::Column::CancelledAt.is_null())
        .all(db)
        .await?;
    Ok(public_rows(db, rows).await?.pop())
}
