//! Builds the officers' own pages: their surveys and waves, and fieldwork by ward.

use crate::officer::model::*;
use crate::results::model::WaveLink;
use crate::shared::ssr::auth::SignedIn;
use crate::shared::ssr::{AppState, ViewError};

pub async fn home(st: &AppState, who: &SignedIn) -> Result<OfficerHome, ViewError> {
    let catalogue = st.catalogue.get(&st.db).await?;
    let surveys = catalogue
        .surveys
        .iter()
        .map(|s| SurveyWaves {
            key: s.about.key.clone(),
            title: s.about.title.clone(),
            waves: catalogue
                .waves_of(s.id)
                .rev()
                .map(|w| WaveLink {
                    key: w.key.clone(),
                    name: w.name.clone(),
                    published: w.published,
                })
                .collect(),
        })
        .collect();
    Ok(OfficerHome {
        viewer: who.viewer(),
        surveys,
    })
}

pub async fn fieldwork(
    st: &AppState,
    who: &SignedIn,
    survey_key: &str,
    wave_key: &str,
) -> Result<FieldworkView, ViewError> {
    let (survey, wave) = store::waves::find(&st.db, survey_key, wave_key)
        .await?
        .ok_or(ViewError::NotFound)?;
    let counts = store::fieldwork::counts(&st.db, wave.id).await?;
    let catalogue = st.catalogue.get(&st.db).await?;
    let directory = &catalogue.areas;
    let mut rows: Vec<FieldworkRow> = directory
        .wards
        .iter()
        .map(|w| {
            let mut row = FieldworkRow {
                code: w.code.clone(),
                name: w.name.clone(),
                group: directory.group_name(w).to_string(),
                online: 0,
                paper: 0,
                group_entered: 0,
                total: 0,
            };
            for c in counts.iter().filter(|c| c.area_id == Some(w.id)) {
                use domain::Channel;
                // Every channel counted somewhere; groups' own channels together until the
                // community groups' pages split them.
                match Channel::parse(&c.channel) {
                    Some(Channel::Online) => row.online += c.responses,
                    Some(Channel::Paper) => row.paper += c.responses,
                    Some(
                        Channel::Group | Channel::Assisted | Channel::Kiosk | Channel::Offline,
                    )
                    | None => row.group_entered += c.responses,
                }
                row.total += c.responses;
            }
            row
        })
        .collect();
    // Fewest first: the wards that most need more voices.
    rows.sort_by(|a, b| a.total.cmp(&b.total).then(a.name.cmp(&b.name)));
    let known: u64 = rows.iter().map(|r| r.total).sum();
    let total: u64 = counts.iter().map(|c| c.responses).sum();
    Ok(FieldworkView {
        viewer: who.viewer(),
        survey_key: survey.key,
        survey_title: survey.title,
        wave_key: wave.key,
        wave_name: wave.name,
        rows,
        no_ward: total - known,
        total,
        threshold: store::settings::disclosure_threshold(&st.db).await?,
    })
}
