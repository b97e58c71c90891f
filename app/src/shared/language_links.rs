//! The languages a page can be read in, as plain links (they work without JavaScript). A
//! link opens the same page in that language; the answers saved so far stay, and the
//! choice is remembered for the pages after. On a survey's section page each is a button of
//! the answers form instead (styled as a link), so that what the resident has typed on the
//! page is saved, unchecked, before it opens again in the other language.

use leptos::prelude::*;

use crate::shared::i18n::{page_language, t};

/// The id of a section page's answers form, which the language buttons submit.
pub const ANSWERS_FORM: &str = "answers";
/// The `intent` of a language button: save the page's answers as typed, then show it again.
pub const CHANGE_LANGUAGE: &str = "language";

#[component]
pub fn LanguageLinks() -> impl IntoView {
    let page = page_language();
    (page.choices.len() > 1).then(|| {
        let (path, query) = here();
        let on_section = crate::shared::address::matches(crate::survey::paths::SECTION, &path);
        view! {
            <nav class="language-links" aria-label=t("language-nav")>
                <ul>
                    {page
                        .choices
                        .iter()
                        .map(|l| {
                            if *l == page.language {
                                view! {
                                    <li>
                                        <span
                                            aria-current="true"
                                            lang=l.tag
                                            dir=l.direction.attribute()
                                        >
                                            {l.own_name}
                                        </span>
                                    </li>
                                }
                                    .into_any()
                            } else if on_section {
                                view! {
                                    <li>
                                        <button
                                            type="submit"
                                            class="link-button"
                                            form=ANSWERS_FORM
                                            formaction=link(&path, query.as_deref(), *l)
                                            formnovalidate
                                            name="intent"
                                            value=CHANGE_LANGUAGE
                                            lang=l.tag
                                            dir=l.direction.attribute()
                                        >
                                            {l.own_name}
                                        </button>
                                    </li>
                                }
                                    .into_any()
                            } else {
                                view! {
                                    <li>
                                        <a
                                            href=link(&path, query.as_deref(), *l)
                                            hreflang=l.tag
                                            lang=l.tag
                                            dir=l.direction.attribute()
                                        >
                                            {l.own_name}
                                        </a>
                                    </li>
                                }
                                    .into_any()
                            }
                        })
                        .collect_view()}
                </ul>
            </nav>
        }
    })
}

/// The address being rendered (only the server renders these links).
fn here() -> (String, Option<String>) {
    #[cfg(feature = "ssr")]
    if let Some(here) = crate::shared::ssr::support::with_request(|parts| {
        (
            parts.uri.path().to_string(),
            parts.uri.query().map(str::to_string),
        )
    }) {
        return here;
    }
    ("/".to_string(), None)
}

fn link(path: &str, query: Option<&str>, to: domain::translation::Language) -> String {
    #[cfg(feature = "ssr")]
    return crate::shared::ssr::language::link(path, query, to);
    #[cfg(not(feature = "ssr"))]
    {
        let _ = query;
        format!("{path}?lang={}", to.code)
    }
}
