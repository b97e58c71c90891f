//! Indicator definitions as data, population totals for weighting, and an index for
//! loading a wave's responses.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Indicator {
    Table,
    Id,
    Key,
    Label,
    Item,
    Rule,
    Theme,
    HigherIsBetter,
    Position,
}

#[derive(DeriveIden)]
enum Population {
    Table,
    Id,
    AreaId,
    AgeBand,
    Sex,
    Count,
}

#[derive(DeriveIden)]
enum Area {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Response {
    Table,
    Id,
    WaveId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Indicator::Table)
                .col(pk_auto(Indicator::Id))
                .col(string_uniq(Indicator::Key))
                .col(text(Indicator::Label))
                .col(string(Indicator::Item))
                // The rule as JSON, e.g. {"type":"share_of","options":["very_safe","fairly_safe"]}.
                .col(text(Indicator::Rule))
                .col(string(Indicator::Theme))
                .col(boolean(Indicator::HigherIsBetter))
                .col(integer(Indicator::Position))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Population::Table)
                .col(pk_auto(Population::Id))
                .col(integer(Population::AreaId))
                .col(string(Population::AgeBand))
                .col(string(Population::Sex))
                .col(double(Population::Count))
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_population_area")
                        .from(Population::Table, Population::AreaId)
                        .to(Area::Table, Area::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .index(
                    Index::create()
                        .name("ux_population_cell")
                        .col(Population::AreaId)
                        .col(Population::AgeBand)
                        .col(Population::Sex)
                        .unique(),
                )
                .to_owned(),
        )
        .await?;

        // A wave's newest response in one index probe: the results cache checks it on every
        // request, and loading splits a wave by id range.
        m.create_index(
            Index::create()
                .name("ix_response_wave_id")
                .table(Response::Table)
                .col(Response::WaveId)
                .col(Response::Id)
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(
            Index::drop()
                .name("ix_response_wave_id")
                .table(Response::Table)
                .to_owned(),
        )
        .await?;
        m.drop_table(Table::drop().table(Population::Table).to_owned())
            .await?;
        m.drop_table(Table::drop().table(Indicator::Table).to_owned())
            .await?;
        Ok(())
    }
}
