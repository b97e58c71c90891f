use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::kiosk::api::load_kiosk_answers;
use crate::kiosk::model::KioskAnswersView;
use crate::kiosk::paths;
use crate::shared::components::{show_loaded, ErrorSummary, PageTitle};
use crate::survey::components::OnePageQuestions;

/// A resident answers on the kiosk: every question on one page. Two minutes without a touch
/// and the tablet returns to the start (with JavaScript, from the last touch; without, from
/// when the page loaded).
#[component]
pub fn KioskAnswersPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let data = Resource::new(
        move || {
            (
                params.read().get("code").unwrap_or_default(),
                query.read().get("errors").is_some(),
            )
        },
        |(code, errors)| load_kiosk_answers(code, errors),
    );
    view! {
        {show_loaded(
            data,
            |v: KioskAnswersView| {
                let idle = v.idle_seconds;
                view! {
                    <PageTitle text=v.survey_title.clone() error=!v.errors.is_empty() />
                    <IdleReturn seconds=idle />
                    <ErrorSummary errors=v.errors.clone() />
                    <h1>{v.survey_title.clone()}</h1>
                    <form method="post" action=paths::answers(&v.code) novalidate>
                        <input type="hidden" name="token" value=v.token.clone() />
                        <OnePageQuestions sections=v.sections.clone() />
                        <button class="button" type="submit">
                            "Send your answers"
                        </button>
                    </form>
                    <p>
                        <a href=paths::KIOSK>"Stop and clear my answers"</a>
                    </p>
                }
                    .into_any()
            },
        )}
    }
}

/// Back to the kiosk's start after `seconds` without a touch: the small script counts from
/// the last touch; without script, the page reloads the start after `seconds` from loading.
#[component]
pub fn IdleReturn(seconds: u32) -> impl IntoView {
    view! {
        <div
            class="kiosk-idle"
            role="alertdialog"
            aria-labelledby="kiosk-idle-title"
            hidden
            data-kiosk-idle=seconds.to_string()
            data-kiosk-home=paths::KIOSK
        >
            <h2 id="kiosk-idle-title">"Are you still there?"</h2>
            <p>"Your answers will be cleared soon, ready for the next person."</p>
            <button class="button" type="button" data-kiosk-stay>
                "I'm still here"
            </button>
        </div>
        <noscript>
            <meta http-equiv="refresh" content=format!("{seconds};url={}", paths::KIOSK) />
        </noscript>
    }
}
