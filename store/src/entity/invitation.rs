use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "invitation")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub batch_id: i32,
    pub wave_id: i32,
    pub subscriber_id: Option<i32>,
    pub email: Option<String>,
    pub ward_code: Option<String>,
    #[sea_orm(unique)]
    pub code_hash: String,
    pub invited_at: i64,
    pub reminders: i32,
    pub used_on: Option<Date>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
