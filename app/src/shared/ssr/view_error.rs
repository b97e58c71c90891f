//! Why a page's view could not be built, for server functions and form handlers to map.

use store::StoreError;

/// Why a page's view could not be built.
#[derive(Debug)]
pub enum ViewError {
    NotFound,
    Forbidden,
    /// The page is not the right one for this response now: go here instead.
    Redirect(String),
    Store(StoreError),
}

impl From<StoreError> for ViewError {
    fn from(e: StoreError) -> Self {
        ViewError::Store(e)
    }
}
