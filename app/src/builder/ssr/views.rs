//! The surveys page's data: every survey, draft-only ones too, with its versions and the
//! version each wave answers.

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
    let surveys = store::survey_versions::overview(&st.db)
        .await?
        .into_iter()
        .map(|s| SurveyRow {
            // A wave from before versions answers version 1 (migration 000014).
            waves: s
                .waves
                .into_iter()
                .map(|(name, n)| (name, n.unwrap_or(1)))
                .collect(),
            published: s.versions.iter().any(|v| v.published),
            versions: s
                .versions
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
        })
        .collect();
    Ok(SurveysView {
        viewer: who.viewer(),
        surveys,
        notice,
    })
}
