//! Accounts, sessions, CSRF, the access matrix, publication and exports, on SQLite and
//! PostgreSQL, over real HTTP with a cookie-keeping client per person.

use crate::common::{import, location, rows, Agent, TestApp, HEADER, PASSWORD};
use domain::accounts::Role;
use reqwest::StatusCode;

const WAVE: &str = "/officer/wellbeing/2026-baseline";

/// Publishes as the publication page's button does (after saying what will change).
async fn publish(a: &Agent) -> reqwest::Response {
    let csrf = a.csrf().await;
    a.post(
        &format!("{WAVE}/change"),
        &[("csrf", &csrf), ("action", "publish"), ("confirmed", "yes")],
    )
    .await
}

/// 40 answers in one ward, 3 in another (withheld), with a formula-like free text.
async fn some_answers(app: &TestApp) {
    let csv = format!(
        "{HEADER}\n{}{}",
        rows("a", "DEMO01", 40, &[2, 8]),
        rows("b", "DEMO02", 3, &[9])
    );
    import(app, "2026-baseline", &csv, false).await.unwrap();
}

db_test!(
    signing_in_gives_a_new_session_and_signing_out_ends_it,
    |app: TestApp| async move {
        app.make_user("jo@stoke.gov.uk", Role::Officer).await;
        let a = app.agent();
        // Not signed in: pages send you to sign in, and say where you were going.
        let res = a.get_raw("/officer").await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(&res), "/sign-in?next=%2Fofficer");

        let res = a.sign_in("JO@stoke.gov.uk ", PASSWORD).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        let cookie = res.headers()["set-cookie"].to_str().unwrap().to_string();
        assert!(
            cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
            "{cookie}"
        );
        let token = cookie
            .split(';')
            .next()
            .unwrap()
            .split_once('=')
            .unwrap()
            .1
            .to_string();
        assert_eq!(a.get("/officer").await.status, StatusCode::OK);

        // Signing in again (fixation): a new token, and the old one is dead.
        let again = a.sign_in("jo@stoke.gov.uk", PASSWORD).await;
        let cookie2 = again.headers()["set-cookie"].to_str().unwrap().to_string();
        assert_ne!(cookie, cookie2);
        let stale = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(crate::common::REQUEST_TIMEOUT)
            .build()
            .unwrap();
        let res = stale
            .get(app.url("/officer"))
            .header("cookie", format!("kiln_session={token}"))
            .send()
            .await
            .unwrap();
        assert_eq!(
            res.status(),
            StatusCode::SEE_OTHER,
            "the old session must not work"
        );

        // Sign out needs the token, then ends the session on the server.
        let res = a.post("/sign-out", &[]).await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN);
        let csrf = a.csrf().await;
        let res = a.post("/sign-out", &[("csrf", &csrf)]).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        assert_eq!(a.get_raw("/officer").await.status(), StatusCode::SEE_OTHER);
        use sea_orm::{EntityTrait, PaginatorTrait};
        assert_eq!(
            store::entity::user_session::Entity::find()
                .count(&app.db)
                .await
                .unwrap(),
            0
        );
    }
);

db_test!(idle_and_old_sessions_end, |app: TestApp| async move {
    let a = app.signed_in("jo@stoke.gov.uk", Role::Officer).await;
    app.advance(29 * 60);
    assert_eq!(
        a.get_raw("/officer").await.status(),
        StatusCode::OK,
        "idle for 29 minutes: still signed in, and the request counts as use"
    );
    app.advance(29 * 60);
    assert_eq!(
        a.get_raw("/officer").await.status(),
        StatusCode::OK,
        "29 minutes after the last request"
    );
    app.advance(30 * 60);
    assert_eq!(
        a.get_raw("/officer").await.status(),
        StatusCode::SEE_OTHER,
        "idle for 30 minutes"
    );

    // In use all along, a session still ends 12 hours after sign-in.
    let b = app.agent();
    b.sign_in("jo@stoke.gov.uk", PASSWORD).await;
    for _ in 0..(12 * 60 / 20 - 1) {
        app.advance(20 * 60);
        assert_eq!(b.get_raw("/officer").await.status(), StatusCode::OK);
    }
    app.advance(20 * 60 - 1);
    assert_eq!(
        b.get_raw("/officer").await.status(),
        StatusCode::OK,
        "a second short of 12 hours"
    );
    app.advance(1);
    assert_eq!(
        b.get_raw("/officer").await.status(),
        StatusCode::SEE_OTHER,
        "12 hours after sign-in"
    );
    // Ended sessions are gone from the database too, not only refused.
    use sea_orm::{EntityTrait, PaginatorTrait};
    assert_eq!(
        store::entity::user_session::Entity::find()
            .count(&app.db)
            .await
            .unwrap(),
        0
    );
});

db_test!(
    wrong_passwords_are_slowed_then_refused_per_account,
    |app: TestApp| async move {
        app.make_user("jo@stoke.gov.uk", Role::Officer).await;
        app.make_user("sam@stoke.gov.uk", Role::Officer).await;
        let a = app.agent();
        let res = a
            .sign_in("jo@stoke.gov.uk", "not the password at all")
            .await;
        assert!(location(&res).contains("error=invalid"));
        assert!(
            !location(&res).contains("stoke.gov.uk"),
            "no email address in the page's address (history, logs)"
        );
        let page = a.get(&location(&res)).await;
        assert_eq!(
            page.attr("#email", "value").as_deref(),
            Some("jo@stoke.gov.uk"),
            "the email typed is kept"
        );
        // Shown once: a reload starts afresh.
        let again = a.get(&location(&res)).await;
        assert_eq!(again.attr("#email", "value").unwrap_or_default(), "");
        assert_eq!(
            page.error_summary(),
            vec!["Enter a correct email address and password"]
        );
        for _ in 0..4 {
            a.sign_in("jo@stoke.gov.uk", "not the password at all")
                .await;
        }
        // Locked for a while, even with the right password...
        let res = a.sign_in("jo@stoke.gov.uk", PASSWORD).await;
        assert!(
            location(&res).contains("error=locked"),
            "{}",
            location(&res)
        );
        // ...but a colleague at the same address is not.
        let res = app.agent().sign_in("sam@stoke.gov.uk", PASSWORD).await;
        assert_eq!(location(&res), "/officer");
        // The lock lifts when the failures are 15 minutes old, and not a second before.
        app.advance(domain::accounts::THROTTLE_WINDOW - 1);
        let res = a.sign_in("jo@stoke.gov.uk", PASSWORD).await;
        assert!(location(&res).contains("error=locked"));
        app.advance(1);
        let res = a.sign_in("jo@stoke.gov.uk", PASSWORD).await;
        assert_eq!(location(&res), "/officer");
        // And it is all in the audit log.
        let (events, _) = store::audit::page(&app.db, 0, 100).await.unwrap();
        let actions: Vec<&str> = events.iter().map(|e| e.action.as_str()).collect();
        assert!(
            actions.contains(&"sign_in_failed")
                && actions.contains(&"sign_in_refused")
                && actions.contains(&"signed_in")
        );
    }
);

db_test!(
    posts_without_the_token_or_from_another_site_are_refused,
    |app: TestApp| async move {
        let a = app
            .signed_in("admin@stoke.gov.uk", Role::Administrator)
            .await;
        let res = a
            .post(&format!("{WAVE}/change"), &[("action", "publish")])
            .await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN);
        let csrf = a.csrf().await;
        let res = a
            .client
            .post(a.url(&format!("{WAVE}/change")))
            .header("origin", "https://evil.example")
            .form(&[("csrf", csrf.as_str()), ("action", "publish")])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::FORBIDDEN);
        let (_, w) = store::waves::find(&app.db, "wellbeing", "2026-baseline")
            .await
            .unwrap()
            .unwrap();
        assert!(!w.published, "nothing was published");
        // The sign-in form is guarded too.
        let res = app
            .agent()
            .post(
                "/sign-in",
                &[("email", "admin@stoke.gov.uk"), ("password", PASSWORD)],
            )
            .await;
        assert!(location(&res).contains("error=form"));
    }
);

db_test!(every_route_checks_access, |app: TestApp| async move {
    some_answers(&app).await;
    let anon = app.agent();
    let officer = app.signed_in("officer@stoke.gov.uk", Role::Officer).await;
    let admin = app
        .signed_in("admin@stoke.gov.uk", Role::Administrator)
        .await;
    // (path, anonymous, officer, administrator, text only the allowed may see)
    let matrix: &[(&str, u16, u16, u16, &str)] = &[
        ("/officer", 303, 200, 200, "Results dashboard"),
        (WAVE, 303, 200, 200, "Manage this wave"),
        (
            "/officer/wellbeing/2026-baseline/indicator/wb_life_satisfaction_mean",
            303,
            200,
            200,
            "By ward",
        ),
        (
            "/officer/wellbeing/2026-baseline/fieldwork",
            303,
            200,
            200,
            "Responses by ward",
        ),
        (
            "/officer/wellbeing/2026-baseline/indicators.csv",
            303,
            200,
            200,
            "indicator,area_code",
        ),
        ("/admin/users", 303, 403, 200, "officer@stoke.gov.uk"),
        ("/admin/audit", 303, 403, 200, "signed in"),
        ("/admin/settings", 303, 403, 200, "Disclosure threshold"),
        ("/admin/areas", 303, 403, 200, "Replace the wards"),
        ("/admin/areas.csv", 303, 403, 200, "code,name,group"),
        (
            "/admin/wellbeing/2026-baseline/responses.csv",
            303,
            403,
            200,
            "response_id",
        ),
        (
            "/results/wellbeing/2026-baseline",
            404,
            404,
            404,
            "Manage this wave",
        ),
        ("/results", 200, 200, 200, "Survey results"),
        ("/results/methodology", 200, 200, 200, "Withheld figures"),
    ];
    for (path, a, o, d, secret) in matrix {
        for (who, agent, want) in [
            ("anonymous", &anon, a),
            ("officer", &officer, o),
            ("admin", &admin, d),
        ] {
            let res = agent.get_raw(path).await;
            let status = res.status().as_u16();
            let body = res.text().await.unwrap();
            assert_eq!(status, *want, "{who} GET {path}");
            if *want != 200 {
                assert!(!body.contains(secret), "{who} GET {path} leaked {secret:?}");
            } else {
                assert!(
                    body.contains(secret),
                    "{who} GET {path} should show {secret:?}"
                );
            }
        }
    }
    // Server functions behind the pages are guarded the same way.
    for (path, want_anon, want_officer) in [
        ("/api/officer/home", 401, 200),
        ("/api/admin/users", 401, 403),
        ("/api/admin/areas", 401, 403),
    ] {
        for (who, agent, want) in [
            ("anonymous", &anon, want_anon),
            ("officer", &officer, want_officer),
        ] {
            // As the hydrated page calls them (an HTML Accept would get a no-JS redirect).
            let res = agent
                .client
                .post(agent.url(path))
                .header("accept", "application/json")
                .send()
                .await
                .unwrap();
            assert_eq!(res.status().as_u16(), want, "{who} POST {path}");
        }
    }
});

db_test!(
    publishing_shows_results_to_everyone_with_small_cells_withheld,
    |app: TestApp| async move {
        some_answers(&app).await;
        let admin = app
            .signed_in("admin@stoke.gov.uk", Role::Administrator)
            .await;
        assert_eq!(
            app.agent()
                .get_raw("/results/wellbeing/2026-baseline/indicators.csv")
                .await
                .status(),
            StatusCode::NOT_FOUND
        );
        // Publishing says first what will become public, and publishes nothing yet.
        let csrf = admin.csrf().await;
        let res = admin
            .post(
                &format!("{WAVE}/change"),
                &[("csrf", &csrf), ("action", "publish")],
            )
            .await;
        assert_eq!(location(&res), format!("{WAVE}/publication"));
        let check = admin.get(&location(&res)).await;
        assert!(check.text.contains("Publish 2026 baseline?"));
        let summary = check
            .texts("[data-testid=publication-summary] li")
            .join("|");
        assert!(
            summary.contains("of those figures are withheld (fewer than 10 answers)"),
            "{summary}"
        );
        assert_eq!(
            check.attr("input[name=confirmed]", "value").as_deref(),
            Some("yes")
        );
        let (_, w) = store::waves::find(&app.db, "wellbeing", "2026-baseline")
            .await
            .unwrap()
            .unwrap();
        assert!(!w.published, "nothing is published before the confirmation");

        let res = publish(&admin).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        assert!(location(&res).ends_with("done=publish"));
        // The wave's page says who published it, and when.
        let wave = admin.get(WAVE).await;
        let who = wave.texts("[data-testid=last-publication]").join("");
        assert!(who.starts_with("Published by "), "{who}");
        let check = admin.get(&format!("{WAVE}/publication")).await;
        assert!(check
            .text
            .contains("Withdraw 2026 baseline from publication?"));

        let public = app.agent();
        let page = public
            .get("/results/wellbeing/2026-baseline/indicator/wb_life_satisfaction_mean")
            .await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(
            page.text.contains("fewer than 10"),
            "the 3-answer ward is withheld"
        );
        let ward = public
            .get("/results/wellbeing/2026-baseline/ward/DEMO02")
            .await;
        assert!(ward.text.contains("fewer than 10"));
        assert!(
            !ward.text.contains(">9.0<"),
            "no figure for the withheld ward"
        );

        // Open data: withheld cells are empty in every format.
        let csv = public
            .get_raw("/results/wellbeing/2026-baseline/indicators.csv")
            .await
            .text()
            .await
            .unwrap();
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        let mut saw_withheld = false;
        for r in reader.records() {
            let r = r.unwrap();
            if &r[1] == "DEMO02" && r[4].is_empty() {
                saw_withheld = true;
                assert_eq!(&r[10], "true");
                assert!(r[5].is_empty() && r[7].is_empty() && r[8].is_empty() && r[9].is_empty());
            }
        }
        assert!(saw_withheld);
        let xlsx = admin
            .get_raw("/officer/wellbeing/2026-baseline/indicators.xlsx")
            .await;
        assert_eq!(xlsx.status(), StatusCode::OK);
        assert!(
            xlsx.bytes().await.unwrap().starts_with(b"PK"),
            "an XLSX is a zip file"
        );

        let (events, _) = store::audit::page(&app.db, 0, 100).await.unwrap();
        assert!(events.iter().any(|e| e.action == "publication"));
        assert!(events
            .iter()
            .any(|e| e.action == "export" && e.detail.contains("XLSX")));
    }
);

db_test!(
    raw_responses_are_safe_in_a_spreadsheet,
    |app: TestApp| async move {
        // A cell a spreadsheet would run as a formula (here an id from an imported file).
        let check = app.complete_wellbeing("DEMO03").await;
        app.submit(&check).await;
        use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait};
        let r = store::entity::response::Entity::find()
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        let mut active: store::entity::response::ActiveModel = r.into();
        active.external_id = Set("=HYPERLINK(\"http://evil\")".into());
        active.update(&app.db).await.unwrap();

        let admin = app
            .signed_in("admin@stoke.gov.uk", Role::Administrator)
            .await;
        let res = admin
            .get_raw("/admin/wellbeing/2026-baseline/responses.csv")
            .await;
        assert_eq!(res.status(), StatusCode::OK);
        let body = res.text().await.unwrap();
        assert!(body.contains("'=HYPERLINK"), "{body}");
        assert!(!body
            .lines()
            .any(|l| l.starts_with("=HYPERLINK") || l.starts_with("\"=HYPERLINK")));
        assert!(body.contains("DEMO03"));
        let (events, _) = store::audit::page(&app.db, 0, 10).await.unwrap();
        assert!(events
            .iter()
            .any(|e| e.action == "export" && e.detail.contains("raw responses")));
    }
);

db_test!(
    administrators_manage_users_with_errors_beside_fields,
    |app: TestApp| async move {
        let admin = app
            .signed_in("admin@stoke.gov.uk", Role::Administrator)
            .await;
        let csrf = admin.csrf().await;
        let res = admin
            .post(
                "/admin/users",
                &[
                    ("csrf", &csrf),
                    ("name", "Sam"),
                    ("email", "sam@"),
                    ("role", "officer"),
                ],
            )
            .await;
        let page = admin.get(&location(&res)).await;
        assert_eq!(
            page.error_summary(),
            vec!["Enter an email address in the correct format, like name@example.gov.uk"]
        );
        assert_eq!(
            page.attr("#new-name", "value").as_deref(),
            Some("Sam"),
            "typed values are kept"
        );
        assert_eq!(page.attr("#new-email", "value").as_deref(), Some("sam@"));
        let res = admin
            .post(
                "/admin/users",
                &[
                    ("csrf", &csrf),
                    ("name", "Sam"),
                    ("email", "sam@stoke.gov.uk"),
                    ("role", "officer"),
                ],
            )
            .await;
        assert!(location(&res).contains("invited="));
        // Sam chooses a password from the emailed invitation.
        app.deliver_mail().await;
        let mail = app.mail_taken().await;
        let link = mail[0].link(&app.base, "/invitation/");
        assert_eq!(
            app.choose_password(&link, PASSWORD).await,
            "/sign-in?welcome=1"
        );
        let res = app.agent().sign_in("sam@stoke.gov.uk", PASSWORD).await;
        assert_eq!(location(&res), "/officer");
        // The last administrator cannot be switched off.
        let me = store::users::all(&app.db)
            .await
            .unwrap()
            .into_iter()
            .find(|u| u.email == "admin@stoke.gov.uk")
            .unwrap();
        let res = admin
            .post(
                &format!("/admin/users/{}", me.id),
                &[("csrf", &csrf), ("role", "officer"), ("active", "1")],
            )
            .await;
        assert!(location(&res).contains("last_admin"));
    }
);

db_test!(
    refused_settings_keep_what_was_typed_beside_the_right_form,
    |app: TestApp| async move {
        let admin = app
            .signed_in("admin@stoke.gov.uk", Role::Administrator)
            .await;
        let csrf = admin.csrf_from("/admin/settings").await;
        let res = admin
            .post(
                "/admin/settings/threshold",
                &[("csrf", &csrf), ("threshold", "three")],
            )
            .await;
        let to = location(&res);
        assert!(!to.contains("three"), "{to}");
        let page = admin.get(&to).await;
        assert_eq!(page.error_summary().len(), 1);
        assert_eq!(page.attr("#threshold", "value").as_deref(), Some("three"));

        // Every benchmark is one form: one row refused, another right, a third emptied.
        let life = "wb_life_satisfaction_mean";
        let lonely = "wb_loneliness_often";
        let res = admin
            .post(
                "/admin/settings/benchmarks",
                &[
                    ("csrf", &csrf),
                    (&format!("source-{life}"), "ONS APS 2024/25"),
                    (&format!("value-{life}"), "eleven"),
                    (&format!("source-{lonely}"), "Community Life Survey 2023/24"),
                    (&format!("value-{lonely}"), "7"),
                ],
            )
            .await;
        let to = location(&res);
        assert!(!to.contains("eleven") && !to.contains("ONS"), "{to}");
        let page = admin.get(&to).await;
        let summary = page.error_summary();
        assert_eq!(summary.len(), 1, "{summary:?}");
        assert!(summary[0].contains("Life satisfaction"), "{summary:?}");
        let id = format!("b-{life}");
        assert_eq!(
            page.attr(&format!("#{id}-source"), "value").as_deref(),
            Some("ONS APS 2024/25")
        );
        assert_eq!(
            page.attr(&format!("#{id}-value"), "value").as_deref(),
            Some("eleven")
        );
        assert!(!page.select(&format!("#{id}-value-error")).is_empty());
        assert_eq!(
            page.attr(&format!("#{id}-value"), "aria-describedby"),
            Some(format!("{id}-value-error"))
        );
        // The right row kept what was typed too, and nothing was saved.
        assert_eq!(
            page.attr(&format!("#b-{lonely}-value"), "value").as_deref(),
            Some("7")
        );
        assert!(store::benchmarks::all(&app.db)
            .await
            .unwrap()
            .iter()
            .all(|b| b.indicator_key != lonely));
        // Other rows keep their own values.
        assert!(!page
            .select("input[name^=value-]")
            .iter()
            .filter(|e| e.value().id() != Some(&format!("{id}-value")))
            .any(|e| e.value().attr("value") == Some("eleven")));
        // The whole form right: both saved in one go, and one Save on the page.
        let csrf = admin.csrf_from("/admin/settings").await;
        let res = admin
            .post(
                "/admin/settings/benchmarks",
                &[
                    ("csrf", &csrf),
                    (&format!("source-{life}"), "ONS APS 2024/25"),
                    (&format!("value-{life}"), "7.4"),
                    (&format!("source-{lonely}"), "Community Life Survey 2023/24"),
                    (&format!("value-{lonely}"), "7%"),
                ],
            )
            .await;
        let page = admin.get(&location(&res)).await;
        assert!(
            page.text.contains("2 benchmarks are saved."),
            "{}",
            page.text
        );
        let saved = store::benchmarks::all(&app.db).await.unwrap();
        let value = |k: &str| saved.iter().find(|b| b.indicator_key == k).map(|b| b.value);
        assert_eq!(value(life), Some(7.4));
        assert_eq!(value(lonely), Some(0.07));
        assert_eq!(
            page.select("form[action='/admin/settings/benchmarks']")
                .len(),
            1
        );
        // Emptying a row removes its benchmark.
        let csrf = admin.csrf_from("/admin/settings").await;
        admin
            .post(
                "/admin/settings/benchmarks",
                &[
                    ("csrf", &csrf),
                    (&format!("source-{lonely}"), ""),
                    (&format!("value-{lonely}"), ""),
                ],
            )
            .await;
        let saved = store::benchmarks::all(&app.db).await.unwrap();
        assert!(saved.iter().all(|b| b.indicator_key != lonely));
        assert!(saved.iter().any(|b| b.indicator_key == life));
    }
);
