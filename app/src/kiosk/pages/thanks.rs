use leptos::prelude::*;

use crate::kiosk::paths;
use crate::shared::components::PageTitle;

/// After a resident sends their answers: thanks, then back to the start for the next person.
#[component]
pub fn KioskThanksPage() -> impl IntoView {
    view! {
        <PageTitle text="Thank you".to_string() />
        <meta http-equiv="refresh" content=format!("10;url={}", paths::KIOSK) />
        <div class="panel">
            <h1 class="panel-title">"Thank you: your answers have been sent"</h1>
        </div>
        <p>
            "Nothing of your answers is kept on this tablet. It will be ready for the next person in a few seconds."
        </p>
        <p>
            <a class="button" href=paths::KIOSK>
                "Ready for the next person"
            </a>
        </p>
    }
}
