use leptos::prelude::*;

use crate::groups::api::load_people;
use crate::groups::model::PeopleView;
use crate::groups::paths;
use crate::officer::pages::nav::OfficerNav;
use crate::shared::components::{show_loaded, ErrorSummary, InputField, PageTitle, StatusNotice};
use crate::shared::notice::{done, Refusal};

/// A group's people, and inviting a volunteer (organisers only).
#[component]
pub fn PeoplePage() -> impl IntoView {
    let data = Resource::new(|| (), |_| load_people());
    view! {
        {show_loaded(
            data,
            move |v: PeopleView| {
                let refusal = Refusal::of(&v.notice, "invite").unwrap_or_default();
                view! {
                    <PageTitle text="People".to_string() error=!refusal.errors.is_empty() />
                    <OfficerNav viewer=v.viewer.clone() />
                    <ErrorSummary errors=refusal.errors.clone() />
                    <StatusNotice message=done(&v.notice) />
                    <span class="caption">{v.group_name.clone()}</span>
                    <h1>"People"</h1>
                    <PeopleTable people=v.people.clone() />
                    <h2 id="invite">"Invite a volunteer"</h2>
                    <p>
                        "Volunteers enter residents' answers at your events. They get an email with a link to choose their own password, and see only your group's events."
                    </p>
                    <InviteForm
                        action=paths::GROUP_PEOPLE.to_string()
                        csrf=v.viewer.csrf.clone()
                        refusal=refusal.clone()
                    />
                }
                    .into_any()
            },
        )}
    }
}

/// A group's organisers and volunteers.
#[component]
pub fn PeopleTable(people: Vec<crate::groups::model::PersonRow>) -> impl IntoView {
    if people.is_empty() {
        return view! { <p>"Nobody has been invited yet."</p> }.into_any();
    }
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label="People">
            <table class="table">
                <caption class="visually-hidden">"People"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Name"</th>
                        <th scope="col">"Email"</th>
                        <th scope="col">"Role"</th>
                        <th scope="col">"Last signed in"</th>
                    </tr>
                </thead>
                <tbody>
                    {people
                        .into_iter()
                        .map(|p| {
                            let role = if p.active {
                                p.role.clone()
                            } else {
                                format!("{} (account off)", p.role)
                            };
                            view! {
                                <tr>
                                    <th scope="row">{p.name}</th>
                                    <td>{p.email}</td>
                                    <td>{role}</td>
                                    <td>{p.last_sign_in}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

/// The invitation form's fields and button: a person's name and email address, each with
/// its problem, and what was typed if the form came back refused.
#[component]
pub fn InviteForm(action: String, csrf: String, refusal: Refusal) -> impl IntoView {
    let err = |k: &str| refusal.error(&format!("invite-{k}"));
    let val = |k: &str| refusal.typed.get(k).unwrap_or_default();
    view! {
        <form method="post" action=action novalidate>
            <input type="hidden" name="csrf" value=csrf />
            <InputField
                id="invite-name"
                name="name"
                label="Full name"
                kind="text"
                autocomplete="off"
                error=err("name")
                value=val("name")
            />
            <InputField
                id="invite-email"
                name="email"
                label="Email address"
                kind="email"
                autocomplete="off"
                error=err("email")
                value=val("email")
            />
            <button class="button" type="submit">
                "Send invitation"
            </button>
        </form>
    }
}
