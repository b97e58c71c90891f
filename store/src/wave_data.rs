//! Loads a wave's responses into the engine's compact columns, streaming rows so that a
//! million responses never sit in memory as text.

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use domain::indicators::data::{
    age_index, code_option, sex_index, Areas as EngineAreas, GroupDef, Responses, UNKNOWN_WARD,
};
use domain::QuestionKind;
use futures_util::TryStreamExt;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect};
use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};

use crate::areas::AreaDirectory;
use crate::entity::response;
use crate::StoreError;

/// The engine's view of the areas: wards and groups by code.
pub fn engine_areas(directory: &AreaDirectory) -> EngineAreas {
    EngineAreas::new(
        directory
            .groups
            .iter()
            .map(|g| GroupDef {
                code: g.code.clone(),
                name: g.name.clone(),
            })
            .collect(),
        directory
            .wards
            .iter()
            .map(|w| (w.code.clone(), w.name.clone(), w.group_code.clone()))
            .collect(),
    )
}

/// Empty columns for every scale and choice question of the survey (not the ward, age band,
/// sex or free text, which are not items).
pub fn columns_for(survey: &domain::Survey) -> Responses {
    let mut r = Responses::default();
    for q in survey.questions() {
        if ["area", "age_band", "sex"].contains(&q.key.as_str()) {
            continue;
        }
        match &q.kind {
            QuestionKind::Scale { min, max, .. } => {
                r.add_item(&q.key, vec![], Some((*min, *max)));
            }
            QuestionKind::Choice { options } => {
                r.add_item(
                    &q.key,
                    options.iter().map(|o| o.key.clone()).collect(),
                    None,
                );
            }
            _ => {}
        }
    }
    r
}

/// Writes one response's answers straight into its row of the columns. `by_key` lists the
/// columns sorted by key: answers are stored with their keys in that order, so a cursor
/// that walks forward finds each one in a step or two.
struct AnswersSeed<'a> {
    responses: &'a mut Responses,
    by_key: &'a [(String, usize)],
    row: usize,
}

impl<'de> DeserializeSeed<'de> for AnswersSeed<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

/// An answer value: a score or an option key (free text is skipped by key first).
struct Value<'a>(std::borrow::Cow<'a, str>, Option<i64>);

impl<'de> serde::Deserialize<'de> for Value<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Value<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a score or an option key")
            }
            fn visit_i64<E>(self, v: i64) -> Result<Value<'de>, E> {
                Ok(Value("".into(), Some(v)))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Value<'de>, E> {
                Ok(Value("".into(), Some(v as i64)))
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Value<'de>, E> {
                Ok(Value(v.into(), None))
            }
            fn visit_str<E>(self, v: &str) -> Result<Value<'de>, E> {
                Ok(Value(v.to_string().into(), None))
            }
        }
        d.deserialize_any(V)
    }
}

impl<'de> Visitor<'de> for AnswersSeed<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a map of answers")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut cursor = 0;
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            let n = self.by_key.len();
            let found = (0..n)
                .map(|step| (cursor + step) % n)
                .find(|&i| self.by_key[i].0 == key);
            match found {
                Some(i) => {
                    cursor = i + 1;
                    let column = &mut self.responses.items[self.by_key[i].1];
                    let Value(text, number) = map.next_value::<Value>()?;
                    column.values[self.row] = match (number, column.scale) {
                        (Some(n), Some(_)) if (0..255).contains(&n) => n as u8,
                        (None, None) => code_option(&column.options, &text),
                        _ => domain::indicators::data::NO_ANSWER,
                    };
                }
                None => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

/// Every response of a wave, coded for the engine. The wave is read in two halves by id,
/// at once, so both cores decode.
/// Which of a wave's responses to load.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Subset {
    All,
    /// Those collected at these events (a community group's).
    Events(Vec<i32>),
    /// Those given through one channel.
    Channel(domain::Channel),
    /// Those answered in one language (`Language::code`).
    Language(String),
}

impl Subset {
    fn filter<Q: QueryFilter>(&self, q: Q) -> Q {
        match self {
            Subset::All => q,
            Subset::Events(ids) => q.filter(response::Column::EventId.is_in(ids.iter().copied())),
            Subset::Channel(c) => q.filter(response::Column::Channel.eq(c.key())),
            Subset::Language(code) => q.filter(response::Column::Language.eq(code.as_str())),
        }
    }
}

pub async fn load(
    db: &DatabaseConnection,
    wave_id: i32,
    subset: &Subset,
    survey: &domain::Survey,
    directory: &AreaDirectory,
    areas: &EngineAreas,
) -> Result<Responses, StoreError> {
    let template = columns_for(survey);
    let ward_of_id: HashMap<i32, u16> = directory
        .wards
        .iter()
        .filter_map(|w| areas.ward_index(&w.code).map(|i| (w.id, i)))
        .collect();
    let (first, last): (Option<i32>, Option<i32>) = subset
        .filter(
            response::Entity::find()
                .select_only()
                .column_as(response::Column::Id.min(), "first")
                .column_as(response::Column::Id.max(), "last")
                .filter(response::Column::WaveId.eq(wave_id)),
        )
        .into_tuple()
        .one(db)
        .await?
        .unwrap_or((None, None));
    let (Some(first), Some(last)) = (first, last) else {
        return Ok(template);
    };
    let middle = first + (last - first) / 2;
    let context = Arc::new((template.clone(), ward_of_id, subset.clone()));
    let halves = [(first, middle), (middle + 1, last)].map(|(from, to)| {
        let (db, context) = (db.clone(), context.clone());
        tokio::spawn(async move {
            load_range(&db, wave_id, from, to, &context.2, &context.0, &context.1).await
        })
    });
    let mut out = template;
    for half in halves {
        let part = half
            .await
            .map_err(|e| StoreError::Corrupt(format!("loading responses: {e}")))??;
        out.append(part);
    }
    Ok(out)
}

async fn load_range(
    db: &DatabaseConnection,
    wave_id: i32,
    from: i32,
    to: i32,
    subset: &Subset,
    template: &Responses,
    ward_of_id: &HashMap<i32, u16>,
) -> Result<Responses, StoreError> {
    let mut responses = template.clone();
    let mut by_key: Vec<(String, usize)> = responses
        .items
        .iter()
        .enumerate()
        .map(|(i, c)| (c.key.clone(), i))
        .collect();
    by_key.sort();
    let mut stream = subset
        .filter(
            response::Entity::find()
                .select_only()
                .column(response::Column::AreaId)
                .column(response::Column::AgeBand)
                .column(response::Column::Sex)
                .column(response::Column::Answers)
                .filter(response::Column::WaveId.eq(wave_id))
                .filter(response::Column::Id.between(from, to)),
        )
        .into_tuple::<(Option<i32>, Option<String>, Option<String>, String)>()
        .stream(db)
        .await?;
    while let Some((area_id, age, sex, answers)) = stream.try_next().await? {
        let ward = area_id
            .and_then(|id| ward_of_id.get(&id).copied())
            .unwrap_or(UNKNOWN_WARD);
        let row = responses.push_respondent(
            ward,
            age.as_deref().map(age_index).unwrap_or(u8::MAX),
            sex.as_deref().map(sex_index).unwrap_or(u8::MAX),
        );
        let mut de = serde_json::Deserializer::from_str(&answers);
        AnswersSeed {
            responses: &mut responses,
            by_key: &by_key,
            row,
        }
        .deserialize(&mut de)
        .map_err(|e| StoreError::Corrupt(format!("response answers: {e}")))?;
    }
    Ok(responses)
}

/// A wave's responses as stored, oldest first (for the administrators' raw export).
pub async fn responses_of(
    db: &sea_orm::DatabaseConnection,
    wave_id: i32,
) -> Result<Vec<crate::entity::response::Model>, StoreError> {
    use crate::entity::response;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
    Ok(response::Entity::find()
        .filter(response::Column::WaveId.eq(wave_id))
        .order_by_asc(response::Column::Id)
        .all(db)
        .await?)
}
