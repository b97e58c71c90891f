use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::groups::api::load_event;
use crate::groups::model::EventView;
use crate::groups::paths;
use crate::officer::pages::nav::OfficerNav;
use crate::shared::components::{show_loaded, PageTitle, StatusNotice};
use crate::shared::notice::done;

/// One of the group's events: what, when, where, which surveys; organisers change or
/// cancel it here.
#[component]
pub fn EventPage() -> impl IntoView {
    let params = use_params_map();
    let data = Resource::new(
        move || params.read().get("id").and_then(|i| i.parse::<i32>().ok()),
        |id| async move {
            match id {
                Some(id) => load_event(id).await,
                None => Err(crate::shared::PageError::NotFound),
            }
        },
    );
    view! {
        {show_loaded(
            data,
            move |v: EventView| {
                let e = v.event.clone();
                let organises = v.viewer.organises;
                let csrf = v.viewer.csrf.clone();
                let status = if e.cancelled {
                    "Cancelled"
                } else if e.over {
                    "Over"
                } else if e.public {
                    "Public: listed on the events page"
                } else {
                    "Private: not listed"
                };
                view! {
                    <PageTitle text=e.title.clone() />
                    <OfficerNav viewer=v.viewer.clone() />
                    <a class="back-link" href=paths::GROUP>
                        "Back to your group"
                    </a>
                    <StatusNotice message=done(&v.notice) />
                    <span class="caption">"Event"</span>
                    <h1>{e.title.clone()}</h1>
                    <dl class="summary-list">
                        <div class="summary-row">
                            <dt class="summary-key">"When"</dt>
                            <dd class="summary-value">{e.when.clone()}</dd>
                        </div>
                        <div class="summary-row">
                            <dt class="summary-key">"Where"</dt>
                            <dd class="summary-value">{format!("{}, {}", e.place, e.ward)}</dd>
                        </div>
                        <div class="summary-row">
                            <dt class="summary-key">"Surveys"</dt>
                            <dd class="summary-value">
                                <ul class="list">
                                    {e
                                        .surveys
                                        .iter()
                                        .map(|s| view! { <li>{s.clone()}</li> })
                                        .collect_view()}
                                </ul>
                            </dd>
                        </div>
                        <div class="summary-row">
                            <dt class="summary-key">"Status"</dt>
                            <dd class="summary-value">{status}</dd>
                        </div>
                    </dl>
                    {(!v.description.is_empty()).then(|| view! { <p>{v.description.clone()}</p> })}
                    <h2 id="enter">"Residents' answers"</h2>
                    <p data-testid="entered">
                        {match v.entered {
                            0 => "No answers entered at this event yet.".to_string(),
                            1 => "1 response entered at this event.".to_string(),
                            n => format!("{n} responses entered at this event."),
                        }}
                    </p>
                    {(!v.mine.is_empty())
                        .then(|| {
                            view! {
                                <h3>"Your entries"</h3>
                                <ul class="list" data-testid="my-entries">
                                    {v
                                        .mine
                                        .iter()
                                        .map(|m| {
                                            view! {
                                                <li>
                                                    <a href=m.href.clone()>{m.label.clone()}</a>
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            }
                        })}
                    {if v.entry_waves.is_empty() {
                        view! {
                            <p>
                                "Answers can be entered from an hour before the event starts until a day after it ends."
                            </p>
                        }
                            .into_any()
                    } else {
                        v.entry_waves
                            .iter()
                            .map(|(wave, title)| {
                                view! {
                                    <form method="post" action=paths::event_enter(e.id, *wave)>
                                        <input type="hidden" name="csrf" value=csrf.clone() />
                                        <button class="button" type="submit">
                                            {format!("Enter a resident's answers: {title}")}
                                        </button>
                                    </form>
                                }
                            })
                            .collect_view()
                            .into_any()
                    }}
                    {(organises && !v.entry_waves.is_empty() && !e.over)
                        .then(|| {
                            view! {
                                <h3 id="kiosk">"Kiosk"</h3>
                                <p>
                                    "Turn a tablet into a kiosk where residents answer for themselves: you get a code to type on the tablet. It returns to the start after each person, and stops when the event ends."
                                </p>
                                {v
                                    .entry_waves
                                    .iter()
                                    .map(|(wave, title)| {
                                        view! {
                                            <form method="post" action=paths::event_kiosk(e.id, *wave)>
                                                <input type="hidden" name="csrf" value=csrf.clone() />
                                                <button class="button button-secondary" type="submit">
                                                    {format!("Set up a kiosk: {title}")}
                                                </button>
                                            </form>
                                        }
                                    })
                                    .collect_view()}
                            }
                        })}
                    {v
                        .public_page
                        .clone()
                        .map(|href| {
                            view! {
                                <p>
                                    <a href=href>"See the event as residents see it"</a>
                                </p>
                            }
                        })}
                    {(organises && !e.cancelled && !e.over)
                        .then(|| {
                            view! {
                                <div class="button-group">
                                    <a class="button" href=paths::event_change(e.id)>
                                        "Change the event"
                                    </a>
                                </div>
                                <form method="post" action=paths::event_cancel(e.id)>
                                    <input type="hidden" name="csrf" value=csrf.clone() />
                                    <button class="button button-warning" type="submit">
                                        "Cancel the event"
                                    </button>
                                </form>
                            }
                        })}
                }
                    .into_any()
            },
        )}
    }
}
