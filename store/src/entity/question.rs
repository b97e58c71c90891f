use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "question")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub survey_id: i32,
    pub section_id: i32,
    pub key: String,
    pub position: i32,
    pub kind: String,
    pub prompt: String,
    pub hint: Option<String>,
    pub short_label: String,
    pub required_message: String,
    pub required: bool,
    pub scale_min: Option<i32>,
    pub scale_max: Option<i32>,
    pub min_label: Option<String>,
    pub max_label: Option<String>,
    pub max_chars: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
