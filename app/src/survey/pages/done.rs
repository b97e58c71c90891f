use leptos::prelude::*;

use crate::shared::i18n::t;
use leptos_router::hooks::use_params_map;

use crate::shared::components::{show_loaded, PageTitle, Signposts};
use crate::shared::param;
use crate::survey::api::load_done;
use crate::survey::model::DoneView;

#[component]
pub fn DonePage() -> impl IntoView {
    let params = use_params_map();
    let data = Resource::new(
        move || {
            (
                param(&params.read(), "survey"),
                param(&params.read(), "code"),
            )
        },
        |(survey, code)| load_done(survey, code),
    );
    view! {
        {show_loaded(
            data,
            |v: DoneView| {
                view! {
                    <PageTitle text=format!("{} – {}", t("done-title"), v.survey_title) />
                    <div class="panel">
                        <h1 class="panel-title">{t("done-heading")}</h1>
                        <div class="panel-body">
                            {t("done-receipt")}<br /><strong class="code" data-testid="receipt">
                                {v.receipt.clone()}
                            </strong>
                        </div>
                    </div>
                    <p>{t("done-keep")}</p>
                    <h2>{t("done-next")}</h2>
                    <p>{t("done-next-body")}</p>
                    <p>
                        <a href=crate::updates::paths::UPDATES>{t("done-updates")}</a>
                    </p>
                    <p>
                        <a href=crate::updates::paths::PANEL>{t("done-panel")}</a>
                    </p>
                    <p>
                        <a href="/">{t("done-others")}</a>
                    </p>
                    <Signposts help=v.help.clone() />
                }
                    .into_any()
            },
        )}
    }
}
