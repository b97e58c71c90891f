use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::admin::api::load_settings;
use crate::admin::model::{BenchmarkRow, SettingsView};
use crate::admin::paths;
use crate::officer::pages::nav::OfficerNav;
use crate::shared::components::ErrorItem;
use crate::shared::components::{
    error_summary::FieldErrorMessage, show_loaded, ErrorSummary, PageTitle, StatusNotice,
};

/// The disclosure threshold and benchmark values.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let query = use_query_map();
    let data = Resource::new(|| (), |_| load_settings());
    view! {
        {show_loaded(
            data,
            move |s: SettingsView| {
                let q = query.read_untracked();
                let t_err = q
                    .get("e_threshold")
                    .and_then(|c| domain::threshold::ThresholdProblem::from_code(&c))
                    .map(crate::shared::messages::threshold_problem);
                let mut errors = Vec::new();
                if let Some(m) = &t_err {
                    errors
                        .push(ErrorItem {
                            field_id: "threshold".into(),
                            message: m.clone(),
                        });
                }
                let problems: Vec<(Option<String>, Option<String>)> = s
                    .benchmarks
                    .iter()
                    .map(|b| {
                        let source = q
                            .get(&format!("e_source-{}", b.key))
                            .and_then(|c| domain::benchmark::SourceProblem::from_code(&c))
                            .map(crate::shared::messages::benchmark_source_problem);
                        let value = q
                            .get(&format!("e_value-{}", b.key))
                            .and_then(|c| domain::benchmark::ValueProblem::from_code(&c))
                            .map(crate::shared::messages::benchmark_value_problem);
                        (source, value)
                    })
                    .collect();
                for (b, (source, value)) in s.benchmarks.iter().zip(&problems) {
                    if let Some(m) = source {
                        errors
                            .push(ErrorItem {
                                field_id: format!("b-{}-source", b.key),
                                message: format!("{}: {m}", b.label),
                            });
                    }
                    if let Some(m) = value {
                        errors
                            .push(ErrorItem {
                                field_id: format!("b-{}-value", b.key),
                                message: format!("{}: {m}", b.label),
                            });
                    }
                }
                let has_errors = !errors.is_empty();
                let saved = q
                    .get("saved")
                    .map(|k| {
                        if k == "threshold" {
                            "The threshold is saved.".to_string()
                        } else {
                            match q.get("changed").as_deref() {
                                Some("0") | None => "No benchmark was changed.".to_string(),
                                Some("1") => "1 benchmark is saved.".to_string(),
                                Some(n) => format!("{n} benchmarks are saved."),
                            }
                        }
                    });
                let typed_threshold = s
                    .typed
                    .get("threshold")
                    .unwrap_or_else(|| s.threshold.to_string());
                let csrf = s.viewer.csrf.clone();
                // Each refused row's problems, in the table's order.
                // The post sends back a problem's code; the words are written here.
                view! {
                    <PageTitle text="Settings".to_string() error=has_errors />
                    <OfficerNav viewer=s.viewer.clone() />
                    <ErrorSummary errors />
                    <StatusNotice message=saved />
                    <h1>"Settings"</h1>
                    <h2>"Disclosure threshold"</h2>
                    <form method="post" action=paths::ADMIN_THRESHOLD novalidate>
                        <input type="hidden" name="csrf" value=csrf.clone() />
                        <div class=if t_err.is_some() {
                            "form-group form-group-error"
                        } else {
                            "form-group"
                        }>
                            <label class="label" for="threshold">
                                "Smallest number of answers to publish a figure"
                            </label>
                            <div class="hint" id="threshold-hint">
                                "Figures from fewer answers are withheld everywhere. At least 5; 10 is usual."
                            </div>
                            <FieldErrorMessage
                                id="threshold-error".to_string()
                                message=t_err.clone()
                            />
                            <input
                                class="input input-short"
                                id="threshold"
                                name="threshold"
                                type="text"
                                inputmode="numeric"
                                value=typed_threshold
                                aria-describedby=if t_err.is_some() {
                                    "threshold-hint threshold-error"
                                } else {
                                    "threshold-hint"
                                }
                            />
                        </div>
                        <button class="button" type="submit">
                            "Save threshold"
                        </button>
                    </form>
                    <h2>"Benchmarks"</h2>
                    <p>
                        "A comparison figure shown beside an indicator, such as the national figure: a percentage for a share, a score from 0 to 10 for a mean. Empty both boxes of a row to remove its benchmark. Only the rows you change are saved."
                    </p>
                    <form method="post" action=paths::ADMIN_BENCHMARK novalidate>
                        <input type="hidden" name="csrf" value=csrf.clone() />
                        <div class="table-wrap">
                            <table class="table table-stack benchmarks">
                                <caption class="visually-hidden">"Benchmarks"</caption>
                                <thead>
                                    <tr>
                                        <th scope="col">"Indicator"</th>
                                        <th scope="col">"Source"</th>
                                        <th scope="col">"Value"</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {s
                                        .benchmarks
                                        .iter()
                                        .zip(problems)
                                        .map(|(b, (sm, vm))| { benchmark_row(b, sm, vm, &s.typed) })
                                        .collect_view()}
                                </tbody>
                            </table>
                        </div>
                        <button class="button" type="submit">
                            "Save benchmarks"
                        </button>
                    </form>
                }
                    .into_any()
            },
        )}
    }
}

/// One indicator's row: what was typed if the form came back refused, else what is stored.
fn benchmark_row(
    b: &BenchmarkRow,
    source_problem: Option<String>,
    value_problem: Option<String>,
    typed: &crate::shared::Typed,
) -> impl IntoView {
    let unit = if b.is_share {
        "percentage"
    } else {
        "score from 0 to 10"
    };
    let typed_or = |field: &str, stored: &str| {
        typed
            .get(&format!("{field}-{}", b.key))
            .unwrap_or_else(|| stored.to_string())
    };
    view! {
        <tr id=format!("b-{}", b.key)>
            <th scope="row">{b.label.clone()}</th>
            <BenchmarkBox
                field="source"
                key=b.key.clone()
                heading="Source".to_string()
                label=format!("Source for {}", b.label)
                value=typed_or("source", &b.source)
                problem=source_problem
            />
            <BenchmarkBox
                field="value"
                key=b.key.clone()
                heading=format!("Value ({unit})")
                label=format!("Value for {} ({unit})", b.label)
                value=typed_or("value", &b.value)
                problem=value_problem
            />
        </tr>
    }
}

/// One box of a benchmark's row: labelled for screen readers (the column's heading shows
/// it), its message beside it and tied to it.
#[component]
fn BenchmarkBox(
    field: &'static str,
    key: String,
    heading: String,
    label: String,
    value: String,
    problem: Option<String>,
) -> impl IntoView {
    let id = format!("b-{key}-{field}");
    let error_id = format!("{id}-error");
    let (group, described) = match problem {
        Some(_) => ("form-group form-group-error", Some(error_id.clone())),
        None => ("form-group", None),
    };
    let (class, inputmode) = if field == "value" {
        ("input input-short", Some("decimal"))
    } else {
        ("input", None)
    };
    view! {
        <td data-label=heading>
            <div class=group>
                <label class="visually-hidden" for=id.clone()>
                    {label}
                </label>
                <FieldErrorMessage id=error_id message=problem />
                <input
                    class=class
                    id=id
                    name=format!("{field}-{key}")
                    type="text"
                    inputmode=inputmode
                    value=value
                    aria-describedby=described
                />
            </div>
        </td>
    }
}
