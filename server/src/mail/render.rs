//! Messages rendered from their templates (`server/templates/mail/`): plain text and simple
//! accessible HTML with the same words, then built into an email by lettre, which writes
//! every header (never string concatenation).

use std::sync::OnceLock;

use domain::mail::Mail;
use lettre::message::{header::ContentType, Mailbox, MultiPart, SinglePart};
use lettre::Message;
use minijinja::{Environment, UndefinedBehavior};
use store::tokens::digest;

/// A message's words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
    /// A resident's one-click way out (RFC 8058: `List-Unsubscribe` and
    /// `List-Unsubscribe-Post`); none on staff messages.
    pub leave_link: Option<String>,
}

/// The message's addresses: its main link and, for a resident, the way out. Made here from
/// the app's own paths, so no message or table holds a URL.
fn links(mail: &Mail, site: &str) -> (String, Option<String>) {
    use app::results::paths::{self as results, Audience};
    let site = site.trim_end_matches('/');
    let main = match mail {
        Mail::PasswordReset { token, .. } => app::accounts::paths::reset_password(token),
        Mail::StaffInvitation { token, .. } => app::accounts::paths::invitation(token),
        Mail::JoinConfirmation { token, .. } => app::updates::paths::confirm(token),
        Mail::ResultsPublished {
            survey_key,
            wave_key,
            ..
        } => results::wave(Audience::Public, survey_key, wave_key),
        Mail::SurveyInvitation { code, .. } => app::survey::paths::invited(code),
    };
    let leave = mail
        .leave_token()
        .map(|t| format!("{site}{}", app::updates::paths::leave(t)));
    (format!("{site}{main}"), leave)
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
            (
                "survey_invitation.txt",
                include_str!("../../templates/mail/survey_invitation.txt"),
            ),
            (
                "survey_invitation.html",
                include_str!("../../templates/mail/survey_invitation.html"),
            ),
            (
                "survey_reminder.txt",
                include_str!("../../templates/mail/survey_reminder.txt"),
            ),
            (
                "survey_reminder.html",
                include_str!("../../templates/mail/survey_reminder.html"),
            ),
        ] {
            env.add_template(name, source)
                .expect("mail templates parse (checked by the tests)");
        }
        env
    })
}

/// Renders a message's text and HTML (HTML-escaped: names come from people). `site` is the
/// public address its links start with.
pub fn render(mail: &Mail, site: &str) -> Result<Rendered, minijinja::Error> {
    let subject = mail.subject();
    let (link, leave_link) = links(mail, site);
    let mut context = serde_json::to_value(mail).expect("messages serialise");
    context["subject"] = serde_json::Value::String(subject.clone());
    context["link"] = serde_json::Value::String(link);
    context["leave_link"] = serde_json::Value::from(leave_link.clone());
    // An access code as a person would type it from the message: in groups.
    if let Mail::SurveyInvitation { code, .. } = mail {
        let shown =
            domain::AccessCode::parse(code).map_or_else(|_| code.clone(), |c| c.to_string());
        context["code_shown"] = serde_json::Value::String(shown);
        context["enter_link"] = serde_json::Value::String(format!(
            "{}{}",
            site.trim_end_matches('/'),
            app::survey::paths::TAKE_PART
        ));
    }
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
        leave_link,
    })
}

/// The email itself. Its Message-ID comes from the outbox key, so a message sent twice
/// (its sender died between the server's acceptance and the record of it) is recognisably
/// the same one.
pub fn message(
    from: &Mailbox,
    to: &str,
    key: &str,
    rendered: &Rendered,
) -> Result<Message, String> {
    let to: Mailbox = to
        .parse()
        .map_err(|e| format!("the recipient's address is not valid: {e}"))?;
    let domain = from.email.domain().to_string();
    let mut builder = Message::builder();
    if let Some(leave) = &rendered.leave_link {
        builder = builder
            .header(ListUnsubscribe::from(format!("<{leave}>")))
            .header(ListUnsubscribePost);
    }
    builder
        .from(from.clone())
        .to(to)
        .subject(rendered.subject.clone())
        // The key names a link's row: only a hash of it goes in the header.
        .message_id(Some(format!("<{}.kiln@{domain}>", &digest(key)[..16])))
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

#[cfg(test)]
mod tests {
    use super::*;
    use domain::mail::ResidentList;

    fn reset() -> Mail {
        Mail::PasswordReset {
            name: "Jo <Bloggs>".into(),
            token: "TOKEN".into(),
            minutes: 30,
        }
    }

    #[test]
    fn every_message_renders_in_text_and_html() {
        let invitation = Mail::StaffInvitation {
            name: "Sam".into(),
            role: "officer".into(),
            invited_by: "Jo".into(),
            token: "TOKEN".into(),
            hours: 72,
        };
        let joining = |list| Mail::JoinConfirmation {
            list,
            token: "TOKEN".into(),
            leave_token: "TOKEN".into(),
        };
        let confirm = joining(ResidentList::Results);
        let panel = joining(ResidentList::Panel);
        let published = Mail::ResultsPublished {
            survey: "Wellbeing".into(),
            wave: "2026 autumn".into(),
            survey_key: "wellbeing".into(),
            wave_key: "2026-autumn".into(),
            leave_token: "TOKEN".into(),
        };
        let asked = |panel, reminder| Mail::SurveyInvitation {
            survey: "Wellbeing survey".into(),
            code: "7KQM2XTP9ABDRW4HC3NF".into(),
            leave_token: "TOKEN".into(),
            panel,
            reminder,
            minutes: 10,
        };
        let (asked_panel, reminded) = (asked(true, 0), asked(false, 1));
        for mail in [
            reset(),
            invitation,
            confirm,
            panel,
            published,
            asked_panel,
            reminded,
        ] {
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
        assert!(message(&from, "someone\r\nBcc: x@evil.example", "k", &r).is_err());
        let m = message(&from, "jo@example.org", "reset:1", &r).unwrap();
        let text = String::from_utf8(m.formatted()).unwrap();
        assert!(text.contains("Subject: Choose a new password for Kiln"));
        assert!(text.contains("@stoke.example>"));
        assert!(!text.contains("reset:1"));
        assert!(!text.contains("List-Unsubscribe"));
        let joining = Mail::JoinConfirmation {
            list: ResidentList::Results,
            token: "C".into(),
            leave_token: "T".into(),
        };
        let r = render(&joining, "https://kiln.example").unwrap();
        let m = message(&from, "jo@example.org", "k", &r).unwrap();
        let text = String::from_utf8(m.formatted()).unwrap();
        assert!(text.contains("List-Unsubscribe: <https://kiln.example/updates/leave/T>"));
        assert!(text.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
    }
}
