//! How the demo's made-up answers are spread: near the national figures, so that a demo shown
//! to a councillor does not alarm anyone (the first demo had 53% "lonely often or always";
//! England's figure is about 7%). Still made up, and labelled illustrative wherever shown.
//!
//! Sources, rounded: ONS Annual Population Survey personal wellbeing 2023/24 (means 7.4, 7.7,
//! 7.4 and 3.2 for anxiety); DCMS Community Life Survey 2023/24 (loneliness, belonging,
//! getting on, influence, trust, feeling safe, satisfaction with the area, volunteering);
//! Census 2021 (general health); Understanding Society (managing financially).

/// A scale question's typical mean and spread.
pub struct TypicalScale {
    pub mean: f64,
    pub sd: f64,
    /// Whether a higher score is the better one (not for anxiety or fear of crime).
    pub higher_is_better: bool,
}

pub fn scale(key: &str) -> Option<TypicalScale> {
    let s = |mean, sd, higher_is_better| {
        Some(TypicalScale {
            mean,
            sd,
            higher_is_better,
        })
    };
    match key {
        "wb_life_satisfaction" => s(7.3, 1.9, true),
        "wb_worthwhile" => s(7.6, 1.8, true),
        "wb_happiness" => s(7.3, 2.1, true),
        // Clamping at 0 lifts the mean: 2.8 comes out near 3.2.
        "wb_anxiety" => s(2.8, 2.9, false),
        "fear_crime_effect" => s(2.4, 2.0, false),
        _ => None,
    }
}

/// A choice question's typical share of each option, in percent, in the question's order;
/// and how many of its first options are ordered from best to worst or worst to best
/// (the rest, such as "Don't know", stay out of any shift).
pub struct TypicalChoice {
    pub percent: &'static [u32],
    pub ordered: usize,
    /// Whether the first option is the better end.
    pub first_is_better: bool,
}

pub fn choice(key: &str) -> Option<TypicalChoice> {
    let c = |percent, ordered, first_is_better| {
        Some(TypicalChoice {
            percent,
            ordered,
            first_is_better,
        })
    };
    match key {
        // Often or always 7%; some of the time 19%.
        "wb_loneliness" => c(&[7, 19, 22, 30, 22], 5, false),
        "fin_managing" => c(&[26, 33, 26, 9, 4, 2], 5, true),
        "health_general" => c(&[45, 35, 14, 5, 1], 5, true),
        "coh_belonging" => c(&[22, 38, 28, 9, 3], 4, true),
        "coh_get_on" => c(&[30, 48, 9, 4, 3, 3, 3], 4, true),
        "coh_influence" => c(&[4, 19, 40, 27, 10], 4, true),
        "part_heard" => c(&[4, 20, 35, 27, 14], 5, true),
        "trust_council" => c(&[5, 38, 35, 17, 5], 4, true),
        "trust_police" => c(&[15, 50, 22, 9, 4], 4, true),
        "trust_nhs" => c(&[25, 50, 16, 6, 3], 4, true),
        "safe_day" => c(&[55, 38, 5, 1, 1], 4, true),
        "safe_dark" => c(&[28, 45, 17, 5, 4, 1], 4, true),
        "place_satisfied" => c(&[30, 45, 11, 9, 5], 5, true),
        "place_clean" => c(&[8, 40, 22, 20, 10], 5, true),
        "place_travel" => c(&[12, 45, 18, 17, 8], 5, true),
        "place_youth" => c(&[5, 22, 25, 17, 11, 20], 5, true),
        "part_volunteer" => c(&[9, 7, 11, 73], 4, true),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_spread_adds_up_to_a_hundred() {
        for key in [
            "wb_loneliness",
            "fin_managing",
            "health_general",
            "coh_belonging",
            "coh_get_on",
            "coh_influence",
            "part_heard",
            "trust_council",
            "trust_police",
            "trust_nhs",
            "safe_day",
            "safe_dark",
            "place_satisfied",
            "place_clean",
            "place_travel",
            "place_youth",
            "part_volunteer",
        ] {
            let c = choice(key).unwrap();
            assert_eq!(c.percent.iter().sum::<u32>(), 100, "{key}");
            assert!(c.ordered <= c.percent.len(), "{key}");
        }
    }
}
