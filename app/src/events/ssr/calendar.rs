//! One public event as an iCalendar file (RFC 5545), for adding to a phone's calendar.
//! Times are in UTC, which every calendar shows in its own zone.

use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use icalendar::{Calendar, Component, EventLike};

use crate::events::paths;
use crate::shared::ssr::access::Routes;
use crate::shared::ssr::auth::not_found;
use crate::shared::ssr::AppState;

pub fn router() -> Routes {
    Routes::default().route(paths::EVENT_CALENDAR, get(calendar_file))
}

async fn calendar_file(State(st): State<AppState>, Path(id): Path<String>) -> Response {
    let Ok(id) = id.parse::<i32>() else {
        return not_found();
    };
    let event = match store::events::public_by_id(&st.db, id).await {
        Ok(Some(e)) => e,
        Ok(None) => return not_found(),
        Err(e) => {
            tracing::error!(error = %e, "a calendar file failed");
            return crate::shared::ssr::auth::service_problem();
        }
    };
    let page = st
        .auth
        .public_url
        .join(&paths::event(id))
        .map(|u| u.to_string())
        .unwrap_or_default();
    let host = st.auth.public_url.host_str().unwrap_or("kiln").to_string();
    let ics = ics_for(&event, &page, &host);
    (
        [
            (
                header::CONTENT_TYPE,
                "text/calendar; charset=utf-8".to_string(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"event-{id}.ics\""),
            ),
        ],
        ics,
    )
        .into_response()
}

/// The calendar text for one event. Its UID stays the same for the event, so adding it
/// again after a change updates the entry rather than making a second.
pub fn ics_for(p: &store::events::PublicEvent, page: &str, host: &str) -> String {
    let e = &p.event;
    let at = |t: i64| chrono::DateTime::from_timestamp(t, 0).unwrap_or_default();
    let description = if e.description.is_empty() {
        format!("Run by {}. Come and give your views: {page}", p.group_name)
    } else {
        format!("{}\n\nRun by {}. {page}", e.description, p.group_name)
    };
    let event = icalendar::Event::new()
        .uid(&format!("event-{}@{host}", e.id))
        .summary(&e.title)
        .starts(at(e.times.starts_at))
        .ends(at(e.times.ends_at))
        .location(&e.place)
        .description(&description)
        .url(page)
        .done();
    let mut cal = Calendar::new();
    cal.name(&e.title);
    cal.push(event);
    cal.done().to_string()
}
