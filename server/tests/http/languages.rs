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
