//! Snapshots (insta) of what Kiln hands to other programs and to print: the OpenAPI
//! document, the indicator exports as CSV and as a workbook, and the annual report. A
//! change to any of them shows as a diff to review (`cargo insta review`), never silently.
//! Snapshots are taken on SQLite only: the same figures come from PostgreSQL, which the
//! other tests check.

use crate::common::{import, rows, TestApp, HEADER};
use domain::accounts::Role;

/// 40 answers in one ward and 3 (withheld) in another, published.
async fn published_wave(app: &TestApp) {
    let csv = format!(
        "{HEADER}\n{}{}",
        rows("a", "DEMO01", 40, &[2, 8]),
        rows("b", "DEMO02", 3, &[9])
    );
    import(app, "2026-baseline", &csv, false).await.unwrap();
    app.publish("2026-baseline").await;
}

/// Lines for the whole area and the two wards with answers (the other 32 are alike).
fn sample_lines(csv: &str) -> String {
    csv.lines()
        .enumerate()
        .filter(|(i, l)| {
            *i == 0 || l.contains(",all,") || l.contains("DEMO01") || l.contains("DEMO02")
        })
        .map(|(_, l)| l)
        .collect::<Vec<_>>()
        .join("\n")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_openapi_document() {
    let app = TestApp::builder(crate::common::Backend::Sqlite)
        .spawn()
        .await;
    let doc: serde_json::Value = app
        .client
        .get(app.url("/api/v1/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    insta::assert_json_snapshot!("openapi", doc);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_indicator_exports() {
    let app = TestApp::builder(crate::common::Backend::Sqlite)
        .spawn()
        .await;
    published_wave(&app).await;
    let admin = app
        .signed_in("admin@stoke.gov.uk", Role::Administrator)
        .await;
    let csv = admin
        .get_raw("/officer/wellbeing/2026-baseline/indicators.csv")
        .await
        .text()
        .await
        .unwrap();
    insta::assert_snapshot!("officer_indicators_csv", sample_lines(&csv));
    let open = app
        .agent()
        .get_raw("/results/wellbeing/2026-baseline/indicators.csv")
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(open, csv, "the open data is the officers' export");

    let bytes = admin
        .get_raw("/officer/wellbeing/2026-baseline/indicators.xlsx")
        .await
        .bytes()
        .await
        .unwrap();
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let sheet = book.worksheet_range("Indicators").unwrap();
    let cells: String = sheet
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| c.to_string())
                .collect::<Vec<_>>()
                .join(",")
        })
        .collect::<Vec<_>>()
        .join("\n");
    insta::assert_snapshot!("officer_indicators_xlsx", sample_lines(&cells));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_annual_report() {
    let app = TestApp::builder(crate::common::Backend::Sqlite)
        .spawn()
        .await;
    published_wave(&app).await;
    // Every test's clock starts on 2 March 2026: the wave opened then, so the report is
    // 2026's whatever year the test runs.
    let page = app.get("/annual-report/2026").await;
    assert_eq!(page.status, reqwest::StatusCode::OK);
    // The report's words and figures, one line per block.
    let text: String = page
        .select("main")
        .first()
        .expect("main")
        .text()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    insta::assert_snapshot!("annual_report", text);
}
