//! What can stop a page from loading, as the server functions report it and the pages show
//! it: matched by variant, never by searching the text of an error.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PageError {
    /// No such thing, or not any more.
    NotFound,
    /// The person may not see it.
    Forbidden,
    /// Not the right page for now: the server has sent the browser here instead.
    Redirect(String),
    /// Something went wrong on the server (logged there).
    Internal,
    /// Calling the server function failed on the way (network, encoding).
    Call(String),
}

impl FromServerFnError for PageError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        PageError::Call(value.to_string())
    }
}

impl std::fmt::Display for PageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PageError::NotFound => f.write_str("not found"),
            PageError::Forbidden => f.write_str("forbidden"),
            PageError::Redirect(to) => write!(f, "redirect to {to}"),
            PageError::Internal => f.write_str("internal error"),
            PageError::Call(e) => write!(f, "server function call failed: {e}"),
        }
    }
}

impl std::error::Error for PageError {}
