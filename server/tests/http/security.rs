//! The security review's findings, each a test that failed before its fix: sign-in
//! throttling under parallel attempts, bounded password hashing, locks that a correct
//! password passes, open redirects, proxy addresses, the Origin check, HSTS, drafts of closed
//! waves, receipts that lead to answers, rate limits on the survey and formula cells in
//! downloads.

use crate::common::{import, location, rows, Backend, TestApp, HEADER, PASSWORD};
use domain::accounts::Role;
use reqwest::StatusCode;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};
use store::entity::{audit_event, sign_in_failure};

async fn audit_count(app: &TestApp, action: &str) -> usize {
    audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq(action))
        .all(&app.db)
        .await
        .unwrap()
        .len()
}

/// Failed sign-ins recorded for `email` from `ip`, `n` of them, as if they had just happened.
async fn failures(app: &TestApp, email: &str, ip: &str, n: usize) {
    for _ in 0..n {
        sign_in_failure::ActiveModel {
            email: Set(email.to_string()),
            ip: Set(ip.to_string()),
            at: Set(app.clock.now()),
            ..Default::default()
        }
        .insert(&app.db)
        .await
        .unwrap();
    }
}

/// Posts the sign-in form; returns where it leads.
async fn sign_in_as(app: &TestApp, email: &str, password: &str, next: &str) -> String {
    let a = app.agent();
    let res = a.sign_in_to(email, password, next).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    location(&res)
}

db_test!(
    parallel_wrong_passwords_get_no_more_tries_than_in_turn,
    |app: TestApp| async move {
        app.make_user("target@example.org", Role::Officer).await;
        let a = app.agent();
        let token = a.get("/sign-in").await.token();
        let (a, token) = (&a, &token);
        let attempts = (0..30).map(|_| async move {
            a.post(
                "/sign-in",
                &[
                    ("email", "target@example.org"),
                    ("password", "a wrong guess, again"),
                    ("token", token.as_str()),
                ],
            )
            .await
        });
        let results = futures_util::future::join_all(attempts).await;
        assert!(results.iter().all(|r| r.status() == StatusCode::SEE_OTHER));
        // Sent together, they get no more password checks than sent one after another (each
        // sees the others in flight, so often fewer).
        let checked = audit_count(&app, "sign_in_failed").await;
        assert!(checked <= 5, "{checked} passwords checked");
        // Then one at a time, until refused: five checks in all, never more.
        for _ in 0..6 {
            let to = sign_in_as(&app, "target@example.org", "one more guess", "/officer").await;
            if to.contains("error=locked_here") {
                break;
            }
        }
        assert_eq!(audit_count(&app, "sign_in_failed").await, 5);
        // Refusals are audited once a minute per account and address, not 25 times.
        assert_eq!(audit_count(&app, "sign_in_refused").await, 1);
        // And now even the right password is refused from here, saying why.
        let to = sign_in_as(&app, "target@example.org", PASSWORD, "/officer").await;
        assert!(to.contains("error=locked_here"), "{to}");
    }
);

db_test!(
    password_hashing_runs_a_few_at_a_time,
    |app: TestApp| async move {
        let a = app.agent();
        let token = a.get("/sign-in").await.token();
        let emails: Vec<String> = (0..24).map(|i| format!("nobody{i}@example.org")).collect();
        let (a, token) = (&a, &token);
        let attempts = emails.iter().map(|email| async move {
            a.post(
                "/sign-in",
                &[
                    ("email", email.as_str()),
                    ("password", "not the password at all"),
                    ("token", token.as_str()),
                ],
            )
            .await
        });
        futures_util::future::join_all(attempts).await;
        let peak = store::users::hashing_peak();
        assert!(peak >= 1);
        assert!(
            peak <= store::users::hashing_slot_count(),
            "{peak} password hashes ran at once"
        );
    }
);

db_test!(
    a_correct_password_passes_locks_set_from_elsewhere,
    |app: TestApp| async move {
        app.make_user("jo@example.org", Role::Officer).await;
        // Someone elsewhere has guessed 25 times at Jo's account, and someone at Jo's office
        // address has failed 120 times for other accounts.
        for i in 0..25 {
            failures(&app, "jo@example.org", &format!("203.0.113.{i}"), 1).await;
        }
        failures(&app, "someone@example.org", "127.0.0.1", 120).await;
        let to = sign_in_as(&app, "jo@example.org", PASSWORD, "/officer").await;
        assert_eq!(to, "/officer", "Jo, who has not failed from here, gets in");

        // One wrong try from here while the account is under attack: then it is paused here,
        // and the page says so truthfully.
        app.make_user("sam@example.org", Role::Officer).await;
        failures(&app, "sam@example.org", "198.51.100.1", 25).await;
        let to = sign_in_as(&app, "sam@example.org", "not sam's password", "/officer").await;
        assert!(to.contains("error=invalid"), "{to}");
        let to = sign_in_as(&app, "sam@example.org", PASSWORD, "/officer").await;
        assert!(to.contains("error=locked_account"), "{to}");
        let page = app.get(&to).await;
        assert!(
            page.error_summary()[0].contains("one attempt from your network failed too"),
            "{:?}",
            page.error_summary()
        );
    }
);

db_test!(
    sign_in_never_sends_people_off_the_site,
    |app: TestApp| async move {
        app.make_user("jo@example.org", Role::Officer).await;
        for next in [
            "/\t/evil.example",
            "/\n/evil.example",
            "//evil.example",
            "/\\evil.example",
            "https://evil.example/officer",
        ] {
            let to = sign_in_as(&app, "jo@example.org", PASSWORD, next).await;
            assert_eq!(to, "/officer", "next={next:?}");
        }
        let to = sign_in_as(&app, "jo@example.org", PASSWORD, "/admin/users?x=1").await;
        assert_eq!(to, "/admin/users?x=1");
    }
);

db_test!(
    the_client_address_is_the_one_the_proxy_added,
    |b| b.configure(|c| c.trusted_proxies = 1),
    |app: TestApp| async move {
        let a = app.agent();
        let token = a.get("/sign-in").await.token();
        a.client
            .post(a.url("/sign-in"))
            // The client sent the first entry; the proxy appended the second.
            .header("x-forwarded-for", "192.0.2.66, 203.0.113.7")
            .form(&[
                ("email", "anyone@example.org"),
                ("password", "a wrong password"),
                ("token", token.as_str()),
            ])
            .send()
            .await
            .unwrap();
        let rows = audit_event::Entity::find().all(&app.db).await.unwrap();
        let failed = rows.iter().find(|r| r.action == "sign_in_failed").unwrap();
        assert_eq!(failed.ip.as_deref(), Some("203.0.113.7"));
    }
);

db_test!(
    posts_must_come_from_the_public_address,
    |app: TestApp| async move {
        let a = app.agent();
        let token = a.get("/sign-in").await.token();
        let send = |origin: String, host: Option<&'static str>| {
            let mut req = a
                .client
                .post(a.url("/sign-in"))
                .header("origin", origin)
                .form(&[
                    ("email", "x@example.org"),
                    ("password", "y"),
                    ("token", &token),
                ]);
            if let Some(h) = host {
                req = req.header("host", h);
            }
            req.send()
        };
        // A forged Host header that matches the forged Origin proves nothing.
        let forged = send("http://evil.example".into(), Some("evil.example"))
            .await
            .unwrap();
        assert_eq!(forged.status(), StatusCode::FORBIDDEN);
        let ours = send(app.base.clone(), None).await.unwrap();
        assert_eq!(ours.status(), StatusCode::SEE_OTHER);
        // Plain HTTP: browsers are not told to insist on HTTPS.
        let res = app.client.get(app.url("/healthz")).send().await.unwrap();
        assert!(res.headers().get("strict-transport-security").is_none());
    }
);

db_test!(
    https_sites_send_hsts,
    |b| b.configure(|c| c.public_url = "https://survey.example.gov.uk".into()),
    |app: TestApp| async move {
        let res = app.client.get(app.url("/healthz")).send().await.unwrap();
        assert_eq!(
            res.headers()
                .get("strict-transport-security")
                .and_then(|v| v.to_str().ok()),
            Some("max-age=31536000")
        );
    }
);

/// Closes, or publishes, the survey's open wave.
async fn end_wave(app: &TestApp, change: store::waves::WaveChange) {
    let survey = store::surveys::by_key(&app.db, "wellbeing")
        .await
        .unwrap()
        .unwrap();
    let open = survey.open_wave.expect("an open wave");
    let (_, w) = store::waves::find(&app.db, "wellbeing", &open.key)
        .await
        .unwrap()
        .unwrap();
    store::waves::apply(&app.db, &w, change, app.clock.today())
        .await
        .unwrap();
}

db_test!(
    answers_to_a_closed_or_published_wave_are_refused,
    |app: TestApp| async move {
        use store::waves::WaveChange;
        for change in [WaveChange::Close, WaveChange::Publish] {
            let ward = app.ward_code("Meir Park").await;
            let check = app.complete_wellbeing(&ward).await;
            let check_page = app.get(&check).await;
            let token = check_page.token();
            let action = check_page.attr("form[action$=submit]", "action").unwrap();
            let section = check.replace("/check", "/section/2");
            let section_token = app.get(&section).await.token();
            end_wave(&app, change).await;

            let closed = "/surveys/wellbeing/closed";
            // Sending, saving and even looking are turned to a page that says why.
            assert_eq!(app.post(&action, &[("token", &token)]).await, closed);
            let saved = app
                .post(
                    &section,
                    &[("token", &section_token), ("wb_happiness", "3")],
                )
                .await;
            assert_eq!(saved, closed);
            let res = app.client.get(app.url(&section)).send().await.unwrap();
            assert!(res.status().is_redirection());
            assert_eq!(location(&res), closed);
            let page = app.get(closed).await;
            assert_eq!(page.status, StatusCode::GONE);
            assert!(page.text.contains("This survey has closed"));
            assert!(app.responses().await.is_empty(), "{change:?}");
            // Open again for the next round of the loop.
            let (_, w) = store::waves::find(&app.db, "wellbeing", "2026-baseline")
                .await
                .unwrap()
                .unwrap();
            store::waves::apply(&app.db, &w, WaveChange::Open, app.clock.today())
                .await
                .unwrap();
            store::waves::apply(&app.db, &w, WaveChange::Unpublish, app.clock.today())
                .await
                .unwrap();
        }
    }
);

db_test!(
    a_receipt_does_not_lead_to_the_answers,
    |app: TestApp| async move {
        let ward = app.ward_code("Meir Park").await;
        let check = app.complete_wellbeing(&ward).await;
        let done = app.submit(&check).await;
        let page = app.get(&done).await;
        let receipt = page.texts("[data-testid=receipt]")[0].replace('-', "");
        assert!(!receipt.is_empty());
        let stored = app.responses().await;
        assert_eq!(stored.len(), 1);
        let id = stored[0].external_id.replace('-', "").to_uppercase();
        assert!(
            !id.contains(&receipt.to_uppercase()),
            "{id} holds the receipt {receipt}"
        );
    }
);

db_test!(
    one_address_cannot_stuff_the_survey,
    |b| b.configure(|c| {
        c.survey_limits.starts_per_minute = 3;
        c.survey_limits.resumes_per_minute = 2;
    }),
    |app: TestApp| async move {
        for _ in 0..3 {
            app.begin("wellbeing").await;
        }
        let res = app.post_raw("/surveys/wellbeing/begin", &[]).await;
        assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(
            res.headers()
                .get("retry-after")
                .and_then(|v| v.to_str().ok()),
            Some("60")
        );
        assert!(res
            .text()
            .await
            .unwrap()
            .contains("Please try again in a minute"));
        for _ in 0..2 {
            let res = app.post_raw("/resume", &[("code", "ABCD-EFGH-JKLM")]).await;
            assert_eq!(res.status(), StatusCode::SEE_OTHER);
        }
        let res = app.post_raw("/resume", &[("code", "ABCD-EFGH-JKLM")]).await;
        assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
        // Pages still load: only posts are limited.
        assert_eq!(app.get("/surveys/wellbeing").await.status, StatusCode::OK);
    }
);

db_test!(
    new_responses_have_an_overall_ceiling,
    |b| b.configure(|c| c.survey_limits.new_drafts_per_minute = 2),
    |app: TestApp| async move {
        app.begin("wellbeing").await;
        app.begin("cohesion").await;
        let res = app.post_raw("/surveys/wellbeing/begin", &[]).await;
        assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    }
);

db_test!(
    open_data_cells_cannot_run_as_formulas,
    |app: TestApp| async move {
        let csv = format!("{HEADER}\n{}", rows("a", "Tunstall", 40, &[2, 8]));
        import(&app, "2026-baseline", &csv, false).await.unwrap();
        // An administrator uploaded a ward list with a name a spreadsheet would run.
        let ward = store::entity::area::Entity::find()
            .filter(store::entity::area::Column::Name.eq("Tunstall"))
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        let mut w: store::entity::area::ActiveModel = ward.into();
        w.name = Set(" =HYPERLINK(\"http://evil.example\")".into());
        w.update(&app.db).await.unwrap();
        app.publish("2026-baseline").await;
        let body = app
            .client
            .get(app.url(
                "/api/v1/indicators?survey=wellbeing&wave=2026-baseline&level=ward&format=csv",
            ))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let mut reader = csv::Reader::from_reader(body.as_bytes());
        let names: Vec<String> = reader
            .records()
            .map(|r| r.unwrap()[2].to_string())
            .filter(|n| n.contains("HYPERLINK"))
            .collect();
        assert!(!names.is_empty());
        assert!(names.iter().all(|n| n.starts_with('\'')), "{names:?}");
    }
);

db_test!(
    pages_never_show_text_from_their_address,
    |app: TestApp| async move {
        let admin = app
            .signed_in("admin@stoke.gov.uk", Role::Administrator)
            .await;
        let forged = "Call 0800 000 000 to unlock your account";
        let encoded = forged.replace(' ', "%20");
        for query in [format!("invited={encoded}"), format!("changed={encoded}")] {
            let page = admin.get(&format!("/admin/users?{query}")).await;
            assert_eq!(page.status, StatusCode::OK);
            assert!(!page.text.contains(forged), "{query}");
        }
        for field in ["e_threshold", "e_value", "e_source"] {
            let page = admin
                .get(&format!(
                    "/admin/settings?indicator=wb_life_satisfaction_mean&{field}={encoded}"
                ))
                .await;
            assert!(!page.text.contains(forged), "{field}");
        }
        // Nor do forms take their values from it: what was typed comes back in the signed
        // notice cookie of the post that refused it.
        let page = admin
            .get(&format!(
                "/admin/users?e_name=too_long&name={encoded}&email={encoded}"
            ))
            .await;
        assert!(!page.text.contains(forged), "add-user values");
        let page = admin
            .get(&format!(
                "/admin/settings?threshold={encoded}&indicator=wb_life_satisfaction_mean&source={encoded}&value={encoded}"
            ))
            .await;
        assert!(!page.text.contains(forged), "settings values");
        let page = app
            .agent()
            .get(&format!("/sign-in?error=invalid&email={encoded}"))
            .await;
        assert!(!page.text.contains(forged), "sign-in email");
        // A real code still shows its message.
        let page = admin.get("/admin/settings?e_threshold=below_minimum").await;
        assert!(page.text.contains("The threshold must be 5 or more"));
        // The areas page's notices come from the upload's signed cookie, not the address.
        for query in [
            format!("e_areas={encoded}"),
            format!("e_population={encoded}&p_population={encoded}"),
            format!("saved=areas&wards={encoded}"),
            format!("saved=population&rows={encoded}"),
        ] {
            let page = admin.get(&format!("/admin/areas?{query}")).await;
            assert_eq!(page.status, StatusCode::OK);
            assert!(!page.text.contains(forged), "{query}");
            assert!(page.error_summary().is_empty(), "{query}");
        }
    }
);

db_test!(
    refused_requests_are_logged_without_their_address,
    |b| b
        .capture_logs()
        .configure(|c| c.survey_limits.starts_per_minute = 1),
    |app: TestApp| async move {
        app.begin("wellbeing").await;
        let res = app.post_raw("/surveys/wellbeing/begin", &[]).await;
        assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
        let officer = app.signed_in("jo@example.org", Role::Officer).await;
        assert_eq!(
            officer.get_raw("/admin/users").await.status(),
            StatusCode::FORBIDDEN
        );
        let logs = app.logs.text();
        let refused: Vec<&str> = logs
            .lines()
            .filter(|l| l.contains("kiln::refused"))
            .collect();
        assert!(
            refused
                .iter()
                .any(|l| l.contains("kind=\"rate_limited\"")
                    && l.contains("/surveys/{survey}/begin")),
            "{logs}"
        );
        assert!(
            refused
                .iter()
                .any(|l| l.contains("kind=\"forbidden\"") && l.contains("route=")),
            "{logs}"
        );
        // The route's pattern, never an address (which may hold a resume code or an IP).
        assert!(refused.iter().all(|l| !l.contains("127.0.0.1")), "{logs}");
    }
);

/// Several processes on one PostgreSQL database (behind a proxy that spreads requests) count
/// one limit between them. SQLite is one process, whose limits are in its memory.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn several_instances_share_the_survey_limits() {
    let limits = |c: &mut server::config::Config| {
        c.survey_limits.starts_per_minute = 3;
        c.survey_limits.resumes_per_minute = 2;
    };
    let one = TestApp::builder(Backend::Postgres)
        .configure(limits)
        .spawn()
        .await;
    let two = TestApp::builder(Backend::Postgres)
        .configure(limits)
        .beside(&one)
        .spawn()
        .await;
    one.begin("wellbeing").await;
    two.begin("wellbeing").await;
    one.begin("cohesion").await;
    for app in [&two, &one] {
        let res = app.post_raw("/surveys/wellbeing/begin", &[]).await;
        assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS, "{}", app.base);
    }
    let code = [("code", "ABCD-EFGH-JKLM")];
    assert_eq!(
        one.post_raw("/resume", &code).await.status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        two.post_raw("/resume", &code).await.status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        one.post_raw("/resume", &code).await.status(),
        StatusCode::TOO_MANY_REQUESTS
    );

    // The table holds no address, only keyed hashes.
    let stored: Vec<String> = sea_orm::ConnectionTrait::query_all_raw(
        &one.db,
        sea_orm::Statement::from_string(sea_orm::DbBackend::Postgres, "SELECT key FROM rate_count"),
    )
    .await
    .unwrap()
    .iter()
    .map(|r| r.try_get_by_index::<String>(0).unwrap())
    .collect();
    assert!(!stored.is_empty());
    assert!(
        stored.iter().all(|k| !k.contains("127.0.0.1")),
        "{stored:?}"
    );

    // Two minutes on, the allowance is whole again, on both.
    one.advance(120);
    two.begin("wellbeing").await;
    one.begin("wellbeing").await;
    assert_eq!(
        two.post_raw("/resume", &code).await.status(),
        StatusCode::SEE_OTHER
    );
}
