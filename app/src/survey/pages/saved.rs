use leptos::prelude::*;

use crate::shared::i18n::t;
use leptos_router::hooks::use_params_map;

use crate::shared::components::{show_loaded, PageTitle};
use crate::shared::param;
use crate::survey::api::load_saved;
use crate::survey::model::SavedView;
use crate::survey::paths;

#[component]
pub fn SavedPage() -> impl IntoView {
    let params = use_params_map();
    let data = Resource::new(
        move || {
            (
                param(&params.read(), "survey"),
                param(&params.read(), "code"),
            )
        },
        |(survey, code)| load_saved(survey, code),
    );
    view! {
        {show_loaded(
            data,
            |v: SavedView| {
                view! {
                    <PageTitle text=format!("{} – {}", t("saved-title"), v.survey_title) />
                    <h1>{t("saved-title")}</h1>
                    <p>{t("saved-need-code")}</p>
                    <p class="code-panel">
                        <strong class="code">{v.code_display.clone()}</strong>
                    </p>
                    <p>
                        {format!("{} ", t("saved-write-down"))}
                        <a href=paths::RESUME>{t("saved-continue-link")}</a>
                        {format!(" {}", t("saved-enter-code"))}
                    </p>
                    <p>{t("saved-browser")}</p>
                    <p>{t("saved-deleted")}</p>
                    <p>
                        <a class="button" href=v.continue_href.clone()>
                            {t("saved-continue")}
                        </a>
                    </p>
                }
                    .into_any()
            },
        )}
    }
}
