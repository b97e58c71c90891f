use leptos::prelude::*;

use crate::groups::api::load_group_results;
use crate::groups::model::GroupResultsView;
use crate::officer::pages::nav::OfficerNav;
use crate::results::components::{EstimateText, IntervalText};
use crate::shared::components::{show_loaded, PageTitle};

/// What the group's events collected, and the group's own indicators.
#[component]
pub fn GroupResultsPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| load_group_results());
    view! {
        {show_loaded(
            data,
            |v: GroupResultsView| {
                let threshold = v.threshold;
                view! {
                    <PageTitle text="Your group's results".to_string() />
                    <OfficerNav viewer=v.viewer.clone() />
                    <span class="caption">{v.group_name.clone()}</span>
                    <h1>"Your group's results"</h1>
                    {if v.counts.is_empty() {
                        view! { <p>"No answers have been entered at your events yet."</p> }
                            .into_any()
                    } else {
                        view! {
                            <h2>"Answers collected"</h2>
                            <div
                                class="table-wrap"
                                tabindex="0"
                                role="region"
                                aria-label="Answers collected"
                            >
                                <table class="table" data-testid="group-counts">
                                    <caption class="visually-hidden">
                                        "Answers collected, by event, survey, ward and how they were given"
                                    </caption>
                                    <thead>
                                        <tr>
                                            <th scope="col">"Event"</th>
                                            <th scope="col">"Survey"</th>
                                            <th scope="col">"Ward"</th>
                                            <th scope="col">"How"</th>
                                            <th scope="col" class="num">
                                                "Answers"
                                            </th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {v
                                            .counts
                                            .iter()
                                            .map(|c| {
                                                view! {
                                                    <tr>
                                                        <th scope="row">{c.event.clone()}</th>
                                                        <td>{c.survey.clone()}</td>
                                                        <td>{c.ward.clone()}</td>
                                                        <td>{c.channel.clone()}</td>
                                                        <td class="num">{c.responses}</td>
                                                    </tr>
                                                }
                                            })
                                            .collect_view()}
                                    </tbody>
                                </table>
                            </div>
                        }
                            .into_any()
                    }}
                    {v
                        .waves
                        .iter()
                        .map(|w| {
                            view! {
                                <h2>{w.title.clone()}</h2>
                                <p>
                                    {format!(
                                        "From the {} answers collected at your events. Figures from fewer than {threshold} answers are withheld, as everywhere in Kiln, so that nobody can be picked out.",
                                        w.responses,
                                    )}
                                </p>
                                <div
                                    class="table-wrap"
                                    tabindex="0"
                                    role="region"
                                    aria-label=w.title.clone()
                                >
                                    <table class="table">
                                        <caption class="visually-hidden">{w.title.clone()}</caption>
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
                                            </tr>
                                        </thead>
                                        <tbody>
                                            {w
                                                .indicators
                                                .iter()
                                                .map(|ind| {
                                                    let f = ind.all.clone();
                                                    view! {
                                                        <tr>
                                                            <th scope="row">{ind.label.clone()}</th>
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
                                                        </tr>
                                                    }
                                                })
                                                .collect_view()}
                                        </tbody>
                                    </table>
                                </div>
                            }
                        })
                        .collect_view()}
                }
                    .into_any()
            },
        )}
    }
}
