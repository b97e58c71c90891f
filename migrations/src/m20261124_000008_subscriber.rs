//! Email lists residents join: results updates (told when results are published) and the
//! residents' panel (asked to take part in surveys). An address is confirmed by a link before
//! anything else is sent to it (double opt-in); leaving deletes the row. A panel member may
//! give a ward, age band and sex, used only to see whom the panel under-represents: no table
//! links a member to an answer.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Subscriber {
    Table,
    Id,
    /// `results` or `panel`.
    List,
    Email,
    WardCode,
    AgeBand,
    Sex,
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
                .col(string(Subscriber::List))
                .col(string(Subscriber::Email))
                .col(string_null(Subscriber::WardCode))
                .col(string_null(Subscriber::AgeBand))
                .col(string_null(Subscriber::Sex))
                .col(string_null(Subscriber::ConfirmHash).unique_key())
                .col(big_integer(Subscriber::CreatedAt))
                .col(big_integer_null(Subscriber::ConfirmedAt))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("subscriber_once_per_list")
                .table(Subscriber::Table)
                .col(Subscriber::List)
                .col(Subscriber::Email)
                .unique()
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
