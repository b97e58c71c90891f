//! Surveys made by officers (issue 13): a survey document imported, published and
//! answered along its route; versions frozen by publishing; the document exported with
//! the schema it follows.

use crate::common::TestApp;
use domain::accounts::Role;
use domain::document::SurveyDocument;
use reqwest::StatusCode;
use sea_orm::EntityTrait;
use store::audit::Actor;

/// "Do you use the park?" No: straight to the end, past the park's own questions.
fn parks() -> SurveyDocument {
    serde_json::from_value(serde_json::json!({
        "format": 1,
        "key": "parks",
        "title": "Parks survey",
        "summary": "Tell us about the city's parks.",
        "purpose": "To decide where the parks budget goes.",
        "minutes": 3,
        "retention": "We keep your answers for two years.",
        "sections": [
            {
                "title": "Your ward",
                "questions": [{
                    "key": "area", "prompt": "Which ward do you live in?",
                    "short_label": "your ward", "required_message": "Select your ward",
                    "required": true, "kind": { "type": "area" }
                }, {
                    "key": "people_at_home", "prompt": "How many people live in your home?",
                    "short_label": "the people in your home", "required_message": "",
                    "required": false,
                    "kind": { "type": "number", "min": 1, "max": 20, "unit": "people" }
                }]
            },
            {
                "title": "Using parks",
                "questions": [{
                    "key": "uses_park", "prompt": "Have you used a park in the last month?",
                    "short_label": "using a park", "required_message": "Select yes or no",
                    "required": true,
                    "kind": { "type": "choice", "options": [
                        { "key": "yes", "label": "Yes" }, { "key": "no", "label": "No" }
                    ] }
                }],
                "routes": [
                    { "question": "uses_park", "when": { "type": "answer", "option": "no" },
                      "goto": { "type": "end" } }
                ]
            },
            {
                "title": "Your park",
                "questions": [{
                    "key": "park_clean", "prompt": "How clean was the park?",
                    "short_label": "how clean", "required_message": "Select how clean it was",
                    "required": true,
                    "kind": { "type": "scale", "min": 1, "max": 5,
                              "min_label": "Very dirty", "max_label": "Very clean" }
                }, {
                    "key": "last_visit", "prompt": "When did you last visit it?",
                    "short_label": "your last visit", "required_message": "",
                    "required": false,
                    "kind": { "type": "date", "earliest": "2000-01-01", "latest": "2026-12-31" }
                }]
            }
        ]
    }))
    .expect("a survey document")
}

fn officer(app: &TestApp) -> Actor {
    Actor::command_line(&app.clock)
}

async fn publish_parks(app: &TestApp) {
    store::survey_versions::import(&app.db, &parks(), &officer(app))
        .await
        .unwrap();
    store::survey_versions::publish(&app.db, "parks", &officer(app))
        .await
        .unwrap();
    open_wave(app).await;
}

async fn open_wave(app: &TestApp) {
    store::waves::create(
        &app.db,
        &officer(app),
        store::waves::NewWave {
            survey: "parks",
            key: "2027",
            name: Some("2027"),
            baseline: true,
            weighted: false,
        },
    )
    .await
    .unwrap();
}

db_test!(
    a_route_skips_the_questions_it_passes_and_the_response_keeps_its_version,
    |app: TestApp| async move {
        publish_parks(&app).await;
        let ward = app.ward_code("Tunstall").await;

        // "No" goes straight to the check page: the park's section is never shown.
        let s1 = app.begin("parks").await;
        let s2 = app.answer(&s1, &[("area", &ward)]).await;
        assert!(s2.ends_with("/section/2"), "{s2}");
        let after = app.answer(&s2, &[("uses_park", "no")]).await;
        assert!(after.ends_with("/check"), "a route to the end: {after}");
        let check = app.get(&after).await;
        assert!(check.text.contains("Have you used a park"));
        assert!(!check.text.contains("How clean was the park"), "skipped");

        // Back from the check page to "yes" leads through the park's section after all.
        let change = after.replace("/check", "/section/2?change=1");
        let s3 = app.answer(&change, &[("uses_park", "yes")]).await;
        assert!(
            s3.ends_with("/section/3"),
            "a new way continues there: {s3}"
        );
        let section3 = app.get(&s3).await;
        assert_eq!(
            section3.attr("a.back-link", "href").unwrap(),
            s3.replace("/section/3", "/section/2")
        );
        let check = app.answer(&s3, &[("park_clean", "4")]).await;
        assert!(check.ends_with("/check"));

        // And back to "no": the park's answer is dropped, not sent.
        let again = app.answer(&change, &[("uses_park", "no")]).await;
        assert!(again.ends_with("/check"), "{again}");
        let done = app.submit(&again).await;
        assert!(done.ends_with("/done"), "{done}");

        let responses = app.responses().await;
        let r = responses.last().unwrap();
        assert!(r.answers.contains("uses_park"));
        assert!(!r.answers.contains("park_clean"), "{}", r.answers);
        let v1 = r.version_id.expect("a response keeps its version");

        // A new version: the old response and its wave keep version 1; a new wave answers 2.
        let mut v2 = parks();
        v2.sections[1].questions[0].prompt = "Have you been to a park in the last month?".into();
        let n = store::survey_versions::save_draft(&app.db, "parks", &v2, &officer(&app))
            .await
            .unwrap();
        assert_eq!(n, 2);
        store::survey_versions::publish(&app.db, "parks", &officer(&app))
            .await
            .unwrap();
        let again = store::entity::response::Entity::find_by_id(r.id)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(again.version_id, Some(v1));
        let versions = store::survey_versions::list(&app.db, again_survey(&app).await)
            .await
            .unwrap();
        assert_eq!(
            versions
                .iter()
                .map(|v| (v.number, v.published))
                .collect::<Vec<_>>(),
            [(2, true), (1, true)]
        );
        // The open wave still asks version 1's wording.
        let s = app.begin("parks").await;
        let s2 = app.answer(&s, &[("area", &ward)]).await;
        assert!(app.get(&s2).await.text.contains("Have you used a park"));
    }
);

async fn again_survey(app: &TestApp) -> i32 {
    store::surveys::by_key(&app.db, "parks")
        .await
        .unwrap()
        .unwrap()
        .id
}

db_test!(
    publishing_is_refused_while_a_route_points_nowhere,
    |app: TestApp| async move {
        publish_parks(&app).await;
        let mut broken = parks();
        broken.sections[1].routes[0].when = domain::routing::When::Answer("maybe".into());
        // A draft being built may be saved so; publishing it is refused, saying why.
        store::survey_versions::save_draft(&app.db, "parks", &broken, &officer(&app))
            .await
            .expect("a draft with a route to put right");
        let err = store::survey_versions::publish(&app.db, "parks", &officer(&app))
            .await
            .unwrap_err();
        let said = match err {
            store::survey_versions::VersionError::Problems(p) => p[0].to_string(),
            other => panic!("{other}"),
        };
        assert_eq!(
            said,
            "Section 2 has a route for the answer \"maybe\" to \"using a park\", which is no longer one of its options"
        );
        // A survey's key is its identity: another survey's document is not a new version.
        let mut other = parks();
        other.key = "wellbeing".into();
        assert!(matches!(
            store::survey_versions::import(&app.db, &other, &officer(&app)).await,
            Err(store::survey_versions::VersionError::KeyTaken(_))
        ));
        // Nothing to publish: the newest version is already published.
        store::survey_versions::save_draft(&app.db, "parks", &parks(), &officer(&app))
            .await
            .unwrap();
        store::survey_versions::publish(&app.db, "parks", &officer(&app))
            .await
            .unwrap();
        assert!(matches!(
            store::survey_versions::publish(&app.db, "parks", &officer(&app)).await,
            Err(store::survey_versions::VersionError::NoDraft)
        ));

        // A question from the question bank keeps the bank's wording; its hint may change.
        let mut bank = parks();
        let mut happiness = store::survey_versions::question_bank()
            .iter()
            .find(|q| q.key == "wb_happiness")
            .unwrap()
            .clone();
        happiness.hint = Some("Think about yesterday only".into());
        bank.sections[2].questions.push(happiness.clone());
        store::survey_versions::save_draft(&app.db, "parks", &bank, &officer(&app))
            .await
            .expect("the bank's wording with a hint of the council's own");
        happiness.prompt = "How happy were you yesterday?".into();
        *bank.sections[2].questions.last_mut().unwrap() = happiness;
        let err = store::survey_versions::save_draft(&app.db, "parks", &bank, &officer(&app))
            .await
            .unwrap_err();
        let said = match err {
            store::survey_versions::VersionError::Problems(p) => p[0].to_string(),
            other => panic!("{other}"),
        };
        assert!(
            said.starts_with(
                "The question \"wb_happiness\" is from the question bank but its wording differs"
            ),
            "{said}"
        );
    }
);

db_test!(
    a_survey_exports_as_a_document_that_follows_the_published_schema,
    |app: TestApp| async move {
        let schema = app
            .client
            .get(app.url("/schema/survey-1.json"))
            .send()
            .await
            .unwrap();
        assert_eq!(schema.status(), StatusCode::OK);
        assert_eq!(schema.headers()["content-type"], "application/schema+json");
        let schema: serde_json::Value = schema.json().await.unwrap();
        assert_eq!(schema["title"], "Kiln survey");

        let path = "/officer/surveys/wellbeing/survey.json";
        let anonymous = app.client.get(app.url(path)).send().await.unwrap();
        assert_ne!(anonymous.status(), StatusCode::OK);
        let staff = app.signed_in("officer@example.org", Role::Officer).await;
        let res = staff.get_raw(path).await;
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(
            res.headers()["content-disposition"],
            "attachment; filename=\"kiln-survey-wellbeing-v1.json\""
        );
        let doc: SurveyDocument = res.json().await.unwrap();
        assert!(doc
            .schema
            .as_deref()
            .unwrap()
            .ends_with("/schema/survey-1.json"));
        assert_eq!(doc.key, "wellbeing");
        // The standard survey as exported is the seed's document, question for question.
        let seeded = store::seed::standard_documents()
            .into_iter()
            .find(|d| d.key == "wellbeing")
            .unwrap();
        assert_eq!(doc.sections, seeded.sections);
        assert_eq!(domain::document::check(&doc), []);

        // The question bank, to copy questions from: every standard question.
        let bank = staff.get_raw("/officer/surveys/question-bank.json").await;
        assert_eq!(bank.status(), StatusCode::OK);
        let bank: serde_json::Value = bank.json().await.unwrap();
        let keys: Vec<&str> = bank["questions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|q| q["key"].as_str().unwrap())
            .collect();
        assert!(
            keys.contains(&"wb_happiness") && keys.contains(&"coh_belonging"),
            "{keys:?}"
        );
    }
);

async fn upload(a: &crate::common::Agent, csrf: &str, file: &str) -> crate::common::Page {
    use reqwest::multipart::{Form, Part};
    let form = Form::new().text("csrf", csrf.to_string()).part(
        "file",
        Part::bytes(file.as_bytes().to_vec())
            .file_name("parks.json")
            .mime_str("application/json")
            .unwrap(),
    );
    let res = a
        .client
        .post(a.url("/officer/surveys"))
        .multipart(form)
        .send()
        .await
        .expect("upload");
    a.get(&crate::common::location(&res)).await
}

db_test!(
    an_officer_uploads_a_survey_sees_its_problems_then_publishes_it,
    |app: TestApp| async move {
        let staff = app.signed_in("officer@example.org", Role::Officer).await;
        let page = staff.get("/officer/surveys").await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.text.contains("Wellbeing survey"));
        assert!(page.text.contains("Download version 1 (JSON)"));
        let csrf = staff.csrf().await;

        // Not JSON at all: said plainly, nothing saved.
        let page = upload(&staff, &csrf, "key,title\nparks,Parks").await;
        assert_eq!(page.error_summary().len(), 1);
        assert!(page.text.contains("The file is not a survey document"));

        // Malformed: two questions with one key, an answer key that cannot be one. Every
        // problem listed by the field, nothing saved.
        let mut broken = parks();
        broken.sections[2].questions[1].key = "park_clean".into();
        if let domain::QuestionKind::Choice { options } = &mut broken.sections[1].questions[0].kind
        {
            options[0].key = "Yes!".into();
        }
        let page = upload(&staff, &csrf, &serde_json::to_string(&broken).unwrap()).await;
        assert_eq!(
            page.error_summary(),
            ["The survey has 2 problems; nothing was saved. Correct the document and upload it again."]
        );
        let listed = page.texts("#survey-file ~ ul li, .error-list li");
        assert!(
            listed
                .iter()
                .any(|l| l.contains("Two questions have the key \"park_clean\"")),
            "{listed:?}"
        );
        assert!(store::surveys::by_key(&app.db, "parks")
            .await
            .unwrap()
            .is_none());

        // Unfinished (a route to an answer that does not exist, no time given): kept as a
        // draft, saying what stops it being published.
        let mut unfinished = parks();
        unfinished.sections[1].routes[0].when = domain::routing::When::Answer("maybe".into());
        unfinished.minutes = 0;
        let page = upload(&staff, &csrf, &serde_json::to_string(&unfinished).unwrap()).await;
        let said = page.texts("[role=status]").join(" ");
        assert!(
            said.contains("Saved parks version 1 as a draft. It cannot be published until these are put right:")
                && said.contains("route for the answer \"maybe\""),
            "{said}"
        );

        // Sound: a draft, which residents cannot see until it is published.
        let page = upload(&staff, &csrf, &serde_json::to_string(&parks()).unwrap()).await;
        assert!(
            page.text.contains("Saved parks version 1 as a draft"),
            "{}",
            page.words()
        );
        assert_eq!(
            app.get("/surveys/parks").await.status,
            StatusCode::NOT_FOUND
        );
        let res = staff
            .post("/officer/surveys/parks/publish", &[("csrf", &csrf)])
            .await;
        let page = staff.get(&crate::common::location(&res)).await;
        assert!(
            page.text.contains("Published parks version 1"),
            "{}",
            page.words()
        );
        assert!(!page.text.contains("Publish version 1"));
        let published =
            store::audit::latest(&app.db, domain::AuditAction::SurveyPublished, "parks")
                .await
                .unwrap()
                .expect("publishing is audited");
        assert_eq!(published.detail, "parks version 1");

        // A wave: a key that cannot be an address is refused, with what was typed kept.
        let res = staff
            .post(
                "/officer/surveys/parks/waves",
                &[
                    ("csrf", &csrf),
                    ("wave-key", "2027 spring"),
                    ("wave-name", "Spring 2027"),
                ],
            )
            .await;
        let page = staff.get(&crate::common::location(&res)).await;
        assert_eq!(
            page.error_summary(),
            ["A wave key is 1 to 64 letters, digits, - or _ (for example 2027-spring)"]
        );
        assert_eq!(
            page.attr("#wave-key-parks", "value").as_deref(),
            Some("2027 spring")
        );
        assert_eq!(
            page.attr("#wave-name-parks", "value").as_deref(),
            Some("Spring 2027")
        );
        let res = staff
            .post(
                "/officer/surveys/parks/waves",
                &[
                    ("csrf", &csrf),
                    ("wave-key", "2027-spring"),
                    ("wave-name", "Spring 2027"),
                    ("baseline", "yes"),
                ],
            )
            .await;
        let page = staff.get(&crate::common::location(&res)).await;
        assert!(
            page.text.contains("Opened the wave Spring 2027 of parks"),
            "{}",
            page.words()
        );
        assert!(page.text.contains("Spring 2027: version 1"));
        assert_eq!(app.get("/surveys/parks").await.status, StatusCode::OK);
    }
);

db_test!(
    a_new_surveys_own_indicator_appears_on_the_dashboard,
    |app: TestApp| async move {
        let mut doc = parks();
        doc.indicators = vec![domain::indicators::IndicatorDef {
            key: "park_used".into(),
            label: "Used a park in the last month".into(),
            item: "uses_park".into(),
            rule: domain::indicators::Rule::ShareOf {
                options: vec!["yes".into()],
            },
            theme: domain::indicators::Theme::Greener,
            higher_is_better: true,
        }];
        store::survey_versions::import(&app.db, &doc, &officer(&app))
            .await
            .unwrap();
        // Another survey's indicator key is refused at publishing, naming it.
        let mut clash = doc.clone();
        clash.indicators[0].key = "wb_happiness_mean".into();
        store::survey_versions::save_draft(&app.db, "parks", &clash, &officer(&app))
            .await
            .unwrap();
        assert_eq!(
            store::survey_versions::publish(&app.db, "parks", &officer(&app))
                .await
                .unwrap_err()
                .to_string(),
            "the indicator key \"wb_happiness_mean\" is another survey's: choose another"
        );
        store::survey_versions::save_draft(&app.db, "parks", &doc, &officer(&app))
            .await
            .unwrap();
        store::survey_versions::publish(&app.db, "parks", &officer(&app))
            .await
            .unwrap();
        open_wave(&app).await;
        let ward = app.ward_code("Tunstall").await;
        // Six of ten used a park: enough answers to be shown (the threshold is 10).
        for i in 0..10 {
            let s1 = app.begin("parks").await;
            let s2 = app.answer(&s1, &[("area", &ward)]).await;
            let used = if i < 6 { "yes" } else { "no" };
            let next = app.answer(&s2, &[("uses_park", used)]).await;
            let check = if used == "yes" {
                app.answer(&next, &[("park_clean", "4")]).await
            } else {
                next
            };
            assert!(app.submit(&check).await.ends_with("/done"));
        }
        let staff = app.signed_in("officer@example.org", Role::Officer).await;
        let page = staff.get("/officer/parks/2027").await;
        assert_eq!(page.status, StatusCode::OK);
        let row = page
            .select("tr")
            .into_iter()
            .map(|r| r.text().collect::<Vec<_>>().join("|"))
            .find(|r| r.contains("Used a park in the last month"))
            .unwrap_or_else(|| panic!("no row: {}", page.words()));
        assert!(row.contains("60"), "{row}");
    }
);

db_test!(
    a_number_must_be_whole_and_in_range_and_reads_back_with_its_unit,
    |app: TestApp| async move {
        publish_parks(&app).await;
        let ward = app.ward_code("Tunstall").await;
        let s1 = app.begin("parks").await;
        let again = app
            .answer(&s1, &[("area", &ward), ("people_at_home", "lots")])
            .await;
        assert!(again.contains("errors=1"), "{again}");
        let page = app.get(&again).await;
        assert_eq!(
            page.error_summary(),
            ["Enter the people in your home as a whole number, like 1"]
        );
        // What was typed stays in the box.
        assert_eq!(
            page.attr("#q-people_at_home", "value").as_deref(),
            Some("lots")
        );
        assert_eq!(
            page.attr("#q-people_at_home", "inputmode").as_deref(),
            Some("numeric")
        );
        let s2 = app
            .answer(&s1, &[("area", &ward), ("people_at_home", "3")])
            .await;
        let check = app.answer(&s2, &[("uses_park", "no")]).await;
        let page = app.get(&check).await;
        let row = page
            .texts(".summary-row")
            .into_iter()
            .find(|r| r.contains("How many people"))
            .unwrap();
        assert!(row.contains("3 people"), "{row}");
    }
);

db_test!(
    a_date_is_typed_in_three_boxes_kept_on_error_and_stored_as_a_date,
    |app: TestApp| async move {
        publish_parks(&app).await;
        let s1 = app.begin("parks").await;
        let s2 = app.answer(&s1, &[("area", "dont_know")]).await;
        let s3 = app.answer(&s2, &[("uses_park", "yes")]).await;
        let page = app.get(&s3).await;
        assert_eq!(
            page.texts("legend").last().unwrap(),
            "When did you last visit it?"
        );
        let again = app
            .answer(
                &s3,
                &[
                    ("park_clean", "4"),
                    ("last_visit-day", "31"),
                    ("last_visit-month", "2"),
                    ("last_visit-year", "2026"),
                ],
            )
            .await;
        let page = app.get(&again).await;
        assert_eq!(
            page.error_summary(),
            ["Your last visit must be a real date"]
        );
        // The summary links to the day box; what was typed stays in each box.
        assert_eq!(
            page.attr(".error-summary a", "href").as_deref(),
            Some("#q-last_visit")
        );
        assert_eq!(page.attr("#q-last_visit", "value").as_deref(), Some("31"));
        assert_eq!(
            page.attr("#q-last_visit-month", "value").as_deref(),
            Some("2")
        );
        assert_eq!(
            page.attr("#q-last_visit-year", "value").as_deref(),
            Some("2026")
        );
        let check = app
            .answer(
                &s3,
                &[
                    ("park_clean", "4"),
                    ("last_visit-day", "7"),
                    ("last_visit-month", "3"),
                    ("last_visit-year", "2026"),
                ],
            )
            .await;
        let page = app.get(&check).await;
        assert!(
            page.text.contains("7 March 2026"),
            "{}",
            page.texts(".summary-row").join("|")
        );
        app.submit(&check).await;
        let r = &app.responses().await[0];
        let answers: serde_json::Value = serde_json::from_str(&r.answers).unwrap();
        assert_eq!(answers["last_visit"], "2026-03-07");
    }
);

db_test!(
    the_preview_frames_a_version_as_residents_get_it_with_javascript_on_or_off,
    |app: TestApp| async move {
        let staff = app.signed_in("officer@example.org", Role::Officer).await;
        let page = staff.get("/officer/surveys/wellbeing/preview").await;
        assert_eq!(page.status, StatusCode::OK);
        let frame = "iframe[data-testid=preview-frame]";
        assert_eq!(
            page.attr(frame, "src").as_deref(),
            Some("/preview/wellbeing/1?lang=en")
        );
        assert!(page
            .attr(frame, "sandbox")
            .unwrap()
            .contains("allow-scripts"));
        // JavaScript off: the frame may run no script; a section in Urdu with its problems.
        let page = staff
            .get("/officer/surveys/wellbeing/preview?version=1&page=2&lang=ur&js=off&problems=1")
            .await;
        assert_eq!(
            page.attr(frame, "src").as_deref(),
            Some("/preview/wellbeing/1/section/2?lang=ur&errors=1")
        );
        assert!(!page
            .attr(frame, "sandbox")
            .unwrap()
            .contains("allow-scripts"));

        // What the frame shows: the residents' own page, framable by Kiln only, storing and
        // remembering nothing.
        let res = staff.get_raw("/preview/wellbeing/1?lang=ur").await;
        assert_eq!(res.headers()["x-frame-options"], "SAMEORIGIN");
        let csp = res.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .to_string();
        assert!(csp.contains("frame-ancestors 'self'"), "{csp}");
        assert!(res.headers().get("set-cookie").is_none());
        let start = crate::common::page(res).await;
        assert_eq!(start.attr("html", "dir").as_deref(), Some("rtl"));
        assert_eq!(start.texts("h1"), ["خوشحالی کا سروے"]);
        assert_eq!(
            start.attr("form[method=get]", "action").as_deref(),
            Some("/preview/wellbeing/1/section/1")
        );
        let section = staff
            .get("/preview/wellbeing/1/section/2?lang=en&errors=1")
            .await;
        assert_eq!(section.texts("h1"), ["Your personal wellbeing"]);
        assert!(section
            .error_summary()
            .contains(&"Select how happy you felt yesterday".to_string()));
        assert_eq!(
            section.attr("form[method=get]", "action").as_deref(),
            Some("/preview/wellbeing/1/section/3")
        );
        assert!(section.select("input[name=token]").is_empty());
        // The frame's page ships no wasm, like every resident's page.
        assert!(section.select("link[rel=modulepreload]").is_empty());
        // Residents cannot open it.
        let anon = app.get("/preview/wellbeing/1").await;
        assert_ne!(anon.status, StatusCode::OK);
        assert_eq!(
            staff.get("/preview/wellbeing/9").await.status,
            StatusCode::NOT_FOUND
        );
    }
);
