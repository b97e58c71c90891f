use leptos::prelude::*;

use crate::results::model::{format_value, TrendPoint};
use crate::shared::charts::{axis_max, scale};

const W: f64 = 320.0;
const H: f64 = 160.0;
const PAD: f64 = 30.0;

/// The whole area's figure in each wave, with interval whiskers.
#[component]
pub fn TrendChart(
    id: String,
    title: String,
    points: Vec<TrendPoint>,
    is_share: bool,
) -> impl IntoView {
    let max = axis_max(is_share);
    let n = points.len().max(1);
    let step = (W - 2.0 * PAD) / n as f64;
    let y_of = |v: f64| H - PAD - scale(v, max, H - 2.0 * PAD);
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let marks = points
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let x = PAD + step * (i as f64 + 0.5);
            let label: String = p.wave_name.chars().take(14).collect();
            let mark = match (p.figure.value, p.figure.low, p.figure.high) {
                (Some(v), Some(l), Some(h)) => view! {
                    <line class="whisker" x1=x x2=x y1=y_of(l) y2=y_of(h)></line>
                    <circle class="point" cx=x cy=y_of(v) r="4"></circle>
                    <text class="bar-value" x=x + 6.0 y=y_of(v) - 6.0>
                        {format_value(is_share, v)}
                    </text>
                }
                .into_any(),
                _ => view! {
                    <text class="bar-withheld" x=x y=H / 2.0 text-anchor="middle">
                        "withheld"
                    </text>
                }
                .into_any(),
            };
            view! {
                {mark}
                <text class="tick" x=x y=H - 10.0 text-anchor="middle">
                    {label}
                </text>
            }
        })
        .collect_view();
    view! {
        <figure class="chart">
            <svg
                class="chart-svg chart-trend"
                viewBox=format!("0 0 {W} {H}")
                role="img"
                aria-labelledby=format!("{title_id} {desc_id}")
            >
                <title id=title_id.clone()>{title.clone()}</title>
                <desc id=desc_id
                    .clone()>
                    "The figure for the whole area in each wave, oldest first, with 95% intervals. The table that follows gives the same figures."
                </desc>
                <line class="axis" x1=PAD x2=W - PAD y1=H - PAD y2=H - PAD></line>
                {marks}
            </svg>
            <figcaption class="chart-caption">{title}</figcaption>
        </figure>
    }
}
