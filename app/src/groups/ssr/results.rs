//! A group's own results: the responses its events collected, by event, ward and channel,
//! and its indicators, computed by the same engine and disclosure rules as the council's
//! (a group's figures are cells like any other: withheld below the threshold).

use std::collections::{BTreeSet, HashMap};

use store::groups::Scope;
use store::wave_data::Subset;

use crate::groups::model::{CountRow, GroupResultsView, GroupWave};
use crate::results::ssr::views::{summary, Cells};
use crate::shared::ssr::auth::SignedIn;
use crate::shared::ssr::{AppState, ViewError};

pub async fn view(
    st: &AppState,
    who: &SignedIn,
    scope: &Scope,
) -> Result<GroupResultsView, ViewError> {
    let group = store::groups::own(&st.db, scope).await?;
    let events = store::events::of_group(&st.db, scope).await?;
    let ids: Vec<i32> = events.iter().map(|e| e.id).collect();
    let titles: HashMap<i32, String> = events.iter().map(|e| (e.id, e.title.clone())).collect();
    let catalogue = st.catalogue.get(&st.db).await?;
    let ward_names: HashMap<i32, String> = catalogue
        .areas
        .wards
        .iter()
        .map(|w| (w.id, w.name.clone()))
        .collect();
    let wave_titles = store::events::wave_titles(&st.db).await?;
    let counts = store::fieldwork::at_events(&st.db, &ids).await?;
    let mut rows: Vec<CountRow> = counts
        .iter()
        .map(|c| CountRow {
            event: titles.get(&c.event_id).cloned().unwrap_or_default(),
            survey: wave_titles.get(&c.wave_id).cloned().unwrap_or_default(),
            ward: c
                .area_id
                .and_then(|a| ward_names.get(&a).cloned())
                .unwrap_or_else(|| "No ward given".into()),
            channel: domain::Channel::parse(&c.channel)
                .map(|ch| ch.label().to_string())
                .unwrap_or_else(|| c.channel.clone()),
            responses: c.responses,
        })
        .collect();
    rows.sort_by(|a, b| (&a.event, &a.survey, &a.ward).cmp(&(&b.event, &b.survey, &b.ward)));
    let mut waves = Vec::new();
    let wave_ids: BTreeSet<i32> = counts.iter().map(|c| c.wave_id).collect();
    for wave_id in wave_ids {
        let Some(wave) = catalogue.wave(wave_id).cloned() else {
            continue;
        };
        let Some(survey_row) = catalogue
            .survey_rows
            .iter()
            .find(|s| s.id == wave.survey_id)
            .cloned()
        else {
            continue;
        };
        let computed =
            store::results::compute_subset(&st.db, survey_row, wave, &Subset::Events(ids.clone()))
                .await?;
        let cells = Cells::new(&computed);
        let none = HashMap::new();
        waves.push(GroupWave {
            title: wave_titles.get(&wave_id).cloned().unwrap_or_default(),
            responses: counts
                .iter()
                .filter(|c| c.wave_id == wave_id)
                .map(|c| c.responses)
                .sum(),
            indicators: (0..computed.defs.len())
                .map(|i| summary(&computed, &cells, i, &none))
                .collect(),
        });
    }
    Ok(GroupResultsView {
        viewer: who.viewer(),
        group_name: group.name,
        threshold: store::settings::disclosure_threshold(&st.db).await?,
        counts: rows,
        waves,
    })
}
