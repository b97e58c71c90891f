//! One read of a small, hot value (a version counter every request checks), shared by the
//! requests that wait for it, never staler than a read of their own.
//!
//! A request may take the answer of any read that *started* after the request arrived: that
//! read saw every commit made before the request, which is all a read of its own could
//! promise. So reads take turns, and each one answers every request that was already
//! waiting when it started. Under a crowd, dozens of requests share one trip to the
//! database; a lone request still makes its own.

use std::future::Future;
use std::sync::Mutex;
use std::time::Instant;

pub struct SharedRead<T> {
    /// The latest answer, with when its read started.
    last: Mutex<Option<(Instant, T)>>,
    /// One read at a time: a request that finds one under way waits for its turn.
    turn: tokio::sync::Mutex<()>,
}

impl<T> Default for SharedRead<T> {
    fn default() -> Self {
        SharedRead {
            last: Mutex::new(None),
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
        let _turn = self.turn.lock().await;
        if let Some(value) = self.started_since(arrived) {
            return Ok(value);
        }
        let started = Instant::now();
        let value = read().await?;
        *self.last.lock().expect("shared read lock") = Some((started, value));
        Ok(value)
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
    async fn a_failed_read_is_not_kept() {
        let shared = SharedRead::<i64>::default();
        assert_eq!(shared.get(|| async { Err("down") }).await, Err("down"));
        assert_eq!(shared.get(|| async { Ok::<_, &str>(7) }).await, Ok(7));
    }
}
