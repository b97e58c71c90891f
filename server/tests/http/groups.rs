//! Community groups: administrators set groups up and invite organisers; organisers invite
//! volunteers and plan events; public events are listed for residents with a calendar
//! file; and each group's people reach only their own group.

use crate::common::{location, Agent, TestApp};
use domain::accounts::Role;
use reqwest::StatusCode;

/// The first open wave's id, and a ward's id and name.
async fn wave_and_ward(app: &TestApp) -> (String, String, String) {
    let wave = store::events::open_waves(&app.db).await.unwrap()[0].id;
    let ward = store::areas::AreaDirectory::load(&app.db)
        .await
        .unwrap()
        .wards[2]
        .clone();
    (wave.to_string(), ward.id.to_string(), ward.name)
}

/// Posts the plan form with these fields over a complete, valid event on 14 March 2026
/// (12 days after the test clock starts), returning the reply.
pub(crate) async fn plan(
    agent: &Agent,
    app: &TestApp,
    changes: &[(&str, &str)],
) -> reqwest::Response {
    let (wave, ward, _) = wave_and_ward(app).await;
    let csrf = agent.csrf_from("/group/new-event").await;
    let mut fields: Vec<(&str, String)> = vec![
        ("csrf", csrf),
        ("title", "Coffee and a chat".into()),
        ("day", "14".into()),
        ("month", "3".into()),
        ("year", "2026".into()),
        ("starts", "10:00".into()),
        ("ends", "12:30".into()),
        ("place", "Fenton Library, Baker Street".into()),
        ("ward", ward),
        ("waves", wave),
        ("public", "yes".into()),
        (
            "description",
            "Tea, biscuits and a survey.\nStep-free access.".into(),
        ),
    ];
    for (k, v) in changes {
        fields.retain(|(f, _)| f != k);
        if !v.is_empty() {
            fields.push((k, v.to_string()));
        }
    }
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    agent.post("/group/new-event", &pairs).await
}

/// The id at the end of an event page's address.
pub(crate) fn event_id(location: &str) -> i32 {
    location.rsplit('/').next().unwrap().parse().unwrap()
}

db_test!(
    an_administrator_sets_up_a_group_and_its_organiser_joins_by_email,
    |app: TestApp| async move {
        let admin = app
            .signed_in("admin@stoke.gov.uk", Role::Administrator)
            .await;
        let csrf = admin.csrf().await;
        let (_, ward, ward_name) = wave_and_ward(&app).await;
        // Every problem at once, beside its field and in the summary; what was typed kept.
        let res = admin
            .post(
                "/admin/groups",
                &[
                    ("csrf", &csrf),
                    ("name", ""),
                    ("contact_email", "not-an-address"),
                    ("contact_phone", "ring us"),
                    ("description", "Friends of Fenton"),
                ],
            )
            .await;
        assert_eq!(location(&res), "/admin/groups#new-group");
        let page = admin.get("/admin/groups").await;
        assert_eq!(
            page.error_summary(),
            vec![
                "Enter the group's name",
                "Enter a phone number, like 01782 234567 or +44 1782 234567",
                "Enter an email address in the correct format, like name@example.org",
                "Select at least one ward the group works in",
            ]
        );
        assert_eq!(
            page.attr("#group-contact_email", "value").as_deref(),
            Some("not-an-address")
        );
        assert_eq!(page.texts("#group-description"), vec!["Friends of Fenton"]);
        assert!(page.words().contains("Error: Enter the group's name"));
        // Then right.
        let res = admin
            .post(
                "/admin/groups",
                &[
                    ("csrf", &csrf),
                    ("name", "Fenton Friends"),
                    ("contact_email", "hello@fentonfriends.org.uk"),
                    ("wards", &ward),
                ],
            )
            .await;
        let group_page = location(&res);
        assert!(group_page.starts_with("/admin/groups/"), "{group_page}");
        let page = admin.get(&group_page).await;
        assert!(page.words().contains("Fenton Friends is set up."));
        let list = admin.get("/admin/groups").await;
        assert!(list.words().contains(&ward_name));
        // The same name again is refused, whatever its case.
        admin
            .post(
                "/admin/groups",
                &[
                    ("csrf", &csrf),
                    ("name", "fenton friends"),
                    ("contact_email", "x@example.org"),
                    ("wards", &ward),
                ],
            )
            .await;
        assert_eq!(
            admin.get("/admin/groups").await.error_summary(),
            vec!["There is already a group with that name: choose another"]
        );
        // The organiser's invitation.
        admin
            .post(
                &format!("{group_page}/organisers"),
                &[
                    ("csrf", &csrf),
                    ("name", "Olu"),
                    ("email", "olu@fentonfriends.org.uk"),
                ],
            )
            .await;
        app.deliver_mail().await;
        let mail = app.mail_taken().await;
        assert_eq!(mail.len(), 1);
        assert!(mail[0].text.contains("organiser"), "{}", mail[0].text);
        let link = mail[0].link(&app.base, "/invitation/");
        app.choose_password(&link, "a long organiser password")
            .await;
        let olu = app.agent();
        let res = olu
            .sign_in("olu@fentonfriends.org.uk", "a long organiser password")
            .await;
        assert_eq!(location(&res), "/officer");
        // Their home is their group's page, not the staff dashboard.
        assert_eq!(location(&olu.get_raw("/officer").await), "/group");
        let home = olu.get("/group").await;
        assert!(home.words().contains("Fenton Friends"));
        assert!(home.words().contains("Plan an event"));
        for staff_only in ["/officer/wellbeing/2026-baseline", "/admin/users"] {
            assert_eq!(
                olu.get_raw(staff_only).await.status(),
                StatusCode::FORBIDDEN
            );
        }
        // The administrators' list names the group beside the account.
        let users = admin.get("/admin/users").await;
        assert!(users.words().contains("(Fenton Friends)"));
    }
);

db_test!(
    an_organiser_plans_an_event_residents_can_find_and_add_to_a_calendar,
    |app: TestApp| async move {
        let olu = app
            .signed_in("olu@group.example.org", Role::Organiser)
            .await;
        // Every problem named by its field; what was typed comes back.
        let res = plan(
            &olu,
            &app,
            &[
                ("title", ""),
                ("day", "31"),
                ("month", "2"),
                ("ends", "9am"),
                ("waves", ""),
                ("public", ""),
            ],
        )
        .await;
        assert_eq!(location(&res), "/group/new-event");
        let form = olu.get("/group/new-event").await;
        assert_eq!(
            form.error_summary(),
            vec![
                "Enter the event's title",
                "The date of the event must be a real date, like 5 12 2026",
                "The end time must be after the start time",
                "Select at least one survey the event collects answers for",
                "Select whether the event is listed on the public events page",
            ]
        );
        assert_eq!(form.attr("#event-day", "value").as_deref(), Some("31"));
        assert_eq!(form.attr("#event-ends", "value").as_deref(), Some("9am"));
        assert_eq!(
            form.attr("#event-place", "value").as_deref(),
            Some("Fenton Library, Baker Street")
        );
        // A day already gone.
        plan(&olu, &app, &[("day", "1")]).await;
        assert_eq!(
            olu.get("/group/new-event").await.error_summary(),
            vec!["The date of the event must be today or in the future"]
        );
        // Planned.
        let res = plan(&olu, &app, &[]).await;
        let page_path = location(&res);
        let id = event_id(&page_path);
        let page = olu.get(&page_path).await;
        assert!(page.words().contains("Coffee and a chat is planned."));
        assert!(page
            .words()
            .contains("Saturday 14 March 2026, 10am to 12:30pm"));
        // Residents see it on the public page, by ward, with no sign-in.
        let (_, _, ward_name) = wave_and_ward(&app).await;
        let resident = app.agent();
        let list = resident.get("/events").await;
        assert!(
            list.words().contains("Coffee and a chat"),
            "{}",
            list.words()
        );
        assert!(list.words().contains("Saturday 14 March 2026"));
        assert!(list.words().contains(&ward_name));
        let public = resident.get(&format!("/events/{id}")).await;
        assert!(public.words().contains("Run by"));
        assert!(public.words().contains("First group"));
        // Its calendar file.
        let ics = resident
            .get_raw(&format!("/events/{id}/calendar.ics"))
            .await;
        assert_eq!(ics.status(), StatusCode::OK);
        assert!(ics.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/calendar"));
        let text = ics.text().await.unwrap();
        for line in [
            "BEGIN:VEVENT",
            "SUMMARY:Coffee and a chat",
            // GMT in March: UTC is local time.
            "DTSTART:20260314T100000Z",
            "DTEND:20260314T123000Z",
            "LOCATION:Fenton Library\\, Baker Street",
        ] {
            assert!(text.contains(line), "{line} in {text}");
        }
        assert!(text.contains(&format!("UID:event-{id}@")), "{text}");
        // A private event is not listed and has no public page or file.
        let res = plan(
            &olu,
            &app,
            &[("title", "Committee meeting"), ("public", "no")],
        )
        .await;
        let private = event_id(&location(&res));
        assert!(!resident
            .get("/events")
            .await
            .words()
            .contains("Committee meeting"));
        assert_eq!(
            resident
                .get_raw(&format!("/events/{private}"))
                .await
                .status(),
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            resident
                .get_raw(&format!("/events/{private}/calendar.ics"))
                .await
                .status(),
            StatusCode::NOT_FOUND
        );
        // Changing it: the form starts with the event's own values.
        let change = olu.get(&format!("/group/events/{id}/change")).await;
        assert_eq!(
            change.attr("#event-starts", "value").as_deref(),
            Some("10:00")
        );
        assert_eq!(change.attr("#event-day", "value").as_deref(), Some("14"));
        // Cancelled: off the public page, marked on the group's own.
        let csrf = olu.csrf_from(&page_path).await;
        olu.post(&format!("/group/events/{id}/cancel"), &[("csrf", &csrf)])
            .await;
        assert!(!resident
            .get("/events")
            .await
            .words()
            .contains("Coffee and a chat"));
        assert!(olu.get("/group").await.words().contains("Cancelled"));
        // Once the day has passed, it is no longer listed as to come.
        let res = plan(&olu, &app, &[("title", "Afternoon tea")]).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        app.advance(20 * 86_400);
        assert!(!resident
            .get("/events")
            .await
            .words()
            .contains("Afternoon tea"));
    }
);

db_test!(
    each_group_reaches_only_its_own_events_and_people,
    |app: TestApp| async move {
        let olu = app
            .signed_in("olu@group.example.org", Role::Organiser)
            .await;
        let res = plan(&olu, &app, &[("title", "First group's coffee morning")]).await;
        let id = event_id(&location(&res));
        // A second group's organiser and a first group's volunteer.
        let second = app.group("Second group").await;
        app.make_member("sam@second.example.org", Role::Organiser, Some(second))
            .await;
        let sam = app
            .sign_in_as("sam@second.example.org", Role::Organiser)
            .await;
        let vic = app
            .signed_in("vic@group.example.org", Role::Volunteer)
            .await;
        // Sam sees nothing of the first group's event, and cannot change or cancel it.
        assert!(!sam.get("/group").await.words().contains("coffee morning"));
        for path in [
            format!("/group/events/{id}"),
            format!("/group/events/{id}/change"),
        ] {
            assert_eq!(
                sam.get_raw(&path).await.status(),
                StatusCode::NOT_FOUND,
                "{path}"
            );
        }
        let csrf = sam.csrf_from("/group").await;
        let res = sam
            .post(&format!("/group/events/{id}/cancel"), &[("csrf", &csrf)])
            .await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
        let res = sam
            .post(
                &format!("/group/events/{id}/change"),
                &[("csrf", &csrf), ("title", "Taken over")],
            )
            .await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
        assert!(olu
            .get("/group")
            .await
            .words()
            .contains("First group's coffee morning"));
        // Sam's people page lists only Sam.
        let people = sam.get("/group/people").await;
        assert!(people.words().contains("sam@second.example.org"));
        assert!(!people.words().contains("olu@group.example.org"));
        // The volunteer sees their own group's events, but plans and invites nothing.
        let home = vic.get("/group").await;
        assert!(home.words().contains("First group's coffee morning"));
        assert!(!home.words().contains("Plan an event"));
        assert_eq!(
            vic.get_raw(&format!("/group/events/{id}")).await.status(),
            StatusCode::OK
        );
        for path in ["/group/new-event", "/group/people"] {
            assert_eq!(
                vic.get_raw(path).await.status(),
                StatusCode::FORBIDDEN,
                "{path}"
            );
        }
        // Staff have no group page.
        let officer = app.signed_in("officer@stoke.gov.uk", Role::Officer).await;
        assert_eq!(
            officer.get_raw("/group").await.status(),
            StatusCode::FORBIDDEN
        );
    }
);

db_test!(
    an_organiser_invites_a_volunteer_who_joins_their_group,
    |app: TestApp| async move {
        let olu = app
            .signed_in("olu@group.example.org", Role::Organiser)
            .await;
        let csrf = olu.csrf_from("/group/people").await;
        let res = olu
            .post(
                "/group/people",
                &[
                    ("csrf", &csrf),
                    ("name", ""),
                    ("email", "olu@group.example.org"),
                ],
            )
            .await;
        assert_eq!(location(&res), "/group/people#invite");
        let page = olu.get("/group/people").await;
        assert_eq!(page.error_summary().len(), 2, "{:?}", page.error_summary());
        assert_eq!(
            page.attr("#invite-email", "value").as_deref(),
            Some("olu@group.example.org")
        );
        olu.post(
            "/group/people",
            &[
                ("csrf", &csrf),
                ("name", "Vic"),
                ("email", "vic@group.example.org"),
            ],
        )
        .await;
        assert!(olu
            .get("/group/people")
            .await
            .words()
            .contains("Invitation sent to vic@group.example.org"));
        app.deliver_mail().await;
        let mail = app.mail_taken().await;
        let link = mail[0].link(&app.base, "/invitation/");
        app.choose_password(&link, "a long volunteer password")
            .await;
        let vic = app.agent();
        vic.sign_in("vic@group.example.org", "a long volunteer password")
            .await;
        let home = vic.get("/group").await;
        assert!(home.words().contains("First group"));
        let user = store::users::find_by_email(
            &app.db,
            &domain::accounts::EmailAddress::parse("vic@group.example.org").unwrap(),
        )
        .await
        .unwrap()
        .unwrap();
        assert_eq!(user.role, "volunteer");
        assert_eq!(user.group_id, Some(app.group("First group").await));
    }
);

/// Today's event (the test clock stands at 09:00 on 2 March 2026) collecting the wellbeing
/// survey; its id and the wave's.
pub(crate) async fn todays_wellbeing_event(olu: &Agent, app: &TestApp) -> (i32, i32) {
    let wave = store::events::open_waves(&app.db)
        .await
        .unwrap()
        .into_iter()
        .find(|w| w.survey_key == "wellbeing")
        .unwrap()
        .id;
    let res = plan(
        olu,
        app,
        &[
            ("day", "2"),
            ("starts", "9am"),
            ("ends", "5pm"),
            ("waves", &wave.to_string()),
        ],
    )
    .await;
    (event_id(&location(&res)), wave)
}

/// A volunteer enters `n` residents' wellbeing answers (all alike) at an event.
async fn enter_wellbeing(vic: &Agent, csrf: &str, event: i32, wave: i32, ward: &str, n: usize) {
    for _ in 0..n {
        let res = vic
            .post(
                &format!("/group/events/{event}/enter/{wave}"),
                &[("csrf", csrf)],
            )
            .await;
        let mut fields: Vec<(&str, &str)> = vec![("csrf", csrf), ("area", ward), ("agreed", "yes")];
        fields.extend(WELLBEING);
        vic.post(&location(&res), &fields).await;
    }
}

pub(crate) const WELLBEING: [(&str, &str); 9] = [
    ("wb_life_satisfaction", "7"),
    ("wb_worthwhile", "8"),
    ("wb_happiness", "6"),
    ("wb_anxiety", "2"),
    ("wb_loneliness", "hardly_ever"),
    ("fin_managing", "doing_alright"),
    ("health_general", "good"),
    ("age_band", "35-44"),
    ("sex", "female"),
];

db_test!(
    a_volunteer_enters_a_residents_answers_on_one_page,
    |app: TestApp| async move {
        let olu = app
            .signed_in("olu@group.example.org", Role::Organiser)
            .await;
        let (event, wave) = todays_wellbeing_event(&olu, &app).await;
        let vic = app
            .signed_in("vic@group.example.org", Role::Volunteer)
            .await;
        let csrf = vic.csrf_from(&format!("/group/events/{event}")).await;
        let res = vic
            .post(
                &format!("/group/events/{event}/enter/{wave}"),
                &[("csrf", &csrf)],
            )
            .await;
        let entry = location(&res);
        assert!(entry.starts_with("/group/entries/"), "{entry}");
        let form = vic.get(&entry).await;
        // Every question of the survey on the one page.
        for key in ["area", "wb_life_satisfaction", "wb_loneliness", "sex"] {
            assert!(
                !form.select(&format!("[name={key}]")).is_empty(),
                "{key} on the page"
            );
        }
        // Some answers wrong or missing, and no agreement: every problem, answers kept.
        let ward = store::areas::AreaDirectory::load(&app.db)
            .await
            .unwrap()
            .wards[5]
            .code
            .clone();
        let res = vic
            .post(
                &entry,
                &[
                    ("csrf", &csrf),
                    ("area", &ward),
                    ("wb_life_satisfaction", "7"),
                    ("wb_worthwhile", "11"),
                ],
            )
            .await;
        assert_eq!(location(&res), format!("{entry}?errors=1&agreed=0"));
        let page = vic.get(&location(&res)).await;
        let summary = page.error_summary();
        assert!(summary.len() >= 4, "{summary:?}");
        assert_eq!(
            summary.last().unwrap(),
            "Confirm the resident agreed to answer and to you entering their answers"
        );
        assert_eq!(page.checked("wb_life_satisfaction").as_deref(), Some("7"));
        assert_eq!(
            page.attr("#q-area option[selected]", "value"),
            Some(ward.clone())
        );
        // All right, and agreed: sent as an assisted response from this event, by Vic.
        let mut fields: Vec<(&str, &str)> =
            vec![("csrf", &csrf), ("area", &ward), ("agreed", "yes")];
        fields.extend(WELLBEING);
        let res = vic.post(&entry, &fields).await;
        assert_eq!(location(&res), format!("/group/events/{event}#enter"));
        let page = vic.get(&format!("/group/events/{event}")).await;
        assert!(page
            .words()
            .contains("Answers sent. 1 response entered at this event so far."));
        // Sending again stores nothing more.
        vic.post(&entry, &fields).await;
        let responses = app.responses().await;
        let assisted: Vec<_> = responses
            .iter()
            .filter(|r| r.channel == "assisted")
            .collect();
        assert_eq!(assisted.len(), 1);
        let r = assisted[0];
        assert_eq!(r.event_id, Some(event));
        assert_eq!(
            r.entered_by,
            Some(app.user_id("vic@group.example.org").await)
        );
        assert_eq!(r.wave_id, wave);
        assert!(r.area_id.is_some());
        // Sent: its page is now for correcting it (see the test of corrections).
        assert!(vic
            .get(&entry)
            .await
            .words()
            .contains("Correct a resident's answers"));
        // Another group's volunteer cannot open, send or start entries for this event.
        let second = app.group("Second group").await;
        app.make_member("sue@second.example.org", Role::Volunteer, Some(second))
            .await;
        let sue = app
            .sign_in_as("sue@second.example.org", Role::Volunteer)
            .await;
        let sue_csrf = sue.csrf_from("/group").await;
        assert_eq!(sue.get_raw(&entry).await.status(), StatusCode::NOT_FOUND);
        let mut theirs = fields.clone();
        theirs[0] = ("csrf", &sue_csrf);
        assert_eq!(
            sue.post(&entry, &theirs).await.status(),
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            sue.post(
                &format!("/group/events/{event}/enter/{wave}"),
                &[("csrf", &sue_csrf)]
            )
            .await
            .status(),
            StatusCode::NOT_FOUND
        );
        // A day after the event ends, it takes no more answers.
        let csrf = vic.csrf_from(&format!("/group/events/{event}")).await;
        let res = vic
            .post(
                &format!("/group/events/{event}/enter/{wave}"),
                &[("csrf", &csrf)],
            )
            .await;
        let late = location(&res);
        app.advance(2 * 86_400);
        // Signed in afresh: two idle days end a session.
        let vic = app
            .sign_in_as("vic@group.example.org", Role::Volunteer)
            .await;
        let csrf = vic.csrf_from("/group").await;
        let mut fields: Vec<(&str, &str)> =
            vec![("csrf", &csrf), ("area", &ward), ("agreed", "yes")];
        fields.extend(WELLBEING);
        vic.post(&late, &fields).await;
        assert_eq!(
            app.responses()
                .await
                .iter()
                .filter(|r| r.channel == "assisted")
                .count(),
            1
        );
        assert!(vic
            .get(&format!("/group/events/{event}"))
            .await
            .words()
            .contains("This event is not taking answers now"));
    }
);

db_test!(
    an_organiser_sees_their_groups_answers_and_indicators_and_officers_see_them_by_group,
    |app: TestApp| async move {
        let olu = app
            .signed_in("olu@group.example.org", Role::Organiser)
            .await;
        let (event, wave) = todays_wellbeing_event(&olu, &app).await;
        let vic = app
            .signed_in("vic@group.example.org", Role::Volunteer)
            .await;
        let ward = store::areas::AreaDirectory::load(&app.db)
            .await
            .unwrap()
            .wards[5]
            .clone();
        let csrf = vic.csrf_from(&format!("/group/events/{event}")).await;
        enter_wellbeing(&vic, &csrf, event, wave, &ward.code, 2).await;
        let page = olu.get("/group/results").await;
        let counts = page.texts("[data-testid=group-counts] tbody tr");
        assert_eq!(counts.len(), 1, "{counts:?}");
        assert!(counts[0].contains(&ward.name), "{counts:?}");
        assert!(counts[0].contains("entered by a volunteer"), "{counts:?}");
        assert!(counts[0].ends_with('2'), "{counts:?}");
        // Two answers are a cell like any other: below the threshold, withheld.
        assert!(page
            .words()
            .contains("From the 2 answers collected at your events."));
        assert!(page.words().contains("fewer than"), "{}", page.words());
        assert!(!page.words().contains("low base"));
        // Volunteers do not see the group's results; officers see responses by group.
        assert_eq!(
            vic.get_raw("/group/results").await.status(),
            StatusCode::FORBIDDEN
        );
        let officer = app.signed_in("officer@stoke.gov.uk", Role::Officer).await;
        let open = store::events::open_waves(&app.db).await.unwrap();
        let w = open.iter().find(|w| w.id == wave).unwrap();
        let fieldwork = officer
            .get(&format!("/officer/wellbeing/{}/fieldwork", w.wave_key))
            .await;
        let rows = fieldwork.texts("[data-testid=by-group] tbody tr");
        assert!(
            rows.iter().any(|r| r.contains("First group")
                && r.contains("entered by a volunteer")
                && r.ends_with('2')),
            "{rows:?}"
        );
        // The officer's indicator page splits it by channel and by group: two answers
        // are withheld, like a small ward; ten more make a figure.
        let indicator_page = format!(
            "/officer/wellbeing/{}/indicator/wb_life_satisfaction_mean",
            w.wave_key
        );
        let split = |page: &crate::common::Page, table: &str, label: &str| {
            page.texts(&format!("[aria-label='{table}'] tbody tr"))
                .into_iter()
                .find(|r| r.starts_with(label))
                .unwrap_or_else(|| panic!("no {label} row in {table}: {}", page.words()))
        };
        let page = officer.get(&indicator_page).await;
        let volunteer = split(&page, "By how answers were given", "entered by a volunteer");
        assert!(
            volunteer.contains("fewer than") && volunteer.ends_with("withheld"),
            "{volunteer}"
        );
        let group = split(&page, "By community group", "First group");
        assert!(group.contains("fewer than"), "{group}");
        enter_wellbeing(&vic, &csrf, event, wave, &ward.code, 10).await;
        let page = officer.get(&indicator_page).await;
        // Every answer entered gave 7 out of 10.
        for row in [
            split(&page, "By how answers were given", "entered by a volunteer"),
            split(&page, "By community group", "First group"),
        ] {
            assert!(row.contains("7.0") && row.ends_with("12"), "{row}");
        }
    }
);

db_test!(
    nobody_reaches_another_groups_events_or_entries_whatever_the_layout,
    |app: TestApp| async move {
        use proptest::prelude::*;
        use proptest::strategy::ValueTree;
        use proptest::test_runner::{Config, TestRunner};
        let actor = store::audit::Actor::command_line(&app.clock);
        let wave = store::events::open_waves(&app.db).await.unwrap()[0].id;
        let ward = store::areas::AreaDirectory::load(&app.db)
            .await
            .unwrap()
            .wards[0]
            .id;
        let today = domain::groups::local_date(app.clock.now());
        // Layouts: 2 to 4 groups, each with 1 to 3 events, each with 0 to 3 entries.
        let layout = prop::collection::vec(prop::collection::vec(0usize..4, 1..4), 2..5);
        let mut runner = TestRunner::new(Config {
            cases: 6,
            ..Config::default()
        });
        for case in 0..6 {
            let groups = layout.new_tree(&mut runner).unwrap().current();
            let mut scopes = Vec::new();
            let mut entries: Vec<(usize, String)> = Vec::new();
            let mut events: Vec<(usize, i32)> = Vec::new();
            for (g, event_entries) in groups.iter().enumerate() {
                let id = app.group(&format!("Group {case}-{g}")).await;
                let email = format!("v{case}-{g}@group.example.org");
                app.make_member(&email, Role::Volunteer, Some(id)).await;
                let user = store::users::by_id(&app.db, app.user_id(&email).await)
                    .await
                    .unwrap()
                    .unwrap();
                let scope = store::groups::Scope::of(&user).unwrap();
                for n in event_entries {
                    let details = domain::groups::EventDetails::parse(
                        &domain::groups::EventForm {
                            title: "Drop-in",
                            description: "",
                            place: "The library",
                            ward: Some(ward),
                            day: &today.format("%d").to_string(),
                            month: &today.format("%m").to_string(),
                            year: &today.format("%Y").to_string(),
                            starts: "00:00",
                            ends: "23:59",
                            waves: &[wave],
                            public: "no",
                        },
                        today,
                    )
                    .unwrap();
                    let e = store::events::plan(&app.db, &actor, &scope, &details)
                        .await
                        .unwrap()
                        .unwrap();
                    events.push((g, e.id));
                    for _ in 0..*n {
                        let code = store::entries::start(
                            &app.db,
                            &scope,
                            user.id,
                            e.id,
                            wave,
                            app.clock.now(),
                        )
                        .await
                        .unwrap()
                        .unwrap()
                        .unwrap();
                        entries.push((g, code));
                    }
                }
                scopes.push(scope);
            }
            for (g, scope) in scopes.iter().enumerate() {
                for (owner, code) in &entries {
                    let found = store::entries::own(&app.db, scope, code).await.unwrap();
                    assert_eq!(found.is_some(), *owner == g, "case {case}: {groups:?}");
                }
                for (owner, id) in &events {
                    let found = store::events::own(&app.db, scope, *id).await.unwrap();
                    assert_eq!(found.is_some(), *owner == g, "case {case}: {groups:?}");
                }
                let listed = store::events::of_group(&app.db, scope).await.unwrap();
                assert!(listed.iter().all(|e| e.group_id == scope.group_id()));
            }
        }
    }
);

db_test!(
    a_volunteer_corrects_their_own_entry_until_the_event_closes_and_every_correction_is_kept,
    |app: TestApp| async move {
        let olu = app
            .signed_in("olu@group.example.org", Role::Organiser)
            .await;
        let (event, wave) = todays_wellbeing_event(&olu, &app).await;
        let vic = app
            .signed_in("vic@group.example.org", Role::Volunteer)
            .await;
        let ward = store::areas::AreaDirectory::load(&app.db)
            .await
            .unwrap()
            .wards[5]
            .clone();
        let csrf = vic.csrf_from(&format!("/group/events/{event}")).await;
        let res = vic
            .post(
                &format!("/group/events/{event}/enter/{wave}"),
                &[("csrf", &csrf)],
            )
            .await;
        let entry = location(&res);
        let mut fields: Vec<(&str, &str)> =
            vec![("csrf", &csrf), ("area", &ward.code), ("agreed", "yes")];
        fields.extend(WELLBEING);
        vic.post(&entry, &fields).await;
        // The event page links to the entry; the form shows the answers as stored.
        let page = vic.get(&format!("/group/events/{event}")).await;
        assert_eq!(
            page.attr("[data-testid=my-entries] a", "href"),
            Some(entry.clone())
        );
        let form = vic.get(&entry).await;
        assert!(form.words().contains("Correct a resident's answers"));
        assert_eq!(form.checked("wb_life_satisfaction").as_deref(), Some("7"));
        assert_eq!(
            form.checked("wb_loneliness").as_deref(),
            Some("hardly_ever")
        );
        assert_eq!(
            form.attr("#q-area option[selected]", "value"),
            Some(ward.code.clone())
        );
        // A mistake in the correction: named, and what was typed kept.
        let mut wrong: Vec<(&str, &str)> = vec![("csrf", &csrf), ("area", &ward.code)];
        wrong.extend(WELLBEING.iter().filter(|(k, _)| *k != "wb_happiness"));
        wrong.push(("wb_happiness", "12"));
        wrong.retain(|(k, _)| *k != "wb_life_satisfaction");
        wrong.push(("wb_life_satisfaction", "3"));
        let res = vic.post(&entry, &wrong).await;
        let refused = vic.get(&location(&res)).await;
        assert_eq!(
            refused.error_summary().len(),
            1,
            "{:?}",
            refused.error_summary()
        );
        assert_eq!(
            refused.checked("wb_life_satisfaction").as_deref(),
            Some("3")
        );
        // Corrected: life satisfaction 7 became 3; the response is updated, not added to.
        let mut right: Vec<(&str, &str)> = vec![("csrf", &csrf), ("area", &ward.code)];
        right.extend(
            WELLBEING
                .iter()
                .filter(|(k, _)| *k != "wb_life_satisfaction"),
        );
        right.push(("wb_life_satisfaction", "3"));
        let res = vic.post(&entry, &right).await;
        assert_eq!(location(&res), format!("/group/events/{event}#enter"));
        let page = vic.get(&format!("/group/events/{event}")).await;
        assert!(page.words().contains("Correction saved: 1 answer changed."));
        let assisted: Vec<_> = app
            .responses()
            .await
            .into_iter()
            .filter(|r| r.channel == "assisted")
            .collect();
        assert_eq!(assisted.len(), 1);
        assert!(
            assisted[0].answers.contains("\"wb_life_satisfaction\":3"),
            "{}",
            assisted[0].answers
        );
        let history = vic.get(&entry).await.texts("[data-testid=corrections] li");
        assert_eq!(history.len(), 1);
        assert!(history[0].contains("by vic"), "{history:?}");
        assert!(history[0].contains("“7” became “3”"), "{history:?}");
        // Another volunteer of the same group sees the entry but cannot correct it.
        let val = app
            .signed_in("val@group.example.org", Role::Volunteer)
            .await;
        let val_csrf = val.csrf_from("/group").await;
        assert!(val
            .get(&entry)
            .await
            .words()
            .contains("These answers have been sent."));
        let mut theirs = right.clone();
        theirs[0] = ("csrf", &val_csrf);
        assert_eq!(
            val.post(&entry, &theirs).await.status(),
            StatusCode::NOT_FOUND
        );
        // Once the event has closed, no more corrections.
        app.advance(2 * 86_400);
        let vic = app
            .sign_in_as("vic@group.example.org", Role::Volunteer)
            .await;
        assert!(vic
            .get(&entry)
            .await
            .words()
            .contains("These answers have been sent."));
        let csrf = vic.csrf_from("/group").await;
        let mut late = right.clone();
        late[0] = ("csrf", &csrf);
        late.retain(|(k, _)| *k != "wb_life_satisfaction");
        late.push(("wb_life_satisfaction", "9"));
        vic.post(&entry, &late).await;
        let r = app
            .responses()
            .await
            .into_iter()
            .find(|r| r.channel == "assisted")
            .unwrap();
        assert!(r.answers.contains("\"wb_life_satisfaction\":3"));
    }
);

/// The kiosk code in the organiser's notice on the event's page.
fn kiosk_code(words: &str) -> String {
    let start = words.find("Kiosk code: ").expect("a kiosk code") + "Kiosk code: ".len();
    words[start..start + 14].to_string()
}

db_test!(
    a_kiosk_takes_residents_answers_keeps_nothing_and_needs_the_organiser_to_leave,
    |app: TestApp| async move {
        let olu = app
            .signed_in("olu@group.example.org", Role::Organiser)
            .await;
        let (event, wave) = todays_wellbeing_event(&olu, &app).await;
        let csrf = olu.csrf_from(&format!("/group/events/{event}")).await;
        let res = olu
            .post(
                &format!("/group/events/{event}/kiosk/{wave}"),
                &[("csrf", &csrf)],
            )
            .await;
        assert_eq!(location(&res), format!("/group/events/{event}#kiosk"));
        let words = olu.get(&format!("/group/events/{event}")).await.words();
        let code = kiosk_code(&words);
        // Or a link: it fills the tablet's form, and opening it spends nothing (a mail
        // system may open every link it sees).
        assert!(words.contains(&format!("/kiosk?code={code}")), "{words}");
        let linked = app.agent().get(&format!("/kiosk?code={code}")).await;
        assert_eq!(linked.attr("#kiosk-code", "value"), Some(code.clone()));
        // Volunteers cannot set up kiosks.
        let vic = app
            .signed_in("vic@group.example.org", Role::Volunteer)
            .await;
        let vic_csrf = vic.csrf_from("/group").await;
        assert_eq!(
            vic.post(
                &format!("/group/events/{event}/kiosk/{wave}"),
                &[("csrf", &vic_csrf)]
            )
            .await
            .status(),
            StatusCode::FORBIDDEN
        );
        // The tablet: a wrong code first, then the right one.
        let tablet = app.agent();
        let res = tablet.post("/kiosk", &[("code", "AAAA-BBBB-CCCC")]).await;
        assert_eq!(location(&res), "/kiosk");
        let page = tablet.get("/kiosk").await;
        assert_eq!(page.error_summary().len(), 1);
        assert_eq!(
            page.attr("#kiosk-code", "value").as_deref(),
            Some("AAAA-BBBB-CCCC")
        );
        tablet
            .post("/kiosk", &[("code", &code.to_lowercase())])
            .await;
        let home = tablet.get("/kiosk").await;
        assert!(
            home.words().contains("Have your say: Wellbeing survey"),
            "{}",
            home.words()
        );
        // The code works once.
        let other = app.agent();
        other.post("/kiosk", &[("code", &code)]).await;
        assert!(other.get("/kiosk").await.words().contains("Set up a kiosk"));
        // A resident starts, makes a mistake and walks away; the next person's start
        // deletes what they typed.
        let token = home.attr("input[name=token]", "value").unwrap();
        let res = tablet.post("/kiosk/start", &[("token", &token)]).await;
        let first = location(&res);
        assert!(first.starts_with("/kiosk/answers/"), "{first}");
        let form = tablet.get(&first).await;
        assert_eq!(
            form.attr("[data-kiosk-idle]", "data-kiosk-idle").as_deref(),
            Some("120")
        );
        assert!(
            form.text
                .contains("<noscript><meta http-equiv=\"refresh\" content=\"120;url=/kiosk\""),
            "idle refresh without script"
        );
        let ward = store::areas::AreaDirectory::load(&app.db)
            .await
            .unwrap()
            .wards[5]
            .code
            .clone();
        let res = tablet
            .post(
                &first,
                &[
                    ("token", &token),
                    ("area", &ward),
                    ("wb_life_satisfaction", "9"),
                ],
            )
            .await;
        let refused = tablet.get(&location(&res)).await;
        assert!(!refused.error_summary().is_empty());
        assert_eq!(
            refused.checked("wb_life_satisfaction").as_deref(),
            Some("9")
        );
        // Back at the start (as the idle return does), what they typed is gone.
        tablet.get("/kiosk").await;
        assert_eq!(location(&tablet.get_raw(&first).await), "/kiosk");
        let res = tablet.post("/kiosk/start", &[("token", &token)]).await;
        let second = location(&res);
        // The next person answers in full.
        let mut fields: Vec<(&str, &str)> = vec![("token", &token), ("area", &ward)];
        fields.extend(WELLBEING);
        let res = tablet.post(&second, &fields).await;
        assert_eq!(location(&res), "/kiosk");
        let start = tablet.get("/kiosk").await;
        assert!(start
            .words()
            .contains("Thank you: your answers have been sent."));
        assert!(start.words().contains("Have your say"));
        assert_eq!(location(&tablet.get_raw(&second).await), "/kiosk");
        let kiosk: Vec<_> = app
            .responses()
            .await
            .into_iter()
            .filter(|r| r.channel == "kiosk")
            .collect();
        assert_eq!(kiosk.len(), 1);
        assert_eq!(kiosk[0].event_id, Some(event));
        assert_eq!(kiosk[0].entered_by, None);
        // Leaving needs an organiser of the group: not a volunteer, not a wrong password.
        let leave = tablet.get("/kiosk/leave").await;
        let token = leave.attr("input[name=token]", "value").unwrap();
        for (email, password) in [
            ("vic@group.example.org", crate::common::PASSWORD),
            ("olu@group.example.org", "not the password"),
        ] {
            let res = tablet
                .post(
                    "/kiosk/leave",
                    &[("token", &token), ("email", email), ("password", password)],
                )
                .await;
            assert_eq!(location(&res), "/kiosk/leave");
            assert_eq!(
                tablet.get("/kiosk/leave").await.error_summary(),
                vec!["Enter the email address and password of an organiser of this group"]
            );
        }
        assert!(tablet.get("/kiosk").await.words().contains("Have your say"));
        tablet
            .post(
                "/kiosk/leave",
                &[
                    ("token", &token),
                    ("email", "olu@group.example.org"),
                    ("password", crate::common::PASSWORD),
                ],
            )
            .await;
        assert!(tablet
            .get("/kiosk")
            .await
            .words()
            .contains("Set up a kiosk"));
        // A kiosk stops when its event ends.
        let res = olu
            .post(
                &format!("/group/events/{event}/kiosk/{wave}"),
                &[("csrf", &csrf)],
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        let code = kiosk_code(&olu.get(&format!("/group/events/{event}")).await.words());
        let late = app.agent();
        late.post("/kiosk", &[("code", &code)]).await;
        assert!(late.get("/kiosk").await.words().contains("Have your say"));
        app.advance(9 * 3600);
        assert!(late.get("/kiosk").await.words().contains("Set up a kiosk"));
    }
);
