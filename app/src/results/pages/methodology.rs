use leptos::prelude::*;

use crate::results::api::load_methodology;
use crate::results::model::MethodologyView;
use crate::results::paths;
use crate::shared::components::{show_loaded, PageTitle};

/// How the figures are made, written from the definitions the calculations use.
#[component]
pub fn MethodologyPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| load_methodology());
    view! {
        {show_loaded(
            data,
            |m: MethodologyView| {
                view! {
                    <PageTitle text="How the figures are worked out".to_string() />
                    <a class="back-link" href=paths::RESULTS>
                        "All results"
                    </a>
                    <h1>"How the figures are worked out"</h1>
                    <h2>"Who is counted"</h2>
                    <p>
                        "Everyone who completed a survey in the wave, online, on paper or with a community group. Each answer is tagged with the ward the person lives in."
                    </p>
                    <h2>"How answers were given"</h2>
                    <p>
                        "Residents answer online on their own devices, on paper forms typed in later, or face to face at community groups' events: a trained volunteer reads each question as written and enters the answers with the resident (assisted; where there is no signal, on a device that sends them later: entered offline), or the resident answers on the group's tablet (kiosk). Every answer, however given, is checked by the same rules, tagged with the resident's own ward and counted in the same way; how it was given is recorded, so officers can compare channels and groups. People can answer a little differently when someone reads the questions to them, especially about loneliness and anxiety, so a wave with many assisted answers is best compared with others like it."
                    </p>
                    <h2>"Weighting"</h2>
                    <p>
                        "When a wave is weighted, answers are adjusted so that each ward, age band and sex counts in proportion to its share of residents aged 16 and over (raking to population totals). Weighting makes figures more representative but widens their intervals; the effective number of answers is reported alongside."
                    </p>
                    <h2>"Intervals"</h2>
                    <p>
                        "Each figure has a 95% confidence interval: the range the true figure most likely lies in. Percentages use the Wilson interval; average scores use the t distribution. Both use the effective number of answers when weighted."
                    </p>
                    <h2 id="wards">"A ward against the whole area"</h2>
                    <p>
                        "Each ward's page says whether the ward differs from the whole area. The ward's figure is given 99.8% limits (the Wilson interval with z = 3.09 for a percentage; for an average score, the 95% interval widened by the ratio of the t distribution's 99.9th to its 97.5th percentile). When the whole area's figure lies outside those limits the ward is reported as better or worse than the whole area; otherwise as similar. At 95%, comparing 34 wards would flag one or two by chance alone in every survey; 99.8% limits, as Public Health England's Fingertips uses for local areas, make such false alarms rare. A ward whose figure is withheld is not compared."
                    </p>
                    <h2>"Change since the baseline"</h2>
                    <p>
                        "A figure is reported as increased or decreased only when the difference from the baseline wave is statistically significant at the 95% level; otherwise it is reported as no significant change."
                    </p>
                    <h2>"Withheld figures"</h2>
                    <p>
                        {format!(
                            "A figure based on fewer than {} answers is not published: its estimate, interval and number of answers are all withheld, and it shows as \u{201c}fewer than {}\u{201d}. (The threshold is never below {}.) Where withholding one figure would let it be worked out from others, such as the other wards in an area, another figure is withheld too.",
                            m.threshold,
                            m.threshold,
                            m.min_threshold,
                        )}
                    </p>
                    <p>
                        {format!(
                            "Figures from fewer than {} answers are published with a \u{201c}low base\u{201d} flag: treat them with caution.",
                            m.low_base,
                        )}
                    </p>
                    <h2>"The indicators"</h2>
                    {m
                        .surveys
                        .into_iter()
                        .map(|s| {
                            view! {
                                <div
                                    class="table-wrap"
                                    tabindex="0"
                                    role="region"
                                    aria-label=s.title.clone()
                                >
                                    <table class="table">
                                        <caption class="table-caption table-caption-m">
                                            {s.title.clone()}
                                        </caption>
                                        <thead>
                                            <tr>
                                                <th scope="col">"Indicator"</th>
                                                <th scope="col">"Question"</th>
                                                <th scope="col">"Figure"</th>
                                                <th scope="col">"Better when"</th>
                                            </tr>
                                        </thead>
                                        <tbody>
                                            {s
                                                .indicators
                                                .into_iter()
                                                .map(|i| {
                                                    view! {
                                                        <tr>
                                                            <th scope="row">{i.label}</th>
                                                            <td>{i.question}</td>
                                                            <td>{i.rule}</td>
                                                            <td>
                                                                {if i.higher_is_better { "higher" } else { "lower" }}
                                                            </td>
                                                        </tr>
                                                    }
                                                })
                                                .collect_view()}
                                        </tbody>
                                    </table>
                                </div>
                            }
                        })
                        .collect_view()}
                }
                    .into_any()
            },
        )}
    }
}
