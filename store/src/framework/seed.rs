//! The framework as the demo starts: the Corporate Strategy's supporting data (its own
//! figures, from `seed/framework-baseline.csv`), the survey indicators it promises, England
//! beside each, and made-up later (and for a few, earlier) periods, targets and updates,
//! every one of them flagged illustrative, so that trends and judgements can be seen.

use chrono::NaiveDate;
use domain::framework::intervals;
use domain::framework::row::Observed;
use domain::framework::updates::{UpdateDetails, UpdateStatus};
use domain::framework::{Measure, Period, Polarity, Priority, ENGLAND};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, TransactionTrait,
};

use super::observations::{record, Change};
use crate::entity::{fw_area, fw_indicator, fw_target};
use crate::StoreError;

const BASELINE_CSV: &str = include_str!("../../seed/framework-baseline.csv");
/// Where the strategy's figures sit on the time line: they are the latest it had, mostly
/// for 2022 or 2022/23, published in 2024; Kiln files them as 2023/24 and labels them.
pub const BASELINE_PERIOD: &str = "2023-04-01/P1Y";
pub const BASELINE_LABEL: &str = "as published in the Corporate Strategy 2024-28";
pub const HOME: (&str, &str) = ("E06000021", "Stoke-on-Trent");
pub const REGION: (&str, &str) = ("E12000005", "West Midlands");
const SEEDED_BY: &str = "demo seed";
const ILLUSTRATIVE: &str = "Illustrative: made up for the demo, not a published figure.";
const CITY_POPULATION: f64 = 258_400.0;

/// The survey indicators the strategy's "possible indicators" ask for, in the order shown.
pub const SURVEY_INDICATORS: [&str; 17] = [
    "wb_life_satisfaction_mean",
    "wb_worthwhile_mean",
    "wb_happiness_mean",
    "wb_anxiety_mean",
    "wb_loneliness_often",
    "fin_managing_difficult",
    "safe_day_safe",
    "safe_dark_safe",
    "fear_crime_effect_affects",
    "place_travel_agree",
    "place_clean_agree",
    "place_satisfied_satisfied",
    "coh_belonging_strong",
    "coh_get_on_agree",
    "coh_influence_agree",
    "trust_council_trust",
    "part_volunteer_any",
];

/// England's figure beside each survey indicator (illustrative, near the ONS Annual
/// Population Survey and Community Life Survey levels).
const SURVEY_ENGLAND: [(&str, f64); 17] = [
    ("wb_life_satisfaction_mean", 7.45),
    ("wb_worthwhile_mean", 7.73),
    ("wb_happiness_mean", 7.39),
    ("wb_anxiety_mean", 3.24),
    ("wb_loneliness_often", 7.1),
    ("fin_managing_difficult", 11.5),
    ("safe_day_safe", 93.0),
    ("safe_dark_safe", 72.0),
    ("fear_crime_effect_affects", 31.0),
    ("place_travel_agree", 68.0),
    ("place_clean_agree", 61.0),
    ("place_satisfied_satisfied", 75.0),
    ("coh_belonging_strong", 62.0),
    ("coh_get_on_agree", 82.0),
    ("coh_influence_agree", 26.0),
    ("trust_council_trust", 55.0),
    ("part_volunteer_any", 54.0),
];

/// Where each supporting figure is published, how often, and its OHID Fingertips
/// indicator (ID and sex) where it has one.
struct Source {
    publisher: &'static str,
    url: &'static str,
    frequency: &'static str,
    fingertips: Option<(i32, &'static str)>,
}

fn source(key: &str) -> Source {
    let s = |publisher, url, frequency, fingertips| Source {
        publisher,
        url,
        frequency,
        fingertips,
    };
    const FINGERTIPS: &str =
        "https://fingertips.phe.org.uk/profile/public-health-outcomes-framework";
    const ONS: &str = "https://www.ons.gov.uk";
    const GOV: &str = "https://www.gov.uk/government/statistics";
    match key {
        "life_expectancy_male" => s(
            "OHID, Public Health Outcomes Framework",
            FINGERTIPS,
            "annual",
            Some((90366, "Male")),
        ),
        "life_expectancy_female" => s(
            "OHID, Public Health Outcomes Framework",
            FINGERTIPS,
            "annual",
            Some((90366, "Female")),
        ),
        "healthy_life_expectancy_male" => s(
            "OHID, Public Health Outcomes Framework",
            FINGERTIPS,
            "annual",
            Some((90362, "Male")),
        ),
        "healthy_life_expectancy_female" => s(
            "OHID, Public Health Outcomes Framework",
            FINGERTIPS,
            "annual",
            Some((90362, "Female")),
        ),
        "infant_mortality" => s(
            "OHID, Public Health Outcomes Framework",
            FINGERTIPS,
            "annual",
            Some((92196, "Persons")),
        ),
        "suicide_rate" => s(
            "OHID, Public Health Outcomes Framework",
            FINGERTIPS,
            "annual",
            Some((41001, "Persons")),
        ),
        k if [
            "common_mental_disorder",
            "overweight_obese_adults",
            "physically_active_adults",
            "premature_mortality_preventable",
            "alcohol_admissions",
            "opiate_users",
            "school_ready_children",
        ]
        .contains(&k) =>
        {
            s(
                "OHID, Fingertips",
                "https://fingertips.phe.org.uk",
                "annual",
                None,
            )
        }
        "child_poverty_ahc" => s(
            "End Child Poverty Coalition (Loughborough University)",
            "https://endchildpoverty.org.uk",
            "annual",
            None,
        ),
        "fuel_poverty" => s(
            "Department for Energy Security and Net Zero",
            GOV,
            "annual",
            None,
        ),
        "gross_weekly_pay_residence" => s(
            "ONS, Annual Survey of Hours and Earnings",
            "https://www.nomisweb.co.uk",
            "annual",
            None,
        ),
        "gdhi_per_head" | "gva_per_capita" => s("ONS, regional accounts", ONS, "annual", None),
        "most_deprived_decile_share" => s(
            "MHCLG, English Indices of Deprivation",
            GOV,
            "every 4 to 5 years",
            None,
        ),
        "adults_without_car"
        | "level3_qualifications"
        | "level4_qualifications"
        | "no_qualifications" => s("ONS, Census 2021", ONS, "every 10 years", None),
        "recorded_crime_rate" | "violent_crime_rate" | "domestic_abuse_rate" => {
            s("ONS, police recorded crime", ONS, "quarterly", None)
        }
        "asb_change" => s(
            "Staffordshire Police",
            "https://www.staffordshire.police.uk",
            "annual",
            None,
        ),
        "adult_reoffending" => s(
            "Ministry of Justice, proven reoffending statistics",
            GOV,
            "quarterly",
            None,
        ),
        "children_in_need_safeguarding"
        | "free_school_meals"
        | "learning_difficulties_rate"
        | "ks4_attainment8" => s(
            "Department for Education",
            "https://explore-education-statistics.service.gov.uk",
            "annual",
            None,
        ),
        "social_care_users_feel_safe" => s(
            "NHS England, Adult Social Care Outcomes Framework",
            "https://digital.nhs.uk",
            "annual",
            None,
        ),
        "gas_consumption" | "electricity_consumption" | "co2_per_head" => s(
            "Department for Energy Security and Net Zero",
            GOV,
            "annual",
            None,
        ),
        "walk_cycle_transport" => s(
            "Department for Transport, walking and cycling statistics",
            GOV,
            "annual",
            None,
        ),
        _ => s(
            "Local Government Association",
            "https://www.local.gov.uk",
            "one-off forecast",
            None,
        ),
    }
}

/// Measure, `per` and decimals from the unit the strategy gives.
fn shape(unit: &str) -> (Measure, f64, i32) {
    match unit {
        "percent" => (Measure::Proportion, 100.0, 1),
        u if u.starts_with("per 100000") => (Measure::Rate, 100_000.0, 1),
        u if u.starts_with("per 1000") => (Measure::Rate, 1000.0, 1),
        "GBP" | "count" | "percent change" => (Measure::Other, 1.0, 0),
        _ => (Measure::Other, 1.0, 1),
    }
}

fn unit_words(unit: &str) -> String {
    match unit {
        "percent" => "%".into(),
        "GBP" => "£".into(),
        "percent change" => "% change".into(),
        u => u.replace("100000", "100,000").replace("1000", "1,000"),
    }
}

/// A made-up figure with an interval of the right kind: from a count for proportions and
/// rates, a band of 1.5% for anything else.
fn made_up(
    measure: Measure,
    per: f64,
    value: f64,
) -> (f64, Option<f64>, Option<f64>, Option<f64>, Option<f64>) {
    match measure {
        Measure::Proportion => {
            let den = 2000.0;
            let count = (value / per * den).round();
            let (l, u) = intervals::proportion(count, den, per).unwrap_or((value, value));
            (count / den * per, Some(l), Some(u), Some(count), Some(den))
        }
        Measure::Rate => {
            let count = (value / per * CITY_POPULATION).round();
            let (l, u) = intervals::rate(count, CITY_POPULATION, per).unwrap_or((value, value));
            (
                count / CITY_POPULATION * per,
                Some(l),
                Some(u),
                Some(count),
                Some(CITY_POPULATION),
            )
        }
        Measure::Other => {
            let band = (value * 0.015).abs();
            (value, Some(value - band), Some(value + band), None, None)
        }
    }
}

/// A steady number from a key, so the made-up figures are the same on every install.
fn spread(key: &str) -> f64 {
    let h = key
        .bytes()
        .fold(7u32, |h, b| h.wrapping_mul(31).wrapping_add(b as u32));
    (h % 1000) as f64 / 1000.0
}

fn round_to(v: f64, decimals: i32) -> f64 {
    let f = 10f64.powi(decimals + 1);
    (v * f).round() / f
}

/// Indicators with made-up earlier years too, so the demo shows Fingertips' trend test.
const WITH_HISTORY: [&str; 4] = [
    "physically_active_adults",
    "child_poverty_ahc",
    "infant_mortality",
    "recorded_crime_rate",
];
/// Indicators that change rarely (a census, a one-off forecast): no later periods.
const RARE: [&str; 6] = [
    "adults_without_car",
    "most_deprived_decile_share",
    "green_jobs_2050_forecast",
    "level3_qualifications",
    "level4_qualifications",
    "no_qualifications",
];
/// Their newest illustrative period is loaded but not yet published.
const UNPUBLISHED: [&str; 2] = ["fuel_poverty", "suicide_rate"];

#[derive(Debug, Default, PartialEq, Eq)]
pub struct FrameworkSeed {
    pub indicators: usize,
    pub observations: usize,
}

/// Seeds the framework once, into an install that has none.
pub async fn seed(
    db: &DatabaseConnection,
    clock: &crate::Clock,
) -> Result<FrameworkSeed, StoreError> {
    if fw_indicator::Entity::find().count(db).await? > 0 {
        return Ok(FrameworkSeed::default());
    }
    let now = clock.now();
    let txn = db.begin().await?;
    let mut report = FrameworkSeed::default();
    for (i, (code, name, role)) in [
        (HOME.0, HOME.1, "home"),
        (ENGLAND, "England", "england"),
        (REGION.0, REGION.1, "region"),
    ]
    .into_iter()
    .enumerate()
    {
        fw_area::ActiveModel {
            code: Set(code.into()),
            name: Set(name.into()),
            role: Set(role.into()),
            position: Set(i as i32),
        }
        .insert(&txn)
        .await?;
    }

    // The strategy's titles hold unquoted commas ("per 1,000"): read flexibly, and take
    // everything between the key and the last five columns as the title.
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(BASELINE_CSV.as_bytes());
    let mut position = 0;
    let baseline = Period::parse(BASELINE_PERIOD).expect("a valid period");
    for rec in reader.records() {
        let rec = rec.map_err(|e| StoreError::Invalid(e.to_string()))?;
        let f = |i: usize| rec.get(i).unwrap_or("").to_string();
        let last = rec.len().saturating_sub(5);
        let title = (2..last).map(f).collect::<Vec<_>>().join(",");
        let (priority, key, local, national, unit, polarity) =
            (f(0), f(1), f(last), f(last + 1), f(last + 2), f(last + 3));
        let (measure, per, decimals) = shape(&unit);
        let src = source(&key);
        let due = if spread(&key) < 0.25 {
            NaiveDate::from_ymd_opt(2026, 9, 30)
        } else {
            NaiveDate::from_ymd_opt(2027, 3 + (spread(&key) * 9.0) as u32, 1)
        };
        fw_indicator::ActiveModel {
            key: Set(key.clone()),
            title: Set(title.clone()),
            definition: Set(format!("{title}, in {}, as the Corporate Strategy 2024-28 reports it beside the national average.", unit_words(&unit))),
            priority: Set(priority.clone()),
            unit: Set(unit_words(&unit)),
            decimals: Set(decimals),
            polarity: Set(polarity.clone()),
            measure: Set(measure.key().into()),
            per: Set(per),
            from_survey: Set(false),
            publisher: Set(src.publisher.into()),
            source_url: Set(src.url.into()),
            licence: Set("Open Government Licence v3.0".into()),
            frequency: Set(src.frequency.into()),
            next_update: Set(due),
            baseline_period: Set(Some(BASELINE_PERIOD.into())),
            caveats: Set("The strategy's figures come from the latest data it had (mostly 2022 or 2022/23); Kiln files them under 2023/24. Later periods in the demo are made up.".into()),
            fingertips_id: Set(src.fingertips.map(|f| f.0)),
            fingertips_sex: Set(src.fingertips.map(|f| f.1.to_string())),
            position: Set(position),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        position += 1;
        report.indicators += 1;
        let polarity = Polarity::parse(&polarity).unwrap_or(Polarity::NoJudgement);
        let local: f64 = local
            .parse()
            .map_err(|_| StoreError::Invalid(format!("{key}: {local}")))?;
        let national: Option<f64> = national.parse().ok();

        let strategy = Change {
            by: SEEDED_BY,
            at: now,
            reason: "",
            publish: true,
            illustrative: false,
            period_label: Some(BASELINE_LABEL),
        };
        let plain = |area: &str, value: f64| Observed {
            area: area.into(),
            period: baseline,
            value: Some(value),
            low: None,
            high: None,
            count: None,
            denominator: None,
            status: None,
            note: "Corporate Strategy 2024-28, supporting data".into(),
        };
        if measure == Measure::Other {
            record(&txn, &key, &plain(HOME.0, local), &strategy).await?;
        } else {
            // The strategy gives no intervals, so nothing could be tested against it; the
            // demo gives its shares and rates a made-up count and denominator (and flags
            // them), so that the change since the baseline and the trend can be seen.
            let (_, _, _, count, den) = made_up(measure, per, local);
            let counted = Observed {
                count,
                denominator: den,
                note: "The value is the Corporate Strategy's; its count and denominator are illustrative, made up for the demo so that its interval can be worked out.".into(),
                ..plain(HOME.0, local)
            };
            let flagged = Change {
                illustrative: true,
                ..strategy.clone()
            };
            record(&txn, &key, &counted, &flagged).await?;
        }
        report.observations += 1;
        if let Some(n) = national {
            record(&txn, &key, &plain(ENGLAND, n), &strategy).await?;
            report.observations += 1;
        }
        if RARE.contains(&key.as_str()) {
            continue;
        }
        // Made-up periods: the city moves by up to 2% a year (towards better for two in
        // three indicators), England by 0.5%.
        let good = polarity.up_is_better().unwrap_or(true);
        let s = spread(&key);
        let step = if s < 0.66 {
            0.02 * s / 0.66
        } else {
            -0.02 * (s - 0.66) / 0.34
        };
        let local_step = if good { step } else { -step };
        let years: Vec<i32> = if WITH_HISTORY.contains(&key.as_str()) {
            vec![2020, 2021, 2022, 2024, 2025]
        } else {
            vec![2024, 2025]
        };
        for y in years {
            let k = (y - 2023) as f64;
            let period = Period::years(y, 4, 1);
            let unpublished = y == 2025 && UNPUBLISHED.contains(&key.as_str());
            let made = Change {
                by: SEEDED_BY,
                at: now,
                reason: "",
                publish: !unpublished,
                illustrative: true,
                period_label: None,
            };
            let (v, low, high, count, den) = made_up(
                measure,
                per,
                round_to(local * (1.0 + local_step * k), decimals),
            );
            let obs = Observed {
                area: HOME.0.into(),
                period,
                value: Some(round_to(v, decimals)),
                low: low.map(|x| round_to(x, decimals)),
                high: high.map(|x| round_to(x, decimals)),
                count,
                denominator: den,
                status: (y == 2025).then_some(domain::framework::Status::Provisional),
                note: ILLUSTRATIVE.into(),
            };
            // Keep the value inside its rounded interval.
            let obs = Observed {
                low: obs.low.map(|l| l.min(obs.value.unwrap_or(l))),
                high: obs.high.map(|h| h.max(obs.value.unwrap_or(h))),
                ..obs
            };
            record(&txn, &key, &obs, &made).await?;
            report.observations += 1;
            if let Some(n) = national {
                let e = Observed {
                    area: ENGLAND.into(),
                    value: Some(round_to(n * (1.0 + 0.005 * k), decimals)),
                    low: None,
                    high: None,
                    count: None,
                    denominator: None,
                    status: None,
                    ..obs.clone()
                };
                record(&txn, &key, &e, &made).await?;
                report.observations += 1;
            }
        }
    }

    // The survey indicators join by key; their own figures come from the waves.
    let defs = domain::indicators::definitions::standard();
    for key in SURVEY_INDICATORS {
        let Some(d) = defs.iter().find(|d| d.key == key) else {
            continue;
        };
        let mean = d.rule.is_mean();
        fw_indicator::ActiveModel {
            key: Set(key.into()),
            title: Set(d.label.clone()),
            definition: Set(format!(
                "From Kiln's own resident surveys: {}. Weighted to the city's population where the wave is weighted, with its 95% interval; wards with too few answers are withheld.",
                d.label.to_lowercase()
            )),
            priority: Set(d.theme.key().into()),
            unit: Set(if mean { "score".into() } else { "%".into() }),
            decimals: Set(if mean { 2 } else { 1 }),
            polarity: Set(if d.higher_is_better { "high_good" } else { "low_good" }.into()),
            measure: Set(if mean { Measure::Other } else { Measure::Proportion }.key().into()),
            per: Set(if mean { 1.0 } else { 100.0 }),
            from_survey: Set(true),
            publisher: Set("Stoke-on-Trent City Council, resident surveys (Kiln)".into()),
            source_url: Set("/results".into()),
            licence: Set("Open Government Licence v3.0".into()),
            frequency: Set("each survey wave (at least annual)".into()),
            next_update: Set(NaiveDate::from_ymd_opt(2027, 1, 31)),
            baseline_period: Set(None),
            caveats: Set("A survey estimate: see its interval. Each wave's period is its fieldwork dates.".into()),
            fingertips_id: Set(None),
            fingertips_sex: Set(None),
            position: Set(position),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        position += 1;
        report.indicators += 1;
        if let Some((_, v)) = SURVEY_ENGLAND.iter().find(|(k, _)| *k == key) {
            let obs = Observed {
                area: ENGLAND.into(),
                period: Period::years(2025, 4, 1),
                value: Some(*v),
                low: None,
                high: None,
                count: None,
                denominator: None,
                status: None,
                note: ILLUSTRATIVE.into(),
            };
            let made = Change {
                by: SEEDED_BY,
                at: now,
                reason: "",
                publish: true,
                illustrative: true,
                period_label: None,
            };
            record(&txn, key, &obs, &made).await?;
            report.observations += 1;
        }
    }

    for (key, baseline_value, target, strategy) in [
        (
            "physically_active_adults",
            57.5,
            62.0,
            "Illustrative target: the strategy sets none",
        ),
        (
            "child_poverty_ahc",
            43.2,
            38.0,
            "Illustrative target: the strategy sets none",
        ),
        (
            "wb_life_satisfaction_mean",
            7.0,
            7.3,
            "Illustrative target: the strategy sets none",
        ),
        (
            "place_clean_agree",
            45.0,
            55.0,
            "Illustrative target: the strategy sets none",
        ),
    ] {
        fw_target::ActiveModel {
            indicator_key: Set(key.into()),
            baseline_period: Set(BASELINE_PERIOD.into()),
            baseline_value: Set(baseline_value),
            target_value: Set(target),
            target_date: Set(NaiveDate::from_ymd_opt(2028, 3, 31).expect("a date")),
            strategy: Set(strategy.into()),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    txn.commit().await?;
    seed_updates(db, now).await?;
    Ok(report)
}

async fn seed_updates(db: &DatabaseConnection, now: i64) -> Result<(), StoreError> {
    let updates = [
        (
            "Cleaner streets in the town centres",
            "Fewer than half of residents agreed their area is kept clean, and many named fly-tipping in alleys.",
            "We doubled the street-cleaning rounds in Hanley, Burslem and Longton and gated 40 alleys with residents' agreement.",
            "Fly-tipping reports in the gated alleys fell by a third over six months (illustrative).",
            UpdateStatus::InProgress,
            Priority::Cleaner,
            "place_clean_agree",
        ),
        (
            "Feeling safe after dark",
            "Residents, and women in particular, told us they feel unsafe walking after dark.",
            "We replaced 600 street lights with brighter LED lamps on the routes people named, with the police and community groups.",
            "",
            UpdateStatus::Done,
            Priority::Safer,
            "safe_dark_safe",
        ),
        (
            "Being heard",
            "Only a minority agreed they can influence decisions affecting their area.",
            "We will hold a community forum in each of the three constituencies every quarter, starting next spring.",
            "",
            UpdateStatus::Planned,
            Priority::Fairer,
            "coh_influence_agree",
        ),
    ];
    for (title, said, did, changed, status, priority, indicator) in updates {
        let d = UpdateDetails {
            title: title.into(),
            said: said.into(),
            did: did.into(),
            changed: changed.into(),
            status,
            priorities: vec![priority],
            indicators: vec![indicator.into()],
            wards: Vec::new(),
        };
        super::updates::save(db, None, &d, SEEDED_BY, now, true).await?;
    }
    Ok(())
}

/// Whether the framework has been seeded (for tests that need it).
pub async fn is_seeded<C: ConnectionTrait>(db: &C) -> Result<bool, StoreError> {
    Ok(fw_indicator::Entity::find().count(db).await? > 0)
}
