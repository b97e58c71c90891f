use std::sync::Arc;

use axum::extract::FromRef;
use leptos::prelude::LeptosOptions;
use store::DatabaseConnection;

/// Everything a request handler or server function needs, shared by the whole server.
#[derive(Clone)]
pub struct AppState {
    pub db: DatabaseConnection,
    pub leptos_options: LeptosOptions,
    /// Signs form tokens (see `token`).
    pub form_secret: Arc<Vec<u8>>,
    /// Computed indicators per wave, recomputed when their inputs change.
    pub results: Arc<store::results::ResultsCache>,
    /// Surveys, waves and wards, reloaded when the database says they changed.
    pub catalogue: Arc<store::catalogue::CatalogueCache>,
    pub auth: super::auth::AuthConfig,
    /// The survey's rate limits (see `limits`).
    pub limits: Arc<super::limits::Limiters>,
    /// The time: the system clock when serving, a fixed one that tests move.
    pub clock: store::Clock,
    /// Email: link lifetimes, where messages go, and the sender's wake-up.
    pub mail: super::mail::MailSettings,
    /// The council running Kiln (`KILN_COUNCIL_*`).
    pub council: Arc<crate::shared::council::Council>,
    /// Its colour and logo as files (`KILN_BRAND_COLOUR`, `KILN_COUNCIL_LOGO`).
    pub brand: Arc<super::brand::BrandFiles>,
    /// Seconds without a touch before a kiosk page returns to the start.
    pub kiosk_idle_seconds: u32,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

impl AppState {
    /// The catalogue for the page being rendered: the one the language middleware read for
    /// this request when there is one, else as the database has it now.
    pub async fn current_catalogue(
        &self,
    ) -> Result<Arc<store::catalogue::Catalogue>, store::StoreError> {
        let read = leptos::prelude::use_context::<http::request::Parts>().and_then(|p| {
            p.extensions
                .get::<super::language::RequestCatalogue>()
                .map(|c| c.0.clone())
        });
        match read {
            Some(c) => Ok(c),
            None => self.catalogue.get(&self.db).await,
        }
    }
}
