use leptos::prelude::*;

use super::{ChangeText, EstimateText, IntervalText};
use crate::results::model::Figure;

/// Figures for areas or categories as a table: the accessible form of every chart.
#[component]
pub fn FiguresTable(
    caption: String,
    first_column: &'static str,
    figures: Vec<Figure>,
    is_share: bool,
    higher_is_better: bool,
    threshold: u32,
    /// Makes each area's name a link (for wards on the public pages).
    #[prop(default = None)]
    link: Option<Callback<String, String>>,
    /// Without the change column, for parts compared with no baseline of their own.
    #[prop(default = true)]
    with_change: bool,
) -> impl IntoView {
    // A column of "Not available" in every row says nothing: leave it out.
    let with_change = with_change && figures.iter().any(|f| f.change.is_some());
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=caption.clone()>
            <table class="table table-stack">
                <caption class="table-caption">{caption.clone()}</caption>
                <thead>
                    <tr>
                        <th scope="col">{first_column}</th>
                        <th scope="col" class="num">
                            "Estimate"
                        </th>
                        <th scope="col">"95% interval"</th>
                        <th scope="col" class="num">
                            "Answers (n)"
                        </th>
                        {with_change
                            .then(|| view! { <th scope="col">"Change since baseline"</th> })}
                    </tr>
                </thead>
                <tbody>
                    {figures
                        .into_iter()
                        .map(|f| {
                            let name = match link {
                                Some(l) => {
                                    view! { <a href=l.run(f.code.clone())>{f.label.clone()}</a> }
                                        .into_any()
                                }
                                None => f.label.clone().into_any(),
                            };
                            view! {
                                <tr>
                                    <th scope="row">{name}</th>
                                    <td class="num" data-label="Estimate">
                                        <EstimateText figure=f.clone() is_share threshold />
                                    </td>
                                    <td data-label="95% interval">
                                        <IntervalText figure=f.clone() is_share />
                                    </td>
                                    <td class="num" data-label="Answers (n)">
                                        {f
                                            .n
                                            .map(|n| n.to_string())
                                            .unwrap_or_else(|| "withheld".into())}
                                    </td>
                                    {with_change
                                        .then(|| {
                                            view! {
                                                <td data-label="Change since baseline">
                                                    <ChangeText change=f.change higher_is_better />
                                                </td>
                                            }
                                        })}
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}
