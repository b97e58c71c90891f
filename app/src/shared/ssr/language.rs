//! Chooses each page's language before it renders: the one a link asked for (`?lang=ur`,
//! remembered in a cookie), else the one remembered, when this page can be read in it.
//! A survey's pages can be read in English and in each language its translation is
//! complete in; the pages around the surveys in every language Kiln speaks; staff pages in
//! English only. The choice goes on the request for the shell (`lang`, `dir`), the
//! interface's words (`i18n::t`) and the views, which read the survey in it.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::header::SET_COOKIE;
use axum::middleware::Next;
use axum::response::Response;
use domain::translation::{Language, ENGLISH, LANGUAGES};
use std::sync::Arc;
use store::catalogue::Catalogue;

use crate::shared::i18n::PageLanguage;
use crate::shared::ssr::auth::{read_cookie, Cookie};
use crate::shared::ssr::AppState;

/// The query parameter a language link sets.
pub const PARAM: &str = "lang";

pub async fn choose(State(st): State<AppState>, mut req: Request<Body>, next: Next) -> Response {
    let asked = asked_in_query(req.uri().query());
    // The builder's preview: the language its controls chose, remembered nowhere.
    if req.uri().path().starts_with("/preview/") {
        let language = asked.unwrap_or(ENGLISH);
        req.extensions_mut().insert(PageLanguage {
            language,
            choices: vec![language],
        });
        return next.run(req).await;
    }
    let remembered = read_cookie(req.headers(), st.auth.name_of(Cookie::Language))
        .and_then(|c| Language::from_code(&c));
    let wanted = asked.or(remembered).unwrap_or(ENGLISH);
    let (choices, catalogue) = choices(&st, req.uri().path()).await;
    if let Some(c) = catalogue {
        req.extensions_mut().insert(RequestCatalogue(c));
    }
    let language = if choices.contains(&wanted) {
        wanted
    } else {
        ENGLISH
    };
    req.extensions_mut()
        .insert(PageLanguage { language, choices });
    let mut res = next.run(req).await;
    if let Some(l) = asked.filter(|l| Some(*l) != remembered) {
        let cookie = st
            .auth
            .set_cookie(Cookie::Language, l.code, Some(365 * 24 * 3600));
        res.headers_mut().append(SET_COOKIE, cookie);
    }
    res
}

fn asked_in_query(query: Option<&str>) -> Option<Language> {
    form_urlencoded::parse(query?.as_bytes())
        .find(|(k, _)| k == PARAM)
        .and_then(|(_, v)| Language::from_code(&v))
}

/// The catalogue as this request found it: read once, by this middleware, for a survey's
/// pages, and kept for the page's own view (`AppState::current_catalogue`), which would
/// otherwise ask the database for its version a second time.
#[derive(Clone)]
pub struct RequestCatalogue(pub Arc<Catalogue>);

/// The languages the page at `path` can be read in, with the catalogue when it was read.
async fn choices(st: &AppState, path: &str) -> (Vec<Language>, Option<Arc<Catalogue>>) {
    if let Some(rest) = path.strip_prefix("/surveys/") {
        let key = rest.split('/').next().unwrap_or_default();
        return match st.catalogue.get(&st.db).await {
            Ok(c) => (
                c.survey(key)
                    .map(|s| s.languages())
                    .unwrap_or_else(|| vec![ENGLISH]),
                Some(c),
            ),
            Err(_) => (vec![ENGLISH], None),
        };
    }
    if speaks_every_language(path) {
        return (LANGUAGES.to_vec(), None);
    }
    (vec![ENGLISH], None)
}

/// The pages around the surveys, which every resident may meet first.
fn speaks_every_language(path: &str) -> bool {
    path == "/" || path == "/resume" || path == "/take-part" || path.starts_with("/take-part/")
}

/// The address of this page in another language: the same address and query, with `lang`
/// set.
pub fn link(path: &str, query: Option<&str>, to: Language) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    if let Some(q) = query {
        for (k, v) in form_urlencoded::parse(q.as_bytes()) {
            if k != PARAM {
                out.append_pair(&k, &v);
            }
        }
    }
    out.append_pair(PARAM, to.code);
    format!("{path}?{}", out.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_language_link_keeps_the_rest_of_the_address() {
        let ur = Language::from_code("ur").unwrap();
        assert_eq!(
            link(
                "/surveys/wellbeing/r/abc/section/2",
                Some("change=1&lang=pl"),
                ur
            ),
            "/surveys/wellbeing/r/abc/section/2?change=1&lang=ur"
        );
        assert_eq!(link("/", None, ur), "/?lang=ur");
    }

    #[test]
    fn only_known_languages_are_taken_from_the_query() {
        assert_eq!(asked_in_query(Some("lang=ur")).unwrap().code, "ur");
        assert_eq!(asked_in_query(Some("lang=xx")), None);
        assert_eq!(asked_in_query(Some("errors=1")), None);
        assert_eq!(asked_in_query(None), None);
    }
}
