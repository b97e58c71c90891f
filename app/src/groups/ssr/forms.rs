//! The group pages' form posts: planning, changing and cancelling an event, and inviting a
//! volunteer. Each takes the organiser's own scope; an event of another group is simply
//! not found.

use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::post;
use domain::accounts::Role;
use domain::groups::{EventDetails, EventForm, Problem};
use store::groups::Scope;

use crate::groups::paths;
use crate::shared::notice::FormNotice;
use crate::shared::ssr::access::{Organisers, Routes};
use crate::shared::ssr::forms::{typed, Fields};
use crate::shared::ssr::staff_forms::{OfficerError, Posted};
use crate::shared::ssr::{flash, AppState};
use crate::shared::Typed;

pub fn router() -> Routes {
    Routes::default()
        .route(paths::GROUP_NEW_EVENT, post(plan_event))
        .route(paths::GROUP_EVENT_CHANGE, post(change_event))
        .route(paths::GROUP_EVENT_CANCEL, post(cancel_event))
        .route(paths::GROUP_PEOPLE, post(invite_volunteer))
}

fn scope_of(p: &Posted<Organisers>) -> Result<Scope, OfficerError> {
    Scope::of(&p.who.user).ok_or(OfficerError::NotFound)
}

/// Every value of a repeated field (checkboxes).
pub fn all_of(fields: &Fields, name: &str) -> Vec<i32> {
    fields
        .iter()
        .filter(|(k, _)| k == name)
        .filter_map(|(_, v)| v.parse().ok())
        .collect()
}

const EVENT_FIELDS: [&str; 10] = [
    "title",
    "description",
    "place",
    "ward",
    "day",
    "month",
    "year",
    "starts",
    "ends",
    "public",
];

/// The event form as typed, and its details if every field is right.
fn read_event(
    p: &Posted<Organisers>,
    today: chrono::NaiveDate,
) -> (Typed, Result<EventDetails, Vec<Problem>>) {
    let t = |k| typed(&p.fields, k);
    let waves = all_of(&p.fields, "waves");
    let mut pairs: Vec<(&str, String)> = EVENT_FIELDS.iter().map(|k| (*k, t(k))).collect();
    // The description can be longer than a single-line field.
    pairs[1].1 = crate::shared::ssr::forms::field(&p.fields, "description")
        .unwrap_or("")
        .chars()
        .take(2000)
        .collect();
    let wave_list = waves
        .iter()
        .map(i32::to_string)
        .collect::<Vec<_>>()
        .join(",");
    pairs.push(("waves", wave_list));
    let typed_back = Typed::from_pairs(
        &pairs
            .iter()
            .map(|(k, v)| (*k, v.as_str()))
            .collect::<Vec<_>>(),
    );
    let get = |k: &str| {
        pairs
            .iter()
            .find(|(n, _)| *n == k)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    };
    let form = EventForm {
        title: get("title"),
        description: get("description"),
        place: get("place"),
        ward: get("ward").parse().ok(),
        day: get("day"),
        month: get("month"),
        year: get("year"),
        starts: get("starts"),
        ends: get("ends"),
        waves: &waves,
        public: get("public"),
    };
    let details = EventDetails::parse(&form, today);
    (typed_back, details)
}

fn today(p: &Posted<Organisers>) -> chrono::NaiveDate {
    domain::groups::local_date(p.who.at)
}

async fn plan_event(
    State(st): State<AppState>,
    p: Posted<Organisers>,
) -> Result<Response, OfficerError> {
    let scope = scope_of(&p)?;
    let (typed_back, details) = read_event(&p, today(&p));
    let refused = |problems: &[Problem]| {
        flash::redirect_with(
            &st,
            paths::GROUP_NEW_EVENT,
            &FormNotice::refused("event", problems, typed_back.clone()),
            "",
        )
    };
    let details = match details {
        Ok(d) => d,
        Err(problems) => return Ok(refused(&problems)),
    };
    match store::events::plan(&st.db, &p.actor(), &scope, &details).await? {
        Ok(e) => Ok(flash::redirect_with(
            &st,
            &paths::event(e.id),
            &FormNotice::Done(format!("{} is planned.", e.title)),
            "",
        )),
        Err(problems) => Ok(refused(&problems)),
    }
}

async fn change_event(
    State(st): State<AppState>,
    Path(id): Path<i32>,
    p: Posted<Organisers>,
) -> Result<Response, OfficerError> {
    let scope = scope_of(&p)?;
    if store::events::own(&st.db, &scope, id).await?.is_none() {
        return Err(OfficerError::NotFound);
    }
    let (typed_back, details) = read_event(&p, today(&p));
    let page = paths::event_change(id);
    let refused = |problems: &[Problem]| {
        flash::redirect_with(
            &st,
            &page,
            &FormNotice::refused("event", problems, typed_back.clone()),
            "",
        )
    };
    let details = match details {
        Ok(d) => d,
        Err(problems) => return Ok(refused(&problems)),
    };
    match store::events::change(&st.db, &p.actor(), &scope, id, &details).await? {
        None => Err(OfficerError::NotFound),
        Some(Err(problems)) => Ok(refused(&problems)),
        Some(Ok(())) => Ok(flash::redirect_with(
            &st,
            &paths::event(id),
            &FormNotice::Done("Your changes are saved.".into()),
            "",
        )),
    }
}

async fn cancel_event(
    State(st): State<AppState>,
    Path(id): Path<i32>,
    p: Posted<Organisers>,
) -> Result<Response, OfficerError> {
    let scope = scope_of(&p)?;
    if !store::events::cancel(&st.db, &p.actor(), &scope, id).await? {
        return Err(OfficerError::NotFound);
    }
    Ok(flash::redirect_with(
        &st,
        &paths::event(id),
        &FormNotice::Done(
            "The event is cancelled. It is no longer on the public events page.".into(),
        ),
        "",
    ))
}

async fn invite_volunteer(
    State(st): State<AppState>,
    p: Posted<Organisers>,
) -> Result<Response, OfficerError> {
    let scope = scope_of(&p)?;
    let (name, email) = (typed(&p.fields, "name"), typed(&p.fields, "email"));
    let outcome = store::account_links::invite(
        &st.db,
        &p.actor(),
        store::account_links::Invitee {
            name: &name,
            email: &email,
            role: Role::Volunteer,
            group: Some(scope.group_id()),
            invited_by: &p.who.user.name,
        },
    )
    .await?;
    let page = paths::GROUP_PEOPLE;
    match outcome {
        Ok(u) => Ok(invited(&st, page, &u.email)),
        Err(problems) => Ok(flash::redirect_with(
            &st,
            page,
            &invite_refused(problems, &name, &email),
            "#invite",
        )),
    }
}

/// Back to `page` saying the invitation went.
pub fn invited(st: &AppState, page: &str, email: &str) -> Response {
    st.mail.wake.notify_one();
    flash::redirect_with(
        st,
        page,
        &FormNotice::Done(format!(
            "Invitation sent to {email}. They choose their own password from the link, which works for {} hours.",
            store::account_links::INVITATION_HOURS
        )),
        "",
    )
}

/// An invitation form's problems, worded, with what was typed.
pub fn invite_refused(problems: store::users::UserProblems, name: &str, email: &str) -> FormNotice {
    use crate::shared::messages;
    let mut list = Vec::new();
    if let Some(m) = problems.name {
        list.push(Problem {
            field: "name",
            message: messages::name_problem(m),
        });
    }
    if let Some(m) = problems.email {
        list.push(Problem {
            field: "email",
            message: messages::email_problem(m),
        });
    }
    FormNotice::refused(
        "invite",
        &list,
        Typed::from_pairs(&[("name", name), ("email", email)]),
    )
}
