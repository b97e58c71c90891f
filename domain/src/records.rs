//! The closed sets Kiln stores as short keys: audit actions, wave statuses and the channels a
//! response came through. Stored as text, always written from and read back into these enums
//! (an unknown key is an error, never a silent default), so a typo cannot reach the database.

use serde::{Deserialize, Serialize};

/// Declares an enum stored by key, with `ALL`, `key` and `parse`.
macro_rules! keyed {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $key:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum $name {
            $($(#[$vmeta])* $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The key stored in the database and used in files and addresses.
            pub fn key(self) -> &'static str {
                match self {
                    $($name::$variant => $key),+
                }
            }

            pub fn parse(key: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|v| v.key() == key)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.key())
            }
        }
    };
}
pub(crate) use keyed;

keyed!(
    /// What an audit log entry records.
    AuditAction {
        SignedIn => "signed_in",
        SignedOut => "signed_out",
        SignInFailed => "sign_in_failed",
        SignInRefused => "sign_in_refused",
        Export => "export",
        Publication => "publication",
        WaveChanged => "wave_changed",
        WaveCreated => "wave_created",
        /// A survey's draft saved, or a new survey imported.
        SurveyDraftSaved => "survey_draft_saved",
        SurveyPublished => "survey_published",
        /// A survey's translation into one language saved, in the browser or from a sheet.
        TranslationSaved => "translation_saved",
        UserAdded => "user_added",
        UserChanged => "user_changed",
        SettingChanged => "setting_changed",
        AreasReplaced => "areas_replaced",
        PopulationReplaced => "population_replaced",
        ResponsesImported => "responses_imported",
        PasswordChanged => "password_changed",
        PasswordReset => "password_reset",
        SessionsEnded => "sessions_ended",
        TwoFactorEnabled => "two_factor_enabled",
        TwoFactorDisabled => "two_factor_disabled",
        PasswordResetRequested => "password_reset_requested",
        PasswordResetByLink => "password_reset_by_link",
        MailRetried => "mail_retried",
        UserInvited => "user_invited",
        InvitationAccepted => "invitation_accepted",
        ResidentsInvited => "residents_invited",
        GroupCreated => "group_created",
        GroupChanged => "group_changed",
        EventPlanned => "event_planned",
        EventChanged => "event_changed",
        EventCancelled => "event_cancelled",
        FrameworkValueSaved => "framework_value_saved",
        FrameworkLoaded => "framework_loaded",
        FrameworkPublished => "framework_published",
        FrameworkDueChanged => "framework_due_changed",
        UpdateSaved => "update_saved",
        FrameworkDefinitionSaved => "framework_definition_saved",
    }
);

keyed!(
    /// Whether a wave takes responses.
    WaveStatus {
        Open => "open",
        Closed => "closed",
    }
);

keyed!(
    /// How a response reached Kiln.
    Channel {
        /// A resident on their own device.
        Online => "online",
        /// A paper form, typed in later.
        Paper => "paper",
        /// Collected by a community group (bulk import).
        Group => "group",
        /// A volunteer entering a resident's answers with them.
        Assisted => "assisted",
        /// A resident on a shared device at an event.
        Kiosk => "kiosk",
        /// Captured without a connection and sent later.
        Offline => "offline",
    }
);

impl Channel {
    /// How pages name it, as a phrase in a table cell.
    pub fn label(self) -> &'static str {
        match self {
            Channel::Online => "online",
            Channel::Paper => "paper",
            Channel::Group => "collected by a group (imported)",
            Channel::Assisted => "entered by a volunteer",
            Channel::Kiosk => "kiosk",
            Channel::Offline => "entered offline",
        }
    }
}

impl AuditAction {
    /// How the audit log names it (en-GB), as a phrase in a table cell.
    pub fn label(self) -> &'static str {
        match self {
            AuditAction::SignedIn => "signed in",
            AuditAction::SignedOut => "signed out",
            AuditAction::SignInFailed => "sign-in failed",
            AuditAction::SignInRefused => "sign-in refused",
            AuditAction::Export => "download",
            AuditAction::Publication => "publication",
            AuditAction::WaveChanged => "wave changed",
            AuditAction::WaveCreated => "wave created",
            AuditAction::SurveyDraftSaved => "survey draft saved",
            AuditAction::SurveyPublished => "survey version published",
            AuditAction::TranslationSaved => "translation saved",
            AuditAction::UserAdded => "user added",
            AuditAction::UserChanged => "user changed",
            AuditAction::SettingChanged => "setting changed",
            AuditAction::AreasReplaced => "wards replaced",
            AuditAction::PopulationReplaced => "population replaced",
            AuditAction::ResponsesImported => "responses imported",
            AuditAction::PasswordChanged => "password changed",
            AuditAction::PasswordReset => "password reset by an administrator",
            AuditAction::SessionsEnded => "sessions ended",
            AuditAction::TwoFactorEnabled => "two-factor sign-in turned on",
            AuditAction::TwoFactorDisabled => "two-factor sign-in turned off",
            AuditAction::PasswordResetRequested => "password reset link sent",
            AuditAction::PasswordResetByLink => "password changed by emailed link",
            AuditAction::MailRetried => "email retried",
            AuditAction::UserInvited => "user invited",
            AuditAction::InvitationAccepted => "invitation accepted",
            AuditAction::ResidentsInvited => "residents invited to a survey",
            AuditAction::GroupCreated => "community group created",
            AuditAction::GroupChanged => "community group changed",
            AuditAction::EventPlanned => "event planned",
            AuditAction::EventChanged => "event changed",
            AuditAction::EventCancelled => "event cancelled",
            AuditAction::FrameworkValueSaved => "framework value saved",
            AuditAction::FrameworkLoaded => "framework values loaded from a file",
            AuditAction::FrameworkPublished => "framework values published",
            AuditAction::FrameworkDueChanged => "framework next update changed",
            AuditAction::FrameworkDefinitionSaved => "framework indicator defined",
            AuditAction::UpdateSaved => "\"you said, we did\" update saved",
        }
    }
}

impl Channel {
    /// Channels a bulk import may record (the others come only through their own pages).
    pub const IMPORTABLE: [Channel; 3] = [Channel::Paper, Channel::Group, Channel::Online];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_reads_back_as_itself() {
        for a in AuditAction::ALL {
            assert_eq!(AuditAction::parse(a.key()), Some(*a));
        }
        for s in WaveStatus::ALL {
            assert_eq!(WaveStatus::parse(s.key()), Some(*s));
        }
        for c in Channel::ALL {
            assert_eq!(Channel::parse(c.key()), Some(*c));
        }
        assert_eq!(WaveStatus::parse("Open"), None);
        assert_eq!(Channel::parse(""), None);
    }
}
