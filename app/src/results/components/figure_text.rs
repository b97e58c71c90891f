use leptos::prelude::*;

use crate::results::model::{describe_change, format_interval, format_value, ChangeWord, Figure};

/// The estimate, "fewer than N" when withheld, with the low-base flag.
#[component]
pub fn EstimateText(figure: Figure, is_share: bool, threshold: u32) -> impl IntoView {
    match figure.value {
        Some(v) => view! {
            <span class="estimate">{format_value(is_share, v)}</span>
            {figure
                .low_base
                .then(|| {
                    view! {
                        <span
                            class="flag flag-low-base"
                            title="Low base: fewer than 30 answers, treat with caution"
                        >
                            " low base"
                        </span>
                    }
                })}
        }
        .into_any(),
        None => {
            view! { <span class="withheld">{format!("fewer than {threshold}")}</span> }.into_any()
        }
    }
}

#[component]
pub fn IntervalText(figure: Figure, is_share: bool) -> impl IntoView {
    match (figure.low, figure.high) {
        (Some(l), Some(h)) => format_interval(is_share, l, h),
        _ => "withheld".to_string(),
    }
}

/// The change since the baseline as a symbol and words (the symbol is hidden from screen
/// readers; the words say it).
#[component]
pub fn ChangeText(change: Option<ChangeWord>, higher_is_better: bool) -> impl IntoView {
    match change {
        Some(c) => {
            let (symbol, words) = describe_change(c, higher_is_better);
            let class = match (c, higher_is_better) {
                (ChangeWord::NoChange, _) => "change change-none",
                (ChangeWord::Increase, true) | (ChangeWord::Decrease, false) => {
                    "change change-better"
                }
                _ => "change change-worse",
            };
            view! {
                <span class=class>
                    <span aria-hidden="true">{symbol}" "</span>
                    {words}
                </span>
            }
            .into_any()
        }
        None => view! { <span class="change change-na">"Not available"</span> }.into_any(),
    }
}
