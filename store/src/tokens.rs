//! Secrets handed out and checked: random tokens (stored only as their SHA-256), and HMACs
//! that bind a value to a purpose (form tokens, sealed cookie values, leave links), checked
//! in constant time.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::{Digest, Sha256};

type HmacSha256 = Hmac<Sha256>;

/// 32 random bytes as 43 URL-safe characters: for links and cookies.
pub fn random() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// What the database keeps of a token: its SHA-256, in hex. A copy of the database cannot
/// be turned back into working tokens.
pub fn digest(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn mac(secret: &[u8], code: &str, step: &str) -> HmacSha256 {
    let mut mac = HmacSha256::new_from_slice(secret).expect("HMAC takes any key length");
    mac.update(code.as_bytes());
    mac.update(b"\0");
    mac.update(step.as_bytes());
    mac
}

/// An HMAC of `code` for `step`.
pub fn issue(secret: &[u8], code: &str, step: &str) -> String {
    URL_SAFE_NO_PAD.encode(mac(secret, code, step).finalize().into_bytes())
}

pub fn verify(secret: &[u8], code: &str, step: &str, token: &str) -> bool {
    match URL_SAFE_NO_PAD.decode(token.trim()) {
        Ok(bytes) => mac(secret, code, step).verify_slice(&bytes).is_ok(),
        Err(_) => false,
    }
}

/// `body` with its MAC for `step` appended (`body.mac`), for a value someone else keeps.
pub fn seal(secret: &[u8], step: &str, body: &str) -> String {
    format!("{body}.{}", issue(secret, body, step))
}

/// The body of a sealed value, if its MAC for `step` is good.
pub fn unseal<'a>(secret: &[u8], step: &str, value: &'a str) -> Option<&'a str> {
    let (body, mac) = value.rsplit_once('.')?;
    verify(secret, body, step, mac).then_some(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_is_good_only_for_its_code_and_step() {
        let t = issue(b"secret", "ABC", "section-1");
        assert!(verify(b"secret", "ABC", "section-1", &t));
        assert!(!verify(b"secret", "ABC", "section-2", &t));
        assert!(!verify(b"secret", "ABD", "section-1", &t));
        assert!(!verify(b"other", "ABC", "section-1", &t));
        assert!(!verify(b"secret", "ABC", "section-1", "not base64!"));
        assert!(!verify(b"secret", "ABC", "section-1", ""));
    }

    #[test]
    fn random_tokens_differ_and_digests_hide_them() {
        let (a, b) = (random(), random());
        assert_ne!(a, b);
        assert_eq!(a.len(), 43);
        assert_eq!(digest(&a).len(), 64);
        assert!(!digest(&a).contains(&a));
    }
}
