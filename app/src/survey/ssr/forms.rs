//! Plain HTML form posts, each answered with a redirect (post/redirect/get), so every step
//! works with JavaScript off. Handlers stay thin: read the form, call the store, redirect.

use axum::extract::{Form, Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{AppendHeaders, Html, IntoResponse, Redirect, Response};
use axum::routing::post;
use axum::Extension;
use domain::answers::{section_fields, validate_section};
use domain::codes::CodeError;
use domain::{AccessCode, Postcode, ResumeCode};
use store::drafts::{
    self, Draft, SaveOutcome, Spend, SubmitOutcome, POSTCODE_KEY, POSTCODE_STATUS_KEY,
};
use store::invitations::{self, Redeemed};
use store::{postcodes, StoreError};
use validator::Validate;

use super::drafts_cookie;
use super::views::{self, continue_path, section_step, Loaded, SUBMIT_STEP};
use crate::shared::i18n::PageLanguage;
use crate::shared::language_links::CHANGE_LANGUAGE;
use crate::shared::ssr::access::Routes;
use crate::shared::ssr::envelope::Envelope;
use crate::shared::ssr::forms::{field, plain_page, Fields};
use crate::shared::ssr::language::RequestCatalogue;
use crate::shared::ssr::{flash, token, AppState, ViewError};
use crate::survey::paths;

pub fn router() -> Routes {
    Routes::default()
        .route(paths::BEGIN, post(begin))
        .route(paths::SECTION, post(save_section))
        .route(paths::SUBMIT, post(submit))
        .route(paths::RESUME, post(resume))
        .route(paths::TAKE_PART, post(take_part))
        .route(paths::CLOSED, axum::routing::get(closed))
}

/// The survey closed before the resident sent their answers. Written here, not taken from
/// the address: the survey key only picks the link back.
async fn closed(Path(_survey_key): Path<String>) -> Response {
    let body = plain_page(
        "This survey has closed",
        "<p>The survey closed before your answers were sent, so they have not been counted. Thank you for your time.</p><p>Results are published when each round of the survey has been analysed.</p><p><a href=\"/results\">See published results</a></p><p><a href=\"/\">Go to the list of surveys</a></p>",
    );
    (StatusCode::GONE, Html(body)).into_response()
}

/// What goes wrong in a handler: shown to the resident plainly, logged in full when internal.
enum FormError {
    NotFound,
    /// Not the right place for this response now: go here instead.
    Redirect(String),
    Internal(StoreError),
}

impl From<StoreError> for FormError {
    fn from(e: StoreError) -> Self {
        FormError::Internal(e)
    }
}

impl From<ViewError> for FormError {
    fn from(e: ViewError) -> Self {
        match e {
            ViewError::Store(e) => FormError::Internal(e),
            ViewError::Redirect(to) => FormError::Redirect(to),
            ViewError::NotFound | ViewError::Forbidden => FormError::NotFound,
        }
    }
}

impl IntoResponse for FormError {
    fn into_response(self) -> Response {
        let (status, message) = match self {
            FormError::Redirect(to) => return Redirect::to(&to).into_response(),
            FormError::NotFound => (
                StatusCode::NOT_FOUND,
                "We could not find that survey response. Unfinished responses are deleted 30 days after they were last saved.",
            ),
            FormError::Internal(e) => {
                tracing::error!(error = %e, "form post failed");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "Sorry, there is a problem with the service. Your answers have not been lost: please try again in a few minutes.",
                )
            }
        };
        let body = plain_page(
            "Sorry, there is a problem",
            &format!("<p>{message}</p><p><a href=\"/\">Go to the list of surveys</a></p>"),
        );
        (status, Html(body)).into_response()
    }
}

async fn begin(
    State(st): State<AppState>,
    Path(survey_key): Path<String>,
    read: Option<Extension<RequestCatalogue>>,
    headers: HeaderMap,
) -> Result<Response, FormError> {
    let survey = st
        .catalogue_or(read)
        .await?
        .survey(&survey_key)
        .ok_or(FormError::NotFound)?;
    let Some(wave) = &survey.open_wave else {
        return Ok(Redirect::to(&paths::start(&survey_key)).into_response());
    };
    let code = drafts::create(&st.resident_writes, wave.id, st.clock.today()).await?;
    let address = drafts_cookie::address(&st, &code);
    Ok((
        [(
            header::SET_COOKIE,
            drafts_cookie::remember(&st, &headers, &code),
        )],
        Redirect::to(&paths::section(&survey_key, &address, 1)),
    )
        .into_response())
}

async fn save_section(
    State(st): State<AppState>,
    Path((survey_key, address, n)): Path<(String, String, usize)>,
    Extension(page): Extension<PageLanguage>,
    read: Option<Extension<RequestCatalogue>>,
    headers: HeaderMap,
    Form(fields): Form<Fields>,
) -> Result<Redirect, FormError> {
    let catalogue = st.catalogue_or(read).await?;
    let Loaded {
        survey,
        draft,
        catalogue,
        address,
    } = views::load(&st, catalogue, &headers, &survey_key, &address).await?;
    let code = draft.code.as_str().to_string();
    let section = n
        .checked_sub(1)
        .and_then(|i| survey.definition.sections.get(i))
        .ok_or(FormError::NotFound)?;
    let changing = field(&fields, "changing") == Some("1");
    let here = |query: &str| {
        let mut path = paths::section(&survey_key, &address, n);
        let mut params: Vec<&str> = Vec::new();
        if !query.is_empty() {
            params.push(query);
        }
        if changing {
            params.push("change=1");
        }
        if !params.is_empty() {
            path.push('?');
            path.push_str(&params.join("&"));
        }
        path
    };

    if let Some(receipt) = draft.receipt {
        tracing::debug!(receipt = %receipt, "post to a submitted response");
        return Ok(Redirect::to(&paths::done(&survey_key, &address)));
    }
    let envelope_ok = Envelope::of(&fields).validate().is_ok();
    if !envelope_ok
        || !token::verify(
            &st.form_secret,
            &code,
            &section_step(n),
            field(&fields, "token").unwrap_or(""),
        )
    {
        return Ok(Redirect::to(&here("problem=form")));
    }

    let mut answers = section_fields(
        section,
        fields.iter().map(|(k, v)| (k.as_str(), v.as_str())),
    );
    let areas = &catalogue.areas;
    let intent = field(&fields, "intent").unwrap_or("continue");

    if intent == "find_ward" {
        let typed = field(&fields, "postcode").unwrap_or("").trim().to_string();
        let status = match Postcode::parse(&typed) {
            Err(domain::postcode::PostcodeError::Empty) => "empty",
            Err(_) => "invalid",
            Ok(pc) => match postcodes::ward_for(&st.db, &pc).await? {
                Some(ward) if areas.is_ward(&ward) => {
                    answers.insert("area".into(), ward);
                    "found"
                }
                _ => "not_found",
            },
        };
        answers.insert(POSTCODE_KEY.into(), typed);
        answers.insert(POSTCODE_STATUS_KEY.into(), status.into());
        if let Some(redirect) = save(&st, &survey_key, &draft, &address, answers).await? {
            return Ok(redirect);
        }
        return Ok(Redirect::to(&format!("{}#q-area", here(""))));
    }

    // A continue clears any old postcode message; the typed postcode itself is kept.
    if section
        .questions
        .iter()
        .any(|q| q.kind == domain::QuestionKind::Area)
    {
        if let Some(typed) = field(&fields, "postcode") {
            answers.insert(POSTCODE_KEY.into(), typed.trim().to_string());
        }
        answers.insert(POSTCODE_STATUS_KEY.into(), String::new());
    }
    let check_now = answers.clone();
    if let Some(redirect) = save(&st, &survey_key, &draft, &address, answers).await? {
        return Ok(redirect);
    }
    if intent == "save" {
        return Ok(Redirect::to(&paths::saved(&survey_key, &address)));
    }
    if intent == CHANGE_LANGUAGE {
        // The language middleware has already taken `lang` from this address and remembered
        // it; the page opens again in it, with what was typed, and no errors yet.
        let asked = page.language.code;
        return Ok(Redirect::to(&here(&format!("lang={asked}"))));
    }
    if validate_section(section, &check_now, &|c| areas.is_ward(c)).is_err() {
        return Ok(Redirect::to(&here("errors=1")));
    }
    let mut so_far = draft.answers;
    so_far.extend(check_now);
    let next = match domain::routing::next(&survey.definition, &so_far, n) {
        // A change that leads somewhere new continues there; otherwise back to the check page.
        domain::routing::Next::Section(to)
            if !changing || !answered(&survey.definition, &so_far, to) =>
        {
            paths::section(&survey_key, &address, to)
        }
        _ => paths::check(&survey_key, &address),
    };
    Ok(Redirect::to(&next))
}

/// Whether a resident has been through a section: its questions have answers saved (a
/// section left blank saves them empty).
fn answered(survey: &domain::Survey, answers: &domain::RawAnswers, section: usize) -> bool {
    survey.sections[section - 1]
        .questions
        .iter()
        .all(|q| answers.contains_key(&q.key))
}

/// Saves answers; gives a redirect instead when the response has gone in the meantime.
async fn save(
    st: &AppState,
    survey_key: &str,
    draft: &Draft,
    address: &str,
    answers: domain::RawAnswers,
) -> Result<Option<Redirect>, FormError> {
    match drafts::save_answers(&st.resident_writes, draft, answers, st.clock.today()).await? {
        SaveOutcome::Saved => Ok(None),
        SaveOutcome::NotFound => Err(FormError::NotFound),
        SaveOutcome::WaveClosed => Ok(Some(Redirect::to(&paths::closed(survey_key)))),
        SaveOutcome::AlreadySubmitted(_) => {
            Ok(Some(Redirect::to(&paths::done(survey_key, address))))
        }
    }
}

async fn submit(
    State(st): State<AppState>,
    Path((survey_key, address)): Path<(String, String)>,
    Extension(page): Extension<PageLanguage>,
    read: Option<Extension<RequestCatalogue>>,
    headers: HeaderMap,
    Form(fields): Form<Fields>,
) -> Result<Response, FormError> {
    let catalogue = st.catalogue_or(read).await?;
    let Loaded {
        survey,
        draft,
        catalogue,
        address,
    } = views::load(&st, catalogue, &headers, &survey_key, &address).await?;
    let code = draft.code.as_str().to_string();
    if draft.receipt.is_some() {
        return Ok(Redirect::to(&paths::done(&survey_key, &address)).into_response());
    }
    if !token::verify(
        &st.form_secret,
        &code,
        SUBMIT_STEP,
        field(&fields, "token").unwrap_or(""),
    ) {
        let back = format!("{}?problem=form", paths::check(&survey_key, &address));
        return Ok(Redirect::to(&back).into_response());
    }
    let areas = &catalogue.areas;
    let invited = super::invited::read(&st, &headers, &draft.code);
    let spend = invited.as_ref().map(|code| Spend {
        secret: &st.form_secret,
        code,
    });
    let today = st.clock.today();
    Ok(
        match drafts::submit(
            &st.resident_writes,
            &draft,
            &survey,
            areas,
            today,
            spend,
            page.language,
        )
        .await?
        {
            SubmitOutcome::Stored(_) | SubmitOutcome::AlreadyStored(_) => {
                let done = Redirect::to(&paths::done(&survey_key, &address));
                match invited {
                    Some(_) => {
                        ([(header::SET_COOKIE, super::invited::clear(&st))], done).into_response()
                    }
                    None => done.into_response(),
                }
            }
            SubmitOutcome::WaveClosed => Redirect::to(&paths::closed(&survey_key)).into_response(),
            SubmitOutcome::Invalid { section, .. } => Redirect::to(&format!(
                "{}?errors=1",
                paths::section(&survey_key, &address, section)
            ))
            .into_response(),
        },
    )
}

/// An invited resident's access code, typed or from their link: a new response to the
/// invitation's wave, with the code kept in their browser until they send it. Wrong and
/// spent codes get the same answer.
async fn take_part(
    State(st): State<AppState>,
    headers: HeaderMap,
    Form(fields): Form<Fields>,
) -> Result<Response, FormError> {
    let typed = field(&fields, "code").unwrap_or("").trim().to_string();
    let back = |problem: &str| {
        flash::back_to_form(
            &st,
            paths::TAKE_PART,
            &[("error", problem)],
            &[("code", &typed)],
            "",
        )
    };
    let code = match AccessCode::parse(&typed) {
        Ok(code) => code,
        Err(CodeError::Empty) => return Ok(back("empty")),
        Err(CodeError::WrongLength(..)) => return Ok(back("length")),
        Err(CodeError::BadCharacter) => return Ok(back("characters")),
    };
    let wave_id = match invitations::redeem(&st.db, &st.form_secret, &code).await? {
        Redeemed::Start { wave_id } => wave_id,
        Redeemed::Closed { .. } => return Ok(back("closed")),
        Redeemed::NotValid => return Ok(back("not_valid")),
    };
    let catalogue = st.catalogue.get(&st.db).await?;
    let survey = catalogue
        .survey_of_wave(wave_id)
        .ok_or(FormError::NotFound)?;
    let draft = drafts::create(&st.resident_writes, wave_id, st.clock.today()).await?;
    let address = drafts_cookie::address(&st, &draft);
    Ok((
        AppendHeaders([
            (header::SET_COOKIE, super::invited::set(&st, &draft, &code)),
            (
                header::SET_COOKIE,
                drafts_cookie::remember(&st, &headers, &draft),
            ),
        ]),
        Redirect::to(&paths::section(&survey.about.key, &address, 1)),
    )
        .into_response())
}

async fn resume(
    State(st): State<AppState>,
    headers: HeaderMap,
    Form(fields): Form<Fields>,
) -> Result<Response, FormError> {
    let typed = field(&fields, "code").unwrap_or("").to_string();
    let back_with = |error: &str| {
        let query = form_urlencoded::Serializer::new(String::new())
            .append_pair("error", error)
            .append_pair("code", &typed)
            .finish();
        Redirect::to(&format!("{}?{query}", paths::RESUME)).into_response()
    };
    let code = match ResumeCode::parse(&typed) {
        Ok(code) => code,
        Err(domain::codes::CodeError::Empty) => return Ok(back_with("empty")),
        Err(domain::codes::CodeError::WrongLength(..)) => return Ok(back_with("length")),
        Err(domain::codes::CodeError::BadCharacter) => return Ok(back_with("characters")),
    };
    let Some(draft) = drafts::find(&st.db, &code).await? else {
        return Ok(back_with("not_found"));
    };
    let catalogue = st.catalogue.get(&st.db).await?;
    let wave = catalogue.wave(draft.wave_id).ok_or(FormError::NotFound)?;
    let survey = catalogue
        .survey_by_id(wave.survey_id)
        .ok_or(FormError::NotFound)?;
    if draft.receipt.is_none() && !catalogue.wave_accepts_answers(draft.wave_id) {
        return Ok(Redirect::to(&paths::closed(&survey.about.key)).into_response());
    }
    let areas = &catalogue.areas;
    // The code typed here opens the draft in this browser from now on.
    let address = drafts_cookie::address(&st, &draft.code);
    Ok((
        [(
            header::SET_COOKIE,
            drafts_cookie::remember(&st, &headers, &draft.code),
        )],
        Redirect::to(&continue_path(
            &survey.definition,
            &survey.about.key,
            &draft,
            &address,
            areas,
        )),
    )
        .into_response())
}
