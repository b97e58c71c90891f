//! Translations of each survey's texts, and the language of each response. A translation
//! is kept per English text it was made from (by a hash of it), so a changed English leaves
//! the old translation for the version that still uses it and reads as outdated for the new.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261124_000005_catalogue_version::watch;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum SurveyTranslation {
    Table,
    Id,
    SurveyId,
    /// `domain::translation::Language::code`.
    Language,
    /// `domain::translation::SourceText::id`.
    TextId,
    /// SHA-256 of `source`, hex: what makes a translation one of this English.
    SourceHash,
    Source,
    Text,
    Complete,
    UpdatedAt,
    UpdatedBy,
}

#[derive(DeriveIden)]
enum Survey {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Response {
    Table,
    Language,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(SurveyTranslation::Table)
                .col(pk_auto(SurveyTranslation::Id))
                .col(integer(SurveyTranslation::SurveyId))
                .col(string(SurveyTranslation::Language))
                .col(string(SurveyTranslation::TextId))
                .col(string(SurveyTranslation::SourceHash))
                .col(text(SurveyTranslation::Source))
                .col(text(SurveyTranslation::Text))
                .col(boolean(SurveyTranslation::Complete))
                .col(big_integer(SurveyTranslation::UpdatedAt))
                .col(string(SurveyTranslation::UpdatedBy))
                .foreign_key(
                    ForeignKey::create()
                        .from(SurveyTranslation::Table, SurveyTranslation::SurveyId)
                        .to(Survey::Table, Survey::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("survey_translation_text")
                .table(SurveyTranslation::Table)
                .col(SurveyTranslation::SurveyId)
                .col(SurveyTranslation::Language)
                .col(SurveyTranslation::TextId)
                .col(SurveyTranslation::SourceHash)
                .unique()
                .to_owned(),
        )
        .await?;
        // Every response so far was answered in English.
        m.alter_table(
            Table::alter()
                .table(Response::Table)
                .add_column(string(Response::Language).default("en"))
                .to_owned(),
        )
        .await?;
        // Which languages each survey offers is part of what the catalogue caches.
        watch(m.get_connection(), "survey_translation").await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Response::Table)
                .drop_column(Response::Language)
                .to_owned(),
        )
        .await?;
        m.drop_table(Table::drop().table(SurveyTranslation::Table).to_owned())
            .await
    }
}
