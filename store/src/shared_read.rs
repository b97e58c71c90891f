//! One read of a small, hot value (a version counter every request checks), shared by the
//! requests that wait for it, never staler than a read of their own.
//!
//! A request may take the answer of any read that *started* after the request arrived: that
//! read saw every commit made before the request, which is all a read of its own could
//! promise. So reads take turns, and each one answers every request that was already
//! waiting when it started. Under a crowd, dozens of requests share one trip to the
//! database; a lone request still makes its own. A failure is not shared: the requests that
//! waited for a read that failed each read again at once, side by side, so an outage costs
//! each request one wait, as before, not a wait for every request ahead of it.

use std::future::Future;
use std::sync::Mutex;
use std::time::Instant;

pub struct SharedRead<T> {
    /// The latest answer, with when its read started.
    last: Mutex<Option<(Instant, T)>>,
    /// When the latest failed read started.
    failed: Mutex<Option<Instant>>,
    /// One read at a time: a request that finds one under way waits for its turn.
    turn: tokio::sync::Mutex<()>,
}

impl<T> Default for SharedRead<T> {
    fn default() -> Self {
        SharedRead {
            last: Mutex::new(None),
            failed: Mutex::new(None),
            turn: tokio::sync::Mutex::new(()),
        }
    }
}

impl<T: Copy> SharedRead<T> {
    /// The value as of a moment after this call began: a read already started since then,
    /// or `read` run now.
    pub async fn get<E, F>(&self, read: impl FnOnce() -> F) -> Result<T, E>
    where
        F: Future<Output = Result<T, E>>,
    {
        let arrived = Instant::now();
        let turn = self.turn.lock().await;
        if let Some(value) = self.started_since(arrived) {
            return Ok(value);
        }
        if self.failed_since(arrived) {
            // The database failed a read begun since this request arrived: reading again in
            // turn would make every waiting request wait out its own failure after the
            // others'. Each reads now, side by side, as it would without sharing.
            drop(turn);
            return read().await;
        }
        let started = Instant::now();
        match read().await {
            Ok(value) => {
                *self.last.lock().expect("shared read lock") = Some((started, value));
                Ok(value)
            }
            Err(e) => {
                *self.failed.lock().expect("shared read lock") = Some(started);
                Err(e)
            }
        }
    }

    fn failed_since(&self, arrived: Instant) -> bool {
        self.failed
            .lock()
            .expect("shared read lock")
            .is_some_and(|started| started >= arrived)
    }

    fn started_since(&self, arrived: Instant) -> Option<T> {
        self.last
            .lock()
            .expect("shared read lock")
            .filter(|(started, _)| *started >= arrived)
            .map(|(_, value)| value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicI64, AtomicUsize, Ordering};
    use std::sync::Arc;

    #[tokio::test]
    async fn requests_waiting_together_share_one_read() {
        let shared = Arc::new(SharedRead::<i64>::default());
        let reads = Arc::new(AtomicUsize::new(0));
        let gate = Arc::new(tokio::sync::Notify::new());
        // A first read holds its turn until the others are waiting.
        let first = {
            let (shared, reads, gate) = (shared.clone(), reads.clone(), gate.clone());
            tokio::spawn(async move {
                shared
                    .get(|| async {
                        reads.fetch_add(1, Ordering::SeqCst);
                        gate.notified().await;
                        Ok::<_, ()>(1)
                    })
                    .await
            })
        };
        tokio::task::yield_now().await;
        let waiting: Vec<_> = (0..10)
            .map(|_| {
                let (shared, reads) = (shared.clone(), reads.clone());
                tokio::spawn(async move {
                    shared
                        .get(|| async {
                            reads.fetch_add(1, Ordering::SeqCst);
                            Ok::<_, ()>(2)
                        })
                        .await
                })
            })
            .collect();
        tokio::task::yield_now().await;
        gate.notify_one();
        assert_eq!(first.await.unwrap(), Ok(1));
        for w in waiting {
            // They arrived while the first read was under way, so it cannot answer them.
            assert_eq!(w.await.unwrap(), Ok(2));
        }
        assert_eq!(reads.load(Ordering::SeqCst), 2, "one read for all ten");
    }

    #[tokio::test]
    async fn a_request_never_takes_a_read_that_began_before_it() {
        let shared = SharedRead::<i64>::default();
        let counter = AtomicI64::new(0);
        for expected in 1..=3 {
            // A change committed between two requests: the second must see it.
            counter.fetch_add(1, Ordering::SeqCst);
            let seen = shared
                .get(|| async { Ok::<_, ()>(counter.load(Ordering::SeqCst)) })
                .await;
            assert_eq!(seen, Ok(expected));
        }
    }

    #[tokio::test]
    async fn requests_waiting_behind_a_failed_read_read_side_by_side() {
        let shared = Arc::new(SharedRead::<i64>::default());
        let gate = Arc::new(tokio::sync::Notify::new());
        let reading = Arc::new(AtomicUsize::new(0));
        let most_at_once = Arc::new(AtomicUsize::new(0));
        // A read that fails once the gate opens.
        let failing = || {
            let (shared, gate) = (shared.clone(), gate.clone());
            tokio::spawn(async move {
                shared
                    .get(|| async {
                        gate.notified().await;
                        Err::<i64, _>("down")
                    })
                    .await
            })
        };
        let first = failing();
        tokio::task::yield_now().await;
        // Arrive while the first read is under way (it cannot answer them), then see a read
        // begun after them fail.
        let second = failing();
        let waiting: Vec<_> = (0..5)
            .map(|_| {
                let (shared, reading, most) =
                    (shared.clone(), reading.clone(), most_at_once.clone());
                tokio::spawn(async move {
                    shared
                        .get(|| async {
                            let now = reading.fetch_add(1, Ordering::SeqCst) + 1;
                            most.fetch_max(now, Ordering::SeqCst);
                            for _ in 0..10 {
                                tokio::task::yield_now().await;
                            }
                            reading.fetch_sub(1, Ordering::SeqCst);
                            Err::<i64, _>("still down")
                        })
                        .await
                })
            })
            .collect();
        tokio::task::yield_now().await;
        gate.notify_one();
        assert_eq!(first.await.unwrap(), Err("down"));
        tokio::task::yield_now().await;
        gate.notify_one();
        assert_eq!(second.await.unwrap(), Err("down"));
        for w in waiting {
            assert_eq!(w.await.unwrap(), Err("still down"));
        }
        assert_eq!(
            most_at_once.load(Ordering::SeqCst),
            5,
            "none waited for another's turn"
        );
    }

    #[tokio::test]
    async fn a_failed_read_is_not_kept() {
        let shared = SharedRead::<i64>::default();
        assert_eq!(shared.get(|| async { Err("down") }).await, Err("down"));
        assert_eq!(shared.get(|| async { Ok::<_, &str>(7) }).await, Ok(7));
    }
}
