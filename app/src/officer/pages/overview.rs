use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::nav::OfficerNav;
use crate::admin::paths as admin_paths;
use crate::officer::api::load_officer_overview;
use crate::officer::model::OfficerOverview;
use crate::officer::paths;
use crate::results::components::{OverviewBody, WaveNotes};
use crate::results::paths as results_paths;
use crate::results::paths::{Audience, Format};
use crate::shared::components::{show_loaded, PageTitle, StatusNotice};
use crate::shared::param;

fn done_message(action: &str) -> Option<&'static str> {
    Some(match action {
        "open" => "The wave is open for responses.",
        "close" => "The wave is closed to responses.",
        "baseline" => "This wave is now the baseline.",
        "weighting_on" => "Weighting is on.",
        "weighting_off" => "Weighting is off.",
        "publish" => "The wave is published: anyone can now see its results. It takes no more responses, so the published figures cannot change.",
        "unpublish" => "The wave is no longer published.",
        _ => return None,
    })
}

/// A wave's indicators by theme, with wave management and downloads.
#[component]
pub fn OfficerOverviewPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let data = Resource::new(
        move || {
            (
                param(&params.read(), "survey"),
                param(&params.read(), "wave"),
            )
        },
        |(s, w)| load_officer_overview(s, w),
    );
    view! {
        {show_loaded(
            data,
            move |o: OfficerOverview| {
                let q = query.read_untracked();
                let done = q.get("done").and_then(|d| done_message(&d));
                let error = q
                    .get("error")
                    .map(|e| match e.as_str() {
                        "no_population" => {
                            "Weighting needs population totals. An administrator can upload them on the Areas and population page."
                        }
                        "published" => {
                            "A published wave cannot take responses: they would change figures already public. Withdraw it from publication first."
                        }
                        _ => "That change could not be made.",
                    });
                let h = o.results.header.clone();
                let (s, w) = (h.survey_key.clone(), h.wave_key.clone());
                let csrf = o.viewer.csrf.clone();
                let action = paths::wave_change(&s, &w);
                let button = move |value: &'static str, text: &'static str| {
                    let (csrf, action) = (csrf.clone(), action.clone());
                    view! {
                        <form method="post" action=action class="inline-form">
                            <input type="hidden" name="csrf" value=csrf />
                            <input type="hidden" name="action" value=value />
                            <button class="button button-secondary" type="submit">
                                {text}
                            </button>
                        </form>
                    }
                };
                view! {
                    <PageTitle text=format!("{}: {}", h.survey_title, h.wave_name) />
                    <OfficerNav viewer=o.viewer.clone() />
                    <StatusNotice message=done.map(str::to_string) />
                    {error
                        .map(|m| {
                            view! {
                                <div class="notice notice-error" role="alert">
                                    {m}
                                </div>
                            }
                        })}
                    <span class="caption">{h.survey_title.clone()}</span>
                    <h1>{h.wave_name.clone()}</h1>
                    <p>
                        <strong class="tag">
                            {if h.published { "Published" } else { "Not published" }}
                        </strong>
                        " "
                        <strong class="tag tag-grey">
                            {if h.open { "Open for responses" } else { "Closed" }}
                        </strong>
                        {h
                            .is_baseline
                            .then(|| {
                                view! {
                                    " "
                                    <strong class="tag tag-grey">"Baseline"</strong>
                                }
                            })}
                    </p>
                    {o
                        .last_publication
                        .clone()
                        .map(|l| view! { <p data-testid="last-publication">{l}</p> })}
                    <WaveNotes header=h.clone() audience=Audience::Officer />
                    <section class="card" aria-labelledby="manage-title">
                        <h2 id="manage-title">"Manage this wave"</h2>
                        <div class="button-group">
                            // Both first say what will change (the publication page).
                            <a class="button button-secondary" href=paths::publication(&s, &w)>
                                {if h.published {
                                    "Withdraw from publication"
                                } else {
                                    "Publish results"
                                }}
                            </a>
                            {if h.open {
                                button("close", "Close to responses").into_any()
                            } else {
                                button("open", "Open for responses").into_any()
                            }}
                            {(!h.is_baseline).then(|| button("baseline", "Make this the baseline"))}
                            {if h.weighted {
                                button("weighting_off", "Turn weighting off").into_any()
                            } else {
                                button("weighting_on", "Turn weighting on").into_any()
                            }}
                        </div>
                        <h3>"Downloads"</h3>
                        <ul class="list">
                            <li>
                                <a
                                    href=results_paths::export(
                                        Audience::Officer,
                                        &s,
                                        &w,
                                        Format::Csv,
                                    )
                                    download
                                    rel="external"
                                >
                                    "Indicators (CSV)"
                                </a>
                            </li>
                            <li>
                                <a
                                    href=results_paths::export(
                                        Audience::Officer,
                                        &s,
                                        &w,
                                        Format::Xlsx,
                                    )
                                    download
                                    rel="external"
                                >
                                    "Indicators (Excel)"
                                </a>
                            </li>
                            {o
                                .viewer
                                .is_admin
                                .then(|| {
                                    view! {
                                        <li>
                                            <a
                                                href=admin_paths::raw_responses(&s, &w)
                                                download
                                                rel="external"
                                            >
                                                "Raw responses (CSV, administrators only; recorded in the audit log)"
                                            </a>
                                        </li>
                                    }
                                })}
                            <li>
                                <a href=paths::fieldwork(
                                    &s,
                                    &w,
                                )>"Fieldwork: responses by ward and channel"</a>
                            </li>
                        </ul>
                    </section>
                    <h2>"Indicators"</h2>
                    <OverviewBody overview=o.results.clone() audience=Audience::Officer />
                }
                    .into_any()
            },
        )}
    }
}
