//! The council that runs Kiln, as its residents meet it: named on the accessibility
//! statement and the privacy notice, with how to reach it. Set by configuration
//! (`KILN_COUNCIL_*`, `KILN_SERVICE_NAME`, `KILN_BRAND_COLOUR`), so another council can run
//! Kiln without changing code.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Council {
    /// `KILN_COUNCIL_NAME`: the data controller, as its residents know it.
    pub name: String,
    /// `KILN_SERVICE_NAME`: what the header calls the service, beside the council's name.
    pub service: String,
    /// Where the council's logo is served (`KILN_COUNCIL_LOGO`), or empty: the header then
    /// shows the council's name in words.
    pub logo: String,
    /// `KILN_COUNCIL_EMAIL`: where residents write about the surveys (may be empty).
    pub email: String,
    /// `KILN_COUNCIL_PHONE`.
    pub phone: String,
    /// `KILN_COUNCIL_ADDRESS`: its postal address, on one line.
    pub address: String,
    /// `KILN_COUNCIL_DPO_EMAIL`: its data protection officer (may be empty).
    pub dpo_email: String,
    /// `KILN_SIGNPOSTS`: where to get help, shown after the wellbeing questions and when
    /// answers are sent (a JSON file of these; national services by default).
    pub signposts: Vec<Signpost>,
}

/// Somewhere to get help with what a survey asked about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signpost {
    /// What it helps with: "Feeling low, anxious or alone".
    pub topic: String,
    pub name: String,
    pub url: String,
    /// May be empty.
    pub phone: String,
}

impl Signpost {
    fn new(topic: &str, name: &str, url: &str, phone: &str) -> Signpost {
        Signpost {
            topic: topic.into(),
            name: name.into(),
            url: url.into(),
            phone: phone.into(),
        }
    }

    /// National services, free to call, for a council that has set none of its own.
    pub fn national() -> Vec<Signpost> {
        vec![
            Signpost::new(
                "Feeling low, anxious or struggling to cope, at any time",
                "Samaritans",
                "https://www.samaritans.org/",
                "116 123",
            ),
            Signpost::new(
                "Anxiety and mental health: information and support",
                "Mind",
                "https://www.mind.org.uk/information-support/helplines/",
                "0300 123 3393",
            ),
            Signpost::new(
                "Loneliness, for people aged 55 and over",
                "The Silver Line (Age UK)",
                "https://www.ageuk.org.uk/services/silver-line/",
                "0800 470 8090",
            ),
            Signpost::new(
                "Money worries and debt: free, impartial guidance",
                "MoneyHelper",
                "https://www.moneyhelper.org.uk/",
                "0800 138 7777",
            ),
            Signpost::new(
                "Money, benefits and housing: free advice",
                "Citizens Advice",
                "https://www.citizensadvice.org.uk/",
                "0800 144 8848",
            ),
        ]
    }
}

impl Default for Council {
    fn default() -> Self {
        Council {
            name: "Stoke-on-Trent City Council".into(),
            service: "Resident surveys".into(),
            logo: String::new(),
            email: String::new(),
            phone: "01782 234234".into(),
            address: "Civic Centre, Glebe Street, Stoke-on-Trent ST4 1HH".into(),
            dpo_email: String::new(),
            signposts: Signpost::national(),
        }
    }
}
