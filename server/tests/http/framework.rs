//! The wellbeing framework: the public page and open data, officers loading values by
//! CSV (tidy and Fingertips) and by form, corrections, publishing, and "you said, we
//! did", on SQLite and PostgreSQL.

use crate::common::{location, Agent, TestApp};
use domain::accounts::Role;
use reqwest::multipart::{Form, Part};
use reqwest::StatusCode;
use serde_json::Value;

async fn upload(a: &Agent, csrf: &str, file: &str, publish: bool) -> crate::common::Page {
    let mut form = Form::new()
        .text("csrf", csrf.to_string())
        .text("reason", "Test figures");
    if publish {
        form = form.text("publish", "yes");
    }
    form = form.part(
        "file",
        Part::bytes(file.as_bytes().to_vec())
            .file_name("figures.csv")
            .mime_str("text/csv")
            .unwrap(),
    );
    let res = a
        .client
        .post(a.url("/officer/framework-upload"))
        .multipart(form)
        .send()
        .await
        .expect("upload");
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    a.get(&location(&res)).await
}

async fn framework_json(app: &TestApp) -> Value {
    let res = app
        .client
        .get(app.url("/api/v1/framework"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.unwrap()
}

fn indicator<'a>(body: &'a Value, key: &str) -> &'a Value {
    body["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["key"] == key)
        .unwrap_or_else(|| panic!("no indicator {key}"))
}

const TIDY: &str =
    "areacd,areanm,indicator,period,value,lci_95,uci_95,status,note,count,denominator";

db_test!(
    the_public_page_shows_the_six_priorities_beside_england,
    |app: TestApp| async move {
        let page = app.get("/wellbeing").await;
        assert_eq!(page.status, StatusCode::OK);
        let words = page.words();
        assert!(words.contains("How is Stoke-on-Trent doing?"));
        for p in [
            "A healthier city",
            "A wealthier city",
            "A safer city",
            "A greener city",
            "A cleaner city",
            "A fairer city",
        ] {
            assert!(words.contains(p), "{p}");
        }
        // Survey and non-survey indicators side by side.
        assert!(words.contains("Male average life expectancy"));
        assert!(words.contains("Life satisfaction: average score (0 to 10)"));
        // Every row has its judgement in words, and a shape beside it (never colour alone).
        let rows = page.select("table.framework-table tbody tr");
        assert_eq!(rows.len(), 55);
        // Two judgements a row (England, trend), and the four with targets a third.
        assert_eq!(
            page.select("table.framework-table .judgement .mark").len(),
            55 * 2 + 4
        );
        // The strategy's own figures are labelled as such; the made-up ones as illustrative.
        let body = framework_json(&app).await;
        let le = indicator(&body, "life_expectancy_male");
        let first = &le["observations"][0];
        assert_eq!(
            first["period_label"],
            "as published in the Corporate Strategy 2024-28"
        );
        assert_eq!(first["value"], 77.9);
        assert_eq!(first["illustrative"], false);
        assert!(le["observations"]
            .as_array()
            .unwrap()
            .iter()
            .any(|o| o["illustrative"] == true));
        // An unpublished period is not public: fuel poverty's 2025/26 is loaded, not published.
        let fuel = indicator(&body, "fuel_poverty");
        assert_eq!(fuel["latest"]["period"], "2024-04-01/P1Y");
        // The indicator page: chart, its table, definition, source and next update.
        let page = app.get("/wellbeing/life_expectancy_male").await;
        assert_eq!(page.status, StatusCode::OK);
        let words = page.words();
        for w in [
            "Male average life expectancy",
            "every period",
            "Which way is better",
            "Higher is better",
            "Next update",
        ] {
            assert!(words.contains(w), "{w}");
        }
        assert_eq!(
            app.get("/wellbeing/no_such_indicator").await.status,
            StatusCode::NOT_FOUND
        );
    }
);

db_test!(
    a_tidy_file_is_checked_whole_then_loaded_corrected_and_published,
    |app: TestApp| async move {
        let officer = app.signed_in("officer@example.org", Role::Officer).await;
        let csrf = officer.csrf().await;
        // Three bad rows: every problem by line and column, nothing stored.
        let bad = format!(
            "{TIDY}\n\
             E06000021,Stoke-on-Trent,physically_active_adults,2026-04-01/P1Y,64.0,,,,,1280,2000\n\
             E99999999,Nowhere,physically_active_adults,2026-04-01/P1Y,64.0,,,,,,\n\
             E06000021,Stoke-on-Trent,no_such_thing,2026-04-01/P1Y,1,,,,,,\n\
             E06000021,Stoke-on-Trent,child_poverty_ahc,2026,40,38,42,final,,,\n\
             E06000021,Stoke-on-Trent,wb_life_satisfaction_mean,2026-04-01/P1Y,7.1,,,,,,\n"
        );
        let page = upload(&officer, &csrf, &bad, true).await;
        let words = page.words();
        assert!(
            words.contains("The file has 5 problems; nothing was changed"),
            "{words}"
        );
        for w in [
            "line 3, column areacd: no area has the code \"E99999999\"",
            "line 4, column indicator: no indicator in the framework has the key \"no_such_thing\"",
            "line 5, column period: \"2026\" is not an ISO 8601 period: write it as 2026-01-01/P1Y",
            "line 5, column status: \"final\" is not a status",
            "line 6, column areacd: wb_life_satisfaction_mean comes from Kiln's own surveys",
        ] {
            assert!(words.contains(w), "{w} in {words}");
        }
        let body = framework_json(&app).await;
        assert_eq!(
            indicator(&body, "physically_active_adults")["latest"]["period"],
            "2025-04-01/P1Y"
        );

        // A good file, not published yet: officers see it, the public does not.
        let good = format!(
            "{TIDY}\n\
             E06000021,Stoke-on-Trent,physically_active_adults,2026-04-01/P1Y,64.0,,,provisional,,1280,2000\n\
             E92000001,England,physically_active_adults,2026-04-01/P1Y,60.0,,,,,,\n"
        );
        let page = upload(&officer, &csrf, &good, false).await;
        assert!(page.words().contains("2 values added"), "{}", page.words());
        let body = framework_json(&app).await;
        assert_eq!(
            indicator(&body, "physically_active_adults")["latest"]["period"],
            "2025-04-01/P1Y"
        );
        let officer_page = officer
            .get("/officer/framework/physically_active_adults")
            .await;
        assert!(officer_page
            .words()
            .contains("2 values are loaded but not yet published"));

        // Published: the interval is worked out from the count (Wilson: 61.9 to 66.1), England's
        // 60 lies below it, so better; the target of 62 lies inside it, so not yet clear.
        let res = officer
            .post(
                "/officer/framework/physically_active_adults/publish",
                &[("csrf", &csrf)],
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        let body = framework_json(&app).await;
        let pa = indicator(&body, "physically_active_adults");
        assert_eq!(pa["latest"]["period"], "2026-04-01/P1Y");
        assert_eq!(pa["compared_with_england"]["key"], "better");
        assert_eq!(pa["target"]["status"]["key"], "not_yet_clear");
        let latest = pa["observations"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["period"] == "2026-04-01/P1Y" && o["areacd"] == "E06000021")
            .unwrap();
        assert!(
            (latest["lci_95"].as_f64().unwrap() - 61.87).abs() < 0.01,
            "{latest}"
        );
        assert!(
            (latest["uci_95"].as_f64().unwrap() - 66.08).abs() < 0.01,
            "{latest}"
        );

        // The same file again changes nothing; a new value corrects, keeping the old one.
        let page = upload(&officer, &csrf, &good, true).await;
        assert!(
            page.words()
                .contains("0 values added, 0 corrected (the old values are kept), 2 unchanged"),
            "{}",
            page.words()
        );
        let corrected = good.replace(
            ",64.0,,,provisional,,1280,2000",
            ",65.0,,,revised,,1300,2000",
        );
        let page = upload(&officer, &csrf, &corrected, true).await;
        assert!(page.words().contains("1 corrected"));
        let officer_page = officer
            .get("/officer/framework/physically_active_adults")
            .await;
        assert!(
            officer_page.words().contains("Was 64.0%; changed by"),
            "{}",
            officer_page.words()
        );
        assert!(officer_page.words().contains("Test figures"));
    }
);

const FINGERTIPS_HEAD: &str = "Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,Area Name,Area Type,Sex,Age,Category Type,Category,Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit,Lower CI 99.8 limit,Upper CI 99.8 limit,Count,Denominator,Value note,Recent Trend,Compared to England value or percentiles,Compared to West Midlands region value or percentiles,Time period Sortable,New data,Compared to goal,Time period range";

db_test!(
    a_fingertips_export_loads_without_editing,
    |app: TestApp| async move {
        let officer = app.signed_in("officer@example.org", Role::Officer).await;
        let csrf = officer.csrf().await;
        let file = format!(
            "{FINGERTIPS_HEAD}\n\
             90366,Life expectancy at birth,E92000001,England,E92000001,England,England,Male,All ages,,,2021 - 23,79.1,79.0,79.2,,,,,,,,,20210000,,,3y\n\
             90366,Life expectancy at birth,E12000005,West Midlands region,E06000021,Stoke-on-Trent,Counties & UAs,Male,All ages,,,2021 - 23,76.4,75.9,76.9,,,,,,,Worse,Worse,20210000,,,3y\n\
             90366,Life expectancy at birth,E12000005,West Midlands region,E06000021,Stoke-on-Trent,Counties & UAs,Male,All ages,County & UA deprivation deciles,Most deprived decile,2021 - 23,74.0,73.0,75.0,,,,,,,,,20210000,,,3y\n\
             90366,Life expectancy at birth,E12000005,West Midlands region,E10000028,Staffordshire,Counties & UAs,Male,All ages,,,2021 - 23,79.5,79.2,79.8,,,,,,,,,20210000,,,3y\n\
             90366,Life expectancy at birth,E12000005,West Midlands region,E06000021,Stoke-on-Trent,Counties & UAs,Persons,All ages,,,2021 - 23,78.5,78.1,78.9,,,,,,,,,20210000,,,3y\n\
             92196,Infant mortality rate,E12000005,West Midlands region,E06000021,Stoke-on-Trent,Counties & UAs,Persons,<1 yr,,,2021 - 23,,,,,,,,Value suppressed for disclosure control,,,,20210000,,,3y\n"
        );
        let page = upload(&officer, &csrf, &file, true).await;
        let words = page.words();
        assert!(
            words.contains("The Fingertips file was loaded: 3 values added"),
            "{words}"
        );
        assert!(
            words.contains("1 rows for other areas and 1 rows of breakdowns were left out"),
            "{words}"
        );
        assert!(
            words.contains("90366 Life expectancy at birth (Persons)"),
            "{words}"
        );
        let body = framework_json(&app).await;
        let le = indicator(&body, "life_expectancy_male");
        let obs = le["observations"].as_array().unwrap();
        let local = obs
            .iter()
            .find(|o| o["period"] == "2021-01-01/P3Y" && o["areacd"] == "E06000021")
            .unwrap();
        assert_eq!(
            (local["value"].as_f64(), local["lci_95"].as_f64()),
            (Some(76.4), Some(75.9))
        );
        assert_eq!(local["period_label"], "2021 to 2023");
        assert!(obs
            .iter()
            .any(|o| o["period"] == "2021-01-01/P3Y" && o["areacd"] == "E92000001"));
        let im = indicator(&body, "infant_mortality");
        let withheld = im["observations"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["period"] == "2021-01-01/P3Y")
            .unwrap();
        assert_eq!(withheld["status"], "withheld");
        assert_eq!(withheld["value"], Value::Null);
    }
);

db_test!(
    the_one_value_form_names_every_problem_and_keeps_what_was_typed,
    |app: TestApp| async move {
        let officer = app.signed_in("officer@example.org", Role::Officer).await;
        let csrf = officer.csrf().await;
        let path = "/officer/framework/child_poverty_ahc";
        let res = officer
            .post(
                &format!("{path}/value"),
                &[
                    ("csrf", &csrf),
                    ("area", "E06000021"),
                    ("period", "2026/27"),
                    ("value", "forty"),
                    ("low", "38"),
                    ("note", "From the coalition's table"),
                ],
            )
            .await;
        assert_eq!(location(&res), format!("{path}#value-form"));
        let page = officer.get(path).await;
        let summary = page.error_summary();
        assert!(
            summary
                .iter()
                .any(|s| s
                    .contains("\"2026/27\" is not an ISO 8601 period: write it as 2026-04-01/P1Y")),
            "{summary:?}"
        );
        assert!(
            summary
                .iter()
                .any(|s| s.contains("\"forty\" is not a number")),
            "{summary:?}"
        );
        assert!(
            summary
                .iter()
                .any(|s| s.contains("Give the upper 95% limit with the lower one")),
            "{summary:?}"
        );
        assert_eq!(
            page.attr("#value-period", "value").as_deref(),
            Some("2026/27")
        );
        assert_eq!(page.attr("#value-low", "value").as_deref(), Some("38"));
        assert!(page.words().contains("From the coalition's table"));
        // Replacing a value held needs a reason.
        let replace = [
            ("csrf", csrf.as_str()),
            ("area", "E06000021"),
            ("period", "2024-04-01/P1Y"),
            ("value", "41.0"),
            ("publish", "yes"),
        ];
        officer.post(&format!("{path}/value"), &replace).await;
        let page = officer.get(path).await;
        assert!(page
            .error_summary()
            .iter()
            .any(|s| s.contains("Say why this replaces the value held")));
        let mut with_reason = replace.to_vec();
        with_reason.push(("reason", "Coalition revised its estimate"));
        officer.post(&format!("{path}/value"), &with_reason).await;
        let page = officer.get(path).await;
        assert!(
            page.words()
                .contains("corrected; the old value is kept below"),
            "{}",
            page.words()
        );
        assert!(page.words().contains("Coalition revised its estimate"));
        // The public cannot post it.
        let res = app
            .client
            .post(app.url(&format!("{path}/value")))
            .form(&replace)
            .send()
            .await
            .unwrap();
        assert_ne!(res.status(), StatusCode::SEE_OTHER);
    }
);

db_test!(
    updates_appear_publicly_once_published,
    |app: TestApp| async move {
        let officer = app.signed_in("officer@example.org", Role::Officer).await;
        let csrf = officer.csrf().await;
        // Refused: every problem, and what was typed kept.
        let res = officer
            .post(
                "/officer/updates",
                &[
                    ("csrf", &csrf),
                    ("title", ""),
                    ("said", "Buses are late"),
                    ("status", ""),
                ],
            )
            .await;
        assert_eq!(location(&res), "/officer/updates");
        let page = officer.get("/officer/updates").await;
        let summary = page.error_summary();
        assert_eq!(
            summary,
            [
                "Enter a title",
                "Enter what the council did",
                "Select whether this is planned, in progress or done",
                "Select at least one priority this update is about"
            ]
        );
        assert!(page.words().contains("Buses are late"));
        // A draft, then published.
        let fields = [
            ("csrf", csrf.as_str()),
            ("title", "Buses to the hospital"),
            ("said", "Buses are late"),
            ("did", "We asked the operator to add a service"),
            ("status", "planned"),
            ("priorities", "greener"),
            ("indicators", "place_travel_agree"),
        ];
        officer.post("/officer/updates", &fields).await;
        assert!(!app
            .get("/you-said-we-did")
            .await
            .words()
            .contains("Buses to the hospital"));
        let officer_page = officer.get("/officer/updates").await;
        let edit = officer_page
            .select("a")
            .iter()
            .find(|a| {
                a.text()
                    .collect::<String>()
                    .contains("Buses to the hospital")
            })
            .and_then(|a| a.value().attr("href").map(str::to_string))
            .expect("a link to change it");
        let mut published = fields.to_vec();
        published.push(("publish", "yes"));
        let res = officer.post(&edit, &published).await;
        assert_eq!(location(&res), "/officer/updates");
        let page = app.get("/you-said-we-did").await;
        assert!(page.words().contains("Buses to the hospital"));
        assert!(page
            .words()
            .contains("We asked the operator to add a service"));
        let page = app.get("/wellbeing/place_travel_agree").await;
        assert!(page.words().contains("Buses to the hospital"));
    }
);

db_test!(
    the_framework_is_open_data_as_csv_with_csvw_metadata,
    |app: TestApp| async move {
        let res = app
            .client
            .get(app.url("/wellbeing.csv"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        let csv = res.text().await.unwrap();
        let mut lines = csv.lines();
        let header = lines.next().unwrap();
        assert_eq!(header, "indicator,indicator_title,priority,areacd,areanm,period,period_label,value,lci_95,uci_95,count,denominator,unit,status,note,illustrative");
        assert!(csv.contains("life_expectancy_male,Male average life expectancy,healthier,E06000021,Stoke-on-Trent,2023-04-01/P1Y,as published in the Corporate Strategy 2024-28,77.9,"));
        // Unpublished values are not in it.
        assert!(!csv
            .lines()
            .any(|l| l.starts_with("fuel_poverty,") && l.contains(",2025-04-01/P1Y,")));
        let res = app
            .client
            .get(app.url("/wellbeing.csv-metadata.json"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        let meta: Value = res.json().await.unwrap();
        assert_eq!(meta["@context"], "http://www.w3.org/ns/csvw");
        assert_eq!(meta["url"], "wellbeing.csv");
        let names: Vec<&str> = meta["tableSchema"]["columns"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["name"].as_str().unwrap())
            .collect();
        assert_eq!(names.join(","), header);
    }
);

db_test!(
    officers_add_a_local_measure_and_change_a_target,
    |app: TestApp| async move {
        let officer = app.signed_in("officer@example.org", Role::Officer).await;
        let csrf = officer.csrf().await;
        // Refused: every problem beside its field, and what was typed kept.
        let res = officer
            .post(
                "/officer/framework-new",
                &[
                    ("csrf", csrf.as_str()),
                    ("key", "Rough Sleepers"),
                    ("title", "People sleeping rough"),
                    ("priority", "safer"),
                    ("polarity", "low_good"),
                    ("measure", "other"),
                    ("decimals", "0"),
                    ("target_value", "ten"),
                ],
            )
            .await;
        assert_eq!(location(&res), "/officer/framework-new");
        let page = officer.get("/officer/framework-new").await;
        let summary = page.error_summary();
        assert!(
            summary
                .iter()
                .any(|s| s.starts_with("The key must be 3 to 60 lower-case letters")),
            "{summary:?}"
        );
        assert!(
            summary.contains(&"Enter a definition".to_string()),
            "{summary:?}"
        );
        assert!(
            summary.contains(&"Enter the target value as a number".to_string()),
            "{summary:?}"
        );
        assert_eq!(
            page.attr("#definition-title", "value").as_deref(),
            Some("People sleeping rough")
        );
        // Added, then loaded like any other indicator.
        let fields = [
            ("csrf", csrf.as_str()),
            ("key", "rough_sleepers"),
            ("title", "People sleeping rough"),
            (
                "definition",
                "The autumn snapshot of people sleeping rough on a single night.",
            ),
            ("priority", "safer"),
            ("polarity", "low_good"),
            ("measure", "other"),
            ("unit", "people"),
            ("decimals", "0"),
            ("publisher", "MHCLG, rough sleeping snapshot"),
            ("frequency", "annual"),
            ("baseline_period", "2023-01-01/P1Y"),
            ("baseline_value", "24"),
            ("target_value", "10"),
            ("target_date", "2028-03-31"),
        ];
        let res = officer.post("/officer/framework-new", &fields).await;
        assert_eq!(location(&res), "/officer/framework/rough_sleepers");
        let form = "/officer/framework/rough_sleepers/value";
        officer
            .post(
                form,
                &[
                    ("csrf", csrf.as_str()),
                    ("area", "E06000021"),
                    ("period", "2025-01-01/P1Y"),
                    ("value", "19"),
                    ("publish", "yes"),
                ],
            )
            .await;
        let body = framework_json(&app).await;
        let rs = indicator(&body, "rough_sleepers");
        assert_eq!(rs["priority"], "safer");
        assert_eq!(rs["latest"]["value"], 19.0);
        // No interval: the target is judged on the value alone, and says so.
        assert_eq!(
            rs["target"]["status"]["words"],
            "Target not met (on the value alone: no interval)"
        );
        let public = app.get("/wellbeing").await;
        assert!(public.words().contains("People sleeping rough"));
        // A survey indicator's target changes; its measure stays the engine's.
        let res = officer
            .post(
                "/officer/framework/wb_life_satisfaction_mean/definition",
                &[
                    ("csrf", csrf.as_str()),
                    ("title", "Life satisfaction"),
                    ("definition", "Average score."),
                    ("priority", "healthier"),
                    ("polarity", "high_good"),
                    ("publisher", "Kiln"),
                    ("frequency", "each wave"),
                    ("baseline_period", "2025-04-01/P1Y"),
                    ("baseline_value", "7.0"),
                    ("target_value", "7.5"),
                    ("target_date", "2029-03-31"),
                ],
            )
            .await;
        assert_eq!(
            location(&res),
            "/officer/framework/wb_life_satisfaction_mean"
        );
        let body = framework_json(&app).await;
        let ls = indicator(&body, "wb_life_satisfaction_mean");
        assert_eq!(
            (
                ls["title"].as_str(),
                ls["measure"].as_str(),
                ls["unit"].as_str()
            ),
            (Some("Life satisfaction"), Some("other"), Some("score"))
        );
        assert_eq!(ls["target"]["value"], 7.5);
    }
);
