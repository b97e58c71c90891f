use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::results::api::load_annual_report;
use crate::results::components::{OverviewBody, WaveNotes};
use crate::results::model::{format_value, AnnualReport, Figure, ReportSection};
use crate::results::paths;
use crate::results::paths::Audience;
use crate::shared::components::{show_loaded, PageTitle};

/// The annual report for a year: for each survey, the headline indicators with change since
/// the baseline, then the same indicators ward by ward. Laid out to print on A4.
#[component]
pub fn AnnualReportPage() -> impl IntoView {
    let params = use_params_map();
    let data = Resource::new(
        move || {
            params
                .read()
                .get("year")
                .and_then(|y| y.parse::<i32>().ok())
                .unwrap_or(0)
        },
        load_annual_report,
    );
    view! {
        {show_loaded(
            data,
            |r: AnnualReport| {
                let year = r.year;
                let others: Vec<i32> = r.years.iter().copied().filter(|y| *y != year).collect();
                view! {
                    <PageTitle text=format!("Annual report {year}") />
                    <a class="back-link" href=paths::RESULTS>
                        "All results"
                    </a>
                    <div class="report">
                        <span class="caption">"Resident surveys"</span>
                        <h1>{format!("Annual report {year}")}</h1>
                        <p class="lead">
                            "How residents say they are doing: the headline indicators for the whole area, the change since the baseline survey, and each ward."
                        </p>
                        <p class="report-key">
                            "In the ward tables, "<strong>"[c]"</strong>
                            " means the figure is withheld because it comes from too few answers to publish, and "
                            <strong>"[u]"</strong>
                            " marks a figure from fewer than 30 answers, which may be unreliable. Percentages are of those who answered. The 95% interval is the range the figure for everyone in the area most likely lies in: the people who answered are a sample."
                        </p>
                        {r
                            .sections
                            .into_iter()
                            .map(|s| view! { <ReportSurvey section=s /> })
                            .collect_view()}
                        <ReportFramework priorities=r.framework.clone() />
                        <ReportUpdates updates=r.updates.clone() year />
                        <p>
                            <a href=paths::METHODOLOGY>"How the figures are worked out"</a>
                        </p>
                        {(!others.is_empty())
                            .then(|| {
                                view! {
                                    <nav class="report-years" aria-label="Other years">
                                        <h2 class="heading-s">"Other years"</h2>
                                        <ul class="list">
                                            {others
                                                .into_iter()
                                                .map(|y| {
                                                    view! {
                                                        <li>
                                                            <a href=paths::annual_report(
                                                                y,
                                                            )>{format!("Annual report {y}")}</a>
                                                        </li>
                                                    }
                                                })
                                                .collect_view()}
                                        </ul>
                                    </nav>
                                }
                            })}
                    </div>
                }
                    .into_any()
            },
        )}
    }
}

#[component]
fn ReportSurvey(section: ReportSection) -> impl IntoView {
    let h = section.headline.header.clone();
    let caption = format!(
        "{}: headline indicators by ward, {}",
        h.survey_title, h.wave_name
    );
    view! {
        <section class="report-survey">
            <h2>{h.survey_title.clone()}</h2>
            <p>
                {format!("From the {} wave. ", h.wave_name)}
                <a href=paths::wave(
                    Audience::Public,
                    &h.survey_key,
                    &h.wave_key,
                )>{format!("Every indicator of {}", h.wave_name)}</a>
            </p>
            <WaveNotes header=h.clone() audience=Audience::Public />
            <h3>"Headline indicators"</h3>
            <OverviewBody
                overview=section.headline.clone()
                audience=Audience::Public
                with_key=false
            />
            <h3>"By ward"</h3>
            <WardTable section caption />
        </section>
    }
    .into_any()
}

/// Rows of wards, a column per headline indicator, the whole area at the foot.
#[component]
fn WardTable(section: ReportSection, caption: String) -> impl IntoView {
    let h = section.headline.header.clone();
    let columns = section.columns.clone();
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=caption.clone()>
            <table class="table table-report">
                <caption class="table-caption">{caption.clone()}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Ward"</th>
                        {columns
                            .iter()
                            .map(|c| {
                                view! {
                                    <th scope="col" class="num">
                                        {c.label.clone()}
                                    </th>
                                }
                            })
                            .collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {section
                        .wards
                        .into_iter()
                        .map(|w| {
                            let href = paths::ward(&h.survey_key, &h.wave_key, &w.code);
                            view! {
                                <tr>
                                    <th scope="row">
                                        <a href=href>{w.name.clone()}</a>
                                        <span class="hint report-group">{w.group.clone()}</span>
                                    </th>
                                    {w
                                        .figures
                                        .iter()
                                        .zip(&columns)
                                        .map(|(f, c)| {
                                            view! { <td class="num">{cell_text(f, c.is_share)}</td> }
                                        })
                                        .collect_view()}
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
                <tfoot>
                    <tr>
                        <th scope="row">"All areas"</th>
                        {columns
                            .iter()
                            .map(|c| view! { <td class="num">{cell_text(&c.all, c.is_share)}</td> })
                            .collect_view()}
                    </tr>
                </tfoot>
            </table>
        </div>
    }
    .into_any()
}

/// A ward table cell: the figure, "[c]" when withheld, "[u]" after a low-base figure.
fn cell_text(f: &Figure, is_share: bool) -> String {
    match f.value {
        Some(v) if f.low_base => format!("{} [u]", format_value(is_share, v)),
        Some(v) => format_value(is_share, v),
        None => "[c]".into(),
    }
}

/// The wellbeing framework in the report: each priority's indicators with the baseline, the
/// latest figure, England, the trend and the target.
#[component]
fn ReportFramework(priorities: Vec<crate::framework::model::ReportPriority>) -> impl IntoView {
    (!priorities.is_empty()).then(|| {
        view! {
            <section class="report-section" aria-labelledby="framework-heading">
                <h2 id="framework-heading">"The wellbeing framework"</h2>
                <p>
                    "The council's core set of indicators, from its surveys and published statistics. "
                    <a href=crate::framework::paths::FRAMEWORK>
                        "Each indicator, with its chart and source"
                    </a>
                </p>
                // One table, a group of rows per priority: six tables' captions and headings
                // would take a printed page of their own.
                <div
                    class="table-wrap"
                    tabindex="0"
                    role="region"
                    aria-label="The wellbeing framework"
                >
                    <table class="table table-report table-framework-report">
                        <caption class="table-caption">
                            "The wellbeing framework: each priority's indicators"
                        </caption>
                        <thead>
                            <tr>
                                <th scope="col">"Indicator"</th>
                                <th scope="col">"Baseline"</th>
                                <th scope="col">"Latest"</th>
                                <th scope="col">"England"</th>
                                <th scope="col">"Trend"</th>
                                <th scope="col">"Target"</th>
                            </tr>
                        </thead>
                        {priorities
                            .into_iter()
                            .map(|p| {
                                view! {
                                    <tbody>
                                        <tr class="table-group">
                                            <th scope="rowgroup" colspan="6">
                                                {p.title.clone()}
                                            </th>
                                        </tr>
                                        {p
                                            .rows
                                            .into_iter()
                                            .map(|r| {
                                                view! {
                                                    <tr>
                                                        <th scope="row">{r.title}</th>
                                                        <td>{r.baseline}</td>
                                                        <td>{r.latest}</td>
                                                        <td>{r.england}</td>
                                                        <td>{r.progress}</td>
                                                        <td>{r.target}</td>
                                                    </tr>
                                                }
                                            })
                                            .collect_view()}
                                    </tbody>
                                }
                            })
                            .collect_view()}
                    </table>
                </div>
            </section>
        }
        .into_any()
    })
}

/// "You said, we did": the year's updates.
#[component]
fn ReportUpdates(updates: Vec<crate::framework::model::UpdateView>, year: i32) -> impl IntoView {
    view! {
        <section class="report-section" aria-labelledby="updates-heading">
            <h2 id="updates-heading">{format!("You said, we did: {year}")}</h2>
            {if updates.is_empty() {
                view! { <p>"No updates were published this year."</p> }.into_any()
            } else {
                updates
                    .into_iter()
                    .map(|u| view! { <crate::framework::components::UpdateCard u /> })
                    .collect_view()
                    .into_any()
            }}
        </section>
    }
}
