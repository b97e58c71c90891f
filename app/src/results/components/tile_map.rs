use leptos::prelude::*;

use crate::results::model::{format_value, Figure};
use crate::shared::charts::{class_breaks, class_of, class_ranges};

const TILE: f64 = 56.0;
const GAP: f64 = 4.0;

/// The wards as a tile grid, one tile per ward roughly where it lies, coloured by class.
/// Wards without a position are placed in rows underneath. The ward table is the text
/// alternative.
#[component]
pub fn TileMap(
    id: String,
    title: String,
    figures: Vec<Figure>,
    is_share: bool,
    threshold: u32,
) -> impl IntoView {
    let values: Vec<f64> = figures.iter().filter_map(|f| f.value).collect();
    let breaks = class_breaks(&values);
    let ranges = class_ranges(&values);
    let max_col = figures
        .iter()
        .filter_map(|f| f.tile.map(|t| t.0))
        .max()
        .unwrap_or(5)
        .max(5);
    let max_row = figures
        .iter()
        .filter_map(|f| f.tile.map(|t| t.1))
        .max()
        .unwrap_or(-1);
    let names: Vec<String> = figures.iter().map(|f| f.label.clone()).collect();
    let mut spare = 0;
    let placed: Vec<(i32, i32, Figure)> = figures
        .into_iter()
        .map(|f| match f.tile {
            Some((c, r)) => (c, r, f),
            None => {
                let at = spare;
                spare += 1;
                (at % (max_col + 1), max_row + 1 + at / (max_col + 1), f)
            }
        })
        .collect();
    let rows = placed.iter().map(|p| p.1).max().unwrap_or(0) + 1;
    let width = (max_col + 1) as f64 * (TILE + GAP);
    let height = rows as f64 * (TILE + GAP);
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let tiles = placed
        .into_iter()
        .map(|(c, r, f)| {
            let x = c as f64 * (TILE + GAP);
            let y = r as f64 * (TILE + GAP);
            let short = short_name(&f.label, &names);
            let (class, value) = match f.value {
                Some(v) => (
                    format!("tile tile-{}", class_of(v, &breaks)),
                    format_value(is_share, v),
                ),
                None => ("tile tile-withheld".to_string(), "–".to_string()),
            };
            let tip = match f.value {
                Some(v) => format!("{}: {}", f.label, format_value(is_share, v)),
                None => format!("{}: fewer than {threshold} answers, withheld", f.label),
            };
            view! {
                <g class=class>
                    <title>{tip}</title>
                    <rect x=x y=y width=TILE height=TILE rx="4"></rect>
                    <text class="tile-name" x=x + TILE / 2.0 y=y + 22.0 text-anchor="middle">
                        {short}
                    </text>
                    <text class="tile-value" x=x + TILE / 2.0 y=y + 42.0 text-anchor="middle">
                        {value}
                    </text>
                </g>
            }
        })
        .collect_view();
    view! {
        <figure class="chart tile-map">
            <svg
                class="chart-svg"
                viewBox=format!("0 0 {width} {height}")
                role="img"
                aria-labelledby=format!("{title_id} {desc_id}")
            >
                <title id=title_id.clone()>{title.clone()}</title>
                <desc id=desc_id
                    .clone()>
                    "Each square is a ward, placed roughly where it lies; darker squares have higher values. The ward table below gives every figure."
                </desc>
                {tiles}
            </svg>
            <figcaption class="chart-caption">{title}</figcaption>
            <ul class="legend" aria-label="Key">
                {ranges
                    .into_iter()
                    .enumerate()
                    .map(|(i, (lo, hi))| {
                        view! {
                            <li>
                                <span class=format!("swatch tile-{i}") aria-hidden="true"></span>
                                {format!(
                                    "{} to {}",
                                    format_value(is_share, lo),
                                    format_value(is_share, hi),
                                )}
                            </li>
                        }
                    })
                    .collect_view()}
                <li>
                    <span class="swatch tile-withheld" aria-hidden="true"></span>
                    {format!("No data, or fewer than {threshold} answers (withheld)")}
                </li>
            </ul>
        </figure>
    }
}

fn words(name: &str) -> Vec<&str> {
    name.split(|ch: char| !ch.is_alphanumeric() && ch != '\'')
        .filter(|w| !w.is_empty() && *w != "and")
        .collect()
}

/// A ward's name as a tile has room for it: its first word (eight letters at most), with the
/// second word's initial when another ward starts with the same word ("Meir N", "Meir S").
/// The full name is in the tile's tooltip and in the ward table.
pub fn short_name(name: &str, all: &[String]) -> String {
    let w = words(name);
    let Some(first) = w.first() else {
        return String::new();
    };
    let head: String = if first.chars().count() > 8 {
        first.chars().take(7).collect::<String>() + "."
    } else {
        first.to_string()
    };
    let shared = all
        .iter()
        .filter(|other| words(other).first() == Some(first))
        .count()
        > 1;
    match (shared, w.get(1)) {
        (true, Some(second)) => format!("{head} {}", second.chars().next().unwrap_or(' ')),
        _ => head,
    }
}

#[cfg(test)]
mod tests {
    use super::short_name;

    #[test]
    fn tiles_name_wards_readably() {
        let all: Vec<String> = [
            "Meir North",
            "Meir South",
            "Abbey Hulton",
            "Tunstall",
            "Bentilee, Ubberley & Townsend",
            "Hanley Park, Joiner's Square & Shelton",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        assert_eq!(short_name("Meir North", &all), "Meir N");
        assert_eq!(short_name("Meir South", &all), "Meir S");
        assert_eq!(short_name("Abbey Hulton", &all), "Abbey");
        assert_eq!(short_name("Tunstall", &all), "Tunstall");
        assert_eq!(
            short_name("Bentilee, Ubberley & Townsend", &all),
            "Bentilee"
        );
        assert_eq!(
            short_name("Hanley Park, Joiner's Square & Shelton", &all),
            "Hanley"
        );
        assert_eq!(short_name("Longton & Meir Hay South", &all), "Longton");
        assert_eq!(short_name("Birchesheadnorthwood", &all), "Birches.");
    }
}
