//! Access denied by default: the matrix is built from every route the server has (its
//! handlers, the app's pages, the server functions), so a new route cannot be left out, and
//! addresses in any form but their plain one are refused.

use crate::common::{Agent, TestApp};
use app::shared::ssr::access::{access_for, allowed, Access};
use domain::accounts::Role;
use reqwest::StatusCode;

/// A concrete address for a route pattern, with sample values that exist in the demo.
fn sample(pattern: &str, resume: &str) -> String {
    let is_draft = pattern.contains("/r/{code}");
    pattern
        .split('/')
        .map(|seg| match seg {
            "{survey}" => "wellbeing".to_string(),
            "{wave}" => "2026-baseline".to_string(),
            "{key}" => "wb_life_satisfaction_mean".to_string(),
            "{code}" if is_draft => resume.to_string(),
            "{code}" => "DEMO01".to_string(),
            "{n}" => "1".to_string(),
            // No such user: a POST must not change a real account mid-matrix.
            "{id}" => "999999".to_string(),
            "{year}" => "2026".to_string(),
            "{language}" => "pl".to_string(),
            "{version}" => "1".to_string(),
            // No such link: a page that says so, a POST that changes nothing.
            "{token}" => "no-such-link".to_string(),
            "{*file}" => "kiln.css".to_string(),
            "{file}" => "brand.css".to_string(),
            s if s.starts_with('{') => panic!("no sample value for {s} in {pattern}"),
            s => s.to_string(),
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// Whether a reply refuses the request for want of access: sent to sign in, refused
/// outright, or (a group's organiser or volunteer at the staff dashboard) sent home to their
/// group's page.
fn refused(res: &reqwest::Response) -> bool {
    let status = res.status();
    let to_sign_in = status == StatusCode::SEE_OTHER
        && res
            .headers()
            .get("location")
            .and_then(|l| l.to_str().ok())
            .is_some_and(|l| l.starts_with("/sign-in?next=") || l == "/group");
    to_sign_in || status == StatusCode::UNAUTHORIZED || status == StatusCode::FORBIDDEN
}

/// A GET, or a POST of a harmless form carrying the session's CSRF token (so that a
/// refusal is about access, not the token).
async fn send_as(agent: &Agent, csrf: &str, method: &str, path: &str) -> reqwest::Response {
    let req = match method {
        "GET" => agent.client.get(agent.url(path)),
        _ => agent
            .client
            .post(agent.url(path))
            .header("accept", "application/json")
            .form(&[("x", "1"), ("csrf", csrf)]),
    };
    req.send().await.expect("request")
}

async fn send(agent: &Agent, method: &str, path: &str) -> reqwest::Response {
    send_as(agent, "", method, path).await
}

db_test!(
    every_route_the_router_has_is_guarded_as_declared,
    |app: TestApp| async move {
        let resume = {
            let s1 = app.begin("cohesion").await;
            s1.split('/').nth(4).unwrap().to_string()
        };
        let anon = app.agent();
        let officer = app.signed_in("officer@stoke.gov.uk", Role::Officer).await;
        let admin = app
            .signed_in("admin@stoke.gov.uk", Role::Administrator)
            .await;
        let organiser = app
            .signed_in("organiser@group.example.org", Role::Organiser)
            .await;
        let volunteer = app
            .signed_in("volunteer@group.example.org", Role::Volunteer)
            .await;
        let (officer_csrf, admin_csrf) = (officer.csrf().await, admin.csrf().await);
        let (organiser_csrf, volunteer_csrf) = (
            organiser.csrf_from("/account").await,
            volunteer.csrf_from("/account").await,
        );
        let patterns = server::startup::route_patterns(&app.state);
        assert!(patterns.len() > 40, "{patterns:?}");
        assert!(server::startup::undeclared_routes(&app.state).is_empty());
        // And the other way: every declared address is served, so no stale declaration
        // stands ready for a route that might come later under another meaning.
        for (declared, _) in app::shared::ssr::access::declared_routes() {
            let served = match declared.strip_suffix("{*fn}") {
                Some(prefix) => patterns.iter().any(|p| p.starts_with(prefix)),
                None => patterns.iter().any(|p| p == declared),
            };
            assert!(served, "{declared} is declared but nothing serves it");
        }
        for pattern in &patterns {
            let path = sample(pattern, &resume);
            let access = access_for(&path).unwrap_or_else(|| panic!("{path} declares no access"));
            for (who, agent, csrf, role) in [
                ("anonymous", &anon, "", None),
                (
                    "officer",
                    &officer,
                    officer_csrf.as_str(),
                    Some(Role::Officer),
                ),
                (
                    "administrator",
                    &admin,
                    admin_csrf.as_str(),
                    Some(Role::Administrator),
                ),
                (
                    "organiser",
                    &organiser,
                    organiser_csrf.as_str(),
                    Some(Role::Organiser),
                ),
                (
                    "volunteer",
                    &volunteer,
                    volunteer_csrf.as_str(),
                    Some(Role::Volunteer),
                ),
            ] {
                let may = access == Access::Anyone || role.is_some_and(|r| allowed(r, access));
                for method in ["GET", "POST"] {
                    // Signing out would end the session the rest of the matrix needs.
                    if path == "/sign-out" && may && method == "POST" {
                        continue;
                    }
                    let res = send_as(agent, csrf, method, &path).await;
                    if may {
                        assert!(
                            !refused(&res),
                            "{who} {method} {path} ({access:?}) was refused: {}",
                            res.status()
                        );
                    } else {
                        assert!(
                            refused(&res),
                            "{who} {method} {path} ({access:?}) was let through: {}",
                            res.status()
                        );
                    }
                }
            }
        }
        // An address no route declares is refused, signed in or not.
        for agent in [&anon, &officer, &admin] {
            let res = send(agent, "GET", "/officers-guide").await;
            assert_eq!(res.status(), StatusCode::NOT_FOUND);
        }
    }
);

/// Sends a GET with the path exactly as written: an HTTP client library would tidy `..`
/// and `%2e` away before sending, and an attacker's client does not.
async fn raw_get(app: &TestApp, path: &str, cookie: Option<&str>) -> (u16, String) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let host = app.base.trim_start_matches("http://").to_string();
    let mut stream = tokio::net::TcpStream::connect(&host).await.unwrap();
    let cookie = cookie
        .map(|c| format!("Cookie: kiln_session={c}\r\n"))
        .unwrap_or_default();
    let request = format!(
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept: text/html\r\n{cookie}Connection: close\r\n\r\n"
    );
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut reply = Vec::new();
    stream.read_to_end(&mut reply).await.unwrap();
    let reply = String::from_utf8_lossy(&reply).to_string();
    let status = reply
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, reply)
}

/// A session for a new user with `role`, as its cookie value.
async fn session_for(app: &TestApp, email: &str, role: Role) -> String {
    app.make_user(email, role).await;
    let user = store::users::find_by_email(
        &app.db,
        &domain::accounts::EmailAddress::parse(email).unwrap(),
    )
    .await
    .unwrap()
    .unwrap();
    store::sessions::start(&app.db, user.id, app.clock.now())
        .await
        .unwrap()
        .token
}

db_test!(
    addresses_in_other_forms_do_not_change_who_may_enter,
    |app: TestApp| async move {
        let officer = session_for(&app, "officer@stoke.gov.uk", Role::Officer).await;
        let admin = session_for(&app, "admin@stoke.gov.uk", Role::Administrator).await;
        // The plain address works for the administrator, so the refusals below are the form's.
        let (status, body) = raw_get(&app, "/admin/users", Some(&admin)).await;
        assert_eq!(status, 200);
        assert!(body.contains("officer@stoke.gov.uk"));
        for path in [
            "/admin/users/",
            "//admin/users",
            "/admin/./users",
            "/officer/../admin/users",
            "/officer/%2e%2e/admin/users",
            "/officer/%2E%2E/admin/users",
            "/admin%2fusers",
            "/ADMIN/users",
            "/Admin/Users",
            "/officer/",
            "/OFFICER",
        ] {
            for (who, cookie) in [
                ("anonymous", None),
                ("officer", Some(officer.as_str())),
                ("admin", Some(admin.as_str())),
            ] {
                let (status, body) = raw_get(&app, path, cookie).await;
                assert_eq!(status, 404, "{who} GET {path}");
                assert!(!body.contains("officer@stoke.gov.uk"), "{who} GET {path}");
            }
        }
    }
);

db_test!(
    a_second_groups_people_reach_nothing_of_the_first_on_any_group_route,
    |app: TestApp| async move {
        // The first group: an event today, a volunteer's entry, answers kept aside.
        let olu = app
            .signed_in("olu@group.example.org", Role::Organiser)
            .await;
        let (event, wave) = crate::groups::todays_wellbeing_event(&olu, &app).await;
        let vic = app
            .signed_in("vic@group.example.org", Role::Volunteer)
            .await;
        let csrf = vic.csrf_from(&format!("/group/events/{event}")).await;
        let entry = crate::common::location(
            &vic.post(
                &format!("/group/events/{event}/enter/{wave}"),
                &[("csrf", &csrf)],
            )
            .await,
        );
        let code = entry.rsplit('/').next().unwrap().to_string();
        let aside = crate::offline::kept_aside_at(&app, &vic, event, wave).await;
        let batch = crate::common::location(
            &vic.post(
                &format!("/group/events/{event}/paper/{wave}"),
                &[("csrf", &csrf)],
            )
            .await,
        );
        let batch = batch.rsplit('/').next().unwrap().to_string();
        // The second group's organiser and volunteer.
        let second = app.group("Second group").await;
        app.make_member("sam@second.example.org", Role::Organiser, Some(second))
            .await;
        app.make_member("sue@second.example.org", Role::Volunteer, Some(second))
            .await;
        let sam = app
            .sign_in_as("sam@second.example.org", Role::Organiser)
            .await;
        let sue = app
            .sign_in_as("sue@second.example.org", Role::Volunteer)
            .await;
        let (sam_csrf, sue_csrf) = (sam.csrf_from("/group").await, sue.csrf_from("/group").await);
        let olu_csrf = olu.csrf_from("/group").await;

        let patterns = server::startup::route_patterns(&app.state);
        let group_routes: Vec<&str> = patterns
            .iter()
            .map(String::as_str)
            .filter(|p| p.starts_with("/group/") && p.contains('{'))
            .collect();
        assert!(group_routes.len() >= 8, "{group_routes:?}");
        for pattern in group_routes {
            let path = pattern
                .split('/')
                .map(|seg| match seg {
                    "{id}" if pattern.starts_with("/group/kept-aside/") => aside.to_string(),
                    "{id}" if pattern.starts_with("/group/batches/") => batch.clone(),
                    "{id}" => event.to_string(),
                    "{wave}" => wave.to_string(),
                    "{code}" => code.clone(),
                    s if s.starts_with('{') => panic!("no sample value for {s} in {pattern}"),
                    s => s.to_string(),
                })
                .collect::<Vec<_>>()
                .join("/");
            // The first group's organiser reaches it (a POST-only route answers a GET
            // with 405, which is not "not found").
            let own = send_as(&olu, &olu_csrf, "GET", &path).await;
            assert_ne!(own.status(), StatusCode::NOT_FOUND, "olu GET {path}");
            assert!(!refused(&own), "olu GET {path}");
            for (who, agent, csrf) in [("sam", &sam, &sam_csrf), ("sue", &sue, &sue_csrf)] {
                for method in ["GET", "POST"] {
                    let res = send_as(agent, csrf, method, &path).await;
                    let status = res.status();
                    let body = res.text().await.unwrap_or_default();
                    assert!(
                        status == StatusCode::NOT_FOUND
                            || status == StatusCode::FORBIDDEN
                            || status == StatusCode::METHOD_NOT_ALLOWED
                            || status == StatusCode::UNSUPPORTED_MEDIA_TYPE,
                        "{who} {method} {path}: {status}"
                    );
                    for secret in ["Coffee and a chat", "vic@group.example.org"] {
                        assert!(
                            !body.contains(secret),
                            "{who} {method} {path} shows {secret}"
                        );
                    }
                }
            }
        }
        // Nothing of the first group's changed: the entry is unsent, the answers still
        // aside, the batch still being entered.
        assert!(vic
            .get(&format!("/group/batches/{batch}"))
            .await
            .words()
            .contains("Being entered"));
        assert!(vic
            .get(&entry)
            .await
            .words()
            .contains("Enter a resident's answers"));
        assert!(olu
            .get(&format!("/group/events/{event}"))
            .await
            .words()
            .contains("Answers kept aside"));
    }
);
