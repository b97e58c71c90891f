//! The officers' indicator definition form: adding a local measure to the framework, or
//! changing an indicator's definition, source and target.

use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::post;
use domain::framework::definition::{Definition, DefinitionForm};
use domain::AuditAction;
use store::audit;

use crate::framework::model::DefinitionView;
use crate::framework::paths;
use crate::results::paths::Audience;
use crate::shared::notice::FormNotice;
use crate::shared::ssr::access::{Routes, Staff};
use crate::shared::ssr::forms::{field, typed};
use crate::shared::ssr::staff_forms::{OfficerError, Posted};
use crate::shared::ssr::{flash, AppState, ViewError};
use crate::shared::Typed;

pub fn router() -> Routes {
    Routes::default()
        .route(paths::OFFICER_NEW_INDICATOR, post(add))
        .route(paths::OFFICER_DEFINITION, post(change))
}

pub const FIELDS: [&str; 21] = [
    "key",
    "title",
    "definition",
    "priority",
    "unit",
    "decimals",
    "polarity",
    "measure",
    "per",
    "publisher",
    "source_url",
    "licence",
    "frequency",
    "caveats",
    "fingertips_id",
    "fingertips_sex",
    "baseline_period",
    "baseline_value",
    "target_value",
    "target_date",
    "strategy",
];

async fn save(
    st: &AppState,
    existing: Option<String>,
    p: &Posted<Staff>,
) -> Result<Response, OfficerError> {
    let page = match &existing {
        Some(k) => paths::definition(k),
        None => paths::OFFICER_NEW_INDICATOR.to_string(),
    };
    let long = |k: &str| -> String {
        field(&p.fields, k)
            .unwrap_or("")
            .chars()
            .take(4000)
            .collect()
    };
    let values: Vec<(&str, String)> = FIELDS
        .iter()
        .map(|k| {
            (
                *k,
                if ["definition", "caveats"].contains(k) {
                    long(k)
                } else {
                    typed(&p.fields, k)
                },
            )
        })
        .collect();
    let get = |k: &str| {
        values
            .iter()
            .find(|(n, _)| *n == k)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    };
    let form = DefinitionForm {
        key: existing.as_deref().unwrap_or(get("key")),
        title: get("title"),
        definition: get("definition"),
        priority: get("priority"),
        unit: get("unit"),
        decimals: get("decimals"),
        polarity: get("polarity"),
        measure: get("measure"),
        per: get("per"),
        publisher: get("publisher"),
        source_url: get("source_url"),
        licence: get("licence"),
        frequency: get("frequency"),
        caveats: get("caveats"),
        fingertips_id: get("fingertips_id"),
        fingertips_sex: get("fingertips_sex"),
        baseline_period: get("baseline_period"),
        baseline_value: get("baseline_value"),
        target_value: get("target_value"),
        target_date: get("target_date"),
        strategy: get("strategy"),
    };
    let indicators = store::framework::indicators(&st.db).await?;
    let current = existing
        .as_ref()
        .and_then(|k| indicators.iter().find(|i| &i.key == k));
    if existing.is_some() && current.is_none() {
        return Err(OfficerError::NotFound);
    }
    // A survey indicator keeps the engine's measure and unit whatever the form says.
    let form = match current.filter(|i| i.from_survey) {
        Some(_) => DefinitionForm {
            measure: "other",
            unit: "survey",
            decimals: "2",
            per: "",
            ..form
        },
        None => form,
    };
    let d = match Definition::parse(&form, existing.is_none(), |k| {
        indicators.iter().any(|i| i.key == k)
    }) {
        Ok(d) => d,
        Err(problems) => {
            let typed_back = Typed::from_pairs(
                &values
                    .iter()
                    .map(|(k, v)| (*k, v.as_str()))
                    .collect::<Vec<_>>(),
            );
            return Ok(flash::redirect_with(
                st,
                &page,
                &FormNotice::refused("definition", &problems, typed_back),
                "",
            ));
        }
    };
    let key = store::framework::definitions::save(&st.db, existing.as_deref(), &d)
        .await?
        .ok_or(OfficerError::NotFound)?;
    audit::record(
        &st.db,
        &p.actor(),
        AuditAction::FrameworkDefinitionSaved,
        &key,
    )
    .await?;
    Ok(flash::redirect_with(
        st,
        &paths::indicator(Audience::Officer, &key),
        &FormNotice::Done(format!("The definition of \"{}\" was saved.", d.title)),
        "",
    ))
}

async fn add(State(st): State<AppState>, p: Posted<Staff>) -> Result<Response, OfficerError> {
    save(&st, None, &p).await
}

async fn change(
    State(st): State<AppState>,
    Path(key): Path<String>,
    p: Posted<Staff>,
) -> Result<Response, OfficerError> {
    save(&st, Some(key), &p).await
}

/// The form page: empty for a new indicator, else the indicator as stored.
pub async fn view(
    st: &AppState,
    viewer: crate::shared::Viewer,
    key: Option<String>,
) -> Result<DefinitionView, ViewError> {
    let indicators = store::framework::indicators(&st.db).await?;
    let targets = store::framework::targets(&st.db).await?;
    let (page, stored, from_survey, title) = match &key {
        None => (
            paths::OFFICER_NEW_INDICATOR.to_string(),
            vec![
                ("decimals".to_string(), "1".to_string()),
                (
                    "licence".to_string(),
                    "Open Government Licence v3.0".to_string(),
                ),
            ],
            false,
            None,
        ),
        Some(k) => {
            let i = indicators
                .iter()
                .find(|i| &i.key == k)
                .ok_or(ViewError::NotFound)?;
            let t = targets.iter().find(|t| &t.indicator == k);
            let s = |v: &str| v.to_string();
            let mut pairs = vec![
                (s("key"), i.key.clone()),
                (s("title"), i.title.clone()),
                (s("definition"), i.definition.clone()),
                (s("priority"), s(i.priority.key())),
                (s("unit"), i.unit.clone()),
                (s("decimals"), i.decimals.to_string()),
                (s("polarity"), s(i.polarity.key())),
                (s("measure"), s(i.measure.key())),
                (s("per"), format!("{}", i.per)),
                (s("publisher"), i.publisher.clone()),
                (s("source_url"), i.source_url.clone()),
                (s("licence"), i.licence.clone()),
                (s("frequency"), i.frequency.clone()),
                (s("caveats"), i.caveats.clone()),
                (
                    s("fingertips_id"),
                    i.fingertips
                        .as_ref()
                        .map(|f| f.0.to_string())
                        .unwrap_or_default(),
                ),
                (
                    s("fingertips_sex"),
                    i.fingertips
                        .as_ref()
                        .map(|f| f.1.clone())
                        .unwrap_or_default(),
                ),
                (
                    s("baseline_period"),
                    i.baseline.map(|p| p.iso()).unwrap_or_default(),
                ),
            ];
            if let Some(t) = t {
                // The target's baseline period is the one the form shows and saves.
                pairs.retain(|(k, _)| k != "baseline_period");
                pairs.push((s("baseline_period"), t.baseline_period.clone()));
                pairs.push((s("baseline_value"), format!("{}", t.baseline_value)));
                pairs.push((s("target_value"), format!("{}", t.value)));
                pairs.push((s("target_date"), t.date.format("%Y-%m-%d").to_string()));
                pairs.push((s("strategy"), t.strategy.clone()));
            }
            (
                paths::definition(k),
                pairs,
                i.from_survey,
                Some(i.title.clone()),
            )
        }
    };
    Ok(DefinitionView {
        viewer,
        key,
        title,
        from_survey,
        stored,
        notice: flash::take(st, &page),
    })
}
