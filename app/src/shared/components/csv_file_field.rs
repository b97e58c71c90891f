use leptos::prelude::*;

use super::error_summary::FieldErrorMessage;

/// A CSV file to upload, with its hint, its error and the first problems found in the
/// last file by line (and how many more), as the upload forms show them.
#[component]
pub fn CsvFileField(
    /// The input's id (its name is always `file`).
    #[prop(into)]
    id: String,
    #[prop(into)] label: String,
    #[prop(into)] hint: String,
    error: Option<String>,
    problems: Vec<String>,
    more: usize,
    /// The file types offered in the browser's picker.
    #[prop(default = ".csv,text/csv")]
    accept: &'static str,
) -> impl IntoView {
    let described = if error.is_some() {
        format!("{id}-hint {id}-error")
    } else {
        format!("{id}-hint")
    };
    let class = if error.is_some() {
        "form-group form-group-error"
    } else {
        "form-group"
    };
    view! {
        <div class=class>
            <label class="label" for=id.clone()>
                {label}
            </label>
            <div class="hint" id=format!("{id}-hint")>
                {hint}
            </div>
            <FieldErrorMessage id=format!("{id}-error") message=error />
            {(!problems.is_empty())
                .then(|| {
                    view! {
                        <ul class="list error-list">
                            {problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
                            {(more > 0).then(|| view! { <li>{format!("and {more} more")}</li> })}
                        </ul>
                    }
                })}
            <input
                class="file-upload"
                id=id
                name="file"
                type="file"
                accept=accept
                aria-describedby=described
            />
        </div>
    }
}
