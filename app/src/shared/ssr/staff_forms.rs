//! What every staff form post shares: the extractor that checks the person's role and the
//! form's CSRF token, the handlers' error, and redirects with a query.

use std::marker::PhantomData;

use axum::extract::{Form, FromRequest, Request};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::access::{signed_for, Gate};
use super::auth::{csrf_ok, forbidden, SignedIn};
use super::forms::{field, Fields};
use super::AppState;

/// A signed-in person's form post, their role checked against the gate `G` (`Staff` or
/// `Administrators`) and its CSRF token checked: the extractor every handler here takes
/// last, so a handler for administrators cannot run for anyone else.
pub struct Posted<G> {
    pub who: SignedIn,
    pub ip: String,
    pub fields: Fields,
    _gate: PhantomData<G>,
}

impl<G> Posted<G> {
    pub fn actor(&self) -> store::audit::Actor {
        self.who.actor(&self.ip)
    }
}

impl<G: Gate + Send> FromRequest<AppState> for Posted<G> {
    type Rejection = Response;

    async fn from_request(req: Request, st: &AppState) -> Result<Self, Response> {
        let (who, ip) = signed_for(req.extensions(), G::ACCESS).ok_or_else(forbidden)?;
        let Form(fields) = Form::<Fields>::from_request(req, st)
            .await
            .map_err(IntoResponse::into_response)?;
        if !csrf_ok(st, &who, field(&fields, "csrf")) {
            return Err(forbidden());
        }
        Ok(Posted {
            who,
            ip,
            fields,
            _gate: PhantomData,
        })
    }
}

/// Problems a handler can meet, with how each is shown.
pub enum OfficerError {
    NotFound,
    Internal(store::StoreError),
}

impl From<store::StoreError> for OfficerError {
    fn from(e: store::StoreError) -> Self {
        OfficerError::Internal(e)
    }
}

impl IntoResponse for OfficerError {
    fn into_response(self) -> Response {
        match self {
            OfficerError::NotFound => (StatusCode::NOT_FOUND, "Not found").into_response(),
            OfficerError::Internal(e) => {
                tracing::error!(error = %e, "officer form failed");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "Sorry, there is a problem with the service. Nothing was changed.",
                )
                    .into_response()
            }
        }
    }
}

pub fn with_query(path: &str, pairs: &[(&str, &str)]) -> String {
    let mut q = form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs {
        q.append_pair(k, v);
    }
    format!("{path}?{}", q.finish())
}
