use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::framework::api::{load_update_form, load_updates};
use crate::framework::components::UpdateCard;
use crate::framework::model::{UpdateFormView, UpdateView};
use crate::framework::pages::officer_forms::PublishBox;
use crate::framework::paths;
use crate::officer::pages::nav::OfficerNav;
use crate::shared::components::{
    show_loaded, Checkboxes, ErrorSummary, InputField, PageTitle, RadioChoice, StatusNotice,
    TextArea,
};
use crate::shared::notice::{done, field_value, Refusal};
use crate::shared::param;

#[component]
pub fn UpdatesPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| load_updates());
    view! {
        {show_loaded(
            data,
            |list: Vec<UpdateView>| {
                view! {
                    <PageTitle text="You said, we did".to_string() />
                    <h1>"You said, we did"</h1>
                    <p class="lead">
                        "What residents told the council in its surveys and at community events, what it did about it, and what changed."
                    </p>
                    {if list.is_empty() {
                        view! { <p>"No updates have been published yet."</p> }.into_any()
                    } else {
                        list.into_iter()
                            .map(|u| view! { <UpdateCard u heading_level=2 /> })
                            .collect_view()
                            .into_any()
                    }}
                    <p>
                        <a href=paths::FRAMEWORK>"How the city is doing: every indicator"</a>
                    </p>
                }
                    .into_any()
            },
        )}
    }
}

#[component]
pub fn OfficerUpdatesPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| load_update_form(None));
    view! { {show_loaded(data, |v: UpdateFormView| view! { <UpdateFormBody v /> }.into_any())} }
}

#[component]
pub fn OfficerUpdatePage() -> impl IntoView {
    let params = use_params_map();
    let data = Resource::new(
        move || param(&params.read(), "id").parse::<i32>().ok(),
        |id| async move {
            match id {
                Some(id) => load_update_form(Some(id)).await,
                None => Err(crate::shared::PageError::NotFound),
            }
        },
    );
    view! { {show_loaded(data, |v: UpdateFormView| view! { <UpdateFormBody v /> }.into_any())} }
}

#[component]
fn UpdateFormBody(v: UpdateFormView) -> impl IntoView {
    let refusal = Refusal::of(&v.notice, "update");
    let errors = refusal
        .as_ref()
        .map(|r| r.errors.clone())
        .unwrap_or_default();
    let has_errors = !errors.is_empty();
    let stored = v.stored.clone();
    let typed = move |f: &str| field_value(&refusal, &stored, f);
    let list_of = |s: String| -> Vec<String> {
        s.split(',')
            .filter(|x| !x.is_empty())
            .map(str::to_string)
            .collect()
    };
    let err =
        |f: &str| Refusal::of(&v.notice, "update").and_then(|r| r.error(&format!("update-{f}")));
    let (action, heading) = match v.id {
        Some(id) => (paths::update(id), "Change this update"),
        None => (paths::OFFICER_UPDATES.to_string(), "Write an update"),
    };
    let statuses: Vec<(String, String)> = domain::framework::updates::UpdateStatus::ALL
        .iter()
        .map(|s| (s.key().to_string(), s.label().to_string()))
        .collect();
    let publish_checked = typed("publish") == "yes";
    let fields_a = view! {
        <InputField
            id="update-title"
            name="title"
            label="Title"
            kind="text"
            autocomplete="off"
            error=err("title")
            value=typed("title")
        />
        <TextArea
            id="update-said".into()
            name="said"
            label="You said: what residents told us"
            error=err("said")
            value=typed("said")
        />
        <TextArea
            id="update-did".into()
            name="did"
            label="We did: what the council did or will do"
            error=err("did")
            value=typed("did")
        />
        <TextArea
            id="update-changed".into()
            name="changed"
            label="What changed (optional)"
            error=err("changed")
            value=typed("changed")
        />
    }
    .into_any();
    let fields_b = view! {
        <RadioChoice
            id="update-status".into()
            name="status"
            legend="Status"
            error=err("status")
            options=statuses
            selected=typed("status")
        />
        <Checkboxes
            id="update-priorities".into()
            name="priorities"
            legend="Priorities"
            error=err("priorities")
            options=v.priorities.clone()
            checked=list_of(typed("priorities"))
        />
        <Checkboxes
            id="update-indicators".into()
            name="indicators"
            legend="Indicators (optional)"
            error=err("indicators")
            options=v.indicators.clone()
            checked=list_of(typed("indicators"))
        />
        <Checkboxes
            id="update-wards".into()
            name="wards"
            legend="Wards (optional)"
            error=err("wards")
            options=v.wards.clone()
            checked=list_of(typed("wards"))
        />
        <PublishBox
            id="update-publish"
            label="Published (on the indicators page, ward pages and the annual report)"
            checked=publish_checked
        />
    }
    .into_any();
    view! {
        <PageTitle text=heading.to_string() error=has_errors />
        <OfficerNav viewer=v.viewer.clone() />
        <a class="back-link" href=paths::OFFICER_FRAMEWORK>
            "Back to the indicators"
        </a>
        <ErrorSummary errors />
        <StatusNotice message=done(&v.notice) />
        <h1>"You said, we did"</h1>
        <section class="card" aria-labelledby="form-heading">
            <h2 id="form-heading">{heading}</h2>
            <form method="post" action=action novalidate>
                <input type="hidden" name="csrf" value=v.viewer.csrf.clone() />
                {fields_a}
                {fields_b}
                <button class="button" type="submit">
                    "Save the update"
                </button>
            </form>
        </section>
        <section aria-labelledby="list-heading">
            <h2 id="list-heading">"Every update"</h2>
            {v
                .list
                .iter()
                .cloned()
                .map(|u| {
                    let href = paths::update(u.id);
                    let title = u.title.clone();
                    view! {
                        <UpdateCard u />
                        <p>
                            <a href=href>{format!("Change \"{title}\"")}</a>
                        </p>
                    }
                })
                .collect_view()}
        </section>
    }
}
