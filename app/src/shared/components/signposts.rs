use leptos::prelude::*;

use crate::shared::i18n::t;

use crate::shared::council::Signpost;

/// Where to get help, after questions that may stir something up: each service with what
/// it helps with, its website and its number (a `tel:` link for a phone).
#[component]
pub fn Signposts(help: Vec<Signpost>) -> impl IntoView {
    (!help.is_empty()).then(|| {
        view! {
            <aside class="signposts" aria-labelledby="help-title" data-testid="signposts">
                <h2 id="help-title">{t("help-title")}</h2>
                <p>{t("help-free")}</p>
                <ul class="list">
                    {help
                        .into_iter()
                        .map(|s| {
                            let tel = format!("tel:{}", s.phone.replace(' ', ""));
                            view! {
                                <li>
                                    <strong>{s.topic}</strong>
                                    ": "
                                    <a href=s.url rel="noopener" target="_blank">
                                        {s.name.clone()}
                                        <span class="visually-hidden">
                                            {format!(" {}", t("new-tab"))}
                                        </span>
                                    </a>
                                    {(!s.phone.is_empty())
                                        .then(|| {
                                            view! {
                                                {format!(", {} ", t("help-call"))}
                                                <a href=tel>{s.phone.clone()}</a>
                                            }
                                        })}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </aside>
        }
    })
}
