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
use crate::demo_figures;
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

/// One made-up answer to a question, for a resident of the given ward: drawn from the
/// question's typical national spread (`demo_figures`), wards apart by a little, a later
/// wave (`lift`) a little better.
pub fn answer(rng: &mut StdRng, q: &domain::Question, ward: usize, lift: u32) -> Option<String> {
    if rng.random_ratio(1, 20) {
        return None;
    }
    // -2 to 2: some wards do a little better than others.
    let tilt = (ward % 5) as i32 - 2;
    Some(match &q.kind {
        QuestionKind::Scale { min, max, .. } => {
            let typical = demo_figures::scale(&q.key).unwrap_or(demo_figures::TypicalScale {
                mean: f64::from(*min) + f64::from(max - min) * 0.7,
                sd: f64::from(max - min) / 5.0,
                higher_is_better: true,
            });
            let better = 0.25 * f64::from(tilt) + 0.3 * f64::from(lift);
            let mean = if typical.higher_is_better {
                typical.mean + better
            } else {
                typical.mean - better
            };
            let value = (mean + typical.sd * normal(rng)).round() as i32;
            value.clamp(*min, *max).to_string()
        }
        QuestionKind::Choice { options } => {
            let i = match demo_figures::choice(&q.key) {
                Some(t) if t.percent.len() == options.len() => {
                    shifted(rng, &t, tilt + 2 * lift as i32)
                }
                // A question with no typical spread: the smallest of a few draws leans
                // towards the first options, the favourable ones in a standard question.
                _ => (0..2 + lift + u32::from(tilt > 0))
                    .map(|_| rng.random_range(0..options.len()))
                    .min()
                    .unwrap_or(0),
            };
            options[i].key.clone()
        }
        // Each option ticked by about a third of residents.
        QuestionKind::Several { options } => options
            .iter()
            .filter(|_| rng.random_ratio(1, 3))
            .map(|o| o.key.as_str())
            .collect::<Vec<_>>()
            .join(","),
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
        QuestionKind::Number { min, max, .. } => {
            // Leaning low, as counts of people or years do.
            let a = rng.random_range(*min..=*max);
            let b = rng.random_range(*min..=*max);
            a.min(b).to_string()
        }
        QuestionKind::Date { earliest, latest } => {
            // A day in the last ten years, within the question's limits.
            let day = chrono::NaiveDate::from_ymd_opt(2016, 1, 1).expect("a date")
                + chrono::Duration::days(rng.random_range(0..3650));
            let limit = |b: &Option<String>| {
                b.as_deref()
                    .and_then(|s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
            };
            let day = limit(earliest).map_or(day, |e| day.max(e));
            let day = limit(latest).map_or(day, |l| day.min(l));
            day.format("%Y-%m-%d").to_string()
        }
        QuestionKind::Area => return None,
    })
}

/// The prefix of every made-up answer's id.
const DEMO_ID: &str = "demo-";

/// Whether a wave holds any of the demo's made-up answers.
pub async fn has_demo_answers(db: &DatabaseConnection, wave_id: i32) -> Result<bool, StoreError> {
    Ok(response::Entity::find()
        .filter(response::Column::WaveId.eq(wave_id))
        .filter(response::Column::ExternalId.starts_with(DEMO_ID))
        .count(db)
        .await?
        > 0)
}

/// A standard normal draw (Box-Muller).
fn normal(rng: &mut StdRng) -> f64 {
    let u: f64 = 1.0 - rng.random::<f64>();
    let v: f64 = rng.random();
    (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
}

/// An option drawn from a typical spread, then, for a ward that does better (`better` > 0)
/// or worse, moved one step along the ordered options one time in twelve per point.
fn shifted(rng: &mut StdRng, t: &demo_figures::TypicalChoice, better: i32) -> usize {
    let total: u32 = t.percent.iter().sum();
    let mut pick = rng.random_range(0..total);
    let mut i = 0;
    while pick >= t.percent[i] {
        pick -= t.percent[i];
        i += 1;
    }
    if i >= t.ordered || better == 0 || !rng.random_ratio(better.unsigned_abs().min(6), 12) {
        return i;
    }
    // Towards the better end: to a lower index when the first option is the best.
    let down = (better > 0) == t.first_is_better;
    match down {
        true if i > 0 => i - 1,
        false if i + 1 < t.ordered => i + 1,
        _ => i,
    }
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
                id_prefix: &format!("{DEMO_ID}{channel}-"),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn question(key: &str) -> domain::Question {
        crate::seed::demo_surveys()
            .into_iter()
            .flat_map(|(_, s)| s.sections)
            .flat_map(|s| s.questions)
            .find(|q| q.key == key)
            .unwrap_or_else(|| panic!("no question {key}"))
    }

    #[test]
    fn every_typical_spread_fits_its_question() {
        for (_, survey) in crate::seed::demo_surveys() {
            for q in survey.sections.iter().flat_map(|s| &s.questions) {
                if let (QuestionKind::Choice { options }, Some(t)) =
                    (&q.kind, demo_figures::choice(&q.key))
                {
                    assert_eq!(t.percent.len(), options.len(), "{}", q.key);
                }
            }
        }
    }

    /// The demo's figures sit near England's, whatever the ward and wave.
    #[test]
    fn demo_answers_are_near_the_national_figures() {
        let mut rng = StdRng::seed_from_u64(7);
        let lonely = question("wb_loneliness");
        let life = question("wb_life_satisfaction");
        let anxiety = question("wb_anxiety");
        for lift in [0, 1] {
            let (mut often, mut asked, mut sum, mut n, mut worry, mut m) = (0, 0, 0.0, 0, 0.0, 0);
            for i in 0..20_000 {
                let ward = i % 37;
                if let Some(a) = answer(&mut rng, &lonely, ward, lift) {
                    asked += 1;
                    often += usize::from(a == "often_always");
                }
                if let Some(a) = answer(&mut rng, &life, ward, lift) {
                    sum += a.parse::<f64>().unwrap();
                    n += 1;
                }
                if let Some(a) = answer(&mut rng, &anxiety, ward, lift) {
                    worry += a.parse::<f64>().unwrap();
                    m += 1;
                }
            }
            let share = often as f64 / asked as f64;
            assert!(
                (0.04..0.10).contains(&share),
                "lonely often or always: {share}"
            );
            let mean = sum / f64::from(n);
            assert!((7.0..7.9).contains(&mean), "life satisfaction: {mean}");
            let mean = worry / f64::from(m);
            assert!((2.6..3.6).contains(&mean), "anxiety: {mean}");
        }
    }
}
