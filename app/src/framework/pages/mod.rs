//! The framework's pages: the public and officers' overview, an indicator, and "you said,
//! we did" (public list; the officers' form).

mod definition;
mod framework;
mod indicator;
pub(crate) mod officer_forms;
mod updates;

pub use definition::{DefinitionPage, NewIndicatorPage};
pub use framework::{FrameworkPage, OfficerFrameworkPage};
pub use indicator::{IndicatorPage, OfficerIndicatorPage};
pub use updates::{OfficerUpdatePage, OfficerUpdatesPage, UpdatesPage};

use crate::framework::model::Shown;
use leptos::prelude::*;

/// A figure with its period, interval and flags, as a table cell holds it.
#[component]
pub fn ShownCell(shown: Option<Shown>) -> impl IntoView {
    match shown {
        None => view! { <span class="secondary">"No figure"</span> }.into_any(),
        Some(s) => view! {
            <strong class="figure">{s.text.clone()}</strong>
            <span class="figure-period">{format!(" {}", s.period)}</span>
            {s
                .interval
                .map(|i| {
                    view! { <span class="figure-interval">{format!(" (95% interval {i})")}</span> }
                })}
            {s.status.map(|st| view! { <span class="tag">{st}</span> })}
            {s
                .illustrative
                .then(|| view! { <span class="tag tag-illustrative">"Illustrative"</span> })}
        }
        .into_any(),
    }
}
