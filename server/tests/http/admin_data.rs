//! Administrators' uploads (the ward list and population totals) and the annual report, on
//! SQLite and PostgreSQL, over real HTTP as a browser without JavaScript sends them.

use crate::common::{import, location, rows, Agent, TestApp, HEADER};
use domain::accounts::Role;
use reqwest::multipart::{Form, Part};
use reqwest::StatusCode;

/// Posts a file as the page's upload form does; answers the redirect's target.
async fn upload(a: &Agent, path: &str, csrf: &str, file: &str) -> reqwest::Response {
    let mut form = Form::new().text("csrf", csrf.to_string());
    form = form.part(
        "file",
        Part::bytes(file.as_bytes().to_vec())
            .file_name("upload.csv")
            .mime_str("text/csv")
            .unwrap(),
    );
    a.client
        .post(a.url(path))
        .multipart(form)
        .send()
        .await
        .expect("upload")
}

/// Uploads as `upload` does and follows the redirect back to the page.
async fn upload_and_see(a: &Agent, path: &str, csrf: &str, file: &str) -> crate::common::Page {
    a.get(&location(&upload(a, path, csrf, file).await)).await
}

/// The text of the report's ward-table row for a ward, cells joined by `|`.
fn ward_row(page: &crate::common::Page, ward: &str) -> String {
    page.select("table.table-report tbody tr")
        .into_iter()
        .map(|r| r.text().collect::<Vec<_>>().join("|"))
        .find(|r| r.contains(ward))
        .unwrap_or_else(|| panic!("no row for {ward}"))
}

const THREE_WARDS: &str = "code,name,group,tile_col,tile_row\n\
    DEMO01,Baddeley & Norton,North,1,0\n\
    E05008001,Abbey Hulton & Townsend,North,0,0\n\
    E05008002,Blurton West,South Area,0,1\n";

fn population_for(codes: &[&str]) -> String {
    let mut csv = String::from("area,age_band,sex,count\n");
    for code in codes {
        for age in domain::indicators::data::AGE_BANDS {
            for sex in ["female", "male"] {
                csv.push_str(&format!("{code},{age},{sex},100\n"));
            }
        }
    }
    csv
}

db_test!(
    an_administrator_replaces_the_wards_then_the_population,
    |app: TestApp| async move {
        let admin = app
            .signed_in("admin@stoke.gov.uk", Role::Administrator)
            .await;
        let csrf = admin.csrf().await;
        let before = admin.get("/admin/areas").await;
        assert!(before.text.contains("34 wards"), "{}", before.text);
        assert!(before.text.contains("illustrative"));

        let res = upload(&admin, "/admin/areas", &csrf, THREE_WARDS).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        let page = admin.get(&location(&res)).await;
        assert!(
            page.text
                .contains("The areas are saved: 3 wards (2 added, 33 removed)."),
            "{}",
            page.text
        );
        assert!(page
            .text
            .contains("population totals were for the old wards"));
        assert!(page.text.contains("No population totals are loaded"));
        assert!(page.text.contains("Blurton West"));

        let dir = store::areas::AreaDirectory::load(&app.db).await.unwrap();
        assert_eq!(dir.wards.len(), 3);
        assert_eq!(dir.groups.len(), 2);
        let kept = dir.ward("DEMO01").unwrap();
        assert_eq!(
            (kept.name.as_str(), kept.tile),
            ("Baddeley & Norton", Some((1, 0)))
        );
        // Residents now choose from the new list.
        let start = app.begin("wellbeing").await;
        let section = app.get(&start).await;
        assert!(section.text.contains("Blurton West") && !section.text.contains("Tunstall"));

        let page = upload_and_see(
            &admin,
            "/admin/population",
            &csrf,
            &population_for(&["DEMO01", "E05008001", "E05008002"]),
        )
        .await;
        assert!(
            page.text
                .contains("The population totals are saved: 42 rows."),
            "{}",
            page.text
        );
        assert!(page.text.contains("for 4200 residents aged 16 and over."));
        assert!(!page.text.contains("illustrative figures"));

        // The current list comes back in the upload format.
        let csv = admin
            .get_raw("/admin/areas.csv")
            .await
            .text()
            .await
            .unwrap();
        assert!(
            csv.starts_with("code,name,group,group_code,tile_col,tile_row\n"),
            "{csv}"
        );
        assert!(csv.contains("E05008002,Blurton West,South Area,SOUTH-AREA,0,1"));

        let audit = admin.get("/admin/audit").await;
        assert!(audit
            .text
            .contains("3 wards in 2 groups (2 added, 33 removed; population totals removed)"));
        assert!(audit.text.contains("42 rows, 4200 residents"));
    }
);

db_test!(
    a_bad_upload_changes_nothing_and_says_what_to_fix,
    |app: TestApp| async move {
        let admin = app
            .signed_in("admin@stoke.gov.uk", Role::Administrator)
            .await;
        let csrf = admin.csrf().await;

        let page = upload_and_see(
            &admin,
            "/admin/areas",
            &csrf,
            "code,name,group\nW1,Alpha,North\nW1,Beta,\n",
        )
        .await;
        assert_eq!(
            page.error_summary(),
            ["The file has 2 problems; nothing was changed. Correct the file and upload it again."]
        );
        assert_eq!(
            page.attr(".error-summary-list a", "href").as_deref(),
            Some("#areas-file")
        );
        let listed = page.texts(".error-list li");
        assert!(listed.contains(&"line 3, column code: W1 appears more than once".to_string()));
        assert!(listed.contains(&"line 3, column group: the group is empty".to_string()));
        // Shown once: the notice travelled in a cookie the page has now cleared.
        let again = admin.get("/admin/areas").await;
        assert!(again.error_summary().is_empty());
        assert!(again.texts(".error-list li").is_empty());

        let page = upload_and_see(&admin, "/admin/population", &csrf, "").await;
        assert_eq!(page.error_summary(), ["Select a CSV file to upload"]);

        let page = upload_and_see(
            &admin,
            "/admin/population",
            &csrf,
            "area,age_band,sex,count\nNowhere,16-24,female,x\n",
        )
        .await;
        let listed = page.texts(".error-list li");
        assert!(
            listed
                .iter()
                .any(|l| l.contains("no area has the code or name \"Nowhere\"")),
            "{listed:?}"
        );

        // Changing the wards would remove the population a weighted wave needs.
        let (_, wave) = store::waves::find(&app.db, "wellbeing", "2026-baseline")
            .await
            .unwrap()
            .unwrap();
        store::waves::apply(
            &app.db,
            &wave,
            store::waves::WaveChange::Weighting(true),
            app.clock.today(),
        )
        .await
        .unwrap();
        let page = upload_and_see(&admin, "/admin/areas", &csrf, THREE_WARDS).await;
        let summary = page.error_summary().join(" ");
        assert!(
            summary.contains("turn weighting off first for Wellbeing survey: 2026 baseline"),
            "{summary}"
        );
        store::waves::apply(
            &app.db,
            &wave,
            store::waves::WaveChange::Weighting(false),
            app.clock.today(),
        )
        .await
        .unwrap();

        // A ward with responses cannot be left out.
        import(
            &app,
            "2026-baseline",
            &format!("{HEADER}\n{}", rows("r", "DEMO05", 3, &[7])),
            false,
        )
        .await
        .unwrap();
        let page = upload_and_see(&admin, "/admin/areas", &csrf, THREE_WARDS).await;
        let summary = page.error_summary().join(" ");
        assert!(
            summary.contains("these wards have responses, so they must stay in the file"),
            "{summary}"
        );
        assert!(summary.contains("(DEMO05, 3 responses)"), "{summary}");
        assert_eq!(
            store::areas::AreaDirectory::load(&app.db)
                .await
                .unwrap()
                .wards
                .len(),
            34
        );

        // Without the session's token, or as an officer, nothing happens.
        let res = upload(&admin, "/admin/areas", "forged", THREE_WARDS).await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN);
        let officer = app.signed_in("officer@stoke.gov.uk", Role::Officer).await;
        let token = officer.csrf().await;
        let res = upload(
            &officer,
            "/admin/population",
            &token,
            &population_for(&["DEMO01"]),
        )
        .await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN);
        assert!(store::settings::population_is_illustrative(&app.db)
            .await
            .unwrap());
    }
);

db_test!(
    the_annual_report_leads_with_headlines_and_tabulates_wards,
    |app: TestApp| async move {
        let year = chrono::Utc::now().format("%Y").to_string();
        let report = format!("/annual-report/{year}");
        let anon = app.agent();
        assert_eq!(anon.get_raw(&report).await.status(), StatusCode::NOT_FOUND);

        let csv = format!(
            "{HEADER}\n{}{}",
            rows("a", "DEMO01", 40, &[2, 8]),
            rows("b", "DEMO02", 3, &[9])
        );
        import(&app, "2026-baseline", &csv, false).await.unwrap();
        app.publish("2026-baseline").await;

        let list = anon.get("/results").await;
        assert!(list.text.contains(&format!("Annual report {year}")));
        let page = anon.get(&report).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.text.contains("Wellbeing"));
        assert!(
            !page.text.contains("Community cohesion"),
            "unpublished surveys stay out"
        );
        // Headline indicators only, with their change since the baseline.
        let headline = page.texts("section.theme th[scope=row]");
        assert!(headline.contains(&"Life satisfaction: average score (0 to 10)".to_string()));
        assert!(!headline.iter().any(|h| h.contains("very high")));
        // The ward table: DEMO01 shown, DEMO02's three answers withheld, as everywhere.
        let baddeley = ward_row(&page, "Baddeley");
        assert!(baddeley.contains("5.0"), "{baddeley}");
        let bradeley = ward_row(&page, "Bradeley");
        assert!(
            bradeley.contains("[c]") && !bradeley.contains("9.0"),
            "{bradeley}"
        );
        assert_eq!(
            anon.get_raw("/annual-report/1999").await.status(),
            StatusCode::NOT_FOUND
        );
    }
);

db_test!(
    the_demo_has_a_published_baseline_and_an_open_follow_up,
    |app: TestApp| async move {
        let report = store::demo::seed_responses(&app.db, &app.clock)
            .await
            .unwrap();
        assert_eq!(report.waves_added, 2);
        assert_eq!(report.responses_added, 2 * (1200 + 580));
        // Only once.
        let again = store::demo::seed_responses(&app.db, &app.clock)
            .await
            .unwrap();
        assert_eq!(again, store::demo::DemoReport::default());

        let (_, base) = store::waves::find(&app.db, "wellbeing", "2026-baseline")
            .await
            .unwrap()
            .unwrap();
        assert!(base.published && base.weighted && base.is_baseline && base.status == "closed");
        let survey = store::surveys::by_key(&app.db, "cohesion")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            survey.open_wave.map(|w| w.key).as_deref(),
            Some(store::demo::FOLLOW_UP_KEY)
        );

        // The follow-up's results show change since the baseline, and some wards withheld.
        let admin = app
            .signed_in("admin@stoke.gov.uk", Role::Administrator)
            .await;
        let page = admin.get("/officer/wellbeing/2026-autumn").await;
        assert!(page
            .text
            .contains("Change is measured from the baseline wave, 2026 baseline."));
        assert!(page.text.contains("Increased") || page.text.contains("Decreased"));
        let map = admin
            .get("/officer/wellbeing/2026-autumn/indicator/wb_life_satisfaction_mean")
            .await;
        assert!(map.text.contains("fewer than 10"));

        // Wards with responses, in weighted waves, cannot be swapped out.
        let csrf = admin.csrf().await;
        let page = upload_and_see(&admin, "/admin/areas", &csrf, THREE_WARDS).await;
        assert!(page.error_summary()[0].contains("these wards have responses"));
    }
);
