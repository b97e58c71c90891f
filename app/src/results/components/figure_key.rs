use leptos::prelude::*;

use crate::results::paths;

/// What "95% interval", "low base" and a withheld figure mean, said beside the tables that
/// show them, with the methodology a link away.
#[component]
pub fn FigureKey(threshold: u32) -> impl IntoView {
    let low_base = domain::indicators::engine::LOW_BASE;
    view! {
        <section class="figure-key" aria-labelledby="figure-key">
            <h2 class="heading-s" id="figure-key">
                "Reading these figures"
            </h2>
            <dl>
                <dt>"95% interval"</dt>
                <dd>
                    "The range the figure for everyone in the area most likely lies in (19 times in 20): the people who answered are a sample. Where two intervals overlap, the difference may be chance."
                </dd>
                <dt>"Low base"</dt>
                <dd>
                    {format!(
                        "Fewer than {low_base} answers: the interval is wide, so treat the figure with caution.",
                    )}
                </dd>
                <dt>{format!("Fewer than {threshold} (withheld)")}</dt>
                <dd>
                    {format!(
                        "Fewer than {threshold} people answered, so the figure is not shown, to protect their privacy; other figures may be withheld too so that it cannot be worked out from them.",
                    )}
                </dd>
            </dl>
            <p>
                <a href=paths::METHODOLOGY>"How the figures are worked out"</a>
            </p>
        </section>
    }
}
