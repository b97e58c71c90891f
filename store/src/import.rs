//! What a bulk import reports when a file is wrong: every bad row, with its line, column
//! and reason, so the whole file can be fixed in one go.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// The line in the file, counting the header as line 1.
    pub line: usize,
    pub column: String,
    pub reason: String,
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}, column {}: {}",
            self.line, self.column, self.reason
        )
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{0}")]
    File(String),
    #[error("{} row problem(s); nothing was imported", .0.len())]
    Rows(Vec<RowError>),
    #[error(transparent)]
    Store(#[from] crate::StoreError),
}

impl From<sea_orm::DbErr> for ImportError {
    fn from(e: sea_orm::DbErr) -> Self {
        ImportError::Store(e.into())
    }
}

/// A forgiving reader for files people make in spreadsheets (cells trimmed, rows of any
/// length) and its header row in lower case.
pub fn lenient<R: std::io::Read>(input: R) -> Result<(csv::Reader<R>, Vec<String>), ImportError> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .flexible(true)
        .from_reader(input);
    let head = headers(&mut reader)?
        .into_iter()
        .map(|h| h.to_ascii_lowercase())
        .collect();
    Ok((reader, head))
}

/// Reads the header row, trimming a byte-order mark and spaces.
pub fn headers(reader: &mut csv::Reader<impl std::io::Read>) -> Result<Vec<String>, ImportError> {
    Ok(reader
        .headers()
        .map_err(|e| ImportError::File(format!("cannot read the header row: {e}")))?
        .iter()
        .map(|h| h.trim().trim_start_matches('\u{feff}').to_string())
        .collect())
}
