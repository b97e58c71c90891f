use leptos::prelude::*;

use crate::framework::model::Judgement;

/// A judgement in words with a shape beside it, never colour alone: a tick in a circle
/// for better, an equals sign in a square for similar, a cross in a diamond for worse,
/// arrows for higher or lower (no judgement), a dash when nothing was judged.
#[component]
pub fn JudgementText(j: Judgement) -> impl IntoView {
    let (glyph, class) = match j.key.as_str() {
        "better" | "improving" | "met" => ("✓", "mark mark-good"),
        "similar" | "steady" | "not_yet_clear" => ("=", "mark mark-same"),
        "worse" | "worsening" | "not_met" => ("✕", "mark mark-bad"),
        "higher" => ("▲", "mark mark-neutral"),
        "lower" => ("▼", "mark mark-neutral"),
        "moving" => ("↕", "mark mark-neutral"),
        _ => ("–", "mark mark-none"),
    };
    view! {
        <span class="judgement">
            <span class=class aria-hidden="true">
                {glyph}
            </span>
            " "
            {j.words}
        </span>
    }
}
