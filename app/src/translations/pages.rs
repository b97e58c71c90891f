use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::officer::pages::nav::OfficerNav;
use crate::shared::components::{
    show_loaded, CsvFileField, ErrorItem, ErrorSummary, PageTitle, StatusNotice,
};
use crate::shared::param;
use crate::translations::api::{load_languages, load_texts};
use crate::translations::model::*;
use crate::translations::paths;

/// Each language's progress on a survey: what is missing, in draft, complete or outdated,
/// whether residents are offered it, and its sheet to download and upload.
#[component]
pub fn LanguagesPage() -> impl IntoView {
    let params = use_params_map();
    let data = Resource::new(move || param(&params.read(), "survey"), load_languages);
    view! { {show_loaded(data, |v: LanguagesView| view! { <Languages v /> }.into_any())} }
}

#[component]
fn Languages(v: LanguagesView) -> impl IntoView {
    let (errors, refused) = match &v.notice {
        Some(TranslationNotice::SheetRefused { language, message }) => {
            let code = v
                .languages
                .iter()
                .find(|l| l.name == *language)
                .map(|l| l.code.clone())
                .unwrap_or_default();
            (
                vec![ErrorItem {
                    field_id: format!("sheet-{code}"),
                    message: message.clone(),
                }],
                Some((code, message.clone())),
            )
        }
        _ => (Vec::new(), None),
    };
    let has_errors = !errors.is_empty();
    let csrf = v.viewer.csrf.clone();
    let survey = v.survey_key.clone();
    let rows = v
        .languages
        .iter()
        .map(|l| {
            view! {
                <tr>
                    <th scope="row">
                        <a href=paths::texts(&survey, &l.code)>{l.name.clone()}</a>
                        " "
                        <span lang=l.code.clone()>{format!("({})", l.own_name)}</span>
                    </th>
                    <td class="num">{l.complete}</td>
                    <td class="num">{l.draft}</td>
                    <td class="num">{l.outdated}</td>
                    <td class="num">{l.missing}</td>
                    <td>
                        {if l.offered {
                            "Yes".to_string()
                        } else {
                            format!("Not until all {} texts are complete", l.total)
                        }}
                    </td>
                </tr>
            }
        })
        .collect_view();
    let sheets = v
        .languages
        .iter()
        .map(|l| {
            let id = format!("sheet-{}", l.code);
            let error = refused
                .as_ref()
                .filter(|(c, _)| *c == l.code)
                .map(|(_, m)| m.clone());
            view! {
                <h3>{l.name.clone()}</h3>
                <p>
                    <a href=paths::sheet(&survey, &l.code) download rel="external">
                        {format!("Download the {} sheet (XLSX)", l.name)}
                    </a>
                </p>
                <form
                    method="post"
                    action=paths::sheet(&survey, &l.code)
                    enctype="multipart/form-data"
                    novalidate
                >
                    <input type="hidden" name="csrf" value=csrf.clone() />
                    <CsvFileField
                        id=id
                        label=format!("The {} sheet, translated", l.name)
                        hint="The .xlsx file downloaded here, with the Translation and Status columns filled in"
                            .to_string()
                        error
                        problems=Vec::new()
                        more=0
                        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                    />
                    <button class="button button-secondary" type="submit">
                        {format!("Upload the {} sheet", l.name)}
                    </button>
                </form>
            }
        })
        .collect_view();
    view! {
        <PageTitle text=format!("Translations – {}", v.survey_title) error=has_errors />
        <OfficerNav viewer=v.viewer.clone() />
        <ErrorSummary errors />
        <a class="back-link" href=crate::builder::paths::SURVEYS>
            "Surveys"
        </a>
        <h1>{format!("Translations of {}", v.survey_title)}</h1>
        <p class="lead">
            "Residents can choose a language only when every text of the version they answer is translated and marked complete. When the English of a text changes, its translation becomes outdated until it is translated again."
        </p>
        <table class="table">
            <caption class="table-caption">"Texts by status"</caption>
            <thead>
                <tr>
                    <th scope="col">"Language"</th>
                    <th scope="col" class="num">
                        "Complete"
                    </th>
                    <th scope="col" class="num">
                        "Draft"
                    </th>
                    <th scope="col" class="num">
                        "Outdated"
                    </th>
                    <th scope="col" class="num">
                        "Missing"
                    </th>
                    <th scope="col">"Offered to residents"</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        <h2>"Translate in a spreadsheet"</h2>
        <p>
            "Download a language's sheet, fill in the Translation column and set each Status to draft or complete, then upload it here. Rows left empty change nothing."
        </p>
        {sheets}
    }
}

/// Every text of a survey in one language: the English, the translation in a box typed
/// in the language's direction, and its status.
#[component]
pub fn TextsPage() -> impl IntoView {
    let params = use_params_map();
    let data = Resource::new(
        move || {
            let p = params.read();
            (param(&p, "survey"), param(&p, "language"))
        },
        |(survey, language)| load_texts(survey, language),
    );
    view! { {show_loaded(data, |v: TextsView| view! { <Texts v /> }.into_any())} }
}

#[component]
fn Texts(v: TextsView) -> impl IntoView {
    let (saved, problems) = match v.notice.clone() {
        Some(TranslationNotice::Saved {
            changed, problems, ..
        }) => (
            Some(match changed {
                0 => "Nothing was changed.".to_string(),
                1 => "Saved 1 text.".to_string(),
                n => format!("Saved {n} texts."),
            }),
            problems,
        ),
        _ => (None, Vec::new()),
    };
    let errors: Vec<ErrorItem> = problems
        .iter()
        .map(|(id, why)| ErrorItem {
            field_id: field_id(id),
            message: format!("{} {why}", place_of(&v.rows, id)),
        })
        .collect();
    let has_errors = !errors.is_empty();
    let rows = v
        .rows
        .iter()
        .cloned()
        .map(|r| {
            let error = problems
                .iter()
                .find(|(id, _)| *id == r.id)
                .map(|(_, why)| format!("This text {why}"));
            view! { <TextField row=r error tag=v.language_tag.clone() dir=v.direction.clone() /> }
        })
        .collect_view();
    view! {
        <PageTitle
            text=format!("{} – translations of {}", v.language_name, v.survey_title)
            error=has_errors
        />
        <OfficerNav viewer=v.viewer.clone() />
        <ErrorSummary errors />
        <StatusNotice message=saved />
        <a class="back-link" href=paths::languages(&v.survey_key)>
            "Translations"
        </a>
        <h1>{format!("{} translation of {}", v.language_name, v.survey_title)}</h1>
        <p class="lead">
            "Write each text as residents should read it, then mark it complete. A draft is kept but not shown to residents."
        </p>
        <form method="post" action=paths::texts(&v.survey_key, &v.language_code) novalidate>
            <input type="hidden" name="csrf" value=v.viewer.csrf.clone() />
            {rows}
            <button class="button" type="submit">
                "Save the translations"
            </button>
        </form>
    }
}

fn field_id(text_id: &str) -> String {
    format!("t-{}", text_id.replace(['.', '+'], "-"))
}

fn place_of(rows: &[TextRow], id: &str) -> String {
    rows.iter()
        .find(|r| r.id == id)
        .map(|r| r.place.clone())
        .unwrap_or_else(|| id.to_string())
}

#[component]
fn TextField(row: TextRow, error: Option<String>, tag: String, dir: String) -> impl IntoView {
    let id = field_id(&row.id);
    let status_id = format!("{id}-status");
    let english_id = format!("{id}-english");
    let outdated = row.status == "outdated";
    let complete = row.status == "complete";
    let rows = (row.english.chars().count() / 60 + 2).min(8);
    view! {
        <div class=if error.is_some() {
            "form-group form-group-error translation"
        } else {
            "form-group translation"
        }>
            <label class="label" for=id.clone()>
                {row.place.clone()}
                " "
                <strong class=format!("tag tag-{}", row.status)>{row.status.clone()}</strong>
            </label>
            <p class="hint" id=english_id.clone() lang="en-GB" dir="ltr">
                {row.english.clone()}
            </p>
            {outdated
                .then(|| {
                    view! {
                        <p class="hint">
                            "The English has changed since this was translated: check the translation below against it."
                        </p>
                    }
                })}
            {error
                .clone()
                .map(|m| {
                    view! {
                        <p class="error-message" id=format!("{id}-error")>
                            <span class="visually-hidden">"Error: "</span>
                            {m}
                        </p>
                    }
                })}
            <textarea
                class="textarea"
                id=id.clone()
                name=format!("text:{}", row.id)
                rows=rows
                lang=tag
                dir=dir
                aria-describedby=if error.is_some() {
                    format!("{english_id} {id}-error")
                } else {
                    english_id.clone()
                }
            >
                {row.text.clone()}
            </textarea>
            <label class="label label-small" for=status_id.clone()>
                "Status"
            </label>
            <select class="select" id=status_id name=format!("status:{}", row.id)>
                <option value="draft" selected=!complete>
                    "Draft"
                </option>
                <option value="complete" selected=complete>
                    "Complete"
                </option>
            </select>
        </div>
    }
}
