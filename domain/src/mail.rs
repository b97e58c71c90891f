//! The email Kiln sends: each message as data (what its template needs), how the outbox
//! records its progress, and when a failed send is tried again. Rendering and sending live
//! in the server; this is the part with rules.

use serde::{Deserialize, Serialize};

crate::records::keyed!(
    /// An email list a resident can join.
    ResidentList {
        /// Told when results are published.
        Results => "results",
        /// Asked to take part in surveys.
        Panel => "panel",
    }
);

/// One message, as written to the outbox. Links are held as their tokens (and a results
/// page as its survey and wave): the sender makes the addresses from the app's own paths
/// and the public address it is configured with, so nothing here knows a URL.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Mail {
    /// "Forgotten your password?": a link to choose a new one.
    PasswordReset {
        name: String,
        token: String,
        minutes: u32,
    },
    /// An administrator invites someone to Kiln with a role; the link lets them choose a
    /// password.
    StaffInvitation {
        name: String,
        role: String,
        invited_by: String,
        token: String,
        hours: u32,
    },
    /// "Confirm you want to join": double opt-in to a resident list, nothing else is sent
    /// before.
    JoinConfirmation {
        list: ResidentList,
        token: String,
        leave_token: String,
    },
    /// Results of a wave are published.
    ResultsPublished {
        survey: String,
        wave: String,
        survey_key: String,
        wave_key: String,
        leave_token: String,
    },
    /// An invitation to answer a survey (reminder 0), or a reminder to someone who has not
    /// answered yet (1 or 2), with their single-use access code.
    SurveyInvitation {
        survey: String,
        code: String,
        leave_token: String,
        /// They were invited as a panel member (leaving leaves the panel), not from a list.
        panel: bool,
        reminder: u8,
        minutes: u32,
    },
}

impl Mail {
    /// The template's name (`server/templates/mail/{name}.txt` and `.html`).
    pub fn template(&self) -> &'static str {
        match self {
            Mail::PasswordReset { .. } => "password_reset",
            Mail::StaffInvitation { .. } => "staff_invitation",
            Mail::JoinConfirmation {
                list: ResidentList::Results,
                ..
            } => "updates_confirmation",
            Mail::JoinConfirmation {
                list: ResidentList::Panel,
                ..
            } => "panel_confirmation",
            Mail::ResultsPublished { .. } => "results_published",
            Mail::SurveyInvitation { reminder: 0, .. } => "survey_invitation",
            Mail::SurveyInvitation { .. } => "survey_reminder",
        }
    }

    /// The token of the one-click way to leave a resident's list (sent as
    /// `List-Unsubscribe`); staff messages have none.
    pub fn leave_token(&self) -> Option<&str> {
        match self {
            Mail::JoinConfirmation { leave_token, .. }
            | Mail::ResultsPublished { leave_token, .. }
            | Mail::SurveyInvitation { leave_token, .. } => Some(leave_token),
            _ => None,
        }
    }

    pub fn subject(&self) -> String {
        match self {
            Mail::PasswordReset { .. } => "Choose a new password for Kiln".to_string(),
            Mail::StaffInvitation { .. } => "You are invited to Kiln".to_string(),
            Mail::JoinConfirmation {
                list: ResidentList::Results,
                ..
            } => "Confirm you want emails about survey results".to_string(),
            Mail::JoinConfirmation {
                list: ResidentList::Panel,
                ..
            } => "Confirm you want to join the residents' panel".to_string(),
            Mail::ResultsPublished { survey, wave, .. } => {
                format!("New results: {survey}, {wave}")
            }
            Mail::SurveyInvitation {
                survey,
                reminder: 0,
                ..
            } => format!("Please take part: {survey}"),
            Mail::SurveyInvitation { survey, .. } => {
                format!("Reminder: please take part: {survey}")
            }
        }
    }

    /// What the administrators' outbox page calls it.
    pub fn label(&self) -> &'static str {
        match self {
            Mail::PasswordReset { .. } => "password reset",
            Mail::StaffInvitation { .. } => "staff invitation",
            Mail::JoinConfirmation {
                list: ResidentList::Results,
                ..
            } => "results updates: confirmation",
            Mail::JoinConfirmation {
                list: ResidentList::Panel,
                ..
            } => "residents' panel: confirmation",
            Mail::ResultsPublished { .. } => "results updates: new results",
            Mail::SurveyInvitation { reminder: 0, .. } => "survey invitation",
            Mail::SurveyInvitation { .. } => "survey reminder",
        }
    }

    /// The message with its tokens taken out: what the outbox keeps once it is sent, so
    /// that a copy of the database holds no working link.
    pub fn redacted(&self) -> Mail {
        let mut kept = self.clone();
        let tokens: Vec<&mut String> = match &mut kept {
            Mail::PasswordReset { token, .. } | Mail::StaffInvitation { token, .. } => {
                vec![token]
            }
            Mail::JoinConfirmation {
                token, leave_token, ..
            } => vec![token, leave_token],
            Mail::ResultsPublished { leave_token, .. } => vec![leave_token],
            Mail::SurveyInvitation {
                code, leave_token, ..
            } => vec![code, leave_token],
        };
        for t in tokens {
            *t = "[sent]".to_string();
        }
        kept
    }
}

crate::records::keyed!(
    /// Where a message is in the outbox.
    OutboxStatus {
        /// Waiting to be sent (first time, or again after a temporary failure).
        Queued => "queued",
        /// Taken by a process that is sending it now.
        Sending => "sending",
        /// Accepted by the mail server.
        Sent => "sent",
        /// Written to the mail folder because no mail server is configured: not sent.
        Written => "written",
        /// Refused for good, or still failing after every retry: an administrator may retry.
        Failed => "failed",
    }
);

/// How many times a message is tried before it counts as failed.
pub const MAX_ATTEMPTS: u32 = 8;

/// Seconds to wait before trying a message again after its `attempts`-th temporary failure:
/// two minutes, then doubling, at most six hours: a mail server down for up to about four
/// hours loses nothing.
pub fn retry_delay(attempts: u32) -> i64 {
    let doubled = 120_i64.saturating_mul(1_i64 << attempts.saturating_sub(1).min(20));
    doubled.min(6 * 60 * 60)
}

/// What a failed send means for the message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Failure {
    /// Worth trying again later: a connection refused or timed out, a 4xx reply.
    Temporary,
    /// Will fail again: a 5xx reply (no such mailbox, refused as spam).
    Permanent,
}

impl Failure {
    /// From an SMTP reply code, if the server gave one (none: the connection failed).
    pub fn from_reply(code: Option<u16>) -> Failure {
        match code {
            Some(c) if (500..600).contains(&c) => Failure::Permanent,
            _ => Failure::Temporary,
        }
    }
}

/// After a failed send: the status it takes and when it is tried next.
pub fn after_failure(failure: Failure, attempts: u32, now: i64) -> (OutboxStatus, Option<i64>) {
    match failure {
        Failure::Permanent => (OutboxStatus::Failed, None),
        Failure::Temporary if attempts >= MAX_ATTEMPTS => (OutboxStatus::Failed, None),
        Failure::Temporary => (OutboxStatus::Queued, Some(now + retry_delay(attempts))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_wait_longer_each_time_up_to_six_hours() {
        assert_eq!(retry_delay(1), 120);
        assert_eq!(retry_delay(2), 240);
        assert_eq!(retry_delay(3), 480);
        assert_eq!(retry_delay(30), 6 * 60 * 60);
        let total: i64 = (1..MAX_ATTEMPTS).map(retry_delay).sum();
        assert!(total > 4 * 60 * 60 && total < 5 * 60 * 60, "{total}");
    }

    #[test]
    fn five_hundreds_stop_and_the_rest_are_retried() {
        assert_eq!(Failure::from_reply(Some(550)), Failure::Permanent);
        assert_eq!(Failure::from_reply(Some(451)), Failure::Temporary);
        assert_eq!(Failure::from_reply(None), Failure::Temporary);
        assert_eq!(
            after_failure(Failure::Permanent, 1, 0),
            (OutboxStatus::Failed, None)
        );
        assert_eq!(
            after_failure(Failure::Temporary, 1, 1000),
            (OutboxStatus::Queued, Some(1120))
        );
        assert_eq!(
            after_failure(Failure::Temporary, MAX_ATTEMPTS, 0),
            (OutboxStatus::Failed, None)
        );
    }

    #[test]
    fn a_sent_message_keeps_no_working_link() {
        let mail = Mail::PasswordReset {
            name: "Jo".into(),
            token: "SECRETTOKEN".into(),
            minutes: 30,
        };
        let kept = serde_json::to_string(&mail.redacted()).unwrap();
        assert!(!kept.contains("SECRETTOKEN"));
        assert!(kept.contains("\"token\":\"[sent]\""));
        let joining = Mail::JoinConfirmation {
            list: ResidentList::Panel,
            token: "CONFIRMTOKEN".into(),
            leave_token: "LEAVETOKEN".into(),
        };
        let kept = serde_json::to_string(&joining.redacted()).unwrap();
        assert!(!kept.contains("CONFIRMTOKEN") && !kept.contains("LEAVETOKEN"));
    }

    #[test]
    fn messages_read_back_as_written() {
        let mail = Mail::StaffInvitation {
            name: "Sam".into(),
            role: "officer".into(),
            invited_by: "Jo".into(),
            token: "T".into(),
            hours: 72,
        };
        let json = serde_json::to_string(&mail).unwrap();
        assert!(json.contains("\"kind\":\"staff_invitation\""));
        assert_eq!(serde_json::from_str::<Mail>(&json).unwrap(), mail);
    }
}
