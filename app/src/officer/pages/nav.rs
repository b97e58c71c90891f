use leptos::prelude::*;

use crate::accounts::paths as accounts_paths;
use crate::admin::paths as admin_paths;
use crate::groups::paths as group_paths;
use crate::officer::paths;
use crate::shared::Viewer;

/// Who is signed in, where they can go, and the sign-out button (a form: it changes state).
#[component]
pub fn OfficerNav(viewer: Viewer) -> impl IntoView {
    view! {
        <nav class="officer-nav" aria-label="Dashboard">
            <ul class="officer-nav-list">
                {if viewer.is_staff {
                    view! {
                        <li>
                            <a href=paths::OFFICER>"Dashboard"</a>
                        </li>
                        <li>
                            <a href=crate::builder::paths::SURVEYS>"Surveys"</a>
                        </li>
                    }
                        .into_any()
                } else {
                    view! {
                        <li>
                            <a href=group_paths::GROUP>"Your group"</a>
                        </li>
                        {viewer
                            .organises
                            .then(|| {
                                view! {
                                    <li>
                                        <a href=group_paths::GROUP_PEOPLE>"People"</a>
                                    </li>
                                    <li>
                                        <a href=group_paths::GROUP_RESULTS>"Results"</a>
                                    </li>
                                }
                            })}
                    }
                        .into_any()
                }} <li>
                    <a href=accounts_paths::ACCOUNT>"Your account"</a>
                </li>
                {viewer
                    .is_admin
                    .then(|| {
                        view! {
                            <li>
                                <a href=admin_paths::ADMIN_USERS>"Users"</a>
                            </li>
                            <li>
                                <a href=admin_paths::ADMIN_GROUPS>"Groups"</a>
                            </li>
                            <li>
                                <a href=admin_paths::ADMIN_AREAS>"Areas"</a>
                            </li>
                            <li>
                                <a href=admin_paths::ADMIN_SETTINGS>"Settings"</a>
                            </li>
                            <li>
                                <a href=admin_paths::ADMIN_OUTBOX>"Email"</a>
                            </li>
                            <li>
                                <a href=admin_paths::ADMIN_AUDIT>"Audit log"</a>
                            </li>
                        }
                    })}
            </ul>
            <form class="sign-out" method="post" action=accounts_paths::SIGN_OUT>
                <input type="hidden" name="csrf" value=viewer.csrf.clone() />
                <span class="signed-in-as">{format!("Signed in as {}", viewer.name)}</span>
                <button class="button button-secondary button-small" type="submit">
                    "Sign out"
                </button>
            </form>
        </nav>
    }
}
