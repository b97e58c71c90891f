//! The cells indicators are published in: each area level (ward, group, the whole area)
//! crossed with each breakdown (none, age band, sex), in one fixed order.

use serde::{Deserialize, Serialize};

use super::data::{Areas, AGE_BANDS, SEXES};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Ward,
    Group,
    All,
}

impl Level {
    pub fn key(self) -> &'static str {
        match self {
            Level::Ward => "ward",
            Level::Group => "group",
            Level::All => "all",
        }
    }
    pub fn parse(key: &str) -> Option<Level> {
        [Level::Ward, Level::Group, Level::All]
            .into_iter()
            .find(|l| l.key() == key)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Breakdown {
    None,
    /// Index into AGE_BANDS.
    Age(u8),
    /// Index into SEXES.
    Sex(u8),
}

impl Breakdown {
    /// None, then the age bands, then the sexes.
    pub const COUNT: usize = 1 + AGE_BANDS.len() + SEXES.len();

    pub fn all() -> impl Iterator<Item = Breakdown> {
        std::iter::once(Breakdown::None)
            .chain((0..AGE_BANDS.len() as u8).map(Breakdown::Age))
            .chain((0..SEXES.len() as u8).map(Breakdown::Sex))
    }

    pub fn slot(self) -> usize {
        match self {
            Breakdown::None => 0,
            Breakdown::Age(a) => 1 + a as usize,
            Breakdown::Sex(s) => 1 + AGE_BANDS.len() + s as usize,
        }
    }

    /// The breakdown variable's name, or None for no breakdown.
    pub fn variable(self) -> Option<&'static str> {
        match self {
            Breakdown::None => None,
            Breakdown::Age(_) => Some("age_band"),
            Breakdown::Sex(_) => Some("sex"),
        }
    }

    /// The category's key ("16-24", "female"), or None for no breakdown.
    pub fn category(self) -> Option<&'static str> {
        match self {
            Breakdown::None => None,
            Breakdown::Age(a) => Some(AGE_BANDS[a as usize]),
            Breakdown::Sex(s) => Some(SEXES[s as usize]),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct CellId {
    pub level: Level,
    /// Index into the level's areas (wards or groups in code order); 0 for the whole area.
    pub area: usize,
    pub breakdown: Breakdown,
}

/// Maps cells to positions 0..len: wards, then groups, then the whole area, each with its
/// breakdowns in order.
#[derive(Clone, Copy, Debug)]
pub struct CellIndex {
    pub wards: usize,
    pub groups: usize,
}

impl CellIndex {
    pub fn new(areas: &Areas) -> CellIndex {
        CellIndex {
            wards: areas.wards.len(),
            groups: areas.groups.len(),
        }
    }

    pub fn len(&self) -> usize {
        (self.wards + self.groups + 1) * Breakdown::COUNT
    }

    pub fn is_empty(&self) -> bool {
        false
    }

    fn area_slot(&self, level: Level, area: usize) -> usize {
        match level {
            Level::Ward => area,
            Level::Group => self.wards + area,
            Level::All => self.wards + self.groups,
        }
    }

    pub fn position(&self, id: CellId) -> usize {
        self.area_slot(id.level, id.area) * Breakdown::COUNT + id.breakdown.slot()
    }

    pub fn id(&self, position: usize) -> CellId {
        let slot = position / Breakdown::COUNT;
        let b = position % Breakdown::COUNT;
        let breakdown = Breakdown::all().nth(b).expect("breakdown slot");
        let (level, area) = if slot < self.wards {
            (Level::Ward, slot)
        } else if slot < self.wards + self.groups {
            (Level::Group, slot - self.wards)
        } else {
            (Level::All, 0)
        };
        CellId {
            level,
            area,
            breakdown,
        }
    }
}
