//! Indicator definitions: which item, which rule, which of the council's six priorities, and
//! which way is better. These are data (seeded, then editable); `standard()` is the seed,
//! one entry per indicator key in measures.md.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    Healthier,
    Wealthier,
    Safer,
    Greener,
    Cleaner,
    Fairer,
}

impl Theme {
    pub const ALL: [Theme; 6] = [
        Theme::Healthier,
        Theme::Wealthier,
        Theme::Safer,
        Theme::Greener,
        Theme::Cleaner,
        Theme::Fairer,
    ];
    pub fn key(self) -> &'static str {
        match self {
            Theme::Healthier => "healthier",
            Theme::Wealthier => "wealthier",
            Theme::Safer => "safer",
            Theme::Greener => "greener",
            Theme::Cleaner => "cleaner",
            Theme::Fairer => "fairer",
        }
    }
    pub fn parse(key: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.key() == key)
    }
}

/// How an item's valid answers become the estimate.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Rule {
    /// The mean score of a scale item.
    Mean,
    /// The share whose score lies in `min..=max`.
    ShareInRange { min: i32, max: i32 },
    /// The share choosing one of these options.
    ShareOf { options: Vec<String> },
}

impl Rule {
    pub fn is_mean(&self) -> bool {
        matches!(self, Rule::Mean)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IndicatorDef {
    pub key: String,
    pub label: String,
    /// The question key the indicator is computed from.
    pub item: String,
    pub rule: Rule,
    pub theme: Theme,
    pub higher_is_better: bool,
}

fn def(
    key: &str,
    label: &str,
    item: &str,
    rule: Rule,
    theme: Theme,
    higher_is_better: bool,
) -> IndicatorDef {
    IndicatorDef {
        key: key.into(),
        label: label.into(),
        item: item.into(),
        rule,
        theme,
        higher_is_better,
    }
}

fn range(min: i32, max: i32) -> Rule {
    Rule::ShareInRange { min, max }
}

fn of(options: &[&str]) -> Rule {
    Rule::ShareOf {
        options: options.iter().map(|o| o.to_string()).collect(),
    }
}

/// The indicators an annual report leads with and tabulates by ward: the ONS4 averages
/// (the figures ONS itself leads with), then one headline share per other measure.
pub const HEADLINE: [&str; 14] = [
    "wb_life_satisfaction_mean",
    "wb_worthwhile_mean",
    "wb_happiness_mean",
    "wb_anxiety_mean",
    "wb_loneliness_often",
    "fin_managing_difficult",
    "health_general_good",
    "coh_belonging_strong",
    "coh_get_on_agree",
    "coh_influence_agree",
    "trust_council_trust",
    "safe_dark_safe",
    "fear_crime_effect_affects",
    "place_satisfied_satisfied",
];

/// Every indicator in measures.md, in its order.
pub fn standard() -> Vec<IndicatorDef> {
    use Theme::*;
    let agree = ["strongly_agree", "agree"];
    let definitely = ["definitely_agree", "tend_to_agree"];
    let trust = ["great_deal", "fair_amount"];
    let satisfied = ["very_satisfied", "fairly_satisfied"];
    let safe = ["very_safe", "fairly_safe"];
    vec![
        def(
            "wb_life_satisfaction_mean",
            "Life satisfaction: average score (0 to 10)",
            "wb_life_satisfaction",
            Rule::Mean,
            Healthier,
            true,
        ),
        def(
            "wb_worthwhile_mean",
            "Feeling the things you do are worthwhile: average score (0 to 10)",
            "wb_worthwhile",
            Rule::Mean,
            Healthier,
            true,
        ),
        def(
            "wb_happiness_mean",
            "Happiness yesterday: average score (0 to 10)",
            "wb_happiness",
            Rule::Mean,
            Healthier,
            true,
        ),
        def(
            "wb_anxiety_mean",
            "Anxiety yesterday: average score (0 to 10)",
            "wb_anxiety",
            Rule::Mean,
            Healthier,
            false,
        ),
        def(
            "wb_life_satisfaction_low",
            "Low life satisfaction (scoring 0 to 4)",
            "wb_life_satisfaction",
            range(0, 4),
            Healthier,
            false,
        ),
        def(
            "wb_worthwhile_low",
            "Low feeling that things done are worthwhile (0 to 4)",
            "wb_worthwhile",
            range(0, 4),
            Healthier,
            false,
        ),
        def(
            "wb_happiness_low",
            "Low happiness yesterday (0 to 4)",
            "wb_happiness",
            range(0, 4),
            Healthier,
            false,
        ),
        def(
            "wb_life_satisfaction_very_high",
            "Very high life satisfaction (9 to 10)",
            "wb_life_satisfaction",
            range(9, 10),
            Healthier,
            true,
        ),
        def(
            "wb_worthwhile_very_high",
            "Very high feeling that things done are worthwhile (9 to 10)",
            "wb_worthwhile",
            range(9, 10),
            Healthier,
            true,
        ),
        def(
            "wb_happiness_very_high",
            "Very high happiness yesterday (9 to 10)",
            "wb_happiness",
            range(9, 10),
            Healthier,
            true,
        ),
        def(
            "wb_anxiety_high",
            "High anxiety yesterday (6 to 10)",
            "wb_anxiety",
            range(6, 10),
            Healthier,
            false,
        ),
        def(
            "wb_anxiety_very_low",
            "Very low anxiety yesterday (0 to 1)",
            "wb_anxiety",
            range(0, 1),
            Healthier,
            true,
        ),
        def(
            "wb_loneliness_often",
            "Feel lonely often or always",
            "wb_loneliness",
            of(&["often_always"]),
            Healthier,
            false,
        ),
        def(
            "fin_managing_difficult",
            "Finding it quite or very difficult to manage financially",
            "fin_managing",
            of(&["quite_difficult", "very_difficult"]),
            Wealthier,
            false,
        ),
        def(
            "health_general_good",
            "Health good or very good",
            "health_general",
            of(&["very_good", "good"]),
            Healthier,
            true,
        ),
        def(
            "coh_belonging_strong",
            "Feel they belong to their neighbourhood very or fairly strongly",
            "coh_belonging",
            of(&["very_strongly", "fairly_strongly"]),
            Fairer,
            true,
        ),
        def(
            "coh_get_on_agree",
            "Agree people from different backgrounds get on well together",
            "coh_get_on",
            of(&definitely),
            Fairer,
            true,
        ),
        def(
            "coh_influence_agree",
            "Agree they can influence decisions affecting their area",
            "coh_influence",
            of(&definitely),
            Fairer,
            true,
        ),
        def(
            "trust_council_trust",
            "Trust the city council a great deal or a fair amount",
            "trust_council",
            of(&trust),
            Fairer,
            true,
        ),
        def(
            "trust_police_trust",
            "Trust the police a great deal or a fair amount",
            "trust_police",
            of(&trust),
            Safer,
            true,
        ),
        def(
            "trust_nhs_trust",
            "Trust the NHS a great deal or a fair amount",
            "trust_nhs",
            of(&trust),
            Healthier,
            true,
        ),
        def(
            "safe_day_safe",
            "Feel safe walking alone in their area during the day",
            "safe_day",
            of(&safe),
            Safer,
            true,
        ),
        def(
            "safe_dark_safe",
            "Feel safe walking alone in their area after dark",
            "safe_dark",
            of(&safe),
            Safer,
            true,
        ),
        def(
            "fear_crime_effect_affects",
            "Fear of crime affects day-to-day life (scoring 4 to 10)",
            "fear_crime_effect",
            range(4, 10),
            Safer,
            false,
        ),
        def(
            "fear_crime_effect_high",
            "Fear of crime has a high effect on day-to-day life (8 to 10)",
            "fear_crime_effect",
            range(8, 10),
            Safer,
            false,
        ),
        def(
            "fear_crime_effect_mean",
            "Effect of fear of crime on day-to-day life: average score (1 to 10)",
            "fear_crime_effect",
            Rule::Mean,
            Safer,
            false,
        ),
        def(
            "place_satisfied_satisfied",
            "Satisfied with their local area as a place to live",
            "place_satisfied",
            of(&satisfied),
            Cleaner,
            true,
        ),
        def(
            "place_youth_satisfied",
            "Satisfied with activities and opportunities for young people",
            "place_youth",
            of(&satisfied),
            Wealthier,
            true,
        ),
        def(
            "place_clean_agree",
            "Agree their neighbourhood is kept clean and tidy",
            "place_clean",
            of(&agree),
            Cleaner,
            true,
        ),
        def(
            "place_travel_agree",
            "Agree they can get around without always relying on a car or taxi",
            "place_travel",
            of(&agree),
            Greener,
            true,
        ),
        def(
            "part_heard_agree",
            "Agree they feel listened to when decisions are made about their area",
            "part_heard",
            of(&agree),
            Fairer,
            true,
        ),
        def(
            "part_volunteer_any",
            "Gave unpaid help to a group, club or organisation in the last 12 months",
            "part_volunteer",
            of(&["weekly", "monthly", "less_often"]),
            Fairer,
            true,
        ),
        def(
            "part_volunteer_monthly",
            "Gave unpaid help at least once a month",
            "part_volunteer",
            of(&["weekly", "monthly"]),
            Fairer,
            true,
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_in_measures_md_is_defined_once() {
        let defs = standard();
        assert_eq!(defs.len(), 33);
        let mut keys: Vec<&str> = defs.iter().map(|d| d.key.as_str()).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), defs.len());
    }

    #[test]
    fn every_headline_indicator_is_defined() {
        let defs = standard();
        for key in HEADLINE {
            assert!(defs.iter().any(|d| d.key == key), "{key} is not defined");
        }
    }
}
