use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::shared::components::{show_loaded, PageTitle};
use crate::shared::param;
use crate::survey::api::load_start;
use crate::survey::model::StartView;
use crate::survey::paths;

#[component]
pub fn StartPage() -> impl IntoView {
    let params = use_params_map();
    let data = Resource::new(move || param(&params.read(), "survey"), load_start);
    view! {
        {show_loaded(
            data,
            |s: StartView| {
                view! {
                    <PageTitle text=s.title.clone() />
                    <a class="back-link" href="/">
                        "Back"
                    </a>
                    <h1>{s.title.clone()}</h1>
                    <p class="lead">{s.summary.clone()}</p>
                    <h2>"Why we are asking"</h2>
                    <p>{s.purpose.clone()}</p>
                    <h2>"Before you start"</h2>
                    <ul class="list">
                        <li>
                            {format!(
                                "It takes about {} minutes: {} questions in {} short sections.",
                                s.minutes,
                                s.question_count,
                                s.section_titles.len(),
                            )}
                        </li>
                        <li>
                            "Your answers are anonymous. We do not ask for your name, email or address, and we do not record your IP address or the time you answered, only the date."
                        </li>
                        <li>
                            "We ask which ward you live in, so results can be shown for each part of the city, and, if you choose, your age group and sex, so results can be made representative. You can answer \u{201c}prefer not to say\u{201d}."
                        </li>
                        <li>{s.retention.clone()}</li>
                        <li>
                            "You can stop at any time, save your answers and come back later with a resume code. On a shared computer, close the browser when you leave: after that only your resume code opens your answers."
                        </li>
                        <li>"Invited by letter or email? " {super::take_part::UNLINKED}</li>
                    </ul>
                    <h2>"What we will ask about"</h2>
                    <ol class="list list-number">
                        {s
                            .section_titles
                            .iter()
                            .map(|t| view! { <li>{t.clone()}</li> })
                            .collect_view()}
                    </ol>
                    {match s.wave_name.clone() {
                        Some(_) => {
                            view! {
                                <form method="post" action=paths::begin(&s.key)>
                                    <button class="button button-start" type="submit">
                                        "Start now"
                                    </button>
                                </form>
                            }
                                .into_any()
                        }
                        None => {
                            view! {
                                <div class="inset">
                                    "This survey is not open for answers at the moment. Please come back when the next round opens."
                                </div>
                            }
                                .into_any()
                        }
                    }}
                    <p>
                        "Started already? "
                        <a href=paths::RESUME>"Continue with your resume code"</a>
                    </p>
                    <p>
                        "Invited with an access code? "
                        <a href=paths::TAKE_PART>"Enter your access code"</a>
                    </p>
                }
                    .into_any()
            },
        )}
    }
}
