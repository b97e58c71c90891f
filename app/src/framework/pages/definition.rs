//! The officers' indicator definition page: adding a local measure to the framework, or
//! changing an indicator's definition, source and target.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::framework::api::load_definition;
use crate::framework::model::DefinitionView;
use crate::framework::paths;
use crate::officer::pages::nav::OfficerNav;
use crate::results::paths::Audience;
use crate::shared::components::{
    show_loaded, ErrorSummary, InputField, PageTitle, RadioChoice, SelectField, TextArea,
};
use crate::shared::notice::{field_value, Refusal};
use crate::shared::param;

#[component]
pub fn NewIndicatorPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| load_definition(None));
    view! { {show_loaded(data, |v: DefinitionView| view! { <DefinitionBody v /> }.into_any())} }
}

#[component]
pub fn DefinitionPage() -> impl IntoView {
    let params = use_params_map();
    let data = Resource::new(
        move || param(&params.read(), "key"),
        |k| load_definition(Some(k)),
    );
    view! { {show_loaded(data, |v: DefinitionView| view! { <DefinitionBody v /> }.into_any())} }
}

fn options(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, l)| (k.to_string(), l.to_string()))
        .collect()
}

#[component]
fn DefinitionBody(v: DefinitionView) -> impl IntoView {
    let refusal = Refusal::of(&v.notice, "definition");
    let errors = refusal
        .as_ref()
        .map(|r| r.errors.clone())
        .unwrap_or_default();
    let has_errors = !errors.is_empty();
    let stored = v.stored.clone();
    let r2 = refusal.clone();
    let t = move |f: &str| field_value(&r2, &stored, f);
    let e = move |f: &str| {
        refusal
            .as_ref()
            .and_then(|r| r.error(&format!("definition-{f}")))
    };
    let (action, heading, back) = match &v.key {
        Some(k) => (
            paths::definition(k),
            format!("Change \"{}\"", v.title.clone().unwrap_or_default()),
            paths::indicator(Audience::Officer, k),
        ),
        None => (
            paths::OFFICER_NEW_INDICATOR.to_string(),
            "Add an indicator to the framework".to_string(),
            paths::OFFICER_FRAMEWORK.to_string(),
        ),
    };
    let priorities = options(&[
        ("healthier", "A healthier city"),
        ("wealthier", "A wealthier city"),
        ("safer", "A safer city"),
        ("greener", "A greener city"),
        ("cleaner", "A cleaner city"),
        ("fairer", "A fairer city"),
    ]);
    let polarities = options(&[
        ("high_good", "Higher is better"),
        ("low_good", "Lower is better"),
        ("no_judgement", "Neither is judged better"),
    ]);
    let measures = options(&[
        (
            "proportion",
            "A proportion (a share of a denominator, such as a percentage)",
        ),
        ("rate", "A rate (events per 1,000 or 100,000 people)"),
        ("other", "Anything else (a mean, a count, money, years)"),
    ]);
    let sexes = options(&[
        ("", "Not from Fingertips"),
        ("Persons", "Persons"),
        ("Male", "Male"),
        ("Female", "Female"),
    ]);
    let about = view! {
        {v
            .key
            .is_none()
            .then(|| {
                view! {
                    <InputField
                        id="definition-key"
                        name="key"
                        label="Key"
                        kind="text"
                        autocomplete="off"
                        error=e("key")
                        value=t("key")
                        hint="Lower-case letters, digits and underscores, like rough_sleepers: files and the API name it by this, and it cannot change"
                    />
                }
            })}
        <InputField
            id="definition-title"
            name="title"
            label="Title"
            kind="text"
            autocomplete="off"
            error=e("title")
            value=t("title")
        />
        <TextArea
            id="definition-definition".into()
            name="definition"
            label="Definition in plain English"
            error=e("definition")
            value=t("definition")
        />
        <RadioChoice
            id="definition-priority".into()
            name="priority"
            legend="Priority"
            error=e("priority")
            options=priorities
            selected=t("priority")
        />
        <RadioChoice
            id="definition-polarity".into()
            name="polarity"
            legend="Which way is better"
            error=e("polarity")
            options=polarities
            selected=t("polarity")
        />
    }
    .into_any();
    let figure = (!v.from_survey).then(|| {
        view! {
            <RadioChoice
                id="definition-measure".into()
                name="measure"
                legend="What kind of figure"
                error=e("measure")
                options=measures
                selected=t("measure")
                hint="It decides how an interval is worked out from a count and which trend test applies"
            />
            <InputField
                id="definition-per"
                name="per"
                label="Per (proportions and rates)"
                kind="text"
                autocomplete="off"
                error=e("per")
                value=t("per")
                class="input input-width-10"
                hint="100 for a percentage, 1,000 or 100,000 for a rate"
            />
            <InputField
                id="definition-unit"
                name="unit"
                label="Unit"
                kind="text"
                autocomplete="off"
                error=e("unit")
                value=t("unit")
                class="input input-width-10"
                hint="As shown after the figure: %, £, years, per 1,000"
            />
            <InputField
                id="definition-decimals"
                name="decimals"
                label="Decimal places"
                kind="text"
                autocomplete="off"
                error=e("decimals")
                value=t("decimals")
                class="input input-width-3"
            />
        }
        .into_any()
    });
    let source = view! {
        <InputField
            id="definition-publisher"
            name="publisher"
            label="Publisher"
            kind="text"
            autocomplete="off"
            error=e("publisher")
            value=t("publisher")
        />
        <InputField
            id="definition-source_url"
            name="source_url"
            label="Link to the source (optional)"
            kind="text"
            autocomplete="off"
            error=e("source_url")
            value=t("source_url")
        />
        <InputField
            id="definition-licence"
            name="licence"
            label="Licence (optional)"
            kind="text"
            autocomplete="off"
            error=e("licence")
            value=t("licence")
        />
        <InputField
            id="definition-frequency"
            name="frequency"
            label="How often it is updated"
            kind="text"
            autocomplete="off"
            error=e("frequency")
            value=t("frequency")
            hint="For example: annual, quarterly"
        />
        <TextArea
            id="definition-caveats".into()
            name="caveats"
            label="Caveats (optional)"
            error=e("caveats")
            value=t("caveats")
        />
        <InputField
            id="definition-fingertips_id"
            name="fingertips_id"
            label="OHID Fingertips indicator ID (optional)"
            kind="text"
            autocomplete="off"
            error=e("fingertips_id")
            value=t("fingertips_id")
            class="input input-width-10"
            hint="Rows of a Fingertips export with this ID and sex load into this indicator"
        />
        <SelectField
            id="definition-fingertips_sex".into()
            name="fingertips_sex"
            label="Fingertips sex"
            error=e("fingertips_sex")
            options=sexes
            selected=t("fingertips_sex")
        />
    }
    .into_any();
    let target = view! {
        <InputField
            id="definition-baseline_period"
            name="baseline_period"
            label="Baseline period (optional)"
            kind="text"
            autocomplete="off"
            error=e("baseline_period")
            value=t("baseline_period")
            hint="Change is measured from this period: an ISO 8601 interval such as 2023-04-01/P1Y"
        />
        <h2>"Target (optional)"</h2>
        <InputField
            id="definition-baseline_value"
            name="baseline_value"
            label="Baseline value"
            kind="text"
            autocomplete="off"
            error=e("baseline_value")
            value=t("baseline_value")
            class="input input-width-10"
        />
        <InputField
            id="definition-target_value"
            name="target_value"
            label="Target value"
            kind="text"
            autocomplete="off"
            error=e("target_value")
            value=t("target_value")
            class="input input-width-10"
        />
        <InputField
            id="definition-target_date"
            name="target_date"
            label="Target date"
            kind="text"
            autocomplete="off"
            error=e("target_date")
            value=t("target_date")
            class="input input-width-10"
            hint="Year-month-day, like 2028-03-31"
        />
        <InputField
            id="definition-strategy"
            name="strategy"
            label="Where the target comes from"
            kind="text"
            autocomplete="off"
            error=e("strategy")
            value=t("strategy")
            hint="For example: Corporate Strategy 2024-28"
        />
    }
    .into_any();
    view! {
        <PageTitle text=heading.clone() error=has_errors />
        <OfficerNav viewer=v.viewer.clone() />
        <a class="back-link" href=back>
            "Back"
        </a>
        <ErrorSummary errors />
        <h1>{heading}</h1>
        <form method="post" action=action novalidate>
            <input type="hidden" name="csrf" value=v.viewer.csrf.clone() />
            {about}
            {figure}
            {source}
            {target}
            <button class="button" type="submit">
                "Save the indicator"
            </button>
        </form>
    }
}
