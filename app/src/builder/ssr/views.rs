//! The surveys page's data: every survey, draft-only ones too, with its versions and the
//! version each wave answers.

use sea_orm::{EntityTrait, QueryOrder};

use crate::builder::model::{SurveyRow, SurveysNotice, SurveysView, VersionRow};
use crate::builder::paths;
use crate::shared::ssr::auth::SignedIn;
use crate::shared::ssr::when::when;
use crate::shared::ssr::{AppState, ViewError};

pub async fn surveys(
    st: &AppState,
    who: &SignedIn,
    notice: Option<SurveysNotice>,
) -> Result<SurveysView, ViewError> {
    use store::entity::{survey, wave};
    let surveys = survey::Entity::find()
        .order_by_asc(survey::Column::Id)
        .all(&st.db)
        .await
        .map_err(store::StoreError::from)?;
    let waves = wave::Entity::find()
        .order_by_asc(wave::Column::Id)
        .all(&st.db)
        .await
        .map_err(store::StoreError::from)?;
    let mut rows = Vec::with_capacity(surveys.len());
    for s in surveys {
        let versions = store::survey_versions::list(&st.db, s.id).await?;
        let number_of = |id: Option<i32>| {
            versions
                .iter()
                .find(|v| Some(v.id) == id)
                .map_or(1, |v| v.number)
        };
        rows.push(SurveyRow {
            waves: waves
                .iter()
                .filter(|w| w.survey_id == s.id)
                .map(|w| (w.name.clone(), number_of(w.version_id)))
                .collect(),
            published: versions.iter().any(|v| v.published),
            versions: versions
                .iter()
                .map(|v| VersionRow {
                    number: v.number,
                    published: v.published,
                    saved: format!("{} by {}", when(v.created_at), v.created_by),
                    published_on: v.published_at.map(|t| {
                        format!(
                            "{} by {}",
                            when(t),
                            v.published_by.clone().unwrap_or_default()
                        )
                    }),
                    export_href: paths::export(&s.key, v.number),
                })
                .collect(),
            key: s.key,
            title: s.title,
        });
    }
    Ok(SurveysView {
        viewer: who.viewer(),
        surveys: rows,
        notice,
    })
}
