//! Community groups, for administrators: the list, creating and changing a group, and
//! inviting its organisers (who then invite their own volunteers).

use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::post;
use domain::accounts::Role;
use domain::groups::{GroupDetails, GroupForm};
use store::areas::AreaDirectory;

use crate::admin::model::{GroupRow, GroupView, GroupsView};
use crate::admin::paths;
use crate::groups::ssr::forms::{all_of, invite_refused, invited};
use crate::groups::ssr::views::{person_row, Names};
use crate::shared::notice::FormNotice;
use crate::shared::ssr::access::{Administrators, Routes};
use crate::shared::ssr::auth::SignedIn;
use crate::shared::ssr::forms::{field, typed, Fields};
use crate::shared::ssr::staff_forms::{OfficerError, Posted};
use crate::shared::ssr::{flash, AppState, ViewError};
use crate::shared::Typed;

pub fn router() -> Routes {
    Routes::default()
        .route(paths::ADMIN_GROUPS, post(create_group))
        .route(paths::ADMIN_GROUP, post(update_group))
        .route(paths::ADMIN_GROUP_ORGANISERS, post(invite_organiser))
}

async fn ward_choices(st: &AppState) -> Result<(AreaDirectory, Vec<(String, String)>), ViewError> {
    let areas = AreaDirectory::load(&st.db).await?;
    let choices = areas
        .wards
        .iter()
        .map(|w| (w.id.to_string(), w.name.clone()))
        .collect();
    Ok((areas, choices))
}

pub async fn list(
    st: &AppState,
    who: &SignedIn,
    notice: Option<FormNotice>,
) -> Result<GroupsView, ViewError> {
    let (areas, wards) = ward_choices(st).await?;
    let mut groups = Vec::new();
    for g in store::groups::all(&st.db).await? {
        let people = store::groups::people(&st.db, g.id).await?;
        let events = store::events::of_group_id(&st.db, g.id).await?;
        let ward_names: Vec<String> = areas
            .wards
            .iter()
            .filter(|w| g.wards.contains(&w.id))
            .map(|w| w.name.clone())
            .collect();
        groups.push(GroupRow {
            id: g.id,
            name: g.name,
            wards: ward_names.join(", "),
            organisers: people.iter().filter(|p| p.role.organises()).count(),
            volunteers: people.iter().filter(|p| !p.role.organises()).count(),
            events: events.len(),
        });
    }
    Ok(GroupsView {
        viewer: who.viewer(),
        groups,
        wards,
        notice,
    })
}

pub async fn one(
    st: &AppState,
    who: &SignedIn,
    id: i32,
    notice: Option<FormNotice>,
) -> Result<GroupView, ViewError> {
    let g = store::groups::by_id(&st.db, id)
        .await?
        .ok_or(ViewError::NotFound)?;
    let (_, wards) = ward_choices(st).await?;
    let names = Names::load(st).await?;
    let values = match crate::shared::notice::Refusal::of(&notice, "group") {
        Some(r) => r.typed,
        None => details_typed(
            &g.name,
            &g.description,
            &g.contact_email,
            &g.contact_phone,
            &g.wards,
        ),
    };
    Ok(GroupView {
        viewer: who.viewer(),
        id,
        name: g.name.clone(),
        values,
        wards,
        people: store::groups::people(&st.db, id)
            .await?
            .into_iter()
            .map(person_row)
            .collect(),
        events: store::events::of_group_id(&st.db, id)
            .await?
            .iter()
            .map(|e| names.row(e, who.at))
            .collect(),
        notice,
    })
}

fn details_typed(name: &str, description: &str, email: &str, phone: &str, wards: &[i32]) -> Typed {
    let wards = wards
        .iter()
        .map(i32::to_string)
        .collect::<Vec<_>>()
        .join(",");
    Typed::from_pairs(&[
        ("name", name),
        ("description", description),
        ("contact_email", email),
        ("contact_phone", phone),
        ("wards", &wards),
    ])
}

/// The group form as typed, and its details if every field is right.
fn read_group(fields: &Fields) -> (Typed, Result<GroupDetails, Vec<domain::groups::Problem>>) {
    let wards = all_of(fields, "wards");
    let description: String = field(fields, "description")
        .unwrap_or("")
        .chars()
        .take(2000)
        .collect();
    let (name, email, phone) = (
        typed(fields, "name"),
        typed(fields, "contact_email"),
        typed(fields, "contact_phone"),
    );
    let back = details_typed(&name, &description, &email, &phone, &wards);
    let details = GroupDetails::parse(&GroupForm {
        name: &name,
        description: &description,
        contact_email: &email,
        contact_phone: &phone,
        wards: &wards,
    });
    (back, details)
}

async fn create_group(
    State(st): State<AppState>,
    p: Posted<Administrators>,
) -> Result<Response, OfficerError> {
    let (back, details) = read_group(&p.fields);
    let refused = |problems: &[domain::groups::Problem]| {
        flash::redirect_with(
            &st,
            paths::ADMIN_GROUPS,
            &FormNotice::refused("group", problems, back.clone()),
            "#new-group",
        )
    };
    let details = match details {
        Ok(d) => d,
        Err(problems) => return Ok(refused(&problems)),
    };
    match store::groups::create(&st.db, &p.actor(), &details).await? {
        Ok(g) => Ok(flash::redirect_with(
            &st,
            &paths::admin_group(g.id),
            &FormNotice::Done(format!(
                "{} is set up. Invite its organisers below: they plan its events and invite its volunteers.",
                g.name
            )),
            "",
        )),
        Err(problems) => Ok(refused(&problems)),
    }
}

async fn update_group(
    State(st): State<AppState>,
    Path(id): Path<i32>,
    p: Posted<Administrators>,
) -> Result<Response, OfficerError> {
    let page = paths::admin_group(id);
    let (back, details) = read_group(&p.fields);
    let refused = |problems: &[domain::groups::Problem]| {
        flash::redirect_with(
            &st,
            &page,
            &FormNotice::refused("group", problems, back.clone()),
            "#details",
        )
    };
    let details = match details {
        Ok(d) => d,
        Err(problems) => return Ok(refused(&problems)),
    };
    match store::groups::update(&st.db, &p.actor(), id, &details).await? {
        None => Err(OfficerError::NotFound),
        Some(Err(problems)) => Ok(refused(&problems)),
        Some(Ok(())) => Ok(flash::redirect_with(
            &st,
            &page,
            &FormNotice::Done("The group's details are saved.".into()),
            "",
        )),
    }
}

async fn invite_organiser(
    State(st): State<AppState>,
    Path(id): Path<i32>,
    p: Posted<Administrators>,
) -> Result<Response, OfficerError> {
    let group = store::groups::by_id(&st.db, id)
        .await?
        .ok_or(OfficerError::NotFound)?;
    let page = paths::admin_group(id);
    let (name, email) = (typed(&p.fields, "name"), typed(&p.fields, "email"));
    let outcome = store::account_links::invite(
        &st.db,
        &p.actor(),
        store::account_links::Invitee {
            name: &name,
            email: &email,
            role: Role::Organiser,
            group: Some(group.id),
            invited_by: &p.who.user.name,
        },
    )
    .await?;
    match outcome {
        Ok(u) => Ok(invited(&st, &page, &u.email)),
        Err(problems) => Ok(flash::redirect_with(
            &st,
            &page,
            &invite_refused(problems, &name, &email),
            "#invite",
        )),
    }
}
