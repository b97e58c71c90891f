//! UK postcodes, normalised the way the ONS lookups store them.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PostcodeError {
    #[error("Enter your postcode")]
    Empty,
    #[error("Enter a real postcode, like ST4 1HH")]
    Invalid,
}

/// A syntactically valid UK postcode, held upper case without spaces ("ST41HH").
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Postcode(String);

impl Postcode {
    pub fn parse(input: &str) -> Result<Self, PostcodeError> {
        let compact: String = input
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| c.to_ascii_uppercase())
            .collect();
        if compact.is_empty() {
            return Err(PostcodeError::Empty);
        }
        if !(5..=7).contains(&compact.len()) || !compact.is_ascii() {
            return Err(PostcodeError::Invalid);
        }
        let (outward, inward) = compact.split_at(compact.len() - 3);
        let inward_ok = {
            let b = inward.as_bytes();
            b[0].is_ascii_digit() && b[1].is_ascii_alphabetic() && b[2].is_ascii_alphabetic()
        };
        let outward_ok = {
            let b = outward.as_bytes();
            b[0].is_ascii_alphabetic()
                && b.iter().all(|c| c.is_ascii_alphanumeric())
                && b.iter().any(|c| c.is_ascii_digit())
        };
        if inward_ok && outward_ok {
            Ok(Postcode(compact))
        } else {
            Err(PostcodeError::Invalid)
        }
    }

    pub fn compact(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Postcode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (outward, inward) = self.0.split_at(self.0.len() - 3);
        write!(f, "{outward} {inward}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_spacing_and_case() {
        let p = Postcode::parse(" st4 1hh ").unwrap();
        assert_eq!(p.compact(), "ST41HH");
        assert_eq!(p.to_string(), "ST4 1HH");
        assert_eq!(Postcode::parse("ST1 5BQ").unwrap().to_string(), "ST1 5BQ");
        assert_eq!(Postcode::parse("st15bq").unwrap().to_string(), "ST1 5BQ");
        assert_eq!(Postcode::parse("SW1A 1AA").unwrap().to_string(), "SW1A 1AA");
    }

    #[test]
    fn refuses_what_cannot_be_a_postcode() {
        assert_eq!(Postcode::parse(""), Err(PostcodeError::Empty));
        for bad in ["ST4", "12345", "ST4 HH1", "STOKE TOWN", "ST4 1H!"] {
            assert_eq!(Postcode::parse(bad), Err(PostcodeError::Invalid), "{bad}");
        }
    }
}
