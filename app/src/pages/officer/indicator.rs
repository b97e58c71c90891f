use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::nav::OfficerNav;
use crate::api::officer::load_officer_indicator;
use crate::components::results::IndicatorBody;
use crate::components::{show_loaded, PageTitle};
use crate::model::links::{self, Audience};
use crate::model::officer::Viewer;
use crate::model::results::IndicatorDetail;
use crate::pages::param;

#[component]
pub fn OfficerIndicatorPage() -> impl IntoView {
    let params = use_params_map();
    let data = Resource::new(
        move || {
            let p = params.read();
            (param(&p, "survey"), param(&p, "wave"), param(&p, "key"))
        },
        |(s, w, k)| load_officer_indicator(s, w, k),
    );
    view! {
        {show_loaded(
            data,
            |(viewer, d): (Viewer, IndicatorDetail)| {
                let h = d.header.clone();
                view! {
                    <PageTitle text=format!("{}: {}", d.indicator.label, h.wave_name) />
                    <OfficerNav viewer />
                    <a
                        class="back-link"
                        href=links::wave(Audience::Officer, &h.survey_key, &h.wave_key)
                    >
                        {format!("Back to {}", h.wave_name)}
                    </a>
                    <span class="caption">{format!("{}: {}", h.survey_title, h.wave_name)}</span>
                    <h1>{d.indicator.label.clone()}</h1>
                    <IndicatorBody detail=d.clone() audience=Audience::Officer />
                }
                    .into_any()
            },
        )}
    }
}
