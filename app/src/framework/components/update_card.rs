use leptos::prelude::*;

use crate::framework::model::UpdateView;
use crate::framework::paths;
use crate::results::paths::Audience;

/// One "you said, we did" update.
#[component]
pub fn UpdateCard(u: UpdateView, #[prop(optional)] heading_level: Option<u8>) -> impl IntoView {
    let heading = match heading_level.unwrap_or(3) {
        2 => view! { <h2 class="update-title">{u.title.clone()}</h2> }.into_any(),
        _ => view! { <h3 class="update-title">{u.title.clone()}</h3> }.into_any(),
    };
    let status_class = format!("tag tag-{}", u.status_key);
    view! {
        <article class="card update">
            {heading} <p>
                <strong class=status_class>{u.status.clone()}</strong>
                {format!(" Updated {}", u.updated)}
                {(!u.published).then_some(" (draft: not published)")}
            </p> <dl class="update-parts">
                <dt>"You said"</dt>
                <dd>{u.said.clone()}</dd>
                <dt>"We did"</dt>
                <dd>{u.did.clone()}</dd>
                {(!u.changed.is_empty())
                    .then(|| {
                        view! {
                            <dt>"What changed"</dt>
                            <dd>{u.changed.clone()}</dd>
                        }
                    })}
            </dl>
            <p class="update-links">
                {u.priorities.iter().map(|p| p.1.clone()).collect::<Vec<_>>().join(", ")}
                {u
                    .indicators
                    .iter()
                    .map(|(k, t)| {
                        view! {
                            " · "
                            <a href=paths::indicator(Audience::Public, k)>{t.clone()}</a>
                        }
                    })
                    .collect_view()}
                {(!u.wards.is_empty()).then(|| format!(" · Wards: {}", u.wards.join(", ")))}
            </p>
        </article>
    }
}
