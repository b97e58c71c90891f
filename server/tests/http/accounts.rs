//! Staff accounts: changing your own password, an administrator's reset (a new password
//! must be chosen at the next sign-in), common passwords refused, and seeing and ending your
//! own sessions.

use crate::common::{location, TestApp, PASSWORD};
use domain::accounts::Role;
use reqwest::StatusCode;

const NEW_PASSWORD: &str = "a quiet walk by Trentham lake";

db_test!(
    people_change_their_own_password,
    |app: TestApp| async move {
        let jo = app.signed_in("jo@stoke.gov.uk", Role::Officer).await;
        // Jo is signed in on a second device too.
        let other_device = app.agent();
        other_device.sign_in("jo@stoke.gov.uk", PASSWORD).await;
        assert_eq!(
            other_device.get_raw("/officer").await.status(),
            StatusCode::OK
        );
        let csrf = jo.csrf().await;
        let change = |current: &'static str, new: &'static str, confirm: &'static str| {
            let (jo, csrf) = (&jo, csrf.clone());
            async move {
                let res = jo
                    .post(
                        "/account/password",
                        &[
                            ("csrf", csrf.as_str()),
                            ("current", current),
                            ("new", new),
                            ("confirm", confirm),
                        ],
                    )
                    .await;
                location(&res)
            }
        };
        assert!(change("not my password", NEW_PASSWORD, NEW_PASSWORD)
            .await
            .contains("e_current=wrong"));
        assert!(change(PASSWORD, "qwerty123456", "qwerty123456")
            .await
            .contains("e_new=common"));
        assert!(change(PASSWORD, NEW_PASSWORD, "something else entirely")
            .await
            .contains("e_new=mismatch"));
        let page = jo.get("/account?e_current=wrong&e_new=common").await;
        assert!(page
            .error_summary()
            .contains(&"Your current password is not right".to_string()));
        assert!(page.text.contains("one of the most common passwords"));
        // No password ever goes into an address.
        let to = change(PASSWORD, NEW_PASSWORD, NEW_PASSWORD).await;
        assert_eq!(to, "/account?done=password");
        assert!(!to.contains("quiet"));
        // The other device is signed out; this one carries on.
        assert_eq!(
            other_device.get_raw("/officer").await.status(),
            StatusCode::SEE_OTHER
        );
        assert_eq!(jo.get_raw("/officer").await.status(), StatusCode::OK);
        let res = app.agent().sign_in("jo@stoke.gov.uk", NEW_PASSWORD).await;
        assert_eq!(location(&res), "/officer");
        let audit = store::audit::page(&app.db, 0, 50).await.unwrap().0;
        assert!(audit.iter().any(|e| e.action == "password_changed"));
    }
);

db_test!(
    an_administrator_resets_a_password_that_must_then_be_changed,
    |app: TestApp| async move {
        let admin = app
            .signed_in("admin@stoke.gov.uk", Role::Administrator)
            .await;
        let sam = app.signed_in("sam@stoke.gov.uk", Role::Officer).await;
        let id = app.user_id("sam@stoke.gov.uk").await;
        let csrf = admin.csrf().await;
        let path = format!("/admin/users/{id}/password");
        // An officer cannot reset anyone's password.
        let sam_csrf = sam.csrf().await;
        let res = sam
            .post(&path, &[("csrf", &sam_csrf), ("temporary", NEW_PASSWORD)])
            .await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN);
        // A common temporary password is refused.
        let res = admin
            .post(&path, &[("csrf", &csrf), ("temporary", "qwerty123456")])
            .await;
        assert!(location(&res).contains("e_reset=common"));
        let temporary = "temporary words for sam only";
        let res = admin
            .post(&path, &[("csrf", &csrf), ("temporary", temporary)])
            .await;
        assert_eq!(location(&res), format!("/admin/users?reset={id}"));
        let page = admin.get(&location(&res)).await;
        assert!(page
            .text
            .contains("The password of sam@stoke.gov.uk is reset"));
        // Sam's session ended at once.
        assert_eq!(
            sam.get_raw("/officer").await.status(),
            StatusCode::SEE_OTHER
        );
        // With the temporary password, every page leads to choosing a new one.
        let sam = app.agent();
        sam.sign_in("sam@stoke.gov.uk", temporary).await;
        for path in ["/officer", "/officer/wellbeing/2026-baseline"] {
            let res = sam.get_raw(path).await;
            assert_eq!(location(&res), "/account", "{path}");
        }
        let page = sam.get("/account").await;
        assert!(page
            .text
            .contains("Choose your own password before you carry on"));
        let csrf = sam.csrf_from("/account").await;
        let res = sam
            .post(
                "/account/password",
                &[
                    ("csrf", &csrf),
                    ("current", temporary),
                    ("new", NEW_PASSWORD),
                    ("confirm", NEW_PASSWORD),
                ],
            )
            .await;
        assert_eq!(location(&res), "/account?done=password");
        assert_eq!(sam.get_raw("/officer").await.status(), StatusCode::OK);
    }
);

db_test!(
    new_accounts_cannot_have_common_passwords,
    |app: TestApp| async move {
        let admin = app
            .signed_in("admin@stoke.gov.uk", Role::Administrator)
            .await;
        admin.invite_officer("Pat", "pat@stoke.gov.uk").await;
        app.deliver_mail().await;
        let link = app.mail_taken().await[0].link(&app.base, "/invitation/");
        let pat = app.agent();
        let form = pat.get(&link).await;
        let res = pat
            .post(
                &link,
                &[
                    ("new", "qwerty123456"),
                    ("confirm", "qwerty123456"),
                    ("token", &form.token()),
                ],
            )
            .await;
        let to = location(&res);
        assert_eq!(to, format!("{link}?error=common"));
        let page = pat.get(&to).await;
        assert!(page
            .error_summary()
            .iter()
            .any(|e| e.contains("one of the most common passwords")));
    }
);

db_test!(
    people_see_and_end_their_own_sessions,
    |app: TestApp| async move {
        let jo = app.signed_in("jo@stoke.gov.uk", Role::Officer).await;
        let laptop = app.agent();
        laptop.sign_in("jo@stoke.gov.uk", PASSWORD).await;
        let sam = app.signed_in("sam@stoke.gov.uk", Role::Officer).await;
        let page = jo.get("/account").await;
        assert_eq!(page.select("tbody tr").len(), 2);
        assert_eq!(page.texts("tbody .tag"), vec!["This session"]);
        let end = page
            .attr("form[action$='/end']", "action")
            .expect("an end button for the other session");
        // Sam cannot end Jo's session.
        let sam_csrf = sam.csrf().await;
        let res = sam.post(&end, &[("csrf", &sam_csrf)]).await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
        assert_eq!(laptop.get_raw("/officer").await.status(), StatusCode::OK);
        // Jo can.
        let csrf = jo.csrf().await;
        let res = jo.post(&end, &[("csrf", &csrf)]).await;
        assert_eq!(location(&res), "/account?done=session");
        assert_eq!(
            laptop.get_raw("/officer").await.status(),
            StatusCode::SEE_OTHER
        );
        assert_eq!(jo.get_raw("/officer").await.status(), StatusCode::OK);
        // And everywhere else at once.
        let phone = app.agent();
        phone.sign_in("jo@stoke.gov.uk", PASSWORD).await;
        let res = jo
            .post("/account/sessions/end-others", &[("csrf", &csrf)])
            .await;
        assert_eq!(location(&res), "/account?done=sessions");
        assert_eq!(
            phone.get_raw("/officer").await.status(),
            StatusCode::SEE_OTHER
        );
        assert_eq!(jo.get_raw("/officer").await.status(), StatusCode::OK);
    }
);

db_test!(
    administrators_set_up_two_factor_sign_in_at_their_first_sign_in,
    |app: TestApp| async move {
        app.make_user("admin@stoke.gov.uk", Role::Administrator)
            .await;
        let a = app.agent();
        let res = a.sign_in("admin@stoke.gov.uk", PASSWORD).await;
        let set_up = location(&res);
        assert_eq!(set_up, "/sign-in/two-factor?next=%2Fofficer");
        // The password alone opens nothing.
        assert_eq!(a.get_raw("/officer").await.status(), StatusCode::SEE_OTHER);
        let page = a.get(&set_up).await;
        assert_eq!(page.status, StatusCode::OK);
        let secret = a.totp_secret(&page);
        let codes = page.texts("[data-testid=recovery-codes] li");
        assert_eq!(codes.len(), 10);
        assert!(page.select(".qr-code svg").len() == 1, "a QR code");
        // A reload shows the same key and codes (the phone may have scanned it already).
        let again = a.get(&set_up).await;
        assert_eq!(a.totp_secret(&again), secret);
        assert_eq!(again.texts("[data-testid=recovery-codes] li"), codes);
        // A wrong code is refused beside the field.
        let res = a
            .post(
                "/sign-in/two-factor",
                &[("code", "000000"), ("next", "/officer")],
            )
            .await;
        let to = location(&res);
        assert!(to.contains("error=code_wrong"), "{to}");
        assert!(a.get(&to).await.error_summary()[0].contains("That code is not right"));
        let res = a.set_up_two_factor(&set_up).await;
        assert_eq!(location(&res), "/officer");
        assert_eq!(a.get_raw("/officer").await.status(), StatusCode::OK);
        let audit = store::audit::page(&app.db, 0, 50).await.unwrap().0;
        assert!(audit.iter().any(|e| e.action == "two_factor_enabled"));

        // From now on: password, then a code. Each code works once; so does each
        // recovery code.
        let set_up_code = store::two_factor::current_code(&secret, app.clock.now()).unwrap();
        let second_step = |agent: &crate::common::Agent, code: String| {
            let agent = agent.clone_session();
            async move {
                let res = agent.sign_in("admin@stoke.gov.uk", PASSWORD).await;
                assert!(location(&res).starts_with("/sign-in/code"));
                let res = agent
                    .post(
                        "/sign-in/code",
                        &[("code", code.as_str()), ("next", "/officer")],
                    )
                    .await;
                location(&res)
            }
        };
        // Not even the code that set it up, within its own 30 seconds.
        assert!(second_step(&app.agent(), set_up_code)
            .await
            .contains("error=code_wrong"));
        app.advance(30);
        let code = store::two_factor::current_code(&secret, app.clock.now()).unwrap();
        assert_eq!(second_step(&app.agent(), code.clone()).await, "/officer");
        assert!(second_step(&app.agent(), code.clone())
            .await
            .contains("error=code_wrong"));
        let recovery = codes[0].to_lowercase().replace('-', " ");
        assert_eq!(
            second_step(&app.agent(), recovery.clone()).await,
            "/officer"
        );
        assert!(second_step(&app.agent(), recovery)
            .await
            .contains("error=code_wrong"));
        // A code a phone showed a minute ago, never used, has gone stale.
        app.advance(90);
        let stale = store::two_factor::current_code(&secret, app.clock.now() - 60).unwrap();
        assert!(second_step(&app.agent(), stale)
            .await
            .contains("error=code_wrong"));
        // Guessing codes is throttled like guessing passwords.
        let guesser = app.agent();
        guesser.sign_in("admin@stoke.gov.uk", PASSWORD).await;
        let mut last = String::new();
        for _ in 0..6 {
            let res = guesser
                .post("/sign-in/code", &[("code", "123456"), ("next", "/officer")])
                .await;
            last = location(&res);
        }
        assert!(last.contains("error=code_locked"), "{last}");
    }
);

db_test!(
    officers_may_turn_two_factor_on_and_administrators_off,
    |app: TestApp| async move {
        let jo = app.signed_in("jo@stoke.gov.uk", Role::Officer).await;
        let page = jo.get("/account").await;
        assert!(page.text.contains("Set up two-factor sign-in"));
        let res = jo.set_up_two_factor("/account/two-factor").await;
        assert_eq!(location(&res), "/account?done=two_factor");
        let page = jo.get("/account").await;
        assert!(page.text.contains("You have 10 unused recovery codes"));
        let res = app.agent().sign_in("jo@stoke.gov.uk", PASSWORD).await;
        assert!(location(&res).starts_with("/sign-in/code"));

        // Jo loses their phone and codes: an administrator turns it off.
        let admin = app
            .signed_in("admin@stoke.gov.uk", Role::Administrator)
            .await;
        let id = app.user_id("jo@stoke.gov.uk").await;
        let csrf = admin.csrf().await;
        let res = admin
            .post(
                &format!("/admin/users/{id}/two-factor-off"),
                &[("csrf", &csrf)],
            )
            .await;
        assert_eq!(location(&res), format!("/admin/users?two_factor_off={id}"));
        assert_eq!(jo.get_raw("/officer").await.status(), StatusCode::SEE_OTHER);
        let res = app.agent().sign_in("jo@stoke.gov.uk", PASSWORD).await;
        assert_eq!(location(&res), "/officer");
    }
);

db_test!(
    people_are_invited_by_email_and_choose_their_own_password,
    |app: TestApp| async move {
        let admin = app
            .signed_in("admin@stoke.gov.uk", Role::Administrator)
            .await;
        let res = admin.invite_officer("Pat", "pat@stoke.gov.uk").await;
        let to = location(&res);
        assert!(to.contains("invited="), "{to}");
        assert!(admin
            .get(&to)
            .await
            .text
            .contains("Invitation sent to pat@stoke.gov.uk"));
        // No password was typed by anyone: until Pat chooses one, none works.
        assert!(
            location(&app.agent().sign_in("pat@stoke.gov.uk", PASSWORD).await)
                .contains("error=invalid")
        );

        assert_eq!(app.deliver_mail().await.delivered, 1);
        let mail = app.mail_taken().await;
        let m = &mail[0];
        assert_eq!(m.to, "pat@stoke.gov.uk");
        assert_eq!(m.subject, "You are invited to Kiln");
        assert!(m.text.contains("with the role of officer"), "{}", m.text);
        assert!(m.text.starts_with("Hello Pat,"), "{}", m.text);
        let link = m.link(&app.base, "/invitation/");
        let pat = app.agent();
        // Opened (by a mail scanner, say) before Pat: still works.
        assert!(pat.get(&link).await.text.contains("Accept your invitation"));
        assert_eq!(
            app.choose_password(&link, PASSWORD).await,
            "/sign-in?welcome=1"
        );
        assert_eq!(
            location(&pat.sign_in("pat@stoke.gov.uk", PASSWORD).await),
            "/officer"
        );
        assert!(app
            .agent()
            .get(&link)
            .await
            .text
            .contains("This link no longer works"));
        // An invitation lasts 72 hours.
        admin.invite_officer("Lee", "lee@stoke.gov.uk").await;
        app.deliver_mail().await;
        let lee = app.mail_taken().await[1].link(&app.base, "/invitation/");
        app.advance(72 * 3600 - 1);
        assert!(app.get(&lee).await.text.contains("Accept your invitation"));
        app.advance(1);
        assert!(app
            .get(&lee)
            .await
            .text
            .contains("This link no longer works"));
    }
);

db_test!(
    guessing_the_current_password_is_throttled,
    |app: TestApp| async move {
        let jo = app.signed_in("jo@stoke.gov.uk", Role::Officer).await;
        let csrf = jo.csrf().await;
        let mut last = String::new();
        for _ in 0..6 {
            let res = jo
                .post(
                    "/account/password",
                    &[
                        ("csrf", csrf.as_str()),
                        ("current", "a guess at jo's password"),
                        ("new", NEW_PASSWORD),
                        ("confirm", NEW_PASSWORD),
                    ],
                )
                .await;
            last = location(&res);
        }
        assert!(last.contains("e_current=locked"), "{last}");
        // Even the right one waits now.
        let res = jo
            .post(
                "/account/password",
                &[
                    ("csrf", csrf.as_str()),
                    ("current", PASSWORD),
                    ("new", NEW_PASSWORD),
                    ("confirm", NEW_PASSWORD),
                ],
            )
            .await;
        assert!(location(&res).contains("e_current=locked"));
        let page = jo.get(&location(&res)).await;
        assert!(page.error_summary()[0].contains("5 times in the last 15 minutes"));
    }
);

db_test!(
    a_second_step_left_ten_minutes_starts_over,
    |app: TestApp| async move {
        app.make_user("admin@stoke.gov.uk", Role::Administrator)
            .await;
        let a = app.agent();
        let set_up = location(&a.sign_in("admin@stoke.gov.uk", PASSWORD).await);
        let page = a.get(&set_up).await;
        let secret = a.totp_secret(&page);
        app.advance(10 * 60);
        let code = store::two_factor::current_code(&secret, app.clock.now()).unwrap();
        let res = a
            .post(
                "/sign-in/two-factor",
                &[("code", code.as_str()), ("next", "/officer")],
            )
            .await;
        let to = location(&res);
        assert!(
            to.starts_with("/sign-in?") && to.contains("error=expired"),
            "{to}"
        );
        assert_eq!(a.get_raw("/officer").await.status(), StatusCode::SEE_OTHER);
        // Nothing was turned on: the next sign-in asks for set-up again.
        let res = a.sign_in("admin@stoke.gov.uk", PASSWORD).await;
        assert!(location(&res).starts_with("/sign-in/two-factor"));
    }
);
