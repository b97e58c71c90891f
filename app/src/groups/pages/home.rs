use leptos::prelude::*;

use crate::groups::api::load_home;
use crate::groups::model::{EventRow, GroupHomeView};
use crate::groups::paths;
use crate::officer::pages::nav::OfficerNav;
use crate::shared::components::{show_loaded, PageTitle, StatusNotice};
use crate::shared::notice::done;

/// A group's own home: its events to come and those gone, and (for organisers) planning one.
#[component]
pub fn GroupHomePage() -> impl IntoView {
    let data = Resource::new(|| (), |_| load_home());
    view! {
        {show_loaded(
            data,
            move |g: GroupHomeView| {
                let organises = g.viewer.organises;
                view! {
                    <PageTitle text=g.group_name.clone() />
                    <OfficerNav viewer=g.viewer.clone() />
                    <StatusNotice message=done(&g.notice) />
                    <span class="caption">"Your group"</span>
                    <h1>{g.group_name.clone()}</h1>
                    {organises
                        .then(|| {
                            view! {
                                <p>
                                    <a class="button" href=paths::GROUP_NEW_EVENT>
                                        "Plan an event"
                                    </a>
                                </p>
                            }
                        })}
                    <h2>"Events to come"</h2>
                    <EventTable
                        rows=g.upcoming.clone()
                        caption="Events to come"
                        empty=if organises {
                            "No events planned yet. Plan one to collect residents' views face to face."
                        } else {
                            "No events planned yet. Your organiser plans them."
                        }
                    />
                    {(!g.past.is_empty())
                        .then(|| {
                            view! {
                                <h2>"Past events"</h2>
                                <EventTable rows=g.past.clone() caption="Past events" empty="" />
                            }
                        })}
                }
                    .into_any()
            },
        )}
    }
}

/// Events in a table; for the group's own people each title links to its page.
#[component]
pub fn EventTable(
    rows: Vec<EventRow>,
    caption: &'static str,
    empty: &'static str,
    #[prop(default = true)] linked: bool,
) -> impl IntoView {
    if rows.is_empty() {
        return view! { <p>{empty}</p> }.into_any();
    }
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=caption>
            <table class="table">
                <caption class="visually-hidden">{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Event"</th>
                        <th scope="col">"When"</th>
                        <th scope="col">"Where"</th>
                        <th scope="col">"Listed"</th>
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|r| {
                            let listed = if r.cancelled {
                                "Cancelled"
                            } else if r.public {
                                "Public"
                            } else {
                                "Private"
                            };
                            view! {
                                <tr>
                                    <th scope="row">
                                        {if linked {
                                            view! { <a href=paths::event(r.id)>{r.title}</a> }
                                                .into_any()
                                        } else {
                                            r.title.into_any()
                                        }}
                                    </th>
                                    <td>{r.when}</td>
                                    <td>{format!("{}, {}", r.place, r.ward)}</td>
                                    <td>{listed}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}
