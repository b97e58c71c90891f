//! Surveys as residents meet them: each one's current version (`survey_versions`) and its
//! waves.

use domain::document::SurveyDocument;
use domain::translation::{self, Language, ENGLISH};
use domain::Survey;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter, QueryOrder,
};
use serde::Deserialize;

use crate::entity::{survey, wave};
use crate::StoreError;

/// What a resident is told about a survey before starting it.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct SurveyAbout {
    pub key: String,
    pub title: String,
    pub summary: String,
    pub purpose: String,
    pub minutes: i32,
    pub retention: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct WaveRecord {
    pub id: i32,
    pub key: String,
    pub name: String,
    pub status: String,
    pub is_baseline: bool,
}

impl SurveyAbout {
    pub fn of(doc: &SurveyDocument) -> SurveyAbout {
        SurveyAbout {
            key: doc.key.clone(),
            title: doc.title.clone(),
            summary: doc.summary.clone(),
            purpose: doc.purpose.clone(),
            minutes: doc.minutes,
            retention: doc.retention.clone(),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct SurveyRecord {
    pub id: i32,
    pub about: SurveyAbout,
    /// The number of the version `definition` is.
    pub version: i32,
    pub definition: Survey,
    /// The wave now taking responses, if any.
    pub open_wave: Option<WaveRecord>,
    /// The languages besides English residents may answer it in: every text of this
    /// version translated and complete.
    pub translations: Vec<Offered>,
}

/// A survey's texts in one language.
pub struct InLanguage<'a> {
    pub language: Language,
    pub illustrative: bool,
    pub about: &'a SurveyAbout,
    pub definition: &'a Survey,
}

/// The survey in one language residents are offered.
#[derive(Clone, Debug, PartialEq)]
pub struct Offered {
    pub language: Language,
    /// The demo's translation, not checked by a professional translator.
    pub illustrative: bool,
    pub about: SurveyAbout,
    pub definition: Survey,
}

impl SurveyRecord {
    /// The survey's texts in `language`, or in English when it is not offered in it, with
    /// the language they are in.
    pub fn in_language(&self, language: Language) -> InLanguage<'_> {
        match self.translations.iter().find(|o| o.language == language) {
            Some(o) => InLanguage {
                language: o.language,
                illustrative: o.illustrative,
                about: &o.about,
                definition: &o.definition,
            },
            None => InLanguage {
                language: ENGLISH,
                illustrative: false,
                about: &self.about,
                definition: &self.definition,
            },
        }
    }

    /// English and every language offered.
    pub fn languages(&self) -> Vec<Language> {
        std::iter::once(ENGLISH)
            .chain(self.translations.iter().map(|o| o.language))
            .collect()
    }
}

/// Every survey with a published version, in the order they were added. A survey still
/// only a draft is the builder's business, not residents'.
pub async fn list(db: &DatabaseConnection) -> Result<Vec<SurveyRecord>, StoreError> {
    let rows = survey::Entity::find()
        .order_by_asc(survey::Column::Id)
        .all(db)
        .await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        if let Some(record) = assemble(db, row).await? {
            out.push(record);
        }
    }
    Ok(out)
}

pub async fn by_key(
    db: &DatabaseConnection,
    key: &str,
) -> Result<Option<SurveyRecord>, StoreError> {
    match survey::Entity::find()
        .filter(survey::Column::Key.eq(key))
        .one(db)
        .await?
    {
        Some(row) => assemble(db, row).await,
        None => Ok(None),
    }
}

pub async fn by_id(db: &DatabaseConnection, id: i32) -> Result<Option<SurveyRecord>, StoreError> {
    match survey::Entity::find_by_id(id).one(db).await? {
        Some(row) => assemble(db, row).await,
        None => Ok(None),
    }
}

pub async fn wave_by_id(
    db: &DatabaseConnection,
    id: i32,
) -> Result<Option<wave::Model>, StoreError> {
    Ok(wave::Entity::find_by_id(id).one(db).await?)
}

/// The definition a wave's responses answered: its own version's.
pub async fn definition_of_wave(
    db: &impl ConnectionTrait,
    w: &wave::Model,
) -> Result<Survey, StoreError> {
    let version = crate::survey_versions::answered_by(db, w.survey_id, w.version_id)
        .await?
        .ok_or_else(|| StoreError::Corrupt(format!("wave {} has no survey version", w.id)))?;
    Ok(crate::survey_versions::parse(&version)?.survey())
}

/// A survey as residents meet it now: the version its open wave answers, else the newest
/// published one; none if it has never been published.
async fn assemble(
    db: &DatabaseConnection,
    row: survey::Model,
) -> Result<Option<SurveyRecord>, StoreError> {
    let open = wave::Entity::find()
        .filter(wave::Column::SurveyId.eq(row.id))
        .filter(wave::Column::Status.eq(domain::WaveStatus::Open.key()))
        .filter(wave::Column::Published.eq(false))
        .order_by_desc(wave::Column::Id)
        .one(db)
        .await?;
    let version_id = open.as_ref().and_then(|w| w.version_id);
    let Some(version) = crate::survey_versions::answered_by(db, row.id, version_id).await? else {
        return Ok(None);
    };
    let doc = crate::survey_versions::parse(&version)?;
    let mut stored = crate::translations::stored_by_language(db, row.id).await?;
    let illustrative = if stored.is_empty() {
        Vec::new()
    } else {
        crate::translations::illustrative_languages(db, row.id).await?
    };
    let translations = Language::translatable()
        .filter_map(|language| {
            let stored = stored.remove(language.code)?;
            translation::is_complete(&doc, &stored).then(|| {
                let translated = translation::translate(&doc, &stored, false);
                Offered {
                    language,
                    illustrative: illustrative.iter().any(|l| l == language.code),
                    about: SurveyAbout::of(&translated),
                    definition: translated.survey(),
                }
            })
        })
        .collect();
    Ok(Some(SurveyRecord {
        translations,
        id: row.id,
        version: version.number,
        definition: doc.survey(),
        about: SurveyAbout::of(&doc),
        open_wave: open.map(|w| WaveRecord {
            id: w.id,
            key: w.key,
            name: w.name,
            status: w.status,
            is_baseline: w.is_baseline,
        }),
    }))
}

/// Adds a wave to a survey, open for responses, answering its newest published version.
pub async fn insert_wave(
    db: &impl ConnectionTrait,
    survey_id: i32,
    key: &str,
    name: &str,
    is_baseline: bool,
    opens_on: chrono::NaiveDate,
) -> Result<i32, StoreError> {
    let version = crate::survey_versions::wave_version(db, survey_id).await?;
    let row = wave::ActiveModel {
        version_id: Set(Some(version)),
        survey_id: Set(survey_id),
        key: Set(key.to_string()),
        name: Set(name.to_string()),
        status: Set(domain::WaveStatus::Open.key().to_string()),
        is_baseline: Set(is_baseline),
        weighted: Set(false),
        published: Set(false),
        opens_on: Set(Some(opens_on)),
        closes_on: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(row.id)
}
