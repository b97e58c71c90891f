use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::groups::api::load_offline;
use crate::groups::model::OfflineEntryView;
use crate::groups::paths;
use crate::officer::pages::nav::OfficerNav;
use crate::shared::components::{show_loaded, PageTitle};
use crate::survey::components::OnePageQuestions;

/// The entry page that keeps working without a connection. Its script (in `enhance.js`)
/// keeps each resident's answers on the device under an id made when they were started,
/// and sends them when it can; the service worker keeps the page itself.
#[component]
pub fn OfflineEntryPage() -> impl IntoView {
    let params = use_params_map();
    let data = Resource::new(
        move || {
            let p = params.read();
            (
                p.get("id").and_then(|i| i.parse::<i32>().ok()),
                p.get("wave").and_then(|i| i.parse::<i32>().ok()),
            )
        },
        |ids| async move {
            match ids {
                (Some(id), Some(wave)) => load_offline(id, wave).await,
                _ => Err(crate::shared::PageError::NotFound),
            }
        },
    );
    view! { {show_loaded(data, |v: OfflineEntryView| view! { <OfflineForm v /> }.into_any())} }
}

#[component]
fn OfflineForm(v: OfflineEntryView) -> impl IntoView {
    let title = format!(
        "Enter answers, with or without a connection: {}",
        v.survey_title
    );
    let back = paths::event(v.event_id);
    view! {
        <PageTitle text=title.clone() />
        <OfficerNav viewer=v.viewer.clone() />
        <a class="back-link" href=back.clone()>
            "Back to the event"
        </a>
        <div data-offline-summary></div>
        <span class="caption">{v.event_title.clone()}</span>
        <h1>{title}</h1>
        <p class="inset" data-hidden-with-script>
            "This page needs JavaScript to keep answers on this device. Without it, enter answers from "
            <a href=back.clone()>"the event's page"</a>
            " while you have a connection."
        </p>
        <div hidden data-shown-with-script>
            <p>
                "Open this page once while you have a connection, on the device you will use. After that it opens and takes answers without one. Each resident's answers stay on this device until they reach Kiln, and are sent as soon as there is a connection."
            </p>
            <div class="inset" role="status" data-offline-status>
                <p data-offline-count>"Nothing waiting to send."</p>
                <p data-offline-message></p>
                <ul class="list" data-offline-check></ul>
                <button class="button button-secondary" type="button" hidden data-offline-send>
                    "Send now"
                </button>
            </div>
            <p class="keyboard-hint">
                "With the keyboard: type a score's number, or an option's first letter, then press Enter for the next question."
            </p>
            <ul hidden data-offline-checks>
                {v
                    .checks
                    .iter()
                    .map(|(key, id, message)| {
                        view! {
                            <li data-key=key.clone() data-field=id.clone()>
                                {message.clone()}
                            </li>
                        }
                    })
                    .collect_view()}
                <li data-key="agreed" data-field="agreed">
                    {v.not_agreed.clone()}
                </li>
            </ul>
            <form
                novalidate
                class="entry-form"
                data-keyboard-entry
                data-offline-entry
                data-send-to=v.send_to.clone()
            >
                <OnePageQuestions sections=v.sections.clone() />
                <div class="form-group">
                    <div class="checkbox">
                        <input type="checkbox" id="agreed" name="agreed" value="yes" />
                        <label for="agreed">
                            "The resident agreed to answer, and to me entering their answers for them"
                        </label>
                    </div>
                </div>
                <button class="button" type="submit">
                    "Keep these answers and send them"
                </button>
            </form>
        </div>
        <script type="module" src=crate::shared::assets::get().offline></script>
    }
}
