//! Inviting residents to a wave from its fieldwork page: the panel (all, or a sample by
//! ward) or an uploaded list, each with up to two reminders; and the progress table.

use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use domain::invitations::ReminderDays;
use store::import::ImportError;
use store::invitations::{self, InviteRefusal, Invited};

use crate::admin::ssr::uploads::SHOWN_PROBLEMS;
use crate::officer::model::{BatchRow, InvitationsView, InviteForm, InviteNotice, InviteRow};
use crate::officer::paths;
use crate::shared::ssr::access::{Routes, Staff};
use crate::shared::ssr::forms::field;
use crate::shared::ssr::staff_forms::{OfficerError, Posted};
use crate::shared::ssr::upload::Upload;
use crate::shared::ssr::when::when;
use crate::shared::ssr::{flash, AppState, ViewError};
use crate::shared::Typed;

/// A list of 20,000 addresses is about a megabyte.
const MAX_UPLOAD: usize = 5 * 1024 * 1024;
/// Where the forms are on the fieldwork page.
const ANCHOR: &str = "#invite";

pub fn router() -> Routes {
    Routes::default()
        .route(paths::INVITE_PANEL, post(invite_panel))
        .route(paths::INVITE_LIST, post(invite_list))
        .map_router(|r| r.layer(DefaultBodyLimit::max(MAX_UPLOAD)))
}

/// Back to the fieldwork page with what the form did.
fn back(st: &AppState, survey: &str, wave: &str, notice: &InviteNotice) -> Response {
    let page = paths::fieldwork(survey, wave);
    (
        [(header::SET_COOKIE, flash::set(st, &page, notice))],
        Redirect::to(&format!("{page}{ANCHOR}")),
    )
        .into_response()
}

/// A refusal naming one field of `form`.
struct Refusal {
    form: InviteForm,
    field: &'static str,
    message: String,
    problems: Vec<String>,
    more: usize,
}

impl Refusal {
    fn new(form: InviteForm, field: &'static str, message: impl Into<String>) -> Self {
        Refusal {
            form,
            field,
            message: message.into(),
            problems: Vec::new(),
            more: 0,
        }
    }

    fn notice(self, typed: Typed) -> InviteNotice {
        InviteNotice::Refused {
            form: self.form,
            field: self.field.to_string(),
            message: self.message,
            problems: self.problems,
            more: self.more,
            typed,
        }
    }
}

/// The reminder fields, read the same way on both forms (ids are prefixed by the form).
fn reminders(
    form: InviteForm,
    fields: &crate::shared::ssr::forms::Fields,
) -> Result<ReminderDays, Refusal> {
    let get = |k| field(fields, k).unwrap_or("");
    ReminderDays::parse(get("first_reminder"), get("second_reminder")).map_err(|(i, e)| {
        let field = match (form, i) {
            (InviteForm::Panel, 0) => "panel-first_reminder",
            (InviteForm::Panel, _) => "panel-second_reminder",
            (InviteForm::List, 0) => "list-first_reminder",
            (InviteForm::List, _) => "list-second_reminder",
        };
        Refusal::new(form, field, e.to_string())
    })
}

fn refused_because(form: InviteForm, why: InviteRefusal) -> Result<Refusal, OfficerError> {
    let field = match form {
        InviteForm::Panel => "panel-who-all",
        InviteForm::List => "list-file",
    };
    Ok(match why {
        InviteRefusal::NoSuchWave => return Err(OfficerError::NotFound),
        InviteRefusal::WaveNotOpen => Refusal::new(
            form,
            field,
            "This wave is closed: open it again before inviting anyone",
        ),
        InviteRefusal::NobodyLeft => Refusal::new(
            form,
            field,
            match form {
                InviteForm::Panel => "Every confirmed panel member has been invited to this wave already",
                InviteForm::List => "Everyone on the list has been invited to this wave already, or asked for no more emails",
            },
        ),
    })
}

fn done(st: &AppState, invited: Invited, what: &str, days: &ReminderDays) -> InviteNotice {
    st.mail.wake.notify_one();
    let skipped = match invited.skipped {
        0 => String::new(),
        n => format!(" {n} left out: invited already, listed twice, or asked for no more emails."),
    };
    InviteNotice::Done(format!(
        "Invited {} {what}.{skipped} {}",
        invited.invited,
        reminder_words(days.days())
    ))
}

fn reminder_words(days: &[u32]) -> String {
    match days {
        [] => "No reminders will be sent.".to_string(),
        [d] => format!("Those who have not answered get a reminder after {d} days."),
        [a, b, ..] => format!("Those who have not answered get reminders after {a} and {b} days."),
    }
}

async fn invite_panel(
    State(st): State<AppState>,
    Path((survey, wave)): Path<(String, String)>,
    p: Posted<Staff>,
) -> Result<Response, OfficerError> {
    let form = InviteForm::Panel;
    let get = |k| field(&p.fields, k).unwrap_or("").to_string();
    let typed = Typed::from_pairs(&[
        ("who", &get("who")),
        ("size", &get("size")),
        ("first_reminder", &get("first_reminder")),
        ("second_reminder", &get("second_reminder")),
    ]);
    let refuse = |r: Refusal| Ok(back(&st, &survey, &wave, &r.notice(typed.clone())));
    let size = match get("who").as_str() {
        "all" => None,
        "sample" => match get("size").trim().parse::<usize>() {
            Ok(n) if n > 0 => Some(n),
            _ => {
                return refuse(Refusal::new(
                    form,
                    "panel-size",
                    "Enter how many members to invite, as a whole number like 200",
                ))
            }
        },
        _ => {
            return refuse(Refusal::new(
                form,
                "panel-who-all",
                "Choose whether to invite the whole panel or a sample",
            ))
        }
    };
    let days = match reminders(form, &p.fields) {
        Ok(d) => d,
        Err(r) => return refuse(r),
    };
    let secret = &st.form_secret;
    match invitations::invite_panel(&st.db, secret, &p.actor(), &survey, &wave, size, &days).await?
    {
        Ok(invited) => {
            let notice = done(&st, invited, "panel members", &days);
            Ok(back(&st, &survey, &wave, &notice))
        }
        Err(why) => refuse(refused_because(form, why)?),
    }
}

async fn invite_list(
    State(st): State<AppState>,
    Path((survey, wave)): Path<(String, String)>,
    up: Upload<Staff>,
) -> Result<Response, OfficerError> {
    let form = InviteForm::List;
    let get = |k| field(&up.fields, k).unwrap_or("").to_string();
    let typed = Typed::from_pairs(&[
        ("first_reminder", &get("first_reminder")),
        ("second_reminder", &get("second_reminder")),
    ]);
    let refuse = |r: Refusal| Ok(back(&st, &survey, &wave, &r.notice(typed.clone())));
    if up.file.is_empty() {
        return refuse(Refusal::new(
            form,
            "list-file",
            "Select a CSV file to upload",
        ));
    }
    let days = match reminders(form, &up.fields) {
        Ok(d) => d,
        Err(r) => return refuse(r),
    };
    let areas = &st.catalogue.get(&st.db).await?.areas;
    let list = match store::invitation_list::parse(&up.file[..], areas) {
        Ok(list) => list,
        Err(ImportError::Store(e)) => return Err(OfficerError::Internal(e)),
        Err(ImportError::File(m)) => {
            return refuse(Refusal::new(
                form,
                "list-file",
                format!("The file cannot be used: {m}. Nobody was invited."),
            ))
        }
        Err(ImportError::Rows(rows)) => {
            let mut r = Refusal::new(
                form,
                "list-file",
                format!(
                    "The file has {} problem{}; nobody was invited. Correct the file and upload it again.",
                    rows.len(),
                    if rows.len() == 1 { "" } else { "s" }
                ),
            );
            r.problems = rows
                .iter()
                .take(SHOWN_PROBLEMS)
                .map(|e| e.to_string())
                .collect();
            r.more = rows.len().saturating_sub(SHOWN_PROBLEMS);
            return refuse(r);
        }
    };
    let secret = &st.form_secret;
    match invitations::invite_list(&st.db, secret, &up.actor(), &survey, &wave, list, &days).await?
    {
        Ok(invited) => {
            let notice = done(&st, invited, "people from the list", &days);
            Ok(back(&st, &survey, &wave, &notice))
        }
        Err(why) => refuse(refused_because(form, why)?),
    }
}

/// The invitations part of a wave's fieldwork page.
pub async fn view(
    st: &AppState,
    wave: &store::entity::wave::Model,
    directory: &store::areas::AreaDirectory,
    page: &str,
) -> Result<InvitationsView, ViewError> {
    let (batches, counts) = invitations::progress(&st.db, wave.id).await?;
    let open = store::drafts::wave_accepts_answers(&st.db, wave.id).await?;
    let members_left = invitations::panel_members_left(&st.db, wave.id).await?;
    let mut rows: Vec<InviteRow> = counts
        .iter()
        .map(|c| InviteRow {
            ward: match &c.ward_code {
                Some(code) => directory.ward_name(code).unwrap_or_else(|| code.clone()),
                None => "No ward given".to_string(),
            },
            invited: c.invited,
            reminded: c.reminded,
            responded: c.responded,
        })
        .collect();
    // Lowest response first: where reminders or other channels are needed most.
    rows.sort_by(|a, b| {
        let rate = |r: &InviteRow| r.responded as f64 / r.invited.max(1) as f64;
        rate(a).total_cmp(&rate(b)).then(a.ward.cmp(&b.ward))
    });
    let totals = rows.iter().fold(
        InviteRow {
            ward: "All".to_string(),
            ..Default::default()
        },
        |mut t, r| {
            t.invited += r.invited;
            t.reminded += r.reminded;
            t.responded += r.responded;
            t
        },
    );
    Ok(InvitationsView {
        open,
        members_left,
        notice: flash::take(st, page),
        batches: batches
            .into_iter()
            .map(|b| BatchRow {
                when: when(b.created_at),
                source: if b.panel {
                    "Residents' panel".to_string()
                } else {
                    "Uploaded list".to_string()
                },
                invited: b.invited,
                reminders: match b.reminder_days.as_slice() {
                    [] => "None".to_string(),
                    [d] => format!("After {d} days"),
                    [a, b, ..] => format!("After {a} and {b} days"),
                },
            })
            .collect(),
        rows,
        totals,
    })
}
