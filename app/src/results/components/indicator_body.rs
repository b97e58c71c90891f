use leptos::prelude::*;

use super::{
    BarChart, ChangeText, EstimateText, FigureKey, FiguresTable, IntervalText, TileMap, TrendChart,
    WaveNotes,
};
use crate::results::model::{format_value, IndicatorDetail};
use crate::results::paths;
use crate::results::paths::Audience;

/// One indicator in full: headline, ward map, charts and tables by area and breakdown,
/// and the trend across waves.
#[component]
pub fn IndicatorBody(detail: IndicatorDetail, audience: Audience) -> impl IntoView {
    let h = detail.header.clone();
    let ind = detail.indicator.clone();
    let t = h.threshold;
    let s = ind.is_share;
    let better = ind.higher_is_better;
    let survey = h.survey_key.clone();
    let wave = h.wave_key.clone();
    let ward_link = (audience == Audience::Public).then(|| {
        let (survey, wave) = (survey.clone(), wave.clone());
        Callback::new(move |code: String| paths::ward(&survey, &wave, &code))
    });
    let label = ind.label.clone();
    let trend_figures: Vec<_> = detail.trend.iter().map(|p| p.figure.clone()).collect();
    view! {
        <div class="headline">
            <p class="headline-value">
                <EstimateText figure=ind.all.clone() is_share=s threshold=t />
            </p>
            <p>"95% interval: "<IntervalText figure=ind.all.clone() is_share=s /></p>
            <p>
                "Change since baseline: "
                <ChangeText change=ind.all.change higher_is_better=better />
            </p>
            {ind
                .benchmark
                .clone()
                .map(|b| {
                    view! {
                        <p>{format!("Benchmark: {} ({})", format_value(s, b.value), b.label)}</p>
                    }
                })}
            <p class="hint">{if better { "Higher is better." } else { "Lower is better." }}</p>
        </div>
        <WaveNotes header=h.clone() audience />
        <FigureKey threshold=t />

        <h2>"By ward"</h2>
        <TileMap
            id="map".into()
            title=format!("{label}, by ward")
            figures=detail.wards.clone()
            is_share=s
            threshold=t
        />
        <FiguresTable
            caption=format!("{label}, by ward")
            first_column="Ward"
            figures=detail.wards.clone()
            is_share=s
            higher_is_better=better
            threshold=t
            link=ward_link
        />

        <h2>"By area"</h2>
        <BarChart
            id="groups".into()
            title=format!("{label}, by area")
            figures=detail.groups.clone()
            is_share=s
            threshold=t
        />
        <FiguresTable
            caption=format!("{label}, by area")
            first_column="Area"
            figures=detail.groups.clone()
            is_share=s
            higher_is_better=better
            threshold=t
        />

        <h2>"By age band"</h2>
        <BarChart
            id="ages".into()
            title=format!("{label}, by age band")
            figures=detail.ages.clone()
            is_share=s
            threshold=t
        />
        <FiguresTable
            caption=format!("{label}, by age band")
            first_column="Age band"
            figures=detail.ages.clone()
            is_share=s
            higher_is_better=better
            threshold=t
        />

        <h2>"By sex"</h2>
        <BarChart
            id="sexes".into()
            title=format!("{label}, by sex")
            figures=detail.sexes.clone()
            is_share=s
            threshold=t
        />
        <FiguresTable
            caption=format!("{label}, by sex")
            first_column="Sex"
            figures=detail.sexes.clone()
            is_share=s
            higher_is_better=better
            threshold=t
        />

        <h2>"Across waves"</h2>
        <TrendChart
            id="trend".into()
            title=format!("{label}, across waves")
            points=detail.trend.clone()
            is_share=s
        />
        <FiguresTable
            caption=format!("{label}, across waves")
            first_column="Wave"
            figures=trend_figures
            is_share=s
            higher_is_better=better
            threshold=t
        />

        <nav class="other-indicators" aria-label="Other indicators">
            <h2 class="heading-s">"Other indicators"</h2>
            <ul class="list list-columns">
                {detail
                    .others
                    .iter()
                    .map(|(k, l)| {
                        view! {
                            <li>
                                <a href=paths::indicator(
                                    audience,
                                    &survey,
                                    &wave,
                                    k,
                                )>{l.clone()}</a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}
