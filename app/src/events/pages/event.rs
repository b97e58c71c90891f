use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::events::api::load_public_event;
use crate::events::model::PublicEventRow;
use crate::events::paths;
use crate::shared::components::{show_loaded, PageTitle};

/// One public event: what, when, where, who runs it, and a calendar file.
#[component]
pub fn PublicEventPage() -> impl IntoView {
    let params = use_params_map();
    let data = Resource::new(
        move || params.read().get("id").and_then(|i| i.parse::<i32>().ok()),
        |id| async move {
            match id {
                Some(id) => load_public_event(id).await,
                None => Err(crate::shared::PageError::NotFound),
            }
        },
    );
    view! {
        {show_loaded(
            data,
            |e: PublicEventRow| {
                view! {
                    <PageTitle text=e.title.clone() />
                    <a class="back-link" href=paths::EVENTS>
                        "All events"
                    </a>
                    <span class="caption">{e.group.clone()}</span>
                    <h1>{e.title.clone()}</h1>
                    {e
                        .over
                        .then(|| {
                            view! {
                                <div class="notice" role="status">
                                    "This event has finished."
                                </div>
                            }
                        })}
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
                            <dt class="summary-key">"Run by"</dt>
                            <dd class="summary-value">
                                {e.group.clone()} " ("
                                <a href=format!(
                                    "mailto:{}",
                                    e.group_contact,
                                )>{e.group_contact.clone()}</a> ")"
                            </dd>
                        </div>
                        <div class="summary-row">
                            <dt class="summary-key">"Surveys"</dt>
                            <dd class="summary-value">{e.surveys.join(", ")}</dd>
                        </div>
                    </dl>
                    {(!e.description.is_empty())
                        .then(|| {
                            view! { <p class="event-description">{e.description.clone()}</p> }
                        })}
                    {(!e.over)
                        .then(|| {
                            view! {
                                <p>
                                    <a href=paths::calendar(e.id) download>
                                        "Add to your calendar"
                                    </a>
                                    " (an iCalendar file for your phone or computer)"
                                </p>
                            }
                        })}
                    <p>
                        "Cannot come? You can " <a href="/">"answer the surveys online"</a>
                        " whenever suits you."
                    </p>
                }
                    .into_any()
            },
        )}
    }
}
