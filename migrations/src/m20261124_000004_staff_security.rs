//! Staff account security: a password an administrator has reset must be changed at the
//! next sign-in; two-factor sign-in (TOTP) with single-use recovery codes.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum AppUser {
    Table,
    Id,
    MustChangePassword,
    TotpSecret,
    TotpLastStep,
}

#[derive(DeriveIden)]
enum RecoveryCode {
    Table,
    Id,
    UserId,
    CodeHash,
    UsedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite adds columns one at a time.
        m.alter_table(
            Table::alter()
                .table(AppUser::Table)
                .add_column(boolean(AppUser::MustChangePassword).default(false))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(AppUser::Table)
                // The shared TOTP secret (base32); null until two-factor sign-in is set up.
                .add_column(string_null(AppUser::TotpSecret))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(AppUser::Table)
                // The last 30-second step a code was accepted for: a code works once.
                .add_column(big_integer_null(AppUser::TotpLastStep))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(RecoveryCode::Table)
                .col(pk_auto(RecoveryCode::Id))
                .col(integer(RecoveryCode::UserId))
                // SHA-256 of the code: shown to the person once, never stored.
                .col(string(RecoveryCode::CodeHash))
                .col(big_integer_null(RecoveryCode::UsedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(RecoveryCode::Table, RecoveryCode::UserId)
                        .to(AppUser::Table, AppUser::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(RecoveryCode::Table).to_owned())
            .await?;
        for col in [
            AppUser::MustChangePassword,
            AppUser::TotpSecret,
            AppUser::TotpLastStep,
        ] {
            m.alter_table(
                Table::alter()
                    .table(AppUser::Table)
                    .drop_column(col)
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }
}
