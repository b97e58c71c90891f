//! An indicator split by channel and by community group, for officers. Each part is
//! computed by the same engine, weighting and disclosure rules as the whole wave
//! (`store::results::compute_subset`), so a small part is withheld like a small ward.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use domain::Channel;
use store::wave_data::Subset;

use crate::officer::model::IndicatorSplits;
use crate::results::model::Figure;
use crate::results::ssr::views::{summary, Cells};
use crate::shared::ssr::{AppState, ViewError};

pub async fn indicator(
    st: &AppState,
    survey_key: &str,
    wave_key: &str,
    key: &str,
) -> Result<IndicatorSplits, ViewError> {
    let catalogue = st.catalogue.get(&st.db).await?;
    let (survey_row, wave) = catalogue
        .find_wave(survey_key, wave_key)
        .ok_or(ViewError::NotFound)?;
    let counts = store::fieldwork::by_group(&st.db, wave.id).await?;
    let present: BTreeSet<&str> = counts.iter().map(|(_, c, _)| c.as_str()).collect();
    let channels = Channel::ALL.iter().filter(|c| present.contains(c.key()));
    let groups: BTreeSet<i32> = counts.iter().filter_map(|(g, _, _)| *g).collect();
    let names = store::groups::names(&st.db).await?;
    let events = store::events::ids_by_group(&st.db).await?;

    let part = |subset: Subset| {
        let (survey_row, wave) = (survey_row.clone(), wave.clone());
        async move {
            let computed =
                store::results::compute_subset(&st.db, survey_row, wave, &subset).await?;
            let i = computed
                .defs
                .iter()
                .position(|d| d.key == key)
                .ok_or(ViewError::NotFound)?;
            let s = summary(&computed, &Cells::new(&computed), i, &HashMap::new());
            Ok::<_, ViewError>((s.is_share, s.all))
        }
    };
    let mut is_share = true;
    let mut by_channel = Vec::new();
    for c in channels {
        let (share, figure) = part(Subset::Channel(*c)).await?;
        is_share = share;
        by_channel.push((c.label().to_string(), figure));
    }
    let mut by_group: BTreeMap<String, Figure> = BTreeMap::new();
    for g in groups {
        let ids = events.get(&g).cloned().unwrap_or_default();
        let (share, figure) = part(Subset::Events(ids)).await?;
        is_share = share;
        by_group.insert(names.get(&g).cloned().unwrap_or_default(), figure);
    }
    Ok(IndicatorSplits {
        is_share,
        threshold: store::settings::disclosure_threshold(&st.db).await?,
        by_channel,
        by_group: by_group.into_iter().collect(),
    })
}
