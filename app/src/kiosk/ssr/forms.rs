//! The kiosk's posts: the organiser setting one up (from the event's page), the tablet
//! taking the one-time code, starting and sending a resident's answers, and leaving.

use axum::extract::{Form, Path, State};
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use axum::Extension;
use domain::answers::{section_fields, RawAnswers};
use store::entries::{Closed, Sent};
use store::groups::Scope;
use store::kiosks::Leave;

use crate::kiosk::paths;
use crate::kiosk::ssr::cookie;
use crate::shared::notice::FormNotice;
use crate::shared::ssr::access::{Organisers, Routes};
use crate::shared::ssr::auth::ClientIp;
use crate::shared::ssr::forms::{field, Fields};
use crate::shared::ssr::staff_forms::{OfficerError, Posted};
use crate::shared::ssr::{flash, AppState};
use crate::shared::Typed;

pub fn router() -> Routes {
    Routes::default()
        .route(crate::groups::paths::GROUP_EVENT_KIOSK, post(set_up))
        .route(paths::KIOSK, post(take_code))
        .route(paths::KIOSK_START, post(start))
        .route(paths::KIOSK_ANSWERS, post(send))
        .route(paths::KIOSK_LEAVE, post(leave))
}

fn internal(e: store::StoreError) -> Response {
    OfficerError::Internal(e).into_response()
}

/// The working kiosk of a post from its own tablet (its form token checked); otherwise the
/// reply that sends the tablet back to the start.
async fn tablet(
    st: &AppState,
    headers: &HeaderMap,
    fields: &Fields,
) -> Result<store::kiosks::Kiosk, Response> {
    match cookie::kiosk_of(st, headers).await {
        Ok(Some((token, kiosk))) if cookie::form_token_ok(st, &token, field(fields, "token")) => {
            Ok(kiosk)
        }
        Ok(_) => Err(Redirect::to(paths::KIOSK).into_response()),
        Err(e) => Err(internal(e)),
    }
}

/// The organiser, on the event's page: a one-time code to type on the tablet.
async fn set_up(
    State(st): State<AppState>,
    Path((id, wave)): Path<(i32, String)>,
    p: Posted<Organisers>,
) -> Result<Response, OfficerError> {
    let scope = Scope::of(&p.who.user).ok_or(OfficerError::NotFound)?;
    let wave: i32 = wave.parse().map_err(|_| OfficerError::NotFound)?;
    let page = crate::groups::paths::event(id);
    let words = match store::kiosks::set_up(&st.db, &scope, p.who.user.id, id, wave, p.who.at)
        .await?
    {
        None => return Err(OfficerError::NotFound),
        Some(Ok(code)) => {
            let start = format!(
                "{}{}",
                st.auth.public_url.as_str().trim_end_matches('/'),
                paths::KIOSK
            );
            format!(
                "Kiosk code: {code}. On the tablet, go to {start} and type this code, or open the link {start}?code={code}, within {} minutes. It works once, and the kiosk stops when the event ends.",
                store::kiosks::CODE_MINUTES
            )
        }
        Some(Err(Closed::Event)) => {
            "A kiosk can be set up only while the event is on (from an hour before it starts)."
                .into()
        }
        Some(Err(Closed::Wave)) => {
            "This survey has closed, so a kiosk cannot collect answers for it.".into()
        }
    };
    Ok(flash::redirect_with(
        &st,
        &page,
        &FormNotice::Done(words),
        "#kiosk",
    ))
}

/// The tablet takes the organiser's code and becomes a kiosk.
async fn take_code(State(st): State<AppState>, Form(fields): Form<Fields>) -> Response {
    let typed = field(&fields, "code")
        .unwrap_or("")
        .trim()
        .chars()
        .take(40)
        .collect::<String>();
    let refused = |message: &str| {
        flash::redirect_with(
            &st,
            paths::KIOSK,
            &FormNotice::refused(
                "kiosk",
                &[domain::groups::Problem {
                    field: "code",
                    message: message.to_string(),
                }],
                Typed::from_pairs(&[("code", &typed)]),
            ),
            "",
        )
    };
    let code = match domain::KioskCode::parse(&typed) {
        Ok(c) => c,
        Err(domain::codes::CodeError::Empty) => {
            return refused("Enter the kiosk code the organiser was given")
        }
        Err(_) => return refused("Enter the kiosk code exactly as shown, like 7KQM-2XTP-9ABD"),
    };
    let now = st.clock.now();
    match store::kiosks::redeem(&st.db, &code, now).await {
        Ok(Some(token)) => {
            let lasts = match store::kiosks::by_token(&st.db, &token, now).await {
                Ok(Some(k)) => k.event.times.ends_at - now,
                Ok(None) => 60,
                Err(e) => return internal(e),
            };
            (
                [(header::SET_COOKIE, cookie::set(&st, &token, lasts))],
                Redirect::to(paths::KIOSK),
            )
                .into_response()
        }
        Ok(None) => refused("That code is not right, has been used, or is more than 15 minutes old: ask the organiser for a new one"),
        Err(e) => internal(e),
    }
}

/// A resident presses Start: a fresh entry, and anything the last person left is deleted.
async fn start(
    State(st): State<AppState>,
    headers: HeaderMap,
    Form(fields): Form<Fields>,
) -> Response {
    let kiosk = match tablet(&st, &headers, &fields).await {
        Ok(k) => k,
        Err(back) => return back,
    };
    match store::entries::start_at_kiosk(&st.db, &kiosk, st.clock.now()).await {
        Ok(code) => Redirect::to(&paths::answers(&code)).into_response(),
        Err(e) => internal(e),
    }
}

async fn send(
    State(st): State<AppState>,
    Path(code): Path<String>,
    headers: HeaderMap,
    Form(fields): Form<Fields>,
) -> Response {
    let kiosk = match tablet(&st, &headers, &fields).await {
        Ok(k) => k,
        Err(back) => return back,
    };
    let entry = match store::entries::at_kiosk(&st.db, &kiosk, &code).await {
        Ok(Some(e)) => e,
        Ok(None) => return Redirect::to(paths::KIOSK).into_response(),
        Err(e) => return internal(e),
    };
    let catalogue = match st.catalogue.get(&st.db).await {
        Ok(c) => c,
        Err(e) => return internal(e),
    };
    let Some(survey) = catalogue.survey_of_wave(entry.wave_id) else {
        return Redirect::to(paths::KIOSK).into_response();
    };
    let mut answers = RawAnswers::new();
    for section in &survey.definition.sections {
        answers.extend(section_fields(
            section,
            fields.iter().map(|(k, v)| (k.as_str(), v.as_str())),
        ));
    }
    let now = st.clock.now();
    // A resident answering for themselves needs no one's confirmation that they agreed.
    match store::entries::send(
        &st.db,
        &entry,
        &survey,
        &catalogue.areas,
        answers,
        true,
        now,
        domain::groups::local_date(now),
    )
    .await
    {
        // Straight back to the start, ready for the next person, saying thank you.
        Ok(Sent::Stored { .. } | Sent::Already) => flash::redirect_with(
            &st,
            paths::KIOSK,
            &FormNotice::Done(
                "Thank you: your answers have been sent. Nothing of them stays on this tablet."
                    .into(),
            ),
            "",
        ),
        Ok(Sent::Invalid { .. }) => {
            Redirect::to(&format!("{}?errors=1", paths::answers(&code))).into_response()
        }
        Ok(Sent::Closed(_)) => Redirect::to(paths::KIOSK).into_response(),
        Err(e) => internal(e),
    }
}

async fn leave(
    State(st): State<AppState>,
    Extension(ClientIp(ip)): Extension<ClientIp>,
    headers: HeaderMap,
    Form(fields): Form<Fields>,
) -> Response {
    let kiosk = match tablet(&st, &headers, &fields).await {
        Ok(k) => k,
        Err(back) => return back,
    };
    let email = field(&fields, "email")
        .unwrap_or("")
        .trim()
        .chars()
        .take(254)
        .collect::<String>();
    let password = field(&fields, "password").unwrap_or("");
    let refused = |message: &str| {
        flash::redirect_with(
            &st,
            paths::KIOSK_LEAVE,
            &FormNotice::refused(
                "leave",
                &[domain::groups::Problem {
                    field: "email",
                    message: message.to_string(),
                }],
                Typed::from_pairs(&[("email", &email)]),
            ),
            "",
        )
    };
    match store::kiosks::leave(&st.db, &kiosk, &email, password, &ip, st.clock.now()).await {
        Ok(Leave::Ended) => (
            [(header::SET_COOKIE, cookie::clear(&st))],
            Redirect::to(paths::KIOSK),
        )
            .into_response(),
        Ok(Leave::Refused) => {
            refused("Enter the email address and password of an organiser of this group")
        }
        Ok(Leave::Paused) => refused("Too many wrong tries: wait 15 minutes, then try again"),
        Err(e) => internal(e),
    }
}
