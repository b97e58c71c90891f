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

#[cfg(test)]
mod tests {
    use super::*;
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
            let receipt = ReceiptCode::from_random(bits);
            prop_assert_eq!(ReceiptCode::parse(&receipt.to_string()).unwrap(), receipt);
        }
    }
}
