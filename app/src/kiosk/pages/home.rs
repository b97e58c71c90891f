use leptos::prelude::*;

use crate::kiosk::api::load_kiosk_home;
use crate::kiosk::model::KioskHome;
use crate::kiosk::paths;
use crate::shared::components::{
    show_loaded, ErrorItem, ErrorSummary, InputField, PageTitle, StatusNotice,
};

/// The kiosk's start screen, or (on a tablet not yet a kiosk) the organiser's code form.
#[component]
pub fn KioskPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| load_kiosk_home());
    view! {
        {show_loaded(
            data,
            |h: KioskHome| match h {
                KioskHome::NeedsCode { error, typed } => {
                    let errors: Vec<ErrorItem> = error
                        .clone()
                        .map(|m| ErrorItem {
                            field_id: "kiosk-code".into(),
                            message: m,
                        })
                        .into_iter()
                        .collect();
                    view! {
                        <PageTitle text="Set up a kiosk".to_string() error=!errors.is_empty() />
                        <ErrorSummary errors />
                        <h1>"Set up a kiosk"</h1>
                        <p>
                            "An organiser of a community group turns this tablet into a kiosk for one event, where residents answer a survey themselves. Type the code the organiser was given on their event's page."
                        </p>
                        <form method="post" action=paths::KIOSK novalidate>
                            <InputField
                                id="kiosk-code"
                                name="code"
                                label="Kiosk code"
                                kind="text"
                                autocomplete="off"
                                class="input input-code"
                                hint="12 letters and numbers, like 7KQM-2XTP-9ABD"
                                error=error
                                value=typed
                            />
                            <button class="button" type="submit">
                                "Start the kiosk"
                            </button>
                        </form>
                    }
                        .into_any()
                }
                KioskHome::Ready {
                    survey_title,
                    minutes,
                    event_title,
                    group_name,
                    token,
                    thanks,
                } => {
                    view! {
                        <PageTitle text=survey_title.clone() />
                        <StatusNotice message=thanks />
                        <span class="caption">{format!("{event_title}, with {group_name}")}</span>
                        <h1>{format!("Have your say: {survey_title}")}</h1>
                        <p class="lead">
                            {format!(
                                "It takes about {minutes} minutes. Your answers are anonymous, and nothing you type stays on this tablet after you send them or walk away.",
                            )}
                        </p>
                        <form method="post" action=paths::KIOSK_START>
                            <input type="hidden" name="token" value=token />
                            <button class="button button-start" type="submit">
                                "Start"
                            </button>
                        </form>
                        <p class="kiosk-leave">
                            <a href=paths::KIOSK_LEAVE>"Leave kiosk mode (organisers)"</a>
                        </p>
                    }
                        .into_any()
                }
            },
        )}
    }
}
