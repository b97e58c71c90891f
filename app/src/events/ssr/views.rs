//! The public events pages' data: only public events that are not cancelled.

use std::collections::HashMap;

use store::areas::AreaDirectory;
use store::events::PublicEvent;

use crate::events::model::*;
use crate::shared::ssr::{AppState, ViewError};

struct Names {
    wards: HashMap<i32, (String, String)>,
    waves: HashMap<i32, String>,
}

impl Names {
    async fn load(st: &AppState) -> Result<Names, ViewError> {
        let areas = AreaDirectory::load(&st.db).await?;
        Ok(Names {
            wards: areas
                .wards
                .into_iter()
                .map(|w| (w.id, (w.code, w.name)))
                .collect(),
            waves: store::events::wave_titles(&st.db).await?,
        })
    }

    fn row(&self, p: PublicEvent, now: i64) -> PublicEventRow {
        let e = p.event;
        let (ward_code, ward) = e
            .ward_id
            .and_then(|w| self.wards.get(&w).cloned())
            .unwrap_or_default();
        let day = e.times.day();
        PublicEventRow {
            id: e.id,
            title: e.title,
            when: e.times.describe(),
            hours: e.times.hours(),
            day,
            place: e.place,
            ward,
            ward_code,
            group: p.group_name,
            group_contact: p.group_contact,
            description: e.description,
            surveys: e
                .waves
                .iter()
                .filter_map(|w| self.waves.get(w).cloned())
                .collect(),
            over: e.times.is_over(now),
        }
    }
}

pub async fn list(st: &AppState, ward: Option<String>) -> Result<EventsView, ViewError> {
    let now = st.clock.now();
    let names = Names::load(st).await?;
    let all: Vec<PublicEventRow> = store::events::public_upcoming(&st.db, now)
        .await?
        .into_iter()
        .map(|p| names.row(p, now))
        .collect();
    let mut wards: Vec<(String, String)> = all
        .iter()
        .filter(|e| !e.ward_code.is_empty())
        .map(|e| (e.ward_code.clone(), e.ward.clone()))
        .collect();
    wards.sort_by(|a, b| a.1.cmp(&b.1));
    wards.dedup();
    // An unknown ward code is simply no choice: the whole list.
    let ward = ward.filter(|w| wards.iter().any(|(c, _)| c == w));
    let events = all
        .into_iter()
        .filter(|e| ward.as_ref().is_none_or(|w| &e.ward_code == w))
        .collect();
    Ok(EventsView {
        wards,
        ward,
        events,
    })
}

pub async fn one(st: &AppState, id: i32) -> Result<PublicEventRow, ViewError> {
    let names = Names::load(st).await?;
    let p = store::events::public_by_id(&st.db, id)
        .await?
        .ok_or(ViewError::NotFound)?;
    Ok(names.row(p, st.clock.now()))
}
