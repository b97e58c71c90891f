//! Responses so far in a wave, by ward and channel: where more voices are needed.

use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect};

use crate::entity::response;
use crate::StoreError;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Count {
    /// None for responses without a ward (did not know, or preferred not to say).
    pub area_id: Option<i32>,
    pub channel: String,
    pub responses: u64,
}

pub async fn counts(db: &DatabaseConnection, wave_id: i32) -> Result<Vec<Count>, StoreError> {
    let rows: Vec<(Option<i32>, String, i64)> = response::Entity::find()
        .select_only()
        .column(response::Column::AreaId)
        .column(response::Column::Channel)
        .column_as(response::Column::Id.count(), "responses")
        .filter(response::Column::WaveId.eq(wave_id))
        .group_by(response::Column::AreaId)
        .group_by(response::Column::Channel)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(area_id, channel, n)| Count {
            area_id,
            channel,
            responses: u64::try_from(n).unwrap_or(0),
        })
        .collect())
}

/// Responses in every wave, by ward: what an areas import must keep.
pub async fn per_area(
    db: &DatabaseConnection,
) -> Result<std::collections::HashMap<i32, u64>, StoreError> {
    let rows: Vec<(Option<i32>, i64)> = response::Entity::find()
        .select_only()
        .column(response::Column::AreaId)
        .column_as(response::Column::Id.count(), "responses")
        .group_by(response::Column::AreaId)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(a, n)| Some((a?, u64::try_from(n).unwrap_or(0))))
        .collect())
}

/// Responses collected at events, by event, ward and channel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventCount {
    pub event_id: i32,
    pub wave_id: i32,
    pub area_id: Option<i32>,
    pub channel: String,
    pub responses: u64,
}

/// Counts for the responses collected at these events (a group's), in every wave.
pub async fn at_events(
    db: &DatabaseConnection,
    events: &[i32],
) -> Result<Vec<EventCount>, StoreError> {
    // (event, wave, ward, channel, responses)
    type Row = (Option<i32>, i32, Option<i32>, String, i64);
    let rows: Vec<Row> = response::Entity::find()
        .select_only()
        .column(response::Column::EventId)
        .column(response::Column::WaveId)
        .column(response::Column::AreaId)
        .column(response::Column::Channel)
        .column_as(response::Column::Id.count(), "responses")
        .filter(response::Column::EventId.is_in(events.iter().copied()))
        .group_by(response::Column::EventId)
        .group_by(response::Column::WaveId)
        .group_by(response::Column::AreaId)
        .group_by(response::Column::Channel)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(event_id, wave_id, area_id, channel, n)| {
            Some(EventCount {
                event_id: event_id?,
                wave_id,
                area_id,
                channel,
                responses: u64::try_from(n).unwrap_or(0),
            })
        })
        .collect())
}

/// A wave's responses by the community group that collected them and channel; responses
/// no group collected are under None.
/// How many of a wave's responses were answered in each language (by code), most first.
pub async fn by_language(
    db: &DatabaseConnection,
    wave_id: i32,
) -> Result<Vec<(String, u64)>, StoreError> {
    let rows: Vec<(String, i64)> = response::Entity::find()
        .select_only()
        .column(response::Column::Language)
        .column_as(response::Column::Id.count(), "responses")
        .filter(response::Column::WaveId.eq(wave_id))
        .group_by(response::Column::Language)
        .into_tuple()
        .all(db)
        .await?;
    let mut out: Vec<(String, u64)> = rows
        .into_iter()
        .map(|(l, n)| (l, u64::try_from(n).unwrap_or(0)))
        .collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    Ok(out)
}

pub async fn by_group(
    db: &DatabaseConnection,
    wave_id: i32,
) -> Result<Vec<(Option<i32>, String, u64)>, StoreError> {
    use std::collections::BTreeMap;
    let group_of: std::collections::HashMap<i32, i32> = crate::entity::event::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|e| (e.id, e.group_id))
        .collect();
    let rows: Vec<(Option<i32>, String, i64)> = response::Entity::find()
        .select_only()
        .column(response::Column::EventId)
        .column(response::Column::Channel)
        .column_as(response::Column::Id.count(), "responses")
        .filter(response::Column::WaveId.eq(wave_id))
        .group_by(response::Column::EventId)
        .group_by(response::Column::Channel)
        .into_tuple()
        .all(db)
        .await?;
    let mut out: BTreeMap<(Option<i32>, String), u64> = BTreeMap::new();
    for (event, channel, n) in rows {
        let group = event.and_then(|e| group_of.get(&e).copied());
        *out.entry((group, channel)).or_default() += u64::try_from(n).unwrap_or(0);
    }
    Ok(out.into_iter().map(|((g, c), n)| (g, c, n)).collect())
}
