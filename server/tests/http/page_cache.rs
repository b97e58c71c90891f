//! Published pages are kept in memory and sent again with a fresh nonce each time, until the
//! database says what they show has changed, whichever instance (or command, or hand-typed
//! SQL) changed it.

use crate::common::*;
use reqwest::StatusCode;
use sea_orm::ConnectionTrait;

async fn stamp(app: &TestApp) -> (i64, i64) {
    store::catalogue::published_stamp(&app.db).await.unwrap()
}

/// A page as sent, and the nonce its policy allows scripts by.
async fn fetch(app: &TestApp, path: &str) -> (String, String) {
    let res = app.client.get(app.url(path)).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK, "{path}");
    let policy = res.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_string();
    let nonce = policy
        .split("'nonce-")
        .nth(1)
        .unwrap()
        .split('\'')
        .next()
        .unwrap();
    (nonce.to_string(), res.text().await.unwrap())
}

/// Another Kiln process on the same database.
async fn second_instance(app: &TestApp) -> TestApp {
    let backend = match app.db.get_database_backend() {
        sea_orm::DbBackend::Postgres => Backend::Postgres,
        _ => Backend::Sqlite,
    };
    TestApp::builder(backend).beside(app).spawn().await
}

db_test!(
    published_pages_are_kept_until_what_they_show_changes,
    |app: TestApp| async move {
        let beside = second_instance(&app).await;
        let ward = app.ward_code("Meir Park").await;

        // Answers to a wave in fieldwork (a baseline, nothing of its survey published yet)
        // leave the published pages alone.
        let before = stamp(&app).await;
        let check = app.complete_wellbeing(&ward).await;
        assert!(app.submit(&check).await.ends_with("/done"));
        assert_eq!(stamp(&app).await, before);

        let csv = format!("{HEADER}\n{}", rows("a", &ward, 20, &[4, 9]));
        import(&app, "2026-baseline", &csv, false).await.unwrap();
        app.publish("2026-baseline").await;
        let path = format!("/results/wellbeing/2026-baseline/ward/{ward}");

        // The same page twice, each with its own nonce, in its policy and on its scripts.
        let (n1, first) = fetch(&app, &path).await;
        let (n2, second) = fetch(&app, &path).await;
        assert_ne!(n1, n2);
        assert!(second.contains(&format!("nonce=\"{n2}\"")));
        assert!(!second.contains(&n1));
        assert_eq!(first.replace(&n1, "N"), second.replace(&n2, "N"));
        assert!(first.contains("Meir Park"));
        // No data for a wasm that never runs on a public page.
        assert!(!first.contains("__RESOLVED_RESOURCES[0]"));

        // A ward renamed by hand shows on both instances at once.
        app.db
            .execute_unprepared(
                "UPDATE area SET name = 'Meir Park and Sandon' WHERE name = 'Meir Park'",
            )
            .await
            .unwrap();
        assert!(fetch(&app, &path).await.1.contains("Meir Park and Sandon"));
        assert!(fetch(&beside, &path)
            .await
            .1
            .contains("Meir Park and Sandon"));

        // Answers corrected in a published wave, and the framework's figures, move the
        // published pages' version.
        let before = stamp(&app).await;
        app.db
            .execute_unprepared("UPDATE response SET channel = channel")
            .await
            .unwrap();
        let after_responses = stamp(&app).await;
        assert!(after_responses.1 > before.1);
        app.db
            .execute_unprepared("UPDATE fw_indicator SET key = key")
            .await
            .unwrap();
        assert!(stamp(&app).await.1 > after_responses.1);

        // Someone signed in never gets the page kept for visitors.
        assert!(fetch(&app, &path).await.1.contains("Staff sign in"));
        let officer = app
            .signed_in("officer@example.org", domain::accounts::Role::Officer)
            .await;
        let page = officer.get(&path).await;
        assert!(page.text.contains("Dashboard"));
        assert!(!page.text.contains("Staff sign in"));
    }
);

db_test!(
    survey_start_pages_are_kept_until_their_survey_changes,
    |app: TestApp| async move {
        let beside = second_instance(&app).await;
        let path = "/surveys/wellbeing";
        let start = "action=\"/surveys/wellbeing/begin\"";
        let (n1, first) = fetch(&app, path).await;
        let (n2, second) = fetch(&app, path).await;
        assert_ne!(n1, n2);
        assert_eq!(first.replace(&n1, "N"), second.replace(&n2, "N"));
        assert!(first.contains(start));
        assert!(fetch(&beside, path).await.1.contains(start));

        // Its round of fieldwork closed by hand: neither instance offers to start.
        app.db
            .execute_unprepared(
                "UPDATE wave SET status = 'closed' WHERE status = 'open' AND survey_id = \
                 (SELECT id FROM survey WHERE key = 'wellbeing')",
            )
            .await
            .unwrap();
        assert!(!fetch(&app, path).await.1.contains(start));
        assert!(!fetch(&beside, path).await.1.contains(start));
    }
);
