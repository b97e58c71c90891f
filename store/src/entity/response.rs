use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "response")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub wave_id: i32,
    pub external_id: String,
    pub area_id: Option<i32>,
    pub area_answer: String,
    pub age_band: Option<String>,
    pub sex: Option<String>,
    pub channel: String,
    pub submitted_on: Date,
    pub answers: String,
    pub event_id: Option<i32>,
    pub entered_by: Option<i32>,
    /// The survey version answered: the wave's, set by the database on insert.
    pub version_id: Option<i32>,
    /// The language it was answered in (`domain::translation::Language::code`).
    pub language: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
