//! Who is signed in, as staff pages show them.

use serde::{Deserialize, Serialize};

/// The signed-in person, as pages need them: never more.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Viewer {
    pub name: String,
    pub email: String,
    pub is_admin: bool,
    /// An officer or administrator (not one of a community group's people).
    pub is_staff: bool,
    /// A community group's organiser.
    pub organises: bool,
    /// Goes in every form this person posts.
    pub csrf: String,
}
