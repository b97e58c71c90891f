use leptos::prelude::*;

use crate::shared::i18n::{t, t_args};

use crate::shared::components::{show_loaded, PageTitle};
use crate::survey::api::load_home;
use crate::survey::model::SurveySummary;
use crate::survey::paths;

#[component]
pub fn HomePage() -> impl IntoView {
    let data = Resource::new(|| (), |_| load_home());
    view! {
        <PageTitle text=t("home-title") />
        <h1>{t("home-heading")}</h1>
        <p class="lead">{t("home-lead")}</p>
        {show_loaded(
            data,
            |surveys: Vec<SurveySummary>| {
                view! {
                    <ul class="survey-list">
                        {surveys
                            .into_iter()
                            .map(|s| {
                                view! {
                                    <li class="survey-card">
                                        <h2>
                                            <a href=paths::start(&s.key)>{s.title}</a>
                                        </h2>
                                        <p>{s.summary}</p>
                                        <p class="meta">
                                            {if s.open {
                                                t_args("home-takes", &[("minutes", s.minutes.into())])
                                            } else {
                                                t("home-closed")
                                            }}
                                        </p>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            },
        )}
        <h2>{t("home-started")}</h2>
        <p>
            <a href=paths::RESUME>{t("resume-link")}</a>
        </p>
    }
}
