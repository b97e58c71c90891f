//! Builds the framework pages: loaded observations and the survey indicators' figures
//! (computed by the engine from each visible wave) side by side, judged by the domain's
//! Fingertips methods, and put into words.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;
use domain::framework::{
    compare, intervals, progress, target_status, Estimate, Length, Measure, Period, Priority,
    TrendPoint,
};
use domain::indicators::Level;
use store::entity::wave;
use store::framework::{Framework, Indicator, Observation};
use store::results::WaveIndicators;

use super::words;
use crate::framework::model::*;
use crate::results::paths::Audience;
use crate::results::ssr::views::{area_id, figure, Cells};
use crate::shared::ssr::{AppState, ViewError};

/// The framework with the survey indicators' figures merged in, for one audience.
pub struct Assembled {
    pub fw: Framework,
    pub home: String,
    pub place: String,
    /// Per survey indicator: its latest visible wave's results, for the ward map.
    pub latest_wave: HashMap<String, (Arc<WaveIndicators>, wave::Model)>,
    pub today: NaiveDate,
    pub officer: bool,
}

fn wave_period(w: &wave::Model) -> Option<Period> {
    let start = w.opens_on?;
    let end = w.closes_on.filter(|e| *e >= start).unwrap_or(start);
    Some(Period {
        start,
        length: Length::Until(end),
    })
}

pub async fn assemble(st: &AppState, audience: Audience) -> Result<Assembled, ViewError> {
    let officer = audience == Audience::Officer;
    let mut fw = store::framework::load(&st.db, officer).await?;
    let home = fw.home().map(|a| a.code.clone()).unwrap_or_default();
    let place = fw
        .home()
        .map(|a| a.name.clone())
        .unwrap_or_else(|| st.council.name.clone());
    let catalogue = st.catalogue.get(&st.db).await?;
    let mut latest_wave = HashMap::new();
    let survey_keys: Vec<(String, f64)> = fw
        .indicators
        .iter()
        .filter(|i| i.from_survey)
        .map(|i| (i.key.clone(), i.per))
        .collect();
    for s in &catalogue.survey_rows {
        for w in catalogue.waves_of(s.id) {
            if !(w.published || officer) {
                continue;
            }
            let Some(period) = wave_period(w) else {
                continue;
            };
            let computed = st
                .results
                .get(&st.db, &catalogue, s.clone(), w.clone())
                .await?;
            let cells = Cells::new(&computed);
            for (key, per) in &survey_keys {
                let Some(i) = computed.defs.iter().position(|d| &d.key == key) else {
                    continue;
                };
                let Some(c) = cells.get(i, area_id(Level::All, 0)) else {
                    continue;
                };
                if c.n == 0 {
                    continue;
                }
                let shown = |v: f64| (!c.withheld).then_some(v * per);
                fw.observations.push(Observation {
                    id: None,
                    indicator: key.clone(),
                    area: home.clone(),
                    period,
                    period_label: Some(w.name.clone()),
                    value: shown(c.estimate),
                    low: shown(c.ci_low),
                    high: shown(c.ci_high),
                    count: None,
                    denominator: None,
                    status: c.withheld.then_some(domain::framework::Status::Withheld),
                    note: format!("{} answers", c.n),
                    illustrative: computed.population_illustrative && computed.settings.weighted,
                    published_at: w.published.then_some(0),
                    loaded_at: 0,
                    loaded_by: String::new(),
                });
                latest_wave.insert(key.clone(), (computed.clone(), w.clone()));
            }
        }
    }
    fw.observations
        .sort_by_key(|o| (o.period.start, o.period.end()));
    Ok(Assembled {
        fw,
        home,
        place,
        latest_wave,
        today: st.clock.today(),
        officer,
    })
}

/// The estimate with its interval, worked out from the count where the source gave none.
pub fn estimate(o: &Observation, ind: &Indicator) -> Option<Estimate> {
    let mut e = o.estimate()?;
    if e.interval().is_none() {
        if let (Some(c), Some(d)) = (o.count, o.denominator) {
            let worked = match ind.measure {
                Measure::Proportion => intervals::proportion(c, d, ind.per),
                Measure::Rate => intervals::rate(c, d, ind.per),
                Measure::Other => None,
            };
            if let Some((l, h)) = worked {
                e.low = Some(l);
                e.high = Some(h);
            }
        }
    }
    Some(e)
}

/// England's figure for a period: the same period, else the latest that began by its end.
pub fn england_at<'a>(a: &'a Assembled, key: &str, period: &Period) -> Option<&'a Observation> {
    let england = a.fw.england()?.code.as_str();
    let series: Vec<&'a Observation> =
        a.fw.observations
            .iter()
            .filter(|o| o.indicator == key && o.area == england && o.value.is_some())
            .collect();
    series
        .iter()
        .find(|o| o.period == *period)
        .or_else(|| series.iter().rev().find(|o| o.period.start <= period.end()))
        .copied()
}

pub fn shown(o: &Observation, ind: &Indicator) -> Shown {
    let e = estimate(o, ind);
    Shown {
        text: match o.value {
            Some(v) => words::value(v, ind.decimals, &ind.unit),
            None => "Withheld".into(),
        },
        period: o.period_text(),
        interval: e.and_then(|e| e.interval()).map(|(l, h)| {
            format!(
                "{} to {}",
                words::number(l, ind.decimals),
                words::number(h, ind.decimals)
            )
        }),
        status: o.status.map(|s| words::status(s).to_string()),
        illustrative: o.illustrative,
    }
}

fn long_date(d: NaiveDate) -> String {
    d.format("%-d %B %Y").to_string()
}

pub fn row(a: &Assembled, ind: &Indicator) -> Row {
    let series: Vec<&Observation> = a.fw.series(&ind.key, &a.home).collect();
    let latest = series
        .iter()
        .rev()
        .find(|o| o.value.is_some())
        .or(series.last())
        .copied();
    let england = latest.and_then(|l| england_at(a, &ind.key, &l.period));
    let compared = words::compared(
        compare(
            latest.and_then(|l| estimate(l, ind)),
            england.and_then(|e| e.value),
            ind.polarity,
        ),
        "England",
    );
    let points: Vec<TrendPoint> = series
        .iter()
        .map(|o| TrendPoint {
            period: o.period,
            estimate: estimate(o, ind),
            count: o.count,
            denominator: o.denominator,
        })
        .collect();
    let target = a.fw.target(&ind.key);
    let baseline = target
        .and_then(|t| Period::parse(&t.baseline_period).ok())
        .or(ind.baseline);
    let progress = words::progress(progress(&points, baseline, ind.measure, ind.polarity));
    let target = target.map(|t| {
        words::target(target_status(
            latest.and_then(|l| estimate(l, ind)),
            t.value,
            ind.polarity,
        ))
    });
    let unpublished =
        a.fw.observations
            .iter()
            .filter(|o| o.indicator == ind.key && o.id.is_some() && o.published_at.is_none())
            .count();
    Row {
        key: ind.key.clone(),
        title: ind.title.clone(),
        unit: ind.unit.clone(),
        from_survey: ind.from_survey,
        latest: latest.map(|o| shown(o, ind)),
        england: england.map(|o| shown(o, ind)),
        compared,
        progress,
        target,
        spark: series.iter().map(|o| (o.period_text(), o.value)).collect(),
        next_update: ind.next_update.map(long_date),
        overdue: ind.next_update.is_some_and(|d| d < a.today),
        unpublished: if a.officer { unpublished } else { 0 },
    }
}

pub fn priorities(a: &Assembled) -> Vec<PriorityBlock> {
    Priority::ALL
        .into_iter()
        .map(|p| PriorityBlock {
            key: p.key().into(),
            title: words::priority_title(p).into(),
            rows: a
                .fw
                .indicators
                .iter()
                .filter(|i| i.priority == p)
                .map(|i| row(a, i))
                .collect(),
        })
        .collect()
}

pub fn update_view(
    titles: &HashMap<String, String>,
    u: &store::framework::updates::Update,
    wards: &HashMap<String, String>,
) -> UpdateView {
    UpdateView {
        id: u.id,
        title: u.title.clone(),
        said: u.said.clone(),
        did: u.did.clone(),
        changed: u.changed.clone(),
        status: u.status.label().into(),
        status_key: u.status.key().into(),
        priorities: u
            .priorities
            .iter()
            .map(|p| (p.key().to_string(), words::priority_title(*p).to_string()))
            .collect(),
        indicators: u
            .indicators
            .iter()
            .map(|k| {
                let title = titles.get(k).cloned().unwrap_or_else(|| k.clone());
                (k.clone(), title)
            })
            .collect(),
        wards: u
            .wards
            .iter()
            .map(|c| wards.get(c).cloned().unwrap_or_else(|| c.clone()))
            .collect(),
        updated: long_date(store::clock::date_of(u.updated_at)),
        published: u.published_at.is_some(),
    }
}

pub async fn updates(st: &AppState, a: &Assembled) -> Result<Vec<UpdateView>, ViewError> {
    let wards = ward_names(st).await?;
    let titles = titles(&a.fw.indicators);
    Ok(store::framework::updates::list(&st.db, a.officer)
        .await?
        .iter()
        .map(|u| update_view(&titles, u, &wards))
        .collect())
}

pub fn titles(indicators: &[Indicator]) -> HashMap<String, String> {
    indicators
        .iter()
        .map(|i| (i.key.clone(), i.title.clone()))
        .collect()
}

/// The published updates that name a ward, for its page.
pub async fn for_ward(st: &AppState, code: &str) -> Result<Vec<UpdateView>, ViewError> {
    let updates = store::framework::updates::published_for_ward(&st.db, code).await?;
    if updates.is_empty() {
        return Ok(Vec::new());
    }
    let titles = titles(&store::framework::indicators(&st.db).await?);
    let wards = ward_names(st).await?;
    Ok(updates
        .iter()
        .map(|u| update_view(&titles, u, &wards))
        .collect())
}

pub async fn ward_names(st: &AppState) -> Result<HashMap<String, String>, ViewError> {
    let catalogue = st.catalogue.get(&st.db).await?;
    Ok(catalogue
        .areas
        .wards
        .iter()
        .map(|w| (w.code.clone(), w.name.clone()))
        .collect())
}

/// The "How is the city doing?" page, public or the officers'.
pub async fn framework(
    st: &AppState,
    audience: Audience,
    viewer: Option<crate::shared::Viewer>,
) -> Result<FrameworkView, ViewError> {
    let a = assemble(st, audience).await?;
    let priorities = priorities(&a);
    let due = if a.officer {
        let soon = a.today + chrono::Days::new(30);
        let due_keys: Vec<&str> =
            a.fw.indicators
                .iter()
                .filter(|i| !i.from_survey && i.next_update.is_some_and(|d| d <= soon))
                .map(|i| i.key.as_str())
                .collect();
        priorities
            .iter()
            .flat_map(|p| &p.rows)
            .filter(|r| due_keys.contains(&r.key.as_str()))
            .cloned()
            .collect()
    } else {
        Vec::new()
    };
    let upload = if a.officer {
        crate::shared::ssr::flash::take::<UploadNotice>(
            st,
            crate::framework::paths::OFFICER_FRAMEWORK,
        )
    } else {
        None
    };
    Ok(FrameworkView {
        place: a.place.clone(),
        priorities,
        updates: updates(st, &a).await?,
        viewer,
        due,
        upload,
    })
}

fn correction_text(c: &store::framework::observations::Correction, ind: &Indicator) -> String {
    let was = match c.old_value {
        Some(v) => words::value(v, ind.decimals, &ind.unit),
        None => "withheld".into(),
    };
    format!(
        "Was {was}; changed by {} on {}: {}",
        c.by,
        long_date(store::clock::date_of(c.at)),
        if c.reason.is_empty() {
            "no reason given"
        } else {
            &c.reason
        }
    )
}

/// One indicator's page: its series beside England, its judgements, its definition and
/// source, its target, and for a survey indicator the ward map.
pub async fn indicator(
    st: &AppState,
    audience: Audience,
    key: &str,
    viewer: Option<crate::shared::Viewer>,
) -> Result<IndicatorView, ViewError> {
    let a = assemble(st, audience).await?;
    let ind = a.fw.indicator(key).ok_or(ViewError::NotFound)?.clone();
    let row = row(&a, &ind);
    let home_series: Vec<&Observation> = a.fw.series(key, &a.home).collect();
    let corrections = if a.officer {
        let ids: Vec<i32> =
            a.fw.observations
                .iter()
                .filter(|o| o.indicator == key)
                .filter_map(|o| o.id)
                .collect();
        store::framework::observations::corrections(&st.db, &ids).await?
    } else {
        Vec::new()
    };
    let series = home_series
        .iter()
        .map(|o| {
            let e = england_at(&a, key, &o.period);
            let worked = estimate(o, &ind);
            SeriesRow {
                period: o.period_text(),
                start: o.period.iso(),
                value: o.value,
                low: worked.and_then(|e| e.low),
                high: worked.and_then(|e| e.high),
                shown: shown(o, &ind),
                england: e.map(|e| {
                    let v = shown(e, &ind);
                    if e.period == o.period {
                        v.text
                    } else {
                        format!("{} ({})", v.text, v.period)
                    }
                }),
                england_value: e.and_then(|e| e.value),
                count: match (o.count, o.denominator) {
                    (Some(c), Some(d)) => Some(format!(
                        "{} of {}",
                        words::number(c, 0),
                        words::number(d, 0)
                    )),
                    _ => None,
                },
                note: o.note.clone(),
                published: o.published_at.is_some(),
                corrections: corrections
                    .iter()
                    .filter(|c| Some(c.observation_id) == o.id)
                    .map(|c| correction_text(c, &ind))
                    .collect(),
            }
        })
        .collect();
    let target = a.fw.target(key).map(|t| TargetView {
        text: format!(
            "From {} ({}) to {} by {}",
            words::value(t.baseline_value, ind.decimals, &ind.unit),
            Period::parse(&t.baseline_period)
                .map(|p| p.label())
                .unwrap_or_else(|_| t.baseline_period.clone()),
            words::value(t.value, ind.decimals, &ind.unit),
            long_date(t.date)
        ),
        status: row
            .target
            .clone()
            .unwrap_or_else(|| words::target(domain::framework::TargetStatus::NotAssessed)),
        strategy: t.strategy.clone(),
    });
    let catalogue = st.catalogue.get(&st.db).await?;
    let wards = a
        .latest_wave
        .get(key)
        .and_then(|(computed, w)| ward_map(computed, w, &ind, &catalogue.areas));
    let all_updates = updates(st, &a).await?;
    let updates = all_updates
        .into_iter()
        .filter(|u| u.indicators.iter().any(|(k, _)| k == key))
        .collect();
    let notice = if a.officer {
        crate::shared::ssr::flash::take(
            st,
            &crate::framework::paths::indicator(Audience::Officer, key),
        )
    } else {
        None
    };
    let mut areas = vec![];
    if !ind.from_survey {
        if let Some(h) = a.fw.home() {
            areas.push((h.code.clone(), h.name.clone()));
        }
    }
    areas.extend(
        a.fw.areas
            .iter()
            .filter(|x| x.role != store::framework::AreaRole::Home)
            .map(|x| (x.code.clone(), x.name.clone())),
    );
    Ok(IndicatorView {
        priority: words::priority_title(ind.priority).into(),
        definition: ind.definition.clone(),
        polarity: words::polarity(ind.polarity).into(),
        publisher: ind.publisher.clone(),
        source_url: ind.source_url.clone(),
        licence: ind.licence.clone(),
        frequency: ind.frequency.clone(),
        caveats: ind.caveats.clone(),
        decimals: ind.decimals,
        series,
        target,
        wards,
        updates,
        viewer,
        notice,
        areas,
        next_update_iso: ind
            .next_update
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default(),
        row,
    })
}

/// The wards of a survey indicator's latest wave, each compared with the whole city at
/// 99.8% limits (34 wards at 95% would flag one or two by chance alone).
fn ward_map(
    computed: &WaveIndicators,
    w: &wave::Model,
    ind: &Indicator,
    directory: &store::areas::AreaDirectory,
) -> Option<WardMapView> {
    let i = computed.defs.iter().position(|d| d.key == ind.key)?;
    let cells = Cells::new(computed);
    let city = cells.get(i, area_id(Level::All, 0))?;
    let is_share = ind.measure == Measure::Proportion;
    let per = ind.per;
    let mut figures = Vec::new();
    let mut compared = Vec::new();
    for (n, ward) in computed.areas.wards.iter().enumerate() {
        let Some(c) = cells.get(i, area_id(Level::Ward, n)) else {
            continue;
        };
        let tile = directory.ward(&ward.code).and_then(|d| d.tile);
        figures.push(figure(c, ward.code.clone(), ward.name.clone(), tile));
        let (text, judged) = if c.withheld || city.withheld {
            (
                "Withheld".to_string(),
                words::compared(
                    domain::framework::Comparison::NotCompared(
                        domain::framework::NotCompared::NoValue,
                    ),
                    "the city",
                ),
            )
        } else {
            let e = domain::framework::compare::limits_998(
                c.estimate, c.ci_low, c.ci_high, c.n_eff, is_share,
            );
            (
                words::value(c.estimate * per, ind.decimals, &ind.unit),
                words::compared(
                    compare(Some(e), Some(city.estimate), ind.polarity),
                    "the city",
                ),
            )
        };
        compared.push((ward.name.clone(), text, judged));
    }
    compared.sort_by(|a, b| a.0.cmp(&b.0));
    Some(WardMapView {
        wave_name: w.name.clone(),
        figures,
        is_share,
        threshold: computed.settings.threshold,
        compared,
        city: if city.withheld {
            "Withheld".into()
        } else {
            words::value(city.estimate * per, ind.decimals, &ind.unit)
        },
    })
}

/// The officers' "you said, we did" page: every update (drafts too) and the form, empty
/// for a new one or filled with the one being changed.
pub async fn update_form(
    st: &AppState,
    viewer: crate::shared::Viewer,
    id: Option<i32>,
) -> Result<UpdateFormView, ViewError> {
    let a = assemble(st, Audience::Officer).await?;
    let list = updates(st, &a).await?;
    let stored = match id {
        Some(id) => {
            let u = store::framework::updates::get(&st.db, id)
                .await?
                .ok_or(ViewError::NotFound)?;
            let mut pairs = vec![
                ("title".to_string(), u.title.clone()),
                ("said".to_string(), u.said.clone()),
                ("did".to_string(), u.did.clone()),
                ("changed".to_string(), u.changed.clone()),
                ("status".to_string(), u.status.key().to_string()),
                (
                    "priorities".to_string(),
                    u.priorities
                        .iter()
                        .map(|p| p.key())
                        .collect::<Vec<_>>()
                        .join(","),
                ),
                ("indicators".to_string(), u.indicators.join(",")),
                ("wards".to_string(), u.wards.join(",")),
            ];
            if u.published_at.is_some() {
                pairs.push(("publish".to_string(), "yes".to_string()));
            }
            pairs
        }
        None => vec![("publish".to_string(), "yes".to_string())],
    };
    let page = id
        .map(crate::framework::paths::update)
        .unwrap_or_else(|| crate::framework::paths::OFFICER_UPDATES.to_string());
    let catalogue = st.catalogue.get(&st.db).await?;
    let mut wards: Vec<(String, String)> = catalogue
        .areas
        .wards
        .iter()
        .map(|w| (w.code.clone(), w.name.clone()))
        .collect();
    wards.sort_by(|x, y| x.1.cmp(&y.1));
    Ok(UpdateFormView {
        viewer,
        id,
        update: id.and_then(|id| list.iter().find(|u| u.id == id).cloned()),
        notice: crate::shared::ssr::flash::take(st, &page),
        priorities: Priority::ALL
            .iter()
            .map(|p| (p.key().to_string(), words::priority_title(*p).to_string()))
            .collect(),
        indicators: a
            .fw
            .indicators
            .iter()
            .map(|i| (i.key.clone(), i.title.clone()))
            .collect(),
        wards,
        stored,
        list,
    })
}

/// The annual report's framework: each priority's indicators with baseline, latest,
/// England, trend and target; and the updates published in the year.
pub async fn for_report(
    st: &AppState,
    year: i32,
) -> Result<(Vec<ReportPriority>, Vec<UpdateView>), ViewError> {
    let a = assemble(st, Audience::Public).await?;
    let text = |s: &Option<Shown>| {
        s.as_ref()
            .map(|s| format!("{} ({})", s.text, s.period))
            .unwrap_or_else(|| "No figure".into())
    };
    let priorities = Priority::ALL
        .into_iter()
        .map(|p| ReportPriority {
            title: words::priority_title(p).into(),
            rows: a
                .fw
                .indicators
                .iter()
                .filter(|i| i.priority == p)
                .map(|ind| {
                    let r = row(&a, ind);
                    let baseline_period =
                        a.fw.target(&ind.key)
                            .and_then(|t| Period::parse(&t.baseline_period).ok())
                            .or(ind.baseline);
                    let series: Vec<&Observation> = a.fw.series(&ind.key, &a.home).collect();
                    let base = baseline_period
                        .and_then(|b| series.iter().find(|o| o.period == b).copied())
                        .or(series.first().copied());
                    ReportRow {
                        title: ind.title.clone(),
                        // The period itself, not a long label such as "as published in
                        // the Corporate Strategy": the report prints on few pages.
                        baseline: base
                            .map(|o| format!("{} ({})", shown(o, ind).text, o.period.label()))
                            .unwrap_or_else(|| "No figure".into()),
                        latest: text(&r.latest),
                        england: text(&r.england),
                        progress: r.progress.words.clone(),
                        target: r
                            .target
                            .map(|t| t.words)
                            .unwrap_or_else(|| "No target".into()),
                    }
                })
                .collect(),
        })
        .filter(|p| !p.rows.is_empty())
        .collect();
    let wards = ward_names(st).await?;
    let updates = store::framework::updates::list(&st.db, false)
        .await?
        .iter()
        .filter(|u| {
            u.published_at
                .map(|t| chrono::Datelike::year(&store::clock::date_of(t)) == year)
                .unwrap_or(false)
                || chrono::Datelike::year(&store::clock::date_of(u.updated_at)) == year
        })
        .map(|u| update_view(&titles(&a.fw.indicators), u, &wards))
        .collect();
    Ok((priorities, updates))
}
