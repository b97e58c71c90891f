use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::admin::api::load_audit;
use crate::admin::model::AuditView;
use crate::admin::paths;
use crate::officer::pages::nav::OfficerNav;
use crate::shared::components::{show_loaded, PageTitle};

/// Sign-ins, failed sign-ins, exports, publication and changes to users, newest first.
#[component]
pub fn AuditPage() -> impl IntoView {
    let query = use_query_map();
    let data = Resource::new(
        move || {
            query
                .read()
                .get("page")
                .and_then(|p| p.parse::<u64>().ok())
                .unwrap_or(1)
        },
        |page| load_audit(page.saturating_sub(1)),
    );
    view! {
        {show_loaded(
            data,
            |a: AuditView| {
                view! {
                    <PageTitle text="Audit log".to_string() />
                    <OfficerNav viewer=a.viewer.clone() />
                    <h1>"Audit log"</h1>
                    <div class="table-wrap" tabindex="0" role="region" aria-label="Audit log">
                        <table class="table">
                            <caption class="table-caption">
                                {format!("Page {} of {}", a.page + 1, a.pages)}
                            </caption>
                            <thead>
                                <tr>
                                    <th scope="col">"When"</th>
                                    <th scope="col">"Who"</th>
                                    <th scope="col">"What"</th>
                                    <th scope="col">"Detail"</th>
                                    <th scope="col">"Address"</th>
                                </tr>
                            </thead>
                            <tbody>
                                {a
                                    .rows
                                    .iter()
                                    .map(|r| {
                                        view! {
                                            <tr>
                                                <td>{r.at.clone()}</td>
                                                <td>{r.actor.clone()}</td>
                                                <td>{r.action.clone()}</td>
                                                <td>{r.detail.clone()}</td>
                                                <td>{r.ip.clone()}</td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    </div>
                    <nav class="pagination" aria-label="Pages">
                        {(a.page > 0)
                            .then(|| {
                                view! {
                                    <a href=format!(
                                        "{}?page={}",
                                        paths::ADMIN_AUDIT,
                                        a.page,
                                    )>"Newer"</a>
                                }
                            })}
                        " "
                        {(a.page + 1 < a.pages)
                            .then(|| {
                                view! {
                                    <a href=format!(
                                        "{}?page={}",
                                        paths::ADMIN_AUDIT,
                                        a.page + 2,
                                    )>"Older"</a>
                                }
                            })}
                    </nav>
                }
                    .into_any()
            },
        )}
    }
}
