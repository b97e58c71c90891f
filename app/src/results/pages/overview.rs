use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::results::api::load_public_overview;
use crate::results::components::{OverviewBody, WaveNotes};
use crate::results::model::ResultsOverview;
use crate::results::paths;
use crate::results::paths::{Audience, Format};
use crate::shared::components::{show_loaded, PageTitle};
use crate::shared::param;

#[component]
pub fn PublicOverviewPage() -> impl IntoView {
    let params = use_params_map();
    let data = Resource::new(
        move || {
            (
                param(&params.read(), "survey"),
                param(&params.read(), "wave"),
            )
        },
        |(s, w)| load_public_overview(s, w),
    );
    view! {
        {show_loaded(
            data,
            |o: ResultsOverview| {
                let h = o.header.clone();
                view! {
                    <PageTitle text=format!("{}: {}", h.survey_title, h.wave_name) />
                    <a class="back-link" href=paths::RESULTS>
                        "All results"
                    </a>
                    <span class="caption">{h.survey_title.clone()}</span>
                    <h1>{h.wave_name.clone()}</h1>
                    <WaveNotes header=h.clone() audience=Audience::Public />
                    <p>
                        "Choose an indicator to see it by ward, area, age band and sex, or "
                        <a href=format!(
                            "{}/{}/{}/wards",
                            paths::RESULTS,
                            h.survey_key,
                            h.wave_key,
                        )>"see how your ward is doing"</a>"."
                    </p>
                    <OverviewBody overview=o.clone() audience=Audience::Public />
                    <h2>"Open data"</h2>
                    <p>
                        <a
                            href=paths::export(
                                Audience::Public,
                                &h.survey_key,
                                &h.wave_key,
                                Format::Csv,
                            )
                            download
                            rel="external"
                        >
                            "Download every published figure (CSV)"
                        </a>
                    </p>
                    <p class="hint">
                        "Available under the Open Government Licence v3.0. Withheld figures are left empty. "
                        <a href=paths::METHODOLOGY>"How the figures are worked out"</a>"."
                    </p>
                }
                    .into_any()
            },
        )}
    }
}
