use leptos::prelude::*;
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
                    <PageTitle text=format!(
                        "Your answers have been saved – {}",
                        v.survey_title,
                    ) />
                    <h1>"Your answers have been saved"</h1>
                    <p>
                        "To come back to them, on this or any other device, you need your resume code:"
                    </p>
                    <p class="code-panel">
                        <strong class="code">{v.code_display.clone()}</strong>
                    </p>
                    <p>
                        "Write it down. On this or any other device, go to "
                        <a href=paths::RESUME>"continue a survey"</a>
                        " and enter the code. Anyone with the code can see your answers until you send them."
                    </p>
                    <p>
                        "This browser also keeps your answers open until it is closed, without the code. On a shared computer, close the browser when you leave: after that only the code opens them."
                    </p>
                    <p>"Unfinished answers are deleted 30 days after they were last saved."</p>
                    <p>
                        <a class="button" href=v.continue_href.clone()>
                            "Continue now"
                        </a>
                    </p>
                }
                    .into_any()
            },
        )}
    }
}
