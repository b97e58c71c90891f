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
    let page = crate::officer::paths::fieldwork(survey_key, wave_key);
    let invitations = super::invitations::view(st, &wave, directory, &page).await?;
    let names = store::groups::names(&st.db).await?;
    let by_group = store::fieldwork::by_group(&st.db, wave.id)
        .await?
        .into_iter()
        .map(|(g, channel, responses)| GroupChannelRow {
            group: g
                .and_then(|g| names.get(&g).cloned())
                .unwrap_or_else(|| "No group".into()),
            channel: domain::Channel::parse(&channel)
                .map(|c| c.label().to_string())
                .unwrap_or(channel),
            responses,
        })
        .collect();
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
        panel: panel_make_up(st, directory).await?,
        invitations,
        by_group,
    })
}

/// Who last published or withdrew a wave, and when.
pub async fn last_publication(
    st: &AppState,
    survey_key: &str,
    wave_key: &str,
) -> Result<Option<String>, ViewError> {
    let about = format!("{survey_key} {wave_key}:");
    let entry = store::audit::latest(&st.db, domain::AuditAction::Publication, &about).await?;
    Ok(entry.map(|e| {
        let what = if e
            .detail
            .ends_with(store::waves::WaveChange::Publish.describe())
        {
            "Published"
        } else {
            "Withdrawn from publication"
        };
        format!(
            "{what} by {}, {}.",
            e.actor,
            crate::shared::ssr::when::when(e.at)
        )
    }))
}

/// What publishing or withdrawing a wave would do: how many figures, how many withheld.
pub async fn publication_check(
    st: &AppState,
    who: &SignedIn,
    survey_key: &str,
    wave_key: &str,
) -> Result<PublicationCheck, ViewError> {
    use crate::results::paths::Audience;
    let l = crate::results::ssr::views::load(st, Audience::Officer, survey_key, wave_key).await?;
    let cells = &l.computed.result.cells;
    Ok(PublicationCheck {
        viewer: who.viewer(),
        header: l.header.clone(),
        indicators: l.computed.defs.len(),
        figures: cells.len(),
        withheld: cells.iter().filter(|c| c.withheld).count(),
        last_publication: last_publication(st, survey_key, wave_key).await?,
    })
}

/// The panel by age band, sex and ward, each beside the residents' shares.
async fn panel_make_up(
    st: &AppState,
    directory: &store::areas::AreaDirectory,
) -> Result<PanelMakeUp, ViewError> {
    let profiles = store::subscribers::panel_profiles(&st.db).await?;
    let margins = store::population::margins(&st.db).await?;
    let pct = |part: f64, whole: f64| {
        if whole > 0.0 {
            format!("{:.0}%", 100.0 * part / whole)
        } else {
            String::new()
        }
    };
    // One table: each category's members beside its population.
    let table = |by: &str,
                 categories: Vec<(String, String, f64)>,
                 said: &dyn Fn(&store::subscribers::Profile) -> Option<String>| {
        let answered: Vec<String> = profiles.iter().filter_map(said).collect();
        let whole = answered.len() as f64;
        let rows = categories
            .into_iter()
            .map(|(key, label, population)| {
                let members = answered.iter().filter(|a| **a == key).count() as u64;
                let share = if whole > 0.0 {
                    members as f64 / whole
                } else {
                    0.0
                };
                let pop_share = if margins.total > 0.0 {
                    population / margins.total
                } else {
                    0.0
                };
                MakeUpRow {
                    label,
                    members,
                    share: pct(members as f64, whole),
                    population_share: pct(population, margins.total),
                    under: whole > 0.0 && margins.total > 0.0 && share < pop_share * 2.0 / 3.0,
                }
            })
            .collect();
        MakeUpTable {
            by: by.to_string(),
            rows,
            not_said: profiles.len() as u64 - answered.len() as u64,
        }
    };
    let ages = domain::indicators::data::AGE_BANDS
        .iter()
        .map(|a| {
            let n = margins.by_age.get(*a).copied().unwrap_or(0.0);
            (a.to_string(), a.to_string(), n)
        })
        .collect();
    let sexes = [("female", "Female"), ("male", "Male")]
        .iter()
        .map(|(k, l)| {
            let n = margins.by_sex.get(*k).copied().unwrap_or(0.0);
            (k.to_string(), l.to_string(), n)
        })
        .collect();
    let wards = directory
        .wards
        .iter()
        .map(|w| {
            let n = margins.by_area.get(&w.id).copied().unwrap_or(0.0);
            (w.code.clone(), w.name.clone(), n)
        })
        .collect();
    Ok(PanelMakeUp {
        members: profiles.len() as u64,
        population: margins.total > 0.0,
        tables: vec![
            table("Age band", ages, &|p| p.age_band.clone()),
            table("Sex", sexes, &|p| p.sex.clone()),
            table("Ward", wards, &|p| p.ward_code.clone()),
        ],
    })
}
