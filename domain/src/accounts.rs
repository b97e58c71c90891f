//! Accounts: roles, email addresses, password rules, session lifetimes and the sign-in
//! throttle. Pure rules; hashing and storage live in the store.

use serde::{Deserialize, Serialize};

/// What a signed-in person may do. Council staff (administrators and officers) see the
/// whole council's work; community group organisers and volunteers belong to one group and
/// see only its events, people and entries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Administrator,
    Officer,
    /// Runs a community group: plans its events and invites its volunteers.
    Organiser,
    /// Helps at a group's events: enters residents' answers with them.
    Volunteer,
}

impl Role {
    pub const ALL: [Role; 4] = [
        Role::Administrator,
        Role::Officer,
        Role::Organiser,
        Role::Volunteer,
    ];
    /// The council's own staff, who have no group.
    pub const STAFF: [Role; 2] = [Role::Administrator, Role::Officer];
    /// People of a community group: their account always names the group.
    pub const GROUP: [Role; 2] = [Role::Organiser, Role::Volunteer];

    pub fn key(self) -> &'static str {
        match self {
            Role::Administrator => "administrator",
            Role::Officer => "officer",
            Role::Organiser => "organiser",
            Role::Volunteer => "volunteer",
        }
    }

    pub fn parse(key: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            Role::Administrator => "Administrator",
            Role::Officer => "Officer",
            Role::Organiser => "Organiser",
            Role::Volunteer => "Volunteer",
        }
    }

    /// Council staff: the officers' pages (results of unpublished waves, fieldwork,
    /// exports of indicators).
    pub fn is_staff(self) -> bool {
        match self {
            Role::Administrator | Role::Officer => true,
            Role::Organiser | Role::Volunteer => false,
        }
    }

    /// Users, areas, population, groups, the audit log and raw responses.
    pub fn administers(self) -> bool {
        self == Role::Administrator
    }

    /// Plans a group's events and invites its volunteers.
    pub fn organises(self) -> bool {
        self == Role::Organiser
    }
}

/// What is wrong with a typed email address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EmailProblem {
    Missing,
    Format,
    /// Another account has it (found by the store, not here).
    Taken,
}

/// What is wrong with a person's name on an account.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameProblem {
    Missing,
    TooLong,
}

/// What is wrong with a new password.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PasswordProblem {
    TooShort,
    TooLong,
    OneCharacterRepeated,
    ContainsEmail,
    /// One of the 10,000 most common passwords (checked by the store, which holds the list).
    Common,
    /// The same as the password it replaces.
    Unchanged,
    /// The two copies typed differ.
    Mismatch,
}

/// Codes for the problems, as forms send them back to their pages (never the words).
macro_rules! coded {
    ($t:ty { $($v:ident => $c:literal),+ $(,)? }) => {
        impl $t {
            pub fn code(self) -> &'static str {
                match self { $(Self::$v => $c),+ }
            }
            pub fn from_code(code: &str) -> Option<Self> {
                [$(Self::$v),+].into_iter().find(|p| p.code() == code)
            }
        }
    };
}

coded!(EmailProblem { Missing => "missing", Format => "format", Taken => "taken" });
coded!(NameProblem { Missing => "missing", TooLong => "too_long" });
coded!(PasswordProblem {
    TooShort => "too_short",
    TooLong => "too_long",
    OneCharacterRepeated => "repeated",
    ContainsEmail => "contains_email",
    Common => "common",
    Unchanged => "unchanged",
    Mismatch => "mismatch",
});

/// An email address, trimmed and lower-cased, so that sign-in ignores case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmailAddress(String);

impl EmailAddress {
    pub fn parse(text: &str) -> Result<EmailAddress, EmailProblem> {
        let t = text.trim().to_lowercase();
        if t.is_empty() {
            return Err(EmailProblem::Missing);
        }
        let valid = t.len() <= 254
            && !t.chars().any(|c| c.is_whitespace() || c.is_control())
            && match t.split_once('@') {
                Some((local, host)) => {
                    !local.is_empty()
                        && local.len() <= 64
                        && !host.contains('@')
                        && host.contains('.')
                        && !host.starts_with('.')
                        && !host.ends_with('.')
                        && !host.contains("..")
                }
                None => false,
            };
        if valid {
            Ok(EmailAddress(t))
        } else {
            Err(EmailProblem::Format)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A person's name on an account: trimmed, 1 to 100 characters.
pub fn check_name(name: &str) -> Result<&str, NameProblem> {
    let name = name.trim();
    if name.is_empty() {
        Err(NameProblem::Missing)
    } else if name.chars().count() > 100 {
        Err(NameProblem::TooLong)
    } else {
        Ok(name)
    }
}

pub const PASSWORD_MIN: usize = 12;
pub const PASSWORD_MAX: usize = 128;

/// Length is what makes a password strong (NCSC advice): no composition rules, but not
/// the email address, not one character repeated, and not absurdly long. (The store also
/// refuses the most common passwords.)
pub fn check_new_password(
    password: &str,
    email: Option<&EmailAddress>,
) -> Result<(), PasswordProblem> {
    let chars = password.chars().count();
    if chars < PASSWORD_MIN {
        return Err(PasswordProblem::TooShort);
    }
    if chars > PASSWORD_MAX {
        return Err(PasswordProblem::TooLong);
    }
    let first = password.chars().next();
    if password.chars().all(|c| Some(c) == first) {
        return Err(PasswordProblem::OneCharacterRepeated);
    }
    if email.is_some_and(|e| password.to_lowercase().contains(e.as_str())) {
        return Err(PasswordProblem::ContainsEmail);
    }
    Ok(())
}

/// How long a session lasts: ended after `idle` seconds without a request, and after
/// `absolute` seconds whatever happens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SessionLimits {
    pub idle: i64,
    pub absolute: i64,
}

impl Default for SessionLimits {
    fn default() -> Self {
        SessionLimits {
            idle: 30 * 60,
            absolute: 12 * 60 * 60,
        }
    }
}

impl SessionLimits {
    pub fn is_live(&self, created_at: i64, last_seen_at: i64, now: i64) -> bool {
        now - last_seen_at < self.idle && now - created_at < self.absolute
    }
}

/// Failed sign-ins counted over this window.
pub const THROTTLE_WINDOW: i64 = 15 * 60;

/// Recent failed sign-ins that bear on one attempt.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RecentFailures {
    /// For this account from this address.
    pub account_and_address: u32,
    /// For this account from anywhere.
    pub account: u32,
    /// From this address for any account.
    pub address: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gate {
    /// Check the password, after this many milliseconds.
    Allow { delay_ms: u64 },
    /// Do not check the password at all for now, for this reason.
    Refuse(Refusal),
}

/// Why a sign-in was refused without checking the password: each is said to the person as
/// it is, so that nobody is told their account is locked when it is their network.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Five failures for this account from this address.
    ThisAccountFromHere,
    /// Many failures for this account from elsewhere, and at least one from here.
    AccountUnderAttack,
    /// Many failures from this address, at least one of them for this account.
    BusyAddress,
}

pub const LIMIT_ACCOUNT_AND_ADDRESS: u32 = 5;
pub const LIMIT_ACCOUNT: u32 = 20;
pub const LIMIT_ADDRESS: u32 = 100;

/// Slows guessing, then stops it for a while. `f` counts the failures before this attempt.
///
/// Five failures for one account from one address stop that pair. The looser locks (20 for
/// an account from anywhere, 100 from an address for any account) stop only a pair that has
/// failed at least once: a correct password from a place that has not failed for that
/// account still gets in, so nobody can lock a colleague out from elsewhere, and an office
/// behind one address is not locked out by one person's mistakes. An attacker spread over
/// many addresses gets one guess per address per window.
pub fn sign_in_gate(f: RecentFailures) -> Gate {
    let failed_here = f.account_and_address > 0;
    if f.account_and_address >= LIMIT_ACCOUNT_AND_ADDRESS {
        return Gate::Refuse(Refusal::ThisAccountFromHere);
    }
    if failed_here && f.account >= LIMIT_ACCOUNT {
        return Gate::Refuse(Refusal::AccountUnderAttack);
    }
    if failed_here && f.address >= LIMIT_ADDRESS {
        return Gate::Refuse(Refusal::BusyAddress);
    }
    let worst = f.account_and_address.max(f.account / 4).min(8);
    Gate::Allow {
        delay_ms: match worst {
            0 | 1 => 0,
            n => 250 * u64::from(n - 1),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_normalised_and_checked() {
        assert_eq!(
            EmailAddress::parse("  Jo.Bloggs@Stoke.GOV.uk ")
                .unwrap()
                .as_str(),
            "jo.bloggs@stoke.gov.uk"
        );
        for bad in [
            "",
            "jo",
            "jo@",
            "@x.uk",
            "jo@localhost",
            "jo@x..uk",
            "j o@x.uk",
            "a@b@c.uk",
        ] {
            assert!(EmailAddress::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn passwords_need_length_not_tricks() {
        let e = EmailAddress::parse("jo@stoke.gov.uk").unwrap();
        assert!(check_new_password("correct horse battery", Some(&e)).is_ok());
        assert!(check_new_password("short", None).is_err());
        assert!(check_new_password(&"a".repeat(20), Some(&e)).is_err());
        assert!(check_new_password("jo@stoke.gov.uk!!", Some(&e)).is_err());
        assert!(check_new_password(&"ab".repeat(65), Some(&e)).is_err());
        assert_eq!(
            check_new_password("short", None),
            Err(PasswordProblem::TooShort)
        );
        for p in [PasswordProblem::Common, PasswordProblem::Mismatch] {
            assert_eq!(PasswordProblem::from_code(p.code()), Some(p));
        }
    }

    #[test]
    fn sessions_end_when_idle_or_old() {
        let l = SessionLimits::default();
        assert!(l.is_live(0, 0, 60));
        assert!(!l.is_live(0, 0, 30 * 60));
        assert!(l.is_live(0, 11 * 3600, 11 * 3600 + 60));
        assert!(!l.is_live(0, 12 * 3600 - 10, 12 * 3600));
    }

    #[test]
    fn the_gate_slows_then_refuses_per_account() {
        let f = |p, a, i| RecentFailures {
            account_and_address: p,
            account: a,
            address: i,
        };
        assert_eq!(sign_in_gate(f(0, 0, 0)), Gate::Allow { delay_ms: 0 });
        assert_eq!(sign_in_gate(f(3, 3, 3)), Gate::Allow { delay_ms: 500 });
        assert_eq!(
            sign_in_gate(f(5, 5, 5)),
            Gate::Refuse(Refusal::ThisAccountFromHere)
        );
        // Colleagues behind the same address are not refused for one person's failures.
        assert_eq!(sign_in_gate(f(0, 0, 40)), Gate::Allow { delay_ms: 0 });
        assert_eq!(
            sign_in_gate(f(1, 20, 20)),
            Gate::Refuse(Refusal::AccountUnderAttack)
        );
        assert_eq!(
            sign_in_gate(f(1, 1, 100)),
            Gate::Refuse(Refusal::BusyAddress)
        );
    }

    #[test]
    fn a_place_that_has_not_failed_gets_a_try_through_the_looser_locks() {
        let f = |p, a, i| RecentFailures {
            account_and_address: p,
            account: a,
            address: i,
        };
        // Someone else has failed 20 times for this account, elsewhere: the owner, from a
        // place that has not failed, may still try (slowly).
        assert!(matches!(sign_in_gate(f(0, 20, 0)), Gate::Allow { .. }));
        // An office address with 100 failures for other accounts.
        assert!(matches!(sign_in_gate(f(0, 0, 100)), Gate::Allow { .. }));
        // The delay never grows past two seconds.
        assert_eq!(sign_in_gate(f(0, 400, 0)), Gate::Allow { delay_ms: 1750 });
    }
}
