use std::sync::Arc;

use axum::extract::FromRef;
use axum::Extension;
use leptos::prelude::LeptosOptions;

use super::language::RequestCatalogue;
use store::DatabaseConnection;

/// Everything a request handler or server function needs, shared by the whole server: its
/// `Services` behind one `Arc`. Middleware, handlers and each page's context take a copy per
/// request, and copying the fields one by one (leptos's options alone hold a dozen strings)
/// showed in profiles.
#[derive(Clone)]
pub struct AppState(Arc<Services>);

impl From<Services> for AppState {
    fn from(services: Services) -> Self {
        AppState(Arc::new(services))
    }
}

impl std::ops::Deref for AppState {
    type Target = Services;
    fn deref(&self) -> &Services {
        &self.0
    }
}

/// What `AppState` holds.
pub struct Services {
    pub db: DatabaseConnection,
    /// Where residents' drafts and responses are written (see `ResidentWrites`).
    pub resident_writes: store::drafts::ResidentWrites,
    pub leptos_options: LeptosOptions,
    /// Signs form tokens (see `token`).
    pub form_secret: Arc<Vec<u8>>,
    /// Computed indicators per wave, recomputed when their inputs change.
    pub results: Arc<store::results::ResultsCache>,
    /// The public pages as last rendered, kept while the database says they are current.
    pub pages: super::page_cache::PageCache,
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
        let read =
            super::support::with_request(|p| p.extensions.get::<RequestCatalogue>().cloned())
                .flatten();
        self.catalogue_or(read.map(Extension)).await
    }

    /// The catalogue the language middleware read for this request, as a form handler
    /// extracts it, else as the database has it now.
    pub async fn catalogue_or(
        &self,
        read: Option<Extension<RequestCatalogue>>,
    ) -> Result<Arc<store::catalogue::Catalogue>, store::StoreError> {
        match read {
            Some(Extension(c)) => Ok(c.0),
            None => self.catalogue.get(&self.db).await,
        }
    }
}
