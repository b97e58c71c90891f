use leptos::prelude::*;

use crate::shared::i18n::t;
use leptos_router::hooks::use_query_map;

use crate::shared::components::{error_summary::FieldErrorMessage, ErrorSummary, PageTitle};
use crate::survey::model::ErrorItem;
use crate::survey::paths;

fn message(error: &str) -> Option<String> {
    Some(t(match error {
        "empty" => "resume-empty",
        "length" => "resume-length",
        "characters" => "resume-characters",
        "not_found" => "resume-not-found",
        _ => return None,
    }))
}

/// Enter a resume code to carry on with saved answers. Errors come back in the query string
/// from the form post, with the code as typed.
#[component]
pub fn ResumePage() -> impl IntoView {
    let query = use_query_map();
    move || {
        let q = query.read();
        let error = q.get("error").and_then(|e| message(&e));
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
            <PageTitle text=t("resume-title") error=error.is_some() />
            <a class="back-link" href="/">
                {t("back")}
            </a>
            <ErrorSummary errors />
            <h1>{t("resume-title")}</h1>
            <form method="post" action=paths::RESUME novalidate>
                <div class=if error.is_some() {
                    "form-group form-group-error"
                } else {
                    "form-group"
                }>
                    <label class="label" for="code">
                        {t("resume-label")}
                    </label>
                    <div class="hint" id="code-hint">
                        {t("resume-hint")}
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
                    {t("continue")}
                </button>
            </form>
        }
    }
}
