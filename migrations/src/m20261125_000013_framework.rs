//! The wellbeing indicator framework: indicators from surveys and published statistics,
//! their observations per area and period (corrections keep the old values), the areas
//! they are compared with, targets, and the council's "you said, we did" updates.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum FwIndicator {
    Table,
    Id,
    Key,
    Title,
    Definition,
    Priority,
    Unit,
    Decimals,
    Polarity,
    Measure,
    /// 100 for a percentage, 1,000 or 100,000 for a rate, 1 otherwise.
    Per,
    /// Computed from Kiln's own survey waves, by the indicator engine.
    FromSurvey,
    Publisher,
    SourceUrl,
    Licence,
    Frequency,
    NextUpdate,
    /// The period its change is measured from (the strategy's figures, for most).
    BaselinePeriod,
    Caveats,
    /// The OHID Fingertips indicator and sex whose rows load into this one.
    FingertipsId,
    FingertipsSex,
    Position,
}

#[derive(DeriveIden)]
enum FwObservation {
    Table,
    Id,
    IndicatorKey,
    AreaCode,
    /// ISO 8601 interval.
    Period,
    PeriodStart,
    PeriodEnd,
    /// Shown instead of the interval's own label ("as published in the Corporate Strategy").
    PeriodLabel,
    Value,
    Lci,
    Uci,
    Count,
    Denominator,
    Status,
    Note,
    /// Made up for the demo.
    Illustrative,
    /// When it was published on Kiln; null while only officers see it.
    PublishedAt,
    LoadedAt,
    LoadedBy,
}

#[derive(DeriveIden)]
enum FwCorrection {
    Table,
    Id,
    ObservationId,
    OldValue,
    OldLci,
    OldUci,
    OldCount,
    OldDenominator,
    OldStatus,
    OldNote,
    CorrectedBy,
    CorrectedAt,
    Reason,
}

#[derive(DeriveIden)]
enum FwTarget {
    Table,
    Id,
    IndicatorKey,
    BaselinePeriod,
    BaselineValue,
    TargetValue,
    TargetDate,
    Strategy,
}

#[derive(DeriveIden)]
enum FwArea {
    Table,
    Code,
    Name,
    /// home (the council's own area), england, region or similar.
    Role,
    Position,
}

#[derive(DeriveIden)]
enum CouncilUpdate {
    Table,
    Id,
    Title,
    Said,
    Did,
    Changed,
    Status,
    CreatedAt,
    UpdatedAt,
    UpdatedBy,
    PublishedAt,
}

#[derive(DeriveIden)]
enum CouncilUpdateLink {
    Table,
    Id,
    UpdateId,
    /// priority, indicator or ward.
    Kind,
    Key,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(FwIndicator::Table)
                .col(pk_auto(FwIndicator::Id))
                .col(string_uniq(FwIndicator::Key))
                .col(string(FwIndicator::Title))
                .col(text(FwIndicator::Definition))
                .col(string(FwIndicator::Priority))
                .col(string(FwIndicator::Unit))
                .col(integer(FwIndicator::Decimals))
                .col(string(FwIndicator::Polarity))
                .col(string(FwIndicator::Measure))
                .col(double(FwIndicator::Per))
                .col(boolean(FwIndicator::FromSurvey))
                .col(string(FwIndicator::Publisher))
                .col(text(FwIndicator::SourceUrl))
                .col(string(FwIndicator::Licence))
                .col(string(FwIndicator::Frequency))
                .col(date_null(FwIndicator::NextUpdate))
                .col(string_null(FwIndicator::BaselinePeriod))
                .col(text(FwIndicator::Caveats))
                .col(integer_null(FwIndicator::FingertipsId))
                .col(string_null(FwIndicator::FingertipsSex))
                .col(integer(FwIndicator::Position))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(FwObservation::Table)
                .col(pk_auto(FwObservation::Id))
                .col(string(FwObservation::IndicatorKey))
                .col(string(FwObservation::AreaCode))
                .col(string(FwObservation::Period))
                .col(date(FwObservation::PeriodStart))
                .col(date(FwObservation::PeriodEnd))
                .col(string_null(FwObservation::PeriodLabel))
                .col(double_null(FwObservation::Value))
                .col(double_null(FwObservation::Lci))
                .col(double_null(FwObservation::Uci))
                .col(double_null(FwObservation::Count))
                .col(double_null(FwObservation::Denominator))
                .col(string_null(FwObservation::Status))
                .col(text(FwObservation::Note))
                .col(boolean(FwObservation::Illustrative))
                .col(big_integer_null(FwObservation::PublishedAt))
                .col(big_integer(FwObservation::LoadedAt))
                .col(string(FwObservation::LoadedBy))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("fw_observation_key")
                .table(FwObservation::Table)
                .col(FwObservation::IndicatorKey)
                .col(FwObservation::AreaCode)
                .col(FwObservation::Period)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(FwCorrection::Table)
                .col(pk_auto(FwCorrection::Id))
                .col(integer(FwCorrection::ObservationId))
                .col(double_null(FwCorrection::OldValue))
                .col(double_null(FwCorrection::OldLci))
                .col(double_null(FwCorrection::OldUci))
                .col(double_null(FwCorrection::OldCount))
                .col(double_null(FwCorrection::OldDenominator))
                .col(string_null(FwCorrection::OldStatus))
                .col(text(FwCorrection::OldNote))
                .col(string(FwCorrection::CorrectedBy))
                .col(big_integer(FwCorrection::CorrectedAt))
                .col(text(FwCorrection::Reason))
                .foreign_key(
                    ForeignKey::create()
                        .name("fw_correction_observation")
                        .from(FwCorrection::Table, FwCorrection::ObservationId)
                        .to(FwObservation::Table, FwObservation::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(FwTarget::Table)
                .col(pk_auto(FwTarget::Id))
                .col(string_uniq(FwTarget::IndicatorKey))
                .col(string(FwTarget::BaselinePeriod))
                .col(double(FwTarget::BaselineValue))
                .col(double(FwTarget::TargetValue))
                .col(date(FwTarget::TargetDate))
                .col(string(FwTarget::Strategy))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(FwArea::Table)
                .col(string(FwArea::Code).primary_key())
                .col(string(FwArea::Name))
                .col(string(FwArea::Role))
                .col(integer(FwArea::Position))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(CouncilUpdate::Table)
                .col(pk_auto(CouncilUpdate::Id))
                .col(string(CouncilUpdate::Title))
                .col(text(CouncilUpdate::Said))
                .col(text(CouncilUpdate::Did))
                .col(text(CouncilUpdate::Changed))
                .col(string(CouncilUpdate::Status))
                .col(big_integer(CouncilUpdate::CreatedAt))
                .col(big_integer(CouncilUpdate::UpdatedAt))
                .col(string(CouncilUpdate::UpdatedBy))
                .col(big_integer_null(CouncilUpdate::PublishedAt))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(CouncilUpdateLink::Table)
                .col(pk_auto(CouncilUpdateLink::Id))
                .col(integer(CouncilUpdateLink::UpdateId))
                .col(string(CouncilUpdateLink::Kind))
                .col(string(CouncilUpdateLink::Key))
                .foreign_key(
                    ForeignKey::create()
                        .name("council_update_link_update")
                        .from(CouncilUpdateLink::Table, CouncilUpdateLink::UpdateId)
                        .to(CouncilUpdate::Table, CouncilUpdate::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            CouncilUpdateLink::Table.into_iden(),
            CouncilUpdate::Table.into_iden(),
            FwArea::Table.into_iden(),
            FwTarget::Table.into_iden(),
            FwCorrection::Table.into_iden(),
            FwObservation::Table.into_iden(),
            FwIndicator::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
