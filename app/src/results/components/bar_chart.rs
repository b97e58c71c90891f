use leptos::prelude::*;

use crate::results::model::{format_value, Figure};
use crate::shared::charts::{axis_max, scale, ticks};

const LABEL_W: f64 = 150.0;
const PLOT_W: f64 = 200.0;
const ROW_H: f64 = 26.0;

/// Horizontal bars with 95% interval whiskers, drawn on the server. The table beside it
/// holds the same figures.
#[component]
pub fn BarChart(
    id: String,
    title: String,
    figures: Vec<Figure>,
    is_share: bool,
    threshold: u32,
) -> impl IntoView {
    let max = axis_max(is_share);
    let height = ROW_H * figures.len() as f64 + 30.0;
    let width = LABEL_W + PLOT_W + 50.0;
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let desc = format!(
        "Bar chart of {} values with 95% confidence intervals. The same figures are in the table that follows.",
        figures.len()
    );
    let rows = figures
        .into_iter()
        .enumerate()
        .map(|(i, f)| {
            let y = 4.0 + i as f64 * ROW_H;
            let label: String = f.label.chars().take(24).collect();
            let bar = match (f.value, f.low, f.high) {
                (Some(v), Some(l), Some(h)) => {
                    let w = scale(v, max, PLOT_W);
                    let (x1, x2) = (
                        LABEL_W + scale(l, max, PLOT_W),
                        LABEL_W + scale(h, max, PLOT_W),
                    );
                    let mid = y + ROW_H / 2.0 - 2.0;
                    view! {
                        <rect class="bar" x=LABEL_W y=y + 3.0 width=w height=ROW_H - 10.0></rect>
                        <line class="whisker" x1=x1 x2=x2 y1=mid y2=mid></line>
                        <line class="whisker" x1=x1 x2=x1 y1=mid - 5.0 y2=mid + 5.0></line>
                        <line class="whisker" x1=x2 x2=x2 y1=mid - 5.0 y2=mid + 5.0></line>
                        <text class="bar-value" x=LABEL_W + PLOT_W + 4.0 y=mid + 4.0>
                            {format_value(is_share, v)}
                        </text>
                    }
                    .into_any()
                }
                _ => view! {
                    <text class="bar-withheld" x=LABEL_W + 4.0 y=y + ROW_H / 2.0 + 2.0>
                        {format!("fewer than {threshold}")}
                    </text>
                }
                .into_any(),
            };
            view! {
                <g>
                    <text
                        class="bar-label"
                        x=LABEL_W - 6.0
                        y=y + ROW_H / 2.0 + 2.0
                        text-anchor="end"
                    >
                        {label}
                    </text>
                    {bar}
                </g>
            }
        })
        .collect_view();
    let axis_y = height - 24.0;
    let axis = ticks(is_share)
        .into_iter()
        .map(|t| {
            let x = LABEL_W + scale(t, max, PLOT_W);
            view! {
                <line class="grid" x1=x x2=x y1=0 y2=axis_y></line>
                <text class="tick" x=x y=axis_y + 14.0 text-anchor="middle">
                    {format_value(is_share, t)}
                </text>
            }
        })
        .collect_view();
    view! {
        <figure class="chart">
            <svg
                class="chart-svg"
                viewBox=format!("0 0 {width} {height}")
                role="img"
                aria-labelledby=format!("{title_id} {desc_id}")
            >
                <title id=title_id.clone()>{title.clone()}</title>
                <desc id=desc_id.clone()>{desc}</desc>
                {axis}
                {rows}
            </svg>
            <figcaption class="chart-caption">{title}</figcaption>
        </figure>
    }
}
