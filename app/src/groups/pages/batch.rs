use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::groups::api::load_batch;
use crate::groups::model::{BatchView, SheetForm};
use crate::groups::paths;
use crate::officer::pages::nav::OfficerNav;
use crate::shared::components::{show_loaded, ErrorSummary, InputField, PageTitle, StatusNotice};
use crate::survey::components::OnePageQuestions;

/// A batch of paper forms: the sheets entered so far, the next sheet's form while it is
/// being entered, and the second volunteer's check.
#[component]
pub fn BatchPage() -> impl IntoView {
    let params = use_params_map();
    let data = Resource::new(
        move || params.read().get("id").and_then(|i| i.parse::<i32>().ok()),
        |id| async move {
            match id {
                Some(id) => load_batch(id).await,
                None => Err(crate::shared::PageError::NotFound),
            }
        },
    );
    view! { {show_loaded(data, |v: BatchView| view! { <Batch v /> }.into_any())} }
}

#[component]
fn Batch(v: BatchView) -> impl IntoView {
    let title = format!("Paper forms, batch {}: {}", v.id, v.survey_title);
    let csrf = v.viewer.csrf.clone();
    let step = paths::batch_step(v.id);
    let errors = v
        .form
        .as_ref()
        .map(|f| f.errors.clone())
        .unwrap_or_default();
    let removable = v.form.is_some();
    view! {
        <PageTitle text=title.clone() error=!errors.is_empty() />
        <OfficerNav viewer=v.viewer.clone() />
        <a class="back-link" href=paths::event(v.event_id)>
            "Back to the event"
        </a>
        <ErrorSummary errors />
        <StatusNotice message=v.notice.clone() />
        <span class="caption">{v.event_title.clone()}</span>
        <h1>{title}</h1>
        <p data-testid="batch-state">{v.state.clone()}</p>
        <h2>"Sheets in this batch"</h2>
        {if v.sheets.is_empty() {
            view! { <p>"No sheets yet."</p> }.into_any()
        } else {
            view! {
                <div
                    class="table-wrap"
                    tabindex="0"
                    role="region"
                    aria-label="Sheets in this batch"
                >
                    <table class="table" data-testid="sheets">
                        <caption class="visually-hidden">"Sheets in this batch"</caption>
                        <thead>
                            <tr>
                                <th scope="col" class="num">
                                    "Sheet"
                                </th>
                                <th scope="col">"Ward"</th>
                                <th scope="col">"Entered by"</th>
                                {removable.then(|| view! { <th scope="col">"Mistake?"</th> })}
                            </tr>
                        </thead>
                        <tbody>
                            {v
                                .sheets
                                .iter()
                                .cloned()
                                .map(|(n, ward, by)| {
                                    let (csrf, step) = (csrf.clone(), step.clone());
                                    view! {
                                        <tr>
                                            <td class="num">{n}</td>
                                            <td>{ward}</td>
                                            <td>{by}</td>
                                            {removable
                                                .then(|| {
                                                    view! {
                                                        <td>
                                                            <form method="post" action=step>
                                                                <input type="hidden" name="csrf" value=csrf />
                                                                <input type="hidden" name="step" value="remove" />
                                                                <input type="hidden" name="sheet" value=n.to_string() />
                                                                <button
                                                                    class="button button-secondary button-small"
                                                                    type="submit"
                                                                >
                                                                    {format!("Remove sheet {n}")}
                                                                </button>
                                                            </form>
                                                        </td>
                                                    }
                                                })}
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                </div>
            }
                .into_any()
        }}
        {v.form.clone().map(|f| view! { <NextSheet f batch=v.id csrf=csrf.clone() /> })}
        {v
            .can_finish
            .then(|| {
                view! {
                    <h2>"Every sheet in?"</h2>
                    <p>
                        "Finish the batch when every sheet is entered. Another volunteer then checks it against the paper forms; only then do its sheets count in the results."
                    </p>
                    <form method="post" action=step.clone()>
                        <input type="hidden" name="csrf" value=csrf.clone() />
                        <input type="hidden" name="step" value="finish" />
                        <button class="button button-secondary" type="submit">
                            "Finish the batch"
                        </button>
                    </form>
                }
            })}
        {v
            .can_check
            .then(|| {
                view! {
                    <h2>"Check the batch"</h2>
                    <p>
                        "Compare each sheet with its paper form. If they all match, confirm it; if one does not, send the batch back to be corrected."
                    </p>
                    <div class="button-group">
                        <form method="post" action=step.clone()>
                            <input type="hidden" name="csrf" value=csrf.clone() />
                            <input type="hidden" name="step" value="check" />
                            <button class="button" type="submit">
                                "Checked: every sheet matches its paper form"
                            </button>
                        </form>
                        <form method="post" action=step.clone()>
                            <input type="hidden" name="csrf" value=csrf.clone() />
                            <input type="hidden" name="step" value="send-back" />
                            <button class="button button-warning" type="submit">
                                "Send it back to be corrected"
                            </button>
                        </form>
                    </div>
                }
            })}
    }
}

/// The next sheet: its number, then every question of the survey.
#[component]
fn NextSheet(f: SheetForm, batch: i32, csrf: String) -> impl IntoView {
    view! {
        <h2 id="next-sheet">"Add a sheet"</h2>
        <p>"Type the number written on the sheet, then each answer as the resident wrote it."</p>
        <form
            method="post"
            action=paths::batch(batch)
            novalidate
            class="entry-form"
            data-keyboard-entry
        >
            <input type="hidden" name="csrf" value=csrf />
            <InputField
                id="sheet"
                label="Sheet number"
                kind="text"
                autocomplete="off"
                class="input input-width-5"
                error=f.sheet_error.clone()
                value=f.sheet.clone()
            />
            <OnePageQuestions sections=f.sections.clone() within=true />
            <button class="button" type="submit">
                "Save this sheet"
            </button>
        </form>
    }
}
