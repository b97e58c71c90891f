//! Survey versions: each survey's definition kept whole, as the document Kiln exports and
//! imports, once per version (a draft being edited, or published and frozen). A wave
//! answers one version and each response keeps the version it was given to. The rows the
//! definitions were kept in until now (sections, questions, options) become each survey's
//! published version 1 and are dropped.

use sea_orm_migration::sea_orm::{ConnectionTrait, QueryResult, Statement};
use sea_orm_migration::{prelude::*, schema::*};
use serde_json::{json, Value};

use crate::m20261124_000005_catalogue_version::watch;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum SurveyVersion {
    Table,
    Id,
    SurveyId,
    /// 1, 2, ... within the survey.
    Number,
    /// `draft` or `published`.
    Status,
    /// The survey document (JSON), as `domain::document::SurveyDocument`.
    Document,
    CreatedAt,
    CreatedBy,
    PublishedAt,
    PublishedBy,
}

#[derive(DeriveIden)]
enum Survey {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Wave {
    Table,
    VersionId,
}

#[derive(DeriveIden)]
enum Response {
    Table,
    VersionId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(SurveyVersion::Table)
                .col(pk_auto(SurveyVersion::Id))
                .col(integer(SurveyVersion::SurveyId))
                .col(integer(SurveyVersion::Number))
                .col(string(SurveyVersion::Status))
                .col(text(SurveyVersion::Document))
                .col(big_integer(SurveyVersion::CreatedAt))
                .col(string(SurveyVersion::CreatedBy))
                .col(big_integer_null(SurveyVersion::PublishedAt))
                .col(string_null(SurveyVersion::PublishedBy))
                .foreign_key(
                    ForeignKey::create()
                        .from(SurveyVersion::Table, SurveyVersion::SurveyId)
                        .to(Survey::Table, Survey::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("survey_version_number")
                .table(SurveyVersion::Table)
                .col(SurveyVersion::SurveyId)
                .col(SurveyVersion::Number)
                .unique()
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Wave::Table)
                .add_column(integer_null(Wave::VersionId))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Response::Table)
                .add_column(integer_null(Response::VersionId))
                .to_owned(),
        )
        .await?;
        // A ward's page asks which updates name it on every request.
        m.create_index(
            Index::create()
                .name("council_update_link_key")
                .table(Alias::new("council_update_link"))
                .col(Alias::new("kind"))
                .col(Alias::new("key"))
                .to_owned(),
        )
        .await?;

        let db = m.get_connection();
        copy_definitions(db).await?;
        for t in ["question_option", "question", "survey_section"] {
            m.drop_table(Table::drop().table(Alias::new(t)).to_owned())
                .await?;
        }
        watch(db, "survey_version").await?;
        stamp_responses(db).await?;
        Ok(())
    }

    async fn down(&self, _m: &SchemaManager) -> Result<(), DbErr> {
        // The old rows cannot hold routes; going back would lose them.
        Err(DbErr::Migration(
            "survey versions cannot be undone: export the surveys and restore a backup".into(),
        ))
    }
}

/// Each new response takes its wave's version in the database itself, so that no writer
/// (online, kiosk, volunteer, paper, import, demo) can leave it out.
async fn stamp_responses(db: &impl ConnectionTrait) -> Result<(), DbErr> {
    if db.get_database_backend() == sea_orm_migration::sea_orm::DatabaseBackend::Postgres {
        db.execute_unprepared(
            "CREATE FUNCTION response_takes_wave_version() RETURNS trigger AS $$
             BEGIN
               NEW.version_id := (SELECT version_id FROM wave WHERE id = NEW.wave_id);
               RETURN NEW;
             END $$ LANGUAGE plpgsql",
        )
        .await?;
        db.execute_unprepared(
            "CREATE TRIGGER response_takes_wave_version BEFORE INSERT ON response
             FOR EACH ROW EXECUTE FUNCTION response_takes_wave_version()",
        )
        .await?;
    } else {
        db.execute_unprepared(
            "CREATE TRIGGER response_takes_wave_version AFTER INSERT ON response
             BEGIN
               UPDATE response SET version_id = (SELECT version_id FROM wave WHERE id = NEW.wave_id)
               WHERE id = NEW.id;
             END",
        )
        .await?;
    }
    Ok(())
}

async fn rows(db: &impl ConnectionTrait, sql: &str) -> Result<Vec<QueryResult>, DbErr> {
    db.query_all_raw(Statement::from_string(db.get_database_backend(), sql))
        .await
}

/// Each survey's rows as one document, published as version 1; its waves and responses
/// point at it.
async fn copy_definitions(db: &impl ConnectionTrait) -> Result<(), DbErr> {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    let surveys = rows(
        db,
        "SELECT id, key, title, summary, purpose, minutes, retention FROM survey ORDER BY id",
    )
    .await?;
    let sections = rows(
        db,
        "SELECT id, survey_id, title, intro FROM survey_section ORDER BY position, id",
    )
    .await?;
    let questions = rows(
        db,
        "SELECT id, section_id, key, kind, prompt, hint, short_label, required_message, required,
                scale_min, scale_max, min_label, max_label, max_chars
         FROM question ORDER BY position, id",
    )
    .await?;
    let options = rows(
        db,
        "SELECT question_id, key, label FROM question_option ORDER BY position, id",
    )
    .await?;
    for s in &surveys {
        let survey_id: i32 = s.try_get("", "id")?;
        let mut doc_sections = Vec::new();
        for sec in sections
            .iter()
            .filter(|x| x.try_get::<i32>("", "survey_id").ok() == Some(survey_id))
        {
            let section_id: i32 = sec.try_get("", "id")?;
            let mut qs = Vec::new();
            for q in questions
                .iter()
                .filter(|x| x.try_get::<i32>("", "section_id").ok() == Some(section_id))
            {
                let question_id: i32 = q.try_get("", "id")?;
                let kind: String = q.try_get("", "kind")?;
                let kind = match kind.as_str() {
                    "scale" => json!({
                        "type": "scale",
                        "min": q.try_get::<Option<i32>>("", "scale_min")?.unwrap_or(0),
                        "max": q.try_get::<Option<i32>>("", "scale_max")?.unwrap_or(10),
                        "min_label": q.try_get::<Option<String>>("", "min_label")?.unwrap_or_default(),
                        "max_label": q.try_get::<Option<String>>("", "max_label")?.unwrap_or_default(),
                    }),
                    "choice" => {
                        let mut opts = Vec::new();
                        for o in options.iter().filter(|o| {
                            o.try_get::<i32>("", "question_id").ok() == Some(question_id)
                        }) {
                            opts.push(json!({
                                "key": o.try_get::<String>("", "key")?,
                                "label": o.try_get::<String>("", "label")?,
                            }));
                        }
                        json!({ "type": "choice", "options": opts })
                    }
                    "text" => json!({
                        "type": "text",
                        "max_chars": q.try_get::<Option<i32>>("", "max_chars")?.map_or(1000, |n| Ord::max(n, 1)),
                    }),
                    "area" => json!({ "type": "area" }),
                    other => {
                        return Err(DbErr::Migration(format!("question kind {other}")));
                    }
                };
                qs.push(json!({
                    "key": q.try_get::<String>("", "key")?,
                    "prompt": q.try_get::<String>("", "prompt")?,
                    "hint": q.try_get::<Option<String>>("", "hint")?,
                    "short_label": q.try_get::<String>("", "short_label")?,
                    "required_message": q.try_get::<String>("", "required_message")?,
                    "required": q.try_get::<bool>("", "required")?,
                    "kind": kind,
                }));
            }
            doc_sections.push(json!({
                "title": sec.try_get::<String>("", "title")?,
                "intro": sec.try_get::<Option<String>>("", "intro")?,
                "questions": qs,
            }));
        }
        let doc: Value = json!({
            "format": 1,
            "key": s.try_get::<String>("", "key")?,
            "title": s.try_get::<String>("", "title")?,
            "summary": s.try_get::<String>("", "summary")?,
            "purpose": s.try_get::<String>("", "purpose")?,
            "minutes": s.try_get::<i32>("", "minutes")?,
            "retention": s.try_get::<String>("", "retention")?,
            "sections": doc_sections,
        });
        let insert = Query::insert()
            .into_table(SurveyVersion::Table)
            .columns([
                SurveyVersion::SurveyId,
                SurveyVersion::Number,
                SurveyVersion::Status,
                SurveyVersion::Document,
                SurveyVersion::CreatedAt,
                SurveyVersion::CreatedBy,
                SurveyVersion::PublishedAt,
                SurveyVersion::PublishedBy,
            ])
            .values_panic([
                survey_id.into(),
                1.into(),
                "published".into(),
                doc.to_string().into(),
                now.into(),
                "kiln (from the survey's earlier tables)".into(),
                now.into(),
                "kiln (from the survey's earlier tables)".into(),
            ])
            .to_owned();
        db.execute(&insert).await?;
        let version = rows(
            db,
            &format!("SELECT id FROM survey_version WHERE survey_id = {survey_id} AND number = 1"),
        )
        .await?;
        let version_id: i32 = version
            .first()
            .ok_or_else(|| DbErr::Migration("version 1 not written".into()))?
            .try_get("", "id")?;
        db.execute_unprepared(&format!(
            "UPDATE wave SET version_id = {version_id} WHERE survey_id = {survey_id}"
        ))
        .await?;
        db.execute_unprepared(&format!(
            "UPDATE response SET version_id = {version_id}
             WHERE wave_id IN (SELECT id FROM wave WHERE survey_id = {survey_id})"
        ))
        .await?;
    }
    Ok(())
}
