//! Inviting residents to a wave: the panel (all or a sample by ward) or an uploaded list,
//! single-use access codes, reminders, leaving, what is deleted at close, and that no table
//! links an invitation to an answer. Over real HTTP, on SQLite and PostgreSQL.

use domain::accounts::Role;
use reqwest::multipart::{Form, Part};
use reqwest::StatusCode;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait};
use store::entity::{draft, invitation, response, subscriber};

use crate::common::{location, Agent, Email, TestApp};
use crate::email::join_panel;

const FIELDWORK: &str = "/officer/wellbeing/2026-baseline/fieldwork";
const INVITE_PANEL: &str = "/officer/wellbeing/2026-baseline/invite/panel";
const INVITE_LIST: &str = "/officer/wellbeing/2026-baseline/invite/list";
const DAY: i64 = 24 * 60 * 60;

/// Invites the panel as the fieldwork page's form does; the page it goes back to.
async fn invite_panel(officer: &Agent, fields: &[(&str, &str)]) -> crate::common::Page {
    let csrf = officer.csrf_from(FIELDWORK).await;
    let mut all = vec![("csrf", csrf.as_str())];
    all.extend_from_slice(fields);
    let res = officer.post(INVITE_PANEL, &all).await;
    assert_eq!(location(&res), format!("{FIELDWORK}#invite"));
    officer.get(FIELDWORK).await
}

/// Uploads a list as the fieldwork page's form does; the page it goes back to.
async fn invite_list(officer: &Agent, csv: &str, first: &str) -> crate::common::Page {
    let csrf = officer.csrf_from(FIELDWORK).await;
    let form = Form::new()
        .text("csrf", csrf)
        .text("first_reminder", first.to_string())
        .text("second_reminder", "")
        .part(
            "file",
            Part::bytes(csv.as_bytes().to_vec())
                .file_name("list.csv")
                .mime_str("text/csv")
                .unwrap(),
        );
    let res = officer
        .client
        .post(officer.url(INVITE_LIST))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(location(&res), format!("{FIELDWORK}#invite"));
    officer.get(FIELDWORK).await
}

/// The survey invitations and reminders sent so far.
async fn survey_mail(app: &TestApp) -> Vec<Email> {
    app.deliver_mail().await;
    app.mail_taken()
        .await
        .into_iter()
        .filter(|m| m.subject.contains("Please take part") || m.subject.starts_with("Reminder"))
        .collect()
}

async fn remind(app: &TestApp) -> usize {
    store::invitations::remind_due(
        &app.db,
        &app.state.form_secret,
        app.clock.now(),
        app.clock.now(),
    )
    .await
    .unwrap()
}

/// Opens an invitation's link in a new browser, presses Start, answers everything and
/// sends; the browser, for what it does next.
async fn answer_from(app: &TestApp, link: &str, ward: &str) -> Agent {
    let a = app.agent();
    let page = a.get(link).await;
    assert!(page.text.contains("Start the survey"), "{}", page.text);
    assert!(page.text.contains("never linked to you"));
    let code = page.attr("input[name=code]", "value").unwrap();
    let res = a.post("/take-part", &[("code", &code)]).await;
    let mut at = location(&res);
    assert!(at.ends_with("/section/1"), "{at}");
    let sections: [&[(&str, &str)]; 4] = [
        &[("area", ward)],
        &[
            ("wb_life_satisfaction", "7"),
            ("wb_worthwhile", "8"),
            ("wb_happiness", "6"),
            ("wb_anxiety", "2"),
        ],
        &[
            ("wb_loneliness", "hardly_ever"),
            ("fin_managing", "doing_alright"),
            ("health_general", "good"),
        ],
        &[("age_band", "35-44"), ("sex", "female")],
    ];
    for answers in sections {
        let page = a.get(&at).await;
        let token = page.token();
        let mut fields = vec![("token", token.as_str()), ("intent", "continue")];
        fields.extend_from_slice(answers);
        at = location(&a.post(&at, &fields).await);
    }
    assert!(at.ends_with("/check"), "{at}");
    let check = a.get(&at).await;
    let action = check.attr("form[action$=submit]", "action").unwrap();
    let res = a.post(&action, &[("token", &check.token())]).await;
    assert!(location(&res).ends_with("/done"));
    let cleared = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .any(|v| v.to_str().unwrap().contains("kiln_invited=;"));
    assert!(cleared, "the code leaves the browser once it is spent");
    a
}

/// Tries a code at /take-part; the error summary it comes back with.
async fn try_code(a: &Agent, code: &str) -> Vec<String> {
    let res = a.post("/take-part", &[("code", code)]).await;
    assert!(location(&res).starts_with("/take-part?error="));
    let page = a.get(&location(&res)).await;
    assert_eq!(
        page.attr("#code", "value").as_deref(),
        Some(code),
        "what was typed is kept"
    );
    page.error_summary()
}

fn row_of(page: &crate::common::Page, ward: &str) -> String {
    let rows: Vec<String> = page
        .select("[data-testid=invitations-by-ward] tbody tr")
        .into_iter()
        .map(|r| r.text().collect::<Vec<_>>().join("|"))
        .collect();
    rows.iter()
        .find(|r| r.starts_with(ward))
        .cloned()
        .unwrap_or_else(|| panic!("no row for {ward} in {rows:?}"))
}

db_test!(
    the_panel_is_invited_answers_once_and_is_reminded_until_it_does,
    |app: TestApp| async move {
        let ward = app.ward_code("Tunstall").await;
        for who in ["one@example.org", "two@example.org"] {
            join_panel(&app, who, &ward, "25-34").await;
        }
        join_panel(&app, "three@example.org", "", "").await;
        let officer = app.signed_in("officer@example.org", Role::Officer).await;
        let page = officer.get(FIELDWORK).await;
        assert!(page
            .text
            .contains("Every panel member not yet invited to this wave (3)"));
        assert!(page
            .text
            .contains("Nobody has been invited to this wave yet."));

        let page = invite_panel(
            &officer,
            &[
                ("who", "all"),
                ("first_reminder", "7"),
                ("second_reminder", "14"),
            ],
        )
        .await;
        assert!(
            page.text.contains("Invited 3 panel members."),
            "{}",
            page.texts(".notice").join("|")
        );
        assert!(page.text.contains("After 7 and 14 days"));
        assert!(page.text.contains("(0)"), "nobody is left to invite");
        let mail = survey_mail(&app).await;
        assert_eq!(mail.len(), 3);
        let to_one = mail.iter().find(|m| m.to == "one@example.org").unwrap();
        assert!(to_one
            .raw
            .contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
        assert!(to_one.text.contains("To leave the panel: "));
        let link = to_one.link(&app.base, "/take-part/");
        let code = link.trim_start_matches("/take-part/").to_string();
        assert!(code.len() >= 16);
        // No look-alike characters.
        assert!(!code.chars().any(|c| "01ILOUV5S".contains(c)), "{code}");
        // Only a keyed hash of the code is stored.
        let rows = invitation::Entity::find().all(&app.db).await.unwrap();
        assert!(rows.iter().all(|r| !r.code_hash.contains(&code)));

        let resident = answer_from(&app, &link, &ward).await;
        let spent = invitation::Entity::find().all(&app.db).await.unwrap();
        let used: Vec<_> = spent.iter().filter(|r| r.used_on.is_some()).collect();
        assert_eq!(used.len(), 1);
        assert_eq!(used[0].used_on, Some(app.clock.today()));

        // The code is spent: the same words as a code that never was.
        let spent_again = try_code(&resident, &code).await;
        let made_up = try_code(&resident, "AAAA-BBBB-CCCC-DDDD-EEEE").await;
        assert_eq!(spent_again, made_up);
        assert!(made_up[0].contains("not right, or it has been used already"));
        assert_eq!(
            try_code(&resident, "AAAA").await,
            ["Your access code should be 20 letters and numbers, like 7KQM-2XTP-9ABD-RW4H-C3NF"]
        );

        // Reminders: the two who have not answered, on day 7 and day 14, then no more.
        app.advance(6 * DAY);
        assert_eq!(remind(&app).await, 0);
        app.advance(DAY);
        assert_eq!(remind(&app).await, 2);
        assert_eq!(remind(&app).await, 0, "each reminder goes once");
        app.advance(7 * DAY);
        assert_eq!(remind(&app).await, 2);
        app.advance(30 * DAY);
        assert_eq!(remind(&app).await, 0, "at most two");
        let mail = survey_mail(&app).await;
        assert_eq!(mail.len(), 7);
        assert!(
            mail.iter().filter(|m| m.to == "one@example.org").count() == 1,
            "no reminder to the one who answered"
        );
        let reminder = mail
            .iter()
            .find(|m| m.to == "two@example.org" && m.subject.starts_with("Reminder"))
            .unwrap();
        // A reminder carries the same code as the invitation.
        let first = mail
            .iter()
            .find(|m| m.to == "two@example.org" && !m.subject.starts_with("Reminder"))
            .unwrap();
        assert_eq!(
            reminder.link(&app.base, "/take-part/"),
            first.link(&app.base, "/take-part/")
        );

        // Fieldwork: invited, reminded and responded by ward (signed in again: weeks passed).
        let officer = app.agent();
        officer
            .sign_in("officer@example.org", crate::common::PASSWORD)
            .await;
        let page = officer.get(FIELDWORK).await;
        assert_eq!(row_of(&page, "Tunstall"), "Tunstall|2|1|1");
        assert_eq!(row_of(&page, "No ward given"), "No ward given|1|1|0");
        assert_eq!(row_of(&page, "All"), "All|3|2|1");

        // The one-click leave in a panel invitation leaves the panel at once.
        let leave = reminder.link(&app.base, "/updates/leave/");
        let res = app.agent().post(&leave, &[]).await;
        assert_eq!(location(&res), "/panel?left=1");
        let left = subscriber::Entity::find().all(&app.db).await.unwrap();
        assert!(left.iter().all(|s| s.email != "two@example.org"));
        let rows = invitation::Entity::find().all(&app.db).await.unwrap();
        assert_eq!(rows.iter().filter(|r| r.subscriber_id.is_some()).count(), 2);
    }
);

db_test!(
    a_sample_is_shared_out_between_wards,
    |app: TestApp| async move {
        let (a, b) = (
            app.ward_code("Tunstall").await,
            app.ward_code("Burslem Park").await,
        );
        for i in 0..10 {
            subscriber::ActiveModel {
                list: Set("panel".into()),
                email: Set(format!("m{i}@example.org")),
                ward_code: Set(Some(if i < 6 { a.clone() } else { b.clone() })),
                age_band: Set(None),
                sex: Set(None),
                confirm_hash: Set(None),
                created_at: Set(app.clock.now()),
                confirmed_at: Set(Some(app.clock.now())),
                ..Default::default()
            }
            .insert(&app.db)
            .await
            .unwrap();
        }
        let officer = app.signed_in("officer@example.org", Role::Officer).await;
        let page = invite_panel(&officer, &[("who", "sample"), ("size", "5")]).await;
        assert!(page.text.contains("Invited 5 panel members."));
        assert!(page.text.contains("No reminders will be sent."));
        assert_eq!(row_of(&page, "Tunstall"), "Tunstall|3|0|0");
        assert_eq!(row_of(&page, "Burslem Park"), "Burslem Park|2|0|0");
        // A second sample takes only members not invited yet.
        let page = invite_panel(&officer, &[("who", "all")]).await;
        assert!(page.text.contains("Invited 5 panel members. 5 left out"));
        let page = invite_panel(&officer, &[("who", "all")]).await;
        assert_eq!(
            page.error_summary(),
            ["Every confirmed panel member has been invited to this wave already"]
        );
        assert_eq!(survey_mail(&app).await.len(), 10);
    }
);

db_test!(
    bad_invitation_forms_say_what_is_wrong_and_keep_what_was_typed,
    |app: TestApp| async move {
        let officer = app.signed_in("officer@example.org", Role::Officer).await;
        let page = invite_panel(&officer, &[("who", ""), ("size", "")]).await;
        assert_eq!(
            page.error_summary(),
            ["Choose whether to invite the whole panel or a sample"]
        );
        assert!(page.text.contains("<title>Error: "));
        let page = invite_panel(&officer, &[("who", "sample"), ("size", "lots")]).await;
        assert_eq!(
            page.error_summary(),
            ["Enter how many members to invite, as a whole number like 200"]
        );
        assert_eq!(page.attr("#panel-size", "value").as_deref(), Some("lots"));
        assert_eq!(page.checked("who").as_deref(), Some("sample"));
        let page = invite_panel(
            &officer,
            &[
                ("who", "all"),
                ("first_reminder", "10"),
                ("second_reminder", "5"),
            ],
        )
        .await;
        assert_eq!(
            page.error_summary(),
            ["The second reminder must come after the first"]
        );
        assert_eq!(
            page.attr("#panel-second_reminder", "value").as_deref(),
            Some("5")
        );
        assert!(page.select("#panel-second_reminder-error").len() == 1);
        // Nobody is in the panel.
        let page = invite_panel(&officer, &[("who", "all")]).await;
        assert_eq!(
            page.error_summary(),
            ["Every confirmed panel member has been invited to this wave already"]
        );
        // A list with bad rows: every problem by line, nobody invited.
        let page = invite_list(
            &officer,
            "email,ward\nnot-an-address,\nok@example.org,Atlantis\n",
            "",
        )
        .await;
        assert_eq!(
            page.error_summary(),
            ["The file has 2 problems; nobody was invited. Correct the file and upload it again."]
        );
        assert!(page.text.contains("line 2, column email"));
        assert!(page.text.contains("line 3, column ward"));
        assert!(invitation::Entity::find()
            .all(&app.db)
            .await
            .unwrap()
            .is_empty());
        // Residents cannot invite anyone.
        let res = app.agent().post(INVITE_PANEL, &[("who", "all")]).await;
        assert_ne!(res.status(), StatusCode::SEE_OTHER);
    }
);

db_test!(
    an_uploaded_list_is_invited_can_leave_and_is_deleted_at_close,
    |app: TestApp| async move {
        let ward = app.ward_code("Tunstall").await;
        let officer = app.signed_in("officer@example.org", Role::Officer).await;
        let csv = "email,ward\nann@example.org,Tunstall\nBen@Example.org,\nann@example.org,\n";
        let page = invite_list(&officer, csv, "3").await;
        assert!(
            page.text
                .contains("Invited 2 people from the list. 1 left out"),
            "{}",
            page.texts(".notice").join("|")
        );
        assert_eq!(row_of(&page, "Tunstall"), "Tunstall|1|0|0");
        let mail = survey_mail(&app).await;
        assert_eq!(mail.len(), 2);
        let to_ben = mail.iter().find(|m| m.to == "ben@example.org").unwrap();
        assert!(to_ben.text.contains("the council was given your address"));

        // Ben asks for no more: his address goes at once, and a later list skips it.
        let leave = to_ben.link(&app.base, "/updates/leave/");
        let page = app.agent().get(&leave).await;
        assert!(page.text.contains("Stop emails about council surveys"));
        let res = app.agent().post(&leave, &[]).await;
        assert!(location(&res).ends_with("?left=1"));
        let page = app.agent().get(&location(&res)).await;
        assert!(page.text.contains("You will get no more survey emails"));
        let rows = invitation::Entity::find().all(&app.db).await.unwrap();
        assert!(rows
            .iter()
            .all(|r| r.email.as_deref() != Some("ben@example.org")));
        let page = invite_list(&officer, "email\nben@example.org\n", "").await;
        assert_eq!(
            page.error_summary(),
            ["Everyone on the list has been invited to this wave already, or asked for no more emails"]
        );

        // Ann answers from her link.
        let to_ann = mail.iter().find(|m| m.to == "ann@example.org").unwrap();
        answer_from(&app, &to_ann.link(&app.base, "/take-part/"), &ward).await;

        // The wave closes: the list's addresses are deleted, no reminder goes, and the
        // codes lead to "closed".
        let csrf = officer.csrf_from(FIELDWORK).await;
        officer
            .post(
                "/officer/wellbeing/2026-baseline/change",
                &[("action", "close"), ("csrf", &csrf)],
            )
            .await;
        let rows = invitation::Entity::find().all(&app.db).await.unwrap();
        assert!(rows
            .iter()
            .all(|r| r.email.is_none() && r.subscriber_id.is_none()));
        assert_eq!(rows.iter().filter(|r| r.used_on.is_some()).count(), 1);
        app.advance(10 * DAY);
        assert_eq!(remind(&app).await, 0);
        let officer = app.agent();
        officer
            .sign_in("officer@example.org", crate::common::PASSWORD)
            .await;
        let page = officer.get(FIELDWORK).await;
        assert!(page.text.contains("This wave is closed"));
        assert_eq!(row_of(&page, "All"), "All|2|0|1");
        let leave_again = app.agent().get(&leave).await;
        assert!(leave_again.text.contains("You will not get these emails"));
    }
);

db_test!(
    no_table_links_an_invitation_to_an_answer,
    |app: TestApp| async move {
        use sea_orm::{ConnectionTrait, Iterable, Statement};
        let ward = app.ward_code("Tunstall").await;
        join_panel(&app, "one@example.org", &ward, "").await;
        let officer = app.signed_in("officer@example.org", Role::Officer).await;
        invite_panel(&officer, &[("who", "all")]).await;
        let mail = survey_mail(&app).await;
        let link = mail[0].link(&app.base, "/take-part/");
        // Half-way through, the unfinished response holds nothing of the invitation...
        let a = app.agent();
        let code = link.trim_start_matches("/take-part/");
        let first = location(&a.post("/take-part", &[("code", code)]).await);
        assert!(first.contains("/section/1"));
        let inv = invitation::Entity::find()
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        let values = |row: String| {
            for v in [code, inv.code_hash.as_str(), "one@example.org"] {
                assert!(!row.contains(v), "{row} holds {v}");
            }
        };
        for d in draft::Entity::find().all(&app.db).await.unwrap() {
            values(format!("{d:?}"));
        }
        // ...and nor does the response.
        answer_from(&app, &link, &ward).await;
        let responses = response::Entity::find().all(&app.db).await.unwrap();
        assert!(!responses.is_empty());
        for r in &responses {
            values(format!("{r:?}"));
        }
        // No column of an answer names an invitation, a code or a person.
        for c in response::Column::iter()
            .map(|c| sea_orm::IdenStatic::as_str(&c).to_string())
            .chain(draft::Column::iter().map(|c| sea_orm::IdenStatic::as_str(&c).to_string()))
        {
            assert!(
                !["invit", "access", "email", "subscriber", "member", "hash"]
                    .iter()
                    .any(|w| c.contains(w)),
                "{c}"
            );
        }
        // The invitation keeps only that it was used, and the date.
        let columns: Vec<String> = invitation::Column::iter()
            .map(|c| sea_orm::IdenStatic::as_str(&c).to_string())
            .collect();
        assert_eq!(
            columns,
            [
                "id",
                "batch_id",
                "wave_id",
                "subscriber_id",
                "email",
                "ward_code",
                "code_hash",
                "invited_at",
                "reminders",
                "used_on"
            ]
        );
        // No foreign key between answers and invitations, either way.
        let backend = app.db.get_database_backend();
        for (table, other) in [
            ("response", "invitation"),
            ("draft", "invitation"),
            ("invitation", "response"),
            ("invitation", "draft"),
        ] {
            let sql = match backend {
                sea_orm::DbBackend::Postgres => format!(
                    "SELECT count(*) FROM information_schema.referential_constraints rc
                     JOIN information_schema.table_constraints a ON a.constraint_name = rc.constraint_name
                     JOIN information_schema.table_constraints b ON b.constraint_name = rc.unique_constraint_name
                     WHERE a.table_name = '{table}' AND b.table_name = '{other}'"
                ),
                _ => format!(
                    "SELECT count(*) FROM pragma_foreign_key_list('{table}') WHERE \"table\" = '{other}'"
                ),
            };
            let row = app
                .db
                .query_one_raw(Statement::from_string(backend, sql))
                .await
                .unwrap()
                .unwrap();
            assert_eq!(
                row.try_get_by_index::<i64>(0).unwrap(),
                0,
                "{table} → {other}"
            );
        }
    }
);

db_test!(
    trying_access_codes_is_rate_limited,
    |b| b.configure(|c| c.survey_limits.resumes_per_minute = 2),
    |app: TestApp| async move {
        let a = app.agent();
        for _ in 0..2 {
            let res = a
                .post("/take-part", &[("code", "AAAA-BBBB-CCCC-DDDD-EEEE")])
                .await;
            assert_eq!(res.status(), StatusCode::SEE_OTHER);
        }
        let res = a
            .post("/take-part", &[("code", "AAAA-BBBB-CCCC-DDDD-EEEE")])
            .await;
        assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
        assert!(app
            .get("/take-part")
            .await
            .text
            .contains("Take part with an access code"));
    }
);
