use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "fw_observation")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub indicator_key: String,
    pub area_code: String,
    pub period: String,
    pub period_start: Date,
    pub period_end: Date,
    pub period_label: Option<String>,
    pub value: Option<f64>,
    pub lci: Option<f64>,
    pub uci: Option<f64>,
    pub count: Option<f64>,
    pub denominator: Option<f64>,
    pub status: Option<String>,
    pub note: String,
    pub illustrative: bool,
    pub published_at: Option<i64>,
    pub loaded_at: i64,
    pub loaded_by: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
