//! An indicator split by channel, by community group and by the language answered in, for
//! officers. Each part is
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
    let languages: Vec<String> = store::fieldwork::by_language(&st.db, wave.id)
        .await?
        .into_iter()
        .map(|(code, _)| code)
        .collect();
    let present: BTreeSet<&str> = counts.iter().map(|(_, c, _)| c.as_str()).collect();
    let channels = Channel::ALL.iter().filter(|c| present.contains(c.key()));
    let groups: BTreeSet<i32> = counts.iter().filter_map(|(g, _, _)| *g).collect();
    let names = store::groups::names(&st.db).await?;
    let events = store::events::ids_by_group(&st.db).await?;

    // Every part at once: what they share is loaded once, and only this indicator computed.
    let channels: Vec<Channel> = channels.copied().collect();
    let groups: Vec<i32> = groups.into_iter().collect();
    let parts: Vec<Subset> = channels
        .iter()
        .map(|c| Subset::Channel(*c))
        .chain(
            groups
                .iter()
                .map(|g| Subset::Events(events.get(g).cloned().unwrap_or_default())),
        )
        .chain(languages.iter().map(|l| Subset::Language(l.clone())))
        .collect();
    let computed =
        store::results::compute_indicator_parts(&st.db, survey_row, wave, key, &parts).await?;
    let mut is_share = true;
    let mut figures = Vec::with_capacity(computed.len());
    for w in &computed {
        if w.defs.is_empty() {
            return Err(ViewError::NotFound);
        }
        let s = summary(w, &Cells::new(w), 0, &HashMap::new());
        is_share = s.is_share;
        figures.push(s.all);
    }
    let mut figures = figures.into_iter();
    let by_channel: Vec<(String, Figure)> = channels
        .iter()
        .zip(figures.by_ref())
        .map(|(c, f)| (c.label().to_string(), f))
        .collect();
    let by_group: BTreeMap<String, Figure> = groups
        .iter()
        .zip(figures.by_ref())
        .map(|(g, f)| (names.get(g).cloned().unwrap_or_default(), f))
        .collect();
    let by_language: Vec<(String, Figure)> = languages
        .iter()
        .zip(figures)
        .map(|(code, f)| {
            let name = domain::translation::Language::from_code(code)
                .map(|l| l.english_name.to_string())
                .unwrap_or_else(|| code.clone());
            (name, f)
        })
        .collect();
    Ok(IndicatorSplits {
        is_share,
        threshold: store::settings::disclosure_threshold(&st.db).await?,
        by_channel,
        by_group: by_group.into_iter().collect(),
        by_language,
    })
}
