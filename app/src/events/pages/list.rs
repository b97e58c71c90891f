use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::events::api::load_events;
use crate::events::model::{EventsView, PublicEventRow};
use crate::events::paths;
use crate::shared::components::{show_loaded, PageTitle};

/// Community groups' public events to come, by date, with a choice of ward (a plain GET
/// form: no script needed).
#[component]
pub fn EventsPage() -> impl IntoView {
    let query = use_query_map();
    let data = Resource::new(
        move || query.read().get("ward").filter(|w| !w.is_empty()),
        load_events,
    );
    view! {
        {show_loaded(
            data,
            |v: EventsView| {
                let ward_name = v
                    .ward
                    .as_ref()
                    .and_then(|c| v.wards.iter().find(|(k, _)| k == c))
                    .map(|(_, n)| n.clone());
                let heading = match &ward_name {
                    Some(n) => format!("Events in {n}"),
                    None => "Events near you".to_string(),
                };
                let selected = v.ward.clone().unwrap_or_default();
                let days = by_day(v.events.clone());
                view! {
                    <PageTitle text=heading.clone() />
                    <h1>{heading}</h1>
                    <p>
                        "Community groups hold events across the city where you can tell the council what you think, face to face. A volunteer can help you answer a survey, or you can answer it yourself."
                    </p>
                    {(!v.wards.is_empty())
                        .then(|| {
                            view! {
                                <form method="get" action=paths::EVENTS class="filter-form">
                                    <label class="label" for="ward">
                                        "Ward"
                                    </label>
                                    <select class="select" id="ward" name="ward">
                                        <option value="" selected=selected.is_empty()>
                                            "All wards"
                                        </option>
                                        {v
                                            .wards
                                            .iter()
                                            .map(|(code, name)| {
                                                let on = *code == selected;
                                                view! {
                                                    <option value=code.clone() selected=on>
                                                        {name.clone()}
                                                    </option>
                                                }
                                            })
                                            .collect_view()}
                                    </select>
                                    <button class="button button-secondary" type="submit">
                                        "Show events"
                                    </button>
                                </form>
                            }
                        })}
                    {if days.is_empty() {
                        view! {
                            <p>
                                {match ward_name {
                                    Some(_) => "No events are planned in this ward yet.",
                                    None => "No events are planned yet. Check back soon.",
                                }}
                            </p>
                        }
                            .into_any()
                    } else {
                        days.into_iter()
                            .map(|(day, events)| {
                                view! {
                                    <h2>{day}</h2>
                                    <ul class="event-list">
                                        {events
                                            .into_iter()
                                            .map(|e| view! { <EventItem e /> })
                                            .collect_view()}
                                    </ul>
                                }
                            })
                            .collect_view()
                            .into_any()
                    }}
                }
                    .into_any()
            },
        )}
    }
}

/// Events in date order, gathered by day.
fn by_day(events: Vec<PublicEventRow>) -> Vec<(String, Vec<PublicEventRow>)> {
    let mut days: Vec<(String, Vec<PublicEventRow>)> = Vec::new();
    for e in events {
        match days.last_mut() {
            Some((d, list)) if *d == e.day => list.push(e),
            _ => days.push((e.day.clone(), vec![e])),
        }
    }
    days
}

#[component]
fn EventItem(e: PublicEventRow) -> impl IntoView {
    let time = e.hours.clone();
    view! {
        <li>
            <h3>
                <a href=paths::event(e.id)>{e.title}</a>
            </h3>
            <p class="event-meta">
                {format!("{time} at {}, {}", e.place, e.ward)} <br />
                {format!("Run by {}", e.group)}
            </p>
        </li>
    }
}
