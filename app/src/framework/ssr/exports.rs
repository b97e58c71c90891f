//! The framework as open data: every published observation as tidy CSV (the columns the
//! upload takes, plus titles and flags) with its CSVW metadata, and as JSON in the API with
//! each indicator's judgements.

use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde_json::{json, Value};

use super::views::{assemble, england_at, estimate, row, Assembled};
use super::words;
use crate::framework::paths;
use crate::results::paths::Audience;
use crate::results::ssr::exports::download::{attachment, DownloadError};
use crate::shared::ssr::access::Routes;
use crate::shared::ssr::{AppState, ViewError};

pub fn router() -> Routes {
    Routes::default()
        .route(paths::CSV, get(csv_file))
        .route(paths::CSV_METADATA, get(csv_metadata))
        .route(paths::API, get(api))
}

/// The CSV's columns: (name, datatype, description), for the header and the CSVW file.
pub const COLUMNS: [(&str, &str, &str); 16] = [
    ("indicator", "string", "The indicator's key"),
    ("indicator_title", "string", "The indicator's title"),
    (
        "priority",
        "string",
        "The Corporate Strategy priority it belongs to",
    ),
    (
        "areacd",
        "string",
        "GSS code of the area (the city, a ward, England or a comparator)",
    ),
    ("areanm", "string", "Name of the area"),
    ("period", "string", "The period as an ISO 8601 interval"),
    ("period_label", "string", "The period as people read it"),
    (
        "value",
        "number",
        "The value, in the indicator's unit; empty when withheld",
    ),
    ("lci_95", "number", "Lower limit of the 95% interval"),
    ("uci_95", "number", "Upper limit of the 95% interval"),
    ("count", "number", "Numerator (events or people)"),
    ("denominator", "number", "Denominator (population at risk)"),
    ("unit", "string", "The unit of the value"),
    (
        "status",
        "string",
        "provisional, revised, estimated or withheld; empty for a final figure",
    ),
    ("note", "string", "The publisher's or the council's note"),
    (
        "illustrative",
        "boolean",
        "true for figures made up for the demo",
    ),
];

fn failed(e: ViewError) -> DownloadError {
    match e {
        ViewError::NotFound => DownloadError::NotFound,
        ViewError::Store(e) => DownloadError::Internal(e.to_string()),
        _ => DownloadError::Internal("framework view".into()),
    }
}

fn area_name(
    a: &Assembled,
    code: &str,
    wards: &std::collections::HashMap<String, String>,
) -> String {
    a.fw.areas
        .iter()
        .find(|x| x.code == code)
        .map(|x| x.name.clone())
        .or_else(|| wards.get(code).cloned())
        .unwrap_or_default()
}

fn num(v: Option<f64>) -> String {
    v.map(|v| format!("{}", (v * 1e6).round() / 1e6))
        .unwrap_or_default()
}

async fn csv_file(State(st): State<AppState>) -> Result<Response, DownloadError> {
    let a = assemble(&st, Audience::Public).await.map_err(failed)?;
    let wards = super::views::ward_names(&st).await.map_err(failed)?;
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(COLUMNS.iter().map(|c| c.0))?;
    for ind in &a.fw.indicators {
        for o in a.fw.observations.iter().filter(|o| o.indicator == ind.key) {
            let e = estimate(o, ind);
            out.write_record([
                ind.key.clone(),
                crate::results::ssr::exports::spreadsheet_safe(&ind.title).into_owned(),
                ind.priority.key().to_string(),
                o.area.clone(),
                crate::results::ssr::exports::spreadsheet_safe(&area_name(&a, &o.area, &wards))
                    .into_owned(),
                o.period.iso(),
                crate::results::ssr::exports::spreadsheet_safe(&o.period_text()).into_owned(),
                num(o.value),
                num(e.and_then(|e| e.low)),
                num(e.and_then(|e| e.high)),
                num(o.count),
                num(o.denominator),
                ind.unit.clone(),
                o.status.map(|s| s.key().to_string()).unwrap_or_default(),
                crate::results::ssr::exports::spreadsheet_safe(&o.note).into_owned(),
                o.illustrative.to_string(),
            ])?;
        }
    }
    let body = out
        .into_inner()
        .map_err(|e| DownloadError::Internal(e.to_string()))?;
    Ok(attachment(body, "text/csv; charset=utf-8", "wellbeing.csv"))
}

async fn csv_metadata(State(st): State<AppState>) -> Response {
    let columns: Vec<Value> = COLUMNS
        .iter()
        .map(|(name, datatype, about)| {
            json!({"name": name, "titles": name, "datatype": datatype, "dc:description": about})
        })
        .collect();
    let body = json!({
        "@context": "http://www.w3.org/ns/csvw",
        "url": "wellbeing.csv",
        "dc:title": format!("{}: wellbeing indicator framework", st.council.name),
        "dc:description": "The council's core set of wellbeing indicators: every published value, for the city, its wards, England and comparators, by period.",
        "dc:publisher": st.council.name,
        "dc:license": {"@id": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"},
        "tableSchema": {
            "columns": columns,
            "primaryKey": ["indicator", "areacd", "period"],
        },
    });
    (
        [(header::CONTENT_TYPE, "application/csvm+json")],
        serde_json::to_string_pretty(&body).unwrap_or_default(),
    )
        .into_response()
}

fn judgement(j: &crate::framework::model::Judgement) -> Value {
    json!({"key": j.key, "words": j.words})
}

async fn api(State(st): State<AppState>) -> Result<Response, DownloadError> {
    let a = assemble(&st, Audience::Public).await.map_err(failed)?;
    let indicators: Vec<Value> = a
        .fw
        .indicators
        .iter()
        .map(|ind| {
            let r = row(&a, ind);
            let obs: Vec<Value> = a
                .fw
                .observations
                .iter()
                .filter(|o| o.indicator == ind.key)
                .map(|o| {
                    let e = estimate(o, ind);
                    json!({
                        "areacd": o.area,
                        "period": o.period.iso(),
                        "period_label": o.period_text(),
                        "value": o.value,
                        "lci_95": e.and_then(|e| e.low),
                        "uci_95": e.and_then(|e| e.high),
                        "count": o.count,
                        "denominator": o.denominator,
                        "status": o.status.map(|s| s.key()),
                        "note": o.note,
                        "illustrative": o.illustrative,
                    })
                })
                .collect();
            let latest = a
                .fw
                .series(&ind.key, &a.home)
                .filter(|o| o.value.is_some())
                .last();
            let england = latest.and_then(|l| england_at(&a, &ind.key, &l.period));
            let target = a.fw.target(&ind.key).map(|t| {
                json!({
                    "baseline_period": t.baseline_period,
                    "baseline_value": t.baseline_value,
                    "value": t.value,
                    "date": t.date.format("%Y-%m-%d").to_string(),
                    "strategy": t.strategy,
                    "status": r.target.as_ref().map(judgement),
                })
            });
            json!({
                "key": ind.key,
                "title": ind.title,
                "priority": ind.priority.key(),
                "definition": ind.definition,
                "unit": ind.unit,
                "decimals": ind.decimals,
                "polarity": ind.polarity.key(),
                "measure": ind.measure.key(),
                "from_survey": ind.from_survey,
                "source": {"publisher": ind.publisher, "url": ind.source_url, "licence": ind.licence},
                "frequency": ind.frequency,
                "next_update": ind.next_update.map(|d| d.format("%Y-%m-%d").to_string()),
                "overdue": r.overdue,
                "caveats": ind.caveats,
                "latest": latest.map(|l| json!({"period": l.period.iso(), "period_label": l.period_text(), "value": l.value})),
                "england": england.map(|e| json!({"period": e.period.iso(), "period_label": e.period_text(), "value": e.value})),
                "compared_with_england": judgement(&r.compared),
                "progress": judgement(&r.progress),
                "target": target,
                "observations": obs,
            })
        })
        .collect();
    let updates: Vec<Value> = super::views::updates(&st, &a)
        .await
        .map_err(failed)?
        .into_iter()
        .map(|u| {
            json!({
                "title": u.title, "said": u.said, "did": u.did, "changed": u.changed,
                "status": u.status_key,
                "priorities": u.priorities.iter().map(|p| p.0.clone()).collect::<Vec<_>>(),
                "indicators": u.indicators.iter().map(|p| p.0.clone()).collect::<Vec<_>>(),
                "wards": u.wards,
                "updated": u.updated,
            })
        })
        .collect();
    let body = json!({
        "place": a.place,
        "areacd": a.home,
        "priorities": domain::framework::Priority::ALL.iter().map(|p| json!({"key": p.key(), "title": words::priority_title(*p)})).collect::<Vec<_>>(),
        "indicators": indicators,
        "updates": updates,
    });
    Ok((
        [(header::CONTENT_TYPE, "application/json")],
        serde_json::to_string(&body).unwrap_or_default(),
    )
        .into_response())
}
