//! The methodology page, written from the same definitions and constants the engine uses,
//! so the explanation cannot drift from the arithmetic.

use domain::indicators::engine::{LOW_BASE, MIN_THRESHOLD};
use domain::indicators::{IndicatorDef, Rule};
use domain::{Question, QuestionKind};

use super::views::theme_title;
use crate::results::model::{MethodIndicator, MethodSurvey, MethodologyView};
use crate::shared::ssr::{AppState, ViewError};

fn rule_in_words(def: &IndicatorDef, q: &Question) -> String {
    match (&def.rule, &q.kind) {
        (Rule::Mean, QuestionKind::Scale { min, max, .. }) => {
            format!("The average score, from {min} to {max}.")
        }
        (Rule::ShareInRange { min, max }, QuestionKind::Scale { .. }) => {
            format!("The percentage answering from {min} to {max}.")
        }
        (Rule::ShareOf { options }, QuestionKind::Choice { options: all }) => {
            let named: Vec<String> = all
                .iter()
                .filter(|o| options.contains(&o.key))
                .map(|o| format!("\u{201c}{}\u{201d}", o.label))
                .collect();
            format!("The percentage answering {}.", named.join(" or "))
        }
        _ => "Computed from the answers to this question.".into(),
    }
}

pub async fn view(st: &AppState) -> Result<MethodologyView, ViewError> {
    let defs = store::indicator_defs::all(&st.db).await?;
    let mut surveys = Vec::new();
    for s in &st.catalogue.get(&st.db).await?.surveys {
        let mine = store::indicator_defs::for_survey(&defs, &s.definition);
        let indicators = mine
            .iter()
            .filter_map(|d| {
                let q = s.definition.questions().find(|q| q.key == d.item)?;
                Some(MethodIndicator {
                    label: d.label.clone(),
                    theme: theme_title(d.theme).into(),
                    question: q.prompt.clone(),
                    rule: rule_in_words(d, q),
                    higher_is_better: d.higher_is_better,
                })
            })
            .collect();
        surveys.push(MethodSurvey {
            title: s.about.title.clone(),
            indicators,
        });
    }
    Ok(MethodologyView {
        threshold: store::settings::disclosure_threshold(&st.db).await?,
        min_threshold: MIN_THRESHOLD,
        low_base: LOW_BASE,
        surveys,
    })
}
