//! The open data API, `/api/v1`: published waves' indicators as JSON or CSV, the surveys
//! and indicator definitions, and the OpenAPI document that describes them.

mod error;
mod indicators;
mod surveys;

use app::results::paths;
use app::shared::ssr::access::Routes;
use axum::routing::get;

pub use error::ApiError;

const OPENAPI: &str = include_str!("openapi.json");

pub fn router() -> Routes {
    Routes::default()
        .route(paths::API_INDICATORS, get(indicators::indicators))
        .route(paths::API_SURVEYS, get(surveys::surveys))
        .route(
            paths::API_OPENAPI,
            get(|| async {
                (
                    [(axum::http::header::CONTENT_TYPE, "application/json")],
                    OPENAPI,
                )
            }),
        )
}
