//! The officers' framework forms: a CSV of values, one value, publishing, the next update.

use leptos::prelude::*;

use crate::framework::model::UploadNotice;
use crate::framework::paths;
use crate::shared::components::{
    CsvFileField, ErrorItem, ErrorSummary, InputField, SelectField, StatusNotice, TextArea,
};
use crate::shared::notice::Refusal;

#[component]
pub fn UploadForm(notice: Option<UploadNotice>, csrf: String) -> impl IntoView {
    let (loaded, error, problems, more) = match notice {
        Some(UploadNotice::Loaded(m)) => (Some(m), None, Vec::new(), 0),
        Some(UploadNotice::Refused {
            message,
            problems,
            more,
        }) => (None, Some(message), problems, more),
        None => (None, None, Vec::new(), 0),
    };
    let summary: Vec<ErrorItem> = error
        .iter()
        .map(|m| ErrorItem {
            field_id: "upload-file".into(),
            message: m.clone(),
        })
        .collect();
    view! {
        <section class="card" id="upload" aria-labelledby="upload-heading">
            <h2 id="upload-heading">"Load figures from a file"</h2>
            <ErrorSummary errors=summary />
            <StatusNotice message=loaded />
            <form method="post" action=paths::OFFICER_UPLOAD enctype="multipart/form-data">
                <input type="hidden" name="csrf" value=csrf />
                <CsvFileField
                    id="upload-file"
                    label="CSV file"
                    hint="The tidy format (areacd, areanm, indicator, period, value, lci_95, uci_95, status, note, count, denominator; periods as ISO 8601 intervals such as 2024-04-01/P1Y), or a CSV exported from OHID Fingertips as it is. The whole file is checked first; nothing is stored unless every row is right. A value already held for the same indicator, area and period is replaced and the old one kept."
                    error=error
                    problems
                    more
                />
                <InputField
                    id="upload-reason"
                    name="reason"
                    label="Why these figures (kept with any value they replace)"
                    kind="text"
                    autocomplete="off"
                    error=None
                    hint="For example: ONS revised the 2023/24 figures. Optional."
                />
                <PublishBox id="upload-publish" label="Publish these figures now" />
                <button class="button" type="submit">
                    "Load the file"
                </button>
            </form>
        </section>
    }
}

#[component]
pub fn PublishForm(key: String, unpublished: usize, csrf: String) -> impl IntoView {
    (unpublished > 0).then(|| {
        view! {
            <section class="card" aria-labelledby="publish-heading">
                <h2 id="publish-heading">"Publish"</h2>
                <p>
                    {format!(
                        "{unpublished} value{} loaded but not yet published: only officers see them.",
                        if unpublished == 1 { " is" } else { "s are" },
                    )}
                </p>
                <form method="post" action=paths::publish(&key)>
                    <input type="hidden" name="csrf" value=csrf />
                    <button class="button" type="submit">
                        {format!(
                            "Publish {unpublished} value{}",
                            if unpublished == 1 { "" } else { "s" },
                        )}
                    </button>
                </form>
            </section>
        }
    })
}

#[component]
pub fn ValueForm(
    key: String,
    areas: Vec<(String, String)>,
    refusal: Option<Refusal>,
    csrf: String,
) -> impl IntoView {
    let r = refusal.unwrap_or_default();
    let t = |f: &str| r.typed.get(f).unwrap_or_default();
    let e = |f: &str| r.error(&format!("value-{f}"));
    let statuses = vec![
        ("".to_string(), "Final (no status)".to_string()),
        ("provisional".to_string(), "Provisional".to_string()),
        ("revised".to_string(), "Revised".to_string()),
        ("estimated".to_string(), "Estimated".to_string()),
        (
            "withheld".to_string(),
            "Withheld (leave the value blank)".to_string(),
        ),
    ];
    let fields_a = view! {
        <SelectField
            id="value-area".into()
            name="area"
            label="Area"
            error=e("area")
            options=areas
            selected=t("area")
        />
        <InputField
            id="value-period"
            name="period"
            label="Period"
            kind="text"
            autocomplete="off"
            error=e("period")
            value=t("period")
            hint="An ISO 8601 interval: 2024-04-01/P1Y for 2024/25, 2024-01-01/P1Y for 2024, 2022-01-01/P3Y for 2022 to 2024"
        />
        <InputField
            id="value-value"
            name="value"
            label="Value"
            kind="text"
            autocomplete="off"
            error=e("value")
            value=t("value")
            class="input input-width-10"
        />
        <InputField
            id="value-low"
            name="low"
            label="Lower 95% limit (optional)"
            kind="text"
            autocomplete="off"
            error=e("low")
            value=t("low")
            class="input input-width-10"
        />
        <InputField
            id="value-high"
            name="high"
            label="Upper 95% limit (optional)"
            kind="text"
            autocomplete="off"
            error=e("high")
            value=t("high")
            class="input input-width-10"
        />
    }
    .into_any();
    let fields_b = view! {
        <InputField
            id="value-count"
            name="count"
            label="Count (optional)"
            kind="text"
            autocomplete="off"
            error=e("count")
            value=t("count")
            class="input input-width-10"
            hint="With a denominator and no limits, Kiln works out the interval (Wilson for proportions, Byar's for rates)"
        />
        <InputField
            id="value-denominator"
            name="denominator"
            label="Denominator (optional)"
            kind="text"
            autocomplete="off"
            error=e("denominator")
            value=t("denominator")
            class="input input-width-10"
        />
        <SelectField
            id="value-status".into()
            name="status"
            label="Status"
            error=e("status")
            options=statuses
            selected=t("status")
        />
        <TextArea
            id="value-note".into()
            name="note"
            label="Note (optional)"
            error=e("note")
            value=t("note")
            rows=2
        />
        <InputField
            id="value-reason"
            name="reason"
            label="Why it changed (needed when replacing a value)"
            kind="text"
            autocomplete="off"
            error=e("reason")
            value=t("reason")
        />
        <PublishBox id="value-publish" label="Publish it now" checked=t("publish") == "yes" />
    }
    .into_any();
    view! {
        <section class="card" id="value-form" aria-labelledby="value-heading">
            <h2 id="value-heading">"Add or correct a value"</h2>
            <form method="post" action=paths::value(&key) novalidate>
                <input type="hidden" name="csrf" value=csrf />
                {fields_a}
                {fields_b}
                <button class="button" type="submit">
                    "Save the value"
                </button>
            </form>
        </section>
    }
}

#[component]
pub fn DueForm(key: String, due: String, refusal: Option<Refusal>, csrf: String) -> impl IntoView {
    let typed = refusal
        .as_ref()
        .and_then(|r| r.typed.get("due"))
        .unwrap_or(due);
    let error = refusal.as_ref().and_then(|r| r.error("due-date"));
    view! {
        <section class="card" id="due-form" aria-labelledby="due-heading">
            <h2 id="due-heading">"When the next figures are due"</h2>
            <form method="post" action=paths::due(&key) novalidate>
                <input type="hidden" name="csrf" value=csrf />
                <InputField
                    id="due-date"
                    name="due"
                    label="Next update"
                    kind="text"
                    autocomplete="off"
                    error
                    value=typed
                    hint="As year-month-day, like 2027-03-31; leave empty for none. The indicator shows as overdue once the date passes."
                />
                <button class="button button-secondary" type="submit">
                    "Save the date"
                </button>
            </form>
        </section>
    }
}

/// The "publish" checkbox the officers' framework forms share.
#[component]
pub fn PublishBox(
    id: &'static str,
    label: &'static str,
    #[prop(optional)] checked: bool,
) -> impl IntoView {
    view! {
        <div class="form-group">
            <div class="checkbox">
                <input
                    class="checkbox-input"
                    type="checkbox"
                    id=id
                    name="publish"
                    value="yes"
                    checked=checked
                />
                <label class="label checkbox-label" for=id>
                    {label}
                </label>
            </div>
        </div>
    }
}
