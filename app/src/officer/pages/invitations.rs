//! The fieldwork page's invitations: inviting the panel or an uploaded list, with up to two
//! reminders, and how many were invited, reminded and answered, by ward.

use leptos::prelude::*;

use crate::officer::model::{InvitationsView, InviteForm, InviteNotice, InviteRow};
use crate::officer::paths;
use crate::shared::components::error_summary::FieldErrorMessage;
use crate::shared::components::{CsvFileField, ErrorItem, InputField, StatusNotice};
use crate::shared::Typed;

/// The problem the last invitation post had, for the page's error summary.
pub fn invitation_errors(v: &InvitationsView) -> Vec<ErrorItem> {
    match &v.notice {
        Some(InviteNotice::Refused { field, message, .. }) => vec![ErrorItem {
            field_id: field.clone(),
            message: message.clone(),
        }],
        _ => Vec::new(),
    }
}

#[component]
pub fn InvitationsSection(
    v: InvitationsView,
    survey_key: String,
    wave_key: String,
    csrf: String,
) -> impl IntoView {
    let (refused_form, field, message, problems, more, typed) = match v.notice.clone() {
        Some(InviteNotice::Refused {
            form,
            field,
            message,
            problems,
            more,
            typed,
        }) => (Some(form), field, Some(message), problems, more, typed),
        _ => (None, String::new(), None, Vec::new(), 0, Typed::default()),
    };
    let done = match &v.notice {
        Some(InviteNotice::Done(m)) => Some(m.clone()),
        _ => None,
    };
    // The message goes beside the field it is about; what was typed goes back in the form
    // that was sent.
    let error_for = |id: &str| (field == id).then(|| message.clone()).flatten();
    let typed_for = |form: InviteForm, k: &str| {
        (refused_form == Some(form))
            .then(|| typed.get(k))
            .flatten()
            .unwrap_or_default()
    };
    let who = typed_for(InviteForm::Panel, "who");
    let reminders = |form: InviteForm, prefix: &'static str| {
        let (first, second): (&'static str, &'static str) = match prefix {
            "panel" => ("panel-first_reminder", "panel-second_reminder"),
            _ => ("list-first_reminder", "list-second_reminder"),
        };
        view! {
            <InputField
                id=first
                name="first_reminder"
                label="First reminder, in days after the invitation (optional)"
                kind="text"
                autocomplete="off"
                hint="Sent only to those who have not answered, while the wave is open. For example 7."
                error=error_for(first)
                value=typed_for(form, "first_reminder")
                class="input input-width-3"
            />
            <InputField
                id=second
                name="second_reminder"
                label="Second reminder, in days after the invitation (optional)"
                kind="text"
                autocomplete="off"
                error=error_for(second)
                value=typed_for(form, "second_reminder")
                class="input input-width-3"
            />
        }
    };
    let who_error = error_for("panel-who-all");
    let size_error = error_for("panel-size");
    let file_error = error_for("list-file");
    let who_class = group_class(&who_error);
    view! {
        <h2 id="invite">"Invite residents"</h2>
        <StatusNotice message=done />
        <p>
            "Each person invited gets an email with a link and an access code that works once. Their answers are never linked to them, their address or the code: the code records only that it was used, and the date. Every email has a one-click way to stop them."
        </p>
        {if v.open {
            view! {
                <h3>"The residents' panel"</h3>
                <form method="post" action=paths::invite_panel(&survey_key, &wave_key) novalidate>
                    <input type="hidden" name="csrf" value=csrf.clone() />
                    <div class=who_class>
                        <fieldset class="fieldset">
                            <legend class="fieldset-legend">"Whom to invite"</legend>
                            <FieldErrorMessage
                                id="panel-who-all-error".to_string()
                                message=who_error
                            />
                            <div class="radios">
                                <div class="radio">
                                    <input
                                        class="radio-input"
                                        type="radio"
                                        id="panel-who-all"
                                        name="who"
                                        value="all"
                                        checked=who == "all"
                                    />
                                    <label class="radio-label" for="panel-who-all">
                                        {format!(
                                            "Every panel member not yet invited to this wave ({})",
                                            v.members_left,
                                        )}
                                    </label>
                                </div>
                                <div class="radio">
                                    <input
                                        class="radio-input"
                                        type="radio"
                                        id="panel-who-sample"
                                        name="who"
                                        value="sample"
                                        checked=who == "sample"
                                    />
                                    <label class="radio-label" for="panel-who-sample">
                                        "A sample, shared out between wards as the panel is"
                                    </label>
                                </div>
                            </div>
                        </fieldset>
                    </div>
                    <InputField
                        id="panel-size"
                        name="size"
                        label="Size of the sample"
                        kind="text"
                        autocomplete="off"
                        hint="Only for a sample. Members are chosen at random within each ward."
                        error=size_error
                        value=typed_for(InviteForm::Panel, "size")
                        class="input input-width-5"
                    />
                    {reminders(InviteForm::Panel, "panel")}
                    <button class="button" type="submit">
                        "Invite the panel"
                    </button>
                </form>
                <h3>"A list of addresses"</h3>
                <form
                    method="post"
                    action=paths::invite_list(&survey_key, &wave_key)
                    enctype="multipart/form-data"
                    novalidate
                >
                    <input type="hidden" name="csrf" value=csrf.clone() />
                    <CsvFileField
                        id="list-file"
                        label="CSV file of addresses"
                        hint="A column named email and, if you know it, one named ward (the ward's code or name). Addresses already invited to this wave, or that asked for no more emails, are left out. The addresses are deleted when the wave closes."
                        error=file_error
                        problems=problems
                        more=more
                    />
                    {reminders(InviteForm::List, "list")}
                    <button class="button" type="submit">
                        "Invite the list"
                    </button>
                </form>
            }
                .into_any()
        } else {
            view! {
                <div class="inset">
                    "This wave is closed, so nobody more can be invited and no reminders are sent. Uploaded addresses were deleted when it closed."
                </div>
            }
                .into_any()
        }}
        <Progress v=v.clone() />
    }
}

fn group_class(error: &Option<String>) -> &'static str {
    if error.is_some() {
        "form-group form-group-error"
    } else {
        "form-group"
    }
}

#[component]
fn Progress(v: InvitationsView) -> impl IntoView {
    if v.batches.is_empty() {
        return view! { <p>"Nobody has been invited to this wave yet."</p> }.into_any();
    }
    let row = |r: InviteRow, total: bool| {
        view! {
            <tr>
                <th scope="row">
                    {if total {
                        view! { <strong>{r.ward.clone()}</strong> }.into_any()
                    } else {
                        r.ward.clone().into_any()
                    }}
                </th>
                <td class="num">{r.invited}</td>
                <td class="num">{r.reminded}</td>
                <td class="num">{r.responded}</td>
            </tr>
        }
    };
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label="Invitations sent">
            <table class="table">
                <caption class="table-caption">"Invitations sent"</caption>
                <thead>
                    <tr>
                        <th scope="col">"When"</th>
                        <th scope="col">"From"</th>
                        <th scope="col" class="num">
                            "Invited"
                        </th>
                        <th scope="col">"Reminders"</th>
                    </tr>
                </thead>
                <tbody>
                    {v
                        .batches
                        .into_iter()
                        .map(|b| {
                            view! {
                                <tr>
                                    <td>{b.when}</td>
                                    <td>{b.source}</td>
                                    <td class="num">{b.invited}</td>
                                    <td>{b.reminders}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
        <div
            class="table-wrap"
            tabindex="0"
            role="region"
            aria-label="Invited, reminded and responded by ward"
        >
            <table class="table" data-testid="invitations-by-ward">
                <caption class="table-caption">
                    "Invited, reminded and responded by ward (lowest response first)"
                </caption>
                <thead>
                    <tr>
                        <th scope="col">"Ward"</th>
                        <th scope="col" class="num">
                            "Invited"
                        </th>
                        <th scope="col" class="num">
                            "Reminded"
                        </th>
                        <th scope="col" class="num">
                            "Responded"
                        </th>
                    </tr>
                </thead>
                <tbody>
                    {v.rows.into_iter().map(|r| row(r, false)).collect_view()} {row(v.totals, true)}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}
