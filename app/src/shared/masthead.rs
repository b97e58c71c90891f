//! The header on every page: the council's logo or name and the service's name (both from
//! configuration), and the site's links, which offer staff their dashboard once they are
//! signed in rather than "Staff sign in".

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::shared::ssr::support;
use crate::shared::PageError;
use crate::{events, framework, officer, results};

/// What the header shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Masthead {
    pub council: String,
    pub service: String,
    /// The logo's address, or empty.
    pub logo: String,
    /// Where a signed-in person's own pages start, and what the link says.
    pub home: Option<(String, String)>,
}

#[server(endpoint = "site/masthead")]
pub async fn load_masthead() -> Result<Masthead, PageError> {
    let council = support::state()?.council.clone();
    let home = support::signed_in().ok().map(|who| {
        if who.user.role.is_staff() {
            (officer::paths::OFFICER.to_string(), "Dashboard".to_string())
        } else {
            (
                crate::groups::paths::GROUP.to_string(),
                "Your group".to_string(),
            )
        }
    });
    Ok(Masthead {
        council: council.name.clone(),
        service: council.service.clone(),
        logo: council.logo.clone(),
        home,
    })
}

#[component]
pub fn Header() -> impl IntoView {
    let data = Resource::new(|| (), |_| load_masthead());
    view! {
        <header class="header">
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    data.await.ok().map(|m| view! { <HeaderInner m /> })
                })}
            </Suspense>
        </header>
    }
}

#[component]
fn HeaderInner(m: Masthead) -> impl IntoView {
    let brand = if m.logo.is_empty() {
        view! { <span class="header-council">{m.council.clone()}</span> }.into_any()
    } else {
        view! { <img class="header-logo" src=m.logo.clone() alt=m.council.clone() /> }.into_any()
    };
    let account = match m.home {
        Some((href, label)) => view! { <a href=href>{label}</a> }.into_any(),
        None => view! { <a href=officer::paths::OFFICER>"Staff sign in"</a> }.into_any(),
    };
    view! {
        <div class="header-inner">
            <a class="header-brand" href="/">
                {brand}
            </a>
            <span class="header-service">{m.service}</span>
            <nav class="header-nav" aria-label="Site">
                <a href=framework::paths::FRAMEWORK>"How we are doing"</a>
                <a href=results::paths::RESULTS>"Results"</a>
                <a href=events::paths::EVENTS>"Events"</a>
                {account}
            </nav>
        </div>
    }
}
