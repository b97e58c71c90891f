//! Email: the outbox every message is written to in the same transaction as the event that
//! causes it, and the single-use links sent to staff (password resets and invitations), kept
//! only as hashes.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Outbox {
    Table,
    Id,
    /// Unique: writing the same message twice (a retried request) queues it once.
    IdemKey,
    Recipient,
    /// The message as data (`domain::mail::Mail`, JSON); its links redacted once sent.
    Data,
    Status,
    Attempts,
    NextAttemptAt,
    /// While a process sends it: until when the message is that process's.
    ClaimedUntil,
    LastError,
    CreatedAt,
    SentAt,
}

#[derive(DeriveIden)]
enum AccountLink {
    Table,
    Id,
    UserId,
    /// `reset` or `invitation`.
    Purpose,
    /// SHA-256 of the token in the emailed link.
    TokenHash,
    CreatedAt,
    ExpiresAt,
    UsedAt,
}

#[derive(DeriveIden)]
enum AppUser {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Outbox::Table)
                .col(pk_auto(Outbox::Id))
                .col(string(Outbox::IdemKey).unique_key())
                .col(string(Outbox::Recipient))
                .col(text(Outbox::Data))
                .col(string(Outbox::Status))
                .col(integer(Outbox::Attempts).default(0))
                .col(big_integer(Outbox::NextAttemptAt))
                .col(big_integer_null(Outbox::ClaimedUntil))
                .col(text_null(Outbox::LastError))
                .col(big_integer(Outbox::CreatedAt))
                .col(big_integer_null(Outbox::SentAt))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("outbox_due")
                .table(Outbox::Table)
                .col(Outbox::Status)
                .col(Outbox::NextAttemptAt)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(AccountLink::Table)
                .col(pk_auto(AccountLink::Id))
                .col(integer(AccountLink::UserId))
                .col(string(AccountLink::Purpose))
                .col(string(AccountLink::TokenHash).unique_key())
                .col(big_integer(AccountLink::CreatedAt))
                .col(big_integer(AccountLink::ExpiresAt))
                .col(big_integer_null(AccountLink::UsedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(AccountLink::Table, AccountLink::UserId)
                        .to(AppUser::Table, AppUser::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(AccountLink::Table).to_owned())
            .await?;
        m.drop_table(Table::drop().table(Outbox::Table).to_owned())
            .await?;
        Ok(())
    }
}
