//! The areas responses are tagged with: wards, in groups (constituencies in the demo seed).
//! Areas are data: nothing here depends on their names or codes.

use sea_orm::{DatabaseConnection, EntityTrait, QueryOrder};

use crate::entity::{area, area_group};
use crate::StoreError;

#[derive(Clone, Debug, PartialEq)]
pub struct Ward {
    pub id: i32,
    pub code: String,
    pub name: String,
    pub group_code: String,
    /// Column and row on the ward tile map, where one has been given.
    pub tile: Option<(i32, i32)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    pub id: i32,
    pub code: String,
    pub name: String,
}

/// Every ward and group, loaded at once (there are tens, not thousands).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AreaDirectory {
    pub groups: Vec<Group>,
    /// Sorted by name, the order residents scan a list in.
    pub wards: Vec<Ward>,
}

impl AreaDirectory {
    pub async fn load(db: &DatabaseConnection) -> Result<Self, StoreError> {
        let groups = area_group::Entity::find()
            .order_by_asc(area_group::Column::Code)
            .all(db)
            .await?;
        let mut wards: Vec<Ward> = area::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|a| Ward {
                group_code: groups
                    .iter()
                    .find(|g| g.id == a.group_id)
                    .map(|g| g.code.clone())
                    .unwrap_or_default(),
                tile: a.tile_col.zip(a.tile_row),
                id: a.id,
                code: a.code,
                name: a.name,
            })
            .collect();
        wards.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(AreaDirectory {
            groups: groups
                .into_iter()
                .map(|g| Group {
                    id: g.id,
                    code: g.code,
                    name: g.name,
                })
                .collect(),
            wards,
        })
    }

    pub fn ward(&self, code: &str) -> Option<&Ward> {
        self.wards.iter().find(|w| w.code == code)
    }

    pub fn is_ward(&self, code: &str) -> bool {
        self.ward(code).is_some()
    }

    pub fn ward_name(&self, code: &str) -> Option<String> {
        self.ward(code).map(|w| w.name.clone())
    }

    /// The name of the group a ward is in.
    pub fn group_name(&self, ward: &Ward) -> &str {
        self.groups
            .iter()
            .find(|g| g.code == ward.group_code)
            .map_or("", |g| g.name.as_str())
    }

    /// A ward given by its code or its exact name, as bulk files may give either.
    pub fn ward_by_code_or_name(&self, text: &str) -> Option<&Ward> {
        self.ward(text)
            .or_else(|| self.wards.iter().find(|w| w.name == text))
    }
}
