//! The site's own files: named by their content's hash, sent as stored (brotli or gzip) and
//! kept by browsers for a year; and which pages load the wasm.

use std::sync::LazyLock;

use reqwest::header::{
    ACCEPT_ENCODING, CACHE_CONTROL, CONTENT_ENCODING, CONTENT_TYPE, ETAG, IF_NONE_MATCH, VARY,
};
use reqwest::StatusCode;

use crate::common::TestApp;

/// A built site as `scripts/build` leaves it: hashed names, each stored compressed too.
static SITE: LazyLock<tempfile::TempDir> = LazyLock::new(|| {
    let dir = tempfile::tempdir().unwrap();
    let pkg = dir.path().join("pkg");
    std::fs::create_dir_all(&pkg).unwrap();
    let files = [
        ("kiln.00000000000000aa.js", "js"),
        ("kiln.00000000000000aa_bg.wasm", "wasm"),
        ("kiln.00000000000000cc.css", "css"),
        ("enhance.00000000000000dd.js", "enhance"),
    ];
    for (name, kind) in files {
        std::fs::write(pkg.join(name), format!("/* {kind}: as written */")).unwrap();
        std::fs::write(pkg.join(format!("{name}.br")), format!("{kind} in brotli")).unwrap();
        std::fs::write(pkg.join(format!("{name}.gz")), format!("{kind} in gzip")).unwrap();
    }
    std::fs::write(pkg.join("plain.txt"), "not hashed").unwrap();
    std::fs::write(
        dir.path().join("hash.txt"),
        "app: 00000000000000aa\ncss: 00000000000000cc\nenhance: 00000000000000dd\n",
    )
    .unwrap();
    dir
});

fn with_site(b: crate::common::TestAppBuilder) -> crate::common::TestAppBuilder {
    let root = SITE.path().to_string_lossy().to_string();
    b.configure(move |c| c.site_root = root)
}

db_test!(
    site_files_are_sent_as_stored_and_kept_for_a_year,
    with_site,
    |app: TestApp| async move {
        let css = app.url("/pkg/kiln.00000000000000cc.css");
        let get = |encoding: &'static str| {
            app.client
                .get(&css)
                .header(ACCEPT_ENCODING, encoding)
                .send()
        };
        let br = get("gzip, deflate, br").await.unwrap();
        assert_eq!(br.status(), StatusCode::OK);
        assert_eq!(br.headers()[CONTENT_ENCODING], "br");
        assert_eq!(
            br.headers()[CACHE_CONTROL],
            "public, max-age=31536000, immutable"
        );
        let etag = br.headers()[ETAG].clone();
        assert_eq!(br.headers()[VARY], "accept-encoding");
        assert_eq!(br.headers()[CONTENT_TYPE], "text/css; charset=utf-8");
        assert_eq!(br.text().await.unwrap(), "css in brotli");

        let gz = get("gzip").await.unwrap();
        assert_eq!(gz.headers()[CONTENT_ENCODING], "gzip");
        assert_eq!(gz.text().await.unwrap(), "css in gzip");

        let plain = get("identity").await.unwrap();
        assert!(plain.headers().get(CONTENT_ENCODING).is_none());
        assert_eq!(plain.text().await.unwrap(), "/* css: as written */");

        // A browser that asks again about the copy it has gets nothing to download.
        let again = app
            .client
            .get(&css)
            .header(ACCEPT_ENCODING, "br")
            .header(IF_NONE_MATCH, etag)
            .send()
            .await
            .unwrap();
        assert_eq!(again.status(), StatusCode::NOT_MODIFIED);

        // A name without a hash may change under the same address: always ask.
        let unhashed = app
            .client
            .get(app.url("/pkg/plain.txt"))
            .send()
            .await
            .unwrap();
        assert_eq!(unhashed.headers()[CACHE_CONTROL], "no-cache");
        let refused = app
            .client
            .get(&css)
            .header(ACCEPT_ENCODING, "gzip, br;q=0")
            .send()
            .await
            .unwrap();
        assert_eq!(refused.headers()[CONTENT_ENCODING], "gzip");
        let missing = app
            .client
            .get(app.url("/pkg/kiln.0000000000000000.css"))
            .send()
            .await
            .unwrap();
        assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    }
);

db_test!(
    only_staff_pages_load_the_wasm,
    with_site,
    |app: TestApp| async move {
        for path in ["/", "/surveys/wellbeing", "/results", "/sign-in"] {
            let page = app.get(path).await;
            assert_eq!(
                page.attr("link[rel=stylesheet]", "href").as_deref(),
                Some("/pkg/kiln.00000000000000cc.css"),
                "{path}"
            );
            assert_eq!(
                page.attr("script[type=module]", "src").as_deref(),
                Some("/pkg/enhance.00000000000000dd.js"),
                "{path}"
            );
            assert!(page.select("link[rel=modulepreload]").is_empty(), "{path}");
            assert!(!page.text.contains(".wasm"), "{path}");
        }
        let officer = app
            .signed_in("officer@stoke.gov.uk", domain::accounts::Role::Officer)
            .await;
        let page = officer.get("/officer").await;
        assert_eq!(
            page.attr("link[rel=modulepreload]", "href").as_deref(),
            Some("/pkg/kiln.00000000000000aa.js")
        );
        assert_eq!(
            page.attr("link[rel=preload][as=fetch]", "href").as_deref(),
            Some("/pkg/kiln.00000000000000aa_bg.wasm")
        );
    }
);
