//! A signed-in person's file upload: a multipart form post, its role checked against the
//! gate `G` and its CSRF token checked, like `Posted`. The file's bytes (empty when no file
//! was chosen) and the form's other fields.

use std::marker::PhantomData;

use axum::extract::{FromRequest, Multipart};
use axum::response::{IntoResponse, Response};

use super::access::{signed_for, Gate};
use super::auth::{csrf_ok, forbidden, SignedIn};
use super::forms::Fields;
use super::AppState;

pub struct Upload<G> {
    pub who: SignedIn,
    pub ip: String,
    pub file: Vec<u8>,
    /// The form's other fields (not the CSRF token).
    pub fields: Fields,
    _gate: PhantomData<G>,
}

impl<G> Upload<G> {
    pub fn actor(&self) -> store::audit::Actor {
        self.who.actor(&self.ip)
    }
}

impl<G: Gate + Send> FromRequest<AppState> for Upload<G> {
    type Rejection = Response;

    async fn from_request(req: axum::extract::Request, st: &AppState) -> Result<Self, Response> {
        let (who, ip) = signed_for(req.extensions(), G::ACCESS).ok_or_else(forbidden)?;
        let mut form = Multipart::from_request(req, st)
            .await
            .map_err(IntoResponse::into_response)?;
        let (mut csrf, mut file, mut fields) = (None, Vec::new(), Vec::new());
        while let Some(field) = form
            .next_field()
            .await
            .map_err(IntoResponse::into_response)?
        {
            match field.name().map(str::to_string).as_deref() {
                Some("csrf") => csrf = field.text().await.ok(),
                Some("file") => {
                    file = field
                        .bytes()
                        .await
                        .map_err(IntoResponse::into_response)?
                        .to_vec()
                }
                Some(name) => {
                    let value = field.text().await.map_err(IntoResponse::into_response)?;
                    fields.push((name.to_string(), value));
                }
                None => {}
            }
        }
        if !csrf_ok(st, &who, csrf.as_deref()) {
            return Err(forbidden());
        }
        Ok(Upload {
            who,
            ip,
            file,
            fields,
            _gate: PhantomData,
        })
    }
}
