//! After the browser-side router changes page (staff pages, which hydrate), move focus as a
//! full page load would and tell screen readers: to the element the address's fragment
//! names, or else to the new page's heading, and read out the new page's title. Without
//! this, focus stays on a link that no longer exists and nothing is announced.

use leptos::prelude::*;

#[component]
pub fn RouteFocus() -> impl IntoView {
    let (said, say) = signal(String::new());
    #[cfg(feature = "hydrate")]
    {
        let location = leptos_router::hooks::use_location();
        let first = StoredValue::new(true);
        Effect::new(move |_| {
            let _ = location.pathname.get();
            let hash = location.hash.get();
            // The first run is the page the browser loaded itself.
            if first.get_value() {
                first.set_value(false);
                return;
            }
            settle(hash, say, 0);
        });
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = say;
    view! {
        <p class="visually-hidden" id="route-announcer" aria-live="polite" aria-atomic="true">
            {said}
        </p>
    }
}

/// Waits (a little at a time, three seconds at most) for the new page's data to arrive and
/// its heading to be drawn, then moves focus and announces it.
#[cfg(feature = "hydrate")]
fn settle(hash: String, say: WriteSignal<String>, tries: u32) {
    use leptos::wasm_bindgen::JsCast;
    use leptos::web_sys::HtmlElement;
    set_timeout(
        move || {
            let doc = document();
            let ready = doc.query_selector("#main h1").ok().flatten().is_some()
                && doc
                    .query_selector("#main .loading")
                    .ok()
                    .flatten()
                    .is_none();
            if !ready && tries < 60 {
                settle(hash, say, tries + 1);
                return;
            }
            let by_fragment = hash
                .strip_prefix('#')
                .filter(|id| !id.is_empty())
                .and_then(|id| doc.get_element_by_id(id));
            let target = by_fragment
                .or_else(|| doc.query_selector("#main h1").ok().flatten())
                .or_else(|| doc.get_element_by_id("main"))
                .and_then(|el| el.dyn_into::<HtmlElement>().ok());
            if let Some(el) = target {
                if !el.has_attribute("tabindex") {
                    let _ = el.set_attribute("tabindex", "-1");
                }
                let _ = el.focus();
            }
            say.set(doc.title());
        },
        std::time::Duration::from_millis(50),
    );
}
