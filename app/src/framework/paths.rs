//! Every address of the wellbeing framework: the public "How is Stoke-on-Trent doing?"
//! pages, "you said, we did", the open data, and the officers' pages and forms.

use crate::results::paths::Audience;
use crate::shared::access::{Access::*, Declared};
use crate::shared::address::fill;

pub const FRAMEWORK: &str = "/wellbeing";
pub const INDICATOR: &str = "/wellbeing/{key}";
pub const UPDATES: &str = "/you-said-we-did";
pub const CSV: &str = "/wellbeing.csv";
/// The CSV's CSVW metadata, named as CSVW expects (`{csv}-metadata.json`).
pub const CSV_METADATA: &str = "/wellbeing.csv-metadata.json";
pub const API: &str = "/api/v1/framework";
pub const PAGE_DATA: &str = "/api/framework/{*fn}";

// Under /officer, every two-segment address is a survey's wave (`/officer/{survey}/{wave}`):
// these take the survey keys `framework` and `updates`, which no survey may use.
pub const OFFICER_FRAMEWORK: &str = "/officer/framework";
pub const OFFICER_INDICATOR: &str = "/officer/framework/{key}";
/// Posts: one value (added, or a correction), publishing, the next update's date.
pub const OFFICER_VALUE: &str = "/officer/framework/{key}/value";
pub const OFFICER_PUBLISH: &str = "/officer/framework/{key}/publish";
pub const OFFICER_DUE: &str = "/officer/framework/{key}/due";
pub const OFFICER_UPLOAD: &str = "/officer/framework-upload";
/// Adding an indicator (a page and its post), and changing one's definition and target.
pub const OFFICER_NEW_INDICATOR: &str = "/officer/framework-new";
pub const OFFICER_DEFINITION: &str = "/officer/framework/{key}/definition";
pub const OFFICER_UPDATES: &str = "/officer/updates";
pub const OFFICER_UPDATE: &str = "/officer/updates/{id}";

pub fn framework(a: Audience) -> &'static str {
    match a {
        Audience::Officer => OFFICER_FRAMEWORK,
        Audience::Public => FRAMEWORK,
    }
}
pub fn indicator(a: Audience, key: &str) -> String {
    let pattern = match a {
        Audience::Officer => OFFICER_INDICATOR,
        Audience::Public => INDICATOR,
    };
    fill(pattern, &[key])
}
pub fn value(key: &str) -> String {
    fill(OFFICER_VALUE, &[key])
}
pub fn publish(key: &str) -> String {
    fill(OFFICER_PUBLISH, &[key])
}
pub fn due(key: &str) -> String {
    fill(OFFICER_DUE, &[key])
}
pub fn definition(key: &str) -> String {
    fill(OFFICER_DEFINITION, &[key])
}
pub fn update(id: i32) -> String {
    fill(OFFICER_UPDATE, &[&id.to_string()])
}

pub const ACCESS: Declared = &[
    (FRAMEWORK, Anyone),
    (INDICATOR, Anyone),
    (UPDATES, Anyone),
    (CSV, Anyone),
    (CSV_METADATA, Anyone),
    (API, Anyone),
    (PAGE_DATA, Anyone),
    (OFFICER_FRAMEWORK, Staff),
    (OFFICER_INDICATOR, Staff),
    (OFFICER_VALUE, Staff),
    (OFFICER_PUBLISH, Staff),
    (OFFICER_DUE, Staff),
    (OFFICER_UPLOAD, Staff),
    (OFFICER_NEW_INDICATOR, Staff),
    (OFFICER_DEFINITION, Staff),
    (OFFICER_UPDATES, Staff),
    (OFFICER_UPDATE, Staff),
];
