use leptos::prelude::*;

const W: f64 = 96.0;
const H: f64 = 28.0;

/// A row's small chart: the city's value over its periods, the latest marked. Its
/// figures are in its label, and in the table on the indicator's page.
#[component]
pub fn Spark(points: Vec<(String, Option<f64>)>, label: String) -> impl IntoView {
    let values: Vec<f64> = points.iter().filter_map(|p| p.1).collect();
    if values.len() < 2 {
        return ().into_any();
    }
    let lo = values.iter().cloned().fold(f64::INFINITY, f64::min);
    let hi = values.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
    let span = if hi - lo < 1e-9 { 1.0 } else { hi - lo };
    let n = points.len().max(2) as f64 - 1.0;
    let xy: Vec<(f64, f64)> = points
        .iter()
        .enumerate()
        .filter_map(|(i, (_, v))| {
            v.map(|v| {
                (
                    2.0 + (W - 4.0) * i as f64 / n,
                    H - 3.0 - (H - 6.0) * (v - lo) / span,
                )
            })
        })
        .collect();
    let line = xy
        .iter()
        .map(|(x, y)| format!("{x:.1},{y:.1}"))
        .collect::<Vec<_>>()
        .join(" ");
    let (lx, ly) = *xy.last().unwrap_or(&(0.0, 0.0));
    let aria = format!(
        "{label}: {}",
        points
            .iter()
            .map(|(p, v)| format!(
                "{p} {}",
                v.map(|v| format!("{v}"))
                    .unwrap_or_else(|| "withheld".into())
            ))
            .collect::<Vec<_>>()
            .join("; ")
    );
    view! {
        <svg
            class="spark"
            viewBox=format!("0 0 {W} {H}")
            width=W
            height=H
            role="img"
            aria-label=aria
        >
            <polyline class="spark-line" points=line fill="none"></polyline>
            <circle class="spark-point" cx=lx cy=ly r="2.5"></circle>
        </svg>
    }
    .into_any()
}
