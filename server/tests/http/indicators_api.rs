//! Waves, bulk imports and the indicators API, on SQLite and PostgreSQL.

use crate::common::{import, rows, TestApp, HEADER};
use reqwest::StatusCode;
use serde_json::Value;
use store::import::ImportError;

async fn api(app: &TestApp, query: &str) -> (StatusCode, Value) {
    let res = app
        .client
        .get(app.url(&format!("/api/v1/indicators?{query}")))
        .send()
        .await
        .unwrap();
    let status = res.status();
    (status, res.json().await.unwrap_or(Value::Null))
}

fn cell<'a>(body: &'a Value, indicator: &str, area: &str) -> &'a Value {
    body["cells"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["indicator"] == indicator && c["area_code"] == area)
        .unwrap_or_else(|| panic!("no cell {indicator} {area}"))
}

db_test!(
    imported_and_published_waves_answer_the_api,
    |app: TestApp| async move {
        let csv = format!(
            "{HEADER}\n{}{}",
            rows("a", "DEMO01", 40, &[2, 8]),
            rows("b", "Tunstall", 3, &[9])
        );
        let report = import(&app, "2026-baseline", &csv, false).await.unwrap();
        assert_eq!(
            (report.rows, report.added, report.already_present),
            (43, 43, 0)
        );

        // Not published yet: not served.
        let (status, _) = api(&app, "survey=wellbeing&wave=2026-baseline&level=all").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        app.publish("2026-baseline").await;

        let (status, body) = api(
            &app,
            "survey=wellbeing&wave=2026-baseline&level=all&breakdown=none",
        )
        .await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(body["survey"], "wellbeing");
        assert_eq!(body["weighted"], false);
        assert_eq!(body["threshold"], 10);
        assert_eq!(body["weighting_efficiency"], 1.0);
        let mean = cell(&body, "wb_life_satisfaction_mean", "all");
        // 20 x 2, 20 x 8 and 3 x 9: mean 227 / 43.
        assert_eq!(mean["n"], 43);
        assert!((mean["estimate"].as_f64().unwrap() - 227.0 / 43.0).abs() < 1e-6);
        assert_eq!(mean["area_name"], "All areas");
        assert_eq!(mean["breakdown"], Value::Null);
        assert_eq!(
            mean["change"],
            Value::Null,
            "no change for the baseline itself"
        );
        let low = cell(&body, "wb_life_satisfaction_low", "all");
        assert!((low["estimate"].as_f64().unwrap() - 20.0 / 43.0).abs() < 1e-6);
        assert!(low["ci_low"].as_f64().unwrap() < low["estimate"].as_f64().unwrap());
        // Cohesion items are not in this survey.
        assert!(body["cells"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| !c["indicator"].as_str().unwrap().starts_with("coh_")));

        // Ward level: Tunstall's 3 answers are withheld, with nothing shown.
        let (_, wards) = api(&app, "survey=wellbeing&wave=2026-baseline&level=ward").await;
        let tunstall_code = app.ward_code("Tunstall").await;
        let small = cell(&wards, "wb_life_satisfaction_mean", &tunstall_code);
        assert_eq!(small["withheld"], true);
        for field in ["n", "n_eff", "estimate", "ci_low", "ci_high", "change"] {
            assert_eq!(small[field], Value::Null, "{field} of a withheld cell");
        }
        let big = cell(&wards, "wb_life_satisfaction_mean", "DEMO01");
        assert_eq!(big["withheld"], false);
        assert_eq!(big["n"], 40);

        // Breakdown by age band: 43 respondents over 7 bands, all below 10, all withheld.
        let (_, ages) = api(
            &app,
            "survey=wellbeing&wave=2026-baseline&level=all&breakdown=age_band",
        )
        .await;
        let first = &ages["cells"][0];
        assert_eq!(first["breakdown"]["age_band"], "16-24");
        assert!(ages["cells"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["withheld"] == true));

        // The same as CSV, with the same cells withheld.
        let res = app
            .client
            .get(app.url(
                "/api/v1/indicators?survey=wellbeing&wave=2026-baseline&level=ward&format=csv",
            ))
            .send()
            .await
            .unwrap();
        assert_eq!(res.headers()["content-type"], "text/csv; charset=utf-8");
        let text = res.text().await.unwrap();
        let mut lines = text.lines();
        assert_eq!(lines.next().unwrap(), "indicator,area_code,area_name,level,breakdown,n,n_eff,estimate,ci_low,ci_high,withheld,low_base,change");
        let tunstall_row = lines
            .find(|l| l.starts_with(&format!("wb_life_satisfaction_mean,{tunstall_code},")))
            .unwrap();
        assert!(
            tunstall_row.ends_with(",,,,,,true,false,"),
            "{tunstall_row}"
        );
    }
);

db_test!(
    bad_rows_are_all_listed_and_nothing_is_imported,
    |app: TestApp| async move {
        let csv = format!(
        "{HEADER}\nr1,DEMO01,16-24,female,7,7,7,3,never,doing_alright,good\nr2,Nowhere,16-24,female,11,7,7,3,sometimes,doing_alright,good\nr1,DEMO02,99,x,7,7,7,3,never,doing_alright,good\n"
    );
        let Err(ImportError::Rows(errors)) = import(&app, "2026-baseline", &csv, false).await
        else {
            panic!("expected row errors");
        };
        let found: Vec<(usize, &str)> =
            errors.iter().map(|e| (e.line, e.column.as_str())).collect();
        assert_eq!(
            found,
            [
                (3, "area"),
                (3, "wb_life_satisfaction"),
                (3, "wb_loneliness"),
                (4, "response_id"),
                (4, "age_band"),
                (4, "sex")
            ]
        );
        assert!(
            errors[1].reason.contains("not a whole number from 0 to 10"),
            "{}",
            errors[1].reason
        );
        assert!(errors[2].reason.contains("often_always"));
        assert!(app.responses().await.is_empty(), "all or nothing");

        // An unknown column is refused before any row is read.
        let bad_header =
            "response_id,area,age_band,sex,favourite_colour\nx,DEMO01,16-24,female,blue\n";
        assert!(matches!(
            import(&app, "2026-baseline", bad_header, false).await,
            Err(ImportError::File(_))
        ));
    }
);

db_test!(
    dry_runs_store_nothing_and_reimports_add_nothing,
    |app: TestApp| async move {
        let csv = format!("{HEADER}\n{}", rows("d", "DEMO03", 12, &[5]));
        let dry = import(&app, "2026-baseline", &csv, true).await.unwrap();
        assert_eq!(dry.added, 12);
        assert!(app.responses().await.is_empty());
        import(&app, "2026-baseline", &csv, false).await.unwrap();
        let again = import(&app, "2026-baseline", &csv, false).await.unwrap();
        assert_eq!((again.added, again.already_present), (0, 12));
        assert_eq!(app.responses().await.len(), 12);
        assert!(app.responses().await.iter().all(|r| r.channel == "paper"));
    }
);

db_test!(
    change_since_baseline_and_weighting,
    |app: TestApp| async move {
        // Baseline: scores 4 and 5; the new wave: 7 and 8, across two wards of 100 each.
        let base = format!(
            "{HEADER}\n{}{}",
            rows("b1", "DEMO01", 100, &[4, 5]),
            rows("b2", "DEMO10", 100, &[4, 5])
        );
        import(&app, "2026-baseline", &base, false).await.unwrap();
        store::waves::create(
            &app.db,
            &store::audit::Actor::command_line(&app.clock),
            store::waves::NewWave {
                survey: "wellbeing",
                key: "2027",
                name: Some("2027"),
                baseline: false,
                weighted: true,
            },
        )
        .await
        .unwrap();
        let now = format!(
            "{HEADER}\n{}{}",
            rows("n1", "DEMO01", 100, &[7, 8]),
            rows("n2", "DEMO10", 100, &[7, 8])
        );
        import(&app, "2027", &now, false).await.unwrap();
        app.publish("2027").await;

        let (status, body) = api(&app, "survey=wellbeing&wave=2027&level=all").await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(body["weighted"], true);
        assert_eq!(
            body["population_illustrative"], true,
            "the demo seed's population is illustrative"
        );
        let mean = cell(&body, "wb_life_satisfaction_mean", "all");
        assert_eq!(mean["change"], "increase");
        assert!((mean["estimate"].as_f64().unwrap() - 7.5).abs() < 0.5);
        assert!(
            mean["n_eff"].as_f64().unwrap() < 200.0,
            "weighting lowers the effective base"
        );
        // Half scored 4 (low) at baseline, none now.
        assert_eq!(
            cell(&body, "wb_life_satisfaction_low", "all")["change"],
            "decrease"
        );
        assert_eq!(cell(&body, "wb_anxiety_mean", "all")["change"], "no_change");

        // The surveys list shows published waves only, with the definitions.
        let surveys: Value = app
            .client
            .get(app.url("/api/v1/surveys"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let wellbeing = surveys["surveys"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["key"] == "wellbeing")
            .unwrap();
        let waves: Vec<&str> = wellbeing["waves"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| w["key"].as_str().unwrap())
            .collect();
        assert_eq!(waves, ["2027"]);
        let defs = wellbeing["indicators"].as_array().unwrap();
        assert_eq!(defs.len(), 15);
        let fin = defs
            .iter()
            .find(|d| d["key"] == "fin_managing_difficult")
            .unwrap();
        assert_eq!(fin["theme"], "wealthier");
        assert_eq!(fin["higher_is_better"], false);
        assert_eq!(fin["rule"]["type"], "share_of");
    }
);

db_test!(bad_requests_get_clear_errors, |app: TestApp| async move {
    for (query, status, says) in [
        ("wave=x", StatusCode::BAD_REQUEST, "survey is required"),
        (
            "survey=wellbeing",
            StatusCode::BAD_REQUEST,
            "wave is required",
        ),
        (
            "survey=wellbeing&wave=2026-baseline&level=street",
            StatusCode::BAD_REQUEST,
            "level must be",
        ),
        (
            "survey=wellbeing&wave=2026-baseline&breakdown=religion",
            StatusCode::BAD_REQUEST,
            "breakdown must be",
        ),
        (
            "survey=wellbeing&wave=2026-baseline&format=xml",
            StatusCode::BAD_REQUEST,
            "format must be",
        ),
        (
            "survey=wellbeing&wave=1999",
            StatusCode::NOT_FOUND,
            "no published wave",
        ),
        (
            "survey=nope&wave=1999",
            StatusCode::NOT_FOUND,
            "no published wave",
        ),
    ] {
        let (got, body) = api(&app, query).await;
        assert_eq!(got, status, "{query}");
        assert!(
            body["error"].as_str().unwrap().contains(says),
            "{query}: {body}"
        );
    }
    let doc: Value = app
        .client
        .get(app.url("/api/v1/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(doc["openapi"], "3.1.0");
    assert!(doc["paths"]["/api/v1/indicators"]["get"].is_object());
});

db_test!(
    population_files_are_checked_row_by_row,
    |app: TestApp| async move {
        let areas = store::areas::AreaDirectory::load(&app.db).await.unwrap();
        let bad = "area,age_band,sex,count\nDEMO01,16-24,female,100\nNowhere,16-24,female,5\nDEMO01,16-24,female,7\nDEMO02,15-19,other,-3\n";
        let Err(ImportError::Rows(errors)) =
            store::population::import(&app.db, &areas, bad.as_bytes(), false).await
        else {
            panic!("expected row errors");
        };
        let found: Vec<(usize, &str)> =
            errors.iter().map(|e| (e.line, e.column.as_str())).collect();
        assert_eq!(
            found,
            [
                (3, "area"),
                (4, "area"),
                (5, "age_band"),
                (5, "sex"),
                (5, "count")
            ]
        );
        let good = "area,age_band,sex,count\nDEMO01,16-24,female,100\nBoothen,75+,male,50\n";
        let report = store::population::import(&app.db, &areas, good.as_bytes(), false)
            .await
            .unwrap();
        assert_eq!(report.rows, 2);
        assert!(!store::settings::population_is_illustrative(&app.db)
            .await
            .unwrap());
    }
);

db_test!(
    waves_are_created_with_checked_keys,
    |app: TestApp| async move {
        let new = |key: &'static str| store::waves::NewWave {
            survey: "wellbeing",
            key,
            name: None,
            baseline: true,
            weighted: false,
        };
        assert!(store::waves::create(
            &app.db,
            &store::audit::Actor::command_line(&app.clock),
            new("bad key!")
        )
        .await
        .is_err());
        assert!(
            store::waves::create(
                &app.db,
                &store::audit::Actor::command_line(&app.clock),
                new("2026-baseline")
            )
            .await
            .is_err(),
            "duplicate"
        );
        let w = store::waves::create(
            &app.db,
            &store::audit::Actor::command_line(&app.clock),
            new("2027-spring"),
        )
        .await
        .unwrap();
        assert!(w.is_baseline);
        let survey = store::surveys::by_key(&app.db, "wellbeing")
            .await
            .unwrap()
            .unwrap();
        let base = store::waves::baseline(&app.db, survey.id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            base.key, "2027-spring",
            "a new baseline replaces the old one"
        );
        let missing = store::waves::NewWave {
            survey: "nope",
            key: "x",
            name: None,
            baseline: false,
            weighted: false,
        };
        assert!(store::waves::create(
            &app.db,
            &store::audit::Actor::command_line(&app.clock),
            missing
        )
        .await
        .is_err());
    }
);
