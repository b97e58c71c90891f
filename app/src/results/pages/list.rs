use leptos::prelude::*;

use crate::results::api::load_published;
use crate::results::model::PublishedResults;
use crate::results::paths;
use crate::results::paths::Audience;
use crate::shared::components::{show_loaded, PageTitle};

#[component]
pub fn ResultsListPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| load_published());
    view! {
        {show_loaded(
            data,
            |r: PublishedResults| {
                let list = r.surveys;
                let any = list.iter().any(|s| !s.waves.is_empty());
                view! {
                    <PageTitle text="Survey results".to_string() />
                    <h1>"Survey results"</h1>
                    <p class="lead">
                        "What residents told us, area by area. Figures from too few answers are withheld so nobody can be identified."
                    </p>
                    {(!any).then(|| view! { <p>"No results have been published yet."</p> })}
                    {list
                        .into_iter()
                        .filter(|s| !s.waves.is_empty())
                        .map(|s| {
                            view! {
                                <section class="card">
                                    <h2>{s.title.clone()}</h2>
                                    <ul class="list">
                                        {s
                                            .waves
                                            .iter()
                                            .map(|w| {
                                                view! {
                                                    <li>
                                                        <a href=paths::wave(
                                                            Audience::Public,
                                                            &s.key,
                                                            &w.key,
                                                        )>{w.name.clone()}</a>
                                                    </li>
                                                }
                                            })
                                            .collect_view()}
                                    </ul>
                                </section>
                            }
                        })
                        .collect_view()}
                    {(!r.years.is_empty())
                        .then(|| {
                            view! {
                                <section class="card">
                                    <h2>"Annual reports"</h2>
                                    <ul class="list">
                                        {r
                                            .years
                                            .iter()
                                            .map(|y| {
                                                view! {
                                                    <li>
                                                        <a href=paths::annual_report(
                                                            *y,
                                                        )>{format!("Annual report {y}")}</a>
                                                    </li>
                                                }
                                            })
                                            .collect_view()}
                                    </ul>
                                </section>
                            }
                        })}
                    <p>
                        <a href=paths::METHODOLOGY>"How the figures are worked out"</a>
                    </p>
                    <p>
                        <a href=crate::updates::paths::UPDATES>
                            "Get an email when new results are published"
                        </a>
                    </p>
                }
                    .into_any()
            },
        )}
    }
}
