//! Content-Security-Policy values. Pages rendered by the app allow only their own scripts
//! and the hydration scripts carrying this response's nonce; nothing inline otherwise.

/// For replies that run no script at all (plain error pages, downloads, JSON).
pub const STRICT: &str = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// A page of the builder's preview, which Kiln's own preview page frames.
pub fn for_frame(nonce: &str) -> String {
    for_page(nonce).replace("frame-ancestors 'none'", "frame-ancestors 'self'")
}

pub fn for_page(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}
