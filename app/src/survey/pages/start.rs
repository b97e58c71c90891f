use leptos::prelude::*;

use crate::shared::i18n::{t, t_args};
use leptos_router::hooks::use_params_map;

use crate::shared::components::{show_loaded, PageTitle};
use crate::shared::param;
use crate::survey::api::load_start;
use crate::survey::model::StartView;
use crate::survey::paths;

#[component]
pub fn StartPage() -> impl IntoView {
    let params = use_params_map();
    let data = Resource::new(move || param(&params.read(), "survey"), load_start);
    view! { {show_loaded(data, |s: StartView| view! { <StartContent s /> }.into_any())} }
}

/// A survey's start page from its view: residents', and the builder's preview.
#[component]
pub fn StartContent(s: StartView) -> impl IntoView {
    let back = s
        .preview
        .as_ref()
        .map(|p| p.back.clone())
        .unwrap_or_else(|| "/".to_string());
    view! {
        <PageTitle text=s.title.clone() />
        <a class="back-link" href=back>
            {t("back")}
        </a>
        <h1>{s.title.clone()}</h1>
        {s
            .illustrative
            .then(|| {
                view! { <p class="inset illustrative">{t("start-illustrative")}</p> }
            })}
        <p class="lead">{s.summary.clone()}</p>
        <h2>{t("start-why")}</h2>
        <p>{s.purpose.clone()}</p>
        <h2>{t("start-before")}</h2>
        <ul class="list">
            <li>
                {t_args(
                    "start-takes",
                    &[
                        ("minutes", s.minutes.into()),
                        ("questions", s.question_count.into()),
                        ("sections", s.section_titles.len().into()),
                    ],
                )}
            </li>
            <li>{t("start-anonymous")}</li>
            <li>{t("start-ward")}</li>
            <li>{s.retention.clone()}</li>
            <li>{t("start-stop")}</li>
            <li>{format!("{} {}", t("start-invited"), t("start-unlinked"))}</li>
        </ul>
        <h2>{t("start-topics")}</h2>
        <ol class="list list-number">
            {s.section_titles.iter().map(|t| view! { <li>{t.clone()}</li> }).collect_view()}
        </ol>
        {match (s.preview.clone(), s.wave_name.clone()) {
            (Some(p), _) => {
                view! {
                    <form method="get" action=p.next>
                        <input type="hidden" name="lang" value=p.lang.clone() />
                        <button class="button button-start" type="submit">
                            {t("start-now")}
                        </button>
                    </form>
                }
                    .into_any()
            }
            (None, Some(_)) => {
                view! {
                    <form method="post" action=paths::begin(&s.key)>
                        <button class="button button-start" type="submit">
                            {t("start-now")}
                        </button>
                    </form>
                }
                    .into_any()
            }
            (None, None) => view! { <div class="inset">{t("start-not-open")}</div> }.into_any(),
        }}
        <p>{format!("{} ", t("start-started"))} <a href=paths::RESUME>{t("resume-link")}</a></p>
        <p>
            {format!("{} ", t("start-access"))}
            <a href=paths::TAKE_PART>{t("start-access-link")}</a>
        </p>
    }
}
