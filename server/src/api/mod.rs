//! The open data API, `/api/v1`: published waves' indicators as JSON or CSV, the surveys
//! and indicator definitions, and the OpenAPI document that describes them.

mod error;
mod indicators;
mod surveys;

use app::shared::ssr::access::Routes;
use axum::routing::get;

pub use error::ApiError;

const OPENAPI: &str = include_str!("openapi.json");

pub fn router() -> Routes {
    Routes::default()
        .route("/api/v1/indicators", get(indicators::indicators))
        .route("/api/v1/surveys", get(surveys::surveys))
        .route(
            "/api/v1/openapi.json",
            get(|| async {
                (
                    [(axum::http::header::CONTENT_TYPE, "application/json")],
                    OPENAPI,
                )
            }),
        )
}
