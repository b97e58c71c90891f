use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::admin::api::load_outbox;
use crate::admin::model::OutboxView;
use crate::admin::paths;
use crate::officer::pages::nav::OfficerNav;
use crate::shared::components::{show_loaded, PageTitle};

/// Every email Kiln has queued lately: sent, waiting, failed (with the reason), and a way
/// to send a failed one again.
#[component]
pub fn OutboxPage() -> impl IntoView {
    let query = use_query_map();
    let data = Resource::new(|| (), |_| load_outbox());
    view! {
        {show_loaded(
            data,
            move |o: OutboxView| {
                let retried = query.read_untracked().get("retried").is_some();
                let csrf = o.viewer.csrf.clone();
                view! {
                    <PageTitle text="Email outbox".to_string() />
                    <OfficerNav viewer=o.viewer.clone() />
                    <h1>"Email outbox"</h1>
                    {retried
                        .then(|| {
                            view! {
                                <div class="notice" role="status">
                                    "The message will be sent again now."
                                </div>
                            }
                        })}
                    <div
                        class=if o.not_sent { "notice notice-error" } else { "notice" }
                        data-testid="delivery"
                    >
                        {o.delivery.clone()}
                    </div>
                    <div class="table-wrap" tabindex="0" role="region" aria-label="Email outbox">
                        <table class="table">
                            <caption class="table-caption">"The newest 100 messages"</caption>
                            <thead>
                                <tr>
                                    <th scope="col">"Queued"</th>
                                    <th scope="col">"To"</th>
                                    <th scope="col">"What"</th>
                                    <th scope="col">"Status"</th>
                                    <th scope="col">"Tries"</th>
                                    <th scope="col">"Sent, or why not"</th>
                                </tr>
                            </thead>
                            <tbody>
                                {o
                                    .rows
                                    .into_iter()
                                    .map(|r| {
                                        let csrf = csrf.clone();
                                        let detail = if r.failed || !r.next_try.is_empty() {
                                            let next = if r.next_try.is_empty() {
                                                String::new()
                                            } else {
                                                format!(" Next try {}.", r.next_try)
                                            };
                                            format!("{}{next}", r.reason)
                                        } else {
                                            r.sent.clone()
                                        };
                                        view! {
                                            <tr data-testid="outbox-row">
                                                <td>{r.queued.clone()}</td>
                                                <td>{r.to.clone()}</td>
                                                <td>{r.what.clone()}</td>
                                                <td>{r.status.clone()}</td>
                                                <td>{r.attempts}</td>
                                                <td>
                                                    {detail}
                                                    {r
                                                        .failed
                                                        .then(|| {
                                                            view! {
                                                                <form method="post" action=paths::outbox_retry(r.id)>
                                                                    <input type="hidden" name="csrf" value=csrf />
                                                                    <button
                                                                        class="button button-secondary button-small"
                                                                        type="submit"
                                                                    >
                                                                        {format!("Send again to {}", r.to)}
                                                                    </button>
                                                                </form>
                                                            }
                                                        })}
                                                </td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
                    .into_any()
            },
        )}
    }
}
