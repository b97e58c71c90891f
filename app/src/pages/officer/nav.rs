use leptos::prelude::*;

use crate::model::links;
use crate::model::officer::Viewer;

/// Who is signed in, where they can go, and the sign-out button (a form: it changes state).
#[component]
pub fn OfficerNav(viewer: Viewer) -> impl IntoView {
    view! {
        <nav class="officer-nav" aria-label="Dashboard">
            <ul class="officer-nav-list">
                <li>
                    <a href=links::OFFICER>"Dashboard"</a>
                </li>
                <li>
                    <a href=links::ACCOUNT>"Your account"</a>
                </li>
                {viewer
                    .is_admin
                    .then(|| {
                        view! {
                            <li>
                                <a href=links::ADMIN_USERS>"Users"</a>
                            </li>
                            <li>
                                <a href=links::ADMIN_AREAS>"Areas"</a>
                            </li>
                            <li>
                                <a href=links::ADMIN_SETTINGS>"Settings"</a>
                            </li>
                            <li>
                                <a href=links::ADMIN_AUDIT>"Audit log"</a>
                            </li>
                        }
                    })}
            </ul>
            <form class="sign-out" method="post" action=links::SIGN_OUT>
                <input type="hidden" name="csrf" value=viewer.csrf.clone() />
                <span class="signed-in-as">{format!("Signed in as {}", viewer.name)}</span>
                <button class="button button-secondary button-small" type="submit">
                    "Sign out"
                </button>
            </form>
        </nav>
    }
}
