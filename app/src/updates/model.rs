//! What the results-updates pages receive.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UpdatesView {
    pub token: String,
    pub typed: crate::shared::Typed,
}

/// The page a confirmation or leave link opens: whether the link still works.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LinkView {
    pub works: bool,
}
