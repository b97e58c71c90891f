use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "fw_correction")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub observation_id: i32,
    pub old_value: Option<f64>,
    pub old_lci: Option<f64>,
    pub old_uci: Option<f64>,
    pub old_count: Option<f64>,
    pub old_denominator: Option<f64>,
    pub old_status: Option<String>,
    pub old_note: String,
    pub corrected_by: String,
    pub corrected_at: i64,
    pub reason: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
