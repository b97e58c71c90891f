//! The accessibility statement and the privacy notice.

use leptos::prelude::*;

use super::api::load_council;
use crate::shared::components::{show_loaded, PageTitle};
use crate::shared::council::Council;

/// How to reach the council: each way it configured.
#[component]
fn Contacts(c: Council) -> impl IntoView {
    view! {
        <ul class="list">
            {(!c.email.is_empty())
                .then(|| {
                    let mailto = format!("mailto:{}", c.email);
                    view! { <li>"email " <a href=mailto>{c.email.clone()}</a></li> }
                })}
            {(!c.phone.is_empty()).then(|| view! { <li>{format!("call {}", c.phone)}</li> })}
            {(!c.address.is_empty())
                .then(|| view! { <li>{format!("write to {}", c.address)}</li> })}
        </ul>
    }
}

/// The statement UK public sector bodies must publish (Public Sector Bodies (Websites and
/// Mobile Applications) (No. 2) Accessibility Regulations 2018), in the standard form.
#[component]
pub fn AccessibilityPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| load_council());
    view! {
        {show_loaded(
            data,
            |c: Council| {
                view! {
                    <PageTitle text="Accessibility statement".to_string() />
                    <h1>"Accessibility statement for the resident surveys"</h1>
                    <p>
                        {format!(
                            "This statement applies to the resident surveys, their published results and the staff pages of this website. It is run by {}. We want as many people as possible to be able to use it. For example, you should be able to:",
                            c.name,
                        )}
                    </p>
                    <ul class="list">
                        <li>
                            "change colours, contrast levels and fonts using browser or device settings"
                        </li>
                        <li>"zoom in up to 400% without the text spilling off the screen"</li>
                        <li>"answer every survey using just a keyboard"</li>
                        <li>"answer every survey with JavaScript turned off"</li>
                        <li>"use most of the website using a screen reader"</li>
                    </ul>
                    <p>"We have also made the text as simple as we can."</p>
                    <h2>"How accessible this website is"</h2>
                    <p>
                        "We know some parts of this website are not fully accessible: the maps of results by ward need the table beside them to be understood without sight, and some results tables scroll sideways on small screens."
                    </p>
                    <h2>"Feedback and contact information"</h2>
                    <p>
                        "If you need anything on this website in a different format, such as large print, easy read, audio or braille, or you find a problem not listed here, contact us:"
                    </p>
                    <Contacts c=c.clone() />
                    <p>"We will consider your request and get back to you in 10 working days."</p>
                    <h2>"Enforcement procedure"</h2>
                    <p>
                        "The Equality and Human Rights Commission (EHRC) is responsible for enforcing the accessibility regulations. If you are not happy with how we respond to your complaint, "
                        <a href="https://www.equalityadvisoryservice.com/">
                            "contact the Equality Advisory and Support Service (EASS)"
                        </a> "."
                    </p>
                    <h2>"Technical information about this website's accessibility"</h2>
                    <p>
                        {format!(
                            "{} is committed to making its website accessible, in accordance with the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018.",
                            c.name,
                        )}
                    </p>
                    <h3>"Compliance status"</h3>
                    <p>
                        "This website is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard, due to the non-compliances listed below."
                    </p>
                    <h2>"Non-accessible content"</h2>
                    <ul class="list">
                        <li>
                            "Results tables on narrow screens scroll sideways, and it is not always clear that there are more columns (WCAG 1.4.10 Reflow). We plan to show them as stacked rows on small screens."
                        </li>
                        <li>
                            "Ward labels on the results maps are short and small on a phone (WCAG 1.4.4 Resize text). Every figure on a map is also in the table beside it."
                        </li>
                    </ul>
                    <h2>"How we tested this website"</h2>
                    <p>
                        "Every page is checked with the axe accessibility engine against WCAG 2.2 A and AA in an automated browser, on a phone-sized and a laptop-sized screen, with JavaScript on and off, each time the software changes. The surveys are also tested by keyboard alone and at 200% zoom."
                    </p>
                    <h2>"Preparation of this accessibility statement"</h2>
                    <p>
                        "This statement was prepared on 24 November 2026. It was last reviewed on 24 November 2026."
                    </p>
                }
                    .into_any()
            },
        )}
    }
}

/// What the council does with what residents tell it, under the UK GDPR.
#[component]
pub fn PrivacyPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| load_council());
    view! {
        {show_loaded(
            data,
            |c: Council| {
                view! {
                    <PageTitle text="Privacy notice".to_string() />
                    <h1>"Privacy notice for the resident surveys"</h1>
                    <h2>"Who we are"</h2>
                    <p>
                        {format!(
                            "{} is the data controller for the information you give on this website. You can contact us to ask about it:",
                            c.name,
                        )}
                    </p>
                    <Contacts c=c.clone() />
                    {(!c.dpo_email.is_empty())
                        .then(|| {
                            let mailto = format!("mailto:{}", c.dpo_email);
                            view! {
                                <p>
                                    "Our data protection officer: "
                                    <a href=mailto>{c.dpo_email.clone()}</a>
                                </p>
                            }
                        })}
                    <h2>"What we collect and why"</h2>
                    <ul class="list">
                        <li>
                            "Your survey answers, with the ward you live in and, if you choose, your age group and sex. We do not ask your name, email or address with your answers, and we do not record your IP address or the time you answered, only the date. We use the answers to measure how residents are doing, ward by ward, and publish the results; figures from fewer than a set number of people are never shown."
                        </li>
                        <li>
                            "Your email address, only if you ask for emails about new results or join the residents' panel (with, if you choose, your ward, age group and sex, to see whom the panel is missing). These are never linked to your survey answers."
                        </li>
                        <li>
                            "Your email address, if we invite you to a survey from a list. Your answers are never linked to it."
                        </li>
                        <li>
                            "Staff accounts: name, work email address and what they do on the staff pages."
                        </li>
                    </ul>
                    <h2>"Our lawful basis"</h2>
                    <p>
                        "Surveys: a task carried out in the public interest (UK GDPR Article 6(1)(e)): the council's duties to plan and improve its services. Answers about health are special category data; we use them for statistics in the public interest (Article 9(2)(j), with the Data Protection Act 2018, Schedule 1, paragraph 4). Emails about results and the residents' panel: your consent (Article 6(1)(a)), which you can withdraw with one click in any email."
                    </p>
                    <h2>"How long we keep it"</h2>
                    <ul class="list">
                        <li>"Unfinished answers: 30 days after they were last saved."</li>
                        <li>
                            "Survey answers: as the survey's start page says, then deleted; published results contain no one's answers."
                        </li>
                        <li>
                            "Email addresses for results or the panel: until you leave (one click in any email deletes it at once), or 7 days if you never confirm it."
                        </li>
                        <li>
                            "Email addresses we were given to invite you to a survey: until that round of the survey closes. If you ask for no more emails, we keep only a scrambled form of the address so that we do not email it again."
                        </li>
                        <li>"Records of emails sent: 30 days."</li>
                    </ul>
                    <h2>"Who we share it with"</h2>
                    <p>
                        "No one outside the council sees your answers. Published results are figures for groups of people, never answers. Our email provider handles email addresses only to deliver our messages."
                    </p>
                    <h2>"Your rights"</h2>
                    <p>
                        "You can ask for a copy of what we hold about you, ask us to correct or delete it, object to how we use it, and withdraw consent at any time. Because we do not link survey answers to anyone, we cannot find a person's answers once they are sent."
                    </p>
                    <h2>"How to complain"</h2>
                    <p>
                        "Contact us first, using the details above. If you are not happy with our answer, you can complain to the Information Commissioner's Office: "
                        <a href="https://ico.org.uk/make-a-complaint/">
                            "ico.org.uk/make-a-complaint"
                        </a> ", or call 0303 123 1113."
                    </p>
                }
                    .into_any()
            },
        )}
    }
}
