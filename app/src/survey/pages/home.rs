use leptos::prelude::*;

use crate::shared::components::{show_loaded, PageTitle};
use crate::survey::api::load_home;
use crate::survey::model::SurveySummary;
use crate::survey::paths;

#[component]
pub fn HomePage() -> impl IntoView {
    let data = Resource::new(|| (), |_| load_home());
    view! {
        <PageTitle text="Resident surveys".to_string() />
        <h1>"Have your say about life in your area"</h1>
        <p class="lead">
            "Your answers show the council how people across the city are doing, ward by ward. The results are published for everyone to see."
        </p>
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
                                                format!("Takes about {} minutes", s.minutes)
                                            } else {
                                                "Not open for answers at the moment".to_string()
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
        <h2>"Started a survey already?"</h2>
        <p>
            <a href=paths::RESUME>"Continue with your resume code"</a>
        </p>
    }
}
