use proptest::prelude::*;

use super::*;
use crate::document::{check, DocumentProblem};

fn bank() -> Vec<Question> {
    vec![Question {
        key: "wb_happiness".into(),
        prompt: "Overall, how happy did you feel yesterday?".into(),
        hint: None,
        short_label: "happiness yesterday".into(),
        required_message: "Select how happy you felt yesterday".into(),
        required: true,
        kind: QuestionKind::Scale {
            min: 0,
            max: 10,
            min_label: "Not at all happy".into(),
            max_label: "Completely happy".into(),
        },
    }]
}

fn started() -> SurveyDocument {
    let mut doc = new_document(&NewSurvey {
        key: "parks".into(),
        title: "Parks survey".into(),
    })
    .unwrap();
    set_details(
        &mut doc,
        &Details {
            title: "Parks survey".into(),
            summary: "Tell us about the parks.".into(),
            purpose: "To plan the parks budget.".into(),
            minutes: "3".into(),
            retention: "Two years.".into(),
        },
    )
    .unwrap();
    doc
}

fn choice(prompt: &str, options: &str) -> QuestionText {
    QuestionText {
        prompt: prompt.into(),
        short_label: prompt.trim_end_matches('?').to_lowercase(),
        required_message: "Select an answer".into(),
        options: options.into(),
        ..QuestionText::blank(Kind::Choice)
    }
}

fn fields(p: &[FieldProblem]) -> Vec<&str> {
    p.iter().map(|p| p.field.as_str()).collect()
}

fn section(title: &str) -> SectionText {
    SectionText {
        title: title.into(),
        intro: String::new(),
    }
}

#[test]
fn a_survey_built_a_piece_at_a_time_can_be_published() {
    let mut doc = started();
    assert_eq!(check(&doc), vec![DocumentProblem::NoSections]);
    assert_eq!(add_section(&mut doc, &section("Using parks")), Ok(1));
    assert_eq!(add_section(&mut doc, &section("Your park")), Ok(2));
    assert_eq!(
        add_question(
            &mut doc,
            1,
            Kind::Choice,
            &choice("Used a park?", "Yes\nNo"),
            &bank()
        ),
        Ok("used_a_park".into())
    );
    let options = match &doc.sections[0].questions[0].kind {
        QuestionKind::Choice { options } => options.clone(),
        _ => unreachable!(),
    };
    assert_eq!(
        options.iter().map(|o| o.key.as_str()).collect::<Vec<_>>(),
        ["yes", "no"]
    );
    assert_eq!(check(&doc), vec![DocumentProblem::EmptySection(2)]);
    add_from_bank(&mut doc, 2, &["wb_happiness".into()], &bank()).unwrap();
    add_route(
        &mut doc,
        1,
        &RouteText {
            answer: "used_a_park=no".into(),
            goto: "end".into(),
        },
    )
    .unwrap();
    add_indicator(
        &mut doc,
        &IndicatorText {
            label: "Used a park".into(),
            item: "used_a_park".into(),
            rule: "share_of".into(),
            options: vec!["yes".into()],
            theme: "greener".into(),
            better: "higher".into(),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(doc.indicators[0].key, "used_a_park");
    assert_eq!(check(&doc), vec![]);
    assert_eq!(crate::document::check_bank(&doc, &bank()), vec![]);
}

#[test]
fn what_is_typed_wrongly_is_named_field_by_field_and_nothing_changes() {
    let mut doc = started();
    add_section(&mut doc, &section("One")).unwrap();
    let before = doc.clone();
    let typed = QuestionText {
        options: "Yes [Y!]\nYes".into(),
        required: "yes".into(),
        ..Default::default()
    };
    let problems = add_question(&mut doc, 1, Kind::Choice, &typed, &bank()).unwrap_err();
    assert_eq!(
        fields(&problems),
        [
            "key",
            "options",
            "prompt",
            "short_label",
            "required_message"
        ]
    );
    assert_eq!(doc, before);

    let scale = QuestionText {
        min: "1".into(),
        max: "ten".into(),
        ..choice("How clean?", "")
    };
    let p = add_question(&mut doc, 1, Kind::Scale, &scale, &bank()).unwrap_err();
    assert_eq!(
        p[0].message,
        "The highest score must be a whole number, like 10"
    );
    let number = QuestionText {
        min: "10".into(),
        max: "5".into(),
        ..choice("How many?", "")
    };
    let p = add_question(&mut doc, 1, Kind::Number, &number, &bank()).unwrap_err();
    assert_eq!(fields(&p), ["max"]);
    let date = QuestionText {
        earliest: "2026-13-01".into(),
        ..choice("When?", "")
    };
    let p = add_question(&mut doc, 1, Kind::Date, &date, &bank()).unwrap_err();
    assert_eq!(fields(&p), ["earliest"]);
    let short = QuestionText {
        max_chars: "500".into(),
        ..choice("Anything else?", "")
    };
    let p = add_question(&mut doc, 1, Kind::ShortText, &short, &bank()).unwrap_err();
    assert!(p[0].message.ends_with("from 1 to 200"), "{p:?}");
    assert_eq!(doc, before);

    let mut typed = choice("Happy?", "Yes\nNo");
    typed.key = "wb_happiness".into();
    let p = add_question(&mut doc, 1, Kind::Choice, &typed, &bank()).unwrap_err();
    assert!(p[0].message.contains("question bank key"), "{p:?}");
}

#[test]
fn an_answer_reworded_keeps_its_key_and_a_new_question_key_follows_its_routes() {
    let mut doc = started();
    add_section(&mut doc, &section("One")).unwrap();
    add_section(&mut doc, &section("Two")).unwrap();
    add_question(
        &mut doc,
        1,
        Kind::Choice,
        &choice("Used a park?", "Yes\nNo"),
        &bank(),
    )
    .unwrap();
    add_route(
        &mut doc,
        1,
        &RouteText {
            answer: "used_a_park=no".into(),
            goto: "end".into(),
        },
    )
    .unwrap();
    let mut typed = QuestionText::of(&doc.sections[0].questions[0]);
    assert_eq!(typed.options, "Yes [yes]\nNo [no]");
    typed.options = "Yes, in the last month [yes]\nNo [no]\nNot sure".into();
    typed.key = "used_park".into();
    change_question(&mut doc, "used_a_park", Kind::Choice, &typed, &bank()).unwrap();
    let q = &doc.sections[0].questions[0];
    assert_eq!(q.key, "used_park");
    assert_eq!(q.kind.option_label("yes"), Some("Yes, in the last month"));
    assert_eq!(q.kind.option_label("not_sure"), Some("Not sure"));
    assert_eq!(doc.sections[0].routes[0].question, "used_park");
}

#[test]
fn a_bank_question_keeps_its_wording_whatever_is_typed() {
    let mut doc = started();
    add_section(&mut doc, &section("One")).unwrap();
    add_from_bank(&mut doc, 1, &["wb_happiness".into()], &bank()).unwrap();
    let mut typed = QuestionText::of(&doc.sections[0].questions[0]);
    typed.prompt = "How happy were you?".into();
    typed.hint = "Think of yesterday only".into();
    change_question(&mut doc, "wb_happiness", Kind::Scale, &typed, &bank()).unwrap();
    let q = &doc.sections[0].questions[0];
    assert_eq!(q.prompt, bank()[0].prompt);
    assert_eq!(q.hint.as_deref(), Some("Think of yesterday only"));
    let p = add_from_bank(&mut doc, 1, &["wb_happiness".into()], &bank()).unwrap_err();
    assert!(p[0].message.contains("already asks"));
}

#[test]
fn routes_only_go_forward_and_a_section_a_route_goes_to_stays() {
    let mut doc = started();
    for t in ["One", "Two", "Three"] {
        add_section(&mut doc, &section(t)).unwrap();
    }
    add_question(
        &mut doc,
        2,
        Kind::Choice,
        &choice("Used a park?", "Yes\nNo"),
        &bank(),
    )
    .unwrap();
    let back = RouteText {
        answer: "used_a_park=no".into(),
        goto: "1".into(),
    };
    assert_eq!(
        fields(&add_route(&mut doc, 2, &back).unwrap_err()),
        ["goto"]
    );
    let not_a_choice = RouteText {
        answer: "nothing=no".into(),
        goto: "3".into(),
    };
    assert_eq!(
        fields(&add_route(&mut doc, 2, &not_a_choice).unwrap_err()),
        ["answer"]
    );
    let on = RouteText {
        answer: "used_a_park=*".into(),
        goto: "3".into(),
    };
    add_route(&mut doc, 2, &on).unwrap();
    assert!(add_route(&mut doc, 2, &on).is_err());
    let refused = remove_section(&mut doc, 3).unwrap_err();
    assert!(
        refused.starts_with("Section 2 has a route to section 3"),
        "{refused}"
    );
    remove_section(&mut doc, 1).unwrap();
    assert_eq!(doc.sections[0].routes[0].goto, Goto::Section(2));
    remove_route(&mut doc, 1, 0).unwrap();
    remove_section(&mut doc, 2).unwrap();
    assert_eq!(doc.sections.len(), 1);
}

#[test]
fn removing_a_question_a_route_follows_stops_publishing_with_a_reason() {
    let mut doc = started();
    add_section(&mut doc, &section("One")).unwrap();
    add_question(
        &mut doc,
        1,
        Kind::Choice,
        &choice("Used a park?", "Yes\nNo"),
        &bank(),
    )
    .unwrap();
    add_question(
        &mut doc,
        1,
        Kind::Choice,
        &choice("Own a dog?", "Yes\nNo"),
        &bank(),
    )
    .unwrap();
    add_route(
        &mut doc,
        1,
        &RouteText {
            answer: "used_a_park=no".into(),
            goto: "end".into(),
        },
    )
    .unwrap();
    move_question(&mut doc, "own_a_dog", true).unwrap();
    assert_eq!(doc.sections[0].questions[0].key, "own_a_dog");
    assert!(move_question(&mut doc, "own_a_dog", true).is_err());
    remove_question(&mut doc, "used_a_park").unwrap();
    let said: Vec<String> = check(&doc).iter().map(|p| p.to_string()).collect();
    assert_eq!(
        said,
        ["Section 1 has a route that follows \"used_a_park\", which is not one of its questions"]
    );
    assert!(check(&doc).iter().all(|p| !p.stops_saving()));
}

#[test]
fn keys_are_made_from_words() {
    assert_eq!(key_from("Used a park?", 40), "used_a_park");
    assert_eq!(key_from("  16 to 24 ", 40), "16_to_24");
    assert_eq!(key_from("اردو", 40), "");
    assert_eq!(key_from("A very long label indeed", 6), "a_very");
    let options = parse_options("اردو\nاور").unwrap();
    assert_eq!(options[0].key, "option_1");
    assert_eq!(options[1].key, "option_2");
    let options = parse_options("Yes\nYes!").unwrap();
    assert_eq!(options[1].key, "yes_2");
}

#[derive(Clone, Debug)]
enum Step {
    AddSection,
    AddQuestion(usize, usize),
    AddRoute(usize, usize, usize),
    RemoveSection(usize),
    RemoveQuestion(usize),
    MoveQuestion(usize, bool),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        Just(Step::AddSection),
        (0usize..4, 0usize..6).prop_map(|(s, k)| Step::AddQuestion(s, k)),
        (0usize..4, 0usize..4, 0usize..6).prop_map(|(s, q, t)| Step::AddRoute(s, q, t)),
        (0usize..4).prop_map(Step::RemoveSection),
        (0usize..8).prop_map(Step::RemoveQuestion),
        (0usize..8, any::<bool>()).prop_map(|(q, up)| Step::MoveQuestion(q, up)),
    ]
}

proptest! {
    /// Whatever an officer does, in whatever order, the draft can always be saved (nothing
    /// it holds is malformed), and routes still go forward to sections that exist or are
    /// named as problems before publishing.
    #[test]
    fn any_sequence_of_changes_leaves_a_draft_that_can_be_saved(steps in proptest::collection::vec(step(), 1..30)) {
        let mut doc = started();
        for (i, s) in steps.into_iter().enumerate() {
            let n = doc.sections.len();
            let keys: Vec<String> = doc.sections.iter().flat_map(|s| &s.questions).map(|q| q.key.clone()).collect();
            match s {
                Step::AddSection => { add_section(&mut doc, &section(&format!("S{i}"))).unwrap(); }
                Step::AddQuestion(sec, k) => {
                    let kind = Kind::ALL[k];
                    let mut typed = QuestionText { key: format!("q{i}"), ..choice("Which?", "Yes\nNo\nMaybe") };
                    typed.max_chars = "100".into();
                    typed.min = "1".into(); typed.max = "5".into();
                    typed.min_label = "Low".into(); typed.max_label = "High".into();
                    let r = add_question(&mut doc, sec + 1, kind, &typed, &bank());
                    prop_assert_eq!(r.is_ok(), sec < n);
                }
                Step::AddRoute(sec, q, t) => {
                    let Some(s) = doc.sections.get(sec) else { continue };
                    let Some(q) = s.questions.get(q) else { continue };
                    let typed = RouteText { answer: format!("{}=no", q.key), goto: if t == 0 { "end".into() } else { t.to_string() } };
                    let _ = add_route(&mut doc, sec + 1, &typed);
                }
                Step::RemoveSection(sec) => { let _ = remove_section(&mut doc, sec + 1); }
                Step::RemoveQuestion(q) => if let Some(k) = keys.get(q) { remove_question(&mut doc, k).unwrap(); },
                Step::MoveQuestion(q, up) => if let Some(k) = keys.get(q) { let _ = move_question(&mut doc, k, up); },
            }
            let malformed: Vec<_> = check(&doc).into_iter().filter(|p| p.stops_saving()).collect();
            prop_assert!(malformed.is_empty(), "{:?}", malformed);
            for (j, s) in doc.sections.iter().enumerate() {
                for r in &s.routes {
                    if let Goto::Section(t) = r.goto {
                        prop_assert!(t > j + 1 && t <= doc.sections.len(), "{:?}", doc.sections);
                    }
                }
            }
        }
    }
}

#[test]
fn several_answers_are_kept_each_once_in_the_options_order() {
    use crate::answers::{check_question, describe_answer, section_fields, Problem};
    let mut doc = started();
    add_section(&mut doc, &section("Pets")).unwrap();
    let typed = choice("Which pets do you keep?", "Cat\nDog\nFish");
    add_question(&mut doc, 1, Kind::Several, &typed, &bank()).unwrap();
    let s = &doc.sections[0];
    let q = &s.questions[0];
    assert_eq!(Kind::of(&q.kind), Some(Kind::Several));
    assert_eq!(
        QuestionText::of(q).options,
        "Cat [cat]\nDog [dog]\nFish [fish]"
    );
    // Each box ticked is a field of its own.
    let raw = section_fields(
        s,
        [
            ("which_pets_do_you_keep", "fish"),
            ("which_pets_do_you_keep", "cat"),
            ("which_pets_do_you_keep", "fish"),
        ],
    );
    let given = raw["which_pets_do_you_keep"].as_str();
    assert_eq!(given, "fish,cat,fish");
    assert_eq!(
        check_question(q, Some(given), &|_| false),
        Ok(Some(crate::AnswerValue::Text("cat,fish".into())))
    );
    assert_eq!(
        describe_answer(q, Some("cat,fish"), &|_| None).as_deref(),
        Some("Cat, Fish")
    );
    assert!(matches!(
        check_question(q, Some("cat,horse"), &|_| false),
        Err(Problem::NotAnOption { .. })
    ));
    assert!(matches!(
        check_question(q, Some(""), &|_| false),
        Err(Problem::Required { .. })
    ));
    let none_ticked = section_fields(s, std::iter::empty());
    assert_eq!(none_ticked["which_pets_do_you_keep"], "");
    // Its answers are translated like a choice's, and a route can follow one of them.
    assert!(crate::translation::source_texts(&doc)
        .iter()
        .any(|t| t.id == "q.which_pets_do_you_keep.o.dog"));
    let p = add_route(
        &mut doc,
        1,
        &RouteText {
            answer: "which_pets_do_you_keep=dog".into(),
            goto: "end".into(),
        },
    );
    assert!(p.is_ok(), "{p:?}");
    assert_eq!(doc.sections[0].routes[0].when, When::Answer("dog".into()));
    assert_eq!(check(&doc), vec![]);
}

#[test]
fn a_required_question_left_without_its_message_gets_one_from_its_short_label() {
    let mut doc = started();
    add_section(&mut doc, &section("One")).unwrap();
    let mut typed = choice("Used a park?", "Yes\nNo");
    typed.required_message = String::new();
    add_question(&mut doc, 1, Kind::Choice, &typed, &bank()).unwrap();
    let number = QuestionText {
        prompt: "How many people live in your home?".into(),
        short_label: "the people in your home".into(),
        ..QuestionText::blank(Kind::Number)
    };
    add_question(&mut doc, 1, Kind::Number, &number, &bank()).unwrap();
    let qs = &doc.sections[0].questions;
    assert_eq!(qs[0].required_message, "Select an answer about used a park");
    assert_eq!(
        qs[1].required_message,
        "Enter an answer about the people in your home"
    );
}
