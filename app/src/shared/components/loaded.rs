use leptos::prelude::*;

use crate::shared::i18n::t;
use leptos_meta::Title;
use serde::{de::DeserializeOwned, Serialize};

use crate::shared::PageError;

/// Renders a page once its data has loaded, or the right problem page if it could not be.
pub fn show_loaded<T, F>(data: Resource<Result<T, PageError>>, render: F) -> impl IntoView
where
    T: Clone + Send + Sync + Serialize + DeserializeOwned + 'static,
    F: Fn(T) -> AnyView + Clone + Send + Sync + 'static,
{
    view! {
        <Suspense fallback=|| {
            view! { <p class="loading">{t("loading")}</p> }
        }>
            {move || {
                let render = render.clone();
                Suspend::new(async move {
                    match data.await {
                        Ok(v) => render(v),
                        Err(e) => view! { <Problem error=e /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// "Page not found" or "there is a problem", depending on what went wrong.
#[component]
pub fn Problem(error: PageError) -> impl IntoView {
    if error == PageError::NotFound {
        view! {
            <PageTitle text=t("not-found-title") />
            <h1>{t("not-found-title")}</h1>
            <p>{t("not-found-typed")}</p>
            <p>
                "If you were part-way through a survey, unfinished answers are deleted 30 days after they were last saved. You can "
                <a href=crate::survey::paths::RESUME>"continue with your resume code"</a>" or "
                <a href="/">"start again"</a>"."
            </p>
        }
        .into_any()
    } else if error == PageError::Forbidden {
        view! {
            <PageTitle text="You do not have access to this page".to_string() />
            <h1>"You do not have access to this page"</h1>
            <p>
                "Your account does not have access to this page. If you need it, ask an administrator."
            </p>
            <p>
                <a href=crate::officer::paths::OFFICER>"Go to the dashboard"</a>
            </p>
        }
        .into_any()
    } else if matches!(error, PageError::Redirect(_)) {
        view! { <p>"Taking you to the right page…"</p> }.into_any()
    } else {
        view! {
            <PageTitle text="Sorry, there is a problem with the service".to_string() />
            <h1>"Sorry, there is a problem with the service"</h1>
            <p>"Please try again later. Any answers you have saved have not been lost."</p>
        }
        .into_any()
    }
}

/// The document title, in the form "Page – Kiln".
#[component]
pub fn PageTitle(text: String, #[prop(optional)] error: bool) -> impl IntoView {
    let prefix = if error {
        format!("{} ", t("error-prefix"))
    } else {
        String::new()
    };
    view! { <Title text=format!("{prefix}{text} – {}", t("title-suffix")) /> }
}
