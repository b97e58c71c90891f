use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::framework::components::judgement::JudgementText;
use crate::results::api::load_ward;
use crate::results::components::{ChangeText, EstimateText, FigureKey, IntervalText};
use crate::results::model::WardReport;
use crate::results::paths;
use crate::results::paths::Audience;
use crate::shared::components::{show_loaded, PageTitle};
use crate::shared::param;

/// "How is my ward doing": every indicator for one ward beside the whole area. Reached
/// from a ward link, or by choosing a ward (a GET form, so it works without JavaScript).
#[component]
pub fn WardPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let data = Resource::new(
        move || {
            let p = params.read();
            let code = p
                .get("code")
                .or_else(|| query.read().get("ward"))
                .unwrap_or_default();
            (param(&p, "survey"), param(&p, "wave"), code)
        },
        |(s, w, c)| load_ward(s, w, c),
    );
    view! {
        {show_loaded(
            data,
            |r: WardReport| {
                let h = r.header.clone();
                let updates = r.updates.clone();
                let t = h.threshold;
                let chooser = paths::wards(&h.survey_key, &h.wave_key);
                let has_change = r.rows.iter().any(|row| row.ward.change.is_some());
                // A baseline has no change to show: no column of "Not available".
                view! {
                    <PageTitle text=format!("{}: {}", r.ward_name, h.wave_name) />
                    <a
                        class="back-link"
                        href=paths::wave(Audience::Public, &h.survey_key, &h.wave_key)
                    >
                        {format!("Back to {}", h.wave_name)}
                    </a>
                    <span class="caption">{format!("{}: {}", h.survey_title, h.wave_name)}</span>
                    <h1>{format!("How is {} doing?", r.ward_name)}</h1>
                    <p class="lead">{format!("Ward in {}.", r.group_name)}</p>
                    <form method="get" action=chooser class="ward-chooser">
                        <label class="label" for="ward">
                            "Choose another ward"
                        </label>
                        <select class="select" id="ward" name="ward">
                            {r
                                .wards
                                .iter()
                                .map(|(c, n)| {
                                    let sel = *c == r.ward_code;
                                    view! {
                                        <option value=c.clone() selected=sel>
                                            {n.clone()}
                                        </option>
                                    }
                                })
                                .collect_view()}
                        </select>
                        <button class="button button-secondary" type="submit">
                            "Show ward"
                        </button>
                    </form>
                    <div
                        class="table-wrap"
                        tabindex="0"
                        role="region"
                        aria-label="Indicators for this ward"
                    >
                        <table class="table table-stack">
                            <caption class="table-caption">
                                {format!("{} compared with the whole area", r.ward_name)}
                            </caption>
                            <thead>
                                <tr>
                                    <th scope="col">"Indicator"</th>
                                    <th scope="col" class="num">
                                        "This ward"
                                    </th>
                                    <th scope="col">"95% interval"</th>
                                    <th scope="col" class="num">
                                        "Whole area"
                                    </th>
                                    <th scope="col">"Compared with the whole area"</th>
                                    {has_change
                                        .then(|| {
                                            view! { <th scope="col">"Change since baseline"</th> }
                                        })}
                                </tr>
                            </thead>
                            <tbody>
                                {r
                                    .rows
                                    .iter()
                                    .map(|row| {
                                        let s = row.indicator.is_share;
                                        view! {
                                            <tr>
                                                <th scope="row">
                                                    <a href=paths::indicator(
                                                        Audience::Public,
                                                        &h.survey_key,
                                                        &h.wave_key,
                                                        &row.indicator.key,
                                                    )>{row.indicator.label.clone()}</a>
                                                </th>
                                                <td class="num" data-label="This ward">
                                                    <EstimateText
                                                        figure=row.ward.clone()
                                                        is_share=s
                                                        threshold=t
                                                    />
                                                </td>
                                                <td data-label="95% interval">
                                                    <IntervalText figure=row.ward.clone() is_share=s />
                                                </td>
                                                <td class="num" data-label="Whole area">
                                                    <EstimateText
                                                        figure=row.indicator.all.clone()
                                                        is_share=s
                                                        threshold=t
                                                    />
                                                </td>
                                                <td data-label="Compared with the whole area">
                                                    <JudgementText j=row.against_all.clone() />
                                                </td>
                                                {has_change
                                                    .then(|| {
                                                        view! {
                                                            <td data-label="Change since baseline">
                                                                <ChangeText
                                                                    change=row.ward.change
                                                                    higher_is_better=row.indicator.higher_is_better
                                                                />
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
                    <p class="hint">
                        "A ward differs from the whole area when the whole area's figure lies outside the ward's 99.8% limits, a stricter test than the 95% interval so that comparing every ward does not flag one or two by chance alone. "
                        <a href=paths::METHODOLOGY>"How the comparison is made"</a>
                    </p>
                    <FigureKey threshold=t />
                    {(!updates.is_empty())
                        .then(|| {
                            view! {
                                <section aria-labelledby="ward-updates-heading">
                                    <h2 id="ward-updates-heading">"You said, we did"</h2>
                                    {updates
                                        .into_iter()
                                        .map(|u| {
                                            view! { <crate::framework::components::UpdateCard u /> }
                                        })
                                        .collect_view()}
                                </section>
                            }
                        })}
                }
                    .into_any()
            },
        )}
    }
}
