//! The officers' framework forms: one value (added, or corrected with a reason), publishing
//! an indicator's new values, when its next figures are due, a CSV file of values, and
//! "you said, we did" updates. Each refusal goes back to its form with every problem and
//! everything typed.

use axum::extract::{DefaultBodyLimit, Path, State};
use axum::response::Response;
use axum::routing::post;
use domain::framework::row::{self, Cells, Columns};
use domain::framework::updates::{capital, UpdateDetails, UpdateForm};
use domain::groups::Problem;
use domain::AuditAction;
use store::audit;
use store::framework::load::AreaRoles;
use store::framework::observations::{self, Change, Recorded};
use store::import::ImportError;

use crate::framework::model::UploadNotice;
use crate::framework::paths;
use crate::results::paths::Audience;
use crate::shared::notice::FormNotice;
use crate::shared::ssr::access::{Routes, Staff};
use crate::shared::ssr::forms::{field, typed};
use crate::shared::ssr::staff_forms::{OfficerError, Posted};
use crate::shared::ssr::{flash, AppState};
use crate::shared::Typed;

const MAX_UPLOAD: usize = 5 * 1024 * 1024;
const SHOWN_PROBLEMS: usize = 50;

pub fn router() -> Routes {
    Routes::default()
        .route(paths::OFFICER_VALUE, post(save_value))
        .route(paths::OFFICER_PUBLISH, post(publish))
        .route(paths::OFFICER_DUE, post(set_due))
        .route(paths::OFFICER_UPDATES, post(new_update))
        .route(paths::OFFICER_UPDATE, post(change_update))
        .merge(
            Routes::default()
                .route(paths::OFFICER_UPLOAD, post(upload))
                .map_router(|r| r.layer(DefaultBodyLimit::max(MAX_UPLOAD))),
        )
}

/// The one-value form's fields, named as the form names them.
const VALUE_FORM: Columns = Columns {
    area: "area",
    period: "period",
    value: "value",
    low: "low",
    high: "high",
    count: "count",
    denominator: "denominator",
    status: "status",
    note: "note",
};
const VALUE_FIELDS: [&str; 11] = [
    "area",
    "period",
    "value",
    "low",
    "high",
    "count",
    "denominator",
    "status",
    "note",
    "reason",
    "publish",
];

fn page(key: &str) -> String {
    paths::indicator(Audience::Officer, key)
}

fn problem(field: &'static str, message: impl Into<String>) -> Problem {
    Problem {
        field,
        message: message.into(),
    }
}

async fn save_value(
    State(st): State<AppState>,
    Path(key): Path<String>,
    p: Posted<Staff>,
) -> Result<Response, OfficerError> {
    let indicators = store::framework::indicators(&st.db).await?;
    let ind = indicators
        .iter()
        .find(|i| i.key == key)
        .ok_or(OfficerError::NotFound)?;
    let roles = AreaRoles::load(&st.db).await?;
    let pairs: Vec<(&str, String)> = VALUE_FIELDS
        .iter()
        .map(|k| (*k, typed(&p.fields, k)))
        .collect();
    let get = |k: &str| {
        pairs
            .iter()
            .find(|(n, _)| *n == k)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    };
    let typed_back = Typed::from_pairs(
        &pairs
            .iter()
            .map(|(k, v)| (*k, v.as_str()))
            .collect::<Vec<_>>(),
    );
    let cells = Cells {
        area: get("area"),
        period: get("period"),
        value: get("value"),
        low: get("low"),
        high: get("high"),
        count: get("count"),
        denominator: get("denominator"),
        status: get("status"),
        note: get("note"),
    };
    let reason = get("reason");
    let checked = row::check(&cells, &VALUE_FORM, ind.measure, |a| roles.known(a), false);
    let mut problems: Vec<Problem> = match &checked {
        Ok(_) => Vec::new(),
        Err(ps) => ps
            .iter()
            .map(|c| problem(c.column, capital(&c.reason)))
            .collect(),
    };
    if let Ok(o) = &checked {
        if let Some(r) = roles.refuses(ind, &o.area) {
            problems.push(problem("area", capital(&r)));
        } else if let Some(existing) =
            observations::find(&st.db, &key, &o.area, &o.period.iso()).await?
        {
            if existing.value != o.value && reason.is_empty() {
                problems.push(problem(
                    "reason",
                    "Say why this replaces the value held for that area and period",
                ));
            }
        }
    }
    let o = match checked {
        Ok(o) if problems.is_empty() => o,
        _ => {
            return Ok(flash::redirect_with(
                &st,
                &page(&key),
                &FormNotice::refused("value", &problems, typed_back),
                "#value-form",
            ))
        }
    };
    let by = format!("{} ({})", p.who.user.name, p.who.user.email);
    let change = Change {
        by: &by,
        at: p.who.at,
        reason,
        publish: get("publish") == "yes",
        illustrative: false,
        period_label: None,
    };
    let recorded = observations::record(&st.db, &key, &o, &change).await?;
    audit::record(
        &st.db,
        &p.actor(),
        AuditAction::FrameworkValueSaved,
        &format!("{key} {} {}: {recorded:?}", o.area, o.period.iso()),
    )
    .await?;
    let words = match recorded {
        Recorded::Added => "added",
        Recorded::Corrected => "corrected; the old value is kept below",
        Recorded::Unchanged => "unchanged: it is the value already held",
    };
    let published = if change.publish { " and published" } else { "" };
    Ok(flash::redirect_with(
        &st,
        &page(&key),
        &FormNotice::Done(format!(
            "The value for {} was {words}{published}.",
            o.period.label()
        )),
        "",
    ))
}

async fn publish(
    State(st): State<AppState>,
    Path(key): Path<String>,
    p: Posted<Staff>,
) -> Result<Response, OfficerError> {
    let n = observations::publish(&st.db, &key, p.who.at).await?;
    audit::record(
        &st.db,
        &p.actor(),
        AuditAction::FrameworkPublished,
        &format!("{key}: {n} values"),
    )
    .await?;
    Ok(flash::redirect_with(
        &st,
        &page(&key),
        &FormNotice::Done(format!(
            "{n} value{} published.",
            if n == 1 { "" } else { "s" }
        )),
        "",
    ))
}

async fn set_due(
    State(st): State<AppState>,
    Path(key): Path<String>,
    p: Posted<Staff>,
) -> Result<Response, OfficerError> {
    let typed_due = typed(&p.fields, "due");
    let due = if typed_due.is_empty() {
        Ok(None)
    } else {
        chrono::NaiveDate::parse_from_str(&typed_due, "%Y-%m-%d").map(Some)
    };
    let Ok(due) = due else {
        return Ok(flash::redirect_with(
            &st,
            &page(&key),
            &FormNotice::refused(
                "due",
                &[problem(
                    "date",
                    "Enter the date as year, month and day, like 2027-03-31",
                )],
                Typed::from_pairs(&[("due", &typed_due)]),
            ),
            "#due-form",
        ));
    };
    observations::set_next_update(&st.db, &key, due).await?;
    audit::record(
        &st.db,
        &p.actor(),
        AuditAction::FrameworkDueChanged,
        &format!("{key}: {typed_due}"),
    )
    .await?;
    Ok(flash::redirect_with(
        &st,
        &page(&key),
        &FormNotice::Done("The date of the next update was saved.".into()),
        "",
    ))
}

type Upload = crate::shared::ssr::upload::Upload<Staff>;

async fn upload(State(st): State<AppState>, up: Upload) -> Result<Response, OfficerError> {
    let back = |n: UploadNotice| flash::redirect_with(&st, paths::OFFICER_FRAMEWORK, &n, "#upload");
    if up.file.is_empty() {
        return Ok(back(UploadNotice::Refused {
            message: "Select a CSV file to upload".into(),
            problems: Vec::new(),
            more: 0,
        }));
    }
    let reason = typed(&up.fields, "reason");
    let by = format!("{} ({})", up.who.user.name, up.who.user.email);
    let change = Change {
        by: &by,
        at: up.who.at,
        reason: if reason.is_empty() {
            "New figures loaded from a file"
        } else {
            &reason
        },
        publish: field(&up.fields, "publish") == Some("yes"),
        illustrative: false,
        period_label: None,
    };
    match store::framework::load::load_csv(&st.db, &up.file, &change).await {
        Ok(r) => {
            audit::record(
                &st.db,
                &up.actor(),
                AuditAction::FrameworkLoaded,
                &format!("{} added, {} corrected, {} unchanged", r.added, r.corrected, r.unchanged),
            )
            .await?;
            let mut words = format!(
                "The {} file was loaded: {} value{} added, {} corrected (the old values are kept), {} unchanged{}.",
                if r.fingertips { "Fingertips" } else { "CSV" },
                r.added,
                if r.added == 1 { "" } else { "s" },
                r.corrected,
                r.unchanged,
                if change.publish { ", all published" } else { "; publish them from each indicator's page" }
            );
            if r.other_areas + r.breakdowns > 0 {
                words.push_str(&format!(
                    " {} rows for other areas and {} rows of breakdowns were left out.",
                    r.other_areas, r.breakdowns
                ));
            }
            if !r.other_indicators.is_empty() {
                words.push_str(&format!(
                    " Indicators no framework indicator takes were left out: {}.",
                    r.other_indicators.iter().cloned().collect::<Vec<_>>().join("; ")
                ));
            }
            Ok(back(UploadNotice::Loaded(words)))
        }
        Err(ImportError::File(m)) => Ok(back(UploadNotice::Refused {
            message: format!("The file cannot be used: {m}. Nothing was changed."),
            problems: Vec::new(),
            more: 0,
        })),
        Err(ImportError::Rows(rows)) => Ok(back(UploadNotice::Refused {
            message: format!(
                "The file has {} problem{}; nothing was changed. Correct the file and upload it again.",
                rows.len(),
                if rows.len() == 1 { "" } else { "s" }
            ),
            problems: rows.iter().take(SHOWN_PROBLEMS).map(|r| r.to_string()).collect(),
            more: rows.len().saturating_sub(SHOWN_PROBLEMS),
        })),
        Err(ImportError::Store(e)) => Err(OfficerError::Internal(e)),
    }
}

fn all<'a>(p: &'a Posted<Staff>, name: &str) -> Vec<&'a str> {
    p.fields
        .iter()
        .filter(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .collect()
}

async fn save_update(
    st: &AppState,
    id: Option<i32>,
    p: &Posted<Staff>,
) -> Result<Response, OfficerError> {
    let page = id
        .map(paths::update)
        .unwrap_or_else(|| paths::OFFICER_UPDATES.to_string());
    let long = |k: &str| -> String {
        field(&p.fields, k)
            .unwrap_or("")
            .chars()
            .take(4000)
            .collect()
    };
    let (title, said, did, changed) = (
        typed(&p.fields, "title"),
        long("said"),
        long("did"),
        long("changed"),
    );
    let status = typed(&p.fields, "status");
    let form = UpdateForm {
        title: &title,
        said: &said,
        did: &did,
        changed: &changed,
        status: &status,
        priorities: all(p, "priorities"),
        indicators: all(p, "indicators"),
        wards: all(p, "wards"),
    };
    let indicators = store::framework::indicators(&st.db).await?;
    let catalogue = st.catalogue.get(&st.db).await?;
    let details = UpdateDetails::parse(
        &form,
        |k| indicators.iter().any(|i| i.key == k),
        |w| catalogue.areas.wards.iter().any(|x| x.code == w),
    );
    let details = match details {
        Ok(d) => d,
        Err(problems) => {
            let joined = |v: &[&str]| v.join(",");
            let typed_back = Typed::from_pairs(&[
                ("title", &title),
                ("said", &said),
                ("did", &did),
                ("changed", &changed),
                ("status", &status),
                ("priorities", &joined(&form.priorities)),
                ("indicators", &joined(&form.indicators)),
                ("wards", &joined(&form.wards)),
                ("publish", field(&p.fields, "publish").unwrap_or("")),
            ]);
            return Ok(flash::redirect_with(
                st,
                &page,
                &FormNotice::refused("update", &problems, typed_back),
                "",
            ));
        }
    };
    let by = format!("{} ({})", p.who.user.name, p.who.user.email);
    let publish = field(&p.fields, "publish") == Some("yes");
    let saved = store::framework::updates::save(&st.db, id, &details, &by, p.who.at, publish)
        .await?
        .ok_or(OfficerError::NotFound)?;
    audit::record(
        &st.db,
        &p.actor(),
        AuditAction::UpdateSaved,
        &format!("{saved}: {}", details.title),
    )
    .await?;
    Ok(flash::redirect_with(
        st,
        paths::OFFICER_UPDATES,
        &FormNotice::Done(format!(
            "\"{}\" was saved{}.",
            details.title,
            if publish {
                " and is published"
            } else {
                " as a draft"
            }
        )),
        "",
    ))
}

async fn new_update(
    State(st): State<AppState>,
    p: Posted<Staff>,
) -> Result<Response, OfficerError> {
    save_update(&st, None, &p).await
}

async fn change_update(
    State(st): State<AppState>,
    Path(id): Path<i32>,
    p: Posted<Staff>,
) -> Result<Response, OfficerError> {
    save_update(&st, Some(id), &p).await
}
