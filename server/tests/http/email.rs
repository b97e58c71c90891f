//! Email through the outbox: "Forgotten your password?" end to end, the same answer for
//! unknown addresses, links safe against mail scanners, single use and expiry; retries and
//! the administrators' outbox page; one send per message with two senders at once; and
//! delivery to a real SMTP server.

use crate::common::*;
use domain::accounts::Role;
use reqwest::StatusCode;
use sea_orm::{EntityTrait, PaginatorTrait};
use server::config::MailTo;

const NEW_PASSWORD: &str = "a brand new long passphrase";

/// Asks for a reset link for `email` with a fresh agent; returns the agent.
async fn ask_for_reset(app: &TestApp, email: &str) -> Agent {
    let a = app.agent();
    let page = a.get("/sign-in/forgotten").await;
    assert_eq!(page.status, StatusCode::OK);
    let res = a
        .post(
            "/sign-in/forgotten",
            &[("email", email), ("token", &page.token())],
        )
        .await;
    assert_eq!(location(&res), "/sign-in/forgotten?sent=1");
    a
}

/// Addresses on the residents' lists, confirmed or not.
async fn subscribers(app: &TestApp) -> u64 {
    store::entity::subscriber::Entity::find()
        .count(&app.db)
        .await
        .unwrap()
}

async fn outbox_len(app: &TestApp) -> u64 {
    store::entity::outbox::Entity::find()
        .count(&app.db)
        .await
        .unwrap()
}

db_test!(
    a_forgotten_password_is_reset_by_an_emailed_link,
    |app: TestApp| async move {
        app.make_user("jo@example.org", Role::Officer).await;
        let sign_in = app.get("/sign-in").await;
        assert_eq!(
            sign_in
                .attr("a[href='/sign-in/forgotten']", "href")
                .as_deref(),
            Some("/sign-in/forgotten")
        );

        // The same answer with or without an account; only the account gets a message.
        for email in ["jo@example.org", "nobody@example.org"] {
            let a = ask_for_reset(&app, email).await;
            let page = a.get("/sign-in/forgotten?sent=1").await;
            let said = page.texts("main p");
            assert!(
                said[0].starts_with(&format!("If {email} belongs to a Kiln account")),
                "{said:?}"
            );
        }
        assert_eq!(outbox_len(&app).await, 1);
        // Asking again at once sends nothing more (an inbox cannot be flooded).
        ask_for_reset(&app, "jo@example.org").await;
        assert_eq!(outbox_len(&app).await, 1);

        assert_eq!(app.deliver_mail().await.delivered, 1);
        let mail = app.mail_taken().await;
        assert_eq!(mail.len(), 1);
        let m = &mail[0];
        assert_eq!(m.to, "jo@example.org");
        assert_eq!(m.subject, "Choose a new password for Kiln");
        assert!(m.text.contains("The link works once, for 30 minutes"));
        let link = m.link(&app.base, "/reset-password/");
        assert!(m
            .html
            .replace("&#x2f;", "/")
            .contains(&format!("{}{link}", app.base)));
        // The outbox keeps no working link once the message is sent.
        let kept = store::entity::outbox::Entity::find()
            .all(&app.db)
            .await
            .unwrap();
        let token = link.trim_start_matches("/reset-password/");
        assert!(!kept[0].data.contains(token));

        // Opening the link (as a mail scanner does) uses nothing up.
        let a = app.agent();
        for _ in 0..2 {
            let page = a.get(&link).await;
            assert!(page.text.contains("Choose a new password"), "{}", page.text);
        }
        let form = a.get(&link).await;
        let res = a
            .post(
                &link,
                &[
                    ("new", NEW_PASSWORD),
                    ("confirm", "something else entirely"),
                    ("token", &form.token()),
                ],
            )
            .await;
        assert_eq!(location(&res), format!("{link}?error=mismatch"));
        let page = a.get(&location(&res)).await;
        assert_eq!(
            page.error_summary(),
            vec!["Enter the same new password twice"]
        );

        let signed_in = app.agent();
        assert_eq!(
            signed_in.sign_in("jo@example.org", PASSWORD).await.status(),
            StatusCode::SEE_OTHER
        );
        let res = a
            .post(
                &link,
                &[
                    ("new", NEW_PASSWORD),
                    ("confirm", NEW_PASSWORD),
                    ("token", &form.token()),
                ],
            )
            .await;
        assert_eq!(location(&res), "/sign-in?reset=1");
        assert!(a
            .get("/sign-in?reset=1")
            .await
            .text
            .contains("Your password has been changed"));
        // Every session ended; the new password works and the old one does not.
        assert_eq!(
            signed_in.get_raw("/officer").await.status(),
            StatusCode::SEE_OTHER
        );
        assert_eq!(
            location(&app.agent().sign_in("jo@example.org", NEW_PASSWORD).await),
            "/officer"
        );
        assert!(
            location(&app.agent().sign_in("jo@example.org", PASSWORD).await)
                .contains("error=invalid")
        );

        // Used once: the link is dead, and sending it again changes nothing.
        assert!(a
            .get(&link)
            .await
            .text
            .contains("This link no longer works"));
        let res = a
            .post(
                &link,
                &[
                    ("new", "yet another long passphrase"),
                    ("confirm", "yet another long passphrase"),
                    ("token", &form.token()),
                ],
            )
            .await;
        assert_eq!(location(&res), link);
        assert_eq!(
            location(&app.agent().sign_in("jo@example.org", NEW_PASSWORD).await),
            "/officer"
        );
    }
);

db_test!(
    reset_links_expire_after_30_minutes,
    |app: TestApp| async move {
        app.make_user("jo@example.org", Role::Officer).await;
        ask_for_reset(&app, "jo@example.org").await;
        app.deliver_mail().await;
        let link = app.mail_taken().await[0].link(&app.base, "/reset-password/");
        app.advance(29 * 60 + 59);
        assert!(app.get(&link).await.text.contains("Choose a new password"));
        app.advance(1);
        assert!(app
            .get(&link)
            .await
            .text
            .contains("This link no longer works"));
    }
);

db_test!(
    failed_sends_are_retried_then_shown_to_administrators,
    |b| b.configure(|c| {
        // A port nobody listens on: every connection is refused, a temporary failure.
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        c.mail.to = MailTo::Smtp(format!("smtp://127.0.0.1:{port}"));
        c.mail.timeout = std::time::Duration::from_secs(2);
    }),
    |app: TestApp| async move {
        app.make_user("jo@example.org", Role::Officer).await;
        ask_for_reset(&app, "jo@example.org").await;
        let pass = app.deliver_mail().await;
        assert_eq!(pass.failed, 1);
        // Not due again until its delay has passed.
        assert_eq!(app.deliver_mail().await, Default::default());
        let admin = app
            .signed_in("admin@example.org", Role::Administrator)
            .await;
        let page = admin.get("/admin/outbox").await;
        assert!(page.text.contains("Waiting to try again"), "{}", page.text);
        assert!(page.text.contains("sent through the mail server 127.0.0.1"));
        for _ in 1..domain::mail::MAX_ATTEMPTS {
            app.advance(6 * 60 * 60);
            assert_eq!(app.deliver_mail().await.failed, 1);
        }
        app.advance(6 * 60 * 60);
        assert_eq!(
            app.deliver_mail().await,
            Default::default(),
            "failed stays failed"
        );
        // Hours have passed: a new administrator's session.
        let admin = app
            .signed_in("admin2@example.org", Role::Administrator)
            .await;
        let page = admin.get("/admin/outbox").await;
        let row = page.texts("[data-testid=outbox-row]");
        assert!(row[0].contains("Failed"), "{row:?}");
        assert!(row[0].contains("Send again to jo@example.org"), "{row:?}");

        let id = store::entity::outbox::Entity::find()
            .all(&app.db)
            .await
            .unwrap()[0]
            .id;
        let csrf = admin.csrf_from("/admin/outbox").await;
        let res = admin
            .post(&format!("/admin/outbox/{id}/retry"), &[("csrf", &csrf)])
            .await;
        assert_eq!(location(&res), format!("/admin/outbox?retried={id}"));
        assert_eq!(app.deliver_mail().await.failed, 1, "tried again at once");
        // An officer cannot see the outbox.
        let officer = app.signed_in("sam@example.org", Role::Officer).await;
        assert_eq!(
            officer.get_raw("/admin/outbox").await.status(),
            StatusCode::FORBIDDEN
        );
    }
);

db_test!(
    two_senders_send_each_message_once,
    |app: TestApp| async move {
        let now = app.clock.now();
        for i in 0..60 {
            let mail = domain::mail::Mail::PasswordReset {
                name: format!("Person {i}"),
                token: format!("T{i}"),
                minutes: 30,
            };
            let to = format!("p{i}@example.org");
            assert!(
                store::outbox::enqueue(&app.db, &format!("k{i}"), &to, &mail, now)
                    .await
                    .unwrap()
            );
            // The same key again (a retried request) queues nothing.
            assert!(
                !store::outbox::enqueue(&app.db, &format!("k{i}"), &to, &mail, now)
                    .await
                    .unwrap()
            );
        }
        let other = TestApp::builder(
            if app.db.get_database_backend() == sea_orm::DbBackend::Postgres {
                Backend::Postgres
            } else {
                Backend::Sqlite
            },
        )
        .beside(&app)
        .spawn()
        .await;
        let (a, b) = tokio::join!(app.deliver_mail(), other.deliver_mail());
        assert_eq!(a.delivered + b.delivered, 60, "{a:?} {b:?}");
        let mut seen: Vec<String> = app
            .mail_taken()
            .await
            .into_iter()
            .chain(other.mail_taken().await)
            .map(|m| m.to)
            .collect();
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), 60);
    }
);

db_test!(
    a_real_mail_server_receives_the_message,
    |b| b.configure(|c| c.mail.to = MailTo::Smtp(smtp_url())),
    |app: TestApp| async move {
        // An address of this test's own: the server's mailbox is shared by every test.
        let email = format!("reset-{:x}@example.org", rand::random::<u64>());
        app.make_user(&email, Role::Officer).await;
        ask_for_reset(&app, &email).await;
        assert_eq!(app.deliver_mail().await.delivered, 1);
        let page = app
            .signed_in("admin@example.org", Role::Administrator)
            .await
            .get("/admin/outbox")
            .await;
        assert!(page.texts("[data-testid=outbox-row]")[0].contains("Sent"));
        let got = delivered_to(&email);
        assert_eq!(got.len(), 1, "exactly one message");
        let m = &got[0];
        assert_eq!(m.from, "kiln@localhost");
        assert_eq!(m.subject, "Choose a new password for Kiln");
        assert!(m.raw.contains("multipart/alternative"));
        let link = m.link(&app.base, "/reset-password/");
        assert!(app.get(&link).await.text.contains("Choose a new password"));
    }
);

/// Asks for results updates for `email` with a fresh agent.
async fn ask_for_updates(app: &TestApp, email: &str) {
    let a = app.agent();
    let page = a.get("/updates").await;
    let res = a
        .post("/updates", &[("email", email), ("token", &page.token())])
        .await;
    assert_eq!(location(&res), "/updates?sent=1");
}

db_test!(
    results_updates_need_confirming_and_stop_with_one_click,
    |app: TestApp| async move {
        assert!(app.get("/results").await.text.contains("href=\"/updates\""));
        ask_for_updates(&app, "resident@example.org").await;
        // Asking again at once sends nothing more.
        ask_for_updates(&app, "resident@example.org").await;
        assert_eq!(app.deliver_mail().await.delivered, 1);
        let mail = app.mail_taken().await;
        let m = &mail[0];
        assert_eq!(m.subject, "Confirm you want emails about survey results");
        assert!(m
            .raw
            .contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
        let confirm = m.link(&app.base, "/updates/confirm/");

        // Not confirmed yet: publishing sends nothing.
        store::waves::publish(
            &app.db,
            &store::audit::Actor::command_line(&app.clock),
            "cohesion",
            "2026-baseline",
        )
        .await
        .unwrap();
        assert_eq!(app.deliver_mail().await.delivered, 0);

        // Opening the link (a mail scanner) confirms nothing; the button does.
        assert!(app
            .get(&confirm)
            .await
            .text
            .contains("Confirm you want emails"));
        assert!(app
            .get(&confirm)
            .await
            .text
            .contains("Confirm you want emails"));
        let res = app.agent().post(&confirm, &[]).await;
        assert_eq!(location(&res), "/updates?confirmed=1");
        assert!(app
            .get(&confirm)
            .await
            .text
            .contains("This link no longer works"));

        // One email per publication, with the results link and a one-click way out.
        app.publish("2026-baseline").await;
        assert_eq!(app.deliver_mail().await.delivered, 1);
        // Published again: not announced twice.
        app.publish("2026-baseline").await;
        assert_eq!(app.deliver_mail().await.delivered, 0);
        let mail = app.mail_taken().await;
        let news = &mail[1];
        assert_eq!(news.to, "resident@example.org");
        assert!(
            news.subject.starts_with("New results: "),
            "{}",
            news.subject
        );
        let results = news.link(&app.base, "/results/");
        assert_eq!(app.get(&results).await.status, StatusCode::OK);
        let header = news
            .raw
            .lines()
            .find(|l| l.starts_with("List-Unsubscribe: <"))
            .expect("a List-Unsubscribe header")
            .to_string();
        let leave = header
            .trim_start_matches("List-Unsubscribe: <")
            .trim_end_matches('>')
            .trim_start_matches(&app.base)
            .to_string();
        assert_eq!(news.link(&app.base, "/updates/leave/"), leave);

        // A mail provider's one-click POST: no form token, no cookies.
        let res = app
            .agent()
            .post(&leave, &[("List-Unsubscribe", "One-Click")])
            .await;
        assert_eq!(location(&res), "/updates?left=1");
        assert_eq!(subscribers(&app).await, 0, "the address is deleted at once");
        assert!(app
            .get(&leave)
            .await
            .text
            .contains("You will not get these emails"));
        // A made-up leave link does nothing.
        let res = app.agent().post("/updates/leave/1-00", &[]).await;
        assert_eq!(location(&res), "/updates/leave/1-00");
    }
);

db_test!(
    unconfirmed_addresses_are_deleted_after_7_days,
    |app: TestApp| async move {
        ask_for_updates(&app, "maybe@example.org").await;
        app.advance(7 * 24 * 3600 - 1);
        store::subscribers::prune(&app.db, app.clock.now())
            .await
            .unwrap();
        assert_eq!(subscribers(&app).await, 1);
        app.advance(1);
        store::subscribers::prune(&app.db, app.clock.now())
            .await
            .unwrap();
        assert_eq!(subscribers(&app).await, 0);
        // A bad address is refused beside the field, and what was typed is kept.
        let a = app.agent();
        let page = a.get("/updates").await;
        let res = a
            .post(
                "/updates",
                &[("email", "not an address"), ("token", &page.token())],
            )
            .await;
        let page = a.get(&location(&res)).await;
        assert_eq!(
            page.error_summary(),
            vec!["Enter an email address in the correct format, like name@example.com"]
        );
        assert_eq!(
            page.attr("#email", "value").as_deref(),
            Some("not an address")
        );
    }
);

db_test!(
    residents_join_the_panel_with_optional_details,
    |app: TestApp| async move {
        let ward = app.ward_code("Tunstall").await;
        let a = app.agent();
        let page = a.get("/panel").await;
        assert!(page.text.contains("never linked to you"));
        // A forged choice is refused, and what was typed comes back.
        let res = a
            .post(
                "/panel",
                &[
                    ("email", "pat@example.org"),
                    ("ward", "NOWHERE"),
                    ("age_band", "25-34"),
                    ("sex", ""),
                    ("token", &page.token()),
                ],
            )
            .await;
        let back = a.get(&location(&res)).await;
        assert_eq!(
            back.error_summary(),
            vec!["Choose from the lists, or leave them blank"]
        );
        assert_eq!(
            back.attr("#email", "value").as_deref(),
            Some("pat@example.org")
        );
        assert_eq!(back.checked("age_band"), None);
        assert!(
            back.text.contains("value=\"25-34\" selected"),
            "the age band is kept"
        );

        let res = a
            .post(
                "/panel",
                &[
                    ("email", "pat@example.org"),
                    ("ward", &ward),
                    ("age_band", "25-34"),
                    ("sex", ""),
                    ("token", &back.token()),
                ],
            )
            .await;
        assert_eq!(location(&res), "/panel?sent=1");
        assert_eq!(app.deliver_mail().await.delivered, 1);
        let m = &app.mail_taken().await[0];
        assert_eq!(m.subject, "Confirm you want to join the residents' panel");
        assert!(m
            .raw
            .contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
        let confirm = m.link(&app.base, "/updates/confirm/");
        assert!(app.get(&confirm).await.text.contains("Join the panel"));
        let res = app.agent().post(&confirm, &[]).await;
        assert_eq!(location(&res), "/panel?confirmed=1");
        let members = store::entity::subscriber::Entity::find()
            .all(&app.db)
            .await
            .unwrap();
        assert_eq!(members.len(), 1);
        assert_eq!(members[0].list, "panel");
        assert_eq!(members[0].ward_code.as_deref(), Some(ward.as_str()));
        assert_eq!(members[0].age_band.as_deref(), Some("25-34"));
        assert_eq!(members[0].sex, None);

        // Panel members are not sent results updates.
        app.publish("2026-baseline").await;
        assert_eq!(app.deliver_mail().await.delivered, 0);

        let leave = m.link(&app.base, "/updates/leave/");
        assert!(app
            .get(&leave)
            .await
            .text
            .contains("Leave the residents' panel"));
        let res = app.agent().post(&leave, &[]).await;
        assert_eq!(location(&res), "/panel?left=1");
        assert_eq!(subscribers(&app).await, 0);
    }
);

db_test!(
    no_table_links_an_email_address_to_an_answer,
    |app: TestApp| async move {
        use sea_orm::{ConnectionTrait, Iterable, Statement};
        // The lists' table has no column naming a response, draft, wave or survey...
        let columns: Vec<String> = store::entity::subscriber::Column::iter()
            .map(|c| sea_orm::IdenStatic::as_str(&c).to_string())
            .collect();
        assert_eq!(
            columns,
            [
                "id",
                "list",
                "email",
                "ward_code",
                "age_band",
                "sex",
                "confirm_hash",
                "created_at",
                "confirmed_at"
            ]
        );
        // ...and answers have none naming a person, an address or a list.
        for c in store::entity::response::Column::iter() {
            let name = sea_orm::IdenStatic::as_str(&c);
            assert!(
                !["email", "subscriber", "list", "invitation", "member"]
                    .iter()
                    .any(|w| name.contains(w)),
                "response.{name}"
            );
        }
        // No foreign key from the lists to anything.
        let backend = app.db.get_database_backend();
        let sql = match backend {
            sea_orm::DbBackend::Postgres => {
                "SELECT count(*) FROM information_schema.table_constraints
                 WHERE table_name = 'subscriber' AND constraint_type = 'FOREIGN KEY'"
            }
            _ => "SELECT count(*) FROM pragma_foreign_key_list('subscriber')",
        };
        let row = app
            .db
            .query_one_raw(Statement::from_string(backend, sql))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(row.try_get_by_index::<i64>(0).unwrap(), 0);
    }
);

/// Joins the panel through its form and confirms from the emailed link.
pub(crate) async fn join_panel(app: &TestApp, email: &str, ward: &str, age: &str) {
    let a = app.agent();
    let page = a.get("/panel").await;
    let res = a
        .post(
            "/panel",
            &[
                ("email", email),
                ("ward", ward),
                ("age_band", age),
                ("sex", ""),
                ("token", &page.token()),
            ],
        )
        .await;
    assert_eq!(location(&res), "/panel?sent=1");
    app.deliver_mail().await;
    let mail = app.mail_taken().await;
    let m = mail
        .iter()
        .rev()
        .find(|m| m.to == email)
        .expect("a confirmation");
    let confirm = m.link(&app.base, "/updates/confirm/");
    assert_eq!(
        location(&app.agent().post(&confirm, &[]).await),
        "/panel?confirmed=1"
    );
}

db_test!(
    officers_see_the_panel_beside_the_population,
    |app: TestApp| async move {
        let ward = app.ward_code("Tunstall").await;
        join_panel(&app, "one@example.org", &ward, "25-34").await;
        join_panel(&app, "two@example.org", "", "").await;
        // Not confirmed: not counted.
        ask_for_updates(&app, "three@example.org").await;
        let officer = app.signed_in("jo@example.org", Role::Officer).await;
        let page = officer
            .get("/officer/wellbeing/2026-baseline/fieldwork")
            .await;
        assert!(page.text.contains("2 confirmed members"), "{}", page.text);
        let tables = page.select("[data-testid=panel-make-up]");
        assert_eq!(tables.len(), 3);
        let ages = page.texts("[data-testid=panel-make-up] caption");
        assert_eq!(ages[0], "Panel members by age band (1 did not say)");
        let rows = page.texts("[data-testid=panel-make-up] tbody tr");
        let young = rows.iter().find(|r| r.starts_with("25-34")).unwrap();
        assert!(young.contains("1") && young.contains("100%"), "{young}");
        let tunstall = rows.iter().find(|r| r.starts_with("Tunstall")).unwrap();
        assert!(tunstall.contains("100%"), "{tunstall}");
    }
);
