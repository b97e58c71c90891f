//! Paper forms typed up in batches: each sheet with its number and the journey's checks,
//! counting only after a second volunteer has checked the batch; the organiser's sheets
//! handed out against sheets entered.

use crate::common::{location, Agent, TestApp};
use crate::groups::{todays_wellbeing_event, WELLBEING};
use domain::accounts::Role;
use reqwest::StatusCode;

async fn add_sheet(agent: &Agent, batch: &str, csrf: &str, sheet: &str, ward: &str) -> String {
    let mut fields: Vec<(&str, &str)> = vec![("csrf", csrf), ("sheet", sheet), ("area", ward)];
    fields.extend(WELLBEING);
    location(&agent.post(batch, &fields).await)
}

async fn step(agent: &Agent, batch: &str, csrf: &str, step: &str) -> String {
    let res = agent
        .post(
            &format!("{batch}/step"),
            &[("csrf", csrf), ("step", step), ("sheet", "14")],
        )
        .await;
    assert_eq!(location(&res), batch, "{step}");
    agent.get(batch).await.words()
}

db_test!(
    paper_forms_count_only_once_a_second_volunteer_has_checked_their_batch,
    |app: TestApp| async move {
        let olu = app
            .signed_in("olu@group.example.org", Role::Organiser)
            .await;
        let (event, wave) = todays_wellbeing_event(&olu, &app).await;
        let event_page = format!("/group/events/{event}");
        let vic = app
            .signed_in("vic@group.example.org", Role::Volunteer)
            .await;
        let wes = app
            .signed_in("wes@group.example.org", Role::Volunteer)
            .await;
        let ward = app.ward_code("Tunstall").await;
        let paper = || async {
            app.responses()
                .await
                .into_iter()
                .filter(|r| r.channel == "paper")
                .collect::<Vec<_>>()
        };

        // The organiser records the forms handed out; a mistake is named and kept.
        let page = olu.get(&event_page).await;
        assert_eq!(
            page.texts("[data-testid=paper-tally]"),
            ["Handed out: not recorded. Entered: 0, of which 0 checked and counted."]
        );
        let csrf = olu.csrf_from(&event_page).await;
        let record = format!("/group/events/{event}/handed-out/{wave}");
        olu.post(&record, &[("csrf", &csrf), ("sheets", "forty")])
            .await;
        let page = olu.get(&event_page).await;
        assert_eq!(
            page.error_summary(),
            ["Enter how many paper forms were handed out, as a whole number, like 40"]
        );
        assert_eq!(
            page.attr(&format!("#handed-out-{wave}-sheets"), "value"),
            Some("forty".into())
        );
        olu.post(&record, &[("csrf", &csrf), ("sheets", "40")])
            .await;
        assert!(olu
            .get(&event_page)
            .await
            .words()
            .contains("Recorded: 40 paper forms handed out."));
        // Volunteers do not record it.
        let vic_csrf = vic.csrf_from(&event_page).await;
        assert_eq!(
            vic.post(&record, &[("csrf", &vic_csrf), ("sheets", "1")])
                .await
                .status(),
            StatusCode::FORBIDDEN
        );

        // A volunteer starts a batch and types sheets in.
        let res = vic
            .post(
                &format!("/group/events/{event}/paper/{wave}"),
                &[("csrf", &vic_csrf)],
            )
            .await;
        let batch = location(&res);
        assert!(batch.starts_with("/group/batches/"), "{batch}");
        let batch_id = batch.rsplit('/').next().unwrap().to_string();
        // No number and no answers: every problem, the number's first, and the ward kept.
        let back = location(
            &vic.post(&batch, &[("csrf", &vic_csrf), ("area", &ward)])
                .await,
        );
        assert_eq!(back, batch);
        let page = vic.get(&batch).await;
        let summary = page.error_summary();
        assert_eq!(summary[0], "Enter the number written on the sheet");
        assert!(summary.len() >= 8, "{summary:?}");
        assert_eq!(
            page.attr("#q-area option[selected]", "value"),
            Some(ward.clone())
        );
        assert_eq!(add_sheet(&vic, &batch, &vic_csrf, "12", &ward).await, batch);
        assert!(vic.get(&batch).await.words().contains("Sheet 12 saved."));
        add_sheet(&vic, &batch, &vic_csrf, "12", &ward).await;
        let page = vic.get(&batch).await;
        assert_eq!(
            page.error_summary(),
            [format!("Sheet 12 is entered already, in batch {batch_id}")]
        );
        assert_eq!(page.attr("#sheet", "value"), Some("12".into()));
        add_sheet(&vic, &batch, &vic_csrf, "13", &ward).await;
        add_sheet(&vic, &batch, &vic_csrf, "14", &ward).await;
        assert!(step(&vic, &batch, &vic_csrf, "remove")
            .await
            .contains("Sheet 14 removed."));
        let page = vic.get(&batch).await;
        assert_eq!(page.select("[data-testid=sheets] tbody tr").len(), 2);
        assert!(paper().await.is_empty(), "nothing counts before the check");

        // Whoever typed it cannot check it.
        assert!(step(&vic, &batch, &vic_csrf, "finish")
            .await
            .contains("Batch finished. Another volunteer now checks it"));
        assert!(step(&vic, &batch, &vic_csrf, "check")
            .await
            .contains("A batch is checked by someone who typed none of its sheets."));
        assert!(paper().await.is_empty());
        // A second volunteer sends it back once, then checks it.
        let wes_csrf = wes.csrf_from(&batch).await;
        assert!(wes
            .get(&batch)
            .await
            .words()
            .contains("Checked: every sheet matches its paper form"));
        step(&wes, &batch, &wes_csrf, "send-back").await;
        assert!(step(&wes, &batch, &wes_csrf, "check")
            .await
            .contains("The batch is still being entered."));
        step(&vic, &batch, &vic_csrf, "finish").await;
        assert!(step(&wes, &batch, &wes_csrf, "check")
            .await
            .contains("Batch checked: its 2 sheets now count in the results."));
        let stored = paper().await;
        assert_eq!(stored.len(), 2);
        let vic_id = app.user_id("vic@group.example.org").await;
        assert!(stored.iter().all(|r| r.event_id == Some(event)
            && r.entered_by == Some(vic_id)
            && r.wave_id == wave));
        // Checked once; no more sheets after.
        step(&wes, &batch, &wes_csrf, "check").await;
        add_sheet(&vic, &batch, &vic_csrf, "15", &ward).await;
        assert_eq!(paper().await.len(), 2);

        // The organiser sees sheets handed out against sheets entered.
        let page = olu.get(&event_page).await;
        assert_eq!(
            page.texts("[data-testid=paper-tally]"),
            ["Handed out: 40. Entered: 2, of which 2 checked and counted."]
        );
        assert!(page.words().contains("2 sheets, checked"));
        // Paper sheets are not among the volunteer's entries to correct.
        assert!(!vic
            .get(&event_page)
            .await
            .words()
            .contains("Correct your entry"));

        // Another group's volunteer finds no such batch.
        let second = app.group("Second group").await;
        app.make_member("sue@second.example.org", Role::Volunteer, Some(second))
            .await;
        let sue = app
            .sign_in_as("sue@second.example.org", Role::Volunteer)
            .await;
        assert_eq!(sue.get_raw(&batch).await.status(), StatusCode::NOT_FOUND);
    }
);
