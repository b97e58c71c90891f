use leptos::prelude::*;

use super::{ChangeText, EstimateText, IntervalText};
use crate::results::model::{format_value, ResultsOverview};
use crate::results::paths;
use crate::results::paths::Audience;

/// Every indicator of a wave for the whole area, theme by theme.
#[component]
pub fn OverviewBody(overview: ResultsOverview, audience: Audience) -> impl IntoView {
    let h = overview.header.clone();
    let threshold = h.threshold;
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
                            <table class="table">
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
                                        <th scope="col">"Change since baseline"</th>
                                        <th scope="col">"Benchmark"</th>
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
                                                    <td class="num">
                                                        <EstimateText
                                                            figure=f.clone()
                                                            is_share=ind.is_share
                                                            threshold
                                                        />
                                                    </td>
                                                    <td>
                                                        <IntervalText figure=f.clone() is_share=ind.is_share />
                                                    </td>
                                                    <td class="num">
                                                        {f
                                                            .n
                                                            .map(|n| n.to_string())
                                                            .unwrap_or_else(|| "withheld".into())}
                                                    </td>
                                                    <td>
                                                        <ChangeText
                                                            change=f.change
                                                            higher_is_better=ind.higher_is_better
                                                        />
                                                    </td>
                                                    <td>
                                                        {ind
                                                            .benchmark
                                                            .map(|b| {
                                                                format!(
                                                                    "{} ({})",
                                                                    format_value(ind.is_share, b.value),
                                                                    b.label,
                                                                )
                                                            })
                                                            .unwrap_or_else(|| "None entered".into())}
                                                    </td>
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
    }
}
