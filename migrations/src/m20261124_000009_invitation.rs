//! Inviting residents to a wave: the panel, or a list an officer uploads. Each invitation
//! holds a keyed hash of its single-use access code and, once used, only the date; no table
//! links an invitation to a response or a draft. Uploaded addresses are deleted when the
//! wave closes; an address that asked for no more is kept only as a keyed hash.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum InvitationBatch {
    Table,
    Id,
    WaveId,
    /// `panel` or `list`.
    Source,
    Invited,
    /// Days after the invitation the reminders go (none, one or two).
    FirstReminderDay,
    SecondReminderDay,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Invitation {
    Table,
    Id,
    BatchId,
    WaveId,
    /// A panel member's row (their address is read from it, so leaving the panel stops
    /// everything at once); null for a list, and once the wave closes.
    SubscriberId,
    /// An uploaded address; null for the panel, and once the wave closes.
    Email,
    WardCode,
    /// HMAC of the access code.
    CodeHash,
    InvitedAt,
    Reminders,
    /// The date the code was spent; nothing more.
    UsedOn,
}

#[derive(DeriveIden)]
enum MailSuppression {
    Table,
    /// HMAC of an address that asked for no more survey invitations.
    EmailHash,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Wave {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Subscriber {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(InvitationBatch::Table)
                .col(pk_auto(InvitationBatch::Id))
                .col(integer(InvitationBatch::WaveId))
                .col(string(InvitationBatch::Source))
                .col(integer(InvitationBatch::Invited))
                .col(integer_null(InvitationBatch::FirstReminderDay))
                .col(integer_null(InvitationBatch::SecondReminderDay))
                .col(big_integer(InvitationBatch::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .name("invitation_batch_wave")
                        .from(InvitationBatch::Table, InvitationBatch::WaveId)
                        .to(Wave::Table, Wave::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Invitation::Table)
                .col(pk_auto(Invitation::Id))
                .col(integer(Invitation::BatchId))
                .col(integer(Invitation::WaveId))
                .col(integer_null(Invitation::SubscriberId))
                .col(string_null(Invitation::Email))
                .col(string_null(Invitation::WardCode))
                .col(string(Invitation::CodeHash).unique_key())
                .col(big_integer(Invitation::InvitedAt))
                .col(integer(Invitation::Reminders).default(0))
                .col(date_null(Invitation::UsedOn))
                .foreign_key(
                    ForeignKey::create()
                        .name("invitation_batch")
                        .from(Invitation::Table, Invitation::BatchId)
                        .to(InvitationBatch::Table, InvitationBatch::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .name("invitation_wave")
                        .from(Invitation::Table, Invitation::WaveId)
                        .to(Wave::Table, Wave::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .name("invitation_subscriber")
                        .from(Invitation::Table, Invitation::SubscriberId)
                        .to(Subscriber::Table, Subscriber::Id)
                        .on_delete(ForeignKeyAction::SetNull),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("invitation_by_wave")
                .table(Invitation::Table)
                .col(Invitation::WaveId)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(MailSuppression::Table)
                .col(string(MailSuppression::EmailHash).primary_key())
                .col(big_integer(MailSuppression::CreatedAt))
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            Invitation::Table.into_iden(),
            InvitationBatch::Table.into_iden(),
            MailSuppression::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
