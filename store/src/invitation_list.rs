//! A list of addresses an officer uploads to invite to a wave: a CSV with an `email` column
//! and, optionally, a `ward` column (the ward's code or name), so the fieldwork page can
//! count invitations and responses by ward. Every row is checked first; any problem and
//! nobody is invited. (The same address twice is invited once: `invitations` counts it.)

use std::io::Read;

use domain::accounts::EmailAddress;

use crate::areas::AreaDirectory;
use crate::import::{ImportError, RowError};
use crate::invitations::Invitee;

/// Bigger lists go in several uploads (each is one transaction and one audit entry).
pub const MAX_ROWS: usize = 20_000;

pub fn parse(input: impl Read, areas: &AreaDirectory) -> Result<Vec<Invitee>, ImportError> {
    let (mut reader, head) = crate::import::lenient(input)?;
    let col = |name: &str| head.iter().position(|h| h == name);
    let Some(c_email) = col("email") else {
        return Err(ImportError::File(
            "the first row must name the columns: email, and optionally ward".into(),
        ));
    };
    let c_ward = col("ward");
    let (mut rows, mut errors) = (Vec::new(), Vec::new());
    for (i, record) in reader.records().enumerate() {
        let line = i + 2;
        let record = record.map_err(|e| ImportError::File(format!("line {line}: {e}")))?;
        if record.iter().all(|f| f.is_empty()) {
            continue;
        }
        if rows.len() + errors.len() >= MAX_ROWS {
            return Err(ImportError::File(format!(
                "it has more than {MAX_ROWS} rows: split it into smaller files"
            )));
        }
        let get = |c: Option<usize>| c.and_then(|c| record.get(c)).unwrap_or("");
        let mut bad = |column: &str, reason: String| {
            errors.push(RowError {
                line,
                column: column.into(),
                reason,
            })
        };
        let typed = get(Some(c_email));
        let email = match EmailAddress::parse(typed) {
            Ok(e) => Some(e),
            Err(_) if typed.is_empty() => {
                bad("email", "the email address is empty".into());
                None
            }
            Err(_) => {
                bad(
                    "email",
                    format!("\"{typed}\" is not an email address, like name@example.com"),
                );
                None
            }
        };
        let ward = get(c_ward);
        let ward_code = if ward.is_empty() {
            Some(None)
        } else {
            areas
                .wards
                .iter()
                .find(|w| w.code.eq_ignore_ascii_case(ward) || w.name.eq_ignore_ascii_case(ward))
                .map(|w| Some(w.code.clone()))
        };
        if ward_code.is_none() {
            bad(
                "ward",
                format!("\"{ward}\" is not a ward's code or name (leave it empty if not known)"),
            );
        }
        if let (Some(email), Some(ward_code)) = (email, ward_code) {
            rows.push(Invitee { email, ward_code });
        }
    }
    if !errors.is_empty() {
        return Err(ImportError::Rows(errors));
    }
    if rows.is_empty() {
        return Err(ImportError::File("it has no addresses".into()));
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::areas::Ward;

    fn areas() -> AreaDirectory {
        AreaDirectory {
            wards: vec![Ward {
                id: 1,
                code: "E05000001".into(),
                name: "Tunstall".into(),
                group_code: "N".into(),
                tile: None,
            }],
            ..Default::default()
        }
    }

    #[test]
    fn reads_addresses_and_wards_by_code_or_name() {
        let csv = "Email,Ward\njo@example.org,Tunstall\nSam@Example.org,e05000001\npat@example.org,\njo@example.org,\n";
        let rows = parse(csv.as_bytes(), &areas()).unwrap();
        assert_eq!(
            rows.len(),
            4,
            "the second jo@ is left to the inviter to count"
        );
        assert_eq!(rows[1].email.as_str(), "sam@example.org");
        assert_eq!(rows[0].ward_code.as_deref(), Some("E05000001"));
        assert_eq!(rows[2].ward_code, None);
    }

    #[test]
    fn every_bad_row_is_reported_by_line() {
        let csv = "email,ward\nnot-an-address,\n,Tunstall\nok@example.org,Atlantis\n";
        let Err(ImportError::Rows(rows)) = parse(csv.as_bytes(), &areas()) else {
            panic!("refused")
        };
        let lines: Vec<(usize, &str)> = rows.iter().map(|r| (r.line, r.column.as_str())).collect();
        assert_eq!(lines, [(2, "email"), (3, "email"), (4, "ward")]);
        assert!(matches!(
            parse("name\nJo\n".as_bytes(), &areas()),
            Err(ImportError::File(_))
        ));
        assert!(matches!(
            parse("email\n".as_bytes(), &areas()),
            Err(ImportError::File(_))
        ));
    }
}
