//! The council's colour and logo as files, made once from configuration and served from
//! memory under `/brand/`, each named by its content's hash so browsers keep it for good.
//! (A stylesheet rather than an inline style: the pages' Content-Security-Policy allows no
//! inline styles.)

use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use domain::brand::BrandColour;
use sha2::{Digest, Sha256};

use super::AppState;

/// A file under `/brand/`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BrandFile {
    /// Its address, `/brand/{name}.{hash}.{ext}`.
    pub path: String,
    pub content_type: &'static str,
    pub bytes: Vec<u8>,
}

impl BrandFile {
    fn new(stem: &str, ext: &str, content_type: &'static str, bytes: Vec<u8>) -> BrandFile {
        let hash = Sha256::digest(&bytes);
        let hash: String = hash[..8].iter().map(|b| format!("{b:02x}")).collect();
        BrandFile {
            path: format!("/brand/{stem}.{hash}.{ext}"),
            content_type,
            bytes,
        }
    }
}

/// The council's stylesheet (its colour) and its logo, if it has one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BrandFiles {
    pub css: BrandFile,
    pub logo: Option<BrandFile>,
}

/// A logo file's extension and content type, by its name; or why it cannot be used.
pub fn logo_type(file_name: &str) -> Result<(&'static str, &'static str), String> {
    let ext = file_name
        .rsplit('.')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    match ext.as_str() {
        "svg" => Ok(("svg", "image/svg+xml")),
        "png" => Ok(("png", "image/png")),
        "jpg" | "jpeg" => Ok(("jpg", "image/jpeg")),
        "webp" => Ok(("webp", "image/webp")),
        _ => Err(format!(
            "{file_name} is not an SVG, PNG, JPEG or WebP file (its name must end .svg, .png, .jpg or .webp)"
        )),
    }
}

impl BrandFiles {
    /// `logo`: the file's name (for its type) and its bytes.
    pub fn new(colour: BrandColour, logo: Option<(&str, Vec<u8>)>) -> Result<BrandFiles, String> {
        let css = format!(
            ":root{{--brand:{};--brand-dark:{}}}\n",
            colour.hex(),
            colour.darker().hex()
        );
        let logo = match logo {
            Some((name, bytes)) => {
                let (ext, content_type) = logo_type(name)?;
                Some(BrandFile::new("logo", ext, content_type, bytes))
            }
            None => None,
        };
        Ok(BrandFiles {
            css: BrandFile::new("brand", "css", "text/css; charset=utf-8", css.into_bytes()),
            logo,
        })
    }

    fn find(&self, path: &str) -> Option<&BrandFile> {
        std::iter::once(&self.css)
            .chain(self.logo.as_ref())
            .find(|f| f.path == path)
    }
}

impl Default for BrandFiles {
    fn default() -> Self {
        BrandFiles::new(BrandColour::default(), None).expect("no logo to refuse")
    }
}

/// `GET /brand/{file}`.
pub async fn serve(State(state): State<AppState>, Path(file): Path<String>) -> Response {
    match state.brand.find(&format!("/brand/{file}")) {
        Some(f) => (
            [
                (header::CONTENT_TYPE, f.content_type),
                (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
                // An SVG opened on its own runs nothing.
                (header::CONTENT_SECURITY_POLICY, crate::shared::csp::STRICT),
            ],
            f.bytes.clone(),
        )
            .into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_each_file_by_its_content() {
        let a = BrandFiles::default();
        let b = BrandFiles::new(BrandColour::parse("#1d4f91").unwrap(), None).unwrap();
        assert!(a.css.path.starts_with("/brand/brand."));
        assert_ne!(a.css.path, b.css.path);
        assert_eq!(
            String::from_utf8(b.css.bytes).unwrap(),
            ":root{--brand:#1d4f91;--brand-dark:#13335e}\n"
        );
    }

    #[test]
    fn takes_common_image_types_only() {
        let f = BrandFiles::new(
            BrandColour::default(),
            Some(("Logo.SVG", b"<svg/>".to_vec())),
        )
        .unwrap();
        let logo = f.logo.unwrap();
        assert!(logo.path.ends_with(".svg"));
        assert_eq!(logo.content_type, "image/svg+xml");
        let err = BrandFiles::new(BrandColour::default(), Some(("logo.gif", vec![]))).unwrap_err();
        assert!(err.contains("not an SVG, PNG"), "{err}");
    }
}
