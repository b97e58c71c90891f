//! Builds the results pages (officers' and public) from a wave's computed indicators.
//! Disclosure control has already run: a withheld cell is turned into a figure with no
//! numbers here, the one place cells become page data.

use std::collections::HashMap;
use std::sync::Arc;

use domain::indicators::cells::CellIndex;
use domain::indicators::data::{AGE_BANDS, SEXES};
use domain::indicators::stats::Change;
use domain::indicators::{Breakdown, CellId, CellResult, Level, Theme};
use store::areas::AreaDirectory;
use store::catalogue::Catalogue;
use store::entity::{survey, wave};
use store::results::{ResultsError, WaveIndicators};
use store::StoreError;

use crate::results::model::*;
use crate::results::paths::Audience;
use crate::shared::ssr::{AppState, ViewError};

impl From<ResultsError> for ViewError {
    fn from(e: ResultsError) -> Self {
        match e {
            ResultsError::Store(e) => ViewError::Store(e),
            ResultsError::Engine(e) => ViewError::Store(StoreError::Invalid(e.to_string())),
        }
    }
}

pub fn theme_title(t: Theme) -> &'static str {
    match t {
        Theme::Healthier => "Healthier: personal wellbeing",
        Theme::Wealthier => "Wealthier",
        Theme::Safer => "Safer: crime and safety",
        Theme::Greener => "Greener",
        Theme::Cleaner => "Cleaner",
        Theme::Fairer => "Fairer: belonging, cohesion and trust",
    }
}

pub fn category_label(b: Breakdown) -> String {
    match b {
        Breakdown::None => "Everyone".into(),
        Breakdown::Age(a) => format!("Aged {}", AGE_BANDS[a as usize]),
        Breakdown::Sex(s) => match SEXES[s as usize] {
            "female" => "Female".into(),
            "male" => "Male".into(),
            other => other.into(),
        },
    }
}

/// A wave the viewer may see, with its computed indicators.
pub struct Loaded {
    pub survey: survey::Model,
    pub wave: wave::Model,
    pub computed: Arc<WaveIndicators>,
    pub header: WaveHeader,
    pub directory: AreaDirectory,
    pub catalogue: Arc<Catalogue>,
}

fn visible_waves(catalogue: &Catalogue, audience: Audience, survey_id: i32) -> Vec<wave::Model> {
    catalogue
        .waves_of(survey_id)
        .filter(|w| audience == Audience::Officer || w.published)
        .cloned()
        .collect()
}

pub async fn load(
    st: &AppState,
    audience: Audience,
    survey_key: &str,
    wave_key: &str,
) -> Result<Loaded, ViewError> {
    let catalogue = st.catalogue.get(&st.db).await?;
    let (survey, wave) = catalogue
        .find_wave(survey_key, wave_key)
        .ok_or(ViewError::NotFound)?;
    if audience == Audience::Public && !wave.published {
        return Err(ViewError::NotFound);
    }
    let computed = st
        .results
        .get(&st.db, &catalogue, survey.clone(), wave.clone())
        .await?;
    let waves = visible_waves(&catalogue, audience, survey.id);
    let baseline = catalogue.baseline_of(survey.id).cloned();
    let header = WaveHeader {
        survey_key: survey.key.clone(),
        survey_title: survey.title.clone(),
        wave_key: wave.key.clone(),
        wave_name: wave.name.clone(),
        open: wave.status == domain::WaveStatus::Open.key(),
        published: wave.published,
        is_baseline: wave.is_baseline,
        baseline_name: baseline.map(|b| b.name),
        weighted: computed.settings.weighted,
        population_illustrative: computed.population_illustrative,
        answers_illustrative: computed.answers_illustrative,
        threshold: computed.settings.threshold,
        respondents: computed.result.respondents,
        waves: waves
            .iter()
            .map(|w| WaveLink {
                key: w.key.clone(),
                name: w.name.clone(),
                published: w.published,
            })
            .collect(),
    };
    let directory = catalogue.areas.clone();
    Ok(Loaded {
        survey,
        wave,
        computed,
        header,
        directory,
        catalogue,
    })
}

/// Finds cells by indicator and cell id.
pub struct Cells<'a> {
    w: &'a WaveIndicators,
    index: CellIndex,
}

impl<'a> Cells<'a> {
    pub fn new(w: &'a WaveIndicators) -> Self {
        Cells {
            index: CellIndex::new(&w.areas),
            w,
        }
    }

    pub fn get(&self, indicator: usize, id: CellId) -> Option<&'a CellResult> {
        let at = indicator * self.index.len() + self.index.position(id);
        self.w
            .result
            .cells
            .get(at)
            .filter(|c| c.indicator == indicator && c.id == id)
            .or_else(|| {
                self.w
                    .result
                    .cells
                    .iter()
                    .find(|c| c.indicator == indicator && c.id == id)
            })
    }
}

pub fn figure(c: &CellResult, code: String, label: String, tile: Option<(i32, i32)>) -> Figure {
    let shown = |x: f64| (!c.withheld).then_some(x);
    Figure {
        code,
        label,
        value: shown(c.estimate),
        low: shown(c.ci_low),
        high: shown(c.ci_high),
        n: (!c.withheld).then_some(c.n),
        withheld: c.withheld,
        low_base: !c.withheld && c.low_base,
        change: if c.withheld {
            None
        } else {
            c.change.map(|ch| match ch {
                Change::Increase => ChangeWord::Increase,
                Change::Decrease => ChangeWord::Decrease,
                Change::NoChange => ChangeWord::NoChange,
            })
        },
        tile,
    }
}

fn all_id(b: Breakdown) -> CellId {
    CellId {
        level: Level::All,
        area: 0,
        breakdown: b,
    }
}

/// A ward's or group's cell with no breakdown.
pub fn area_id(level: Level, area: usize) -> CellId {
    CellId {
        level,
        area,
        breakdown: Breakdown::None,
    }
}

/// England's figures for the indicators that have one, by indicator key.
pub fn benchmarks(catalogue: &Catalogue) -> HashMap<String, Benchmark> {
    catalogue
        .benchmarks
        .iter()
        .cloned()
        .map(|b| {
            (
                b.indicator_key,
                Benchmark {
                    label: b.label,
                    value: b.value,
                },
            )
        })
        .collect()
}

pub fn summary(
    w: &WaveIndicators,
    cells: &Cells,
    i: usize,
    benchmarks: &HashMap<String, Benchmark>,
) -> IndicatorSummary {
    let def = &w.defs[i];
    let all = cells
        .get(i, all_id(Breakdown::None))
        .map(|c| figure(c, "all".into(), "All areas".into(), None))
        .unwrap_or_else(|| withheld_figure("all", "All areas"));
    IndicatorSummary {
        key: def.key.clone(),
        label: def.label.clone(),
        is_share: !def.rule.is_mean(),
        higher_is_better: def.higher_is_better,
        all,
        benchmark: benchmarks.get(&def.key).cloned(),
    }
}

pub fn withheld_figure(code: &str, label: &str) -> Figure {
    Figure {
        code: code.into(),
        label: label.into(),
        value: None,
        low: None,
        high: None,
        n: None,
        withheld: true,
        low_base: false,
        change: None,
        tile: None,
    }
}

pub async fn overview(
    st: &AppState,
    audience: Audience,
    survey_key: &str,
    wave_key: &str,
) -> Result<ResultsOverview, ViewError> {
    let l = load(st, audience, survey_key, wave_key).await?;
    let marks = benchmarks(&l.catalogue);
    Ok(overview_of(&l, &marks))
}

/// Every indicator of a loaded wave for the whole area, theme by theme.
pub fn overview_of(l: &Loaded, marks: &HashMap<String, Benchmark>) -> ResultsOverview {
    let w = &l.computed;
    let cells = Cells::new(w);
    let themes = Theme::ALL
        .into_iter()
        .filter_map(|t| {
            let indicators: Vec<_> = (0..w.defs.len())
                .filter(|&i| w.defs[i].theme == t)
                .map(|i| summary(w, &cells, i, marks))
                .collect();
            (!indicators.is_empty()).then(|| ThemeBlock {
                title: theme_title(t).into(),
                indicators,
            })
        })
        .collect();
    ResultsOverview {
        header: l.header.clone(),
        themes,
    }
}

fn ward_figures(l: &Loaded, cells: &Cells, i: usize) -> Vec<Figure> {
    let mut wards: Vec<Figure> = l
        .computed
        .areas
        .wards
        .iter()
        .enumerate()
        .filter_map(|(a, ward)| {
            let c = cells.get(i, area_id(Level::Ward, a))?;
            let tile = l.directory.ward(&ward.code).and_then(|d| d.tile);
            Some(figure(c, ward.code.clone(), ward.name.clone(), tile))
        })
        .collect();
    wards.sort_by(|a, b| a.label.cmp(&b.label));
    wards
}

pub async fn indicator(
    st: &AppState,
    audience: Audience,
    survey_key: &str,
    wave_key: &str,
    key: &str,
) -> Result<IndicatorDetail, ViewError> {
    let l = load(st, audience, survey_key, wave_key).await?;
    let marks = benchmarks(&l.catalogue);
    let w = &l.computed;
    let i = w
        .defs
        .iter()
        .position(|d| d.key == key)
        .ok_or(ViewError::NotFound)?;
    let cells = Cells::new(w);
    let groups = w
        .areas
        .groups
        .iter()
        .enumerate()
        .filter_map(|(a, g)| {
            let id = area_id(Level::Group, a);
            cells
                .get(i, id)
                .map(|c| figure(c, g.code.clone(), g.name.clone(), None))
        })
        .collect();
    let by = |pred: fn(&Breakdown) -> bool| -> Vec<Figure> {
        Breakdown::all()
            .filter(pred)
            .filter_map(|b| {
                cells.get(i, all_id(b)).map(|c| {
                    figure(
                        c,
                        b.category().unwrap_or("all").into(),
                        category_label(b),
                        None,
                    )
                })
            })
            .collect()
    };
    let ages = by(|b| matches!(b, Breakdown::Age(_)));
    let sexes = by(|b| matches!(b, Breakdown::Sex(_)));

    // The whole area's figure in every wave the viewer may see, oldest first.
    let mut trend = Vec::new();
    for other in visible_waves(&l.catalogue, audience, l.survey.id) {
        let computed = if other.id == l.wave.id {
            l.computed.clone()
        } else {
            st.results
                .get(&st.db, &l.catalogue, l.survey.clone(), other.clone())
                .await?
        };
        if let Some(j) = computed.defs.iter().position(|d| d.key == key) {
            if let Some(c) = Cells::new(&computed).get(j, all_id(Breakdown::None)) {
                trend.push(TrendPoint {
                    wave_name: other.name.clone(),
                    figure: figure(c, other.key.clone(), other.name.clone(), None),
                });
            }
        }
    }
    Ok(IndicatorDetail {
        indicator: summary(w, &cells, i, &marks),
        wards: ward_figures(&l, &cells, i),
        groups,
        ages,
        sexes,
        trend,
        others: w
            .defs
            .iter()
            .map(|d| (d.key.clone(), d.label.clone()))
            .collect(),
        header: l.header,
    })
}

pub async fn ward_report(
    st: &AppState,
    survey_key: &str,
    wave_key: &str,
    code: &str,
) -> Result<WardReport, ViewError> {
    let l = load(st, Audience::Public, survey_key, wave_key).await?;
    let marks = benchmarks(&l.catalogue);
    let w = &l.computed;
    let a = w
        .areas
        .wards
        .iter()
        .position(|x| x.code == code)
        .ok_or(ViewError::NotFound)?;
    let ward = &w.areas.wards[a];
    let cells = Cells::new(w);
    let rows = (0..w.defs.len())
        .filter_map(|i| {
            let c = cells.get(i, area_id(Level::Ward, a))?;
            let all = cells.get(i, area_id(Level::All, 0));
            Some(WardRow {
                indicator: summary(w, &cells, i, &marks),
                ward: figure(c, ward.code.clone(), ward.name.clone(), None),
                against_all: against_all(c, all, &w.defs[i]),
            })
        })
        .collect();
    let mut wards: Vec<(String, String)> = w
        .areas
        .wards
        .iter()
        .map(|x| (x.code.clone(), x.name.clone()))
        .collect();
    wards.sort_by(|x, y| x.1.cmp(&y.1));
    let updates = crate::framework::ssr::views::for_ward(st, &ward.code).await?;
    Ok(WardReport {
        updates,
        ward_code: ward.code.clone(),
        ward_name: ward.name.clone(),
        group_name: w.areas.groups[ward.group].name.clone(),
        rows,
        wards,
        header: l.header,
    })
}

/// A ward's figure against the whole area's: the whole area's value outside the ward's
/// 99.8% limits is a difference (34 wards at 95% would flag one or two by chance alone).
fn against_all(
    ward: &CellResult,
    all: Option<&CellResult>,
    def: &domain::indicators::IndicatorDef,
) -> crate::framework::model::Judgement {
    use domain::framework::compare::{compare, limits_998};
    use domain::framework::{Comparison, NotCompared, Polarity};
    let with = "the whole area";
    let comparison = match all {
        _ if ward.withheld => Comparison::NotCompared(NotCompared::NoValue),
        Some(all) if !all.withheld => {
            let is_share = !def.rule.is_mean();
            let e = limits_998(
                ward.estimate,
                ward.ci_low,
                ward.ci_high,
                ward.n_eff,
                is_share,
            );
            let polarity = if def.higher_is_better {
                Polarity::HighGood
            } else {
                Polarity::LowGood
            };
            compare(Some(e), Some(all.estimate), polarity)
        }
        _ => Comparison::NotCompared(NotCompared::NoBenchmark),
    };
    crate::framework::ssr::words::compared(comparison, with)
}

/// Every year with a published wave, newest first: the years with an annual report.
pub fn report_years(published: &[(survey::Model, Vec<wave::Model>)]) -> Vec<i32> {
    let mut years: Vec<i32> = published
        .iter()
        .flat_map(|(_, waves)| waves.iter().filter_map(store::waves::year_of))
        .collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    years
}

pub async fn published(st: &AppState) -> Result<PublishedResults, ViewError> {
    let all = store::waves::published(&st.db).await?;
    let years = report_years(&all);
    let surveys = all
        .into_iter()
        .map(|(s, waves)| PublishedSurvey {
            key: s.key,
            title: s.title,
            waves: waves
                .into_iter()
                .map(|w| WaveLink {
                    key: w.key,
                    name: w.name,
                    published: true,
                })
                .collect(),
        })
        .collect();
    Ok(PublishedResults { surveys, years })
}
