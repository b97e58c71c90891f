use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "subscriber")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub list: String,
    pub email: String,
    pub ward_code: Option<String>,
    pub age_band: Option<String>,
    pub sex: Option<String>,
    pub confirm_hash: Option<String>,
    pub created_at: i64,
    pub confirmed_at: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
