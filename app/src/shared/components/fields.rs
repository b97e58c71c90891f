//! Form fields beyond a single text input, each in the GOV.UK pattern: a label or legend,
//! a hint, the error message beside the field, and the field described by both.

use leptos::prelude::*;

use crate::shared::components::error_summary::FieldErrorMessage;

fn described(hint: bool, error: bool, id: &str) -> Option<String> {
    let ids: Vec<String> = [
        hint.then(|| format!("{id}-hint")),
        error.then(|| format!("{id}-error")),
    ]
    .into_iter()
    .flatten()
    .collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}

fn group_class(error: &Option<String>) -> &'static str {
    if error.is_some() {
        "form-group form-group-error"
    } else {
        "form-group"
    }
}

fn hint_view(id: &str, hint: Option<String>) -> impl IntoView {
    hint.map(|h| {
        view! {
            <div class="hint" id=format!("{id}-hint")>
                {h}
            </div>
        }
    })
}

/// A labelled text area.
#[component]
pub fn TextArea(
    id: String,
    name: &'static str,
    label: &'static str,
    error: Option<String>,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional, into)] value: Option<String>,
    #[prop(default = 4)] rows: u32,
) -> impl IntoView {
    let desc = described(hint.is_some(), error.is_some(), &id);
    view! {
        <div class=group_class(&error)>
            <label class="label" for=id.clone()>
                {label}
            </label>
            {hint_view(&id, hint)}
            <FieldErrorMessage id=format!("{id}-error") message=error.clone() />
            <textarea class="textarea" id=id name=name rows=rows aria-describedby=desc>
                {value.unwrap_or_default()}
            </textarea>
        </div>
    }
}

/// A labelled select; `options` are (value, label), the first usually a "Choose" prompt
/// with an empty value.
#[component]
pub fn SelectField(
    id: String,
    name: &'static str,
    label: &'static str,
    error: Option<String>,
    options: Vec<(String, String)>,
    #[prop(optional, into)] selected: Option<String>,
    #[prop(optional, into)] hint: Option<String>,
) -> impl IntoView {
    let desc = described(hint.is_some(), error.is_some(), &id);
    let selected = selected.unwrap_or_default();
    view! {
        <div class=group_class(&error)>
            <label class="label" for=id.clone()>
                {label}
            </label>
            {hint_view(&id, hint)}
            <FieldErrorMessage id=format!("{id}-error") message=error.clone() />
            <select class="select" id=id name=name aria-describedby=desc>
                {options
                    .into_iter()
                    .map(|(v, l)| {
                        let sel = v == selected;
                        view! {
                            <option value=v selected=sel>
                                {l}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// Checkboxes in a fieldset. The first box carries `id`, so the error summary's link lands
/// on it.
#[component]
pub fn Checkboxes(
    id: String,
    name: &'static str,
    legend: &'static str,
    error: Option<String>,
    options: Vec<(String, String)>,
    checked: Vec<String>,
    #[prop(optional, into)] hint: Option<String>,
) -> impl IntoView {
    let desc = described(hint.is_some(), error.is_some(), &id);
    view! {
        <div class=group_class(&error)>
            <fieldset class="fieldset" aria-describedby=desc>
                <legend class="fieldset-legend">{legend}</legend>
                {hint_view(&id, hint)}
                <FieldErrorMessage id=format!("{id}-error") message=error.clone() />
                <div class="checkboxes">
                    {options
                        .into_iter()
                        .enumerate()
                        .map(|(i, (v, l))| {
                            let box_id = if i == 0 { id.clone() } else { format!("{id}-{i}") };
                            let on = checked.contains(&v);
                            view! {
                                <div class="checkbox">
                                    <input
                                        type="checkbox"
                                        id=box_id.clone()
                                        name=name
                                        value=v
                                        checked=on
                                    />
                                    <label for=box_id>{l}</label>
                                </div>
                            }
                        })
                        .collect_view()}
                </div>
            </fieldset>
        </div>
    }
}

/// Radios in a fieldset; the first carries `id`.
#[component]
pub fn RadioChoice(
    id: String,
    name: &'static str,
    legend: &'static str,
    error: Option<String>,
    options: Vec<(String, String)>,
    #[prop(optional, into)] selected: Option<String>,
    #[prop(optional, into)] hint: Option<String>,
) -> impl IntoView {
    let desc = described(hint.is_some(), error.is_some(), &id);
    let selected = selected.unwrap_or_default();
    view! {
        <div class=group_class(&error)>
            <fieldset class="fieldset" aria-describedby=desc>
                <legend class="fieldset-legend">{legend}</legend>
                {hint_view(&id, hint)}
                <FieldErrorMessage id=format!("{id}-error") message=error.clone() />
                <div class="radios">
                    {options
                        .into_iter()
                        .enumerate()
                        .map(|(i, (v, l))| {
                            let radio_id = if i == 0 { id.clone() } else { format!("{id}-{i}") };
                            let on = v == selected;
                            view! {
                                <div class="radio">
                                    <input
                                        class="radio-input"
                                        type="radio"
                                        id=radio_id.clone()
                                        name=name
                                        value=v
                                        checked=on
                                    />
                                    <label class="radio-label" for=radio_id>
                                        {l}
                                    </label>
                                </div>
                            }
                        })
                        .collect_view()}
                </div>
            </fieldset>
        </div>
    }
}

/// The GOV.UK date input: day, month and year in three boxes (every browser, no script).
/// `id` is the day box's; `values` are (day, month, year) as typed.
#[component]
pub fn DateField(
    id: String,
    legend: &'static str,
    error: Option<String>,
    values: (String, String, String),
    #[prop(optional, into)] hint: Option<String>,
) -> impl IntoView {
    let desc = described(hint.is_some(), error.is_some(), &id);
    let prefix = id.strip_suffix("-day").unwrap_or(&id).to_string();
    let boxes = [
        ("day", "Day", "input input-width-3", values.0),
        ("month", "Month", "input input-width-3", values.1),
        ("year", "Year", "input input-width-5", values.2),
    ];
    view! {
        <div class=group_class(&error)>
            <fieldset class="fieldset" role="group" aria-describedby=desc>
                <legend class="fieldset-legend">{legend}</legend>
                {hint_view(&id, hint)}
                <FieldErrorMessage id=format!("{id}-error") message=error.clone() />
                <div class="date-input">
                    {boxes
                        .into_iter()
                        .map(|(name, label, class, value)| {
                            let box_id = format!("{prefix}-{name}");
                            view! {
                                <div class="date-input-item">
                                    <label class="label-s" for=box_id.clone()>
                                        {label}
                                    </label>
                                    <input
                                        class=class
                                        id=box_id
                                        name=name
                                        type="text"
                                        inputmode="numeric"
                                        value=value
                                    />
                                </div>
                            }
                        })
                        .collect_view()}
                </div>
            </fieldset>
        </div>
    }
}
