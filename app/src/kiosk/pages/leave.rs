use leptos::prelude::*;

use crate::kiosk::api::load_kiosk_leave;
use crate::kiosk::model::KioskLeaveView;
use crate::kiosk::paths;
use crate::shared::components::{show_loaded, ErrorItem, ErrorSummary, InputField, PageTitle};

/// An organiser of the group ends kiosk mode with their email address and password.
#[component]
pub fn KioskLeavePage() -> impl IntoView {
    let data = Resource::new(|| (), |_| load_kiosk_leave());
    view! {
        {show_loaded(
            data,
            |v: KioskLeaveView| {
                let errors: Vec<ErrorItem> = v
                    .error
                    .clone()
                    .map(|m| ErrorItem {
                        field_id: "leave-email".into(),
                        message: m,
                    })
                    .into_iter()
                    .collect();
                view! {
                    <PageTitle text="Leave kiosk mode".to_string() error=!errors.is_empty() />
                    <a class="back-link" href=paths::KIOSK>
                        "Back to the kiosk"
                    </a>
                    <ErrorSummary errors />
                    <h1>"Leave kiosk mode"</h1>
                    <p>"Only an organiser of the group can end the kiosk."</p>
                    <form method="post" action=paths::KIOSK_LEAVE novalidate>
                        <input type="hidden" name="token" value=v.token.clone() />
                        <InputField
                            id="leave-email"
                            name="email"
                            label="Organiser's email address"
                            kind="email"
                            autocomplete="off"
                            error=v.error.clone()
                            value=v.email.clone()
                        />
                        <InputField
                            id="leave-password"
                            name="password"
                            label="Password"
                            kind="password"
                            autocomplete="off"
                            error=None
                        />
                        <button class="button" type="submit">
                            "End the kiosk"
                        </button>
                    </form>
                }
                    .into_any()
            },
        )}
    }
}
