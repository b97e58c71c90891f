//! The time, as one value every request and background task asks. The server runs on the
//! system clock; tests run on a fixed clock they move forward, so that sessions expire,
//! codes go stale and waves open without anyone editing rows.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use chrono::{DateTime, NaiveDate};

#[derive(Clone, Debug, Default)]
pub struct Clock {
    /// Unix seconds, when fixed; the system clock when None.
    fixed: Option<Arc<AtomicI64>>,
}

impl Clock {
    pub fn system() -> Clock {
        Clock { fixed: None }
    }

    /// A clock standing at `secs` (Unix seconds) until `advance` moves it.
    pub fn fixed_at(secs: i64) -> Clock {
        Clock {
            fixed: Some(Arc::new(AtomicI64::new(secs))),
        }
    }

    /// A clock standing at noon (UTC) on `day`.
    pub fn fixed_on(day: NaiveDate) -> Clock {
        let noon = day.and_hms_opt(12, 0, 0).expect("noon exists");
        Clock::fixed_at(noon.and_utc().timestamp())
    }

    /// The time now, in Unix seconds, as accounts, sessions and the audit log keep it.
    pub fn now(&self) -> i64 {
        match &self.fixed {
            Some(at) => at.load(Ordering::SeqCst),
            None => chrono::Utc::now().timestamp(),
        }
    }

    /// Today's date (UTC): responses keep the date only, never the time.
    pub fn today(&self) -> NaiveDate {
        date_of(self.now())
    }

    /// Moves a fixed clock forward; every copy of it moves together.
    ///
    /// # Panics
    /// On the system clock, which nobody moves.
    pub fn advance(&self, secs: i64) {
        self.fixed
            .as_ref()
            .expect("only a fixed clock can be moved")
            .fetch_add(secs, Ordering::SeqCst);
    }
}

/// The date (UTC) of a moment in Unix seconds.
pub fn date_of(secs: i64) -> NaiveDate {
    DateTime::from_timestamp(secs, 0)
        .unwrap_or_default()
        .date_naive()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_clock_moves_only_when_advanced_and_copies_move_together() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        let clock = Clock::fixed_on(day);
        let copy = clock.clone();
        assert_eq!(clock.today(), day);
        let before = clock.now();
        clock.advance(13 * 3600);
        assert_eq!(copy.now(), before + 13 * 3600);
        assert_eq!(copy.today(), day.succ_opt().unwrap());
    }

    #[test]
    fn system_clock_reads_the_real_time() {
        let real = chrono::Utc::now().timestamp();
        assert!((Clock::system().now() - real).abs() <= 1);
    }
}
