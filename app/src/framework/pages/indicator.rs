use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::officer_forms::{DueForm, PublishForm, ValueForm};
use super::ShownCell;
use crate::framework::api::{load_framework_indicator, load_officer_framework_indicator};
use crate::framework::components::{JudgementText, SeriesChart, UpdateCard};
use crate::framework::model::IndicatorView;
use crate::framework::paths;
use crate::officer::pages::nav::OfficerNav;
use crate::results::components::tile_map::TileMap;
use crate::results::paths::Audience;
use crate::shared::components::{show_loaded, ErrorSummary, PageTitle, StatusNotice};
use crate::shared::notice::{done, Refusal};
use crate::shared::param;

#[component]
pub fn IndicatorPage() -> impl IntoView {
    let params = use_params_map();
    let data = Resource::new(
        move || param(&params.read(), "key"),
        load_framework_indicator,
    );
    view! {
        {show_loaded(
            data,
            |v: IndicatorView| view! { <IndicatorBody v audience=Audience::Public /> }.into_any(),
        )}
    }
}

#[component]
pub fn OfficerIndicatorPage() -> impl IntoView {
    let params = use_params_map();
    let data = Resource::new(
        move || param(&params.read(), "key"),
        load_officer_framework_indicator,
    );
    view! {
        {show_loaded(
            data,
            |v: IndicatorView| view! { <IndicatorBody v audience=Audience::Officer /> }.into_any(),
        )}
    }
}

#[component]
fn IndicatorBody(v: IndicatorView, audience: Audience) -> impl IntoView {
    let officer = audience == Audience::Officer;
    let r = v.row.clone();
    let refusal = Refusal::of(&v.notice, "value").or_else(|| Refusal::of(&v.notice, "due"));
    let errors = refusal
        .as_ref()
        .map(|x| x.errors.clone())
        .unwrap_or_default();
    let has_errors = !errors.is_empty();
    let done_words = done(&v.notice);
    let overdue = r.overdue;
    let next = r.next_update.clone();
    let series = v.series.clone();
    let chart_title = format!("{} over time", r.title);
    let unpublished = r.unpublished;
    let csrf = v
        .viewer
        .as_ref()
        .map(|x| x.csrf.clone())
        .unwrap_or_default();
    let head = view! {
        <PageTitle text=r.title.clone() error=has_errors />
        {v.viewer.clone().map(|x| view! { <OfficerNav viewer=x /> })}
        <a class="back-link" href=paths::framework(audience)>
            "Back to all indicators"
        </a>
        <ErrorSummary errors />
        <StatusNotice message=done_words />
        <span class="caption">{v.priority.clone()}</span>
        <h1>{r.title.clone()}</h1>
        <p class="lead">{v.definition.clone()}</p>
        <dl class="summary-list">
            <div class="summary-row">
                <dt>"Latest"</dt>
                <dd>
                    <ShownCell shown=r.latest.clone() />
                </dd>
            </div>
            <div class="summary-row">
                <dt>"England"</dt>
                <dd>
                    <ShownCell shown=r.england.clone() />
                </dd>
            </div>
            <div class="summary-row">
                <dt>"Compared with England"</dt>
                <dd>
                    <JudgementText j=r.compared.clone() />
                </dd>
            </div>
            <div class="summary-row">
                <dt>"Trend"</dt>
                <dd>
                    <JudgementText j=r.progress.clone() />
                </dd>
            </div>
            <div class="summary-row">
                <dt>"Next update"</dt>
                <dd>
                    {next.clone().unwrap_or_else(|| "Not set".into())}
                    {overdue.then(|| view! { <strong class="tag tag-overdue">"Overdue"</strong> })}
                </dd>
            </div>
        </dl>
    }
    .into_any();
    let table = view! {
        <SeriesChart id="series".to_string() title=chart_title.clone() rows=series.clone() />
        <div class="table-wrap" tabindex="0" role="region" aria-label=chart_title.clone()>
            <table class="table">
                <caption class="table-caption">{format!("{}: every period", r.title)}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Period"</th>
                        <th scope="col">"Value"</th>
                        <th scope="col">"England"</th>
                        <th scope="col">"Count"</th>
                        <th scope="col">"Note"</th>
                        {officer.then(|| view! { <th scope="col">"Published"</th> })}
                    </tr>
                </thead>
                <tbody>
                    {series
                        .into_iter()
                        .map(|s| {
                            let corrections = s.corrections.clone();
                            view! {
                                <tr>
                                    <th scope="row">{s.period.clone()}</th>
                                    <td>
                                        <ShownCell shown=Some(s.shown.clone()) />
                                    </td>
                                    <td>
                                        {s.england.clone().unwrap_or_else(|| "No figure".into())}
                                    </td>
                                    <td>{s.count.clone().unwrap_or_default()}</td>
                                    <td>
                                        {s.note.clone()}
                                        {(!corrections.is_empty())
                                            .then(|| {
                                                view! {
                                                    <ul class="corrections">
                                                        {corrections
                                                            .into_iter()
                                                            .map(|c| view! { <li>{c}</li> })
                                                            .collect_view()}
                                                    </ul>
                                                }
                                            })}
                                    </td>
                                    {officer
                                        .then(|| {
                                            view! {
                                                <td>{if s.published { "Yes" } else { "Not yet" }}</td>
                                            }
                                        })}
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any();
    let target = view! {
        {v
            .target
            .clone()
            .map(|t| {
                view! {
                    <section aria-labelledby="target-heading">
                        <h2 id="target-heading">"Target"</h2>
                        <p>{t.text.clone()}</p>
                        <p>
                            <JudgementText j=t.status.clone() />
                        </p>
                        <p class="secondary">{t.strategy.clone()}</p>
                    </section>
                }
            })}
    }
    .into_any();
    let wards = view! {
        {v
            .wards
            .clone()
            .map(|w| {
                let city = w.city.clone();
                view! {
                    <section aria-labelledby="wards-heading">
                        <h2 id="wards-heading">{format!("By ward: {}", w.wave_name)}</h2>
                        <p>
                            {format!(
                                "The whole city: {city}. A ward is marked better or worse than the city only when the city's figure lies outside the ward's 99.8% interval, so that with 34 wards chance alone rarely marks one. Wards with fewer than {} answers are withheld.",
                                w.threshold,
                            )}
                        </p>
                        <TileMap
                            id="ward-map".to_string()
                            title=format!("{} by ward", r.title)
                            figures=w.figures.clone()
                            is_share=w.is_share
                            threshold=w.threshold
                        />
                        <div
                            class="table-wrap"
                            tabindex="0"
                            role="region"
                            aria-label="Wards compared with the city"
                        >
                            <table class="table">
                                <caption class="table-caption">
                                    "Wards compared with the city (99.8% limits)"
                                </caption>
                                <thead>
                                    <tr>
                                        <th scope="col">"Ward"</th>
                                        <th scope="col">"Value"</th>
                                        <th scope="col">"Compared with the city"</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {w
                                        .compared
                                        .iter()
                                        .map(|(name, text, j)| {
                                            view! {
                                                <tr>
                                                    <th scope="row">{name.clone()}</th>
                                                    <td>{text.clone()}</td>
                                                    <td>
                                                        <JudgementText j=j.clone() />
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
            })}
    }
    .into_any();
    let about = view! {
        <section aria-labelledby="about-heading">
            <h2 id="about-heading">"About this indicator"</h2>
            <dl class="summary-list">
                <div class="summary-row">
                    <dt>"Which way is better"</dt>
                    <dd>{v.polarity.clone()}</dd>
                </div>
                <div class="summary-row">
                    <dt>"Source"</dt>
                    <dd>
                        <a href=v.source_url.clone()>{v.publisher.clone()}</a>
                    </dd>
                </div>
                <div class="summary-row">
                    <dt>"Licence"</dt>
                    <dd>{v.licence.clone()}</dd>
                </div>
                <div class="summary-row">
                    <dt>"Updated"</dt>
                    <dd>{v.frequency.clone()}</dd>
                </div>
                <div class="summary-row">
                    <dt>"Caveats"</dt>
                    <dd>{v.caveats.clone()}</dd>
                </div>
            </dl>
        </section>
    }
    .into_any();
    let updates = view! {
        {(!v.updates.is_empty())
            .then(|| {
                view! {
                    <section aria-labelledby="updates-heading">
                        <h2 id="updates-heading">"You said, we did"</h2>
                        {v
                            .updates
                            .clone()
                            .into_iter()
                            .map(|u| view! { <UpdateCard u /> })
                            .collect_view()}
                    </section>
                }
            })}
    }
    .into_any();
    let officer_forms = view! {
        {officer
            .then(|| {
                let key = r.key.clone();
                view! {
                    <p>
                        <a href=paths::definition(
                            &key,
                        )>"Change the definition, source or target"</a>
                    </p>
                    <PublishForm key=key.clone() unpublished csrf=csrf.clone() />
                    <ValueForm
                        key=key.clone()
                        areas=v.areas.clone()
                        refusal=Refusal::of(&v.notice, "value")
                        csrf=csrf.clone()
                    />
                    <DueForm
                        key=key
                        due=v.next_update_iso.clone()
                        refusal=Refusal::of(&v.notice, "due")
                        csrf=csrf.clone()
                    />
                }
            })}
    }
    .into_any();
    view! {
        {head}
        {table}
        {target}
        {wards}
        {about}
        {updates}
        {officer_forms}
    }
}
