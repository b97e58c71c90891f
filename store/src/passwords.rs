//! New passwords: the domain's rules, and the list of the most common passwords, which is
//! large and lives only on the server (the ranked "passwords" dictionary that ships inside
//! the zxcvbn crate, from leaked-password frequency counts).

use domain::accounts::{check_new_password, EmailAddress, PasswordProblem};
use zxcvbn::matching::patterns::MatchPattern;

/// How far down the ranked list counts as common.
pub const COMMON_RANK: usize = 10_000;

/// Whether the password is, whole (ignoring case and common letter-for-digit swaps), one of
/// the 10,000 most common passwords.
pub fn is_common(password: &str) -> bool {
    if password.is_empty() {
        return false;
    }
    let entropy = zxcvbn::zxcvbn(password, &[]);
    let whole = password.chars().count();
    entropy.sequence().iter().any(|m| {
        m.i == 0
            && m.j + 1 == whole
            && matches!(&m.pattern, MatchPattern::Dictionary(d)
                if is_password_list(&d.dictionary_name) && d.rank <= COMMON_RANK)
    })
}

/// zxcvbn does not export the name of its dictionaries' type, only its Debug form.
fn is_password_list(name: &impl std::fmt::Debug) -> bool {
    format!("{name:?}") == "Passwords"
}

/// Every rule a new password must pass.
pub fn check(password: &str, email: Option<&EmailAddress>) -> Result<(), PasswordProblem> {
    check_new_password(password, email)?;
    if is_common(password) {
        return Err(PasswordProblem::Common);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_most_common_passwords_are_refused() {
        assert!(is_common("qwertyuiop"));
        assert!(is_common("password1"));
        assert!(is_common("Password1"));
        assert!(!is_common("correct horse battery staple"));
        assert_eq!(
            check("qwerty123456", None),
            Err(PasswordProblem::Common),
            "12 characters, and on the list"
        );
        assert!(check("a quiet walk by Trentham lake", None).is_ok());
    }
}
