//! Benchmark values shown beside an indicator, such as the national figure.

use sea_orm::{
    sea_query::OnConflict, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait,
    QueryFilter,
};

use crate::entity::benchmark;
use crate::StoreError;

#[derive(Clone, Debug, PartialEq)]
pub struct Benchmark {
    pub indicator_key: String,
    /// Where the figure comes from, e.g. "England, APS 2024/25".
    pub label: String,
    /// On the indicator's own scale: a share as a proportion, a mean as a score.
    pub value: f64,
}

pub async fn all(db: &DatabaseConnection) -> Result<Vec<Benchmark>, StoreError> {
    Ok(benchmark::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|b| Benchmark {
            indicator_key: b.indicator_key,
            label: b.label,
            value: b.value,
        })
        .collect())
}

pub async fn set(db: &DatabaseConnection, b: &Benchmark) -> Result<(), StoreError> {
    benchmark::Entity::insert(benchmark::ActiveModel {
        indicator_key: Set(b.indicator_key.clone()),
        label: Set(b.label.clone()),
        value: Set(b.value),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::column(benchmark::Column::IndicatorKey)
            .update_columns([benchmark::Column::Label, benchmark::Column::Value])
            .to_owned(),
    )
    .exec(db)
    .await?;
    Ok(())
}

pub async fn remove(db: &DatabaseConnection, indicator_key: &str) -> Result<(), StoreError> {
    benchmark::Entity::delete_many()
        .filter(benchmark::Column::IndicatorKey.eq(indicator_key))
        .exec(db)
        .await?;
    Ok(())
}
