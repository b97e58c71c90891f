use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::results::api::load_public_indicator;
use crate::results::components::IndicatorBody;
use crate::results::model::IndicatorDetail;
use crate::results::paths;
use crate::results::paths::Audience;
use crate::shared::components::{show_loaded, PageTitle};
use crate::shared::param;

#[component]
pub fn PublicIndicatorPage() -> impl IntoView {
    let params = use_params_map();
    let data = Resource::new(
        move || {
            let p = params.read();
            (param(&p, "survey"), param(&p, "wave"), param(&p, "key"))
        },
        |(s, w, k)| load_public_indicator(s, w, k),
    );
    view! {
        {show_loaded(
            data,
            |d: IndicatorDetail| {
                let h = d.header.clone();
                view! {
                    <PageTitle text=format!("{}: {}", d.indicator.label, h.wave_name) />
                    <a
                        class="back-link"
                        href=paths::wave(Audience::Public, &h.survey_key, &h.wave_key)
                    >
                        {format!("Back to {}", h.wave_name)}
                    </a>
                    <span class="caption">{format!("{}: {}", h.survey_title, h.wave_name)}</span>
                    <h1>{d.indicator.label.clone()}</h1>
                    <IndicatorBody detail=d.clone() audience=Audience::Public />
                }
                    .into_any()
            },
        )}
    }
}
