//! Times as staff pages show them.

/// A Unix time as staff pages show it, in UTC.
pub fn when(unix: i64) -> String {
    chrono::DateTime::from_timestamp(unix, 0)
        .map(|t| t.format("%-d %b %Y %H:%M UTC").to_string())
        .unwrap_or_default()
}
