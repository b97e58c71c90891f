//! Inviting residents to a wave: how a sample of the panel is shared out between wards, and
//! when reminders go.

use serde::{Deserialize, Serialize};

/// How many to invite from each stratum (ward) so the sample keeps the panel's spread:
/// `size` shared in proportion to each stratum's members, by largest remainder, never more
/// than a stratum has. A size at or above the total takes everyone.
pub fn allocate(members: &[usize], size: usize) -> Vec<usize> {
    let total: usize = members.iter().sum();
    if size >= total {
        return members.to_vec();
    }
    let quota = |m: usize| (m as u128 * size as u128) as f64 / total as f64;
    let mut shares: Vec<usize> = members.iter().map(|&m| quota(m).floor() as usize).collect();
    let mut left = size - shares.iter().sum::<usize>();
    // Largest remainders first; ties to the bigger stratum, then the earlier one.
    let mut order: Vec<usize> = (0..members.len()).collect();
    order.sort_by(|&a, &b| {
        let (ra, rb) = (quota(members[a]).fract(), quota(members[b]).fract());
        rb.total_cmp(&ra)
            .then(members[b].cmp(&members[a]))
            .then(a.cmp(&b))
    });
    for &i in order.iter().cycle().take(order.len() * 2) {
        if left == 0 {
            break;
        }
        if shares[i] < members[i] {
            shares[i] += 1;
            left -= 1;
        }
    }
    shares
}

/// At most this many reminders per invitation.
pub const MAX_REMINDERS: usize = 2;
/// The latest a reminder may be set for, in days after the invitation.
pub const LATEST_REMINDER_DAY: u32 = 60;

/// Days after the invitation on which reminders go to those who have not answered: none,
/// one or two, strictly later each time.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReminderDays(Vec<u32>);

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReminderError {
    #[error("Enter the number of days as a whole number, like 7")]
    NotANumber,
    #[error("Reminders can be sent from 1 to 60 days after the invitation")]
    OutOfRange,
    #[error("The second reminder must come after the first")]
    NotLater,
}

impl ReminderDays {
    /// From the two optional fields of the invitation form (blank: no reminder). Which
    /// field is wrong comes with the error (0 or 1).
    pub fn parse(first: &str, second: &str) -> Result<Self, (usize, ReminderError)> {
        let mut days = Vec::new();
        for (i, typed) in [first, second].iter().enumerate() {
            let typed = typed.trim();
            if typed.is_empty() {
                continue;
            }
            let d: u32 = typed.parse().map_err(|_| (i, ReminderError::NotANumber))?;
            if !(1..=LATEST_REMINDER_DAY).contains(&d) {
                return Err((i, ReminderError::OutOfRange));
            }
            if days.last().is_some_and(|&last| d <= last) {
                return Err((i, ReminderError::NotLater));
            }
            days.push(d);
        }
        Ok(ReminderDays(days))
    }

    pub fn days(&self) -> &[u32] {
        &self.0
    }

    /// The reminder due at `elapsed_days` after the invitation for someone already sent
    /// `sent` reminders: its number (1 or 2), if one is due.
    pub fn due(&self, sent: usize, elapsed_days: i64) -> Option<usize> {
        let day = *self.0.get(sent)?;
        (elapsed_days >= i64::from(day)).then_some(sent + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_sample_keeps_the_panels_spread() {
        assert_eq!(allocate(&[50, 30, 20], 10), vec![5, 3, 2]);
        assert_eq!(allocate(&[5, 5, 5], 4), vec![2, 1, 1]);
        assert_eq!(allocate(&[1, 99], 10), vec![0, 10]);
        assert_eq!(allocate(&[3, 4], 100), vec![3, 4]);
        assert_eq!(allocate(&[], 5), Vec::<usize>::new());
        assert_eq!(allocate(&[7, 0], 0), vec![0, 0]);
    }

    #[test]
    fn reminders_are_optional_in_order_and_in_range() {
        assert_eq!(ReminderDays::parse("", "").unwrap().days(), &[] as &[u32]);
        assert_eq!(ReminderDays::parse("7", "14").unwrap().days(), &[7, 14]);
        assert_eq!(ReminderDays::parse(" ", "10").unwrap().days(), &[10]);
        assert_eq!(
            ReminderDays::parse("x", ""),
            Err((0, ReminderError::NotANumber))
        );
        assert_eq!(
            ReminderDays::parse("0", ""),
            Err((0, ReminderError::OutOfRange))
        );
        assert_eq!(
            ReminderDays::parse("7", "61"),
            Err((1, ReminderError::OutOfRange))
        );
        assert_eq!(
            ReminderDays::parse("7", "7"),
            Err((1, ReminderError::NotLater))
        );
        let r = ReminderDays::parse("7", "14").unwrap();
        assert_eq!(r.due(0, 6), None);
        assert_eq!(r.due(0, 7), Some(1));
        assert_eq!(r.due(1, 10), None);
        assert_eq!(r.due(1, 30), Some(2));
        assert_eq!(r.due(2, 90), None);
    }

    proptest! {
        #[test]
        fn a_sample_has_its_size_and_fits_every_stratum(
            members in proptest::collection::vec(0usize..500, 0..40),
            size in 0usize..5000,
        ) {
            let shares = allocate(&members, size);
            let total: usize = members.iter().sum();
            prop_assert_eq!(shares.iter().sum::<usize>(), size.min(total));
            for (s, m) in shares.iter().zip(&members) {
                prop_assert!(s <= m);
            }
        }
    }
}
