//! The grid of ward x age band x sex combinations, each with an "unknown" slot. Every
//! respondent falls in exactly one grid cell; every published cell is a sum of grid cells.

use super::data::{AGE_BANDS, SEXES, UNKNOWN, UNKNOWN_WARD};

#[derive(Clone, Copy, Debug)]
pub struct Grid {
    pub wards: usize,
}

pub const AGE_SLOTS: usize = AGE_BANDS.len() + 1;
pub const SEX_SLOTS: usize = SEXES.len() + 1;

impl Grid {
    pub fn len(&self) -> usize {
        (self.wards + 1) * AGE_SLOTS * SEX_SLOTS
    }

    pub fn is_empty(&self) -> bool {
        false
    }

    pub fn index(&self, ward: u16, age: u8, sex: u8) -> usize {
        let w = if ward == UNKNOWN_WARD || ward as usize >= self.wards {
            self.wards
        } else {
            ward as usize
        };
        let a = if age == UNKNOWN || age as usize >= AGE_BANDS.len() {
            AGE_BANDS.len()
        } else {
            age as usize
        };
        let s = if sex == UNKNOWN || sex as usize >= SEXES.len() {
            SEXES.len()
        } else {
            sex as usize
        };
        (w * AGE_SLOTS + a) * SEX_SLOTS + s
    }

    /// The ward slot (== wards when unknown), age slot (7 when unknown), sex slot (2 when unknown).
    pub fn slots(&self, f: usize) -> (usize, usize, usize) {
        (
            f / (AGE_SLOTS * SEX_SLOTS),
            (f / SEX_SLOTS) % AGE_SLOTS,
            f % SEX_SLOTS,
        )
    }

    /// The category of a grid cell on margin 0 (ward), 1 (age band) or 2 (sex).
    pub fn category(&self, f: usize, margin: usize) -> usize {
        let (w, a, s) = self.slots(f);
        [w, a, s][margin]
    }

    pub fn margin_len(&self, margin: usize) -> usize {
        [self.wards + 1, AGE_SLOTS, SEX_SLOTS][margin]
    }
}
