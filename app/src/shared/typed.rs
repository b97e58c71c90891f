//! What a person typed into a form the server refused, carried back to the form so that
//! nothing is lost, and never through the page's address.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Field name to the text typed in it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Typed(BTreeMap<String, String>);

impl Typed {
    pub fn from_pairs(pairs: &[(&str, &str)]) -> Typed {
        Typed(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        )
    }

    /// What was typed in `field`, if the form came back refused.
    pub fn get(&self, field: &str) -> Option<String> {
        self.0.get(field).cloned()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}
