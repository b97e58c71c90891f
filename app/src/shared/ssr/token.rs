//! Form tokens: each form carries an HMAC of the response code and the step it belongs to,
//! so a post made up elsewhere, or one copied from another response or step, is refused.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use hmac::{Hmac, Mac};
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

fn mac(secret: &[u8], code: &str, step: &str) -> HmacSha256 {
    let mut mac = HmacSha256::new_from_slice(secret).expect("HMAC takes any key length");
    mac.update(code.as_bytes());
    mac.update(b"\0");
    mac.update(step.as_bytes());
    mac
}

pub fn issue(secret: &[u8], code: &str, step: &str) -> String {
    URL_SAFE_NO_PAD.encode(mac(secret, code, step).finalize().into_bytes())
}

pub fn verify(secret: &[u8], code: &str, step: &str, token: &str) -> bool {
    match URL_SAFE_NO_PAD.decode(token.trim()) {
        Ok(bytes) => mac(secret, code, step).verify_slice(&bytes).is_ok(),
        Err(_) => false,
    }
}

/// `body` with its MAC for `step` appended (`body.mac`), for a value the browser keeps.
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
}
