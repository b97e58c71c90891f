use leptos::prelude::*;

use crate::results::model::WaveHeader;
use crate::results::paths;
use crate::results::paths::Audience;

/// How a wave's figures were made, and links to the viewer's other waves.
#[component]
pub fn WaveNotes(header: WaveHeader, audience: Audience) -> impl IntoView {
    let others: Vec<_> = header
        .waves
        .iter()
        .filter(|w| w.key != header.wave_key)
        .cloned()
        .collect();
    let survey = header.survey_key.clone();
    view! {
        <ul class="notes">
            <li>{format!("{} people answered.", header.respondents)}</li>
            <li>
                {if header.weighted {
                    "Figures are weighted to the population by ward, age band and sex."
                } else {
                    "Figures are not weighted."
                }}
            </li>
            {header
                .answers_illustrative
                .then(|| {
                    view! {
                        <li class="warning-text">
                            "Illustrative: the answers in this wave are made up for the demonstration, spread near the national figures. They are not residents' views."
                        </li>
                    }
                })}
            {header
                .population_illustrative
                .then(|| {
                    view! {
                        <li class="warning-text">
                            "The population totals used for weighting are illustrative demo figures, not real ones."
                        </li>
                    }
                })}
            <li>
                {format!(
                    "Figures from fewer than {} answers are withheld, with others where needed so they cannot be worked out.",
                    header.threshold,
                )}
            </li>
            <li>
                {match (&header.baseline_name, header.is_baseline) {
                    (_, true) => {
                        "This is the baseline wave: change is measured from it.".to_string()
                    }
                    (Some(b), false) => format!("Change is measured from the baseline wave, {b}."),
                    (None, false) => {
                        "No baseline wave has been chosen, so change is not shown.".to_string()
                    }
                }}
            </li>
        </ul>
        {(!others.is_empty())
            .then(|| {
                view! {
                    <nav class="wave-switch" aria-label="Other waves">
                        <h2 class="heading-s">"Other waves"</h2>
                        <ul class="list">
                            {others
                                .into_iter()
                                .map(|w| {
                                    let note = if audience == Audience::Officer && !w.published {
                                        " (not published)"
                                    } else {
                                        ""
                                    };
                                    view! {
                                        <li>
                                            <a href=paths::wave(
                                                audience,
                                                &survey,
                                                &w.key,
                                            )>{w.name.clone()}</a>
                                            {note}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    </nav>
                }
            })}
    }
}
