use leptos::prelude::*;

use crate::framework::model::SeriesRow;

const W: f64 = 360.0;
const H: f64 = 200.0;
const LEFT: f64 = 48.0;
const PAD: f64 = 24.0;

/// An indicator over time: the city's value with its 95% interval as whiskers, and
/// England as a dashed line of squares. The table beside it holds the same figures.
#[component]
pub fn SeriesChart(id: String, title: String, rows: Vec<SeriesRow>) -> impl IntoView {
    let values: Vec<f64> = rows
        .iter()
        .flat_map(|r| [r.value, r.low, r.high, r.england_value])
        .flatten()
        .collect();
    if values.is_empty() {
        return ().into_any();
    }
    let lo = values.iter().cloned().fold(f64::INFINITY, f64::min);
    let hi = values.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
    let margin = ((hi - lo) * 0.1).max(hi.abs() * 0.01).max(1e-6);
    let (lo, hi) = (lo - margin, hi + margin);
    let y = move |v: f64| H - PAD - (H - 2.0 * PAD) * (v - lo) / (hi - lo);
    let n = rows.len().max(1) as f64;
    let step = (W - LEFT - PAD) / n;
    let x = move |i: usize| LEFT + step * (i as f64 + 0.5);
    let england: Vec<String> = rows
        .iter()
        .enumerate()
        .filter_map(|(i, r)| r.england_value.map(|v| format!("{:.1},{:.1}", x(i), y(v))))
        .collect();
    let city: Vec<String> = rows
        .iter()
        .enumerate()
        .filter_map(|(i, r)| r.value.map(|v| format!("{:.1},{:.1}", x(i), y(v))))
        .collect();
    let marks = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let label: String = r.period.chars().take(12).collect();
            let whisker = match (r.low, r.high) {
                (Some(l), Some(h)) => Some(view! { <line class="whisker" x1=x(i) x2=x(i) y1=y(l) y2=y(h)></line> }),
                _ => None,
            };
            let point = r
                .value
                .map(|v| view! { <circle class="point" cx=x(i) cy=y(v) r="4"></circle> });
            let eng = r.england_value.map(|v| view! { <rect class="england-mark" x=x(i) - 3.5 y=y(v) - 3.5 width="7" height="7"></rect> });
            view! {
                {whisker}
                {point}
                {eng}
                <text class="tick" x=x(i) y=H - 6.0 text-anchor="middle">
                    {label}
                </text>
            }
        })
        .collect_view();
    let title_id = format!("{id}-title");
    view! {
        <figure class="chart">
            <svg
                class="chart-svg"
                viewBox=format!("0 0 {W} {H}")
                role="img"
                aria-labelledby=title_id.clone()
            >
                <title id=title_id.clone()>{title.clone()}</title>
                <line class="axis" x1=LEFT x2=LEFT y1=PAD y2=H - PAD></line>
                <text class="tick" x=LEFT - 4.0 y=y(hi - margin) text-anchor="end">
                    {format!("{:.1}", hi - margin)}
                </text>
                <text class="tick" x=LEFT - 4.0 y=y(lo + margin) text-anchor="end">
                    {format!("{:.1}", lo + margin)}
                </text>
                <polyline class="england-line" points=england.join(" ") fill="none"></polyline>
                <polyline class="city-line" points=city.join(" ") fill="none"></polyline>
                {marks}
            </svg>
            <figcaption class="chart-caption">
                {title}
                <span class="chart-key">
                    " Circles and whiskers: the city with its 95% interval. Squares and dashes: England."
                </span>
            </figcaption>
        </figure>
    }
    .into_any()
}
