//! Surveys, waves, wards and settings are kept in memory; a change made anywhere (another
//! instance, the command line, SQL typed by hand) shows on the next request.

use crate::common::*;
use reqwest::StatusCode;
use sea_orm::ConnectionTrait;

async fn sql(app: &TestApp, statement: &str) {
    app.db.execute_unprepared(statement).await.unwrap();
}

db_test!(
    changes_made_outside_the_app_show_on_the_next_request,
    |app: TestApp| async move {
        assert_eq!(app.get("/surveys/wellbeing").await.status, StatusCode::OK);
        let before = store::catalogue::version(&app.db).await.unwrap();

        sql(
            &app,
            // A version's document is the survey as residents meet it.
            r#"UPDATE survey_version SET document = REPLACE(document, '"title":"Wellbeing survey"', '"title":"Wellbeing in Stoke"')"#,
        )
        .await;
        assert!(store::catalogue::version(&app.db).await.unwrap() > before);
        assert!(app
            .get("/surveys/wellbeing")
            .await
            .text
            .contains("Wellbeing in Stoke"));

        let first = app.begin("wellbeing").await;
        sql(
            &app,
            "UPDATE area SET name = 'Meir Park and Sandon' WHERE name = 'Meir Park'",
        )
        .await;
        assert!(app.get(&first).await.text.contains("Meir Park and Sandon"));

        // A wave closed elsewhere stops taking answers here at once.
        sql(&app, "UPDATE wave SET status = 'closed'").await;
        let res = app.client.get(app.url(&first)).send().await.unwrap();
        assert_eq!(location(&res), "/surveys/wellbeing/closed");
        let page = app.get("/surveys/wellbeing").await;
        assert!(
            !page.text.contains("Start now"),
            "no start button for a closed survey"
        );

        // Adding and deleting count too (a benchmark set and removed by hand).
        let before = store::catalogue::version(&app.db).await.unwrap();
        sql(
            &app,
            "INSERT INTO benchmark (indicator_key, label, value) VALUES ('wb_anxiety_mean', 'x', 3.1)",
        )
        .await;
        let added = store::catalogue::version(&app.db).await.unwrap();
        assert!(added > before);
        sql(&app, "DELETE FROM benchmark").await;
        assert!(store::catalogue::version(&app.db).await.unwrap() > added);
    }
);

db_test!(
    a_postcode_lookup_loaded_or_emptied_by_hand_shows_on_the_next_request,
    |app: TestApp| async move {
        // Whether to offer the lookup is kept with the catalogue, not counted per request.
        let s1 = app.begin("wellbeing").await;
        assert!(app.get(&s1).await.select("#q-postcode").is_empty());

        let ward = app.ward_code("Boothen").await;
        sql(
            &app,
            &format!("INSERT INTO postcode (postcode, area_code) VALUES ('ST41HH', '{ward}')"),
        )
        .await;
        assert_eq!(app.get(&s1).await.select("#q-postcode").len(), 1);

        sql(&app, "DELETE FROM postcode").await;
        assert!(app.get(&s1).await.select("#q-postcode").is_empty());
    }
);
