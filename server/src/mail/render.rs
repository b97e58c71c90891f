//! Messages rendered from their templates (`server/templates/mail/`): plain text and simple
//! accessible HTML with the same words, then built into an email by lettre, which writes
//! every header (never string concatenation).

use std::sync::OnceLock;

use domain::mail::Mail;
use lettre::message::{header::ContentType, Mailbox, MultiPart, SinglePart};
use lettre::Message;
use minijinja::{Environment, UndefinedBehavior};
use sha2_free_hash::short_hash;

/// A message's words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
}

fn templates() -> &'static Environment<'static> {
    static ENV: OnceLock<Environment<'static>> = OnceLock::new();
    ENV.get_or_init(|| {
        let mut env = Environment::new();
        // A field a template names but the message lacks is an error, not an empty gap.
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        for (name, source) in [
            (
                "layout.html",
                include_str!("../../templates/mail/layout.html"),
            ),
            (
                "password_reset.txt",
                include_str!("../../templates/mail/password_reset.txt"),
            ),
            (
                "password_reset.html",
                include_str!("../../templates/mail/password_reset.html"),
            ),
            (
                "staff_invitation.txt",
                include_str!("../../templates/mail/staff_invitation.txt"),
            ),
            (
                "staff_invitation.html",
                include_str!("../../templates/mail/staff_invitation.html"),
            ),
            (
                "updates_confirmation.txt",
                include_str!("../../templates/mail/updates_confirmation.txt"),
            ),
            (
                "updates_confirmation.html",
                include_str!("../../templates/mail/updates_confirmation.html"),
            ),
            (
                "panel_confirmation.txt",
                include_str!("../../templates/mail/panel_confirmation.txt"),
            ),
            (
                "panel_confirmation.html",
                include_str!("../../templates/mail/panel_confirmation.html"),
            ),
            (
                "results_published.txt",
                include_str!("../../templates/mail/results_published.txt"),
            ),
            (
                "results_published.html",
                include_str!("../../templates/mail/results_published.html"),
            ),
        ] {
            env.add_template(name, source)
                .expect("mail templates parse (checked by the tests)");
        }
        env
    })
}

/// Renders a message's text and HTML (HTML-escaped: names come from people). `site` is the
/// public address, which residents' messages put before their paths.
pub fn render(mail: &Mail, site: &str) -> Result<Rendered, minijinja::Error> {
    let subject = mail.subject();
    let mut context = serde_json::to_value(mail).expect("messages serialise");
    context["subject"] = serde_json::Value::String(subject.clone());
    context["site"] = serde_json::Value::String(site.trim_end_matches('/').to_string());
    let context = minijinja::Value::from(minijinja::value::Serde(&context));
    let env = templates();
    let text = env
        .get_template(&format!("{}.txt", mail.template()))?
        .render(&context)?;
    let html = env
        .get_template(&format!("{}.html", mail.template()))?
        .render(&context)?;
    Ok(Rendered {
        subject,
        text,
        html,
    })
}

/// The email itself. Its Message-ID comes from the outbox key, so a message sent twice
/// (its sender died between the server's acceptance and the record of it) is recognisably
/// the same one. `leave` is the one-click unsubscribe address of a resident's message
/// (RFC 8058: `List-Unsubscribe` and `List-Unsubscribe-Post`).
pub fn message(
    from: &Mailbox,
    to: &str,
    key: &str,
    rendered: &Rendered,
    leave: Option<&str>,
) -> Result<Message, String> {
    let to: Mailbox = to
        .parse()
        .map_err(|e| format!("the recipient's address is not valid: {e}"))?;
    let domain = from.email.domain().to_string();
    let mut builder = Message::builder();
    if let Some(leave) = leave {
        builder = builder
            .header(ListUnsubscribe::from(format!("<{leave}>")))
            .header(ListUnsubscribePost);
    }
    builder
        .from(from.clone())
        .to(to)
        .subject(rendered.subject.clone())
        .message_id(Some(format!("<{}@{domain}>", short_hash(key))))
        .multipart(
            MultiPart::alternative()
                .singlepart(
                    SinglePart::builder()
                        .header(ContentType::TEXT_PLAIN)
                        .body(rendered.text.clone()),
                )
                .singlepart(
                    SinglePart::builder()
                        .header(ContentType::TEXT_HTML)
                        .body(rendered.html.clone()),
                ),
        )
        .map_err(|e| format!("the message could not be built: {e}"))
}

/// `List-Unsubscribe: <https://…>`: lettre has no type for it, so a header type of ours,
/// whose value lettre still encodes and folds.
#[derive(Clone, Debug)]
struct ListUnsubscribe(String);

impl From<String> for ListUnsubscribe {
    fn from(s: String) -> Self {
        ListUnsubscribe(s)
    }
}

impl lettre::message::header::Header for ListUnsubscribe {
    fn name() -> lettre::message::header::HeaderName {
        lettre::message::header::HeaderName::new_from_ascii_str("List-Unsubscribe")
    }
    fn parse(s: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(ListUnsubscribe(s.to_string()))
    }
    fn display(&self) -> lettre::message::header::HeaderValue {
        lettre::message::header::HeaderValue::new(Self::name(), self.0.clone())
    }
}

/// `List-Unsubscribe-Post: List-Unsubscribe=One-Click`.
#[derive(Clone, Debug)]
struct ListUnsubscribePost;

impl lettre::message::header::Header for ListUnsubscribePost {
    fn name() -> lettre::message::header::HeaderName {
        lettre::message::header::HeaderName::new_from_ascii_str("List-Unsubscribe-Post")
    }
    fn parse(_: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(ListUnsubscribePost)
    }
    fn display(&self) -> lettre::message::header::HeaderValue {
        lettre::message::header::HeaderValue::new(
            Self::name(),
            "List-Unsubscribe=One-Click".to_string(),
        )
    }
}

mod sha2_free_hash {
    /// A stable, opaque 16-hex-digit name for a key (FNV-1a): the key itself, which names
    /// a link's row, stays out of the headers.
    pub fn short_hash(key: &str) -> String {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in key.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        format!("{h:016x}.kiln")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reset() -> Mail {
        Mail::PasswordReset {
            name: "Jo <Bloggs>".into(),
            link: "https://kiln.example/reset-password/TOKEN".into(),
            minutes: 30,
        }
    }

    #[test]
    fn every_message_renders_in_text_and_html() {
        let invitation = Mail::StaffInvitation {
            name: "Sam".into(),
            role: "officer".into(),
            invited_by: "Jo".into(),
            link: "https://kiln.example/invitation/TOKEN".into(),
            hours: 72,
        };
        let confirm = Mail::UpdatesConfirmation {
            confirm_path: "/updates/confirm/TOKEN".into(),
            leave_path: "/updates/leave/TOKEN".into(),
        };
        let published = Mail::ResultsPublished {
            survey: "Wellbeing".into(),
            wave: "2026 autumn".into(),
            results_path: "/results/wellbeing/2026-autumn".into(),
            leave_path: "/updates/leave/TOKEN".into(),
        };
        let panel = Mail::PanelConfirmation {
            confirm_path: "/updates/confirm/TOKEN".into(),
            leave_path: "/updates/leave/TOKEN".into(),
        };
        for mail in [reset(), invitation, confirm, panel, published] {
            let r = render(&mail, "https://kiln.example/").unwrap();
            assert!(r.text.contains("https://kiln.example/"), "{}", r.text);
            // minijinja escapes `/` in HTML too; mail clients read it back.
            let html = r.html.replace("&#x2f;", "/");
            assert!(html.contains("href=\"https://kiln.example/"), "{}", r.html);
            assert!(r.html.contains("<html lang=\"en-GB\">"));
            insta::assert_snapshot!(format!("{}_txt", mail.template()), r.text);
            insta::assert_snapshot!(format!("{}_html", mail.template()), r.html);
        }
    }

    #[test]
    fn names_are_escaped_in_html_only() {
        let r = render(&reset(), "https://kiln.example").unwrap();
        assert!(r.text.contains("Hello Jo <Bloggs>,"));
        assert!(r.html.contains("Hello Jo &lt;Bloggs&gt;,"));
    }

    #[test]
    fn headers_are_built_not_concatenated() {
        let from: Mailbox = "Kiln <kiln@stoke.example>".parse().unwrap();
        let r = render(&reset(), "https://kiln.example").unwrap();
        assert!(message(&from, "someone\r\nBcc: x@evil.example", "k", &r, None).is_err());
        let m = message(&from, "jo@example.org", "reset:1", &r, None).unwrap();
        let text = String::from_utf8(m.formatted()).unwrap();
        assert!(text.contains("Subject: Choose a new password for Kiln"));
        assert!(text.contains("@stoke.example>"));
        assert!(!text.contains("reset:1"));
        assert!(!text.contains("List-Unsubscribe"));
        let leave = "https://kiln.example/updates/leave/T";
        let m = message(&from, "jo@example.org", "k", &r, Some(leave)).unwrap();
        let text = String::from_utf8(m.formatted()).unwrap();
        assert!(text.contains("List-Unsubscribe: <https://kiln.example/updates/leave/T>"));
        assert!(text.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
    }
}
