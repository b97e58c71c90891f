use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "entry")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub code: String,
    pub event_id: i32,
    pub wave_id: i32,
    pub entered_by: i32,
    pub kiosk_id: Option<i32>,
    pub answers: String,
    pub response_id: Option<i32>,
    pub sent_digest: Option<String>,
    pub offline: bool,
    pub batch_id: Option<i32>,
    pub sheet: Option<i32>,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
