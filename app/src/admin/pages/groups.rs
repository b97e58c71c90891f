use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::admin::api::{load_group, load_groups};
use crate::admin::model::{GroupView, GroupsView};
use crate::admin::paths;
use crate::groups::pages::home::EventTable;
use crate::groups::pages::people::{InviteForm, PeopleTable};
use crate::officer::pages::nav::OfficerNav;
use crate::shared::components::{
    show_loaded, Checkboxes, ErrorSummary, InputField, PageTitle, StatusNotice, TextArea,
};
use crate::shared::notice::{done, Refusal};
use crate::shared::Typed;

/// Community groups: the list, and setting up a new one.
#[component]
pub fn GroupsPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| load_groups());
    view! {
        {show_loaded(
            data,
            |v: GroupsView| {
                let refusal = Refusal::of(&v.notice, "group").unwrap_or_default();
                view! {
                    <PageTitle
                        text="Community groups".to_string()
                        error=!refusal.errors.is_empty()
                    />
                    <OfficerNav viewer=v.viewer.clone() />
                    <ErrorSummary errors=refusal.errors.clone() />
                    <StatusNotice message=done(&v.notice) />
                    <h1>"Community groups"</h1>
                    <p>
                        "Groups gather residents' views face to face. Their organisers plan events and invite volunteers, who enter answers with residents. Each group sees only its own events, people and entries."
                    </p>
                    {if v.groups.is_empty() {
                        view! { <p>"There are no groups yet."</p> }.into_any()
                    } else {
                        view! {
                            <div class="table-wrap" tabindex="0" role="region" aria-label="Groups">
                                <table class="table">
                                    <caption class="visually-hidden">"Groups"</caption>
                                    <thead>
                                        <tr>
                                            <th scope="col">"Group"</th>
                                            <th scope="col">"Wards"</th>
                                            <th scope="col" class="numeric">
                                                "Organisers"
                                            </th>
                                            <th scope="col" class="numeric">
                                                "Volunteers"
                                            </th>
                                            <th scope="col" class="numeric">
                                                "Events"
                                            </th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {v
                                            .groups
                                            .iter()
                                            .map(|g| {
                                                view! {
                                                    <tr>
                                                        <th scope="row">
                                                            <a href=paths::admin_group(g.id)>{g.name.clone()}</a>
                                                        </th>
                                                        <td>{g.wards.clone()}</td>
                                                        <td class="numeric">{g.organisers}</td>
                                                        <td class="numeric">{g.volunteers}</td>
                                                        <td class="numeric">{g.events}</td>
                                                    </tr>
                                                }
                                            })
                                            .collect_view()}
                                    </tbody>
                                </table>
                            </div>
                        }
                            .into_any()
                    }}
                    <h2 id="new-group">"Set up a group"</h2>
                    <form method="post" action=paths::ADMIN_GROUPS novalidate>
                        <input type="hidden" name="csrf" value=v.viewer.csrf.clone() />
                        <GroupFields
                            values=refusal.typed.clone()
                            wards=v.wards.clone()
                            refusal=refusal.clone()
                        />
                        <button class="button" type="submit">
                            "Set up the group"
                        </button>
                    </form>
                }
                    .into_any()
            },
        )}
    }
}

/// One group: its details, its people (and inviting an organiser), its events.
#[component]
pub fn GroupPage() -> impl IntoView {
    let params = use_params_map();
    let data = Resource::new(
        move || params.read().get("id").and_then(|i| i.parse::<i32>().ok()),
        |id| async move {
            match id {
                Some(id) => load_group(id).await,
                None => Err(crate::shared::PageError::NotFound),
            }
        },
    );
    view! {
        {show_loaded(
            data,
            |v: GroupView| {
                let details = Refusal::of(&v.notice, "group").unwrap_or_default();
                let invite = Refusal::of(&v.notice, "invite").unwrap_or_default();
                let mut errors = details.errors.clone();
                errors.extend(invite.errors.clone());
                view! {
                    <PageTitle text=v.name.clone() error=!errors.is_empty() />
                    <OfficerNav viewer=v.viewer.clone() />
                    <a class="back-link" href=paths::ADMIN_GROUPS>
                        "All groups"
                    </a>
                    <ErrorSummary errors />
                    <StatusNotice message=done(&v.notice) />
                    <span class="caption">"Community group"</span>
                    <h1>{v.name.clone()}</h1>
                    <h2>"People"</h2>
                    <PeopleTable people=v.people.clone() />
                    <h2 id="invite">"Invite an organiser"</h2>
                    <p>
                        "Organisers plan the group's events and invite its volunteers. They get an email with a link to choose their own password."
                    </p>
                    <InviteForm
                        action=paths::admin_group_organisers(v.id)
                        csrf=v.viewer.csrf.clone()
                        refusal=invite.clone()
                    />
                    <h2>"Events"</h2>
                    <EventTable
                        rows=v.events.clone()
                        caption="Events"
                        empty="The group has planned no events yet."
                        linked=false
                    />
                    <h2 id="details">"Details"</h2>
                    <form method="post" action=paths::admin_group(v.id) novalidate>
                        <input type="hidden" name="csrf" value=v.viewer.csrf.clone() />
                        <GroupFields
                            values=v.values.clone()
                            wards=v.wards.clone()
                            refusal=details
                        />
                        <button class="button" type="submit">
                            "Save details"
                        </button>
                    </form>
                }
                    .into_any()
            },
        )}
    }
}

/// A group's details: name, description, contact, wards.
#[component]
fn GroupFields(values: Typed, wards: Vec<(String, String)>, refusal: Refusal) -> impl IntoView {
    let val = |k: &str| values.get(k).unwrap_or_default();
    let err = |k: &str| refusal.error(&format!("group-{k}"));
    let checked: Vec<String> = val("wards")
        .split(',')
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    view! {
        <InputField
            id="group-name"
            name="name"
            label="Name"
            kind="text"
            autocomplete="organization"
            error=err("name")
            value=val("name")
        />
        <TextArea
            id="group-description".to_string()
            name="description"
            label="What the group does (optional)"
            error=err("description")
            value=val("description")
        />
        <InputField
            id="group-contact_email"
            name="contact_email"
            label="Contact email address"
            kind="email"
            autocomplete="email"
            hint="Shown to residents on the group's public events"
            error=err("contact_email")
            value=val("contact_email")
        />
        <InputField
            id="group-contact_phone"
            name="contact_phone"
            label="Contact phone number (optional)"
            kind="tel"
            autocomplete="tel"
            error=err("contact_phone")
            value=val("contact_phone")
        />
        <Checkboxes
            id="group-wards".to_string()
            name="wards"
            legend="Wards the group works in"
            error=err("wards")
            options=wards
            checked
        />
    }
}
