//! Translations of surveys' texts (`domain::translation`): stored per English text they were
//! made from, read back as each text's state for a translator, and put into the surveys
//! residents answer once a language is complete (see `surveys::assemble`).

use std::collections::HashMap;

use domain::document::SurveyDocument;
use domain::translation::{self, Edit, EditProblem, Language, Status, TextState, Translation};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder, TransactionSession, TransactionTrait,
};

use crate::audit::{self, Actor};
use crate::entity::{survey, survey_translation};
use crate::StoreError;
use domain::AuditAction;

#[derive(Debug, thiserror::Error)]
pub enum TranslationError {
    #[error("no such survey")]
    NotFound,
    #[error("Kiln does not speak the language \"{0}\"")]
    UnknownLanguage(String),
    /// Every edit that cannot be saved, in the order given; nothing was saved.
    #[error("{} texts could not be saved", .0.len())]
    Problems(Vec<EditProblem>),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sea_orm::DbErr> for TranslationError {
    fn from(e: sea_orm::DbErr) -> Self {
        TranslationError::Store(e.into())
    }
}

/// Who the demo's translations are saved by: they are marked as not checked by a
/// professional translator until the council's own translator saves over them.
pub const ILLUSTRATIVE: &str = "Kiln demo (illustrative: not checked by a professional translator)";

/// The languages of a survey whose translations include the demo's, unchecked.
pub async fn illustrative_languages(
    db: &impl ConnectionTrait,
    survey_id: i32,
) -> Result<Vec<String>, StoreError> {
    let rows = survey_translation::Entity::find()
        .filter(survey_translation::Column::SurveyId.eq(survey_id))
        .filter(survey_translation::Column::UpdatedBy.eq(ILLUSTRATIVE))
        .all(db)
        .await?;
    let mut out: Vec<String> = rows.into_iter().map(|r| r.language).collect();
    out.sort();
    out.dedup();
    Ok(out)
}

/// A translatable language (not English) by its code.
pub fn language(code: &str) -> Result<Language, TranslationError> {
    Language::from_code(code)
        .filter(|l| *l != translation::ENGLISH)
        .ok_or_else(|| TranslationError::UnknownLanguage(code.to_string()))
}

/// Every translation stored for a survey, by language, oldest first (so the newest of one
/// text is last, which `translation::states` offers for an outdated text).
pub async fn stored_by_language(
    db: &impl ConnectionTrait,
    survey_id: i32,
) -> Result<HashMap<String, Vec<Translation>>, StoreError> {
    let rows = survey_translation::Entity::find()
        .filter(survey_translation::Column::SurveyId.eq(survey_id))
        .order_by_asc(survey_translation::Column::UpdatedAt)
        .order_by_asc(survey_translation::Column::Id)
        .all(db)
        .await?;
    let mut out: HashMap<String, Vec<Translation>> = HashMap::new();
    for r in rows {
        out.entry(r.language).or_default().push(Translation {
            id: r.text_id,
            source: r.source,
            text: r.text,
            complete: r.complete,
        });
    }
    Ok(out)
}

/// A survey's row and its newest document: the draft, when there is one, so translators
/// can finish before it is published.
async fn newest(
    db: &impl ConnectionTrait,
    survey_key: &str,
) -> Result<(survey::Model, SurveyDocument), TranslationError> {
    let s = survey::Entity::find()
        .filter(survey::Column::Key.eq(survey_key))
        .one(db)
        .await?
        .ok_or(TranslationError::NotFound)?;
    let (_, doc) = crate::survey_versions::document(db, survey_key, None)
        .await?
        .ok_or(TranslationError::NotFound)?;
    Ok((s, doc))
}

/// A survey's newest document and what is stored in one language.
pub async fn workspace(
    db: &impl ConnectionTrait,
    survey_key: &str,
    language: Language,
) -> Result<(survey::Model, SurveyDocument, Vec<Translation>), TranslationError> {
    let (s, doc) = newest(db, survey_key).await?;
    let stored = stored_by_language(db, s.id)
        .await?
        .remove(language.code)
        .unwrap_or_default();
    Ok((s, doc, stored))
}

/// Each text of the survey's newest version and its state in `language`.
pub async fn texts(
    db: &impl ConnectionTrait,
    survey_key: &str,
    language: Language,
) -> Result<(SurveyDocument, Vec<TextState>), TranslationError> {
    let (_, doc, stored) = workspace(db, survey_key, language).await?;
    let states = translation::states(&doc, &stored);
    Ok((doc, states))
}

/// One language's progress on a survey's newest version, and whether residents are offered
/// it now (complete for the version they answer).
#[derive(Clone, Debug, PartialEq)]
pub struct LanguageProgress {
    pub language: Language,
    pub counts: HashMap<Status, usize>,
    pub total: usize,
    pub offered: bool,
}

/// Each language's progress, with the newest version's title.
pub async fn progress(
    db: &impl ConnectionTrait,
    survey_key: &str,
    offered: &[Language],
) -> Result<(String, Vec<LanguageProgress>), TranslationError> {
    let (s, doc) = newest(db, survey_key).await?;
    let mut stored = stored_by_language(db, s.id).await?;
    let progress = Language::translatable()
        .map(|language| {
            let states =
                translation::states(&doc, &stored.remove(language.code).unwrap_or_default());
            LanguageProgress {
                language,
                total: states.len(),
                counts: translation::counts(&states),
                offered: offered.contains(&language),
            }
        })
        .collect();
    Ok((doc.title, progress))
}

/// Saves a translator's edits against the survey's newest English, all or none. An edit
/// with no text where nothing was stored is skipped; one that empties a stored translation
/// keeps it empty (missing).
pub async fn save(
    db: &(impl ConnectionTrait + TransactionTrait),
    survey_key: &str,
    language: Language,
    edits: &[Edit],
    actor: &Actor,
) -> Result<usize, TranslationError> {
    let (s, doc, stored) = workspace(db, survey_key, language).await?;
    let made = translation::apply_edits(&doc, edits).map_err(TranslationError::Problems)?;
    let txn = db.begin().await?;
    let mut changed = 0;
    for t in made {
        let existing = stored
            .iter()
            .find(|old| old.id == t.id && old.source == t.source);
        match existing {
            Some(old) if old.text == t.text && old.complete == t.complete => continue,
            None if t.text.is_empty() => continue,
            Some(_) => {
                survey_translation::Entity::update_many()
                    .col_expr(survey_translation::Column::Text, t.text.clone().into())
                    .col_expr(survey_translation::Column::Complete, t.complete.into())
                    .col_expr(survey_translation::Column::UpdatedAt, actor.at.into())
                    .col_expr(
                        survey_translation::Column::UpdatedBy,
                        actor.label.clone().into(),
                    )
                    .filter(survey_translation::Column::SurveyId.eq(s.id))
                    .filter(survey_translation::Column::Language.eq(language.code))
                    .filter(survey_translation::Column::TextId.eq(t.id.as_str()))
                    .filter(
                        survey_translation::Column::SourceHash.eq(crate::tokens::digest(&t.source)),
                    )
                    .exec(&txn)
                    .await?;
            }
            None => {
                survey_translation::ActiveModel {
                    survey_id: Set(s.id),
                    language: Set(language.code.to_string()),
                    source_hash: Set(crate::tokens::digest(&t.source)),
                    text_id: Set(t.id),
                    source: Set(t.source),
                    text: Set(t.text),
                    complete: Set(t.complete),
                    updated_at: Set(actor.at),
                    updated_by: Set(actor.label.clone()),
                    ..Default::default()
                }
                .insert(&txn)
                .await?;
            }
        }
        changed += 1;
    }
    if changed > 0 {
        audit::record(
            &txn,
            actor,
            AuditAction::TranslationSaved,
            &format!(
                "survey {survey_key}: {} texts in {}",
                changed, language.english_name
            ),
        )
        .await?;
    }
    txn.commit().await?;
    Ok(changed)
}
