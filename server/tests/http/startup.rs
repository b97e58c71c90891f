//! Several apps in one process, as when `cargo test` runs the tests on threads of one process.

use std::time::Duration;

use crate::common::TestApp;

db_test!(
    pages_render_while_another_app_starts,
    |app: TestApp| async move {
        // Building the router is what another test's app does as it starts. It once stalled,
        // forever, any page whose data was first asked for at that moment.
        let state = app.state.clone();
        let starting = tokio::task::spawn_blocking(move || {
            for _ in 0..100 {
                drop(server::startup::router(state.clone()));
            }
        });
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(5))
            .build()
            .unwrap();
        let mut stalled = Vec::new();
        let mut rendered = 0;
        while !starting.is_finished() {
            match client.get(app.url("/")).send().await {
                Ok(res) => {
                    assert!(res.status().is_success());
                    rendered += 1;
                }
                Err(e) => stalled.push(e.to_string()),
            }
        }
        starting.await.unwrap();
        assert!(rendered > 0);
        assert!(stalled.is_empty(), "pages stalled: {stalled:?}");
    }
);
