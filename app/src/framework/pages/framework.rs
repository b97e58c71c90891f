use leptos::prelude::*;

use super::officer_forms::UploadForm;
use super::ShownCell;
use crate::framework::api::{load_framework, load_officer_framework};
use crate::framework::components::{JudgementText, Spark, UpdateCard};
use crate::framework::model::{FrameworkView, Row};
use crate::framework::paths;
use crate::officer::pages::nav::OfficerNav;
use crate::results::paths::Audience;
use crate::shared::components::{show_loaded, PageTitle};

#[component]
pub fn FrameworkPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| load_framework());
    view! {
        {show_loaded(
            data,
            |f: FrameworkView| view! { <FrameworkBody f audience=Audience::Public /> }.into_any(),
        )}
    }
}

#[component]
pub fn OfficerFrameworkPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| load_officer_framework());
    view! {
        {show_loaded(
            data,
            |f: FrameworkView| view! { <FrameworkBody f audience=Audience::Officer /> }.into_any(),
        )}
    }
}

/// One indicator as a table row; on a phone each row stacks into a card, every cell
/// labelled by its column (`data-label`).
#[component]
fn RowView(r: Row, audience: Audience) -> impl IntoView {
    let href = paths::indicator(audience, &r.key);
    let label = r.title.clone();
    view! {
        <tr>
            <th scope="row" data-label="Indicator">
                <a href=href>{r.title.clone()}</a>
                {r.from_survey.then(|| view! { <span class="tag">"Resident survey"</span> })}
                {(r.unpublished > 0)
                    .then(|| {
                        view! {
                            <span class="tag tag-draft">
                                {format!("{} unpublished", r.unpublished)}
                            </span>
                        }
                    })}
            </th>
            <td data-label="Latest">
                <ShownCell shown=r.latest.clone() />
            </td>
            <td data-label="England">
                <ShownCell shown=r.england.clone() />
            </td>
            <td data-label="Compared with England">
                <JudgementText j=r.compared.clone() />
            </td>
            <td data-label="Trend">
                <JudgementText j=r.progress.clone() />
            </td>
            <td data-label="Target">
                {match r.target.clone() {
                    Some(t) => view! { <JudgementText j=t /> }.into_any(),
                    None => view! { <span class="secondary">"No target"</span> }.into_any(),
                }}
            </td>
            <td data-label="Over time">
                <Spark points=r.spark.clone() label />
            </td>
        </tr>
    }
}

#[component]
fn FrameworkBody(f: FrameworkView, audience: Audience) -> impl IntoView {
    let officer = audience == Audience::Officer;
    let title = format!("How is {} doing?", f.place);
    let upload = f.upload.clone();
    let viewer = f.viewer.clone();
    let latest_updates: Vec<_> = f.updates.iter().take(3).cloned().collect();
    let head = view! {
        <PageTitle text=title.clone() />
        {viewer.clone().map(|v| view! { <OfficerNav viewer=v /> })}
        {officer
            .then(|| {
                view! { <span class="caption">"Officers' view: unpublished values included"</span> }
            })}
        <h1>{title}</h1>
        <p class="lead">
            "The council's core set of wellbeing indicators, for each of the six priorities of its Corporate Strategy: the latest figure beside England's, whether it is better or worse, how it is changing, and progress towards any target."
        </p>
        <p>
            "Some figures are national statistics for the city, some are the council's own, and some come from its resident surveys. Comparisons use each figure's 95% interval, the method of the Office for Health Improvement and Disparities (Fingertips). Figures marked illustrative are made up for this demonstration."
        </p>
        <nav aria-label="Priorities" class="contents">
            <ul class="list">
                {f
                    .priorities
                    .iter()
                    .map(|p| {
                        view! {
                            <li>
                                <a href=format!("#{}", p.key)>{p.title.clone()}</a>
                            </li>
                        }
                    })
                    .collect_view()} <li>
                    <a href="#you-said-we-did">"You said, we did"</a>
                </li>
            </ul>
        </nav>
    }
    .into_any();
    let officer_block = view! {
        {officer
            .then(|| {
                view! {
                    <OfficerBlock
                        due=f.due.clone()
                        upload=upload.clone()
                        csrf=viewer.as_ref().map(|v| v.csrf.clone()).unwrap_or_default()
                    />
                }
                    .into_any()
            })}
    }
    .into_any();
    let priorities = view! {
        {f
            .priorities
            .iter()
            .map(|p| {
                let rows = p.rows.clone();
                let heading_id = format!("{}-heading", p.key);
                view! {
                    <section class="theme" id=p.key.clone() aria-labelledby=heading_id.clone()>
                        <h2 id=heading_id.clone()>{p.title.clone()}</h2>
                        {if rows.is_empty() {
                            view! { <p>"No indicators yet."</p> }.into_any()
                        } else {
                            view! {
                                <div
                                    class="table-wrap"
                                    tabindex="0"
                                    role="region"
                                    aria-label=format!("{} indicators", p.title)
                                >
                                    <table class="table framework-table">
                                        <caption class="visually-hidden">
                                            {format!(
                                                "{}: each indicator's latest figure, England, the comparison, trend and target",
                                                p.title,
                                            )}
                                        </caption>
                                        <thead>
                                            <tr>
                                                <th scope="col">"Indicator"</th>
                                                <th scope="col">"Latest"</th>
                                                <th scope="col">"England"</th>
                                                <th scope="col">"Compared with England"</th>
                                                <th scope="col">"Trend"</th>
                                                <th scope="col">"Target"</th>
                                                <th scope="col">"Over time"</th>
                                            </tr>
                                        </thead>
                                        <tbody>
                                            {rows
                                                .into_iter()
                                                .map(|r| view! { <RowView r audience /> })
                                                .collect_view()}
                                        </tbody>
                                    </table>
                                </div>
                            }
                                .into_any()
                        }}
                    </section>
                }
                    .into_any()
            })
            .collect_view()}
    }
    .into_any();
    let updates = view! {
        <section id="you-said-we-did" aria-labelledby="updates-heading">
            <h2 id="updates-heading">"You said, we did"</h2>
            {if latest_updates.is_empty() {
                view! { <p>"No updates have been published yet."</p> }.into_any()
            } else {
                latest_updates
                    .into_iter()
                    .map(|u| view! { <UpdateCard u /> })
                    .collect_view()
                    .into_any()
            }}
            <p>
                <a href=paths::UPDATES>"Every update"</a>
            </p>
        </section>
    }
    .into_any();
    let open_data = view! {
        <section aria-labelledby="data-heading">
            <h2 id="data-heading">"Open data"</h2>
            <ul class="list">
                <li>
                    <a href=paths::CSV>"Every published figure (CSV)"</a>
                    " with its "
                    <a href=paths::CSV_METADATA>"CSVW metadata"</a>
                </li>
                <li>
                    <a href=paths::API>"The framework as JSON"</a>
                    " (documented in the "
                    <a href=crate::results::paths::API_OPENAPI>"API description"</a>
                    ")"
                </li>
                <li>
                    <a href=crate::results::paths::METHODOLOGY>
                        "How the figures and judgements are worked out"
                    </a>
                </li>
            </ul>
        </section>
    }
    .into_any();
    view! {
        {head}
        {officer_block}
        {priorities}
        {updates}
        {open_data}
    }
}

#[component]
fn OfficerBlock(
    due: Vec<Row>,
    upload: Option<crate::framework::model::UploadNotice>,
    csrf: String,
) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="due-heading">
            <h2 id="due-heading">"Due or overdue"</h2>
            {if due.is_empty() {
                view! { <p>"No indicator's next figures are due in the next 30 days."</p> }
                    .into_any()
            } else {
                view! {
                    <ul class="list">
                        {due
                            .into_iter()
                            .map(|r| {
                                let when = r.next_update.clone().unwrap_or_default();
                                view! {
                                    <li>
                                        <a href=paths::indicator(
                                            Audience::Officer,
                                            &r.key,
                                        )>{r.title.clone()}</a>
                                        {if r.overdue {
                                            view! {
                                                <strong class="tag tag-overdue">
                                                    {format!(" Overdue: due {when}")}
                                                </strong>
                                            }
                                                .into_any()
                                        } else {
                                            view! { <span>{format!(" due {when}")}</span> }.into_any()
                                        }}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            }}
        </section>
        <UploadForm notice=upload csrf />
        <p>
            <a href=paths::OFFICER_NEW_INDICATOR>"Add an indicator to the framework"</a>
        </p>
        <p>
            <a href=paths::OFFICER_UPDATES>"Write and publish \"you said, we did\" updates"</a>
        </p>
    }
}
