//! Helpers for plain form posts and the pages their handlers answer with.

/// A posted form's fields, in the order sent.
pub type Fields = Vec<(String, String)>;

/// A whole page for replies that are not rendered by the app (errors from plain handlers).
/// `body` is trusted HTML written here, never user input.
pub fn plain_page(title: &str, body: &str) -> String {
    let css = crate::shared::assets::get().css;
    format!(
        "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title} - Kiln</title><link rel=\"stylesheet\" href=\"{css}\"></head><body><main class=\"page\" id=\"main\"><h1>{title}</h1>{body}</main></body></html>"
    )
}

/// A field as typed, trimmed and cut to 254 characters (the longest email address), for
/// checking and for giving back to a refused form.
pub fn typed(fields: &Fields, name: &str) -> String {
    field(fields, name)
        .unwrap_or("")
        .trim()
        .chars()
        .take(254)
        .collect()
}

/// An email address from a form, or the code of its problem for the page to word
/// (`email_missing`, `email_format`).
pub fn email_or_code(typed: &str) -> Result<domain::accounts::EmailAddress, &'static str> {
    use domain::accounts::{EmailAddress, EmailProblem};
    EmailAddress::parse(typed).map_err(|p| match p {
        EmailProblem::Missing => "email_missing",
        _ => "email_format",
    })
}

pub fn field<'a>(fields: &'a Fields, name: &str) -> Option<&'a str> {
    fields
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}
