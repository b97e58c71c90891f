//! Answers entered without a connection: the browser makes each entry's id when it is
//! started, so a send can arrive twice. The entry keeps a digest of the answers it was sent
//! with (to know a repeat), and answers that arrive again under the same id but different
//! are kept aside for the group's organiser to resolve.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Entry {
    Table,
    Id,
    /// SHA-256 of the answers as first sent; null until sent.
    SentDigest,
    /// Made on a volunteer's device without a connection: its response's channel is
    /// `offline`.
    Offline,
}

#[derive(DeriveIden)]
enum EntryAside {
    Table,
    Id,
    EntryId,
    /// The answers as they arrived (JSON, as typed), until resolved.
    Answers,
    Digest,
    ReceivedFrom,
    ReceivedAt,
    ResolvedBy,
    ResolvedAt,
    /// "kept" (the stored answers stand) or "replaced" (these replaced them).
    Resolution,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Entry::Table)
                .add_column(string_null(Entry::SentDigest))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Entry::Table)
                .add_column(boolean(Entry::Offline).default(false))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(EntryAside::Table)
                .col(pk_auto(EntryAside::Id))
                .col(integer(EntryAside::EntryId))
                .col(text(EntryAside::Answers))
                .col(string(EntryAside::Digest))
                .col(integer(EntryAside::ReceivedFrom))
                .col(big_integer(EntryAside::ReceivedAt))
                .col(integer_null(EntryAside::ResolvedBy))
                .col(big_integer_null(EntryAside::ResolvedAt))
                .col(string_null(EntryAside::Resolution))
                .foreign_key(
                    ForeignKey::create()
                        .name("entry_aside_entry")
                        .from(EntryAside::Table, EntryAside::EntryId)
                        .to(Entry::Table, Entry::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("entry_aside_by_entry")
                .table(EntryAside::Table)
                .col(EntryAside::EntryId)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(EntryAside::Table).to_owned())
            .await?;
        for c in [Entry::Offline, Entry::SentDigest] {
            m.alter_table(Table::alter().table(Entry::Table).drop_column(c).to_owned())
                .await?;
        }
        Ok(())
    }
}
