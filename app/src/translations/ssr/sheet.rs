//! A language's texts as a spreadsheet, for translators who work offline or in their own
//! tools: one row per text with its id, where it appears, the English, the translation and
//! its status. Uploading it back saves each row (`forms::upload_sheet`).

use domain::translation::{Language, TextState};
use rust_xlsxwriter::{Format, Workbook, XlsxError};

use crate::results::ssr::exports::spreadsheet_safe;

pub const SHEET_NAME: &str = "Translation";
const HEADERS: [&str; 5] = ["Text", "Where", "English", "Translation", "Status"];

/// One row as read back.
#[derive(Debug, PartialEq)]
pub struct Row {
    pub id: String,
    pub english: String,
    pub text: String,
    pub status: String,
}

pub fn write(language: Language, states: &[TextState]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(SHEET_NAME)?;
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();
    let mut theirs = Format::new().set_text_wrap();
    if language.direction == domain::translation::Direction::RightToLeft {
        theirs = theirs.set_reading_direction(2);
    }
    for (col, h) in HEADERS.iter().enumerate() {
        let h = if *h == "Translation" {
            format!("Translation ({})", language.english_name)
        } else {
            h.to_string()
        };
        sheet.write_string_with_format(0, col as u16, h, &bold)?;
    }
    for (i, s) in states.iter().enumerate() {
        let row = 1 + i as u32;
        sheet.write_string(row, 0, spreadsheet_safe(&s.source.id))?;
        sheet.write_string(row, 1, spreadsheet_safe(&s.source.place))?;
        sheet.write_string_with_format(row, 2, spreadsheet_safe(&s.source.english), &wrap)?;
        sheet.write_string_with_format(
            row,
            3,
            spreadsheet_safe(s.text.as_deref().unwrap_or("")),
            &theirs,
        )?;
        sheet.write_string(row, 4, s.status.name())?;
    }
    sheet.set_column_width(0, 28)?;
    sheet.set_column_width(1, 30)?;
    sheet.set_column_width(2, 60)?;
    sheet.set_column_width(3, 60)?;
    sheet.set_column_width(4, 12)?;
    sheet.set_freeze_panes(1, 0)?;
    book.save_to_buffer()
}

/// The rows of an uploaded sheet, or what is wrong with it in words.
pub fn read(bytes: &[u8]) -> Result<Vec<Row>, String> {
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec())).map_err(|_| {
            "The file is not a spreadsheet Kiln can read: upload the .xlsx file downloaded here"
                .to_string()
        })?;
    let range = book.worksheet_range(SHEET_NAME).map_err(|_| {
        format!("The spreadsheet has no sheet called \u{201c}{SHEET_NAME}\u{201d}: upload the file downloaded here, with its sheet unrenamed")
    })?;
    let mut rows = range.rows();
    let header: Vec<String> = rows
        .next()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .unwrap_or_default();
    let expected_start = ["Text", "Where", "English"];
    if header.len() < 5 || header[..3] != expected_start {
        return Err("The sheet's first row is not Kiln's (Text, Where, English, Translation, Status): upload the file downloaded here, with its columns as they were".into());
    }
    Ok(rows
        .filter_map(|r| {
            let cell = |i: usize| {
                r.get(i)
                    .map(|c| unquote(&c.to_string()))
                    .unwrap_or_default()
            };
            let id = cell(0);
            (!id.trim().is_empty()).then(|| Row {
                id: id.trim().to_string(),
                english: cell(2),
                text: cell(3),
                status: cell(4).trim().to_string(),
            })
        })
        .collect())
}

/// Undoes `spreadsheet_safe`'s quote before text a spreadsheet would take for a formula.
fn unquote(cell: &str) -> String {
    match cell.strip_prefix('\'') {
        Some(rest) if spreadsheet_safe(rest) != rest => rest.to_string(),
        _ => cell.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::translation::{states, Translation};

    #[test]
    fn a_sheet_reads_back_as_it_was_written() {
        let doc: domain::document::SurveyDocument = serde_json::from_str(include_str!(
            "../../../../store/seed/surveys/wellbeing.json"
        ))
        .unwrap();
        let ur = Language::from_code("ur").unwrap();
        let stored = vec![Translation {
            id: "title".into(),
            source: doc.title.clone(),
            text: "خوشحالی کا سروے".into(),
            complete: true,
        }];
        let s = states(&doc, &stored);
        let rows = read(&write(ur, &s).unwrap()).unwrap();
        assert_eq!(rows.len(), s.len());
        assert_eq!(
            rows[0],
            Row {
                id: "title".into(),
                english: doc.title.clone(),
                text: "خوشحالی کا سروے".into(),
                status: "complete".into()
            }
        );
        assert_eq!(rows[1].status, "missing");
        assert_eq!(rows[1].text, "");
    }

    #[test]
    fn a_file_that_is_not_the_sheet_is_refused_in_words() {
        assert!(read(b"id,text\n")
            .unwrap_err()
            .contains("not a spreadsheet"));
    }
}
