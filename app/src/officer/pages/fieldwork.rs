use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::invitations::{invitation_errors, InvitationsSection};
use super::nav::OfficerNav;
use crate::officer::api::load_fieldwork;
use crate::officer::model::FieldworkView;
use crate::results::paths as results_paths;
use crate::results::paths::Audience;
use crate::shared::components::{show_loaded, ErrorSummary, PageTitle};
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
                let errors = invitation_errors(&f.invitations);
                let has_errors = !errors.is_empty();
                view! {
                    <PageTitle text=format!("Fieldwork: {}", f.wave_name) error=has_errors />
                    <OfficerNav viewer=f.viewer.clone() />
                    <a
                        class="back-link"
                        href=results_paths::wave(Audience::Officer, &f.survey_key, &f.wave_key)
                    >
                        {format!("Back to {}", f.wave_name)}
                    </a>
                    <ErrorSummary errors />
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
                    <h2 id="by-group">"By community group and channel"</h2>
                    <div
                        class="table-wrap"
                        tabindex="0"
                        role="region"
                        aria-label="Responses by community group and channel"
                    >
                        <table class="table" data-testid="by-group">
                            <caption class="visually-hidden">
                                "Responses by community group and channel"
                            </caption>
                            <thead>
                                <tr>
                                    <th scope="col">"Group"</th>
                                    <th scope="col">"How"</th>
                                    <th scope="col" class="num">
                                        "Responses"
                                    </th>
                                </tr>
                            </thead>
                            <tbody>
                                {f
                                    .by_group
                                    .iter()
                                    .map(|r| {
                                        view! {
                                            <tr>
                                                <th scope="row">{r.group.clone()}</th>
                                                <td>{r.channel.clone()}</td>
                                                <td class="num">{r.responses}</td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    </div>
                    <InvitationsSection
                        v=f.invitations.clone()
                        survey_key=f.survey_key.clone()
                        wave_key=f.wave_key.clone()
                        csrf=f.viewer.csrf.clone()
                    />
                    <PanelSection panel=f.panel.clone() />
                }
                    .into_any()
            },
        )}
    }
}

/// The residents' panel beside the population, so officers see whom to invite more of.
#[component]
fn PanelSection(panel: crate::officer::model::PanelMakeUp) -> impl IntoView {
    view! {
        <h2 id="panel">"The residents' panel"</h2>
        <p>
            {format!(
                "{} confirmed members. Each table counts the members who answered that question; shares are of them. ",
                panel.members,
            )}
            {if panel.population {
                "Flagged rows have under two thirds of their share of residents: invite more of them."
            } else {
                "Load population totals (Areas) to compare the panel with the residents."
            }}
        </p>
        {panel
            .tables
            .into_iter()
            .map(|t| {
                let caption = format!(
                    "Panel members by {} ({} did not say)",
                    t.by.to_lowercase(),
                    t.not_said,
                );
                view! {
                    <div class="table-wrap" tabindex="0" role="region" aria-label=caption.clone()>
                        <table class="table" data-testid="panel-make-up">
                            <caption class="table-caption">{caption.clone()}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{t.by.clone()}</th>
                                    <th scope="col" class="num">
                                        "Members"
                                    </th>
                                    <th scope="col" class="num">
                                        "Share of panel"
                                    </th>
                                    <th scope="col" class="num">
                                        "Share of residents"
                                    </th>
                                </tr>
                            </thead>
                            <tbody>
                                {t
                                    .rows
                                    .into_iter()
                                    .map(|r| {
                                        view! {
                                            <tr>
                                                <th scope="row">
                                                    {r.label.clone()}
                                                    {r
                                                        .under
                                                        .then(|| {
                                                            view! { <span class="flag">" under-represented"</span> }
                                                        })}
                                                </th>
                                                <td class="num">{r.members}</td>
                                                <td class="num">{r.share.clone()}</td>
                                                <td class="num">{r.population_share.clone()}</td>
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
}
