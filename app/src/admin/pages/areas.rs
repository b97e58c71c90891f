use leptos::prelude::*;

use crate::admin::api::load_areas;
use crate::admin::model::{AreasNotice, AreasView, UploadForm};
use crate::admin::paths;
use crate::officer::pages::nav::OfficerNav;
use crate::shared::components::ErrorItem;
use crate::shared::components::{show_loaded, CsvFileField, ErrorSummary, PageTitle, StatusNotice};

/// The wards responses are tagged with, and the population totals weighting uses: both
/// replaced by uploading a CSV file.
#[component]
pub fn AreasPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| load_areas());
    view! {
        {show_loaded(
            data,
            move |a: AreasView| {
                let (mut areas_err, mut pop_err) = (None, None);
                let (mut areas_problems, mut pop_problems) = (Vec::new(), Vec::new());
                let (mut areas_more, mut pop_more) = (0, 0);
                let saved = match a.notice.clone() {
                    Some(AreasNotice::Refused { form, message, problems, more }) => {
                        match form {
                            UploadForm::Areas => {
                                (areas_err, areas_problems, areas_more) = (
                                    Some(message),
                                    problems,
                                    more,
                                );
                            }
                            UploadForm::Population => {
                                (pop_err, pop_problems, pop_more) = (Some(message), problems, more);
                            }
                        }
                        None
                    }
                    Some(AreasNotice::AreasSaved { wards, added, removed, population_removed }) => {
                        Some(
                            format!(
                                "The areas are saved: {wards} wards ({added} added, {removed} removed).{}",
                                if population_removed {
                                    " The population totals were for the old wards and have been removed: upload totals for these wards before turning weighting on."
                                } else {
                                    ""
                                },
                            ),
                        )
                    }
                    Some(AreasNotice::PopulationSaved { rows }) => {
                        Some(format!("The population totals are saved: {rows} rows."))
                    }
                    None => None,
                };
                let mut errors = Vec::new();
                if let Some(m) = &areas_err {
                    errors
                        .push(ErrorItem {
                            field_id: "areas-file".into(),
                            message: m.clone(),
                        });
                }
                if let Some(m) = &pop_err {
                    errors
                        .push(ErrorItem {
                            field_id: "population-file".into(),
                            message: m.clone(),
                        });
                }
                let has_errors = !errors.is_empty();
                let csrf = a.viewer.csrf.clone();
                let upload = move |
                    id: &'static str,
                    action: &'static str,
                    label: &'static str,
                    hint: &'static str,
                    button: &'static str,
                    err: Option<String>,
                    problems: Vec<String>,
                    more: usize|
                {
                    // The last upload's notice, from the server (never from the address).
                    view! {
                        <form method="post" action=action enctype="multipart/form-data" novalidate>
                            <input type="hidden" name="csrf" value=csrf.clone() />
                            <CsvFileField
                                id=id
                                label=label
                                hint=hint
                                error=err
                                problems=problems
                                more=more
                            />
                            <button class="button" type="submit">
                                {button}
                            </button>
                        </form>
                    }
                };
                let population = if a.population_rows == 0 {
                    "No population totals are loaded, so waves cannot be weighted.".to_string()
                } else {
                    format!(
                        "{} totals are loaded, for {:.0} residents aged 16 and over{}.",
                        a.population_rows,
                        a.population_total,
                        if a.population_illustrative {
                            " (illustrative figures that came with the demo: replace them before publishing weighted results)"
                        } else {
                            ""
                        },
                    )
                };
                view! {
                    <PageTitle text="Areas and population".to_string() error=has_errors />
                    <OfficerNav viewer=a.viewer.clone() />
                    <ErrorSummary errors />
                    <StatusNotice message=saved />
                    <h1>"Areas and population"</h1>
                    <p class="lead">
                        {format!(
                            "Responses are tagged with one of these {} wards, in {} groups.",
                            a.wards.len(),
                            a.groups,
                        )}
                    </p>

                    <h2 id="areas">"Replace the wards"</h2>
                    <p>
                        "Upload a CSV file with a header row and the columns "<code>"code"</code>
                        ", "<code>"name"</code>" and "<code>"group"</code>"; optionally "
                        <code>"group_code"</code>" and the ward's place on the tile map, "
                        <code>"tile_col"</code>" and "<code>"tile_row"</code>
                        " (whole numbers, column 0 at the left, row 0 at the top). Wards are matched by code: a ward kept keeps its responses, and a ward with responses cannot be left out. "
                        <a href=paths::ADMIN_AREAS_CSV download rel="external">
                            "Download the current wards (CSV)"
                        </a>" to start from."
                    </p>
                    {upload(
                        "areas-file",
                        paths::ADMIN_AREAS,
                        "Ward list (CSV)",
                        "Adding or removing wards removes the population totals, which describe the old wards.",
                        "Replace the wards",
                        areas_err.clone(),
                        areas_problems,
                        areas_more,
                    )}

                    <h2 id="population">"Population totals"</h2>
                    <p>{population}</p>
                    <p>
                        "Upload a CSV file with the columns "<code>"area"</code>
                        " (ward code or exact name), "<code>"age_band"</code>
                        " (16-24, 25-34, 35-44, 45-54, 55-64, 65-74, 75+), "<code>"sex"</code>
                        " (female or male) and "<code>"count"</code>
                        " (residents aged 16 and over), such as the ONS mid-year estimates for each ward. It replaces every total."
                    </p>
                    {upload(
                        "population-file",
                        paths::ADMIN_POPULATION,
                        "Population totals (CSV)",
                        "One row for each ward, age band and sex.",
                        "Upload population totals",
                        pop_err.clone(),
                        pop_problems,
                        pop_more,
                    )}

                    <div class="table-wrap" tabindex="0" role="region" aria-label="Wards">
                        <table class="table">
                            <caption class="table-caption table-caption-m">"Wards"</caption>
                            <thead>
                                <tr>
                                    <th scope="col">"Ward"</th>
                                    <th scope="col">"Code"</th>
                                    <th scope="col">"Group"</th>
                                    <th scope="col">"Tile (column, row)"</th>
                                    <th scope="col" class="num">
                                        "Responses"
                                    </th>
                                </tr>
                            </thead>
                            <tbody>
                                {a
                                    .wards
                                    .into_iter()
                                    .map(|w| {
                                        view! {
                                            <tr>
                                                <th scope="row">{w.name}</th>
                                                <td>{w.code}</td>
                                                <td>{w.group}</td>
                                                <td>
                                                    {if w.tile.is_empty() {
                                                        "Not placed".to_string()
                                                    } else {
                                                        w.tile
                                                    }}
                                                </td>
                                                <td class="num">{w.responses}</td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
                    .into_any()
            },
        )}
    }
}
