//! The survey builder's editor over HTTP, JavaScript off (issue 13): an officer starts a
//! survey, writes its start page, adds sections, questions of their own and from the
//! question bank, a route and an indicator, publishes it and opens a wave; a resident
//! answers along the route. Every refusal names its field and keeps what was typed.

use crate::common::{location, Agent, Page, TestApp};
use domain::accounts::Role;
use reqwest::StatusCode;

const EDIT: &str = "/officer/surveys/parks/edit";

/// Posts a form and follows its redirect.
async fn send(staff: &Agent, path: &str, fields: &[(&str, &str)]) -> Page {
    let res = staff.post(path, fields).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER, "POST {path}");
    staff.get(&location(&res)).await
}

async fn change(staff: &Agent, csrf: &str, action: &str, fields: &[(&str, &str)]) -> Page {
    let mut all = vec![("csrf", csrf), ("do", action)];
    all.extend_from_slice(fields);
    send(staff, EDIT, &all).await
}

fn status(page: &Page) -> String {
    page.texts("[role=status]").join(" ")
}

db_test!(
    an_officer_builds_routes_and_publishes_a_survey_in_the_browser,
    |app: TestApp| async move {
        let staff = app.signed_in("officer@example.org", Role::Officer).await;
        let csrf = staff.csrf().await;
        let surveys = staff.get("/officer/surveys").await;
        assert_eq!(
            surveys
                .attr("a[href='/officer/new-survey']", "href")
                .as_deref(),
            Some("/officer/new-survey")
        );

        // A key that cannot be an address, and no title: both named, the key kept.
        let page = send(
            &staff,
            "/officer/new-survey",
            &[("csrf", &csrf), ("key", "Parks!"), ("title", " ")],
        )
        .await;
        assert_eq!(
            page.error_summary(),
            [
                "The key must be 2 to 40 lowercase letters, digits or hyphens, starting with a letter",
                "Enter the survey's title"
            ]
        );
        assert_eq!(page.attr("#new-key", "value").as_deref(), Some("Parks!"));
        let page = send(
            &staff,
            "/officer/new-survey",
            &[("csrf", &csrf), ("key", "wellbeing"), ("title", "Parks")],
        )
        .await;
        assert_eq!(
            page.error_summary(),
            ["A survey with the key \"wellbeing\" already exists: choose another key"]
        );
        let page = send(
            &staff,
            "/officer/new-survey",
            &[("csrf", &csrf), ("key", "parks"), ("title", "Parks survey")],
        )
        .await;
        assert!(status(&page).contains("Started Parks survey as draft version 1"));
        let waiting = page.texts("[data-testid=publish-problems] li");
        assert_eq!(waiting[0], "The survey's summary is empty");
        assert!(waiting.contains(&"The survey has no sections".to_string()));

        // The start page: a time that is not a number is refused, the rest kept.
        let details = [
            ("title", "Parks survey"),
            ("summary", "Tell us about the city's parks."),
            ("purpose", "To decide where the parks budget goes."),
            ("minutes", "ten"),
            ("retention", "We keep your answers for two years."),
        ];
        let page = change(&staff, &csrf, "details", &details).await;
        assert_eq!(
            page.error_summary(),
            ["The time the survey takes must be a whole number of minutes from 1 to 120"]
        );
        assert_eq!(
            page.texts("#details-summary"),
            ["Tell us about the city's parks."]
        );
        assert_eq!(
            page.attr("#details-minutes", "value").as_deref(),
            Some("ten")
        );
        let mut details = details.to_vec();
        details[3].1 = "3";
        let page = change(&staff, &csrf, "details", &details).await;
        assert!(
            status(&page).contains("Saved the start page."),
            "{}",
            status(&page)
        );

        // Three sections: the ward from the question bank, then the officer's own.
        for title in ["Your ward", "Using parks", "Your park"] {
            change(&staff, &csrf, "add-section", &[("title", title)]).await;
        }
        let bank = staff
            .get("/officer/surveys/parks/edit/bank?section=1")
            .await;
        assert!(bank.text.contains("Which ward do you live in?"));
        let page = send(
            &staff,
            "/officer/surveys/parks/edit/bank?section=1",
            &[("csrf", &csrf)],
        )
        .await;
        assert_eq!(
            page.error_summary(),
            ["Select at least one question to add"]
        );
        let page = send(
            &staff,
            "/officer/surveys/parks/edit/bank?section=1",
            &[("csrf", &csrf), ("bank", "area")],
        )
        .await;
        assert!(status(&page).contains("Added 1 question from the question bank to section 1."));

        // A choice question: one answer is not a choice; what was typed comes back.
        let choice = "/officer/surveys/parks/edit/question?section=2&kind=choice";
        let question = [
            ("csrf", csrf.as_str()),
            ("prompt", "Have you used a park in the last month?"),
            ("short_label", "using a park"),
            ("key", "uses_park"),
            ("required", "yes"),
            ("required_message", "Select yes or no"),
            ("options", "Yes"),
        ];
        let page = send(&staff, choice, &question).await;
        assert_eq!(
            page.error_summary(),
            ["Enter at least two answers to choose from, one a line"]
        );
        assert_eq!(
            page.texts("#question-prompt"),
            ["Have you used a park in the last month?"]
        );
        let mut question = question.to_vec();
        question[6].1 = "Yes\nNo";
        let page = send(&staff, choice, &question).await;
        assert!(status(&page).contains("Saved the question."));
        // Several answers, optional: checkboxes. Its form asks for the answers, as a choice's.
        let form = staff
            .get("/officer/surveys/parks/edit/question?section=2&kind=several")
            .await;
        assert!(
            form.text.contains("Answers to choose from"),
            "{}",
            form.words()
        );
        assert!(!form.text.contains("The most characters an answer may have"));
        let page = send(
            &staff,
            "/officer/surveys/parks/edit/question?section=2&kind=several",
            &[
                ("csrf", &csrf),
                ("prompt", "What would you like more of in parks?"),
                ("hint", "Select all that apply"),
                ("short_label", "more in parks"),
                ("key", "park_wishes"),
                ("required", "no"),
                ("options", "Cafes\nToilets\nPlay areas"),
            ],
        )
        .await;
        assert!(
            page.text
                .contains("Any answers from a list (tick boxes) · optional · key park_wishes"),
            "{}",
            page.words()
        );
        let page = send(
            &staff,
            "/officer/surveys/parks/edit/question?section=3&kind=scale",
            &[
                ("csrf", &csrf),
                ("prompt", "How clean was the park?"),
                ("short_label", "how clean"),
                ("required", "yes"),
                ("required_message", "Select how clean it was"),
                ("min", "1"),
                ("max", "5"),
                ("min_label", "Very dirty"),
                ("max_label", "Very clean"),
            ],
        )
        .await;
        assert!(page.text.contains("key how_clean"), "{}", page.words());

        // "No": straight to the end. A route back is not offered, and refused if sent.
        let page = change(
            &staff,
            &csrf,
            "add-route",
            &[("section", "2"), ("answer", "uses_park=no"), ("goto", "1")],
        )
        .await;
        assert_eq!(
            page.error_summary(),
            ["Select a later section, or the end of the survey"]
        );
        let page = change(
            &staff,
            &csrf,
            "add-route",
            &[
                ("section", "2"),
                ("answer", "uses_park=no"),
                ("goto", "end"),
            ],
        )
        .await;
        assert!(page
            .text
            .contains("If using a park is \"No\": skip to the end (check your answers)"));
        // A route can follow one of several answers too.
        let offered = page.texts("#route-2-answer option");
        assert!(
            offered.contains(&"more in parks: includes Toilets".to_string()),
            "{offered:?}"
        );

        // An indicator: the share who used a park.
        let form = staff
            .get("/officer/surveys/parks/edit/indicator?question=uses_park")
            .await;
        assert!(form.text.contains("It counts the share choosing"));
        let page = send(
            &staff,
            "/officer/surveys/parks/edit/indicator",
            &[
                ("csrf", &csrf),
                ("item", "uses_park"),
                ("rule", "share_of"),
                ("label", "Used a park in the last month"),
                ("theme", "greener"),
                ("better", "higher"),
            ],
        )
        .await;
        assert_eq!(
            page.error_summary(),
            ["Select the answers the indicator counts"]
        );
        assert_eq!(
            page.attr("#indicator-label", "value").as_deref(),
            Some("Used a park in the last month")
        );
        let page = send(
            &staff,
            "/officer/surveys/parks/edit/indicator",
            &[
                ("csrf", &csrf),
                ("item", "uses_park"),
                ("rule", "share_of"),
                ("options", "yes"),
                ("label", "Used a park in the last month"),
                ("theme", "greener"),
                ("better", "higher"),
            ],
        )
        .await;
        assert!(page
            .text
            .contains("the share answering Yes to using a park; higher is better; greener"));
        assert!(
            page.select("[data-testid=publish-problems]").is_empty(),
            "{}",
            page.words()
        );

        // Published and opened: a resident answering "No" goes past the park's section.
        let page = send(&staff, "/officer/surveys/parks/publish", &[("csrf", &csrf)]).await;
        assert!(status(&page).contains("Published parks version 1"));
        send(
            &staff,
            "/officer/surveys/parks/waves",
            &[("csrf", &csrf), ("wave-key", "2027")],
        )
        .await;
        let ward = app.ward_code("Tunstall").await;
        let s1 = app.begin("parks").await;
        let s2 = app.answer(&s1, &[("area", &ward)]).await;
        let section = app.get(&s2).await;
        assert_eq!(
            section
                .select("input[type=checkbox][name=park_wishes]")
                .len(),
            3
        );
        let check = app
            .answer(
                &s2,
                &[
                    ("uses_park", "no"),
                    ("park_wishes", "toilets"),
                    ("park_wishes", "cafes"),
                ],
            )
            .await;
        assert!(check.ends_with("/check"), "{check}");
        let rows = app.get(&check).await.texts(".summary-row");
        assert!(
            rows.iter()
                .any(|r| r.contains("What would you like more of in parks?")
                    && r.contains("Cafes, Toilets")),
            "{rows:?}"
        );
        assert!(app.submit(&check).await.ends_with("/done"));
        let stored = app.responses().await.pop().unwrap().answers;
        assert!(
            stored.contains(r#""park_wishes":"cafes,toilets""#),
            "{stored}"
        );
        let defs = store::indicator_defs::all(&app.db).await.unwrap();
        assert!(defs
            .iter()
            .any(|d| d.key == "used_a_park_in_the_last_month"));

        // Changing the published survey starts draft version 2; residents still get 1.
        let page = change(
            &staff,
            &csrf,
            "add-route",
            &[("section", "2"), ("answer", "uses_park=yes"), ("goto", "3")],
        )
        .await;
        assert!(
            status(&page).contains("Saved in draft version 2."),
            "{}",
            status(&page)
        );
        // A section a route goes to stays until the route changes.
        let page = change(&staff, &csrf, "remove-section", &[("section", "3")]).await;
        assert_eq!(
            page.error_summary(),
            ["Section 2 has a route to section 3: change or remove that route before removing the section"]
        );
        // A question a route follows, removed: publishing says so.
        let page = change(
            &staff,
            &csrf,
            "remove-question",
            &[("question", "uses_park")],
        )
        .await;
        let waiting = page.texts("[data-testid=publish-problems] li");
        assert!(
            waiting.iter().any(|w| w
                == "Section 2 has a route that follows \"uses_park\", which is not one of its questions"),
            "{waiting:?}"
        );
        let res = staff
            .post("/officer/surveys/parks/publish", &[("csrf", &csrf)])
            .await;
        let page = staff.get(&location(&res)).await;
        assert_eq!(
            page.error_summary(),
            ["The draft of parks cannot be published until its problems are put right"]
        );
        let s1 = app.begin("parks").await;
        let s2 = app.answer(&s1, &[("area", &ward)]).await;
        assert!(app.get(&s2).await.text.contains("Have you used a park"));

        // Someone not signed in can change nothing.
        let res = app
            .post_raw(EDIT, &[("do", "remove-section"), ("section", "1")])
            .await;
        assert_ne!(res.status(), StatusCode::SEE_OTHER);
    }
);

db_test!(
    a_question_changed_keeps_its_answers_keys_and_a_bank_question_its_wording,
    |app: TestApp| async move {
        let staff = app.signed_in("officer@example.org", Role::Officer).await;
        let csrf = staff.csrf().await;
        // The standard survey's published version: a change makes its next draft.
        let page = staff
            .get("/officer/surveys/wellbeing/edit/question?question=wb_happiness")
            .await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.select("[data-testid=bank-note]").len() == 1);
        assert!(page.select("#question-prompt").is_empty());
        let page = send(
            &staff,
            "/officer/surveys/wellbeing/edit/question?question=wb_happiness",
            &[
                ("csrf", &csrf),
                ("prompt", "How happy were you?"),
                ("hint", "Think of yesterday only"),
                ("short_label", "happiness yesterday"),
                ("required", "yes"),
                ("required_message", "Select how happy you felt yesterday"),
            ],
        )
        .await;
        assert!(
            status(&page).contains("Saved in draft version 2."),
            "{}",
            page.words()
        );
        let (_, doc) = store::survey_versions::document(&app.db, "wellbeing", Some(2))
            .await
            .unwrap()
            .unwrap();
        let q = doc.survey().question("wb_happiness").unwrap().clone();
        assert_eq!(q.prompt, "Overall, how happy did you feel yesterday?");
        assert_eq!(q.hint.as_deref(), Some("Think of yesterday only"));

        // A long form refused comes back whole: nothing typed is lost to the cookie's size.
        let long: String = (1..=60)
            .map(|i| format!("Answer number {i}, with a few words to make it longer\n"))
            .collect();
        let page = send(
            &staff,
            "/officer/surveys/wellbeing/edit/question?section=1&kind=choice",
            &[("csrf", &csrf), ("options", &long), ("required", "yes")],
        )
        .await;
        assert!(page
            .error_summary()
            .contains(&"Enter the question".to_string()));
        assert_eq!(page.texts("#question-options")[0].trim(), long.trim());
    }
);

db_test!(
    changes_made_at_once_all_land_one_after_another,
    |app: TestApp| async move {
        // Officers editing one survey at the same moment: each change waits for the one
        // before, so none is lost and none fails (SQLite refuses a transaction that read and
        // then would write after another wrote; PostgreSQL would let the later overwrite).
        let staff = app.signed_in("officer@example.org", Role::Officer).await;
        let csrf = staff.csrf().await;
        let (staff, csrf) = (&staff, &csrf);
        let posts = (1..=8).map(|i| async move {
            let title = format!("Section at once {i}");
            let res = staff
                .post(
                    EDIT,
                    &[("csrf", csrf), ("do", "add-section"), ("title", &title)],
                )
                .await;
            assert_eq!(res.status(), StatusCode::SEE_OTHER);
        });
        let _ = store::survey_versions::import(
            &app.db,
            &domain::editing::new_document(&domain::editing::NewSurvey {
                key: "parks".into(),
                title: "Parks".into(),
            })
            .unwrap(),
            &store::audit::Actor::command_line(&app.clock),
        )
        .await
        .unwrap();
        futures_util::future::join_all(posts).await;
        let (_, doc) = store::survey_versions::document(&app.db, "parks", None)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(doc.sections.len(), 8, "{:?}", doc.sections);
    }
);
