use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::nav::OfficerNav;
use crate::officer::api::load_fieldwork;
use crate::officer::model::FieldworkView;
use crate::results::paths as results_paths;
use crate::results::paths::Audience;
use crate::shared::components::{show_loaded, PageTitle};
use crate::shared::param;

/// Responses so far by ward and channel, fewest first: where more voices are needed.
#[component]
pub fn FieldworkPage() -> impl IntoView {
    let params = use_params_map();
    let data = Resource::new(
        move || {
            (
                param(&params.read(), "survey"),
                param(&params.read(), "wave"),
            )
        },
        |(s, w)| load_fieldwork(s, w),
    );
    view! {
        {show_loaded(
            data,
            |f: FieldworkView| {
                view! {
                    <PageTitle text=format!("Fieldwork: {}", f.wave_name) />
                    <OfficerNav viewer=f.viewer.clone() />
                    <a
                        class="back-link"
                        href=results_paths::wave(Audience::Officer, &f.survey_key, &f.wave_key)
                    >
                        {format!("Back to {}", f.wave_name)}
                    </a>
                    <span class="caption">{f.survey_title.clone()}</span>
                    <h1>{format!("Fieldwork: {}", f.wave_name)}</h1>
                    <p class="lead">
                        {format!("{} responses so far; {} without a ward.", f.total, f.no_ward)}
                    </p>
                    <p>
                        {format!(
                            "Wards with fewer than {} responses have their figures withheld. They are listed first.",
                            f.threshold,
                        )}
                    </p>
                    <div
                        class="table-wrap"
                        tabindex="0"
                        role="region"
                        aria-label="Responses by ward and channel"
                    >
                        <table class="table">
                            <caption class="table-caption">"Responses by ward and channel"</caption>
                            <thead>
                                <tr>
                                    <th scope="col">"Ward"</th>
                                    <th scope="col">"Area"</th>
                                    <th scope="col" class="num">
                                        "Online"
                                    </th>
                                    <th scope="col" class="num">
                                        "Paper"
                                    </th>
                                    <th scope="col" class="num">
                                        "Community group"
                                    </th>
                                    <th scope="col" class="num">
                                        "Total"
                                    </th>
                                </tr>
                            </thead>
                            <tbody>
                                {f
                                    .rows
                                    .iter()
                                    .map(|r| {
                                        let low = r.total < u64::from(f.threshold);
                                        view! {
                                            <tr class=if low { "row-attention" } else { "" }>
                                                <th scope="row">
                                                    {r.name.clone()}
                                                    {low
                                                        .then(|| view! { <span class="flag">" needs more"</span> })}
                                                </th>
                                                <td>{r.group.clone()}</td>
                                                <td class="num">{r.online}</td>
                                                <td class="num">{r.paper}</td>
                                                <td class="num">{r.group_entered}</td>
                                                <td class="num">{r.total}</td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
                    .into_any()
            },
        )}
    }
}
