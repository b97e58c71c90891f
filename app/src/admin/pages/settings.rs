use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::admin::api::load_settings;
use crate::admin::model::SettingsView;
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
                let which = q.get("indicator").unwrap_or_default();
                let v_err = q
                    .get("e_value")
                    .and_then(|c| domain::benchmark::ValueProblem::from_code(&c))
                    .map(crate::shared::messages::benchmark_value_problem);
                let s_err = q
                    .get("e_source")
                    .and_then(|c| domain::benchmark::SourceProblem::from_code(&c))
                    .map(crate::shared::messages::benchmark_source_problem);
                let mut errors = Vec::new();
                if let Some(m) = &t_err {
                    errors
                        .push(ErrorItem {
                            field_id: "threshold".into(),
                            message: m.clone(),
                        });
                }
                if let Some(m) = &s_err {
                    errors
                        .push(ErrorItem {
                            field_id: format!("b-{which}-source"),
                            message: m.clone(),
                        });
                }
                if let Some(m) = &v_err {
                    errors
                        .push(ErrorItem {
                            field_id: format!("b-{which}-value"),
                            message: m.clone(),
                        });
                }
                let has_errors = !errors.is_empty();
                let saved = q
                    .get("saved")
                    .map(|k| {
                        if k == "threshold" {
                            "The threshold is saved."
                        } else {
                            "The benchmark is saved."
                        }
                    });
                let typed_threshold = s
                    .typed
                    .get("threshold")
                    .unwrap_or_else(|| s.threshold.to_string());
                let csrf = s.viewer.csrf.clone();
                // The post sends back a problem's code; the words are written here.
                view! {
                    <PageTitle text="Settings".to_string() error=has_errors />
                    <OfficerNav viewer=s.viewer.clone() />
                    <ErrorSummary errors />
                    <StatusNotice message=saved.map(str::to_string) />
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
                        "A comparison figure shown beside an indicator, such as the national figure. Leave both boxes empty to remove one."
                    </p>
                    {s
                        .benchmarks
                        .iter()
                        .map(|b| {
                            let mine = b.key == which;
                            let (sm, vm) = if mine {
                                (s_err.clone(), v_err.clone())
                            } else {
                                (None, None)
                            };
                            let typed_here = s.typed.get("indicator").as_deref()
                                == Some(b.key.as_str());
                            let source = typed_here
                                .then(|| s.typed.get("source"))
                                .flatten()
                                .unwrap_or_else(|| b.source.clone());
                            let value = typed_here
                                .then(|| s.typed.get("value"))
                                .flatten()
                                .unwrap_or_else(|| b.value.clone());
                            let id = format!("b-{}", b.key);
                            // What was typed comes back only to the form it was typed in.
                            view! {
                                <form
                                    method="post"
                                    action=paths::ADMIN_BENCHMARK
                                    class="benchmark-form"
                                    id=id.clone()
                                    novalidate
                                >
                                    <fieldset class="fieldset">
                                        <legend class="fieldset-legend">{b.label.clone()}</legend>
                                        <input type="hidden" name="csrf" value=csrf.clone() />
                                        <input type="hidden" name="indicator" value=b.key.clone() />
                                        <div class=if sm.is_some() {
                                            "form-group form-group-error"
                                        } else {
                                            "form-group"
                                        }>
                                            <label class="label" for=format!("{id}-source")>
                                                "Source"
                                            </label>
                                            <FieldErrorMessage
                                                id=format!("{id}-source-error")
                                                message=sm.clone()
                                            />
                                            <input
                                                class="input"
                                                id=format!("{id}-source")
                                                name="source"
                                                type="text"
                                                value=source
                                            />
                                        </div>
                                        <div class=if vm.is_some() {
                                            "form-group form-group-error"
                                        } else {
                                            "form-group"
                                        }>
                                            <label class="label" for=format!("{id}-value")>
                                                {if b.is_share {
                                                    "Value (percentage)"
                                                } else {
                                                    "Value (score from 0 to 10)"
                                                }}
                                            </label>
                                            <FieldErrorMessage
                                                id=format!("{id}-value-error")
                                                message=vm.clone()
                                            />
                                            <input
                                                class="input input-short"
                                                id=format!("{id}-value")
                                                name="value"
                                                type="text"
                                                inputmode="decimal"
                                                value=value
                                            />
                                        </div>
                                        <button class="button button-secondary" type="submit">
                                            {format!("Save benchmark for {}", b.label)}
                                        </button>
                                    </fieldset>
                                </form>
                            }
                        })
                        .collect_view()}
                }
                    .into_any()
            },
        )}
    }
}
