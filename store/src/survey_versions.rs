//! Survey versions. A survey's definition is kept whole, as the document Kiln exports and
//! imports, once per version. At most one version is a draft (the newest); publishing freezes
//! it. A wave answers the version newest when it was made, and each response keeps the
//! version of its wave (the database sets it on insert; see migration 000014). Editing a
//! published survey starts a new draft, so nothing residents have answered ever changes.

use domain::document::{self, DocumentProblem, SurveyDocument};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel,
    QueryFilter, QueryOrder, TransactionSession, TransactionTrait,
};

use crate::audit::{self, Actor};
use crate::entity::{survey, survey_version};
use crate::StoreError;
use domain::AuditAction;

pub const DRAFT: &str = "draft";
pub const PUBLISHED: &str = "published";

#[derive(Debug, thiserror::Error)]
pub enum VersionError {
    /// What stops the document being saved or published, in reading order.
    #[error("the survey has {} problems", .0.len())]
    Problems(Vec<DocumentProblem>),
    #[error("a survey with the key \"{0}\" already exists")]
    KeyTaken(String),
    #[error("this is the survey \"{expected}\": its key cannot become \"{found}\"")]
    KeyChanged { expected: String, found: String },
    #[error("the indicator key \"{0}\" is another survey's: choose another")]
    IndicatorTaken(String),
    #[error("the survey has no draft to publish")]
    NoDraft,
    #[error("no such survey")]
    NotFound,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sea_orm::DbErr> for VersionError {
    fn from(e: sea_orm::DbErr) -> Self {
        VersionError::Store(e.into())
    }
}

/// One version, without its document.
#[derive(Clone, Debug, PartialEq)]
pub struct VersionSummary {
    pub id: i32,
    pub number: i32,
    pub published: bool,
    pub created_at: i64,
    pub created_by: String,
    pub published_at: Option<i64>,
    pub published_by: Option<String>,
}

pub fn parse(v: &survey_version::Model) -> Result<SurveyDocument, StoreError> {
    serde_json::from_str(&v.document)
        .map_err(|e| StoreError::Corrupt(format!("survey version {}: {e}", v.id)))
}

pub async fn latest_published(
    db: &impl ConnectionTrait,
    survey_id: i32,
) -> Result<Option<survey_version::Model>, StoreError> {
    newest_of(db, survey_id, true).await
}

async fn newest(
    db: &impl ConnectionTrait,
    survey_id: i32,
) -> Result<Option<survey_version::Model>, StoreError> {
    newest_of(db, survey_id, false).await
}

async fn newest_of(
    db: &impl ConnectionTrait,
    survey_id: i32,
    published_only: bool,
) -> Result<Option<survey_version::Model>, StoreError> {
    let mut q = survey_version::Entity::find()
        .filter(survey_version::Column::SurveyId.eq(survey_id))
        .order_by_desc(survey_version::Column::Number);
    if published_only {
        q = q.filter(survey_version::Column::Status.eq(PUBLISHED));
    }
    Ok(q.one(db).await?)
}

/// The version a wave answers (`version_id`), else the survey's newest published one: what
/// residents meet, and what a wave's results are read with.
pub async fn answered_by(
    db: &impl ConnectionTrait,
    survey_id: i32,
    version_id: Option<i32>,
) -> Result<Option<survey_version::Model>, StoreError> {
    if let Some(id) = version_id {
        if let Some(v) = survey_version::Entity::find_by_id(id).one(db).await? {
            return Ok(Some(v));
        }
    }
    latest_published(db, survey_id).await
}

/// The version a new wave of a survey answers: the newest published.
pub async fn wave_version(db: &impl ConnectionTrait, survey_id: i32) -> Result<i32, StoreError> {
    latest_published(db, survey_id)
        .await?
        .map(|v| v.id)
        .ok_or_else(|| StoreError::Invalid("publish the survey before opening a wave of it".into()))
}

/// Every version of a survey, newest first.
pub async fn list(
    db: &impl ConnectionTrait,
    survey_id: i32,
) -> Result<Vec<VersionSummary>, StoreError> {
    Ok(survey_version::Entity::find()
        .filter(survey_version::Column::SurveyId.eq(survey_id))
        .order_by_desc(survey_version::Column::Number)
        .all(db)
        .await?
        .into_iter()
        .map(summary)
        .collect())
}

/// A survey as the builder lists it: every version and the number each wave answers.
#[derive(Clone, Debug, PartialEq)]
pub struct SurveyVersions {
    pub key: String,
    pub title: String,
    /// Newest first.
    pub versions: Vec<VersionSummary>,
    /// Each wave's name and the number of the version it answers, oldest wave first.
    pub waves: Vec<(String, Option<i32>)>,
}

/// Every survey, draft-only ones too, in the order they were added: three queries.
pub async fn overview(db: &impl ConnectionTrait) -> Result<Vec<SurveyVersions>, StoreError> {
    use crate::entity::wave;
    let surveys = survey::Entity::find()
        .order_by_asc(survey::Column::Id)
        .all(db)
        .await?;
    let versions = survey_version::Entity::find()
        .order_by_desc(survey_version::Column::Number)
        .all(db)
        .await?;
    let waves = wave::Entity::find()
        .order_by_asc(wave::Column::Id)
        .all(db)
        .await?;
    Ok(surveys
        .into_iter()
        .map(|s| SurveyVersions {
            waves: waves
                .iter()
                .filter(|w| w.survey_id == s.id)
                .map(|w| {
                    let number = versions
                        .iter()
                        .find(|v| Some(v.id) == w.version_id)
                        .map(|v| v.number);
                    (w.name.clone(), number)
                })
                .collect(),
            versions: versions
                .iter()
                .filter(|v| v.survey_id == s.id)
                .cloned()
                .map(summary)
                .collect(),
            key: s.key,
            title: s.title,
        })
        .collect())
}

fn summary(v: survey_version::Model) -> VersionSummary {
    VersionSummary {
        id: v.id,
        number: v.number,
        published: v.status == PUBLISHED,
        created_at: v.created_at,
        created_by: v.created_by,
        published_at: v.published_at,
        published_by: v.published_by,
    }
}

/// A survey's document: the version numbered, or else its newest (the draft, if any).
pub async fn document(
    db: &impl ConnectionTrait,
    survey_key: &str,
    number: Option<i32>,
) -> Result<Option<(survey_version::Model, SurveyDocument)>, StoreError> {
    let Some(s) = survey::Entity::find()
        .filter(survey::Column::Key.eq(survey_key))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let v = match number {
        Some(n) => {
            survey_version::Entity::find()
                .filter(survey_version::Column::SurveyId.eq(s.id))
                .filter(survey_version::Column::Number.eq(n))
                .one(db)
                .await?
        }
        None => newest(db, s.id).await?,
    };
    match v {
        Some(v) => {
            let doc = parse(&v)?;
            Ok(Some((v, doc)))
        }
        None => Ok(None),
    }
}

/// A survey, held for the rest of the transaction: a no-op write to its row comes first, so
/// that two changes to one survey follow each other rather than one undoing the other
/// (PostgreSQL locks the row), and SQLite takes its write lock before anything is read (a
/// transaction that reads, then writes, fails at once if another wrote in between).
async fn claim(db: &impl ConnectionTrait, key: &str) -> Result<survey::Model, VersionError> {
    use sea_orm::sea_query::Expr;
    let claimed = survey::Entity::update_many()
        .col_expr(survey::Column::Key, Expr::col(survey::Column::Key))
        .filter(survey::Column::Key.eq(key))
        .exec(db)
        .await?;
    if claimed.rows_affected == 0 {
        return Err(VersionError::NotFound);
    }
    survey_by_key(db, key).await
}

async fn survey_by_key(
    db: &impl ConnectionTrait,
    key: &str,
) -> Result<survey::Model, VersionError> {
    survey::Entity::find()
        .filter(survey::Column::Key.eq(key))
        .one(db)
        .await?
        .ok_or(VersionError::NotFound)
}

/// Every standard question, with the wording and answers measures.md gives it.
pub fn question_bank() -> &'static [domain::Question] {
    static BANK: std::sync::OnceLock<Vec<domain::Question>> = std::sync::OnceLock::new();
    BANK.get_or_init(|| {
        crate::seed::standard_documents()
            .into_iter()
            .flat_map(|d| d.sections)
            .flat_map(|s| s.questions)
            .collect()
    })
}

/// Every problem that stops a document being published, in reading order.
pub fn problems(doc: &SurveyDocument) -> Vec<DocumentProblem> {
    let mut problems = document::check(doc);
    problems.extend(document::check_bank(doc, question_bank()));
    problems
}

/// Ready to publish: no problem at all.
fn checked(doc: &SurveyDocument) -> Result<(), VersionError> {
    let problems = problems(doc);
    if problems.is_empty() {
        Ok(())
    } else {
        Err(VersionError::Problems(problems))
    }
}

/// Fit to keep as a draft: nothing malformed. A draft being built may still have a section
/// without questions or a route to a section since removed; publishing refuses those.
fn savable(doc: &SurveyDocument) -> Result<(), VersionError> {
    let malformed: Vec<DocumentProblem> = problems(doc)
        .into_iter()
        .filter(DocumentProblem::stops_saving)
        .collect();
    if malformed.is_empty() {
        Ok(())
    } else {
        Err(VersionError::Problems(malformed))
    }
}

/// A new survey from a document, as its draft version 1. Gives the survey's id.
pub async fn import(
    db: &impl TransactionTrait,
    doc: &SurveyDocument,
    actor: &Actor,
) -> Result<i32, VersionError> {
    savable(doc)?;
    let txn = db.begin().await?;
    // Written first, with no read before it: on SQLite a transaction that reads and then
    // writes fails at once ("database is locked") if another wrote in between. A key taken
    // is the key's unique index refusing the row.
    let row = survey::ActiveModel {
        key: Set(doc.key.clone()),
        title: Set(doc.title.clone()),
        summary: Set(doc.summary.clone()),
        purpose: Set(doc.purpose.clone()),
        minutes: Set(doc.minutes),
        retention: Set(doc.retention.clone()),
        ..Default::default()
    }
    .insert(&txn)
    .await
    .map_err(|e| match e.sql_err() {
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => {
            VersionError::KeyTaken(doc.key.clone())
        }
        _ => e.into(),
    })?;
    insert_version(&txn, row.id, 1, doc, actor).await?;
    audit::record(
        &txn,
        actor,
        AuditAction::SurveyDraftSaved,
        &format!("{} version 1 (a new survey)", doc.key),
    )
    .await?;
    txn.commit().await?;
    Ok(row.id)
}

async fn insert_version(
    db: &impl ConnectionTrait,
    survey_id: i32,
    number: i32,
    doc: &SurveyDocument,
    actor: &Actor,
) -> Result<(), VersionError> {
    let mut stored = doc.clone();
    stored.schema = None;
    survey_version::ActiveModel {
        survey_id: Set(survey_id),
        number: Set(number),
        status: Set(DRAFT.into()),
        document: Set(serde_json::to_string(&stored).map_err(StoreError::from)?),
        created_at: Set(actor.at),
        created_by: Set(actor.label.clone()),
        published_at: Set(None),
        published_by: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// A document as an officer uploads it: a new survey if its key is new, else the new draft
/// of the survey with its key. Gives the draft's number.
pub async fn save(
    db: &(impl TransactionTrait + ConnectionTrait),
    doc: &SurveyDocument,
    actor: &Actor,
) -> Result<i32, VersionError> {
    // Each use case checks again inside its own transaction: a key taken meanwhile is
    // refused by `import`, a survey gone meanwhile by `save_draft`.
    let exists = survey::Entity::find()
        .filter(survey::Column::Key.eq(&doc.key))
        .one(db)
        .await?
        .is_some();
    if exists {
        save_draft(db, &doc.key, doc, actor).await
    } else {
        import(db, doc, actor).await.map(|_| 1)
    }
}

/// Saves a survey's draft: replaces it, or starts one after the newest published version.
/// Gives the draft's number.
pub async fn save_draft(
    db: &impl TransactionTrait,
    survey_key: &str,
    doc: &SurveyDocument,
    actor: &Actor,
) -> Result<i32, VersionError> {
    if doc.key != survey_key {
        return Err(VersionError::KeyChanged {
            expected: survey_key.into(),
            found: doc.key.clone(),
        });
    }
    savable(doc)?;
    let txn = db.begin().await?;
    let s = claim(&txn, survey_key).await?;
    let newest = newest(&txn, s.id).await?;
    let number = write_draft(&txn, s.id, newest, doc, actor).await?;
    audit::record(
        &txn,
        actor,
        AuditAction::SurveyDraftSaved,
        &format!("{survey_key} version {number}"),
    )
    .await?;
    txn.commit().await?;
    Ok(number)
}

/// Writes a survey's draft: over the newest version if it is one, else as a new version
/// after it. Gives the draft's number.
async fn write_draft(
    db: &impl ConnectionTrait,
    survey_id: i32,
    newest: Option<survey_version::Model>,
    doc: &SurveyDocument,
    actor: &Actor,
) -> Result<i32, VersionError> {
    Ok(match newest {
        Some(v) if v.status == DRAFT => {
            let mut stored = doc.clone();
            stored.schema = None;
            let number = v.number;
            let mut m = v.into_active_model();
            m.document = Set(serde_json::to_string(&stored).map_err(StoreError::from)?);
            m.created_at = Set(actor.at);
            m.created_by = Set(actor.label.clone());
            m.update(db).await?;
            number
        }
        newest => {
            let number = newest.map_or(1, |v| v.number + 1);
            insert_version(db, survey_id, number, doc, actor).await?;
            number
        }
    })
}

/// One change made in the builder: `change` works on the survey's newest document (its
/// draft, or a copy of its newest published version, which becomes the next draft). A
/// change that refuses (`Err` inside) saves nothing. Gives the draft's number with what the
/// change gave.
pub async fn edit<T, E>(
    db: &impl TransactionTrait,
    survey_key: &str,
    actor: &Actor,
    change: impl FnOnce(&mut SurveyDocument) -> Result<T, E>,
) -> Result<Result<(i32, T), E>, VersionError> {
    let txn = db.begin().await?;
    let s = claim(&txn, survey_key).await?;
    let newest = newest(&txn, s.id).await?.ok_or(VersionError::NotFound)?;
    let mut doc = parse(&newest)?;
    let given = match change(&mut doc) {
        Ok(given) => given,
        Err(refused) => return Ok(Err(refused)),
    };
    savable(&doc)?;
    let number = write_draft(&txn, s.id, Some(newest), &doc, actor).await?;
    audit::record(
        &txn,
        actor,
        AuditAction::SurveyDraftSaved,
        &format!("{survey_key} version {number} (in the builder)"),
    )
    .await?;
    txn.commit().await?;
    Ok(Ok((number, given)))
}

/// Publishes a survey's draft, freezing it: new waves answer it. Refused, with every
/// problem, while the draft could not be answered to the end. Gives its number.
pub async fn publish(
    db: &impl TransactionTrait,
    survey_key: &str,
    actor: &Actor,
) -> Result<i32, VersionError> {
    let txn = db.begin().await?;
    let s = claim(&txn, survey_key).await?;
    let draft = match newest(&txn, s.id).await? {
        Some(v) if v.status == DRAFT => v,
        _ => return Err(VersionError::NoDraft),
    };
    let doc = parse(&draft)?;
    checked(&doc)?;
    if let Err(key) =
        crate::indicator_defs::save_for_survey(&txn, &doc.survey(), &doc.indicators).await?
    {
        return Err(VersionError::IndicatorTaken(key));
    }
    let number = draft.number;
    let mut m = draft.into_active_model();
    m.status = Set(PUBLISHED.into());
    m.published_at = Set(Some(actor.at));
    m.published_by = Set(Some(actor.label.clone()));
    m.update(&txn).await?;
    // The survey's own row shows what residents are now told about it.
    let mut row = s.into_active_model();
    row.title = Set(doc.title.clone());
    row.summary = Set(doc.summary.clone());
    row.purpose = Set(doc.purpose.clone());
    row.minutes = Set(doc.minutes);
    row.retention = Set(doc.retention.clone());
    row.update(&txn).await?;
    audit::record(
        &txn,
        actor,
        AuditAction::SurveyPublished,
        &format!("{survey_key} version {number}"),
    )
    .await?;
    txn.commit().await?;
    Ok(number)
}
