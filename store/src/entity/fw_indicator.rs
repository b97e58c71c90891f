use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "fw_indicator")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub key: String,
    pub title: String,
    pub definition: String,
    pub priority: String,
    pub unit: String,
    pub decimals: i32,
    pub polarity: String,
    pub measure: String,
    pub per: f64,
    pub from_survey: bool,
    pub publisher: String,
    pub source_url: String,
    pub licence: String,
    pub frequency: String,
    pub next_update: Option<Date>,
    pub baseline_period: Option<String>,
    pub caveats: String,
    pub fingertips_id: Option<i32>,
    pub fingertips_sex: Option<String>,
    pub position: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
