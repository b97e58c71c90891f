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
        let id = store::users::all(&app.db)
            .await
            .unwrap()
            .into_iter()
            .find(|u| u.email == "sam@stoke.gov.uk")
            .unwrap()
            .id;
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
        let csrf = admin.csrf().await;
        let res = admin
            .post(
                "/admin/users",
                &[
                    ("csrf", &csrf),
                    ("name", "Pat"),
                    ("email", "pat@stoke.gov.uk"),
                    ("role", "officer"),
                    ("password", "qwerty123456"),
                ],
            )
            .await;
        let to = location(&res);
        assert!(to.contains("e_password=common"), "{to}");
        let page = admin.get(&to).await;
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
