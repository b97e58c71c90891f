//! The site's own files under `/pkg`, and which of them a page loads.
//!
//! Each file's name carries a hash of its content (`scripts/build` writes the hashes to
//! `hash.txt` beside `pkg/`), so browsers keep it for a year and a new version is a new
//! address. The wasm and its JavaScript share one hash, carried in leptos's output name
//! (`kiln.HASH`), so leptos needs no hash file of its own (it would read one per page). Pages for residents and the public ship no wasm: they work in full as plain
//! HTML, and a small script (`app/assets/enhance.js`) adds comforts such as the character
//! count. Staff pages hydrate with the app's wasm.

use std::sync::OnceLock;

use crate::{accounts, officer};

/// The addresses of the files pages link to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assets {
    /// Leptos's output name: the wasm is `/pkg/{app}_bg.wasm`, its JavaScript `{app}.js`.
    pub app: String,
    pub css: String,
    pub enhance: String,
    /// The offline entry page's script, loaded by that page alone.
    pub offline: String,
}

impl Assets {
    /// From the text of `hash.txt` (lines `key: hash`); without it, the plain names.
    pub fn from_hashes(hashes: Option<&str>) -> Assets {
        let hash = |key: &str| {
            hashes?.lines().find_map(|line| {
                let (k, v) = line.split_once(':')?;
                (k.trim() == key).then(|| v.trim().to_string())
            })
        };
        let named = |stem: &str, key: &str, ext: &str| match hash(key) {
            Some(h) => format!("/pkg/{stem}.{h}.{ext}"),
            None => format!("/pkg/{stem}.{ext}"),
        };
        Assets {
            app: hash("app").map_or_else(|| "kiln".to_string(), |h| format!("kiln.{h}")),
            css: named("kiln", "css", "css"),
            enhance: named("enhance", "enhance", "js"),
            offline: named("offline", "offline", "js"),
        }
    }
}

static ASSETS: OnceLock<Assets> = OnceLock::new();

/// Set once as the server starts, from the built site's `hash.txt`.
pub fn set(assets: Assets) {
    let _ = ASSETS.set(assets);
}

pub fn get() -> Assets {
    ASSETS
        .get()
        .cloned()
        .unwrap_or_else(|| Assets::from_hashes(None))
}

/// Whether a file's name carries its content's hash (`kiln.0123456789abcdef.css`), so that
/// it can be cached for good.
pub fn is_hashed(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    let mut parts = name.split('.');
    let (_stem, hash, _ext) = (parts.next(), parts.next(), parts.next());
    // The wasm's name is leptos's output name with `_bg`: `kiln.HASH_bg.wasm`.
    let hash = hash.map(|h| h.strip_suffix("_bg").unwrap_or(h));
    matches!(hash, Some(h) if h.len() == 16 && h.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Whether the page at `path` hydrates with the app's wasm: staff pages (the dashboard,
/// administration and a person's account) do; every other page ships none.
pub fn ships_wasm(path: &str) -> bool {
    // Every administration address is under /admin.
    [officer::paths::OFFICER, "/admin", accounts::paths::ACCOUNT]
        .iter()
        .any(|root| crate::shared::address::is_under(root, path))
}

/// Tells leptos not to write the page's data into it for hydration when the page ships no
/// wasm: nothing would read it, and it was up to half of a page's bytes (12 KB of a ward's
/// results page). Called as each page starts rendering.
#[cfg(feature = "ssr")]
pub fn hydrate_only_where_wasm_runs() {
    if !ships_wasm(&crate::shared::address::request_path()) {
        if let Some(shared) = leptos::prelude::Owner::current_shared_context() {
            shared.set_is_hydrating(false);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_carry_their_hash_when_there_is_one() {
        let a = Assets::from_hashes(Some("app: aa\ncss: 0123\nenhance: 4567\noffline: 89ab\n"));
        assert_eq!(a.app, "kiln.aa");
        assert_eq!(a.css, "/pkg/kiln.0123.css");
        assert_eq!(a.enhance, "/pkg/enhance.4567.js");
        assert_eq!(a.offline, "/pkg/offline.89ab.js");
        assert_eq!(Assets::from_hashes(None).css, "/pkg/kiln.css");
        assert_eq!(Assets::from_hashes(None).app, "kiln");
    }

    #[test]
    fn knows_a_hashed_name() {
        assert!(is_hashed("/kiln.0123456789abcdef.css"));
        assert!(is_hashed("/pkg/kiln.0123456789abcdef_bg.wasm"));
        assert!(!is_hashed("/kiln.css"));
        assert!(!is_hashed("/kiln_bg.wasm"));
        assert!(!is_hashed("/kiln.notahash.css"));
    }

    #[test]
    fn only_staff_pages_ship_the_wasm() {
        for staff in [
            "/officer",
            "/officer/wellbeing/2026",
            "/admin/users",
            "/account",
        ] {
            assert!(ships_wasm(staff), "{staff}");
        }
        for public in [
            "/",
            "/surveys/wellbeing",
            "/results",
            "/sign-in",
            "/officers-guide",
        ] {
            assert!(!ships_wasm(public), "{public}");
        }
    }
}
