//! Addresses: filling a pattern (axum's syntax, as each feature's `paths` declares it) with
//! values, so that a link is built from the same pattern the router serves; matching one;
//! and the address of the page being rendered.

/// `fill("/admin/users/{id}", &["7"])` is `/admin/users/7`: each `{name}` segment takes the
/// next value, in order.
pub fn fill(pattern: &str, values: &[&str]) -> String {
    let mut values = values.iter();
    let filled: Vec<&str> = pattern
        .split('/')
        .map(|segment| {
            if segment.starts_with('{') && segment.ends_with('}') {
                values.next().copied().expect("a value for every parameter")
            } else {
                segment
            }
        })
        .collect();
    debug_assert!(values.next().is_none(), "more values than parameters");
    filled.join("/")
}

/// Whether `path` is `root` or an address below it (`/results` and `/results/x`, not
/// `/resultsx`).
pub fn is_under(root: &str, path: &str) -> bool {
    path.strip_prefix(root)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// Whether `path` matches the pattern `pattern`.
pub fn matches(pattern: &str, path: &str) -> bool {
    let mut want = pattern.split('/');
    let mut got = path.split('/');
    loop {
        match (want.next(), got.next()) {
            (None, None) => return true,
            (Some(w), Some(g)) if w.starts_with("{*") => return !g.is_empty(),
            (Some(w), Some(g)) if w.starts_with('{') => {
                if g.is_empty() {
                    return false;
                }
            }
            (Some(w), Some(g)) if w == g => {}
            _ => return false,
        }
    }
}

/// The address of the page being rendered (empty in the browser, which never renders the
/// shell).
pub fn request_path() -> String {
    #[cfg(feature = "ssr")]
    if let Some(path) = crate::shared::ssr::support::with_request(|p| p.uri.path().to_string()) {
        return path;
    }
    String::new()
}

#[cfg(test)]
mod tests {
    use super::{fill, is_under};

    #[test]
    fn fills_each_parameter_in_order() {
        assert_eq!(
            fill("/admin/users/{id}/password", &["7"]),
            "/admin/users/7/password"
        );
        assert_eq!(
            fill(
                "/surveys/{survey}/r/{code}/section/{n}",
                &["wellbeing", "ABCD", "2"]
            ),
            "/surveys/wellbeing/r/ABCD/section/2"
        );
        assert_eq!(fill("/results", &[]), "/results");
    }

    #[test]
    fn an_address_is_under_its_root_and_nothing_else() {
        assert!(is_under("/results", "/results"));
        assert!(is_under("/results", "/results/wellbeing"));
        assert!(!is_under("/results", "/resultsx"));
        assert!(!is_under("/results", "/"));
    }
}
