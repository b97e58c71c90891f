use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "wave")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub survey_id: i32,
    pub key: String,
    pub name: String,
    pub status: String,
    pub is_baseline: bool,
    pub weighted: bool,
    pub published: bool,
    pub opens_on: Option<Date>,
    pub closes_on: Option<Date>,
    /// The survey version this wave answers; set when the wave is made, never changed.
    pub version_id: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
