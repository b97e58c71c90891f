use leptos::prelude::*;

use super::{ChangeText, EstimateText, FigureKey, IntervalText};
use crate::results::model::{format_value, ResultsOverview};
use crate::results::paths;
use crate::results::paths::Audience;

/// Every indicator of a wave for the whole area, theme by theme.
#[component]
pub fn OverviewBody(
    overview: ResultsOverview,
    audience: Audience,
    /// What the interval, a low base and a withheld figure mean, after the tables (the
    /// annual report says it once at its top instead).
    #[prop(default = true)]
    with_key: bool,
) -> impl IntoView {
    let h = overview.header.clone();
    let threshold = h.threshold;
    // Columns empty in every row (a baseline has no change; benchmarks may not be set) are
    // left out rather than filled with "Not available".
    let all = || overview.themes.iter().flat_map(|t| t.indicators.iter());
    let has_change = all().any(|i| i.all.change.is_some());
    let has_benchmark = all().any(|i| i.benchmark.is_some());
    view! {
        {overview
            .themes
            .into_iter()
            .map(|theme| {
                let h = h.clone();
                view! {
                    <section class="theme">
                        <div
                            class="table-wrap"
                            tabindex="0"
                            role="region"
                            aria-label=theme.title.clone()
                        >
                            <table class="table table-stack">
                                <caption class="table-caption table-caption-m">
                                    {theme.title.clone()}
                                </caption>
                                <thead>
                                    <tr>
                                        <th scope="col">"Indicator"</th>
                                        <th scope="col" class="num">
                                            "Estimate"
                                        </th>
                                        <th scope="col">"95% interval"</th>
                                        <th scope="col" class="num">
                                            "Answers (n)"
                                        </th>
                                        {has_change
                                            .then(|| {
                                                view! { <th scope="col">"Change since baseline"</th> }
                                            })}
                                        {has_benchmark
                                            .then(|| view! { <th scope="col">"Benchmark"</th> })}
                                    </tr>
                                </thead>
                                <tbody>
                                    {theme
                                        .indicators
                                        .into_iter()
                                        .map(|ind| {
                                            let href = paths::indicator(
                                                audience,
                                                &h.survey_key,
                                                &h.wave_key,
                                                &ind.key,
                                            );
                                            let f = ind.all.clone();
                                            view! {
                                                <tr>
                                                    <th scope="row">
                                                        <a href=href>{ind.label.clone()}</a>
                                                    </th>
                                                    <td class="num" data-label="Estimate">
                                                        <EstimateText
                                                            figure=f.clone()
                                                            is_share=ind.is_share
                                                            threshold
                                                        />
                                                    </td>
                                                    <td data-label="95% interval">
                                                        <IntervalText figure=f.clone() is_share=ind.is_share />
                                                    </td>
                                                    <td class="num" data-label="Answers (n)">
                                                        {f
                                                            .n
                                                            .map(|n| n.to_string())
                                                            .unwrap_or_else(|| "withheld".into())}
                                                    </td>
                                                    {has_change
                                                        .then(|| {
                                                            view! {
                                                                <td data-label="Change since baseline">
                                                                    <ChangeText
                                                                        change=f.change
                                                                        higher_is_better=ind.higher_is_better
                                                                    />
                                                                </td>
                                                            }
                                                        })}
                                                    {has_benchmark
                                                        .then(|| {
                                                            view! {
                                                                <td data-label="Benchmark">
                                                                    {ind
                                                                        .benchmark
                                                                        .clone()
                                                                        .map(|b| {
                                                                            format!(
                                                                                "{} ({})",
                                                                                format_value(ind.is_share, b.value),
                                                                                b.label,
                                                                            )
                                                                        })
                                                                        .unwrap_or_else(|| "None entered".into())}
                                                                </td>
                                                            }
                                                        })}
                                                </tr>
                                            }
                                        })
                                        .collect_view()}
                                </tbody>
                            </table>
                        </div>
                    </section>
                }
            })
            .collect_view()}
        {with_key.then(|| view! { <FigureKey threshold /> })}
    }
}
