use leptos::prelude::*;

use super::nav::OfficerNav;
use crate::officer::api::load_officer_home;
use crate::officer::model::OfficerHome;
use crate::officer::paths;
use crate::results::paths as results_paths;
use crate::results::paths::Audience;
use crate::shared::components::{show_loaded, PageTitle};

/// Choose a survey and a wave.
#[component]
pub fn OfficerHomePage() -> impl IntoView {
    let data = Resource::new(|| (), |_| load_officer_home());
    view! {
        {show_loaded(
            data,
            |h: OfficerHome| {
                view! {
                    <PageTitle text="Dashboard".to_string() />
                    <OfficerNav viewer=h.viewer.clone() />
                    <h1>"Results dashboard"</h1>
                    <p class="lead">"Choose a survey and a wave to see its indicators."</p>
                    {h
                        .surveys
                        .into_iter()
                        .map(|s| {
                            view! {
                                <section class="card">
                                    <h2>{s.title.clone()}</h2>
                                    {if s.waves.is_empty() {
                                        view! { <p>"No waves yet."</p> }.into_any()
                                    } else {
                                        view! {
                                            <ul class="list">
                                                {s
                                                    .waves
                                                    .iter()
                                                    .map(|w| {
                                                        view! {
                                                            <li>
                                                                <a href=results_paths::wave(
                                                                    Audience::Officer,
                                                                    &s.key,
                                                                    &w.key,
                                                                )>{w.name.clone()}</a>
                                                                {if w.published {
                                                                    " (published)"
                                                                } else {
                                                                    " (not published)"
                                                                }}
                                                                " · "
                                                                <a href=paths::fieldwork(&s.key, &w.key)>"Fieldwork"</a>
                                                            </li>
                                                        }
                                                    })
                                                    .collect_view()}
                                            </ul>
                                        }
                                            .into_any()
                                    }}
                                </section>
                            }
                        })
                        .collect_view()}
                }
                    .into_any()
            },
        )}
    }
}
