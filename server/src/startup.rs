//! Builds the application: state, routes and middleware, and serves it.

use std::sync::Arc;

use app::shared::ssr::access::Routes;
use app::shared::ssr::auth::{self, AuthConfig};
use app::shared::ssr::limits::Limiters;
use app::shared::ssr::{AppState, Services};
use app::{shell, App};
use axum::body::Body;
use axum::extract::{MatchedPath, State};
use axum::http::{header, HeaderValue, Request, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use leptos::prelude::*;
use leptos_axum::{
    generate_route_list, handle_server_fns_with_context, AxumRouteListing, LeptosRoutes,
};
use tower_http::compression::{CompressionLayer, CompressionLevel};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

use crate::config::Config;

/// Connects, migrates (a failure stops the start) and assembles the shared state.
pub async fn build_state(config: &Config, clock: store::Clock) -> anyhow::Result<AppState> {
    let db = store::db::connect_and_migrate(&config.database_url)
        .await
        .map_err(|e| anyhow::anyhow!("cannot open or migrate the database: {e}"))?;
    let form_secret = Arc::new(store::settings::form_secret(&db).await?);
    store::indicator_defs::ensure_standard(&db).await?;
    // The built site names its files by their content's hash (`scripts/build`); without the
    // hash file (a site copied by hand, or none, as in the HTTP tests) the plain names.
    let hashes =
        std::fs::read_to_string(std::path::Path::new(&config.site_root).join("hash.txt")).ok();
    let assets = app::shared::assets::Assets::from_hashes(hashes.as_deref());
    let leptos_options = LeptosOptions::builder()
        .output_name(assets.app.as_str())
        .site_root(config.site_root.clone())
        .site_pkg_dir("pkg")
        .site_addr(config.addr)
        .build();
    app::shared::assets::set(assets);
    let resident_writes = store::drafts::ResidentWrites::connect(&db, &config.database_url).await?;
    Ok(AppState::from(Services {
        db: db.clone(),
        resident_writes,
        leptos_options,
        form_secret: form_secret.clone(),
        results: Arc::new(store::results::ResultsCache::default()),
        catalogue: Arc::new(store::catalogue::CatalogueCache::default()),
        pages: Default::default(),
        auth: AuthConfig {
            limits: config.session,
            public_url: url::Url::parse(&config.public_url)
                .map_err(|e| anyhow::anyhow!("KILN_PUBLIC_URL: {e}"))?,
            trusted_proxies: config.trusted_proxies,
        },
        // Several processes share a PostgreSQL database, so they share the counts too.
        limits: Arc::new(match db.get_database_backend() {
            sea_orm::DbBackend::Postgres => {
                Limiters::in_database(config.survey_limits, form_secret)
            }
            _ => Limiters::in_memory(config.survey_limits),
        }),
        clock,
        council: Arc::new(config.council.clone()),
        brand: Arc::new(config.brand.clone()),
        kiosk_idle_seconds: config.kiosk_idle_seconds,
        mail: app::shared::ssr::mail::MailSettings {
            reset_minutes: config.mail.reset_minutes,
            delivery: config.mail.delivery(),
            wake: Arc::new(tokio::sync::Notify::new()),
        },
    }))
}

/// The routes Kiln's own handlers serve (forms, downloads, the open API).
fn handler_routes(state: &AppState) -> Routes {
    Routes::default()
        .route(app::shared::access::HEALTH, get(healthz))
        .route(app::shared::access::FAVICON, get(favicon))
        .route(
            app::shared::access::BRAND_FILES,
            get(app::shared::ssr::brand::serve),
        )
        .merge(app::survey::ssr::forms::router().map_router(|r| {
            r.route_layer(middleware::from_fn_with_state(
                state.clone(),
                app::shared::ssr::limits::survey_limit,
            ))
        }))
        .merge(app::accounts::ssr::sign_in::router())
        .merge(app::builder::ssr::documents::router())
        .merge(app::builder::ssr::forms::router())
        .merge(app::builder::ssr::editing::router())
        .merge(app::translations::ssr::forms::router())
        .merge(app::accounts::ssr::own_account::router())
        .merge(app::accounts::ssr::reset::router())
        .merge(app::updates::ssr::router().map_router(|r| {
            r.route_layer(middleware::from_fn_with_state(
                state.clone(),
                app::shared::ssr::limits::survey_limit,
            ))
        }))
        .merge(app::accounts::ssr::two_factor::router())
        .merge(app::officer::ssr::forms::router())
        .merge(app::officer::ssr::invitations::router())
        .merge(app::admin::ssr::forms::router())
        .merge(app::admin::ssr::groups::router())
        .merge(app::groups::ssr::forms::router())
        .merge(app::groups::ssr::entries::router())
        .merge(app::groups::ssr::offline::router())
        .merge(app::groups::ssr::paper::router())
        .merge(app::events::ssr::calendar::router())
        .merge(app::kiosk::ssr::forms::router().map_router(|r| {
            r.route_layer(middleware::from_fn_with_state(
                state.clone(),
                app::shared::ssr::limits::survey_limit,
            ))
        }))
        .merge(app::admin::ssr::uploads::router())
        .merge(app::results::ssr::exports::download::router())
        .merge(app::framework::ssr::forms::router())
        .merge(app::framework::ssr::definitions::router())
        .merge(app::framework::ssr::exports::router())
        .merge(crate::api::router())
}

/// The app's page routes, worked out once per process and before any app in it serves.
///
/// Working them out renders the app with data loading switched off, and leptos_server
/// switches it off for the whole process (`SuppressResourceLoad` sets a global flag): a
/// page whose data was first asked for at that moment, on another thread, waited forever.
/// That was the rare hang of a test when tests shared a process (`cargo test`): another test
/// starting its app stalled a page being rendered. Once per process, nothing renders beside
/// it, since every app waits for this list before it serves.
pub fn page_routes() -> &'static [AxumRouteListing] {
    static ROUTES: std::sync::LazyLock<Vec<AxumRouteListing>> =
        std::sync::LazyLock::new(|| generate_route_list(App));
    &ROUTES
}

/// Every address pattern the server answers, in axum's syntax: its handlers' routes, the
/// app's pages, the server functions and the site's files. Each must declare its access in
/// `a feature's `paths::ACCESS``; the server will not start otherwise.
pub fn route_patterns(state: &AppState) -> Vec<String> {
    let mut all: Vec<String> = handler_routes(state)
        .patterns()
        .iter()
        .map(|p| p.to_string())
        .collect();
    all.extend(page_routes().iter().map(|r| r.path().to_string()));
    all.extend(leptos::server_fn::axum::server_fn_paths().map(|(p, _)| p.to_string()));
    all.push(app::shared::access::SITE_FILES.into());
    all.sort();
    all.dedup();
    all
}

/// Patterns served that declare no access (empty when all is well).
pub fn undeclared_routes(state: &AppState) -> Vec<String> {
    route_patterns(state)
        .into_iter()
        .filter(|p| {
            let concrete = p.starts_with("/api/") && !p.contains('{');
            let declared = if concrete {
                app::shared::ssr::access::access_for(p).is_some()
            } else {
                app::shared::ssr::access::declared(p).is_some()
            };
            !declared
        })
        .collect()
}

/// The site's files, read once (see `site_files`).
fn site_files(site_root: &str) -> Router {
    let pkg = std::path::Path::new(site_root).join("pkg");
    crate::site_files::SiteFiles::load(&pkg)
        .unwrap_or_else(|e| panic!("cannot read the site's files in {}: {e}", pkg.display()))
        .router()
}

pub fn router(state: AppState) -> Router {
    let undeclared = undeclared_routes(&state);
    assert!(
        undeclared.is_empty(),
        "these routes declare no access in a feature's `paths::ACCESS`: {undeclared:?}"
    );
    let routes = page_routes().to_vec();
    let options = state.leptos_options.clone();
    handler_routes(&state)
        .into_router()
        .route("/api/{*fn_name}", get(server_fn).post(server_fn))
        .leptos_routes_with_context(
            &state,
            routes,
            {
                let state = state.clone();
                move || {
                    provide_context(state.clone());
                    app::shared::assets::hydrate_only_where_wasm_runs();
                }
            },
            move || shell(options.clone()),
        )
        .nest_service("/pkg", site_files(&state.leptos_options.site_root))
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        // Public pages kept in memory; inside the language middleware, whose choice it keys by.
        .layer(middleware::from_fn_with_state(
            state.clone(),
            app::shared::ssr::page_cache::serve,
        ))
        // The page's language, for the pages and the forms behind them.
        .layer(middleware::from_fn_with_state(
            state.clone(),
            app::shared::ssr::language::choose,
        ))
        // Run outermost first: refuse cross-site posts, find the session, check access.
        .layer(middleware::from_fn(auth::guard))
        .layer(middleware::from_fn_with_state(state.clone(), auth::resolve))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            auth::same_origin,
        ))
        .layer(middleware::from_fn_with_state(
            state.auth.https(),
            security_headers,
        ))
        // Pages gzipped whole at level 1 (`page_gzip`); the rest, such as CSV and JSON, by
        // tower-http's layer outside it, also at 1: at level 4 deflate was a tenth of a
        // section page's time on the CPU (perf). The site's files are compressed at the top
        // levels (brotli 11, gzip 9) once, when they are built, and pass by both.
        .layer(middleware::from_fn(crate::page_gzip::compress))
        .layer(CompressionLayer::new().quality(CompressionLevel::Precise(1)))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            // Resume codes are in page addresses: never pass them on to other sites. Not
            // no-referrer: with it, browsers send `Origin: null` on our own form posts, and the
            // same-origin check must be able to tell those from forged ones.
            HeaderValue::from_static("same-origin"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        .layer(
            // Log the route, not the address: addresses carry resume codes.
            TraceLayer::new_for_http().make_span_with(|req: &Request<Body>| {
                let route = req
                    .extensions()
                    .get::<MatchedPath>()
                    .map(|p| p.as_str().to_string())
                    .unwrap_or_else(|| "unmatched".into());
                tracing::info_span!("request", method = %req.method(), route = %route)
            }),
        )
        .with_state(state)
}

async fn server_fn(State(state): State<AppState>, req: Request<Body>) -> impl IntoResponse {
    handle_server_fns_with_context(move || provide_context(state.clone()), req).await
}

/// The site's icon (a white K on the brand colour), from the binary.
async fn favicon() -> impl IntoResponse {
    (
        [
            (axum::http::header::CONTENT_TYPE, "image/x-icon"),
            (axum::http::header::CACHE_CONTROL, "public, max-age=604800"),
        ],
        include_bytes!("../../app/assets/favicon.ico").as_slice(),
    )
}

async fn healthz(State(state): State<AppState>) -> impl IntoResponse {
    match store::db::ping(&state.db).await {
        Ok(()) => (StatusCode::OK, "ok"),
        Err(e) => {
            tracing::error!(error = %e, "health check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
    }
}

/// Headers on every response. Pages can hold a resident's answers or officers' figures:
/// keep them out of shared caches and the history of a shared device (static files under
/// /pkg may be cached). Pages rendered by the app set their own Content-Security-Policy
/// with a fresh nonce for the hydration scripts; everything else may run no script at all.
/// Over HTTPS, browsers are also told to come back only over HTTPS for a year (HSTS).
async fn security_headers(State(https): State<bool>, req: Request<Body>, next: Next) -> Response {
    let is_static = req.uri().path().starts_with("/pkg/");
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    if !is_static && !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    if https {
        h.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000"),
        );
    }
    if !h.contains_key(header::CONTENT_SECURITY_POLICY) {
        h.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(app::shared::csp::STRICT),
        );
    }
    res
}

/// Serves until the listener fails or a shutdown signal arrives.
pub async fn serve(listener: tokio::net::TcpListener, state: AppState) -> anyhow::Result<()> {
    axum::serve(
        listener,
        router(state).into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await?;
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    tracing::info!("shutting down");
}
