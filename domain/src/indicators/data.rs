//! The engine's input: a wave's respondents in columns, coded compactly (a million
//! respondents fit in tens of megabytes), the areas, and the population totals.

/// Age bands and sexes, in the order measures.md lists them (and breakdowns show them).
pub const AGE_BANDS: [&str; 7] = ["16-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75+"];
pub const SEXES: [&str; 2] = ["female", "male"];

/// An unknown category: don't know, prefer not to say, or missing.
pub const UNKNOWN: u8 = u8::MAX;
pub const UNKNOWN_WARD: u16 = u16::MAX;
/// No valid answer to an item: missing, or an excluded answer such as "don't know".
pub const NO_ANSWER: u8 = u8::MAX;

#[derive(Clone, Debug, PartialEq)]
pub struct WardDef {
    pub code: String,
    pub name: String,
    /// Index into `Areas::groups`.
    pub group: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct GroupDef {
    pub code: String,
    pub name: String,
}

/// Wards and groups, each sorted by code (the order suppression visits them in).
#[derive(Clone, Debug, PartialEq)]
pub struct Areas {
    pub wards: Vec<WardDef>,
    pub groups: Vec<GroupDef>,
}

impl Areas {
    /// Sorts wards and groups by code, keeping each ward's group.
    pub fn new(mut groups: Vec<GroupDef>, wards: Vec<(String, String, String)>) -> Areas {
        groups.sort_by(|a, b| a.code.cmp(&b.code));
        let mut wards: Vec<WardDef> = wards
            .into_iter()
            .filter_map(|(code, name, group_code)| {
                let group = groups.iter().position(|g| g.code == group_code)?;
                Some(WardDef { code, name, group })
            })
            .collect();
        wards.sort_by(|a, b| a.code.cmp(&b.code));
        Areas { wards, groups }
    }

    pub fn ward_index(&self, code: &str) -> Option<u16> {
        self.wards
            .iter()
            .position(|w| w.code == code)
            .map(|i| i as u16)
    }
}

/// One item's answers, coded: a scale's score, or a choice's position in `options`.
#[derive(Clone, Debug, PartialEq)]
pub struct ItemColumn {
    pub key: String,
    /// The option keys of a choice item, in order; empty for a scale.
    pub options: Vec<String>,
    /// A scale's lowest and highest scores; None for a choice.
    pub scale: Option<(i32, i32)>,
    pub values: Vec<u8>,
}

/// A wave's respondents, column by column. Row `i` of every column is respondent `i`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Responses {
    pub ward: Vec<u16>,
    pub age: Vec<u8>,
    pub sex: Vec<u8>,
    pub items: Vec<ItemColumn>,
}

impl Responses {
    pub fn len(&self) -> usize {
        self.ward.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ward.is_empty()
    }

    pub fn item(&self, key: &str) -> Option<&ItemColumn> {
        self.items.iter().find(|c| c.key == key)
    }

    /// Adds an empty column for an item: a choice names its options, a scale its range.
    pub fn add_item(
        &mut self,
        key: &str,
        options: Vec<String>,
        scale: Option<(i32, i32)>,
    ) -> usize {
        self.items.push(ItemColumn {
            key: key.to_string(),
            options,
            scale,
            values: vec![NO_ANSWER; self.len()],
        });
        self.items.len() - 1
    }

    /// Moves another set of respondents with the same columns onto the end of this one.
    pub fn append(&mut self, mut other: Responses) {
        assert_eq!(self.items.len(), other.items.len(), "same columns");
        self.ward.append(&mut other.ward);
        self.age.append(&mut other.age);
        self.sex.append(&mut other.sex);
        for (mine, theirs) in self.items.iter_mut().zip(other.items.iter_mut()) {
            debug_assert_eq!(mine.key, theirs.key);
            mine.values.append(&mut theirs.values);
        }
    }

    /// Appends a respondent with no answers yet; returns their row.
    pub fn push_respondent(&mut self, ward: u16, age: u8, sex: u8) -> usize {
        self.ward.push(ward);
        self.age.push(age);
        self.sex.push(sex);
        for c in &mut self.items {
            c.values.push(NO_ANSWER);
        }
        self.len() - 1
    }
}

/// Codes an answer key for an item column: the option's position, or NO_ANSWER when the key
/// is excluded from bases (don't know and the like) or unknown.
pub fn code_option(options: &[String], key: &str) -> u8 {
    if crate::survey::is_excluded_key(key) {
        return NO_ANSWER;
    }
    options
        .iter()
        .position(|o| o == key)
        .map(|i| i as u8)
        .unwrap_or(NO_ANSWER)
}

pub fn age_index(key: &str) -> u8 {
    AGE_BANDS
        .iter()
        .position(|a| *a == key)
        .map(|i| i as u8)
        .unwrap_or(UNKNOWN)
}

pub fn sex_index(key: &str) -> u8 {
    SEXES
        .iter()
        .position(|s| *s == key)
        .map(|i| i as u8)
        .unwrap_or(UNKNOWN)
}

/// Residents aged 16+ by ward, age band and sex: each margin is the sum of the rows given.
#[derive(Clone, Debug, PartialEq)]
pub struct Population {
    pub ward: Vec<f64>,
    pub age: [f64; 7],
    pub sex: [f64; 2],
}

impl Population {
    pub fn empty(wards: usize) -> Population {
        Population {
            ward: vec![0.0; wards],
            age: [0.0; 7],
            sex: [0.0; 2],
        }
    }

    /// Adds a row `area,age_band,sex,count` (by index; the caller has parsed the CSV).
    pub fn add(&mut self, ward: usize, age: usize, sex: usize, count: f64) {
        self.ward[ward] += count;
        self.age[age] += count;
        self.sex[sex] += count;
    }

    pub fn total(&self) -> f64 {
        self.ward.iter().sum()
    }
}
