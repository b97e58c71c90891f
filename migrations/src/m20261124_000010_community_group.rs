//! Community groups: the group, the wards it works in, its people (organisers and
//! volunteers are accounts that name their group) and its events, each collecting answers
//! for one or more survey waves. A response can name the event it was collected at and the
//! person who entered it.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum CommunityGroup {
    Table,
    Id,
    Name,
    Description,
    ContactEmail,
    ContactPhone,
    CreatedAt,
}

#[derive(DeriveIden)]
enum GroupWard {
    Table,
    GroupId,
    AreaId,
}

#[derive(DeriveIden)]
enum Event {
    Table,
    Id,
    GroupId,
    Title,
    Description,
    Place,
    AreaId,
    StartsAt,
    EndsAt,
    Public,
    CreatedBy,
    CreatedAt,
    /// Set when the organiser cancels it: kept, but listed as cancelled.
    CancelledAt,
}

#[derive(DeriveIden)]
enum EventWave {
    Table,
    EventId,
    WaveId,
}

/// A resident's answers as a volunteer enters them at an event: kept while being typed
/// (and when refused), then sent once as a response.
#[derive(DeriveIden)]
enum Entry {
    Table,
    Id,
    /// Random, in the entry page's address; found only within its volunteer's group.
    Code,
    EventId,
    WaveId,
    EnteredBy,
    /// Set when a resident answers on a kiosk (then the response names no volunteer).
    KioskId,
    Answers,
    /// Null until sent.
    ResponseId,
    CreatedAt,
    UpdatedAt,
}

/// A volunteer's correction of a response they entered: who, when, and each answer before
/// and after. Kept for good; the response holds the answers as corrected.
#[derive(DeriveIden)]
enum EntryCorrection {
    Table,
    Id,
    ResponseId,
    ChangedBy,
    ChangedAt,
    /// JSON: [{"question": key, "before": text, "after": text}, ...].
    Changes,
}

/// A tablet an organiser turned into a kiosk for one event and survey: set up by a one-time
/// code (kept as a hash, working for 15 minutes), then known by its own token (a hash too).
#[derive(DeriveIden)]
enum Kiosk {
    Table,
    Id,
    EventId,
    WaveId,
    CreatedBy,
    CodeHash,
    CodeExpiresAt,
    TokenHash,
    CreatedAt,
    EndedAt,
}

#[derive(DeriveIden)]
enum AppUser {
    Table,
    /// The group of an organiser or volunteer; null for council staff.
    GroupId,
}

#[derive(DeriveIden)]
enum Response {
    Table,
    EventId,
    /// The account that entered it on a resident's behalf; null when the resident did.
    EnteredBy,
}

#[derive(DeriveIden)]
enum Area {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Wave {
    Table,
    Id,
}

fn cascade(
    name: &str,
    from: (impl IntoIden, impl IntoIden),
    to: (impl IntoIden, impl IntoIden),
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(from.0, from.1)
        .to(to.0, to.1)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(CommunityGroup::Table)
                .col(pk_auto(CommunityGroup::Id))
                .col(string(CommunityGroup::Name).unique_key())
                .col(text(CommunityGroup::Description))
                .col(string(CommunityGroup::ContactEmail))
                .col(string(CommunityGroup::ContactPhone))
                .col(big_integer(CommunityGroup::CreatedAt))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(GroupWard::Table)
                .col(integer(GroupWard::GroupId))
                .col(integer(GroupWard::AreaId))
                .primary_key(
                    Index::create()
                        .col(GroupWard::GroupId)
                        .col(GroupWard::AreaId),
                )
                .foreign_key(&mut cascade(
                    "group_ward_group",
                    (GroupWard::Table, GroupWard::GroupId),
                    (CommunityGroup::Table, CommunityGroup::Id),
                ))
                .foreign_key(&mut cascade(
                    "group_ward_area",
                    (GroupWard::Table, GroupWard::AreaId),
                    (Area::Table, Area::Id),
                ))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Event::Table)
                .col(pk_auto(Event::Id))
                .col(integer(Event::GroupId))
                .col(string(Event::Title))
                .col(text(Event::Description))
                .col(string(Event::Place))
                .col(integer_null(Event::AreaId))
                .col(big_integer(Event::StartsAt))
                .col(big_integer(Event::EndsAt))
                .col(boolean(Event::Public))
                .col(integer(Event::CreatedBy))
                .col(big_integer(Event::CreatedAt))
                .col(big_integer_null(Event::CancelledAt))
                .foreign_key(&mut cascade(
                    "event_group",
                    (Event::Table, Event::GroupId),
                    (CommunityGroup::Table, CommunityGroup::Id),
                ))
                .foreign_key(
                    ForeignKey::create()
                        .name("event_area")
                        .from(Event::Table, Event::AreaId)
                        .to(Area::Table, Area::Id)
                        .on_delete(ForeignKeyAction::SetNull),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("event_by_start")
                .table(Event::Table)
                .col(Event::StartsAt)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(EventWave::Table)
                .col(integer(EventWave::EventId))
                .col(integer(EventWave::WaveId))
                .primary_key(
                    Index::create()
                        .col(EventWave::EventId)
                        .col(EventWave::WaveId),
                )
                .foreign_key(&mut cascade(
                    "event_wave_event",
                    (EventWave::Table, EventWave::EventId),
                    (Event::Table, Event::Id),
                ))
                .foreign_key(&mut cascade(
                    "event_wave_wave",
                    (EventWave::Table, EventWave::WaveId),
                    (Wave::Table, Wave::Id),
                ))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Entry::Table)
                .col(pk_auto(Entry::Id))
                .col(string(Entry::Code).unique_key())
                .col(integer(Entry::EventId))
                .col(integer(Entry::WaveId))
                .col(integer(Entry::EnteredBy))
                .col(integer_null(Entry::KioskId))
                .col(text(Entry::Answers))
                .col(integer_null(Entry::ResponseId))
                .col(big_integer(Entry::CreatedAt))
                .col(big_integer(Entry::UpdatedAt))
                .foreign_key(&mut cascade(
                    "entry_event",
                    (Entry::Table, Entry::EventId),
                    (Event::Table, Event::Id),
                ))
                .foreign_key(&mut cascade(
                    "entry_wave",
                    (Entry::Table, Entry::WaveId),
                    (Wave::Table, Wave::Id),
                ))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Kiosk::Table)
                .col(pk_auto(Kiosk::Id))
                .col(integer(Kiosk::EventId))
                .col(integer(Kiosk::WaveId))
                .col(integer(Kiosk::CreatedBy))
                .col(string(Kiosk::CodeHash).unique_key())
                .col(big_integer(Kiosk::CodeExpiresAt))
                .col(string_null(Kiosk::TokenHash).unique_key())
                .col(big_integer(Kiosk::CreatedAt))
                .col(big_integer_null(Kiosk::EndedAt))
                .foreign_key(&mut cascade(
                    "kiosk_event",
                    (Kiosk::Table, Kiosk::EventId),
                    (Event::Table, Event::Id),
                ))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(EntryCorrection::Table)
                .col(pk_auto(EntryCorrection::Id))
                .col(integer(EntryCorrection::ResponseId))
                .col(integer(EntryCorrection::ChangedBy))
                .col(big_integer(EntryCorrection::ChangedAt))
                .col(text(EntryCorrection::Changes))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("entry_correction_by_response")
                .table(EntryCorrection::Table)
                .col(EntryCorrection::ResponseId)
                .to_owned(),
        )
        .await?;
        // SQLite cannot add a foreign key to a table that exists: the store keeps these
        // consistent (a group is never deleted while it has people or responses).
        m.alter_table(
            Table::alter()
                .table(AppUser::Table)
                .add_column(integer_null(AppUser::GroupId))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Response::Table)
                .add_column(integer_null(Response::EventId))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Response::Table)
                .add_column(integer_null(Response::EnteredBy))
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for (t, c) in [
            (Response::Table.into_iden(), Response::EnteredBy.into_iden()),
            (Response::Table.into_iden(), Response::EventId.into_iden()),
            (AppUser::Table.into_iden(), AppUser::GroupId.into_iden()),
        ] {
            m.alter_table(Table::alter().table(t).drop_column(c).to_owned())
                .await?;
        }
        for t in [
            Kiosk::Table.into_iden(),
            EntryCorrection::Table.into_iden(),
            Entry::Table.into_iden(),
            EventWave::Table.into_iden(),
            Event::Table.into_iden(),
            GroupWard::Table.into_iden(),
            CommunityGroup::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
