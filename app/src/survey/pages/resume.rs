use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::shared::components::{error_summary::FieldErrorMessage, ErrorSummary, PageTitle};
use crate::survey::model::ErrorItem;
use crate::survey::paths;

fn message(error: &str) -> Option<&'static str> {
    Some(match error {
        "empty" => "Enter your resume code",
        "length" => "Your resume code should be 12 letters and numbers, like 7KQM-2XTP-9ABD",
        "characters" => "Your resume code can only contain letters and numbers, like 7KQM-2XTP-9ABD",
        "not_found" => "We could not find answers saved with that code. Check the code: unfinished answers are deleted 30 days after they were last saved",
        _ => return None,
    })
}

/// Enter a resume code to carry on with saved answers. Errors come back in the query string
/// from the form post, with the code as typed.
#[component]
pub fn ResumePage() -> impl IntoView {
    let query = use_query_map();
    move || {
        let q = query.read();
        let error = q.get("error").and_then(|e| message(&e)).map(str::to_string);
        let typed = q.get("code").unwrap_or_default();
        let errors: Vec<ErrorItem> = error
            .iter()
            .map(|m| ErrorItem {
                field_id: "code".into(),
                message: m.clone(),
            })
            .collect();
        let describedby = if error.is_some() {
            "code-hint code-error"
        } else {
            "code-hint"
        };
        view! {
            <PageTitle text="Continue a survey".to_string() error=error.is_some() />
            <a class="back-link" href="/">
                "Back"
            </a>
            <ErrorSummary errors />
            <h1>"Continue a survey"</h1>
            <form method="post" action=paths::RESUME novalidate>
                <div class=if error.is_some() {
                    "form-group form-group-error"
                } else {
                    "form-group"
                }>
                    <label class="label" for="code">
                        "Resume code"
                    </label>
                    <div class="hint" id="code-hint">
                        "You were given it when you saved your answers, for example 7KQM-2XTP-9ABD."
                    </div>
                    <FieldErrorMessage id="code-error".to_string() message=error.clone() />
                    <input
                        class="input input-code"
                        id="code"
                        name="code"
                        type="text"
                        autocomplete="off"
                        spellcheck="false"
                        autocapitalize="characters"
                        value=typed
                        aria-describedby=describedby
                    />
                </div>
                <button class="button" type="submit">
                    "Continue"
                </button>
            </form>
        }
    }
}
