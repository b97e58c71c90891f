//! Resume and receipt codes: short, unambiguous, easy to read aloud or type on a phone.
//! Crockford base32 (no I, L, O, U), shown in groups of four.

use std::fmt;

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const RESUME_LEN: usize = 12;
const RECEIPT_LEN: usize = 10;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CodeError {
    #[error("Enter your code")]
    Empty,
    #[error("Your code should be {0} letters and numbers, like {1}")]
    WrongLength(usize, &'static str),
    #[error("Your code can only contain letters and numbers")]
    BadCharacter,
}

fn encode(mut bits: u128, len: usize) -> String {
    let mut out = vec![b'0'; len];
    for slot in out.iter_mut().rev() {
        *slot = ALPHABET[(bits & 31) as usize];
        bits >>= 5;
    }
    String::from_utf8(out).expect("alphabet is ASCII")
}

/// Normalises what a person typed: case, spaces and dashes ignored; O read as 0, I and L as 1.
fn normalise(input: &str, len: usize, example: &'static str) -> Result<String, CodeError> {
    let mut out = String::with_capacity(len);
    for c in input.chars() {
        if c.is_whitespace() || c == '-' {
            continue;
        }
        let c = match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            c => c,
        };
        if !c.is_ascii() || !ALPHABET.contains(&(c as u8)) {
            return Err(CodeError::BadCharacter);
        }
        out.push(c);
    }
    if out.is_empty() {
        return Err(CodeError::Empty);
    }
    if out.len() != len {
        return Err(CodeError::WrongLength(len, example));
    }
    Ok(out)
}

fn grouped(code: &str, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    let parts: Vec<&str> = code
        .as_bytes()
        .chunks(4)
        .map(|c| std::str::from_utf8(c).expect("ASCII"))
        .collect();
    f.write_str(&parts.join("-"))
}

/// Lets a resident come back to an unfinished response without an account. 60 random bits.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ResumeCode(String);

impl ResumeCode {
    pub const EXAMPLE: &'static str = "7KQM-2XTP-9ABD";

    pub fn from_random(bits: u128) -> Self {
        ResumeCode(encode(bits, RESUME_LEN))
    }

    pub fn parse(input: &str) -> Result<Self, CodeError> {
        normalise(input, RESUME_LEN, Self::EXAMPLE).map(ResumeCode)
    }

    /// The compact form used in URLs and storage.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ResumeCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        grouped(&self.0, f)
    }
}

/// Given to a resident when a response is stored. It does not lead back to the answers.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ReceiptCode(String);

impl ReceiptCode {
    pub const EXAMPLE: &'static str = "K4TR-8MQ2-7B";

    pub fn from_random(bits: u128) -> Self {
        ReceiptCode(encode(bits, RECEIPT_LEN))
    }

    pub fn parse(input: &str) -> Result<Self, CodeError> {
        normalise(input, RECEIPT_LEN, Self::EXAMPLE).map(ReceiptCode)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ReceiptCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        grouped(&self.0, f)
    }
}

/// Sent to an invited resident (panel or uploaded list), spent when their response is sent.
/// 20 characters from an alphabet with no look-alikes (no 0/O, 1/I/L, U/V, 5/S): about 95
/// bits, so guessing one is hopeless even without the rate limit.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct AccessCode(String);

const ACCESS_ALPHABET: &[u8; 27] = b"ABCDEFGHJKMNPQRTWXYZ2346789";
const ACCESS_LEN: usize = 20;

impl AccessCode {
    pub const EXAMPLE: &'static str = "7KQM-2XTP-9ABD-RW4H-C3NF";

    /// From 16 random (or keyed-hash) bytes.
    pub fn from_bytes(bytes: [u8; 16]) -> Self {
        AccessCode(no_look_alikes(bytes, ACCESS_LEN))
    }

    /// What a person typed or a link carried: case, spaces and dashes ignored.
    pub fn parse(input: &str) -> Result<Self, CodeError> {
        parse_no_look_alikes(input, ACCESS_LEN, Self::EXAMPLE).map(AccessCode)
    }

    /// The compact form used in links.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// `len` characters of the no-look-alikes alphabet from 16 random bytes.
fn no_look_alikes(bytes: [u8; 16], len: usize) -> String {
    let mut bits = u128::from_be_bytes(bytes);
    let base = ACCESS_ALPHABET.len() as u128;
    let mut out = vec![b'A'; len];
    for slot in out.iter_mut() {
        *slot = ACCESS_ALPHABET[(bits % base) as usize];
        bits /= base;
    }
    String::from_utf8(out).expect("alphabet is ASCII")
}

fn parse_no_look_alikes(
    input: &str,
    len: usize,
    example: &'static str,
) -> Result<String, CodeError> {
    let mut out = String::with_capacity(len);
    for c in input.chars() {
        if c.is_whitespace() || c == '-' {
            continue;
        }
        let c = c.to_ascii_uppercase();
        if !c.is_ascii() || !ACCESS_ALPHABET.contains(&(c as u8)) {
            return Err(CodeError::BadCharacter);
        }
        out.push(c);
    }
    match out.len() {
        0 => Err(CodeError::Empty),
        n if n == len => Ok(out),
        _ => Err(CodeError::WrongLength(len, example)),
    }
}

/// Turns a tablet into a kiosk for one event: shown to the organiser once, typed on the
/// tablet, working for 15 minutes. 12 characters with no look-alikes (about 57 bits).
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct KioskCode(String);

impl KioskCode {
    pub const EXAMPLE: &'static str = "7KQM-2XTP-9ABD";

    pub fn from_bytes(bytes: [u8; 16]) -> Self {
        KioskCode(no_look_alikes(bytes, 12))
    }

    pub fn parse(input: &str) -> Result<Self, CodeError> {
        parse_no_look_alikes(input, 12, Self::EXAMPLE).map(KioskCode)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for KioskCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        grouped(&self.0, f)
    }
}

impl fmt::Debug for KioskCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "KioskCode({}…)", &self.0[..4])
    }
}

impl fmt::Display for AccessCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        grouped(&self.0, f)
    }
}

/// Never printed whole in logs.
impl fmt::Debug for AccessCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "AccessCode({}…)", &self.0[..4])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn access_codes_are_long_and_have_no_look_alikes() {
        let code = AccessCode::from_bytes([0xa5; 16]);
        assert_eq!(code.as_str().len(), 20);
        assert_eq!(code.to_string().matches('-').count(), 4);
        for c in code
            .as_str()
            .chars()
            .chain(ACCESS_ALPHABET.iter().map(|&b| b as char))
        {
            assert!(!"01ILOUV5S".contains(c), "{c}");
        }
        assert_eq!(
            AccessCode::parse(&code.to_string().to_lowercase()).unwrap(),
            code
        );
        assert_eq!(AccessCode::parse(""), Err(CodeError::Empty));
        let kiosk = KioskCode::from_bytes([0x5a; 16]);
        assert_eq!(kiosk.to_string().len(), 14);
        assert_eq!(
            KioskCode::parse(&kiosk.to_string().to_lowercase()).unwrap(),
            kiosk
        );
        assert!(KioskCode::parse("ABCD").is_err());
        assert_eq!(
            AccessCode::parse("7KQM-0XTP-9ABD-RW4H-C3NF"),
            Err(CodeError::BadCharacter)
        );
        assert!(matches!(
            AccessCode::parse("7KQM-2XTP"),
            Err(CodeError::WrongLength(20, _))
        ));
        assert!(AccessCode::parse(AccessCode::EXAMPLE).is_ok());
        assert!(!format!("{code:?}").contains(&code.as_str()[4..]));
    }
    use proptest::prelude::*;

    #[test]
    fn shows_in_groups_of_four() {
        let code = ResumeCode::from_random(0x1234_5678_9abc_def0);
        assert_eq!(code.as_str().len(), 12);
        assert_eq!(code.to_string().len(), 14);
        assert_eq!(code.to_string().matches('-').count(), 2);
    }

    #[test]
    fn forgives_case_dashes_and_lookalikes() {
        let code = ResumeCode::parse("7KQM-2XTP-9ABD").unwrap();
        assert_eq!(ResumeCode::parse(" 7kqm 2xtp 9abd ").unwrap(), code);
        assert_eq!(
            ResumeCode::parse("0000-1111-0000").unwrap(),
            ResumeCode::parse("oooo-IiLl-OOOO").unwrap()
        );
    }

    #[test]
    fn explains_what_is_wrong() {
        assert_eq!(ResumeCode::parse("  "), Err(CodeError::Empty));
        assert!(matches!(
            ResumeCode::parse("ABC"),
            Err(CodeError::WrongLength(12, _))
        ));
        assert_eq!(
            ResumeCode::parse("7KQM-2XTP-9AB!"),
            Err(CodeError::BadCharacter)
        );
        assert_eq!(
            ResumeCode::parse("7KQM-2XTP-9ABU"),
            Err(CodeError::BadCharacter)
        );
    }

    proptest! {
        #[test]
        fn every_generated_code_parses_back(bits in any::<u128>()) {
            let code = ResumeCode::from_random(bits);
            prop_assert_eq!(ResumeCode::parse(&code.to_string()).unwrap(), code.clone());
            prop_assert_eq!(ResumeCode::parse(&code.as_str().to_lowercase()).unwrap(), code);
            let access = AccessCode::from_bytes(bits.to_be_bytes());
            prop_assert_eq!(AccessCode::parse(&access.to_string()).unwrap(), access);
            let receipt = ReceiptCode::from_random(bits);
            prop_assert_eq!(ReceiptCode::parse(&receipt.to_string()).unwrap(), receipt);
        }
    }
}
