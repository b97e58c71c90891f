//! Every message Kiln sends, through a real SMTP server (started by `scripts/test`) and read
//! back from its mailbox: a staff invitation, a panel confirmation, a survey invitation and
//! its reminder, a results-updates confirmation and a results update, and the one-click
//! unsubscribe (RFC 8058) their headers offer. (The password reset is in `email.rs`.)

use domain::accounts::Role;
use sea_orm::EntityTrait;
use store::entity::subscriber;

use crate::common::{delivered_to, location, smtp_url, Email, TestApp};
use server::config::MailTo;

const FIELDWORK: &str = "/officer/wellbeing/2026-baseline/fieldwork";

/// The one message with this subject delivered to `to` (sent first).
async fn delivered(app: &TestApp, to: &str, subject: &str) -> Email {
    app.deliver_mail().await;
    let got: Vec<Email> = delivered_to(to)
        .into_iter()
        .filter(|m| m.subject.starts_with(subject))
        .collect();
    assert_eq!(got.len(), 1, "one '{subject}' to {to}");
    got.into_iter().next().unwrap()
}

/// The address in a message's `List-Unsubscribe` header.
fn unsubscribe_url(m: &Email) -> String {
    let line = m
        .raw
        .lines()
        .find(|l| l.starts_with("List-Unsubscribe: <"))
        .expect("a List-Unsubscribe header");
    line.trim_start_matches("List-Unsubscribe: <")
        .trim_end_matches('>')
        .to_string()
}

/// What a mail provider does for "unsubscribe": a POST with no cookie and no form token.
async fn one_click(app: &TestApp, m: &Email) {
    let res = app
        .client
        .post(unsubscribe_url(m))
        .form(&[("List-Unsubscribe", "One-Click")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), reqwest::StatusCode::SEE_OTHER);
}

async fn confirm_list(app: &TestApp, page: &str, email: &str, fields: &[(&str, &str)]) {
    let a = app.agent();
    let token = a.get(page).await.token();
    let mut all = vec![("email", email), ("token", token.as_str())];
    all.extend_from_slice(fields);
    assert!(location(&a.post(page, &all).await).ends_with("?sent=1"));
}

db_test!(
    every_message_reaches_a_real_mail_server,
    |b| b.configure(|c| c.mail.to = MailTo::Smtp(smtp_url())),
    |app: TestApp| async move {
        // Addresses of this test's own: the server's mailbox is shared by every test.
        let tag = format!("{:x}", rand::random::<u64>());
        let at = |who: &str| format!("{who}-{tag}@example.org");

        // A staff invitation.
        let admin = app
            .signed_in("admin@example.org", Role::Administrator)
            .await;
        admin.invite_officer("Sam Officer", &at("staff")).await;
        let m = delivered(&app, &at("staff"), "You are invited to Kiln").await;
        assert!(
            !m.raw.contains("List-Unsubscribe"),
            "staff mail has no list headers"
        );
        assert!(app
            .get(&m.link(&app.base, "/invitation/"))
            .await
            .text
            .contains("Choose"));

        // A panel confirmation.
        let member = at("member");
        confirm_list(
            &app,
            "/panel",
            &member,
            &[("ward", ""), ("age_band", ""), ("sex", "")],
        )
        .await;
        let m = delivered(
            &app,
            &member,
            "Confirm you want to join the residents' panel",
        )
        .await;
        let res = app
            .agent()
            .post(&m.link(&app.base, "/updates/confirm/"), &[])
            .await;
        assert_eq!(location(&res), "/panel?confirmed=1");

        // A survey invitation, then its reminder.
        let officer = app.signed_in("officer@example.org", Role::Officer).await;
        let csrf = officer.csrf_from(FIELDWORK).await;
        officer
            .post(
                "/officer/wellbeing/2026-baseline/invite/panel",
                &[("csrf", &csrf), ("who", "all"), ("first_reminder", "3")],
            )
            .await;
        let invitation = delivered(&app, &member, "Please take part").await;
        let link = invitation.link(&app.base, "/take-part/");
        assert!(app.get(&link).await.text.contains("Start the survey"));
        app.advance(3 * 24 * 60 * 60);
        store::invitations::remind_due(
            &app.db,
            &app.state.form_secret,
            app.clock.now(),
            app.clock.now(),
        )
        .await
        .unwrap();
        let reminder = delivered(&app, &member, "Reminder: please take part").await;
        assert_eq!(reminder.link(&app.base, "/take-part/"), link);
        // Unsubscribing from the reminder leaves the panel.
        one_click(&app, &reminder).await;
        let members = subscriber::Entity::find().all(&app.db).await.unwrap();
        assert!(members.iter().all(|s| s.email != member));

        // A results-updates confirmation, then a results update, then one click to stop.
        let reader = at("reader");
        confirm_list(&app, "/updates", &reader, &[]).await;
        let m = delivered(
            &app,
            &reader,
            "Confirm you want emails about survey results",
        )
        .await;
        app.agent()
            .post(&m.link(&app.base, "/updates/confirm/"), &[])
            .await;
        app.publish("2026-baseline").await;
        let update = delivered(&app, &reader, "New results").await;
        assert!(update.text.contains("/results/wellbeing/2026-baseline"));
        one_click(&app, &update).await;
        assert!(subscriber::Entity::find()
            .all(&app.db)
            .await
            .unwrap()
            .is_empty());
    }
);
