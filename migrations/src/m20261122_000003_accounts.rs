//! Officer accounts, server-side sessions, the audit log, sign-in throttling, benchmark
//! values, and tile-map positions for areas. Times are Unix seconds (UTC): the same on both
//! engines and simple to compare.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum AppUser {
    Table,
    Id,
    Email,
    Name,
    PasswordHash,
    Role,
    Active,
    CreatedAt,
    LastSignInAt,
}

#[derive(DeriveIden)]
enum UserSession {
    Table,
    Id,
    TokenHash,
    UserId,
    CreatedAt,
    LastSeenAt,
}

#[derive(DeriveIden)]
enum AuditEvent {
    Table,
    Id,
    At,
    ActorId,
    Actor,
    Action,
    Detail,
    Ip,
}

#[derive(DeriveIden)]
enum SignInFailure {
    Table,
    Id,
    Email,
    Ip,
    At,
}

#[derive(DeriveIden)]
enum Benchmark {
    Table,
    Id,
    IndicatorKey,
    Label,
    Value,
}

#[derive(DeriveIden)]
enum Area {
    Table,
    TileCol,
    TileRow,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(AppUser::Table)
                .col(pk_auto(AppUser::Id))
                .col(string_uniq(AppUser::Email))
                .col(string(AppUser::Name))
                .col(string(AppUser::PasswordHash))
                // administrator | officer; organiser and volunteer come with community groups.
                .col(string(AppUser::Role))
                .col(boolean(AppUser::Active))
                .col(big_integer(AppUser::CreatedAt))
                .col(big_integer_null(AppUser::LastSignInAt))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(UserSession::Table)
                .col(pk_auto(UserSession::Id))
                // SHA-256 of the cookie value: a leaked table cannot be replayed as cookies.
                .col(string_uniq(UserSession::TokenHash))
                .col(integer(UserSession::UserId))
                .col(big_integer(UserSession::CreatedAt))
                .col(big_integer(UserSession::LastSeenAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(UserSession::Table, UserSession::UserId)
                        .to(AppUser::Table, AppUser::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(AuditEvent::Table)
                .col(pk_auto(AuditEvent::Id))
                .col(big_integer(AuditEvent::At))
                .col(integer_null(AuditEvent::ActorId))
                .col(string(AuditEvent::Actor))
                .col(string(AuditEvent::Action))
                .col(text(AuditEvent::Detail))
                .col(string_null(AuditEvent::Ip))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(SignInFailure::Table)
                .col(pk_auto(SignInFailure::Id))
                .col(string(SignInFailure::Email))
                .col(string(SignInFailure::Ip))
                .col(big_integer(SignInFailure::At))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_sign_in_failure_email_at")
                .table(SignInFailure::Table)
                .col(SignInFailure::Email)
                .col(SignInFailure::At)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Benchmark::Table)
                .col(pk_auto(Benchmark::Id))
                .col(string_uniq(Benchmark::IndicatorKey))
                .col(string(Benchmark::Label))
                .col(double(Benchmark::Value))
                .to_owned(),
        )
        .await?;
        // SQLite adds one column per ALTER.
        m.alter_table(
            Table::alter()
                .table(Area::Table)
                .add_column(integer_null(Area::TileCol))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Area::Table)
                .add_column(integer_null(Area::TileRow))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            Benchmark::Table.into_iden(),
            SignInFailure::Table.into_iden(),
            AuditEvent::Table.into_iden(),
            UserSession::Table.into_iden(),
            AppUser::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        m.alter_table(
            Table::alter()
                .table(Area::Table)
                .drop_column(Area::TileCol)
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Area::Table)
                .drop_column(Area::TileRow)
                .to_owned(),
        )
        .await
    }
}
