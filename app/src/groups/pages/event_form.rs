use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::groups::api::load_event_form;
use crate::groups::model::EventFormView;
use crate::groups::paths;
use crate::officer::pages::nav::OfficerNav;
use crate::shared::components::{
    show_loaded, Checkboxes, DateField, ErrorSummary, InputField, PageTitle, RadioChoice,
    SelectField, TextArea,
};
use crate::shared::notice::Refusal;

/// Planning a new event.
#[component]
pub fn NewEventPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| load_event_form(None));
    view! { {show_loaded(data, |v: EventFormView| view! { <EventFormBody v /> }.into_any())} }
}

/// Changing one of the group's events.
#[component]
pub fn ChangeEventPage() -> impl IntoView {
    let params = use_params_map();
    let data = Resource::new(
        move || params.read().get("id").and_then(|i| i.parse::<i32>().ok()),
        |id| async move {
            match id {
                Some(id) => load_event_form(Some(id)).await,
                None => Err(crate::shared::PageError::NotFound),
            }
        },
    );
    view! { {show_loaded(data, |v: EventFormView| view! { <EventFormBody v /> }.into_any())} }
}

/// The event form: every field with its problem beside it and in the summary, and what was
/// typed kept.
#[component]
fn EventFormBody(v: EventFormView) -> impl IntoView {
    let refusal = Refusal::of(&v.notice, "event").unwrap_or_default();
    let has_errors = !refusal.errors.is_empty();
    let val = |k: &str| v.values.get(k).unwrap_or_default();
    let err = |k: &str| refusal.error(&format!("event-{k}"));
    let (title, action, button, back) = match v.event_id {
        Some(id) => (
            "Change the event",
            paths::event_change(id),
            "Save changes",
            paths::event(id),
        ),
        None => (
            "Plan an event",
            paths::GROUP_NEW_EVENT.to_string(),
            "Plan the event",
            paths::GROUP.to_string(),
        ),
    };
    let waves_checked: Vec<String> = val("waves")
        .split(',')
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    // The date's problem sits on whichever box is at fault; the summary links to it.
    let date_error = err("day").or_else(|| err("month")).or_else(|| err("year"));
    let date_id = ["day", "month", "year"]
        .into_iter()
        .find(|k| err(k).is_some())
        .map(|k| format!("event-{k}"))
        .unwrap_or_else(|| "event-day".into());
    let no_waves = v.waves.is_empty();
    view! {
        <PageTitle text=title.to_string() error=has_errors />
        <OfficerNav viewer=v.viewer.clone() />
        <a class="back-link" href=back>
            "Back"
        </a>
        <ErrorSummary errors=refusal.errors.clone() />
        <h1>{title}</h1>
        {no_waves
            .then(|| {
                view! {
                    <div class="notice notice-error" role="status">
                        "No survey is open for responses just now, so an event cannot collect answers. Ask the council which surveys are coming."
                    </div>
                }
            })}
        <form method="post" action=action novalidate>
            <input type="hidden" name="csrf" value=v.viewer.csrf.clone() />
            <InputField
                id="event-title"
                name="title"
                label="Title"
                kind="text"
                autocomplete="off"
                error=err("title")
                hint="For example, Coffee morning at Fenton library"
                value=val("title")
            />
            <DateField
                id=date_id
                legend="Date"
                error=date_error
                hint="For example, 5 12 2026"
                values=(val("day"), val("month"), val("year"))
            />
            <InputField
                id="event-starts"
                name="starts"
                label="Starts at"
                kind="text"
                autocomplete="off"
                class="input input-width-5"
                error=err("starts")
                hint="For example, 10:00 or 2pm"
                value=val("starts")
            />
            <InputField
                id="event-ends"
                name="ends"
                label="Ends at"
                kind="text"
                autocomplete="off"
                class="input input-width-5"
                error=err("ends")
                value=val("ends")
            />
            <InputField
                id="event-place"
                name="place"
                label="Where"
                kind="text"
                autocomplete="off"
                error=err("place")
                hint="The building and street, so residents can find it"
                value=val("place")
            />
            <SelectField
                id="event-ward".to_string()
                name="ward"
                label="Ward"
                error=err("ward")
                options=v.wards.clone()
                selected=val("ward")
            />
            <Checkboxes
                id="event-waves".to_string()
                name="waves"
                legend="Which surveys will residents answer?"
                error=err("waves")
                options=v.waves.clone()
                checked=waves_checked
            />
            <RadioChoice
                id="event-public".to_string()
                name="public"
                legend="List the event on the public events page?"
                hint="Public events are listed for residents by ward and date, with a calendar file. Choose no for a closed session, such as a group's own meeting."
                error=err("public")
                options=vec![
                    ("yes".to_string(), "Yes, anyone may come".to_string()),
                    ("no".to_string(), "No, it is private".to_string()),
                ]
                selected=val("public")
            />
            <TextArea
                id="event-description".to_string()
                name="description"
                label="Description (optional)"
                hint="What happens, who it is for, and anything people should know about access"
                error=err("description")
                value=val("description")
            />
            <button class="button" type="submit">
                {button}
            </button>
        </form>
    }
}
