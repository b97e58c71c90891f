use leptos::prelude::*;

use crate::api::results::load_published;
use crate::components::{show_loaded, PageTitle};
use crate::model::links::{self, Audience};
use crate::model::results::PublishedSurvey;

#[component]
pub fn ResultsListPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| load_published());
    view! {
        {show_loaded(data, |list: Vec<PublishedSurvey>| {
            let any = list.iter().any(|s| !s.waves.is_empty());
            view! {
                <PageTitle text="Survey results".to_string()/>
                <h1>"Survey results"</h1>
                <p class="lead">"What residents told us, area by area. Figures from too few answers are withheld so nobody can be identified."</p>
                {(!any).then(|| view! { <p>"No results have been published yet."</p> })}
                {list.into_iter().filter(|s| !s.waves.is_empty()).map(|s| view! {
                    <section class="card">
                        <h2>{s.title.clone()}</h2>
                        <ul class="list">
                            {s.waves.iter().map(|w| view! {
                                <li><a href=links::wave(Audience::Public, &s.key, &w.key)>{w.name.clone()}</a></li>
                            }).collect_view()}
                        </ul>
                    </section>
                }).collect_view()}
                <p><a href=links::METHODOLOGY>"How the figures are worked out"</a></p>
            }.into_any()
        })}
    }
}
