//! Routing: "if the answer to X is Y (or any other answer), go to section Z / skip to the
//! end". One place decides the way through a survey for the server and the browser: which
//! section follows, which sections a resident's answers lead through (the check page and
//! validation follow that way, never the sections skipped), and whether a survey's routes
//! can be published at all.
//!
//! Routes only go forward, so every way through ends: each step moves to a later section or
//! to the end.

use std::collections::BTreeSet;
use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::answers::RawAnswers;
use crate::survey::{QuestionKind, Survey, SEVERAL_SEPARATOR};

/// One rule at the end of a section, checked in order; the first that matches decides.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Route {
    /// A choice question of the section the route belongs to.
    pub question: String,
    pub when: When,
    pub goto: Goto,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", content = "option", rename_all = "snake_case")]
pub enum When {
    /// The answer is this option.
    Answer(String),
    /// Any answer not matched by an earlier route of the section (not: no answer).
    AnyOther,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", content = "section", rename_all = "snake_case")]
pub enum Goto {
    /// A later section, numbered from 1 as the pages number them.
    Section(usize),
    /// Straight to "check your answers".
    End,
}

/// Where a resident goes after a section.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Next {
    /// A section, numbered from 1.
    Section(usize),
    End,
}

/// The section after `section` (numbered from 1) given the answers so far: the first of its
/// routes that matches, else the next section, else the end.
pub fn next(survey: &Survey, answers: &RawAnswers, section: usize) -> Next {
    let Some(s) = section.checked_sub(1).and_then(|i| survey.sections.get(i)) else {
        return Next::End;
    };
    for route in &s.routes {
        let Some(answer) = answers.get(&route.question).filter(|a| !a.is_empty()) else {
            continue;
        };
        let matches = match &route.when {
            // A question with several answers keeps them joined; one of them is enough.
            When::Answer(option) => answer.split(SEVERAL_SEPARATOR).any(|a| a.trim() == option),
            When::AnyOther => true,
        };
        if matches {
            return match route.goto {
                // A route that does not go forward is refused at publishing; should one be
                // met, it is read as the next section, so that a way through always ends.
                Goto::Section(n) if n > section && n <= survey.section_count() => Next::Section(n),
                Goto::Section(_) => fall_through(survey, section),
                Goto::End => Next::End,
            };
        }
    }
    fall_through(survey, section)
}

fn fall_through(survey: &Survey, section: usize) -> Next {
    if section < survey.section_count() {
        Next::Section(section + 1)
    } else {
        Next::End
    }
}

/// The sections (numbered from 1) these answers lead through, in order, from the first.
pub fn path(survey: &Survey, answers: &RawAnswers) -> Vec<usize> {
    let mut way = Vec::new();
    let mut at = if survey.section_count() > 0 {
        Next::Section(1)
    } else {
        Next::End
    };
    while let Next::Section(n) = at {
        way.push(n);
        at = next(survey, answers, n);
    }
    way
}

/// Whether these answers lead through `section` (numbered from 1).
pub fn on_path(survey: &Survey, answers: &RawAnswers, section: usize) -> bool {
    path(survey, answers).contains(&section)
}

/// The keys of the questions these answers lead past: their answers are not kept or
/// checked, and the check page does not show them.
pub fn skipped_questions(survey: &Survey, answers: &RawAnswers) -> BTreeSet<String> {
    let way = path(survey, answers);
    survey
        .sections
        .iter()
        .enumerate()
        .filter(|(i, _)| !way.contains(&(i + 1)))
        .flat_map(|(_, s)| s.questions.iter().map(|q| q.key.clone()))
        .collect()
}

/// What stops a survey's routes being published.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RouteProblem {
    /// The route's question is not in its section.
    QuestionNotInSection { section: usize, question: String },
    /// Routes can only follow a question with options.
    NotAChoice { section: usize, question: String },
    /// The option named no longer exists.
    UnknownOption {
        section: usize,
        question: String,
        option: String,
    },
    /// The section named no longer exists.
    NoSuchSection { section: usize, target: usize },
    /// Routes only go forward.
    Backwards { section: usize, target: usize },
    /// No answers lead to this section.
    Unreachable { section: usize },
}

impl fmt::Display for RouteProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RouteProblem::QuestionNotInSection { section, question } => write!(
                f,
                "Section {section} has a route that follows \"{question}\", which is not one of its questions"
            ),
            RouteProblem::NotAChoice { section, question } => write!(
                f,
                "Section {section} has a route that follows \"{question}\": routes can only follow a question with answers from a list"
            ),
            RouteProblem::UnknownOption {
                section,
                question,
                option,
            } => write!(
                f,
                "Section {section} has a route for the answer \"{option}\" to \"{question}\", which is no longer one of its options"
            ),
            RouteProblem::NoSuchSection { section, target } => write!(
                f,
                "Section {section} has a route to section {target}, which no longer exists"
            ),
            RouteProblem::Backwards { section, target } => write!(
                f,
                "Section {section} has a route back to section {target}: routes can only go forward"
            ),
            RouteProblem::Unreachable { section } => write!(
                f,
                "No answers lead to section {section}: every route skips it"
            ),
        }
    }
}

/// Every problem with a survey's routes, section by section; none means it may be published.
pub fn check(survey: &Survey) -> Vec<RouteProblem> {
    let count = survey.section_count();
    let mut problems = Vec::new();
    for (i, s) in survey.sections.iter().enumerate() {
        let section = i + 1;
        for r in &s.routes {
            match s.questions.iter().find(|q| q.key == r.question) {
                None => problems.push(RouteProblem::QuestionNotInSection {
                    section,
                    question: r.question.clone(),
                }),
                Some(q) => match (&q.kind, &r.when) {
                    (
                        QuestionKind::Choice { options } | QuestionKind::Several { options },
                        When::Answer(option),
                    ) => {
                        if !options.iter().any(|o| &o.key == option) {
                            problems.push(RouteProblem::UnknownOption {
                                section,
                                question: q.short_label.clone(),
                                option: option.clone(),
                            });
                        }
                    }
                    (
                        QuestionKind::Choice { .. } | QuestionKind::Several { .. },
                        When::AnyOther,
                    ) => {}
                    _ => problems.push(RouteProblem::NotAChoice {
                        section,
                        question: q.short_label.clone(),
                    }),
                },
            }
            if let Goto::Section(target) = r.goto {
                if target == 0 || target > count {
                    problems.push(RouteProblem::NoSuchSection { section, target });
                } else if target <= section {
                    problems.push(RouteProblem::Backwards { section, target });
                }
            }
        }
    }
    for section in unreachable(survey) {
        problems.push(RouteProblem::Unreachable { section });
    }
    problems
}

/// Where a section can lead: every combination of answers to the questions its routes follow
/// (each option, or none when the question is not required) run through `next`. Sections
/// have a handful of such questions; past 4,096 combinations every target counts.
fn exits(survey: &Survey, section: usize) -> BTreeSet<Next> {
    let s = &survey.sections[section - 1];
    let mut followed: Vec<&str> = s.routes.iter().map(|r| r.question.as_str()).collect();
    followed.sort_unstable();
    followed.dedup();
    // Each followed question's possible answers ("" is no answer).
    let values: Vec<(&str, Vec<String>)> = followed
        .iter()
        .map(|key| {
            let q = s.questions.iter().find(|q| q.key == *key);
            let mut v: Vec<String> = match q.map(|q| &q.kind) {
                // Several answers need only each one alone: a route that several ticked
                // answers meet first is met first by its own answer alone too.
                Some(QuestionKind::Choice { options } | QuestionKind::Several { options }) => {
                    options.iter().map(|o| o.key.clone()).collect()
                }
                // Free text or a number: some answer, matched only by "any other answer".
                Some(_) => vec!["\u{0}".to_string()],
                None => Vec::new(),
            };
            if !q.is_some_and(|q| q.required) {
                v.push(String::new());
            }
            (*key, v)
        })
        .collect();
    let combinations = values
        .iter()
        .try_fold(1usize, |n, (_, v)| n.checked_mul(v.len().max(1)));
    let mut out = BTreeSet::new();
    match combinations {
        Some(total) if total <= 4096 => {
            for mut code in 0..total {
                let mut a = RawAnswers::new();
                for (key, v) in &values {
                    if !v.is_empty() {
                        a.insert(key.to_string(), v[code % v.len()].clone());
                        code /= v.len();
                    }
                }
                out.insert(next(survey, &a, section));
            }
        }
        _ => {
            out.insert(fall_through(survey, section));
            for r in &s.routes {
                out.insert(match r.goto {
                    Goto::Section(t) if t > section && t <= survey.section_count() => {
                        Next::Section(t)
                    }
                    Goto::Section(_) => fall_through(survey, section),
                    Goto::End => Next::End,
                });
            }
        }
    }
    out
}

/// Sections no answers lead to.
fn unreachable(survey: &Survey) -> Vec<usize> {
    let count = survey.section_count();
    if count == 0 {
        return Vec::new();
    }
    let mut reached = vec![false; count + 1];
    reached[1] = true;
    // Routes go forward, so one pass in order sees every section's ways in.
    for section in 1..=count {
        if !reached[section] {
            continue;
        }
        for exit in exits(survey, section) {
            if let Next::Section(t) = exit {
                reached[t] = true;
            }
        }
    }
    (1..=count).filter(|n| !reached[*n]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::survey::{ChoiceOption, Question, Section};
    use proptest::prelude::*;

    fn choice(key: &str, options: &[&str], required: bool) -> Question {
        Question {
            key: key.into(),
            prompt: format!("{key}?"),
            hint: None,
            short_label: key.into(),
            required_message: format!("Select {key}"),
            required,
            kind: QuestionKind::Choice {
                options: options
                    .iter()
                    .map(|o| ChoiceOption {
                        key: (*o).into(),
                        label: (*o).into(),
                    })
                    .collect(),
            },
        }
    }

    fn section(questions: Vec<Question>, routes: Vec<Route>) -> Section {
        Section {
            title: "s".into(),
            intro: None,
            questions,
            routes,
        }
    }

    fn route(question: &str, when: When, goto: Goto) -> Route {
        Route {
            question: question.into(),
            when,
            goto,
        }
    }

    /// "Do you use the park?" Yes: the park's questions; No: skip to the end.
    fn park_survey() -> Survey {
        Survey {
            key: "park".into(),
            title: "Park".into(),
            sections: vec![
                section(
                    vec![choice("uses_park", &["yes", "no"], true)],
                    vec![route(
                        "uses_park",
                        When::Answer("no".into()),
                        Goto::Section(3),
                    )],
                ),
                section(vec![choice("park_clean", &["yes", "no"], true)], vec![]),
                section(vec![choice("age", &["young", "old"], false)], vec![]),
            ],
        }
    }

    fn answers(pairs: &[(&str, &str)]) -> RawAnswers {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn a_route_skips_the_sections_it_passes() {
        let s = park_survey();
        assert_eq!(path(&s, &answers(&[("uses_park", "yes")])), [1, 2, 3]);
        assert_eq!(path(&s, &answers(&[("uses_park", "no")])), [1, 3]);
        assert_eq!(
            next(&s, &answers(&[("uses_park", "no")]), 1),
            Next::Section(3)
        );
        assert_eq!(next(&s, &answers(&[]), 3), Next::End);
        assert_eq!(
            skipped_questions(&s, &answers(&[("uses_park", "no")])),
            BTreeSet::from(["park_clean".to_string()])
        );
        assert!(!on_path(&s, &answers(&[("uses_park", "no")]), 2));
    }

    #[test]
    fn a_route_on_several_answers_follows_any_one_of_them() {
        // "What do you do there?" Sport: the sports section; walking: the walks section;
        // both ticked: the first route that matches, as always.
        let did = Question {
            kind: QuestionKind::Several {
                options: choice("x", &["walk", "sport", "sit"], true)
                    .kind
                    .options()
                    .unwrap()
                    .to_vec(),
            },
            ..choice("did", &[], false)
        };
        let s = Survey {
            key: "p".into(),
            title: "p".into(),
            sections: vec![
                section(
                    vec![did],
                    vec![
                        route("did", When::Answer("sport".into()), Goto::Section(2)),
                        route("did", When::Answer("walk".into()), Goto::Section(3)),
                        route("did", When::AnyOther, Goto::End),
                    ],
                ),
                section(vec![choice("club", &["yes", "no"], true)], vec![]),
                section(vec![choice("route", &["short", "long"], true)], vec![]),
            ],
        };
        assert_eq!(check(&s), []);
        let way = |given: &str| path(&s, &answers(&[("did", given)]));
        assert_eq!(way("sport"), [1, 2, 3]);
        assert_eq!(way("walk"), [1, 3]);
        assert_eq!(way("walk,sport"), [1, 2, 3]);
        assert_eq!(way("sit"), [1]);
        assert_eq!(way(""), [1, 2, 3], "none ticked follows no route");
        // Every section can be reached: each answer alone is tried.
        assert!(unreachable(&s).is_empty());
        let mut unknown = s.clone();
        unknown.sections[0].routes[0].when = When::Answer("swim".into());
        assert!(matches!(
            check(&unknown)[..],
            [RouteProblem::UnknownOption { .. }]
        ));
    }

    #[test]
    fn validation_follows_the_route_taken_and_keeps_nothing_skipped() {
        let s = park_survey();
        let no_ward = |_: &str| false;
        // Said "no", then went back from the park's section: its stale answer is dropped and
        // its required question is not asked for.
        let stale = answers(&[("uses_park", "no"), ("park_clean", "yes")]);
        let kept = crate::answers::validate_survey(&s, &stale, &no_ward).expect("valid");
        assert!(kept.contains_key("uses_park"));
        assert!(!kept.contains_key("park_clean"));
        // Said "yes": the park's required question is on the way and must be answered.
        let (first, errors) =
            crate::answers::validate_survey(&s, &answers(&[("uses_park", "yes")]), &no_ward)
                .expect_err("park_clean is required");
        assert_eq!(first, 2);
        assert_eq!(errors[0].question_key, "park_clean");
    }

    #[test]
    fn no_answer_follows_no_route_and_any_other_answer_follows_its_own() {
        let mut s = park_survey();
        s.sections[0]
            .routes
            .push(route("uses_park", When::AnyOther, Goto::End));
        assert_eq!(path(&s, &answers(&[])), [1, 2, 3]);
        assert_eq!(path(&s, &answers(&[("uses_park", "yes")])), [1]);
        assert_eq!(path(&s, &answers(&[("uses_park", "no")])), [1, 3]);
    }

    #[test]
    fn a_survey_with_good_routes_has_no_problems() {
        assert_eq!(check(&park_survey()), []);
    }

    #[test]
    fn publishing_is_refused_with_every_problem_said_plainly() {
        let mut s = park_survey();
        s.sections[1].routes = vec![
            route("uses_park", When::Answer("yes".into()), Goto::End),
            route("park_clean", When::Answer("maybe".into()), Goto::Section(1)),
            route("park_clean", When::AnyOther, Goto::Section(7)),
        ];
        let problems = check(&s);
        assert_eq!(
            problems,
            [
                RouteProblem::QuestionNotInSection {
                    section: 2,
                    question: "uses_park".into()
                },
                RouteProblem::UnknownOption {
                    section: 2,
                    question: "park_clean".into(),
                    option: "maybe".into()
                },
                RouteProblem::Backwards {
                    section: 2,
                    target: 1
                },
                RouteProblem::NoSuchSection {
                    section: 2,
                    target: 7
                },
            ]
        );
        assert_eq!(
            problems[2].to_string(),
            "Section 2 has a route back to section 1: routes can only go forward"
        );
    }

    #[test]
    fn a_section_every_answer_skips_cannot_be_reached() {
        let mut s = park_survey();
        s.sections[0].routes = vec![
            route("uses_park", When::Answer("no".into()), Goto::End),
            route("uses_park", When::AnyOther, Goto::Section(3)),
        ];
        assert_eq!(check(&s), [RouteProblem::Unreachable { section: 2 }]);
        assert_eq!(
            RouteProblem::Unreachable { section: 2 }.to_string(),
            "No answers lead to section 2: every route skips it"
        );
        // With the question optional, leaving it unanswered still leads to section 2.
        if let QuestionKind::Choice { .. } = s.sections[0].questions[0].kind {
            s.sections[0].questions[0].required = false;
        }
        assert_eq!(check(&s), []);
    }

    #[test]
    fn routes_follow_only_questions_with_options() {
        let mut s = park_survey();
        s.sections[2].questions.push(Question {
            kind: QuestionKind::Text { max_chars: 100 },
            ..choice("said", &[], false)
        });
        s.sections[2]
            .routes
            .push(route("said", When::AnyOther, Goto::End));
        assert_eq!(
            check(&s),
            [RouteProblem::NotAChoice {
                section: 3,
                question: "said".into()
            }]
        );
    }

    /// A survey of `n` sections, each with one choice question of three options and routes
    /// from the generated list, kept forward.
    fn routed_survey() -> impl Strategy<Value = Survey> {
        (1usize..7).prop_flat_map(|n| {
            proptest::collection::vec(
                proptest::collection::vec((0usize..4, 0usize..9, any::<bool>()), 0..3),
                n,
            )
            .prop_map(move |per_section| Survey {
                key: "p".into(),
                title: "p".into(),
                sections: per_section
                    .into_iter()
                    .enumerate()
                    .map(|(i, routes)| {
                        let key = format!("q{i}");
                        section(
                            vec![choice(&key, &["a", "b", "c"], i % 2 == 0)],
                            routes
                                .into_iter()
                                .map(|(opt, target, end)| {
                                    let when = match opt {
                                        3 => When::AnyOther,
                                        o => When::Answer(["a", "b", "c"][o].into()),
                                    };
                                    // Forward only: a later section, or the end.
                                    let goto = if end || i + 2 > n {
                                        Goto::End
                                    } else {
                                        Goto::Section(i + 2 + target % (n - i - 1).max(1))
                                    };
                                    route(&key, when, goto)
                                })
                                .collect(),
                        )
                    })
                    .collect(),
            })
        })
    }

    fn any_answers(n: usize) -> impl Strategy<Value = RawAnswers> {
        proptest::collection::vec(prop_oneof!["a", "b", "c", ""], n).prop_map(|v| {
            v.into_iter()
                .enumerate()
                .map(|(i, a)| (format!("q{i}"), a))
                .collect()
        })
    }

    proptest! {
        /// Every way through a survey whose routes go forward reaches the end, each section
        /// once and in order, starting at the first.
        #[test]
        fn every_answer_path_reaches_the_end(
            (s, a) in routed_survey().prop_flat_map(|s| {
                let n = s.section_count();
                (Just(s), any_answers(n))
            })
        ) {
            let only_unreachable = check(&s)
                .iter()
                .all(|p| matches!(p, RouteProblem::Unreachable { .. }));
            prop_assert!(only_unreachable);
            let way = path(&s, &a);
            prop_assert_eq!(way.first(), Some(&1));
            prop_assert!(way.windows(2).all(|w| w[0] < w[1]));
            prop_assert!(way.iter().all(|n| *n <= s.section_count()));
            let last = *way.last().unwrap();
            prop_assert_eq!(next(&s, &a, last), Next::End);
        }

        /// A section the check calls unreachable is on no way through; every other section
        /// is on some way through.
        #[test]
        fn unreachable_means_no_answers_lead_there(s in routed_survey()) {
            let n = s.section_count();
            let unreachable: Vec<usize> = check(&s)
                .into_iter()
                .filter_map(|p| match p {
                    RouteProblem::Unreachable { section } => Some(section),
                    _ => None,
                })
                .collect();
            // Every combination of answers (three options or none, for up to six questions).
            let mut seen = BTreeSet::new();
            let choices = ["a", "b", "c", ""];
            for mut code in 0..4usize.pow(n as u32) {
                let mut a = RawAnswers::new();
                for i in 0..n {
                    let pick = choices[code % 4];
                    code /= 4;
                    // A required question is always answered by the time its section is left.
                    let required = i % 2 == 0;
                    if !(required && pick.is_empty()) {
                        a.insert(format!("q{i}"), pick.to_string());
                    } else {
                        a.insert(format!("q{i}"), "a".to_string());
                    }
                }
                seen.extend(path(&s, &a));
            }
            for section in 1..=n {
                prop_assert_eq!(!seen.contains(&section), unreachable.contains(&section), "section {}", section);
            }
        }

        /// No way through skips a required question it shows, or keeps one it skips: every
        /// question on the way answered is a valid response holding only those answers.
        #[test]
        fn validation_asks_exactly_the_questions_on_the_way(
            (s, a) in routed_survey().prop_flat_map(|s| {
                let n = s.section_count();
                (Just(s), any_answers(n))
            })
        ) {
            let no_ward = |_: &str| false;
            let way = path(&s, &a);
            let skipped = skipped_questions(&s, &a);
            let on_way: Vec<&Question> = way
                .iter()
                .flat_map(|n| s.sections[n - 1].questions.iter())
                .collect();
            let all_answered = on_way.iter().all(|q| a.get(&q.key).is_some_and(|v| !v.is_empty()));
            match crate::answers::validate_survey(&s, &a, &no_ward) {
                Ok(kept) => {
                    for k in kept.keys() {
                        prop_assert!(!skipped.contains(k), "kept skipped {}", k);
                    }
                    for q in on_way.iter().filter(|q| q.required) {
                        prop_assert!(kept.contains_key(&q.key), "required {} not kept", q.key);
                    }
                }
                Err((first, errors)) => {
                    prop_assert!(!all_answered, "every question on the way was answered");
                    prop_assert!(way.contains(&first));
                    for e in errors {
                        prop_assert!(!skipped.contains(&e.question_key));
                    }
                }
            }
        }

        /// The questions a way through skips are exactly those of the sections not on it.
        #[test]
        fn skipped_questions_are_those_off_the_path(
            (s, a) in routed_survey().prop_flat_map(|s| {
                let n = s.section_count();
                (Just(s), any_answers(n))
            })
        ) {
            let way = path(&s, &a);
            let skipped = skipped_questions(&s, &a);
            for (i, sec) in s.sections.iter().enumerate() {
                for q in &sec.questions {
                    prop_assert_eq!(skipped.contains(&q.key), !way.contains(&(i + 1)));
                }
            }
        }
    }
}
