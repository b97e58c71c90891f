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
