//! The translators' pages' data, from `store::translations`.

use domain::translation::Status;

use crate::shared::ssr::auth::SignedIn;
use crate::shared::ssr::{AppState, ViewError};
use crate::translations::model::*;

/// A store refusal as a page's problem: an unknown survey or language is not found.
pub fn view_error(e: store::translations::TranslationError) -> ViewError {
    use store::translations::TranslationError as E;
    match e {
        E::NotFound | E::UnknownLanguage(_) | E::Problems(_) => ViewError::NotFound,
        E::Store(e) => e.into(),
    }
}

pub async fn languages(
    st: &AppState,
    who: &SignedIn,
    survey: &str,
    notice: Option<TranslationNotice>,
) -> Result<LanguagesView, ViewError> {
    let catalogue = st.catalogue.get(&st.db).await?;
    let offered = catalogue
        .survey(survey)
        .map(|s| s.languages())
        .unwrap_or_default();
    let (title, progress) = store::translations::progress(&st.db, survey, &offered)
        .await
        .map_err(view_error)?;
    let count = |p: &store::translations::LanguageProgress, s: Status| {
        p.counts.get(&s).copied().unwrap_or(0)
    };
    Ok(LanguagesView {
        viewer: who.viewer(),
        survey_key: survey.to_string(),
        survey_title: title,
        languages: progress
            .iter()
            .map(|p| LanguageRow {
                code: p.language.code.to_string(),
                name: p.language.english_name.to_string(),
                own_name: p.language.own_name.to_string(),
                total: p.total,
                missing: count(p, Status::Missing),
                draft: count(p, Status::Draft),
                complete: count(p, Status::Complete),
                outdated: count(p, Status::Outdated),
                offered: p.offered,
            })
            .collect(),
        notice,
    })
}

pub async fn texts(
    st: &AppState,
    who: &SignedIn,
    survey: &str,
    code: &str,
    notice: Option<TranslationNotice>,
) -> Result<TextsView, ViewError> {
    let language = store::translations::language(code).map_err(view_error)?;
    let (doc, states) = store::translations::texts(&st.db, survey, language)
        .await
        .map_err(view_error)?;
    Ok(TextsView {
        viewer: who.viewer(),
        survey_key: survey.to_string(),
        survey_title: doc.title,
        language_code: language.code.to_string(),
        language_name: language.english_name.to_string(),
        language_tag: language.tag.to_string(),
        direction: language.direction.attribute().to_string(),
        rows: states
            .into_iter()
            .map(|s| TextRow {
                id: s.source.id,
                place: s.source.place,
                english: s.source.english,
                status: s.status.name().to_string(),
                text: s.text.unwrap_or_default(),
            })
            .collect(),
        notice,
    })
}
