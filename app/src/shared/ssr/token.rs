//! Form tokens: each form carries an HMAC of the response code and the step it belongs to,
//! so a post made up elsewhere, or one copied from another response or step, is refused.
//! The same HMACs seal values the browser keeps (`seal`, `unseal`); they live in
//! `store::tokens`, which also signs the links in emails.

pub use store::tokens::{issue, seal, unseal, verify};
