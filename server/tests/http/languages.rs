//! Surveys in residents' languages: choosing one by a plain link, the page's `lang` and
//! `dir`, the survey's and the interface's words in it, errors in it, and the language kept
//! with the response. The demo's Urdu and Polish of the wellbeing survey are complete; the
//! cohesion survey has no translation.

use crate::common::TestApp;
use reqwest::StatusCode;

fn html_attr(page: &crate::common::Page, attr: &str) -> String {
    page.attr("html", attr).unwrap_or_default()
}

db_test!(
    a_resident_answers_in_urdu_right_to_left_and_the_response_says_so,
    |app: TestApp| async move {
        // English first, with a link to each language the survey is offered in.
        let start = app.get("/surveys/wellbeing").await;
        assert_eq!(html_attr(&start, "lang"), "en-GB");
        assert_eq!(html_attr(&start, "dir"), "ltr");
        let links = start.texts(".language-links a");
        assert_eq!(links, ["اردو", "Polski"], "{links:?}");
        let to_urdu = start
            .attr(".language-links a[hreflang=ur]", "href")
            .unwrap();
        assert_eq!(to_urdu, "/surveys/wellbeing?lang=ur");

        let urdu = app.get(&to_urdu).await;
        assert_eq!(urdu.status, StatusCode::OK);
        assert_eq!(html_attr(&urdu, "lang"), "ur");
        assert_eq!(html_attr(&urdu, "dir"), "rtl");
        assert_eq!(urdu.texts("h1"), ["خوشحالی کا سروے"]);
        assert!(
            urdu.text.contains("ابھی شروع کریں"),
            "the start button in Urdu"
        );
        assert!(
            urdu.text
                .contains("کسی پیشہ ور مترجم نے اس کی جانچ نہیں کی"),
            "the demo's translation says it is illustrative"
        );

        // The choice is remembered: the next pages need no link.
        let s1 = app.begin("wellbeing").await;
        let page = app.get(&s1).await;
        assert_eq!(html_attr(&page, "dir"), "rtl");
        assert!(page.text.contains("حصہ 1 از 4"), "progress in Urdu");
        assert!(page.text.contains("آپ کس وارڈ میں رہتے ہیں؟"));
        assert!(
            page.text.contains("مجھے نہیں معلوم"),
            "the ward list's own options"
        );

        // Problems read in Urdu: the survey's own message and the interface's.
        let s2 = app.answer(&s1, &[("area", "dont_know")]).await;
        let back = app
            .answer(
                &s2,
                &[("wb_life_satisfaction", "7"), ("wb_worthwhile", "11")],
            )
            .await;
        let page = app.get(&back).await;
        assert_eq!(page.texts(".error-summary-title"), ["ایک مسئلہ ہے"]);
        assert_eq!(
            page.error_summary(),
            [
                "یہ احساس کہ آپ کے کام بامقصد ہیں کے لیے 0 سے 10 تک کوئی نمبر چنیں",
                "چنیں کہ کل آپ نے خود کو کتنا خوش محسوس کیا",
                "چنیں کہ کل آپ نے خود کو کتنا پریشان محسوس کیا",
            ]
        );
        // What was typed is kept.
        assert_eq!(page.checked("wb_life_satisfaction").as_deref(), Some("7"));
        // A scale's ends are named in Urdu too.
        let ends = page.texts(".scale-ends");
        assert!(
            ends.iter().all(|e| e.starts_with("0 کا مطلب ”")),
            "{ends:?}"
        );

        let ward = app.ward_code("Tunstall").await;
        let s1 = app.begin("wellbeing").await;
        let s2 = app.answer(&s1, &[("area", ward.as_str())]).await;
        let s3 = app
            .answer(
                &s2,
                &[
                    ("wb_life_satisfaction", "7"),
                    ("wb_worthwhile", "8"),
                    ("wb_happiness", "6"),
                    ("wb_anxiety", "2"),
                ],
            )
            .await;
        let s4 = app
            .answer(
                &s3,
                &[
                    ("wb_loneliness", "never"),
                    ("fin_managing", "doing_alright"),
                    ("health_general", "good"),
                ],
            )
            .await;
        let check = app.answer(&s4, &[]).await;
        let page = app.get(&check).await;
        assert_eq!(page.texts("h1"), ["بھیجنے سے پہلے اپنے جوابات چیک کریں"]);
        assert!(page.text.contains("کبھی نہیں"), "an option in Urdu");
        assert!(page.text.contains("ٹھیک گزارا ہو رہا ہے"));
        assert!(
            page.text
                .contains("7 (اس پیمانے پر جہاں 0 کا مطلب ”بالکل نہیں“"),
            "{}",
            page.texts(".summary-value").join("|")
        );
        assert!(page.text.contains("جواب نہیں دیا"), "unanswered, in Urdu");

        let done = app.submit(&check).await;
        assert!(done.ends_with("/done"), "{done}");
        let page = app.get(&done).await;
        assert!(page.text.contains("شکریہ"));
        let responses = app.responses().await;
        assert_eq!(responses.len(), 1);
        assert_eq!(responses[0].language, "ur");
        let answers: serde_json::Value = serde_json::from_str(&responses[0].answers).unwrap();
        assert_eq!(answers["fin_managing"], "doing_alright", "keys, not words");
    }
);

db_test!(
    choosing_a_language_on_a_page_of_answers_keeps_what_was_typed_there,
    |app: TestApp| async move {
        let s1 = app.begin("wellbeing").await;
        let s2 = app.answer(&s1, &[("area", "dont_know")]).await;
        let page = app.get(&s2).await;
        // On a page of answers each language is a button of the answers form (it works
        // without JavaScript), not a link that would leave the typed answers behind.
        assert!(page.texts(".language-links a").is_empty());
        assert_eq!(
            page.texts(".language-links button[form=answers][name=intent][value=language]"),
            ["اردو", "Polski"]
        );
        assert_eq!(page.attr("main form", "id").as_deref(), Some("answers"));
        let to_polish = page
            .attr(".language-links button[lang=pl]", "formaction")
            .unwrap();
        assert_eq!(to_polish, format!("{s2}?lang=pl"));

        // Half the page answered: saved as it is, nothing refused yet.
        let token = page.token();
        let back = app
            .post(
                &to_polish,
                &[
                    ("token", token.as_str()),
                    ("wb_life_satisfaction", "7"),
                    ("wb_worthwhile", "8"),
                    ("intent", "language"),
                ],
            )
            .await;
        assert_eq!(back, format!("{s2}?lang=pl"));
        let polish = app.get(&back).await;
        assert_eq!(html_attr(&polish, "lang"), "pl");
        assert!(polish.error_summary().is_empty(), "no problems shown yet");
        assert_eq!(polish.checked("wb_life_satisfaction").as_deref(), Some("7"));
        assert_eq!(polish.checked("wb_worthwhile").as_deref(), Some("8"));
        assert_eq!(polish.texts(".language-links [aria-current]"), ["Polski"]);

        // The choice is remembered; Continue checks the page as usual, in Polish.
        let again = app.get(&s2).await;
        assert_eq!(html_attr(&again, "lang"), "pl");
        let checked = app
            .answer(
                &s2,
                &[("wb_life_satisfaction", "7"), ("wb_worthwhile", "8")],
            )
            .await;
        let page = app.get(&checked).await;
        assert_eq!(page.error_summary().len(), 2, "{:?}", page.error_summary());
        assert_eq!(html_attr(&page, "lang"), "pl");

        // Elsewhere the languages stay plain links.
        let start = app.get("/surveys/wellbeing").await;
        assert_eq!(start.texts(".language-links a"), ["English", "اردو"]);
    }
);

db_test!(
    a_survey_not_translated_stays_in_english_and_the_pages_around_speak_every_language,
    |app: TestApp| async move {
        // Polish chosen on the list of surveys: the list and its titles in Polish.
        let home = app.get("/?lang=pl").await;
        assert_eq!(html_attr(&home, "lang"), "pl");
        assert!(home.text.contains("Ankieta o samopoczuciu"));
        assert!(home.text.contains("Wypowiedz się"));
        // The cohesion survey has no Polish: its pages stay English, lang and all, and
        // offer no other language.
        assert!(home.text.contains("Community cohesion and safety survey"));
        let cohesion = app.get("/surveys/cohesion").await;
        assert_eq!(html_attr(&cohesion, "lang"), "en-GB");
        assert!(cohesion.text.contains("Start now"));
        assert!(cohesion.select(".language-links").is_empty());
        // Back to English by its link.
        let english = app.get("/surveys/wellbeing?lang=en").await;
        assert_eq!(html_attr(&english, "lang"), "en-GB");
        assert_eq!(english.texts("h1"), ["Wellbeing survey"]);
        // Staff pages are English, whatever was chosen.
        let app_pl = app.get("/surveys/wellbeing?lang=pl").await;
        assert_eq!(html_attr(&app_pl, "lang"), "pl");
        let sign_in = app.get("/sign-in").await;
        assert_eq!(html_attr(&sign_in, "lang"), "en-GB");
        // The pages around the surveys: continuing with a code, and invitations.
        let resume = app.get("/resume?lang=ur").await;
        assert_eq!(resume.texts("h1"), ["سروے جاری رکھیں"]);
        assert_eq!(html_attr(&resume, "dir"), "rtl");
        let invited = app.get("/take-part/ABCD?lang=pl").await;
        assert_eq!(invited.texts("h1"), ["Zapraszamy do udziału w ankiecie"]);
        assert!(invited.texts(".lead")[0].starts_with("Stoke-on-Trent City Council chce"));
        // An unknown language is ignored.
        let odd = app.get("/surveys/wellbeing?lang=xx").await;
        assert_eq!(odd.status, StatusCode::OK);
        assert_eq!(
            html_attr(&odd, "lang"),
            "pl",
            "the remembered choice stands"
        );
    }
);

fn cohesion() -> domain::document::SurveyDocument {
    store::seed::standard_documents()
        .into_iter()
        .find(|d| d.key == "cohesion")
        .unwrap()
}

async fn upload_sheet(a: &crate::common::Agent, csrf: &str, bytes: Vec<u8>) -> String {
    use reqwest::multipart::{Form, Part};
    let form = Form::new()
        .text("csrf", csrf.to_string())
        .part("file", Part::bytes(bytes).file_name("cohesion-ur.xlsx"));
    let res = a
        .client
        .post(a.url("/officer/surveys/cohesion/translations/ur/sheet"))
        .multipart(form)
        .send()
        .await
        .expect("upload");
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    crate::common::location(&res)
}

db_test!(
    translators_work_in_the_browser_and_in_a_sheet_until_residents_are_offered_the_language,
    |app: TestApp| async move {
        use domain::accounts::Role;
        use domain::translation::{source_texts, states, Language, Translation};
        let staff = app.signed_in("officer@example.org", Role::Officer).await;
        let ur = Language::from_code("ur").unwrap();

        // The demo's wellbeing survey is offered in both; cohesion in neither.
        let page = staff.get("/officer/surveys/wellbeing/translations").await;
        assert_eq!(page.status, StatusCode::OK);
        assert_eq!(page.texts("tbody tr td:last-child"), ["Yes", "Yes"]);
        let page = staff.get("/officer/surveys/cohesion/translations").await;
        let total = source_texts(&cohesion()).len();
        assert!(page.texts("tbody tr td:last-child")[0]
            .contains(&format!("Not until all {total} texts are complete")));

        // In the browser: one text saved; one marked complete with nothing written is left
        // missing and named, beside its box and in the summary.
        let texts = "/officer/surveys/cohesion/translations/ur";
        let csrf = staff.csrf_from(texts).await;
        let res = staff
            .post(
                texts,
                &[
                    ("csrf", csrf.as_str()),
                    ("text:title", "کمیونٹی اور حفاظت کا سروے"),
                    ("status:title", "complete"),
                    ("text:summary", "  "),
                    ("status:summary", "complete"),
                ],
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        let page = staff.get(&crate::common::location(&res)).await;
        assert!(page.text.contains("Saved 1 text."), "{}", page.words());
        assert_eq!(
            page.error_summary(),
            ["Start page: summary is marked complete but has no translation: write one, or leave it as a draft"]
        );
        assert_eq!(page.texts("#t-title"), ["کمیونٹی اور حفاظت کا سروے"]);
        assert_eq!(page.attr("#t-title", "dir").as_deref(), Some("rtl"));
        assert_eq!(page.attr("#t-title", "lang").as_deref(), Some("ur"));

        // The sheet holds it; every other text is missing.
        let bytes = staff
            .get_raw("/officer/surveys/cohesion/translations/ur/sheet")
            .await
            .bytes()
            .await
            .unwrap();
        let rows = app::translations::ssr::sheet::read(&bytes).unwrap();
        assert_eq!(rows.len(), total);
        assert_eq!(rows[0].text, "کمیونٹی اور حفاظت کا سروے");
        assert_eq!(rows[0].status, "complete");
        assert_eq!(rows[1].status, "missing");

        // A translator's sheet with every text, one of them made from other English.
        let doc = cohesion();
        let mut stored: Vec<Translation> = source_texts(&doc)
            .into_iter()
            .map(|s| Translation {
                text: format!("اردو {}", s.id),
                id: s.id,
                source: s.english,
                complete: true,
            })
            .collect();
        let mut sheet_doc = doc.clone();
        sheet_doc.purpose = "Older English".into();
        stored
            .iter_mut()
            .find(|t| t.id == "purpose")
            .unwrap()
            .source = "Older English".into();
        let sheet = app::translations::ssr::sheet::write(ur, &states(&sheet_doc, &stored)).unwrap();
        let back = upload_sheet(&staff, &csrf, sheet).await;
        let page = staff.get(&back).await;
        assert!(
            page.text.contains(&format!("Saved {} texts.", total - 1)),
            "{}",
            page.words()
        );
        assert_eq!(page.error_summary().len(), 1);
        assert!(page.error_summary()[0]
            .contains("its English has changed since the sheet was downloaded"));
        // Not offered yet: one text is not complete.
        assert_eq!(html_lang(&app, "/surveys/cohesion?lang=ur").await, "en-GB");

        // The last text, in the browser: now every text is complete and residents see Urdu.
        let res = staff
            .post(
                texts,
                &[
                    ("csrf", csrf.as_str()),
                    ("text:purpose", "ہم کیوں پوچھتے ہیں"),
                    ("status:purpose", "complete"),
                ],
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        let page = staff.get("/officer/surveys/cohesion/translations").await;
        assert_eq!(page.texts("tbody tr td:last-child")[0], "Yes");
        let resident = app.get("/surveys/cohesion?lang=ur").await;
        assert_eq!(html_attr(&resident, "lang"), "ur");
        // The sheet's title replaced the one typed in the browser.
        assert_eq!(resident.texts("h1"), ["اردو title"]);

        // A sheet that is not Kiln's is refused in words, and nothing changes.
        let back = upload_sheet(&staff, &csrf, b"not a spreadsheet".to_vec()).await;
        let page = staff.get(&back).await;
        assert!(page.error_summary()[0].contains("not a spreadsheet Kiln can read"));

        // Every save is in the audit log.
        let entry = store::audit::latest(
            &app.db,
            domain::AuditAction::TranslationSaved,
            "survey cohesion",
        )
        .await
        .unwrap();
        assert!(entry.is_some());
    }
);

async fn html_lang(app: &TestApp, path: &str) -> String {
    let page = app.get(path).await;
    html_attr(&page, "lang")
}
