//! The group pages' data, always through the person's own scope.

use std::collections::HashMap;

use store::areas::AreaDirectory;
use store::events::Event;
use store::groups::Scope;

use crate::events::paths as public_paths;
use crate::groups::model::*;
use crate::shared::notice::FormNotice;
use crate::shared::ssr::auth::SignedIn;
use crate::shared::ssr::when::when;
use crate::shared::ssr::{AppState, ViewError};
use crate::shared::Typed;

/// Names to put on event rows: wards and waves by id.
pub struct Names {
    wards: HashMap<i32, String>,
    waves: HashMap<i32, String>,
}

impl Names {
    pub async fn load(st: &AppState) -> Result<Names, ViewError> {
        let areas = AreaDirectory::load(&st.db).await?;
        Ok(Names {
            wards: areas.wards.into_iter().map(|w| (w.id, w.name)).collect(),
            waves: store::events::wave_titles(&st.db).await?,
        })
    }

    pub fn row(&self, e: &Event, now: i64) -> EventRow {
        EventRow {
            id: e.id,
            title: e.title.clone(),
            when: e.times.describe(),
            place: e.place.clone(),
            ward: e
                .ward_id
                .and_then(|w| self.wards.get(&w).cloned())
                .unwrap_or_default(),
            public: e.public,
            cancelled: e.cancelled,
            over: e.times.is_over(now),
            surveys: e
                .waves
                .iter()
                .filter_map(|w| self.waves.get(w).cloned())
                .collect(),
        }
    }
}

pub async fn home(
    st: &AppState,
    who: &SignedIn,
    scope: &Scope,
    notice: Option<FormNotice>,
) -> Result<GroupHomeView, ViewError> {
    let group = store::groups::own(&st.db, scope).await?;
    let names = Names::load(st).await?;
    let now = who.at;
    let (past, upcoming): (Vec<EventRow>, Vec<EventRow>) = store::events::of_group(&st.db, scope)
        .await?
        .iter()
        .map(|e| names.row(e, now))
        .partition(|e| e.over);
    Ok(GroupHomeView {
        viewer: who.viewer(),
        group_name: group.name,
        upcoming,
        // The most recent first.
        past: past.into_iter().rev().collect(),
        notice,
    })
}

pub async fn event(
    st: &AppState,
    who: &SignedIn,
    scope: &Scope,
    id: i32,
    notice: Option<FormNotice>,
) -> Result<EventView, ViewError> {
    let e = store::events::own(&st.db, scope, id)
        .await?
        .ok_or(ViewError::NotFound)?;
    let names = Names::load(st).await?;
    Ok(EventView {
        viewer: who.viewer(),
        event: names.row(&e, who.at),
        description: e.description.clone(),
        public_page: (e.public && !e.cancelled).then(|| public_paths::event(e.id)),
        entry_waves: if !e.cancelled && e.times.takes_entries(who.at) {
            e.waves
                .iter()
                .filter_map(|w| names.waves.get(w).map(|t| (*w, t.clone())))
                .collect()
        } else {
            Vec::new()
        },
        entered: store::entries::at_event(&st.db, e.id).await?,
        mine: if !e.cancelled && e.times.takes_entries(who.at) {
            store::entries::mine_at_event(&st.db, scope, who.user.id, e.id)
                .await?
                .into_iter()
                .enumerate()
                .map(|(i, m)| MyEntryRow {
                    href: crate::groups::paths::entry(&m.code),
                    label: format!(
                        "Correct your entry {} (started {}){}",
                        i + 1,
                        when(m.created_at),
                        match m.corrections {
                            0 => String::new(),
                            1 => ", corrected once".into(),
                            n => format!(", corrected {n} times"),
                        }
                    ),
                })
                .collect()
        } else {
            Vec::new()
        },
        offline_pages: if e.cancelled || e.times.is_over(who.at) {
            Vec::new()
        } else {
            e.waves
                .iter()
                .filter_map(|w| {
                    names
                        .waves
                        .get(w)
                        .map(|t| (t.clone(), crate::groups::paths::event_offline(e.id, *w)))
                })
                .collect()
        },
        kept_aside: super::offline::kept_aside(st, scope, e.id).await?,
        paper: super::paper::rows(st, who, scope, &e, &names.waves).await?,
        notice,
    })
}

/// The form's values from a stored event.
fn values_of(e: &Event, names_of_waves: &[i32]) -> Typed {
    let (day, month, year, starts, ends) =
        domain::groups::form_fields(&e.times).unwrap_or_default();
    let ward = e.ward_id.map(|w| w.to_string()).unwrap_or_default();
    let waves = names_of_waves
        .iter()
        .map(i32::to_string)
        .collect::<Vec<_>>()
        .join(",");
    Typed::from_pairs(&[
        ("title", &e.title),
        ("description", &e.description),
        ("place", &e.place),
        ("ward", &ward),
        ("day", &day),
        ("month", &month),
        ("year", &year),
        ("starts", &starts),
        ("ends", &ends),
        ("waves", &waves),
        ("public", if e.public { "yes" } else { "no" }),
    ])
}

pub async fn event_form(
    st: &AppState,
    who: &SignedIn,
    scope: &Scope,
    id: Option<i32>,
    notice: Option<FormNotice>,
) -> Result<EventFormView, ViewError> {
    let existing = match id {
        Some(id) => Some(
            store::events::own(&st.db, scope, id)
                .await?
                .ok_or(ViewError::NotFound)?,
        ),
        None => None,
    };
    let group = store::groups::own(&st.db, scope).await?;
    let areas = AreaDirectory::load(&st.db).await?;
    // The group's own wards first: most of its events are there.
    let mut wards: Vec<(String, String)> = vec![(String::new(), "Choose a ward".into())];
    let (own, rest): (Vec<_>, Vec<_>) = areas
        .wards
        .iter()
        .partition(|w| group.wards.contains(&w.id));
    wards.extend(
        own.into_iter()
            .chain(rest)
            .map(|w| (w.id.to_string(), w.name.clone())),
    );
    let titles = store::events::wave_titles(&st.db).await?;
    let mut waves: Vec<(String, String)> = store::events::open_waves(&st.db)
        .await?
        .into_iter()
        .map(|w| (w.id.to_string(), w.title))
        .collect();
    // A wave the event had stays on the form after it closes, so the form can keep it.
    if let Some(e) = &existing {
        for w in &e.waves {
            if !waves.iter().any(|(id, _)| id == &w.to_string()) {
                if let Some(t) = titles.get(w) {
                    waves.push((w.to_string(), format!("{t} (closed)")));
                }
            }
        }
    }
    let refused = crate::shared::notice::Refusal::of(&notice, "event");
    let values = match (&refused, &existing) {
        (Some(r), _) => r.typed.clone(),
        (None, Some(e)) => values_of(e, &e.waves),
        (None, None) => Typed::default(),
    };
    Ok(EventFormView {
        viewer: who.viewer(),
        event_id: id,
        wards,
        waves,
        values,
        notice,
    })
}

pub async fn people(
    st: &AppState,
    who: &SignedIn,
    scope: &Scope,
    notice: Option<FormNotice>,
) -> Result<PeopleView, ViewError> {
    let group = store::groups::own(&st.db, scope).await?;
    let people = store::groups::people(&st.db, scope.group_id())
        .await?
        .into_iter()
        .map(person_row)
        .collect();
    Ok(PeopleView {
        viewer: who.viewer(),
        group_name: group.name,
        people,
        notice,
    })
}

pub fn person_row(u: store::users::User) -> PersonRow {
    PersonRow {
        name: u.name,
        email: u.email,
        role: u.role.label().to_string(),
        active: u.active,
        last_sign_in: u
            .last_sign_in_at
            .map(when)
            .unwrap_or_else(|| "Not yet".into()),
    }
}
