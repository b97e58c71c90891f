//! The annual report: for each survey, its latest published wave of the year, led by the
//! headline indicators and tabulated by ward. Built from the same cells as every other
//! results page, so the same figures are withheld.

use domain::indicators::definitions::HEADLINE;
use domain::indicators::Level;

use super::views::{self, area_id, figure, summary, withheld_figure, Cells};
use crate::results::model::{AnnualReport, ReportSection, ReportWard};
use crate::results::paths::Audience;
use crate::shared::ssr::{AppState, ViewError};

pub async fn annual(st: &AppState, year: i32) -> Result<AnnualReport, ViewError> {
    let published = store::waves::published(&st.db).await?;
    let years = views::report_years(&published);
    if !years.contains(&year) {
        return Err(ViewError::NotFound);
    }
    let marks = views::benchmarks(&*st.catalogue.get(&st.db).await?);
    let mut sections = Vec::new();
    for (survey, waves) in &published {
        // Newest first: the year's latest published wave speaks for it.
        let Some(wave) = waves
            .iter()
            .find(|w| store::waves::year_of(w) == Some(year))
        else {
            continue;
        };
        let l = views::load(st, Audience::Public, &survey.key, &wave.key).await?;
        let mut headline = views::overview_of(&l, &marks);
        for theme in &mut headline.themes {
            theme
                .indicators
                .retain(|i| HEADLINE.contains(&i.key.as_str()));
        }
        headline.themes.retain(|t| !t.indicators.is_empty());

        let w = &l.computed;
        let cells = Cells::new(w);
        let picked: Vec<usize> = HEADLINE
            .iter()
            .filter_map(|k| w.defs.iter().position(|d| d.key == *k))
            .collect();
        let columns = picked
            .iter()
            .map(|&i| summary(w, &cells, i, &marks))
            .collect();
        let mut wards: Vec<ReportWard> = w
            .areas
            .wards
            .iter()
            .enumerate()
            .map(|(a, ward)| ReportWard {
                code: ward.code.clone(),
                name: ward.name.clone(),
                group: w.areas.groups[ward.group].name.clone(),
                figures: picked
                    .iter()
                    .map(|&i| match cells.get(i, area_id(Level::Ward, a)) {
                        Some(c) => figure(c, ward.code.clone(), ward.name.clone(), None),
                        None => withheld_figure(&ward.code, &ward.name),
                    })
                    .collect(),
            })
            .collect();
        wards.sort_by(|a, b| a.name.cmp(&b.name));
        sections.push(ReportSection {
            headline,
            columns,
            wards,
        });
    }
    let (framework, updates) = crate::framework::ssr::views::for_report(st, year).await?;
    Ok(AnnualReport {
        year,
        sections,
        years,
        framework,
        updates,
    })
}
