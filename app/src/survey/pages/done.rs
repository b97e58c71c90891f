use leptos::prelude::*;
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
                    <PageTitle text=format!("Answers sent – {}", v.survey_title) />
                    <div class="panel">
                        <h1 class="panel-title">"Thank you: your answers have been sent"</h1>
                        <div class="panel-body">
                            "Your receipt code"<br /><strong class="code" data-testid="receipt">
                                {v.receipt.clone()}
                            </strong>
                        </div>
                    </div>
                    <p>
                        "Keep the receipt code if you would like to ask about your response. It does not show your answers to anyone."
                    </p>
                    <h2>"What happens next"</h2>
                    <p>
                        "Your answers are added, anonymously, to everyone else\u{2019}s. The council publishes the results for each ward once the survey closes, with figures hidden wherever too few people answered to keep everyone anonymous."
                    </p>
                    <p>
                        <a href=crate::updates::paths::UPDATES>
                            "Get an email when the results are published"
                        </a>
                    </p>
                    <p>
                        <a href=crate::updates::paths::PANEL>
                            "Join the residents' panel: be asked about future surveys"
                        </a>
                    </p>
                    <p>
                        <a href="/">"See the other surveys"</a>
                    </p>
                    <Signposts help=v.help.clone() />
                }
                    .into_any()
            },
        )}
    }
}
