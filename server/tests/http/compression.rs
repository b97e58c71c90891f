//! What is sent compressed, and how: the pages Kiln renders are gzipped whole
//! (`server::page_gzip`) when the browser allows gzip, everything else by tower-http's layer;
//! both say the answer varies by `Accept-Encoding`. (The site's files: `site_files`.)

use std::io::Read;

use reqwest::header::{ACCEPT_ENCODING, CONTENT_ENCODING, CONTENT_LENGTH, VARY};
use reqwest::StatusCode;

use crate::common::*;

fn gunzip(body: &[u8]) -> String {
    let mut text = String::new();
    flate2::read::GzDecoder::new(body)
        .read_to_string(&mut text)
        .expect("a whole gzip member");
    text
}

/// A page with its script nonce and form token blanked: the two values each request gets
/// afresh.
fn without_per_request_values(page: &str) -> String {
    let mut out = page.to_string();
    for marker in ["nonce=\"", "name=\"token\" value=\""] {
        let mut from = 0;
        while let Some(at) = out[from..].find(marker) {
            let start = from + at + marker.len();
            let end = start + out[start..].find('"').expect("a closing quote");
            out.replace_range(start..end, "");
            from = start;
        }
    }
    out
}

fn varies_by_encoding(res: &reqwest::Response) -> bool {
    res.headers().get_all(VARY).iter().any(|v| {
        v.to_str()
            .unwrap()
            .to_ascii_lowercase()
            .contains("accept-encoding")
    })
}

db_test!(
    pages_are_gzipped_whole_when_the_browser_allows_it,
    |app: TestApp| async move {
        let section = app.begin("wellbeing").await;
        let get = |path: String, encoding: &'static str| {
            app.client
                .get(app.url(&path))
                .header(ACCEPT_ENCODING, encoding)
                .send()
        };

        let plain = get(section.clone(), "identity").await.unwrap();
        assert_eq!(plain.status(), StatusCode::OK);
        assert!(plain.headers().get(CONTENT_ENCODING).is_none());
        assert!(varies_by_encoding(&plain), "a cache must not mix the two");
        let plain = plain.text().await.unwrap();
        assert!(plain.contains("<h1>Where you live</h1>"), "{plain}");

        for asked in ["gzip", "br, gzip", "gzip, deflate, br, zstd", "*"] {
            let res = get(section.clone(), asked).await.unwrap();
            assert_eq!(res.status(), StatusCode::OK, "{asked}");
            assert_eq!(res.headers()[CONTENT_ENCODING], "gzip", "{asked}");
            assert!(varies_by_encoding(&res), "{asked}");
            let length: Option<usize> = res
                .headers()
                .get(CONTENT_LENGTH)
                .map(|l| l.to_str().unwrap().parse().unwrap());
            let body = res.bytes().await.unwrap();
            if let Some(length) = length {
                assert_eq!(length, body.len(), "the length is the compressed body's");
            }
            let page = gunzip(&body);
            assert_eq!(
                without_per_request_values(&page),
                without_per_request_values(&plain),
                "{asked}: the whole page"
            );
            assert!(
                body.len() < plain.len() * 3 / 4,
                "{asked}: {} bytes",
                body.len()
            );
        }

        for refused in ["br", "gzip;q=0, br", "gzip;q=0, *", "identity"] {
            let res = get(section.clone(), refused).await.unwrap();
            assert!(res.headers().get(CONTENT_ENCODING).is_none(), "{refused}");
            assert!(res
                .text()
                .await
                .unwrap()
                .contains("<h1>Where you live</h1>"));
        }

        // Pages of every kind: one not found, too.
        let missing = get("/no-such-page".into(), "gzip").await.unwrap();
        assert_eq!(missing.status(), StatusCode::NOT_FOUND);
        assert_eq!(missing.headers()[CONTENT_ENCODING], "gzip");
        assert!(gunzip(&missing.bytes().await.unwrap()).contains("</html>"));
    }
);

db_test!(
    other_responses_are_still_compressed_by_the_outer_layer,
    |app: TestApp| async move {
        let res = app
            .client
            .get(app.url(app::results::paths::API_OPENAPI))
            .header(ACCEPT_ENCODING, "gzip")
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(res.headers()[CONTENT_ENCODING], "gzip");
        assert!(varies_by_encoding(&res));
        let json: serde_json::Value =
            serde_json::from_str(&gunzip(&res.bytes().await.unwrap())).unwrap();
        assert!(json.get("openapi").is_some());
    }
);
