//! Areas, surveys as data, waves, drafts (unfinished responses), responses and the
//! postcode lookup.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Setting {
    Table,
    Key,
    Value,
}

#[derive(DeriveIden)]
enum AreaGroup {
    Table,
    Id,
    Code,
    Name,
}

#[derive(DeriveIden)]
enum Area {
    Table,
    Id,
    Code,
    Name,
    GroupId,
}

#[derive(DeriveIden)]
enum Survey {
    Table,
    Id,
    Key,
    Title,
    Summary,
    Purpose,
    Minutes,
    Retention,
}

#[derive(DeriveIden)]
enum SurveySection {
    Table,
    Id,
    SurveyId,
    Position,
    Title,
    Intro,
}

#[derive(DeriveIden)]
enum Question {
    Table,
    Id,
    SurveyId,
    SectionId,
    Key,
    Position,
    Kind,
    Prompt,
    Hint,
    ShortLabel,
    RequiredMessage,
    Required,
    ScaleMin,
    ScaleMax,
    MinLabel,
    MaxLabel,
    MaxChars,
}

#[derive(DeriveIden)]
enum QuestionOption {
    Table,
    Id,
    QuestionId,
    Key,
    Label,
    Position,
}

#[derive(DeriveIden)]
enum Wave {
    Table,
    Id,
    SurveyId,
    Key,
    Name,
    Status,
    IsBaseline,
    Weighted,
    Published,
    OpensOn,
    ClosesOn,
}

#[derive(DeriveIden)]
enum Draft {
    Table,
    Id,
    Code,
    WaveId,
    Answers,
    Status,
    ReceiptCode,
    CreatedOn,
    UpdatedOn,
}

#[derive(DeriveIden)]
enum Response {
    Table,
    Id,
    WaveId,
    ExternalId,
    AreaId,
    AreaAnswer,
    AgeBand,
    Sex,
    Channel,
    SubmittedOn,
    Answers,
}

// The table and its key column are both called "postcode".
#[allow(clippy::enum_variant_names)]
#[derive(DeriveIden)]
enum Postcode {
    Table,
    Postcode,
    AreaCode,
}

fn fk(
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
                .table(Setting::Table)
                .col(string(Setting::Key).primary_key())
                .col(text(Setting::Value))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(AreaGroup::Table)
                .col(pk_auto(AreaGroup::Id))
                .col(string_uniq(AreaGroup::Code))
                .col(string(AreaGroup::Name))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Area::Table)
                .col(pk_auto(Area::Id))
                .col(string_uniq(Area::Code))
                .col(string(Area::Name))
                .col(integer(Area::GroupId))
                .foreign_key(&mut fk(
                    "fk_area_group",
                    (Area::Table, Area::GroupId),
                    (AreaGroup::Table, AreaGroup::Id),
                ))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Survey::Table)
                .col(pk_auto(Survey::Id))
                .col(string_uniq(Survey::Key))
                .col(string(Survey::Title))
                .col(text(Survey::Summary))
                .col(text(Survey::Purpose))
                .col(integer(Survey::Minutes))
                .col(text(Survey::Retention))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(SurveySection::Table)
                .col(pk_auto(SurveySection::Id))
                .col(integer(SurveySection::SurveyId))
                .col(integer(SurveySection::Position))
                .col(string(SurveySection::Title))
                .col(text_null(SurveySection::Intro))
                .foreign_key(&mut fk(
                    "fk_section_survey",
                    (SurveySection::Table, SurveySection::SurveyId),
                    (Survey::Table, Survey::Id),
                ))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Question::Table)
                .col(pk_auto(Question::Id))
                .col(integer(Question::SurveyId))
                .col(integer(Question::SectionId))
                .col(string(Question::Key))
                .col(integer(Question::Position))
                .col(string(Question::Kind))
                .col(text(Question::Prompt))
                .col(text_null(Question::Hint))
                .col(string(Question::ShortLabel))
                .col(text(Question::RequiredMessage))
                .col(boolean(Question::Required))
                .col(integer_null(Question::ScaleMin))
                .col(integer_null(Question::ScaleMax))
                .col(string_null(Question::MinLabel))
                .col(string_null(Question::MaxLabel))
                .col(integer_null(Question::MaxChars))
                .foreign_key(&mut fk(
                    "fk_question_survey",
                    (Question::Table, Question::SurveyId),
                    (Survey::Table, Survey::Id),
                ))
                .foreign_key(&mut fk(
                    "fk_question_section",
                    (Question::Table, Question::SectionId),
                    (SurveySection::Table, SurveySection::Id),
                ))
                .index(
                    Index::create()
                        .name("ux_question_survey_key")
                        .col(Question::SurveyId)
                        .col(Question::Key)
                        .unique(),
                )
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(QuestionOption::Table)
                .col(pk_auto(QuestionOption::Id))
                .col(integer(QuestionOption::QuestionId))
                .col(string(QuestionOption::Key))
                .col(string(QuestionOption::Label))
                .col(integer(QuestionOption::Position))
                .foreign_key(&mut fk(
                    "fk_option_question",
                    (QuestionOption::Table, QuestionOption::QuestionId),
                    (Question::Table, Question::Id),
                ))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Wave::Table)
                .col(pk_auto(Wave::Id))
                .col(integer(Wave::SurveyId))
                .col(string(Wave::Key))
                .col(string(Wave::Name))
                .col(string(Wave::Status))
                .col(boolean(Wave::IsBaseline))
                .col(boolean(Wave::Weighted))
                .col(boolean(Wave::Published))
                .col(date_null(Wave::OpensOn))
                .col(date_null(Wave::ClosesOn))
                .foreign_key(&mut fk(
                    "fk_wave_survey",
                    (Wave::Table, Wave::SurveyId),
                    (Survey::Table, Survey::Id),
                ))
                .index(
                    Index::create()
                        .name("ux_wave_survey_key")
                        .col(Wave::SurveyId)
                        .col(Wave::Key)
                        .unique(),
                )
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Draft::Table)
                .col(pk_auto(Draft::Id))
                .col(string_uniq(Draft::Code))
                .col(integer(Draft::WaveId))
                .col(text(Draft::Answers))
                .col(string(Draft::Status))
                .col(string_null(Draft::ReceiptCode))
                .col(date(Draft::CreatedOn))
                .col(date(Draft::UpdatedOn))
                .foreign_key(&mut fk(
                    "fk_draft_wave",
                    (Draft::Table, Draft::WaveId),
                    (Wave::Table, Wave::Id),
                ))
                .to_owned(),
        )
        .await?;

        // Only what the survey needs: no IP address, user agent or time of day.
        m.create_table(
            Table::create()
                .table(Response::Table)
                .col(pk_auto(Response::Id))
                .col(integer(Response::WaveId))
                .col(string(Response::ExternalId))
                .col(integer_null(Response::AreaId))
                .col(string(Response::AreaAnswer))
                .col(string_null(Response::AgeBand))
                .col(string_null(Response::Sex))
                .col(string(Response::Channel))
                .col(date(Response::SubmittedOn))
                .col(text(Response::Answers))
                .foreign_key(&mut fk(
                    "fk_response_wave",
                    (Response::Table, Response::WaveId),
                    (Wave::Table, Wave::Id),
                ))
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_response_area")
                        .from(Response::Table, Response::AreaId)
                        .to(Area::Table, Area::Id)
                        .on_delete(ForeignKeyAction::SetNull),
                )
                .index(
                    Index::create()
                        .name("ux_response_wave_external")
                        .col(Response::WaveId)
                        .col(Response::ExternalId)
                        .unique(),
                )
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Postcode::Table)
                .col(string(Postcode::Postcode).primary_key())
                .col(string(Postcode::AreaCode))
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            Postcode::Table.into_iden(),
            Response::Table.into_iden(),
            Draft::Table.into_iden(),
            Wave::Table.into_iden(),
            QuestionOption::Table.into_iden(),
            Question::Table.into_iden(),
            SurveySection::Table.into_iden(),
            Survey::Table.into_iden(),
            Area::Table.into_iden(),
            AreaGroup::Table.into_iden(),
            Setting::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
