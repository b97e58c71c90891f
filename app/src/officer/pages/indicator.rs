use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::nav::OfficerNav;
use crate::officer::api::load_officer_indicator;
use crate::officer::model::IndicatorSplits;
use crate::results::components::{FiguresTable, IndicatorBody};
use crate::results::model::Figure;
use crate::results::model::IndicatorDetail;
use crate::results::paths as results_paths;
use crate::results::paths::Audience;
use crate::shared::components::{show_loaded, PageTitle};
use crate::shared::param;
use crate::shared::Viewer;

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
            |(viewer, d, splits): (Viewer, IndicatorDetail, IndicatorSplits)| {
                let h = d.header.clone();
                view! {
                    <PageTitle text=format!("{}: {}", d.indicator.label, h.wave_name) />
                    <OfficerNav viewer />
                    <a
                        class="back-link"
                        href=results_paths::wave(Audience::Officer, &h.survey_key, &h.wave_key)
                    >
                        {format!("Back to {}", h.wave_name)}
                    </a>
                    <span class="caption">{format!("{}: {}", h.survey_title, h.wave_name)}</span>
                    <h1>{d.indicator.label.clone()}</h1>
                    <IndicatorBody detail=d.clone() audience=Audience::Officer />
                    <SplitTable
                        title="By how answers were given"
                        first="How"
                        rows=splits.by_channel.clone()
                        is_share=splits.is_share
                        threshold=splits.threshold
                    />
                    <SplitTable
                        title="By community group"
                        first="Group"
                        rows=splits.by_group.clone()
                        is_share=splits.is_share
                        threshold=splits.threshold
                    />
                    <SplitTable
                        title="By the language answered in"
                        first="Language"
                        rows=splits.by_language.clone()
                        is_share=splits.is_share
                        threshold=splits.threshold
                    />
                }
                    .into_any()
            },
        )}
    }
}

/// Part of the wave's answers, one row each: the figure computed from those answers alone,
/// withheld below the threshold like any other.
#[component]
fn SplitTable(
    title: &'static str,
    first: &'static str,
    rows: Vec<(String, Figure)>,
    is_share: bool,
    threshold: u32,
) -> impl IntoView {
    (!rows.is_empty()).then(|| {
        let figures = rows
            .into_iter()
            .map(|(label, f)| Figure { label, ..f })
            .collect();
        view! {
            <h2>{title}</h2>
            <FiguresTable
                caption=title.to_string()
                first_column=first
                figures
                is_share
                higher_is_better=true
                threshold
                with_change=false
            />
        }
    })
}
