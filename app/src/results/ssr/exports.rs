//! Downloads: indicators as CSV (the open data and the API share this shape) and as XLSX,
//! and raw responses as CSV for administrators. Withheld cells are withheld in every format.

use std::collections::BTreeMap;

use domain::indicators::stats::Change;
use domain::indicators::{Breakdown, CellResult, Level};
use serde::Serialize;
use store::results::WaveIndicators;

/// One published cell. A withheld cell carries no figures at all.
#[derive(Serialize)]
pub struct CellOut {
    pub indicator: String,
    pub area_code: String,
    pub area_name: String,
    pub level: &'static str,
    pub breakdown: Option<BTreeMap<&'static str, &'static str>>,
    pub n: Option<u64>,
    pub n_eff: Option<f64>,
    pub estimate: Option<f64>,
    pub ci_low: Option<f64>,
    pub ci_high: Option<f64>,
    pub withheld: bool,
    pub low_base: bool,
    pub change: Option<Change>,
}

pub const CSV_COLUMNS: [&str; 13] = [
    "indicator",
    "area_code",
    "area_name",
    "level",
    "breakdown",
    "n",
    "n_eff",
    "estimate",
    "ci_low",
    "ci_high",
    "withheld",
    "low_base",
    "change",
];

pub fn round(x: f64, places: i32) -> f64 {
    let f = 10f64.powi(places);
    (x * f).round() / f
}

pub fn breakdown_wanted(b: Breakdown, wanted: &str) -> bool {
    matches!(
        (b, wanted),
        (Breakdown::None, "none") | (Breakdown::Age(_), "age_band") | (Breakdown::Sex(_), "sex")
    )
}

pub fn cell_out(w: &WaveIndicators, c: &CellResult) -> CellOut {
    let (area_code, area_name) = match c.id.level {
        Level::Ward => {
            let ward = &w.areas.wards[c.id.area];
            (ward.code.clone(), ward.name.clone())
        }
        Level::Group => {
            let group = &w.areas.groups[c.id.area];
            (group.code.clone(), group.name.clone())
        }
        Level::All => ("all".to_string(), "All areas".to_string()),
    };
    let breakdown =
        c.id.breakdown
            .variable()
            .zip(c.id.breakdown.category())
            .map(|(k, v)| BTreeMap::from([(k, v)]));
    let shown = |x: f64, places| (!c.withheld).then(|| round(x, places));
    CellOut {
        indicator: w.defs[c.indicator].key.clone(),
        area_code,
        area_name,
        level: c.id.level.key(),
        breakdown,
        n: (!c.withheld).then_some(c.n),
        n_eff: shown(c.n_eff, 2),
        estimate: shown(c.estimate, 6),
        ci_low: shown(c.ci_low, 6),
        ci_high: shown(c.ci_high, 6),
        withheld: c.withheld,
        low_base: !c.withheld && c.low_base,
        change: if c.withheld { None } else { c.change },
    }
}

pub fn csv_body(cells: &[CellOut]) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(CSV_COLUMNS)?;
    let num = |x: Option<f64>| x.map(|v| v.to_string()).unwrap_or_default();
    for c in cells {
        let breakdown = c
            .breakdown
            .as_ref()
            .and_then(|b| b.iter().next().map(|(k, v)| format!("{k}={v}")))
            .unwrap_or_default();
        let change = c
            .change
            .map(|ch| match ch {
                Change::Increase => "increase",
                Change::Decrease => "decrease",
                Change::NoChange => "no_change",
            })
            .unwrap_or_default();
        let text = spreadsheet_safe;
        w.write_record([
            &*text(&c.indicator),
            &text(&c.area_code),
            &text(&c.area_name),
            &text(c.level),
            &text(&breakdown),
            &c.n.map(|n| n.to_string()).unwrap_or_default(),
            &num(c.n_eff),
            &num(c.estimate),
            &num(c.ci_low),
            &num(c.ci_high),
            if c.withheld { "true" } else { "false" },
            if c.low_base { "true" } else { "false" },
            change,
        ])?;
    }
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8(bytes).expect("the CSV writer writes the UTF-8 it is given"))
}

/// Every cell of a wave, at every level and breakdown, ready to download.
pub fn all_cells(w: &WaveIndicators) -> Vec<CellOut> {
    w.result.cells.iter().map(|c| cell_out(w, c)).collect()
}

/// The same rows as the CSV, in a workbook: numbers as numbers, withheld cells empty.
pub fn xlsx_body(cells: &[CellOut], title: &str) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Indicators")?;
    let bold = Format::new().set_bold();
    sheet.write_string_with_format(0, 0, spreadsheet_safe(title), &bold)?;
    sheet.write_string(
        1,
        0,
        "Withheld cells (fewer answers than the disclosure threshold) are left empty.",
    )?;
    for (col, name) in CSV_COLUMNS.iter().enumerate() {
        sheet.write_string_with_format(3, col as u16, *name, &bold)?;
    }
    for (i, c) in cells.iter().enumerate() {
        let row = 4 + i as u32;
        let breakdown = c
            .breakdown
            .as_ref()
            .and_then(|b| b.iter().next().map(|(k, v)| format!("{k}={v}")))
            .unwrap_or_default();
        let text = spreadsheet_safe;
        sheet.write_string(row, 0, text(&c.indicator))?;
        sheet.write_string(row, 1, text(&c.area_code))?;
        sheet.write_string(row, 2, text(&c.area_name))?;
        sheet.write_string(row, 3, text(c.level))?;
        sheet.write_string(row, 4, text(&breakdown))?;
        let nums = [
            c.n.map(|n| n as f64),
            c.n_eff,
            c.estimate,
            c.ci_low,
            c.ci_high,
        ];
        for (k, v) in nums.iter().enumerate() {
            if let Some(v) = v {
                sheet.write_number(row, 5 + k as u16, *v)?;
            }
        }
        sheet.write_boolean(row, 10, c.withheld)?;
        sheet.write_boolean(row, 11, c.low_base)?;
        let change = c.change.map(change_key).unwrap_or_default();
        sheet.write_string(row, 12, change)?;
    }
    sheet.autofit();
    book.save_to_buffer()
}

pub fn change_key(ch: Change) -> &'static str {
    match ch {
        Change::Increase => "increase",
        Change::Decrease => "decrease",
        Change::NoChange => "no_change",
    }
}

/// A spreadsheet would run a text cell beginning with = + - @ (or their full-width forms,
/// which some spreadsheets also take), even after leading spaces, tabs or line breaks, as a
/// formula: such cells get a leading apostrophe, which spreadsheets show as text. Every text
/// cell of every CSV and workbook goes through here; numbers Kiln writes itself do not.
pub fn spreadsheet_safe(cell: &str) -> std::borrow::Cow<'_, str> {
    let starts_control = matches!(cell.chars().next(), Some('\t' | '\r' | '\n'));
    let first_visible = cell.trim_start().chars().next();
    let formula = matches!(
        first_visible,
        Some('=' | '+' | '-' | '@' | '\u{FF1D}' | '\u{FF0B}' | '\u{FF0D}' | '\u{FF20}')
    );
    if starts_control || formula {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// Raw responses, one row per response, one column per question. Free text only when the
/// caller may see it.
pub fn responses_csv(
    survey: &domain::Survey,
    rows: &[store::entity::response::Model],
    ward_code: &dyn Fn(i32) -> Option<String>,
    include_free_text: bool,
) -> Result<String, csv::Error> {
    let questions: Vec<&domain::Question> = survey
        .questions()
        .filter(|q| !["area", "age_band", "sex"].contains(&q.key.as_str()))
        .filter(|q| include_free_text || !matches!(q.kind, domain::QuestionKind::Text { .. }))
        .collect();
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut head = vec![
        "response_id",
        "submitted_on",
        "channel",
        "language",
        "area",
        "age_band",
        "sex",
    ];
    head.extend(questions.iter().map(|q| q.key.as_str()));
    w.write_record(&head)?;
    for r in rows {
        let answers: BTreeMap<String, serde_json::Value> =
            serde_json::from_str(&r.answers).unwrap_or_default();
        let area = match r.area_id {
            Some(id) => ward_code(id).unwrap_or_default(),
            None => r.area_answer.clone(),
        };
        let mut rec: Vec<String> = vec![
            r.external_id.clone(),
            r.submitted_on.to_string(),
            r.channel.clone(),
            r.language.clone(),
            area,
            r.age_band.clone().unwrap_or_default(),
            r.sex.clone().unwrap_or_default(),
        ];
        rec.extend(questions.iter().map(|q| match answers.get(&q.key) {
            Some(serde_json::Value::String(t)) => t.clone(),
            Some(serde_json::Value::Null) | None => String::new(),
            Some(other) => other.to_string(),
        }));
        w.write_record(rec.iter().map(|c| spreadsheet_safe(c).into_owned()))?;
    }
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8(bytes).expect("the CSV writer writes the UTF-8 it is given"))
}

#[cfg(test)]
mod tests {
    use super::spreadsheet_safe;

    #[test]
    fn formula_like_cells_are_made_text() {
        for bad in [
            "=1+1",
            "+44",
            "-2",
            "@SUM(A1)",
            "\tx",
            "\rx",
            "\n=1+1",
            "  =HYPERLINK(\"http://evil.test\")",
            "\u{FF1D}1+1",
            " \u{FF20}SUM(A1)",
        ] {
            assert!(spreadsheet_safe(bad).starts_with('\''), "{bad:?}");
        }
        assert_eq!(spreadsheet_safe("A quieter street"), "A quieter street");
        assert_eq!(spreadsheet_safe(""), "");
    }
}

pub mod download {
    //! The download routes. Officers' downloads are recorded in the audit log.

    use axum::extract::{Path, State};
    use axum::http::{header, StatusCode};
    use axum::response::{IntoResponse, Response};
    use axum::routing::get;

    use super::{all_cells, csv_body, responses_csv, xlsx_body};
    use crate::shared::ssr::access::{Administrators, Signed, Staff};
    use crate::shared::ssr::auth::SignedIn;
    use crate::shared::ssr::AppState;

    pub fn router() -> crate::shared::ssr::access::Routes {
        use crate::results::paths;
        crate::shared::ssr::access::Routes::default()
            .route(paths::OFFICER_CSV, get(officer_csv))
            .route(paths::OFFICER_XLSX, get(officer_xlsx))
            .route(paths::CSV, get(public_csv))
            .route(crate::admin::paths::RAW_RESPONSES, get(raw_responses))
    }

    pub enum DownloadError {
        NotFound,
        Internal(String),
    }

    impl<E: std::fmt::Display> From<E> for DownloadError {
        fn from(e: E) -> Self {
            DownloadError::Internal(e.to_string())
        }
    }

    impl IntoResponse for DownloadError {
        fn into_response(self) -> Response {
            match self {
                DownloadError::NotFound => (StatusCode::NOT_FOUND, "Not found").into_response(),
                DownloadError::Internal(e) => {
                    tracing::error!(error = %e, "download failed");
                    crate::shared::ssr::auth::service_problem()
                }
            }
        }
    }

    pub fn attachment(body: impl IntoResponse, content_type: &str, filename: &str) -> Response {
        (
            [
                (header::CONTENT_TYPE, content_type.to_string()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{filename}\""),
                ),
            ],
            body,
        )
            .into_response()
    }

    async fn computed(
        st: &AppState,
        survey: &str,
        wave: &str,
        published_only: bool,
    ) -> Result<std::sync::Arc<store::results::WaveIndicators>, DownloadError> {
        let catalogue = st.catalogue.get(&st.db).await?;
        let (s, w) = catalogue
            .find_wave(survey, wave)
            .ok_or(DownloadError::NotFound)?;
        if published_only && !w.published {
            return Err(DownloadError::NotFound);
        }
        Ok(st.results.get(&st.db, &catalogue, s, w).await?)
    }

    /// A download for signed-in staff: recorded in the audit log, then sent as a file.
    async fn audited(
        st: &AppState,
        who: &SignedIn,
        ip: &str,
        what: &str,
        (body, content_type, filename): (impl IntoResponse, &str, String),
    ) -> Result<Response, DownloadError> {
        store::audit::record(&st.db, &who.actor(ip), domain::AuditAction::Export, what).await?;
        Ok(attachment(body, content_type, &filename))
    }

    async fn officer_csv(
        State(st): State<AppState>,
        Signed { who, ip, .. }: Signed<Staff>,
        Path((survey, wave)): Path<(String, String)>,
    ) -> Result<Response, DownloadError> {
        let w = computed(&st, &survey, &wave, false).await?;
        let body = csv_body(&all_cells(&w))?;
        audited(
            &st,
            &who,
            &ip,
            &format!("indicators CSV: {survey} {wave}"),
            (
                body,
                "text/csv; charset=utf-8",
                format!("kiln-{survey}-{wave}-indicators.csv"),
            ),
        )
        .await
    }

    async fn officer_xlsx(
        State(st): State<AppState>,
        Signed { who, ip, .. }: Signed<Staff>,
        Path((survey, wave)): Path<(String, String)>,
    ) -> Result<Response, DownloadError> {
        let w = computed(&st, &survey, &wave, false).await?;
        let title = format!("{}: {} (indicators)", w.survey.title, w.wave.name);
        let body = xlsx_body(&all_cells(&w), &title)?;
        audited(
            &st,
            &who,
            &ip,
            &format!("indicators XLSX: {survey} {wave}"),
            (
                body,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                format!("kiln-{survey}-{wave}-indicators.xlsx"),
            ),
        )
        .await
    }

    async fn public_csv(
        State(st): State<AppState>,
        Path((survey, wave)): Path<(String, String)>,
    ) -> Result<Response, DownloadError> {
        let w = computed(&st, &survey, &wave, true).await?;
        let body = csv_body(&all_cells(&w))?;
        Ok(attachment(
            body,
            "text/csv; charset=utf-8",
            &format!("kiln-{survey}-{wave}-indicators.csv"),
        ))
    }

    async fn raw_responses(
        State(st): State<AppState>,
        Signed { who, ip, .. }: Signed<Administrators>,
        Path((survey, wave)): Path<(String, String)>,
    ) -> Result<Response, DownloadError> {
        let (_, w) = store::waves::find(&st.db, &survey, &wave)
            .await?
            .ok_or(DownloadError::NotFound)?;
        let definition = store::surveys::definition_of_wave(&st.db, &w).await?;
        let rows = store::wave_data::responses_of(&st.db, w.id).await?;
        let areas = store::areas::AreaDirectory::load(&st.db).await?;
        let code = |id: i32| {
            areas
                .wards
                .iter()
                .find(|w| w.id == id)
                .map(|w| w.code.clone())
        };
        // The guard lets only administrators here; free text is for them alone.
        let body = responses_csv(&definition, &rows, &code, who.user.role.administers())?;
        audited(
            &st,
            &who,
            &ip,
            &format!("raw responses CSV: {survey} {wave} ({} rows)", rows.len()),
            (
                body,
                "text/csv; charset=utf-8",
                format!("kiln-{survey}-{wave}-responses.csv"),
            ),
        )
        .await
    }
}
