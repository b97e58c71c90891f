//! "Publish these results?": what going public (or withdrawing) will do, before it is done.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::nav::OfficerNav;
use crate::officer::api::load_publication_check;
use crate::officer::model::PublicationCheck;
use crate::officer::paths;
use crate::results::paths::{self as results_paths, Audience};
use crate::shared::components::{show_loaded, PageTitle};
use crate::shared::param;

#[component]
pub fn PublicationPage() -> impl IntoView {
    let params = use_params_map();
    let data = Resource::new(
        move || {
            (
                param(&params.read(), "survey"),
                param(&params.read(), "wave"),
            )
        },
        |(s, w)| load_publication_check(s, w),
    );
    view! {
        {show_loaded(
            data,
            |c: PublicationCheck| {
                let h = c.header.clone();
                let back = results_paths::wave(Audience::Officer, &h.survey_key, &h.wave_key);
                let public = results_paths::wave(Audience::Public, &h.survey_key, &h.wave_key);
                let (title, action, button) = if h.published {
                    (
                        format!("Withdraw {} from publication?", h.wave_name),
                        "unpublish",
                        "Withdraw from publication",
                    )
                } else {
                    (format!("Publish {}?", h.wave_name), "publish", "Publish results")
                };
                view! {
                    <PageTitle text=title.clone() />
                    <OfficerNav viewer=c.viewer.clone() />
                    <a class="back-link" href=back.clone()>
                        {format!("Back to {}", h.wave_name)}
                    </a>
                    <span class="caption">{h.survey_title.clone()}</span>
                    <h1>{title.clone()}</h1>
                    {if h.published {
                        view! {
                            <p>
                                "Its results will no longer be public: "
                                <code>{public.clone()}</code>
                                ", the open data files and the API will stop showing them. Anyone who downloaded them keeps their copy. The wave stays closed to responses."
                            </p>
                        }
                            .into_any()
                    } else {
                        view! {
                            <p>"Anyone will be able to see these results at once:"</p>
                            <ul class="list" data-testid="publication-summary">
                                <li>
                                    {format!(
                                        "{} indicators, {} figures in all: for the whole city, each area and ward, and by age band and sex;",
                                        c.indicators,
                                        c.figures,
                                    )}
                                </li>
                                <li>
                                    {format!(
                                        "{} of those figures are withheld (fewer than {} answers) and show no number anywhere;",
                                        c.withheld,
                                        h.threshold,
                                    )}
                                </li>
                                <li>
                                    "on the public results pages, in the open data files and through the API, and in emails to everyone who asked to hear about new results."
                                </li>
                            </ul>
                            <p>
                                "The wave will stop taking responses, so the published figures cannot change."
                            </p>
                        }
                            .into_any()
                    }}
                    {c.last_publication.clone().map(|l| view! { <p>{l}</p> })}
                    <form method="post" action=paths::wave_change(&h.survey_key, &h.wave_key)>
                        <input type="hidden" name="csrf" value=c.viewer.csrf.clone() />
                        <input type="hidden" name="action" value=action />
                        <input type="hidden" name="confirmed" value="yes" />
                        <div class="button-group">
                            <button class="button" type="submit">
                                {button}
                            </button>
                            <a class="button button-secondary" href=back>
                                "Cancel"
                            </a>
                        </div>
                    </form>
                }
                    .into_any()
            },
        )}
    }
}
