//! A council's colour, as its header is drawn: white text sits on it, so it must keep WCAG's
//! 4.5:1 contrast with white, or a council's configuration would make its own header
//! unreadable.

use std::fmt;

/// WCAG 2.2's minimum contrast for normal text (1.4.3).
pub const MIN_CONTRAST: f64 = 4.5;

/// A colour written `#rrggbb` on which white text is readable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BrandColour([u8; 3]);

#[derive(Clone, Debug, PartialEq)]
pub enum ColourProblem {
    /// Not written `#rrggbb`.
    NotAColour(String),
    /// White text on it would be below 4.5:1.
    TooLight { colour: String, contrast: f64 },
}

impl fmt::Display for ColourProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ColourProblem::NotAColour(s) => {
                write!(f, "\"{s}\" is not a colour written like #00594f")
            }
            ColourProblem::TooLight { colour, contrast } => write!(
                f,
                "white text on {colour} has a contrast of {contrast:.2}:1; it needs at least 4.5:1, so choose a darker colour"
            ),
        }
    }
}

impl BrandColour {
    pub fn parse(text: &str) -> Result<BrandColour, ColourProblem> {
        let t = text.trim();
        let hex = t.strip_prefix('#').unwrap_or(t);
        let bad = || ColourProblem::NotAColour(text.to_string());
        if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(bad());
        }
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).map_err(|_| bad());
        let colour = BrandColour([byte(0)?, byte(2)?, byte(4)?]);
        let contrast = colour.contrast_with_white();
        if contrast < MIN_CONTRAST {
            return Err(ColourProblem::TooLight {
                colour: colour.hex(),
                contrast,
            });
        }
        Ok(colour)
    }

    /// Written `#rrggbb`, in lower case.
    pub fn hex(self) -> String {
        let [r, g, b] = self.0;
        format!("#{r:02x}{g:02x}{b:02x}")
    }

    /// The same colour darker, for the header's bottom border: a third of the way to black,
    /// so it still reads as the council's colour.
    pub fn darker(self) -> BrandColour {
        BrandColour(self.0.map(|c| (f64::from(c) * 0.65).round() as u8))
    }

    /// WCAG's relative luminance.
    pub fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let s = f64::from(c) / 255.0;
            if s <= 0.04045 {
                s / 12.92
            } else {
                ((s + 0.055) / 1.055).powf(2.4)
            }
        };
        let [r, g, b] = self.0;
        0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    }

    /// WCAG's contrast ratio of white text on this colour.
    pub fn contrast_with_white(self) -> f64 {
        1.05 / (self.luminance() + 0.05)
    }
}

impl Default for BrandColour {
    /// Kiln's own green.
    fn default() -> Self {
        BrandColour([0x00, 0x59, 0x4f])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn reads_a_colour_with_or_without_its_hash() {
        assert_eq!(BrandColour::parse("#00594F").unwrap().hex(), "#00594f");
        assert_eq!(BrandColour::parse(" 1d4f91 ").unwrap().hex(), "#1d4f91");
    }

    #[test]
    fn refuses_what_is_not_a_colour() {
        for bad in ["", "#fff", "green", "#00594g", "#00594f0"] {
            assert_eq!(
                BrandColour::parse(bad),
                Err(ColourProblem::NotAColour(bad.to_string())),
                "{bad}"
            );
        }
    }

    #[test]
    fn contrast_matches_published_figures() {
        // WebAIM's checker: white on #767676 is 4.54:1, on #777777 4.48:1, on black 21:1.
        let ratio = |h: &str| {
            let hex = h.trim_start_matches('#');
            let b = |i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap();
            BrandColour([b(0), b(2), b(4)]).contrast_with_white()
        };
        assert!((ratio("#767676") - 4.54).abs() < 0.01);
        assert!((ratio("#777777") - 4.48).abs() < 0.01);
        assert!((ratio("#000000") - 21.0).abs() < 1e-9);
        assert!(BrandColour::parse("#767676").is_ok());
    }

    #[test]
    fn refuses_a_colour_white_text_cannot_be_read_on() {
        // The tile map's old mid-blue, 3.4:1.
        match BrandColour::parse("#4292c6") {
            Err(ColourProblem::TooLight { colour, contrast }) => {
                assert_eq!(colour, "#4292c6");
                assert!((contrast - 3.4).abs() < 0.05, "{contrast}");
            }
            other => panic!("{other:?}"),
        }
        let message = BrandColour::parse("#ffdd00").unwrap_err().to_string();
        assert!(message.contains("at least 4.5:1"), "{message}");
    }

    #[test]
    fn kilns_own_colour_is_readable() {
        assert!(BrandColour::default().contrast_with_white() >= MIN_CONTRAST);
    }

    proptest! {
        #[test]
        fn a_darker_colour_keeps_white_text_readable(r: u8, g: u8, b: u8) {
            let c = BrandColour([r, g, b]);
            prop_assume!(c.contrast_with_white() >= MIN_CONTRAST);
            prop_assert!(c.darker().contrast_with_white() >= c.contrast_with_white());
        }
    }
}
