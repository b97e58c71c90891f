//! Invited residents: the page an invitation's link opens, and the form for typing an access
//! code from a letter or email.

use leptos::prelude::*;

use crate::shared::i18n::{t, t_args};
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::shared::components::{show_loaded, ErrorItem, ErrorSummary, InputField, PageTitle};
use crate::shared::param;
use crate::survey::api::load_take_part;
use crate::survey::paths;

fn message(error: &str) -> Option<String> {
    Some(t(match error {
        "empty" => "access-empty",
        "length" => "access-length",
        "characters" => "access-characters",
        // Wrong and used codes get the same words: trying codes tells nobody which were good.
        "not_valid" => "access-not-valid",
        "closed" => "access-closed",
        _ => return None,
    }))
}

/// The council's name, from configuration (rendered on the server only).
fn council_name() -> String {
    #[cfg(feature = "ssr")]
    if let Some(st) = use_context::<crate::shared::ssr::AppState>() {
        return st.council.name.clone();
    }
    String::new()
}

/// Type the access code from an invitation.
#[component]
pub fn TakePartPage() -> impl IntoView {
    let query = use_query_map();
    let data = Resource::new(|| (), |_| load_take_part());
    view! {
        {show_loaded(
            data,
            move |typed: crate::shared::Typed| {
                let error = query.read_untracked().get("error").and_then(|e| message(&e));
                let errors: Vec<ErrorItem> = error
                    .iter()
                    .map(|m| ErrorItem {
                        field_id: "code".into(),
                        message: m.clone(),
                    })
                    .collect();
                view! {
                    <PageTitle text=t("take-part-title") error=error.is_some() />
                    <a class="back-link" href=paths::HOME>
                        {t("back")}
                    </a>
                    <ErrorSummary errors />
                    <h1>{t("take-part-title")}</h1>
                    <p>{t("take-part-intro")}</p>
                    <p>{t("start-unlinked")}</p>
                    <form method="post" action=paths::TAKE_PART novalidate>
                        <InputField
                            id="code"
                            label=t("take-part-label")
                            kind="text"
                            autocomplete="off"
                            hint=t("take-part-hint")
                            error=error.clone()
                            value=typed.get("code").unwrap_or_default()
                            class="input input-code input-code-long"
                        />
                        <button class="button" type="submit">
                            {t("continue")}
                        </button>
                    </form>
                    <p>
                        {format!("{} ", t("take-part-no-code"))}
                        <a href=paths::HOME>{t("take-part-any")}</a> "."
                    </p>
                }
                    .into_any()
            },
        )}
    }
}

/// What an invitation's link opens: a button, so that a mail system opening every link
/// starts nothing. The code is checked when the button is pressed.
#[component]
pub fn InvitedPage() -> impl IntoView {
    let params = use_params_map();
    move || {
        let code = param(&params.read(), "code");
        view! {
            <PageTitle text=t("invited-title") />
            <h1>{t("invited-title")}</h1>
            <p class="lead">{t_args("invited-lead", &[("council", council_name().into())])}</p>
            <p>{t("start-unlinked")}</p>
            <p>{t("invited-stop")}</p>
            <form method="post" action=paths::TAKE_PART>
                <input type="hidden" name="code" value=code />
                <button class="button button-start" type="submit">
                    {t("invited-start")}
                </button>
            </form>
        }
    }
}
