//! Demo responses: made-up answers for the demo wards, so that a new install shows a working
//! dashboard, a trend, change since the baseline and published results. Loaded by
//! `kiln serve --seed-demo` (what `scripts/run` and the end-to-end tests start), never by
//! `kiln seed`, and only into the seeded baseline wave while it has no responses.

use std::io::{self, Write};

use chrono::NaiveDate;
use domain::indicators::data::AGE_BANDS;
use domain::QuestionKind;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter,
};

use crate::areas::AreaDirectory;
use crate::entity::{response, wave};
use crate::responses_import;
use crate::waves::{self, NewWave};
use crate::StoreError;

/// The follow-up wave added beside each seeded baseline.
pub const FOLLOW_UP_KEY: &str = "2026-autumn";
const FOLLOW_UP_NAME: &str = "2026 autumn";

/// How many made-up answers each wave gets, by channel.
const BASELINE: [(&str, usize); 3] = [("online", 820), ("paper", 260), ("group", 120)];
const FOLLOW_UP: [(&str, usize); 3] = [("online", 430), ("paper", 90), ("group", 60)];

/// The shape of a synthetic file.
pub struct Synthetic<'a> {
    pub survey: &'a domain::Survey,
    pub ward_codes: &'a [String],
    pub rows: usize,
    pub seed: u64,
    pub id_prefix: &'a str,
    /// Moves answers towards the favourable end (0 = none), so a later wave shows change.
    pub lift: u32,
    /// Some wards get few answers, so the demo shows withheld figures.
    pub uneven: bool,
}

/// Writes a response file in the `import-responses` format, with plausible answers: wards
/// differ a little and one answer in twenty is missing.
pub fn write_synthetic(out: &mut impl Write, s: &Synthetic) -> io::Result<()> {
    let questions: Vec<&domain::Question> = s
        .survey
        .sections
        .iter()
        .flat_map(|x| &x.questions)
        .filter(|q| !["area", "age_band", "sex"].contains(&q.key.as_str()))
        .collect();
    let mut rng = StdRng::seed_from_u64(s.seed);
    // Ward i is chosen in proportion to its weight: 1 to 7 when uneven.
    let weights: Vec<u32> = (0..s.ward_codes.len())
        .map(|i| if s.uneven { (i * 5 % 7) as u32 + 1 } else { 1 })
        .collect();
    let total: u32 = weights.iter().sum();
    write!(out, "response_id,area,age_band,sex")?;
    for q in &questions {
        write!(out, ",{}", q.key)?;
    }
    writeln!(out)?;
    for i in 0..s.rows {
        let mut pick = rng.random_range(0..total);
        let ward = weights
            .iter()
            .position(|w| {
                if pick < *w {
                    true
                } else {
                    pick -= w;
                    false
                }
            })
            .unwrap_or(0);
        let area = if rng.random_ratio(1, 40) {
            "dont_know"
        } else {
            &s.ward_codes[ward]
        };
        let age = AGE_BANDS[rng.random_range(0..AGE_BANDS.len())];
        let sex = match rng.random_range(0..100) {
            0..48 => "female",
            48..96 => "male",
            _ => "prefer_not_to_say",
        };
        write!(out, "{}{i},{area},{age},{sex}", s.id_prefix)?;
        for q in &questions {
            let a = answer(&mut rng, q, ward, s.lift).unwrap_or_default();
            write!(out, ",{a}")?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// Scales where most people score low.
const LOW_IS_TYPICAL: [&str; 2] = ["wb_anxiety", "fear_crime_effect"];

/// One made-up answer to a question, for a resident of the given ward.
pub fn answer(rng: &mut StdRng, q: &domain::Question, ward: usize, lift: u32) -> Option<String> {
    if rng.random_ratio(1, 20) {
        return None;
    }
    let tilt = (ward % 5) as i32 - 2;
    Some(match &q.kind {
        QuestionKind::Scale { min, max, .. } => {
            // Around two thirds of the way up the scale (a third for the scales where a
            // high score is bad), wards apart by a point or two.
            let lift = lift as i32;
            let centre = if LOW_IS_TYPICAL.contains(&q.key.as_str()) {
                min + (max - min) / 3 + tilt / 2 - lift
            } else {
                min + (max - min) * 2 / 3 + tilt / 2 + lift
            };
            let noise = rng.random_range(-3..=3) + rng.random_range(-2..=2);
            (centre + noise).clamp(*min, *max).to_string()
        }
        QuestionKind::Choice { options } => {
            // The first options are the favourable ones in every standard question; the
            // smallest of a few draws leans towards them, more so with lift.
            let draws = 2 + lift + u32::from(tilt > 0);
            let i = (0..draws)
                .map(|_| rng.random_range(0..options.len()))
                .min()
                .unwrap_or(0);
            options[i].key.clone()
        }
        QuestionKind::Text { .. } => {
            const SAID: [&str; 4] = [
                "More buses in the evening",
                "The park needs better lighting",
                "Friendly neighbours",
                "Fix the pavements",
            ];
            if rng.random_ratio(1, 8) {
                SAID[rng.random_range(0..SAID.len())].to_string()
            } else {
                return None;
            }
        }
        QuestionKind::Area => return None,
    })
}

#[derive(Debug, Default, PartialEq, Eq)]
pub struct DemoReport {
    pub responses_added: usize,
    pub waves_added: usize,
}

/// Fills each seeded survey's baseline wave with made-up answers (closed, weighted,
/// published) and adds an open, weighted follow-up wave with its first answers. Does
/// nothing for a survey whose baseline already has responses or which has other waves.
pub async fn seed_responses(
    db: &DatabaseConnection,
    clock: &crate::Clock,
) -> Result<DemoReport, StoreError> {
    let mut report = DemoReport::default();
    let areas = AreaDirectory::load(db).await?;
    let ward_codes: Vec<String> = areas.wards.iter().map(|w| w.code.clone()).collect();
    if ward_codes.is_empty() {
        return Ok(report);
    }
    for (n, survey) in crate::surveys::list(db).await?.into_iter().enumerate() {
        let waves = waves::of_survey(db, survey.id).await?;
        let [baseline] = waves.as_slice() else {
            continue;
        };
        let answered = response::Entity::find()
            .filter(response::Column::WaveId.eq(baseline.id))
            .count(db)
            .await?;
        if !baseline.is_baseline || answered > 0 {
            continue;
        }
        let seed = 2026 + n as u64 * 10;
        report.responses_added += fill(
            db,
            &survey,
            baseline.id,
            &areas,
            &ward_codes,
            &BASELINE,
            seed,
            0,
            clock.today(),
        )
        .await?;
        let mut done: wave::ActiveModel = baseline.clone().into();
        done.status = Set(domain::WaveStatus::Closed.key().into());
        done.weighted = Set(true);
        done.published = Set(true);
        done.opens_on = Set(NaiveDate::from_ymd_opt(2026, 3, 2));
        done.closes_on = Set(NaiveDate::from_ymd_opt(2026, 4, 26));
        done.update(db).await?;

        let follow_up = waves::create(
            db,
            &crate::audit::Actor {
                user_id: None,
                label: "demo data".into(),
                ip: None,
                at: clock.now(),
            },
            NewWave {
                survey: &survey.about.key,
                key: FOLLOW_UP_KEY,
                name: Some(FOLLOW_UP_NAME),
                baseline: false,
                weighted: true,
            },
        )
        .await?;
        report.waves_added += 1;
        let mut dated: wave::ActiveModel = follow_up.clone().into();
        dated.opens_on = Set(NaiveDate::from_ymd_opt(2026, 10, 5));
        dated.update(db).await?;
        report.responses_added += fill(
            db,
            &survey,
            follow_up.id,
            &areas,
            &ward_codes,
            &FOLLOW_UP,
            seed + 1,
            1,
            clock.today(),
        )
        .await?;
    }
    Ok(report)
}

#[allow(clippy::too_many_arguments)]
async fn fill(
    db: &DatabaseConnection,
    survey: &crate::surveys::SurveyRecord,
    wave_id: i32,
    areas: &AreaDirectory,
    ward_codes: &[String],
    channels: &[(&str, usize)],
    seed: u64,
    lift: u32,
    today: NaiveDate,
) -> Result<usize, StoreError> {
    let mut added = 0;
    for (c, (channel, rows)) in channels.iter().enumerate() {
        let mut file = Vec::new();
        write_synthetic(
            &mut file,
            &Synthetic {
                survey: &survey.definition,
                ward_codes,
                rows: *rows,
                seed: seed * 7 + c as u64,
                id_prefix: &format!("demo-{channel}-"),
                lift,
                uneven: true,
            },
        )
        .map_err(|e| StoreError::Invalid(format!("demo responses: {e}")))?;
        let r = responses_import::import(
            db,
            survey,
            wave_id,
            areas,
            responses_import::ImportAs {
                channel,
                dry_run: false,
                today,
            },
            &file[..],
        )
        .await
        .map_err(|e| StoreError::Invalid(format!("demo responses: {e}")))?;
        added += r.added;
    }
    Ok(added)
}
