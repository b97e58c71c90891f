//! The wellbeing indicator framework as stored: its indicators (survey ones join by key and
//! are computed by the engine; the rest hold observations loaded by officers), the areas
//! they are compared with, targets, and the council's "you said, we did" updates.

pub mod definitions;
pub mod load;
pub mod observations;
pub mod seed;
pub mod updates;

use chrono::NaiveDate;
use domain::framework::{Measure, Period, Polarity, Priority, Status};
use sea_orm::{DatabaseConnection, EntityTrait, QueryOrder};

use crate::entity::{fw_area, fw_indicator, fw_observation, fw_target};
use crate::StoreError;

#[derive(Clone, Debug, PartialEq)]
pub struct Indicator {
    pub key: String,
    pub title: String,
    pub definition: String,
    pub priority: Priority,
    pub unit: String,
    pub decimals: u8,
    pub polarity: Polarity,
    pub measure: Measure,
    pub per: f64,
    pub from_survey: bool,
    pub publisher: String,
    pub source_url: String,
    pub licence: String,
    pub frequency: String,
    pub next_update: Option<NaiveDate>,
    /// The period change is measured from; the earliest when none is set.
    pub baseline: Option<Period>,
    pub caveats: String,
    pub fingertips: Option<(i32, String)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AreaRole {
    /// The council's own area: the whole city.
    Home,
    England,
    Region,
    Similar,
}

impl AreaRole {
    pub fn key(self) -> &'static str {
        match self {
            AreaRole::Home => "home",
            AreaRole::England => "england",
            AreaRole::Region => "region",
            AreaRole::Similar => "similar",
        }
    }
    fn parse(key: &str) -> Option<AreaRole> {
        [Self::Home, Self::England, Self::Region, Self::Similar]
            .into_iter()
            .find(|r| r.key() == key)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Area {
    pub code: String,
    pub name: String,
    pub role: AreaRole,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Observation {
    /// None for a survey indicator's figure, computed from a wave.
    pub id: Option<i32>,
    pub indicator: String,
    pub area: String,
    pub period: Period,
    pub period_label: Option<String>,
    pub value: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub count: Option<f64>,
    pub denominator: Option<f64>,
    pub status: Option<Status>,
    pub note: String,
    pub illustrative: bool,
    pub published_at: Option<i64>,
    pub loaded_at: i64,
    pub loaded_by: String,
}

impl Observation {
    /// "2023/24", or the label it was given.
    pub fn period_text(&self) -> String {
        self.period_label
            .clone()
            .unwrap_or_else(|| self.period.label())
    }
    pub fn estimate(&self) -> Option<domain::framework::Estimate> {
        self.value
            .map(|v| domain::framework::Estimate::new(v, self.low, self.high))
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Target {
    pub indicator: String,
    pub baseline_period: String,
    pub baseline_value: f64,
    pub value: f64,
    pub date: NaiveDate,
    pub strategy: String,
}

fn corrupt(what: &str, v: &str) -> StoreError {
    StoreError::Corrupt(format!("framework {what} \"{v}\""))
}

impl TryFrom<fw_indicator::Model> for Indicator {
    type Error = StoreError;
    fn try_from(m: fw_indicator::Model) -> Result<Self, StoreError> {
        Ok(Indicator {
            priority: Priority::parse(&m.priority)
                .ok_or_else(|| corrupt("priority", &m.priority))?,
            polarity: Polarity::parse(&m.polarity)
                .ok_or_else(|| corrupt("polarity", &m.polarity))?,
            measure: Measure::parse(&m.measure).ok_or_else(|| corrupt("measure", &m.measure))?,
            fingertips: m
                .fingertips_id
                .map(|id| (id, m.fingertips_sex.unwrap_or_else(|| "Persons".into()))),
            key: m.key,
            title: m.title,
            definition: m.definition,
            unit: m.unit,
            decimals: m.decimals.clamp(0, 6) as u8,
            per: m.per,
            from_survey: m.from_survey,
            publisher: m.publisher,
            source_url: m.source_url,
            licence: m.licence,
            frequency: m.frequency,
            next_update: m.next_update,
            baseline: m
                .baseline_period
                .as_deref()
                .and_then(|p| Period::parse(p).ok()),
            caveats: m.caveats,
        })
    }
}

impl TryFrom<fw_observation::Model> for Observation {
    type Error = StoreError;
    fn try_from(m: fw_observation::Model) -> Result<Self, StoreError> {
        Ok(Observation {
            id: Some(m.id),
            period: Period::parse(&m.period).map_err(|_| corrupt("period", &m.period))?,
            status: match m.status.as_deref() {
                None => None,
                Some(s) => Some(Status::parse(s).ok_or_else(|| corrupt("status", s))?),
            },
            indicator: m.indicator_key,
            area: m.area_code,
            period_label: m.period_label,
            value: m.value,
            low: m.lci,
            high: m.uci,
            count: m.count,
            denominator: m.denominator,
            note: m.note,
            illustrative: m.illustrative,
            published_at: m.published_at,
            loaded_at: m.loaded_at,
            loaded_by: m.loaded_by,
        })
    }
}

/// The framework's indicators in their order.
pub async fn indicators(db: &DatabaseConnection) -> Result<Vec<Indicator>, StoreError> {
    fw_indicator::Entity::find()
        .order_by_asc(fw_indicator::Column::Position)
        .all(db)
        .await?
        .into_iter()
        .map(Indicator::try_from)
        .collect()
}

/// The areas the framework knows besides wards: the city, England, comparators.
pub async fn areas(db: &DatabaseConnection) -> Result<Vec<Area>, StoreError> {
    fw_area::Entity::find()
        .order_by_asc(fw_area::Column::Position)
        .all(db)
        .await?
        .into_iter()
        .map(|m| {
            Ok(Area {
                role: AreaRole::parse(&m.role).ok_or_else(|| corrupt("area role", &m.role))?,
                code: m.code,
                name: m.name,
            })
        })
        .collect()
}

pub async fn targets(db: &DatabaseConnection) -> Result<Vec<Target>, StoreError> {
    Ok(fw_target::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|m| Target {
            indicator: m.indicator_key,
            baseline_period: m.baseline_period,
            baseline_value: m.baseline_value,
            value: m.target_value,
            date: m.target_date,
            strategy: m.strategy,
        })
        .collect())
}

/// Everything the framework pages need in one read: a few hundred rows per year of data.
#[derive(Clone, Debug, Default)]
pub struct Framework {
    pub indicators: Vec<Indicator>,
    pub areas: Vec<Area>,
    pub targets: Vec<Target>,
    /// Loaded observations, oldest period first (survey figures are added by the caller).
    pub observations: Vec<Observation>,
}

impl Framework {
    pub fn home(&self) -> Option<&Area> {
        self.areas.iter().find(|a| a.role == AreaRole::Home)
    }
    pub fn england(&self) -> Option<&Area> {
        self.areas.iter().find(|a| a.role == AreaRole::England)
    }
    pub fn indicator(&self, key: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.key == key)
    }
    pub fn target(&self, key: &str) -> Option<&Target> {
        self.targets.iter().find(|t| t.indicator == key)
    }
    /// One indicator's observations for one area, oldest first.
    pub fn series<'a>(
        &'a self,
        key: &'a str,
        area: &'a str,
    ) -> impl Iterator<Item = &'a Observation> {
        self.observations
            .iter()
            .filter(move |o| o.indicator == key && o.area == area)
    }
}

/// The framework, with unpublished observations only when `officer`.
pub async fn load(db: &DatabaseConnection, officer: bool) -> Result<Framework, StoreError> {
    let mut observations = observations::all(db).await?;
    if !officer {
        observations.retain(|o| o.published_at.is_some());
    }
    Ok(Framework {
        indicators: indicators(db).await?,
        areas: areas(db).await?,
        targets: targets(db).await?,
        observations,
    })
}
