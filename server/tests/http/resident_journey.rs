//! The resident journey over HTTP, with JavaScript off: every test runs on SQLite and on
//! PostgreSQL.

use crate::common::TestApp;
use domain::accounts::Role;
use reqwest::StatusCode;

db_test!(
    health_check_reports_the_database,
    |app: TestApp| async move {
        let res = app.client.get(app.url("/healthz")).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(res.text().await.unwrap(), "ok");
    }
);

db_test!(the_site_has_an_icon, |app: TestApp| async move {
    let res = app
        .client
        .get(app.url("/favicon.ico"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["content-type"], "image/x-icon");
    let body = res.bytes().await.unwrap();
    assert_eq!(&body[..4], &[0, 0, 1, 0], "an ICO file");
});

db_test!(
    home_and_start_pages_describe_the_surveys,
    |app: TestApp| async move {
        let home = app.get("/").await;
        assert_eq!(home.status, StatusCode::OK);
        assert!(home.text.contains("Wellbeing survey"));
        assert!(home.text.contains("Community cohesion and safety survey"));

        let start = app.get("/surveys/cohesion").await;
        assert_eq!(start.status, StatusCode::OK);
        for needed in [
            "Why we are asking",
            "minutes",
            "anonymous",
            "five years",
            "Start now",
        ] {
            assert!(start.text.contains(needed), "start page lacks {needed}");
        }
        assert_eq!(
            app.get("/surveys/nonsense").await.status,
            StatusCode::NOT_FOUND
        );
    }
);

db_test!(a_scale_names_its_ends_once, |app: TestApp| async move {
    // The fear-of-crime scale once said what 1 and 10 mean in its hint and again below.
    let first = app.begin("cohesion").await;
    let mut seen = false;
    for n in 1..=8 {
        let page = app
            .get(&first.replace("/section/1", &format!("/section/{n}")))
            .await;
        if page.text.contains("fear of crime affect") {
            assert_eq!(page.text.matches("1 means").count(), 1, "{}", page.text);
            seen = true;
        }
    }
    assert!(seen, "the fear-of-crime question was found");
});

db_test!(
    a_complete_response_is_stored_once_with_its_ward,
    |app: TestApp| async move {
        let ward = app.ward_code("Tunstall").await;
        let check = app.complete_wellbeing(&ward).await;
        assert!(
            check.ends_with("/check"),
            "last section leads to check: {check}"
        );

        let page = app.get(&check).await;
        assert!(page.text.contains("Tunstall"));
        assert!(page.text.contains("Doing alright"));
        assert!(page.text.contains("35 to 44"));
        // A score is shown with its scale, not as a bare number.
        assert!(
            page.text.contains("7 (on a scale where 0 is "),
            "{}",
            page.texts(".summary-row").join("|")
        );

        let done = app.submit(&check).await;
        assert!(done.ends_with("/done"));
        let done_page = app.get(&done).await;
        let receipt = done_page.texts("[data-testid=receipt]");
        assert_eq!(receipt.len(), 1);
        assert_eq!(receipt[0].len(), 12, "receipt like XXXX-XXXX-XX");

        let responses = app.responses().await;
        assert_eq!(responses.len(), 1);
        let r = &responses[0];
        assert_eq!(r.channel, "online");
        assert_eq!(r.area_answer, "ward");
        assert!(r.area_id.is_some());
        assert_eq!(r.age_band.as_deref(), Some("35-44"));
        assert_eq!(r.sex.as_deref(), Some("female"));
        assert_eq!(r.submitted_on, app.clock.today());
        let answers: serde_json::Value = serde_json::from_str(&r.answers).unwrap();
        assert_eq!(answers["wb_life_satisfaction"], 7);
        assert_eq!(answers["fin_managing"], "doing_alright");
        assert!(
            answers.get("area").is_none(),
            "the ward is a column, not an answer"
        );
    }
);

db_test!(
    missing_and_out_of_range_answers_are_explained_and_kept,
    |app: TestApp| async move {
        let s1 = app.begin("wellbeing").await;
        let s2 = app.answer(&s1, &[("area", "dont_know")]).await;
        let back = app
            .answer(
                &s2,
                &[
                    ("wb_life_satisfaction", "7"),
                    ("wb_worthwhile", "11"),
                    ("wb_anxiety", "3"),
                ],
            )
            .await;
        assert!(back.ends_with("/section/2?errors=1"), "{back}");
        let page = app.get(&back).await;
        assert_eq!(
            page.error_summary(),
            [
                "Select a score from 0 to 10 for feeling that what you do is worthwhile",
                "Select how happy you felt yesterday",
            ]
        );
        assert_eq!(
            page.texts("#q-wb_happiness-error"),
            ["Error: Select how happy you felt yesterday"]
        );
        assert!(page.text.contains("<title>Error: "));
        // What was given stays given.
        assert_eq!(page.checked("wb_life_satisfaction").as_deref(), Some("7"));
        assert_eq!(page.checked("wb_anxiety").as_deref(), Some("3"));
        assert_eq!(
            page.attr("a[href=\"#q-wb_happiness\"]", "href").as_deref(),
            Some("#q-wb_happiness")
        );
    }
);

db_test!(
    unknown_options_wards_and_long_text_are_refused,
    |app: TestApp| async move {
        let s1 = app.begin("cohesion").await;
        let back = app.answer(&s1, &[("area", "NOT-A-WARD")]).await;
        assert!(back.contains("errors=1"));
        assert_eq!(
            app.get(&back).await.error_summary(),
            ["Select your ward from the list"]
        );

        let s2 = app.answer(&s1, &[("area", "prefer_not_to_say")]).await;
        let back = app
            .answer(
                &s2,
                &[
                    ("coh_belonging", "extremely"),
                    ("coh_get_on", "tend_to_agree"),
                    ("coh_influence", "dont_know"),
                    ("part_heard", "agree"),
                ],
            )
            .await;
        assert_eq!(
            app.get(&back).await.error_summary(),
            ["Select one of the answers shown for belonging"]
        );

        // The free-text section: 1,001 characters is one too many, and the text is kept.
        let s6 = s1.replace("section/1", "section/6");
        let long = "x".repeat(1001);
        let back = app
            .answer(
                &s6,
                &[("part_volunteer", "monthly"), ("free_text_change", &long)],
            )
            .await;
        let page = app.get(&back).await;
        assert_eq!(
        page.error_summary(),
        ["Your answer about what would make your neighbourhood better must be 1,000 characters or fewer; it has 1,001"]
    );
        assert_eq!(page.texts("textarea")[0].len(), 1001);
    }
);

db_test!(
    a_forged_form_is_refused_and_not_saved,
    |app: TestApp| async move {
        let s1 = app.begin("wellbeing").await;
        let back = app
            .post(
                &s1,
                &[
                    ("token", "forged"),
                    ("intent", "continue"),
                    ("area", "dont_know"),
                ],
            )
            .await;
        assert!(back.ends_with("problem=form"), "{back}");
        let page = app.get(&back).await;
        assert_eq!(page.error_summary().len(), 1);
        assert!(page.error_summary()[0].contains("could not be saved"));
        assert_eq!(page.attr("option[selected]", "value").as_deref(), Some(""));

        // A token from another section does not work either.
        let s2 = app.answer(&s1, &[("area", "dont_know")]).await;
        let token_for_2 = app.get(&s2).await.token();
        let back = app
            .post(
                &s1,
                &[
                    ("token", &token_for_2),
                    ("intent", "continue"),
                    ("area", "prefer_not_to_say"),
                ],
            )
            .await;
        assert!(back.ends_with("problem=form"));
    }
);

db_test!(
    submitting_twice_or_at_once_stores_one_response,
    |app: TestApp| async move {
        let ward = app.ward_code("Meir Park").await;
        let check = app.complete_wellbeing(&ward).await;
        let page = app.get(&check).await;
        let token = page.token();
        let action = page.attr("form[action$=submit]", "action").unwrap();

        // A double tap: two posts in flight together.
        let form = [("token", token.as_str())];
        let (a, b) = tokio::join!(app.post_raw(&action, &form), app.post_raw(&action, &form));
        assert_eq!(a.status(), StatusCode::SEE_OTHER);
        assert_eq!(b.status(), StatusCode::SEE_OTHER);
        assert_eq!(crate::common::location(&a), crate::common::location(&b));
        // A retry after a timeout, and a resubmit after Back.
        let again = app.post(&action, &[("token", &token)]).await;
        assert!(again.ends_with("/done"));
        assert_eq!(app.responses().await.len(), 1);

        // The check page and sections now lead to the confirmation instead.
        let res = app.client.get(app.url(&check)).send().await.unwrap();
        assert!(res.status().is_redirection());
        let section = check.replace("/check", "/section/2");
        let replay = app
            .post(&section, &[("token", &token), ("wb_happiness", "1")])
            .await;
        assert!(replay.ends_with("/done"));
        assert_eq!(app.responses().await.len(), 1);
    }
);

db_test!(
    submit_checks_every_section_again,
    |app: TestApp| async move {
        // Jumping straight to the check page with nothing answered sends you to what is missing.
        let s1 = app.begin("wellbeing").await;
        let check = s1.replace("/section/1", "/check");
        let back = app.submit(&check).await;
        assert!(back.ends_with("/section/1?errors=1"), "{back}");
        assert!(app.responses().await.is_empty());
    }
);

db_test!(
    a_drafts_address_opens_it_only_in_the_browser_that_holds_it,
    |app: TestApp| async move {
        let s1 = app.begin("cohesion").await;
        let page = app.get(&s1).await;
        let saved = app
            .post(
                &s1,
                &[
                    ("token", &page.token()),
                    ("intent", "save"),
                    ("area", "dont_know"),
                ],
            )
            .await;
        let code = app.get(&saved).await.texts(".code-panel .code")[0].replace('-', "");
        // Nowhere in the draft's addresses.
        for path in [&s1, &saved] {
            assert!(!path.to_uppercase().contains(&code), "{path} holds {code}");
        }
        // The same address in a browser without the cookie (a shared computer's history
        // after the browser closed): nothing, and the way back is the resume code.
        let history = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        for path in [&s1, &saved] {
            let res = history.get(app.url(path)).send().await.unwrap();
            assert_eq!(res.status(), StatusCode::NOT_FOUND, "{path}");
            let body = res.text().await.unwrap();
            assert!(body.contains("href=\"/resume\""), "{path}");
            assert!(!body.contains("dont_know\" selected"));
        }
        let res = history
            .post(app.url(&s1))
            .form(&[("area", "W1")])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
        // The cookie lasts until the browser closes, is HTTP only and same-site.
        let cookie = app
            .client
            .post(app.url("/surveys/wellbeing/begin"))
            .send()
            .await
            .unwrap()
            .headers()["set-cookie"]
            .to_str()
            .unwrap()
            .to_string();
        assert!(cookie.starts_with("kiln_drafts="), "{cookie}");
        assert!(
            cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
            "{cookie}"
        );
        assert!(!cookie.contains("Max-Age"), "{cookie}");
        // Typing the code in another browser opens the draft there, at a new address of the
        // same draft.
        let other = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .cookie_store(true)
            .build()
            .unwrap();
        let res = other
            .post(app.url("/resume"))
            .form(&[("code", code.as_str())])
            .send()
            .await
            .unwrap();
        let next = res.headers()["location"].to_str().unwrap().to_string();
        assert!(next.ends_with("/section/2"), "{next}");
        let page = other
            .get(app.url(&next.replace("/section/2", "/section/1")))
            .send()
            .await
            .unwrap();
        assert_eq!(page.status(), StatusCode::OK);
        assert!(page
            .text()
            .await
            .unwrap()
            .contains("value=\"dont_know\" selected"));
    }
);

db_test!(
    two_pages_of_one_draft_saved_at_once_keep_both,
    |app: TestApp| async move {
        // The same resident in two tabs: each page's save writes over only the answers it
        // read, so when the other saved in between it reads again and merges into that.
        let s1 = app.begin("wellbeing").await;
        let (s2, s3) = (
            s1.replace("/section/1", "/section/2"),
            s1.replace("/section/1", "/section/3"),
        );
        let (t2, t3) = (app.get(&s2).await.token(), app.get(&s3).await.token());
        for round in 0..8 {
            let happiness = round.to_string();
            let health = ["good", "bad"][round % 2];
            let two = [
                ("token", t2.as_str()),
                ("intent", "save"),
                ("wb_happiness", &happiness),
            ];
            let three = [
                ("token", t3.as_str()),
                ("intent", "save"),
                ("health_general", health),
            ];
            let (a, b) = tokio::join!(app.post_raw(&s2, &two), app.post_raw(&s3, &three));
            assert_eq!(a.status(), StatusCode::SEE_OTHER);
            assert_eq!(b.status(), StatusCode::SEE_OTHER);
            let checked = |name: &str| format!("input[name={name}][checked]");
            assert_eq!(
                app.get(&s2).await.attr(&checked("wb_happiness"), "value"),
                Some(happiness),
                "round {round}"
            );
            assert_eq!(
                app.get(&s3)
                    .await
                    .attr(&checked("health_general"), "value")
                    .as_deref(),
                Some(health),
                "round {round}"
            );
        }
    }
);

db_test!(save_and_resume_with_a_code, |app: TestApp| async move {
    let s1 = app.begin("cohesion").await;
    let page = app.get(&s1).await;
    let token = page.token();
    let saved = app
        .post(
            &s1,
            &[("token", &token), ("intent", "save"), ("area", "dont_know")],
        )
        .await;
    assert!(saved.ends_with("/saved"));
    let saved_page = app.get(&saved).await;
    let code = saved_page.texts(".code-panel .code")[0].clone();
    assert_eq!(code.len(), 14);

    // Typed in lower case with spaces, it still works, and leads to the next unanswered section.
    let typed = code.to_lowercase().replace('-', " ");
    let next = app.post("/resume", &[("code", &typed)]).await;
    assert!(next.ends_with("/section/2"), "{next}");
    // Progress is drawn by a <progress> element: the page's policy blocks inline styles.
    let s2 = app.get(&next).await;
    assert_eq!(s2.attr("progress.progress", "value").as_deref(), Some("1"));
    assert!(s2.select("[style]").is_empty());
    let s1_again = app.get(&s1).await;
    assert_eq!(
        s1_again.attr("option[selected]", "value").as_deref(),
        Some("dont_know")
    );

    // Mistakes are explained and the code typed is kept.
    let back = app.post("/resume", &[("code", "ABC")]).await;
    let page = app.get(&back).await;
    assert_eq!(
        page.error_summary(),
        ["Your resume code should be 12 letters and numbers, like 7KQM-2XTP-9ABD"]
    );
    assert_eq!(page.attr("#code", "value").as_deref(), Some("ABC"));
    let back = app.post("/resume", &[("code", "7KQM-2XTP-9ABD")]).await;
    assert!(app.get(&back).await.error_summary()[0].starts_with("We could not find answers"));
    let back = app.post("/resume", &[("code", "")]).await;
    assert_eq!(
        app.get(&back).await.error_summary(),
        ["Enter your resume code"]
    );
});

db_test!(
    a_postcode_finds_the_ward_when_a_lookup_is_loaded,
    |app: TestApp| async move {
        let s1 = app.begin("wellbeing").await;
        assert!(
            app.get(&s1).await.select("#q-postcode").is_empty(),
            "no lookup, no postcode box"
        );

        let ward = app.ward_code("Boothen").await;
        let csv = format!(
            "pcds,osward,doterm\nST4 1HH,{ward},\nST4 9ZZ,{ward},200101\nSW1A 1AA,E05000644,\n"
        );
        let areas = store::areas::AreaDirectory::load(&app.db).await.unwrap();
        let report = store::postcodes::import(&app.db, &areas, csv.as_bytes())
            .await
            .unwrap();
        assert_eq!(
            (report.loaded, report.terminated, report.other_area),
            (1, 1, 1)
        );

        let page = app.get(&s1).await;
        let token = page.token();
        let back = app
            .post(
                &s1,
                &[
                    ("token", &token),
                    ("intent", "find_ward"),
                    ("postcode", "st41hh"),
                    ("area", ""),
                ],
            )
            .await;
        let page = app.get(back.split('#').next().unwrap()).await;
        assert!(page.text.contains("Your postcode is in Boothen"));
        assert_eq!(page.attr("option[selected]", "value"), Some(ward));

        for (typed, message) in [
            ("", "Enter your postcode"),
            ("NOT A POSTCODE", "Enter a real postcode, like ST4 1HH"),
            ("SW1A 1AA", "We could not find a ward for that postcode"),
        ] {
            let back = app
                .post(
                    &s1,
                    &[
                        ("token", &token),
                        ("intent", "find_ward"),
                        ("postcode", typed),
                    ],
                )
                .await;
            let page = app.get(back.split('#').next().unwrap()).await;
            assert!(
                page.error_summary()[0].starts_with(message),
                "{typed}: {:?}",
                page.error_summary()
            );
            assert_eq!(page.attr("#q-postcode", "value").as_deref(), Some(typed));
        }
    }
);

db_test!(seeding_again_adds_nothing, |app: TestApp| async move {
    let again = store::seed::seed_demo(&app.db, &app.clock).await.unwrap();
    assert_eq!(again, store::seed::SeedReport::default());
    let areas = store::areas::AreaDirectory::load(&app.db).await.unwrap();
    assert_eq!(areas.wards.len(), 34);
    assert_eq!(areas.groups.len(), 3);
    let surveys = store::surveys::list(&app.db).await.unwrap();
    assert_eq!(surveys.len(), 2);
    assert!(surveys
        .iter()
        .all(|s| s.open_wave.as_ref().is_some_and(|w| w.is_baseline)));
    let cohesion = surveys.iter().find(|s| s.about.key == "cohesion").unwrap();
    assert_eq!(cohesion.definition.questions().count(), 19);
});

db_test!(
    unknown_codes_and_sections_are_not_found,
    |app: TestApp| async move {
        assert_eq!(
            app.get("/surveys/wellbeing/r/7KQM2XTP9ABD/section/1")
                .await
                .status,
            StatusCode::NOT_FOUND
        );
        let s1 = app.begin("wellbeing").await;
        assert_eq!(
            app.get(&s1.replace("section/1", "section/9")).await.status,
            StatusCode::NOT_FOUND
        );
        // A code from one survey does not open another.
        assert_eq!(
            app.get(&s1.replace("wellbeing", "cohesion")).await.status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(app.get("/no/such/page").await.status, StatusCode::NOT_FOUND);
    }
);

db_test!(
    responses_keep_no_personal_trace,
    |app: TestApp| async move {
        let check = app.complete_wellbeing("prefer_not_to_say").await;
        app.submit(&check).await;
        let r = &app.responses().await[0];
        assert_eq!(r.area_answer, "prefer_not_to_say");
        assert_eq!(r.area_id, None);
        // The draft keeps its receipt (for repeat submits) but no answers.
        use sea_orm::EntityTrait;
        let drafts = store::entity::draft::Entity::find()
            .all(&app.db)
            .await
            .unwrap();
        assert_eq!(drafts[0].answers, "{}");
    }
);

db_test!(
    the_statements_name_the_council_from_its_configuration,
    |b| b.configure(|c| {
        c.council.name = "Example Borough Council".into();
        c.council.email = "surveys@example.gov.uk".into();
        c.council.dpo_email = "dpo@example.gov.uk".into();
    }),
    |app: TestApp| async move {
        let home = app.get("/").await;
        assert!(home.text.contains("href=\"/accessibility\""));
        assert!(home.text.contains("href=\"/privacy\""));
        let statement = app.get("/accessibility").await;
        assert_eq!(statement.status, StatusCode::OK);
        for needed in [
            "Accessibility statement for the resident surveys",
            "It is run by Example Borough Council",
            "mailto:surveys@example.gov.uk",
            "Enforcement procedure",
            "Compliance status",
            "Web Content Accessibility Guidelines version 2.2 AA",
            "Non-accessible content",
            "Preparation of this accessibility statement",
        ] {
            assert!(statement.text.contains(needed), "{needed}");
        }
        let notice = app.get("/privacy").await;
        assert_eq!(notice.status, StatusCode::OK);
        for needed in [
            "Example Borough Council is the data controller",
            "mailto:dpo@example.gov.uk",
            "Article 6(1)(e)",
            "Article 9(2)(j)",
            "How long we keep it",
            "ico.org.uk/make-a-complaint",
        ] {
            assert!(notice.text.contains(needed), "{needed}");
        }
    }
);

db_test!(
    a_councils_name_logo_and_colour_are_configuration,
    |b| b.configure(|c| {
        c.council.name = "Example Borough Council".into();
        c.council.service = "Have your say".into();
        c.brand = app::shared::ssr::brand::BrandFiles::new(
            domain::brand::BrandColour::parse("#1d4f91").unwrap(),
            Some((
                "example.svg",
                b"<svg xmlns='http://www.w3.org/2000/svg'/>".to_vec(),
            )),
        )
        .unwrap();
        c.council.logo = c.brand.logo.as_ref().unwrap().path.clone();
    }),
    |app: TestApp| async move {
        let home = app.get("/").await;
        let logo = home.attr(".header-logo", "src").expect("a logo");
        assert_eq!(
            home.attr(".header-logo", "alt").as_deref(),
            Some("Example Borough Council")
        );
        assert_eq!(home.texts(".header-service"), ["Have your say"]);
        // Nobody is signed in: the header offers staff their way in.
        assert!(home
            .texts(".header-nav a")
            .contains(&"Staff sign in".to_string()));
        let sheets: Vec<String> = home
            .select("link[rel=stylesheet]")
            .iter()
            .filter_map(|e| e.value().attr("href").map(str::to_string))
            .collect();
        let brand = sheets
            .iter()
            .find(|h| h.starts_with("/brand/brand."))
            .expect("the council's stylesheet");
        for (path, kind, body) in [
            (
                brand.as_str(),
                "text/css; charset=utf-8",
                "--brand:#1d4f91;--brand-dark:#13335e",
            ),
            (logo.as_str(), "image/svg+xml", "<svg"),
        ] {
            let res = app
                .client
                .get(format!("{}{path}", app.base))
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), StatusCode::OK, "{path}");
            let header = |h: &str| res.headers()[h].to_str().unwrap().to_string();
            assert_eq!(header("content-type"), kind);
            assert_eq!(
                header("cache-control"),
                "public, max-age=31536000, immutable"
            );
            assert!(res.text().await.unwrap().contains(body), "{path}");
        }
        let missing = app
            .client
            .get(format!("{}/brand/brand.0000.css", app.base))
            .send()
            .await
            .unwrap();
        assert_eq!(missing.status(), StatusCode::NOT_FOUND);
        // Signed in, the header leads to the dashboard instead, on public pages too.
        let officer = app.signed_in("officer@stoke.gov.uk", Role::Officer).await;
        let page = officer.get("/results").await;
        let links = page.texts(".header-nav a");
        assert!(links.contains(&"Dashboard".to_string()), "{links:?}");
        assert!(!links.contains(&"Staff sign in".to_string()), "{links:?}");
    }
);

db_test!(
    help_is_signposted_after_the_wellbeing_questions_and_when_answers_are_sent,
    |app: TestApp| async move {
        let ward = app.ward_code("Tunstall").await;
        let first = app.begin("wellbeing").await;
        // The ward question: nothing to signpost.
        assert!(app
            .get(&first)
            .await
            .select("[data-testid=signposts]")
            .is_empty());
        let second = app.answer(&first, &[("area", &ward)]).await;
        let page = app.get(&second).await;
        let help = page.texts("[data-testid=signposts] li").join("|");
        assert!(
            help.contains("Samaritans") && help.contains("116 123"),
            "{help}"
        );
        assert!(page.text.contains("href=\"tel:116123\""));
        assert!(help.contains("MoneyHelper"));
        let check = app.complete_wellbeing(&ward).await;
        let done = app.submit(&check).await;
        let page = app.get(&done).await;
        assert_eq!(page.select("[data-testid=signposts]").len(), 1);
    }
);

db_test!(
    a_council_sets_its_own_signposts,
    |b| b.configure(|c| {
        c.council.signposts = vec![app::shared::council::Signpost {
            topic: "Someone to talk to in Stoke-on-Trent".into(),
            name: "Local wellbeing line".into(),
            url: "https://example.gov.uk/wellbeing".into(),
            phone: "01782 000000".into(),
        }];
    }),
    |app: TestApp| async move {
        let ward = app.ward_code("Tunstall").await;
        let check = app.complete_wellbeing(&ward).await;
        let page = app.get(&app.submit(&check).await).await;
        let help = page.texts("[data-testid=signposts] li").join("|");
        assert!(help.contains("Local wellbeing line"), "{help}");
        assert!(!help.contains("Samaritans"));
    }
);
