use leptos::prelude::*;

use crate::shared::i18n::{t, t_args};
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::shared::components::{show_loaded, ErrorSummary, PageTitle};
use crate::shared::param;
use crate::survey::api::load_check;
use crate::survey::model::{CheckView, ErrorItem};
use crate::survey::paths;

#[component]
pub fn CheckPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let refused = move || query.read().get("problem").is_some();
    let data = Resource::new(
        move || {
            (
                param(&params.read(), "survey"),
                param(&params.read(), "code"),
            )
        },
        |(survey, code)| load_check(survey, code),
    );
    view! {
        {move || {
            let refused = refused();
            show_loaded(
                data,
                move |v: CheckView| {
                    let errors = if refused {
                        vec![
                            ErrorItem {
                                field_id: "submit".into(),
                                message: t("check-refused"),
                            },
                        ]
                    } else {
                        Vec::new()
                    };
                    view! { <CheckAnswers view=v errors /> }.into_any()
                },
            )
        }}
    }
}

#[component]
fn CheckAnswers(view: CheckView, errors: Vec<ErrorItem>) -> impl IntoView {
    let mut v = view;
    let sections = std::mem::take(&mut v.sections);
    let has_errors = !errors.is_empty();
    view! {
        <PageTitle text=format!("{} – {}", t("check-title"), v.survey_title) error=has_errors />
        <a class="back-link" href=paths::section(&v.survey_key, &v.code, v.section_count)>
            {t("back")}
        </a>
        <ErrorSummary errors />
        <p class="caption">{v.survey_title.clone()}</p>
        <h1>{t("check-heading")}</h1>
        {sections
            .into_iter()
            .map(|s| {
                view! {
                    <h2 class="summary-heading">{s.title}</h2>
                    <dl class="summary-list">
                        {s
                            .rows
                            .into_iter()
                            .map(|r| {
                                view! {
                                    <div class="summary-row">
                                        <dt class="summary-key">{r.question.clone()}</dt>
                                        <dd class="summary-value">
                                            {r.answer.unwrap_or_else(|| t("check-not-answered"))}
                                        </dd>
                                        <dd class="summary-actions">
                                            <a href=r
                                                .change_href>
                                                {t("check-change")}
                                                <span class="visually-hidden">
                                                    {format!(
                                                        " {}",
                                                        t_args(
                                                            "check-change-hidden",
                                                            &[("question", r.question.clone().into())],
                                                        ),
                                                    )}
                                                </span>
                                            </a>
                                        </dd>
                                    </div>
                                }
                            })
                            .collect_view()}
                    </dl>
                }
            })
            .collect_view()}
        <h2>{t("check-send-heading")}</h2>
        <p>{t("check-consent")}</p>
        <form method="post" action=paths::submit(&v.survey_key, &v.code) novalidate>
            <input type="hidden" name="token" value=v.token.clone() />
            <button class="button" id="submit" type="submit">
                {t("check-send")}
            </button>
        </form>
    }
}
