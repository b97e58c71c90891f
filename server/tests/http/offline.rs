//! Answers entered without a connection: the offline page, and the answers its script sends
//! when the connection returns, each under the id the browser made. Kiln takes an id once:
//! the same answers again are acknowledged, different ones kept aside for the organiser.

use crate::common::{location, Agent, TestApp};
use crate::groups::{todays_wellbeing_event, WELLBEING};
use domain::accounts::Role;
use reqwest::StatusCode;
use sea_orm::EntityTrait;

const FIRST: &str = "0123456789abcdef0123456789abcdef";
const SECOND: &str = "fedcba9876543210fedcba9876543210";

/// Sends answers as the offline page does; the reply's status and JSON.
async fn send(
    agent: &Agent,
    to: &str,
    id: &str,
    answers: &[(&str, &str)],
    agreed: bool,
) -> (StatusCode, serde_json::Value) {
    let body = serde_json::json!({
        "id": id,
        "answers": answers.iter().map(|(k, v)| (k.to_string(), serde_json::Value::from(*v))).collect::<serde_json::Map<_, _>>(),
        "agreed": agreed,
    });
    let res = agent
        .client
        .post(agent.url(to))
        .header("content-type", "application/json")
        .body(body.to_string())
        .send()
        .await
        .unwrap();
    let status = res.status();
    (status, res.json().await.unwrap_or(serde_json::Value::Null))
}

fn outcome(reply: &serde_json::Value) -> &str {
    reply["outcome"].as_str().unwrap_or_default()
}

/// A whole resident's wellbeing answers in the ward given, with one score changed.
fn answers<'a>(ward: &'a str, happiness: &'a str) -> Vec<(&'a str, &'a str)> {
    let mut a = vec![("area", ward)];
    a.extend(
        WELLBEING
            .iter()
            .map(|&(k, v)| (k, if k == "wb_happiness" { happiness } else { v })),
    );
    a
}

db_test!(
    answers_sent_from_a_device_are_taken_once_by_their_id,
    |app: TestApp| async move {
        let olu = app
            .signed_in("olu@group.example.org", Role::Organiser)
            .await;
        let (event, wave) = todays_wellbeing_event(&olu, &app).await;
        let vic = app
            .signed_in("vic@group.example.org", Role::Volunteer)
            .await;
        let ward = app.ward_code("Tunstall").await;
        let to = format!("/group/events/{event}/offline/{wave}");

        // The event's page links to the offline page, which carries the journey's checks.
        let page = vic.get(&format!("/group/events/{event}")).await;
        assert_eq!(
            page.attr(&format!("a[href='{to}']"), "href"),
            Some(to.clone())
        );
        assert!(page.words().contains("Enter answers offline"));
        let offline = vic.get(&to).await;
        assert_eq!(
            offline.attr("form[data-offline-entry]", "data-send-to"),
            Some(to.clone())
        );
        let checks = offline.texts("[data-offline-checks] li");
        assert!(checks.iter().any(
            |c| c == "Confirm the resident agreed to answer and to you entering their answers"
        ));
        assert!(
            checks.len() >= 8,
            "each required question's message: {checks:?}"
        );
        assert!(offline.attr("script[src*='/pkg/offline']", "src").is_some());

        // Stored once; the same answers again (a reply lost on the way back) are a repeat.
        let (status, reply) = send(&vic, &to, FIRST, &answers(&ward, "6"), true).await;
        assert_eq!((status, outcome(&reply)), (StatusCode::OK, "stored"));
        assert_eq!(
            reply["message"],
            "Sent. 1 response entered at this event so far."
        );
        let (status, reply) = send(&vic, &to, FIRST, &answers(&ward, "6"), true).await;
        assert_eq!((status, outcome(&reply)), (StatusCode::OK, "repeat"));
        let (_, reply) = send(&vic, &to, SECOND, &answers(&ward, "9"), true).await;
        assert_eq!(outcome(&reply), "stored");
        let assisted = || async {
            app.responses()
                .await
                .into_iter()
                .filter(|r| r.channel == "offline" && r.event_id == Some(event))
                .collect::<Vec<_>>()
        };
        assert_eq!(assisted().await.len(), 2);
        let vic_id = app.user_id("vic@group.example.org").await;
        assert!(assisted()
            .await
            .iter()
            .all(|r| r.entered_by == Some(vic_id)));

        // Different answers under an id already sent: kept aside, once.
        for _ in 0..2 {
            let (status, reply) = send(&vic, &to, FIRST, &answers(&ward, "3"), true).await;
            assert_eq!((status, outcome(&reply)), (StatusCode::OK, "kept_aside"));
        }
        assert_eq!(assisted().await.len(), 2);
        let aside = store::entity::entry_aside::Entity::find()
            .all(&app.db)
            .await
            .unwrap();
        assert_eq!(aside.len(), 1);
        // The volunteer does not resolve them; the organiser sees what differs.
        assert!(!vic
            .get(&format!("/group/events/{event}"))
            .await
            .words()
            .contains("Answers kept aside"));
        let page = olu.get(&format!("/group/events/{event}")).await;
        let kept = page.texts("[data-testid=kept-aside]");
        assert_eq!(kept.len(), 1);
        assert!(kept[0].contains("“6” became “3”"), "{kept:?}");
        let action = page
            .attr("[data-testid=kept-aside] form", "action")
            .unwrap();
        let csrf = olu.csrf_from(&format!("/group/events/{event}")).await;

        // Replacing: the response takes the answers kept aside, kept as a correction.
        let res = olu
            .post(&action, &[("csrf", &csrf), ("choice", "replace")])
            .await;
        assert_eq!(location(&res), format!("/group/events/{event}#kept-aside"));
        let page = olu.get(&format!("/group/events/{event}")).await;
        assert!(page.words().contains(
            "The answers kept aside replaced the stored ones: 1 answer changed, kept as a correction."
        ));
        assert!(page.texts("[data-testid=kept-aside]").is_empty());
        let happiness = |r: &store::entity::response::Model| {
            serde_json::from_str::<serde_json::Value>(&r.answers).unwrap()["wb_happiness"].clone()
        };
        assert!(assisted().await.iter().any(|r| happiness(r) == 3));
        let corrections = store::entity::entry_correction::Entity::find()
            .all(&app.db)
            .await
            .unwrap();
        assert_eq!(corrections.len(), 1);
        assert_eq!(
            corrections[0].changed_by,
            app.user_id("olu@group.example.org").await
        );
        // The first answers again are still those first sent: a repeat, not a conflict.
        let (_, reply) = send(&vic, &to, FIRST, &answers(&ward, "6"), true).await;
        assert_eq!(outcome(&reply), "repeat");

        // Keeping: the stored answers stand, and what was kept aside is not kept.
        let (_, reply) = send(&vic, &to, SECOND, &answers(&ward, "1"), true).await;
        assert_eq!(outcome(&reply), "kept_aside");
        let page = olu.get(&format!("/group/events/{event}")).await;
        let action = page
            .attr("[data-testid=kept-aside] form", "action")
            .unwrap();
        olu.post(&action, &[("csrf", &csrf), ("choice", "keep")])
            .await;
        assert!(assisted().await.iter().any(|r| happiness(r) == 9));
        let resolved = store::entity::entry_aside::Entity::find()
            .all(&app.db)
            .await
            .unwrap();
        assert!(resolved
            .iter()
            .all(|a| a.resolved_at.is_some() && a.answers == "{}"));
        // Resolved once only.
        assert_eq!(
            olu.post(&action, &[("csrf", &csrf), ("choice", "replace")])
                .await
                .status(),
            StatusCode::NOT_FOUND
        );

        // Answers the checks refuse (or without the resident's agreement) wait, as typed,
        // on an entry page for the volunteer to check.
        let third = "00000000000000000000000000000003";
        let (_, reply) = send(&vic, &to, third, &[("area", &ward)], true).await;
        assert_eq!(outcome(&reply), "check");
        assert_eq!(reply["href"], format!("/group/entries/{third}"));
        let check = vic
            .get(&format!("/group/entries/{third}?errors=1&agreed=1"))
            .await;
        assert!(check.error_summary().len() >= 7);
        assert_eq!(
            check.attr("#q-area option[selected]", "value"),
            Some(ward.clone())
        );
        let (_, reply) = send(
            &vic,
            &to,
            "00000000000000000000000000000004",
            &answers(&ward, "5"),
            false,
        )
        .await;
        assert_eq!(outcome(&reply), "check");
        assert_eq!(assisted().await.len(), 2);

        // Not an id, or not this group's event: not found. A form post is refused outright
        // (another site could send one; it cannot send JSON without asking first).
        assert_eq!(
            send(&vic, &to, "not-an-id", &answers(&ward, "5"), true)
                .await
                .0,
            StatusCode::NOT_FOUND
        );
        let second = app.group("Second group").await;
        app.make_member("sue@second.example.org", Role::Volunteer, Some(second))
            .await;
        let sue = app
            .sign_in_as("sue@second.example.org", Role::Volunteer)
            .await;
        let (status, reply) = send(&sue, &to, FIRST, &answers(&ward, "3"), true).await;
        assert_eq!(
            (status, outcome(&reply)),
            (StatusCode::NOT_FOUND, "not_found")
        );
        assert_eq!(sue.get_raw(&to).await.status(), StatusCode::NOT_FOUND);
        let csrf = vic.csrf_from("/group").await;
        let form = vic.post(&to, &[("csrf", &csrf), ("id", SECOND)]).await;
        assert_eq!(form.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
        let stranger = app.agent();
        assert_ne!(
            send(
                &stranger,
                &to,
                "00000000000000000000000000000005",
                &answers(&ward, "5"),
                true
            )
            .await
            .0,
            StatusCode::OK
        );

        // After the event closes (a day after it ends), a repeat is still acknowledged,
        // and new answers are refused, to stay on the device.
        app.advance(2 * 86_400);
        let vic = app
            .sign_in_as("vic@group.example.org", Role::Volunteer)
            .await;
        let (_, reply) = send(&vic, &to, SECOND, &answers(&ward, "9"), true).await;
        assert_eq!(outcome(&reply), "repeat");
        let (status, reply) = send(
            &vic,
            &to,
            "00000000000000000000000000000006",
            &answers(&ward, "5"),
            true,
        )
        .await;
        assert_eq!((status, outcome(&reply)), (StatusCode::CONFLICT, "closed"));
        assert_eq!(assisted().await.len(), 2);
    }
);

db_test!(
    the_same_answers_arriving_twice_at_once_are_stored_once,
    |app: TestApp| async move {
        let olu = app
            .signed_in("olu@group.example.org", Role::Organiser)
            .await;
        let (event, wave) = todays_wellbeing_event(&olu, &app).await;
        let vic = app
            .signed_in("vic@group.example.org", Role::Volunteer)
            .await;
        let ward = app.ward_code("Tunstall").await;
        let to = format!("/group/events/{event}/offline/{wave}");
        let a = answers(&ward, "6");
        let (one, two) = tokio::join!(
            send(&vic, &to, FIRST, &a, true),
            send(&vic, &to, FIRST, &a, true)
        );
        let mut outcomes = [outcome(&one.1).to_string(), outcome(&two.1).to_string()];
        outcomes.sort();
        assert_eq!(outcomes, ["repeat", "stored"]);
        assert_eq!(
            app.responses()
                .await
                .iter()
                .filter(|r| r.event_id == Some(event))
                .count(),
            1
        );
    }
);

db_test!(
    signing_out_clears_what_the_site_keeps_on_the_device,
    |app: TestApp| async move {
        let vic = app
            .signed_in("vic@group.example.org", Role::Volunteer)
            .await;
        let csrf = vic.csrf_from("/group").await;
        let res = vic.post("/sign-out", &[("csrf", &csrf)]).await;
        assert_eq!(
            res.headers()
                .get("clear-site-data")
                .and_then(|v| v.to_str().ok()),
            Some("\"storage\"")
        );
        // The service worker: a script of its own, checked for a new version on each
        // visit, allowed to fetch.
        let sw = app.agent().get_raw("/group/sw.js").await;
        assert_eq!(sw.status(), StatusCode::OK);
        let header = |n: &str| {
            sw.headers()
                .get(n)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_string()
        };
        assert!(header("content-type").starts_with("text/javascript"));
        assert_eq!(header("cache-control"), "no-cache");
        assert_eq!(header("content-security-policy"), "default-src 'self'");
    }
);

/// Answers kept aside at one of the first group's events, sent by `vic`: their id.
pub(crate) async fn kept_aside_at(app: &TestApp, vic: &Agent, event: i32, wave: i32) -> i32 {
    let ward = app.ward_code("Tunstall").await;
    let to = format!("/group/events/{event}/offline/{wave}");
    send(vic, &to, FIRST, &answers(&ward, "6"), true).await;
    let (_, reply) = send(vic, &to, FIRST, &answers(&ward, "2"), true).await;
    assert_eq!(outcome(&reply), "kept_aside");
    store::entity::entry_aside::Entity::find()
        .all(&app.db)
        .await
        .unwrap()
        .last()
        .unwrap()
        .id
}
