//! Paper forms, typed up in batches: each sheet is an entry with its number, kept until a
//! second person has checked the batch against the paper, when every sheet becomes a
//! response at once. Organisers record how many sheets they handed out for each survey.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum PaperBatch {
    Table,
    Id,
    EventId,
    WaveId,
    CreatedBy,
    CreatedAt,
    /// Set when its volunteer says every sheet is in; cleared if it is reopened.
    FinishedAt,
    CheckedBy,
    CheckedAt,
}

#[derive(DeriveIden)]
enum Entry {
    Table,
    /// The batch of a paper sheet; null for other entries.
    BatchId,
    /// The number written on the sheet.
    Sheet,
}

#[derive(DeriveIden)]
enum EventWave {
    Table,
    /// How many paper forms the organiser handed out for this survey at this event.
    SheetsHandedOut,
}

#[derive(DeriveIden)]
enum Event {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(PaperBatch::Table)
                .col(pk_auto(PaperBatch::Id))
                .col(integer(PaperBatch::EventId))
                .col(integer(PaperBatch::WaveId))
                .col(integer(PaperBatch::CreatedBy))
                .col(big_integer(PaperBatch::CreatedAt))
                .col(big_integer_null(PaperBatch::FinishedAt))
                .col(integer_null(PaperBatch::CheckedBy))
                .col(big_integer_null(PaperBatch::CheckedAt))
                .foreign_key(
                    ForeignKey::create()
                        .name("paper_batch_event")
                        .from(PaperBatch::Table, PaperBatch::EventId)
                        .to(Event::Table, Event::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        for col in [Entry::BatchId, Entry::Sheet] {
            m.alter_table(
                Table::alter()
                    .table(Entry::Table)
                    .add_column(integer_null(col))
                    .to_owned(),
            )
            .await?;
        }
        m.alter_table(
            Table::alter()
                .table(EventWave::Table)
                .add_column(integer_null(EventWave::SheetsHandedOut))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(EventWave::Table)
                .drop_column(EventWave::SheetsHandedOut)
                .to_owned(),
        )
        .await?;
        for col in [Entry::Sheet, Entry::BatchId] {
            m.alter_table(
                Table::alter()
                    .table(Entry::Table)
                    .drop_column(col)
                    .to_owned(),
            )
            .await?;
        }
        m.drop_table(Table::drop().table(PaperBatch::Table).to_owned())
            .await
    }
}
