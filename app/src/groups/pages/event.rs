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
                let paper_errors: Vec<_> = v
                    .paper
                    .iter()
                    .filter_map(|r| crate::shared::notice::Refusal::of(&v.notice, &r.form_id))
                    .flat_map(|r| r.errors)
                    .collect();
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
                    <crate::shared::components::ErrorSummary errors=paper_errors />
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
                    {(!v.offline_pages.is_empty())
                        .then(|| {
                            view! {
                                <div hidden data-shown-with-script>
                                    <h3 id="offline">"No signal where you are?"</h3>
                                    <p>
                                        "Open the offline entry page on your device while you still have a connection. It then keeps working without one, and sends the answers when the connection returns."
                                    </p>
                                    <ul class="list">
                                        {v
                                            .offline_pages
                                            .iter()
                                            .map(|(title, href)| {
                                                view! {
                                                    <li>
                                                        <a href=href
                                                            .clone()>{format!("Enter answers offline: {title}")}</a>
                                                    </li>
                                                }
                                            })
                                            .collect_view()}
                                    </ul>
                                </div>
                            }
                        })}
                    <KeptAside rows=v.kept_aside.clone() csrf=csrf.clone() />
                    <Paper rows=v.paper.clone() csrf=csrf.clone() notice=v.notice.clone() />
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

/// Paper forms: for each survey, sheets handed out against sheets entered and checked,
/// the batches, a button to start one and (organisers) the count handed out.
#[component]
fn Paper(
    rows: Vec<crate::groups::model::PaperRow>,
    csrf: String,
    notice: Option<crate::shared::notice::FormNotice>,
) -> impl IntoView {
    use crate::shared::components::error_summary::FieldErrorMessage;
    view! {
        <h3 id="paper">"Paper forms"</h3>
        <p>
            "Type up paper forms in batches, each sheet with its number. A batch counts in the results once another volunteer has checked it against the paper."
        </p>
        {rows
            .into_iter()
            .map(|r| {
                let refusal = crate::shared::notice::Refusal::of(&notice, &r.form_id);
                let field_id = format!("{}-sheets", r.form_id);
                let error = refusal.as_ref().and_then(|f| f.error(&field_id));
                let value = refusal
                    .as_ref()
                    .and_then(|f| f.typed.get("sheets"))
                    .unwrap_or(r.handed_out.clone());
                let group_class = if error.is_some() {
                    "form-group form-group-error"
                } else {
                    "form-group"
                };
                view! {
                    <h4>{r.survey.clone()}</h4>
                    <p data-testid="paper-tally">{r.tally.clone()}</p>
                    {(!r.batches.is_empty())
                        .then(|| {
                            view! {
                                <ul class="list">
                                    {r
                                        .batches
                                        .iter()
                                        .map(|(href, label)| {
                                            view! {
                                                <li>
                                                    <a href=href.clone()>{label.clone()}</a>
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            }
                        })}
                    {r
                        .start
                        .clone()
                        .map(|action| {
                            view! {
                                <form method="post" action=action>
                                    <input type="hidden" name="csrf" value=csrf.clone() />
                                    <button class="button button-secondary" type="submit">
                                        {format!("Start a batch of paper forms: {}", r.survey)}
                                    </button>
                                </form>
                            }
                        })}
                    {r
                        .record
                        .clone()
                        .map(|action| {
                            let described = error.as_ref().map(|_| format!("{field_id}-error"));
                            view! {
                                <form method="post" action=action novalidate>
                                    <input type="hidden" name="csrf" value=csrf.clone() />
                                    <div class=group_class>
                                        <label class="label" for=field_id.clone()>
                                            {format!("Paper forms handed out: {}", r.survey)}
                                        </label>
                                        <FieldErrorMessage
                                            id=format!("{field_id}-error")
                                            message=error.clone()
                                        />
                                        <input
                                            class="input input-width-5"
                                            id=field_id.clone()
                                            name="sheets"
                                            type="text"
                                            inputmode="numeric"
                                            autocomplete="off"
                                            value=value
                                            aria-describedby=described
                                        />
                                    </div>
                                    <button class="button button-secondary" type="submit">
                                        "Record the number handed out"
                                    </button>
                                </form>
                            }
                        })}
                }
            })
            .collect_view()}
    }
}

/// Answers that arrived twice under one entry, but different: the organiser keeps the
/// stored ones or replaces them.
#[component]
fn KeptAside(rows: Vec<crate::groups::model::AsideRow>, csrf: String) -> impl IntoView {
    (!rows.is_empty()).then(|| {
        view! {
            <h3 id="kept-aside">"Answers kept aside"</h3>
            <p>
                "A volunteer's device sent different answers for an entry that had already arrived. Compare them and choose which stand."
            </p>
            {rows
                .into_iter()
                .map(|r| {
                    view! {
                        <div class="inset" data-testid="kept-aside">
                            <p>{format!("Arrived {} from {}. What differs:", r.received, r.by)}</p>
                            <ul class="list">
                                {r
                                    .changes
                                    .iter()
                                    .map(|c| view! { <li>{c.clone()}</li> })
                                    .collect_view()}
                            </ul>
                            <form method="post" action=r.action.clone() class="button-group">
                                <input type="hidden" name="csrf" value=csrf.clone() />
                                <button class="button" type="submit" name="choice" value="keep">
                                    "Keep the stored answers"
                                </button>
                                <button
                                    class="button button-secondary"
                                    type="submit"
                                    name="choice"
                                    value="replace"
                                >
                                    "Use the answers kept aside"
                                </button>
                            </form>
                        </div>
                    }
                })
                .collect_view()}
        }
    })
}
