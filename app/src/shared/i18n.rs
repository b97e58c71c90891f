//! The interface's words in the page's language: Fluent files in `app/locales/`, one folder
//! per language, `en-GB` the source. A survey's own texts are translated in Kiln instead
//! (`domain::translation`).
//!
//! The server decides each page's language before it renders (`ssr::language`) and puts it
//! on the request; `t` reads it there. Residents' pages ship no wasm, so Fluent stays on the
//! server. Staff pages hydrate, always in English: the few shared words they show are
//! compiled into the wasm (`HYDRATED`), and a test holds them equal to the English file.

use domain::translation::{Language, ENGLISH};

/// A value put into a message.
#[derive(Clone, Debug)]
pub enum Arg {
    Text(String),
    Number(i64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_string())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}
impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::Number(n as i64)
    }
}
impl From<i32> for Arg {
    fn from(n: i32) -> Arg {
        Arg::Number(n.into())
    }
}

/// The language this page is in, and the languages it may be read in (English first; one
/// only where there is no choice, as on staff pages).
#[derive(Clone, Debug, PartialEq)]
pub struct PageLanguage {
    pub language: Language,
    pub choices: Vec<Language>,
}

impl Default for PageLanguage {
    fn default() -> Self {
        PageLanguage {
            language: ENGLISH,
            choices: vec![ENGLISH],
        }
    }
}

/// The page's language, as the server chose it for this request.
pub fn page_language() -> PageLanguage {
    read_page_language(PageLanguage::clone).unwrap_or_default()
}

/// The page's language alone: what each word asks for, without copying the choices.
pub fn language() -> Language {
    read_page_language(|p| p.language).unwrap_or(ENGLISH)
}

/// Reads the language the server put on this request (none in the browser).
fn read_page_language<R>(read: impl FnOnce(&PageLanguage) -> R) -> Option<R> {
    #[cfg(feature = "ssr")]
    return crate::shared::ssr::support::with_request(|parts| {
        parts.extensions.get::<PageLanguage>().map(read)
    })
    .flatten();
    #[cfg(not(feature = "ssr"))]
    {
        let _ = read;
        None
    }
}

/// A message in the page's language.
pub fn t(key: &str) -> String {
    t_in(language(), key, &[])
}

/// A message with values put in.
pub fn t_args(key: &str, args: &[(&'static str, Arg)]) -> String {
    t_in(language(), key, args)
}

#[cfg(feature = "ssr")]
pub fn t_in(language: Language, key: &str, args: &[(&'static str, Arg)]) -> String {
    use fluent_templates::fluent_bundle::FluentValue;
    use fluent_templates::Loader;
    use std::borrow::Cow;
    use std::collections::HashMap;
    let id = identifier(language);
    if args.is_empty() {
        return plain_message(language, key, || {
            LOCALES
                .try_lookup(id, key)
                .unwrap_or_else(|| key.to_string())
        });
    }
    let values: HashMap<Cow<'static, str>, FluentValue> = args
        .iter()
        .map(|(name, value)| {
            let v = match value {
                Arg::Text(s) => FluentValue::from(s.clone()),
                Arg::Number(n) => FluentValue::from(*n),
            };
            (Cow::Borrowed(*name), v)
        })
        .collect();
    LOCALES
        .try_lookup_complete(id, key, Some(&values))
        .unwrap_or_else(|| key.to_string())
}

/// A message with no values, looked up in Fluent once per language and then kept: its text
/// cannot change while Kiln runs, and a page asks for dozens (Fluent's lookup negotiates
/// the fallback languages afresh on each call). Kept only up to a bound, against keys made
/// from data.
#[cfg(feature = "ssr")]
fn plain_message(language: Language, key: &str, look_up: impl FnOnce() -> String) -> String {
    use std::collections::HashMap;
    use std::sync::{LazyLock, RwLock};
    const MOST_KEPT: usize = 10_000;
    type Kept = HashMap<Box<str>, String>;
    static KEPT: LazyLock<Vec<(&'static str, RwLock<Kept>)>> = LazyLock::new(|| {
        domain::translation::LANGUAGES
            .iter()
            .map(|l| (l.tag, RwLock::default()))
            .collect()
    });
    let Some((_, kept)) = KEPT.iter().find(|(tag, _)| *tag == language.tag) else {
        return look_up();
    };
    if let Some(text) = kept.read().expect("messages lock").get(key) {
        return text.clone();
    }
    let text = look_up();
    let mut kept = kept.write().expect("messages lock");
    if kept.len() < MOST_KEPT {
        kept.insert(key.into(), text.clone());
    }
    text
}

/// Each language's Fluent identifier, parsed once: a page asks for dozens of words.
#[cfg(feature = "ssr")]
fn identifier(language: Language) -> &'static fluent_templates::LanguageIdentifier {
    use std::sync::LazyLock;
    static IDS: LazyLock<Vec<(&'static str, fluent_templates::LanguageIdentifier)>> =
        LazyLock::new(|| {
            domain::translation::LANGUAGES
                .iter()
                .map(|l| (l.tag, l.tag.parse().expect("Kiln's language tags parse")))
                .collect()
        });
    IDS.iter()
        .find(|(tag, _)| *tag == language.tag)
        .map(|(_, id)| id)
        .unwrap_or(&IDS[0].1)
}

#[cfg(feature = "ssr")]
fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en-GB",
        // The marks Fluent puts around values by default would be stray characters in
        // titles and tests; the values here are numbers, codes and the survey's own words.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// The English of the words a hydrated (staff) page shows, kept equal to `en-GB/main.ftl`
/// by a test.
#[cfg_attr(feature = "ssr", allow(dead_code))]
pub const HYDRATED: &[(&str, &str)] = &[
    ("skip-link", "Skip to main content"),
    ("footer-nav", "About this service"),
    ("footer-accessibility", "Accessibility statement"),
    ("footer-privacy", "Privacy notice"),
    (
        "footer-about",
        "Kiln is open-source software for resident surveys. Your answers are anonymous.",
    ),
    ("error-summary-title", "There is a problem"),
    ("error-prefix", "Error:"),
    ("title-suffix", "Kiln"),
    ("loading", "Loading…"),
];

#[cfg(not(feature = "ssr"))]
pub fn t_in(_language: Language, key: &str, args: &[(&'static str, Arg)]) -> String {
    let mut text = HYDRATED
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, v)| v.to_string())
        .unwrap_or_else(|| key.to_string());
    for (name, value) in args {
        let v = match value {
            Arg::Text(s) => s.clone(),
            Arg::Number(n) => n.to_string(),
        };
        text = text.replace(&format!("{{ ${name} }}"), &v);
    }
    text
}

/// The problems and read-backs of answers in a language (`domain::answers::Words`), for
/// the server's views.
#[cfg(feature = "ssr")]
pub struct AnswerWords(pub Language);

#[cfg(feature = "ssr")]
impl domain::answers::Words for AnswerWords {
    fn problem(&self, problem: &domain::answers::Problem) -> String {
        use domain::answers::{English, Problem};
        if self.0 == ENGLISH {
            return English.problem(problem);
        }
        let t = |key: &str, args: &[(&'static str, Arg)]| t_in(self.0, key, args);
        match problem {
            Problem::Required { message } => message.clone(),
            Problem::ScaleRange { min, max, label } => t(
                "problem-scale-range",
                &[
                    ("min", (*min).into()),
                    ("max", (*max).into()),
                    ("label", label.clone().into()),
                ],
            ),
            Problem::NotAnOption { label } => {
                t("problem-not-an-option", &[("label", label.clone().into())])
            }
            Problem::NotAWard => t("problem-not-a-ward", &[]),
            Problem::NumberRange { min, max, label } => t(
                "problem-number-range",
                &[
                    ("min", (*min).into()),
                    ("max", (*max).into()),
                    ("label", label.clone().into()),
                ],
            ),
            Problem::NotANumber { label, example } => t(
                "problem-not-a-number",
                &[
                    ("label", label.clone().into()),
                    ("example", (*example).into()),
                ],
            ),
            Problem::DateIncomplete { label, part } => t(
                match part {
                    domain::answers::DatePart::Day => "problem-date-no-day",
                    domain::answers::DatePart::Month => "problem-date-no-month",
                    domain::answers::DatePart::Year => "problem-date-no-year",
                },
                &[("label", label.clone().into())],
            ),
            Problem::NotADate { label } => {
                t("problem-not-a-date", &[("label", label.clone().into())])
            }
            Problem::DateOutOfRange {
                label,
                limit,
                after,
            } => t(
                if *after {
                    "problem-date-after"
                } else {
                    "problem-date-before"
                },
                &[
                    ("label", label.clone().into()),
                    ("limit", self.date(*limit).into()),
                ],
            ),
            Problem::TooLong { label, max, count } => t(
                "problem-too-long",
                &[
                    ("label", label.clone().into()),
                    ("max", (*max).into()),
                    ("count", (*count).into()),
                ],
            ),
        }
    }

    fn scale_answer(
        &self,
        value: &str,
        min: i32,
        min_label: &str,
        max: i32,
        max_label: &str,
    ) -> String {
        if self.0 == ENGLISH {
            return domain::answers::English.scale_answer(value, min, min_label, max, max_label);
        }
        t_in(
            self.0,
            "check-scale-answer",
            &[
                ("value", value.into()),
                ("min", min.into()),
                ("minLabel", min_label.to_lowercase().into()),
                ("max", max.into()),
                ("maxLabel", max_label.to_lowercase().into()),
            ],
        )
    }

    fn dont_know(&self) -> String {
        t_in(self.0, "ward-dont-know", &[])
    }

    /// English in words; elsewhere in figures, which every reader of the language reads
    /// the same way (a month's name would need its grammatical case).
    fn date(&self, date: chrono::NaiveDate) -> String {
        match self.0.code {
            "en" => date.format("%-d %B %Y").to_string(),
            "pl" => date.format("%d.%m.%Y").to_string(),
            _ => date.format("%d/%m/%Y").to_string(),
        }
    }

    fn prefer_not_to_say(&self) -> String {
        t_in(self.0, "ward-prefer-not", &[])
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use domain::translation::LANGUAGES;

    fn keys(language: &str) -> Vec<String> {
        let path = format!("{}/locales/{language}/main.ftl", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(&path)
            .unwrap()
            .lines()
            .filter_map(|l| l.split_once(" = ").map(|(k, _)| k.trim().to_string()))
            .filter(|k| !k.starts_with('#') && !k.is_empty())
            .collect()
    }

    #[test]
    fn every_language_has_every_english_key_and_no_other() {
        let english = keys("en-GB");
        assert!(english.len() > 50);
        for l in LANGUAGES.iter().filter(|l| l.code != "en") {
            let theirs = keys(l.tag);
            let missing: Vec<_> = english.iter().filter(|k| !theirs.contains(k)).collect();
            let extra: Vec<_> = theirs.iter().filter(|k| !english.contains(k)).collect();
            assert!(missing.is_empty(), "{} lacks {missing:?}", l.english_name);
            assert!(extra.is_empty(), "{} has unknown {extra:?}", l.english_name);
        }
    }

    #[test]
    fn messages_take_their_values_in_each_language() {
        let ur = Language::from_code("ur").unwrap();
        let pl = Language::from_code("pl").unwrap();
        let args = [("number", Arg::from(2usize)), ("count", Arg::from(4usize))];
        assert_eq!(t_in(ENGLISH, "section-progress", &args), "Section 2 of 4");
        assert_eq!(t_in(pl, "section-progress", &args), "Część 2 z 4");
        assert_eq!(t_in(ur, "section-progress", &args), "حصہ 2 از 4");
    }

    #[test]
    fn plain_messages_are_kept_apart_for_each_language() {
        let pl = Language::from_code("pl").unwrap();
        let english = t_in(ENGLISH, "back", &[]);
        let polish = t_in(pl, "back", &[]);
        assert_eq!(english, "Back");
        assert_ne!(polish, english);
        // Asked again (now from what is kept), in the other order.
        for _ in 0..2 {
            assert_eq!(t_in(pl, "back", &[]), polish);
            assert_eq!(t_in(ENGLISH, "back", &[]), english);
        }
        assert_eq!(t_in(pl, "no-such-key", &[]), "no-such-key");
    }

    /// What a hydrated page shows is what the server rendered.
    #[test]
    fn the_words_compiled_for_staff_pages_are_the_english_file() {
        for (key, english) in HYDRATED {
            assert_eq!(t_in(ENGLISH, key, &[]), *english, "{key}");
        }
    }
}
