//! People who asked to be told when results are published: an email address, confirmed by a
//! link before anything else is sent to it (double opt-in). Leaving deletes the row.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Subscriber {
    Table,
    Id,
    Email,
    /// SHA-256 of the token in the confirmation link; null once confirmed.
    ConfirmHash,
    CreatedAt,
    ConfirmedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Subscriber::Table)
                .col(pk_auto(Subscriber::Id))
                .col(string(Subscriber::Email).unique_key())
                .col(string_null(Subscriber::ConfirmHash).unique_key())
                .col(big_integer(Subscriber::CreatedAt))
                .col(big_integer_null(Subscriber::ConfirmedAt))
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(Subscriber::Table).to_owned())
            .await?;
        Ok(())
    }
}
