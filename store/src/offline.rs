//! Answers entered where there is no signal. The volunteer's browser gives each resident's
//! answers an id when they are started and sends them when the connection returns, perhaps
//! more than once (a reply lost on the way back). The id is the entry's code, so the server
//! takes each id once: the same answers again are a repeat, acknowledged; different answers
//! under an id already sent are kept aside for the group's organiser to resolve.

use chrono::NaiveDate;
use domain::answers::{validate_survey, RawAnswers};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder,
};

use crate::areas::AreaDirectory;
use crate::entity::{entry, entry_aside};
use crate::entries::{self, Changed, Closed, Entry, Sent};
use crate::groups::Scope;
use crate::surveys::SurveyRecord;
use crate::StoreError;

/// What happened to answers that arrived from a volunteer's device.
#[derive(Debug, PartialEq)]
pub enum Arrived {
    /// Stored as a response; how many the event has now.
    Stored {
        at_event: u64,
    },
    /// These answers were stored before under this id: nothing new.
    Repeat,
    /// Different answers under an id already sent: kept aside for the organiser.
    KeptAside,
    /// Kept as typed but not sent, for the volunteer to check on the entry page.
    Check {
        code: String,
    },
    Closed(Closed),
}

/// An id the browser made: 32 lower-case hexadecimal characters, as the server's own.
pub fn is_client_id(id: &str) -> bool {
    id.len() == 32
        && id
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// Takes answers sent from a device under the id it made. None when the event is not the
/// scope's, does not collect the wave, or the id is another event's (or not an id).
#[allow(clippy::too_many_arguments)]
pub async fn receive(
    db: &DatabaseConnection,
    scope: &Scope,
    user_id: i32,
    event_id: i32,
    wave_id: i32,
    id: &str,
    survey: &SurveyRecord,
    areas: &AreaDirectory,
    answers: RawAnswers,
    agreed: bool,
    now: i64,
    today: NaiveDate,
) -> Result<Option<Arrived>, StoreError> {
    if !is_client_id(id) {
        return Ok(None);
    }
    let Some(event) = crate::events::own(db, scope, event_id).await? else {
        return Ok(None);
    };
    if !event.waves.contains(&wave_id) {
        return Ok(None);
    }
    let row = match find(db, id).await? {
        Some(row) => row,
        None => {
            if let Some(c) = entries::closed(db, &event, wave_id, now).await? {
                return Ok(Some(Arrived::Closed(c)));
            }
            let inserted = entry::ActiveModel {
                code: Set(id.to_string()),
                event_id: Set(event_id),
                wave_id: Set(wave_id),
                entered_by: Set(user_id),
                kiosk_id: Set(None),
                answers: Set("{}".into()),
                response_id: Set(None),
                offline: Set(true),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(db)
            .await;
            match inserted {
                Ok(row) => row,
                // The same id arriving twice at once: the other request made the entry.
                Err(e) if crate::drafts::is_unique_violation(&e) => find(db, id).await?.ok_or(
                    StoreError::Corrupt("an entry vanished while it was being sent".into()),
                )?,
                Err(e) => return Err(e.into()),
            }
        }
    };
    if row.event_id != event_id
        || row.wave_id != wave_id
        || row.kiosk_id.is_some()
        || row.batch_id.is_some()
    {
        return Ok(None);
    }
    let entry = entries::entry_of(row, event)?;
    if !entry.sent {
        let sent = entries::send(
            db,
            &entry,
            survey,
            areas,
            answers.clone(),
            agreed,
            now,
            today,
        )
        .await?;
        match sent {
            Sent::Stored { at_event } => return Ok(Some(Arrived::Stored { at_event })),
            Sent::Invalid { .. } => return Ok(Some(Arrived::Check { code: entry.code })),
            Sent::Closed(c) => return Ok(Some(Arrived::Closed(c))),
            // Sent by a request that arrived at the same moment: compare with it below.
            Sent::Already => {}
        }
    }
    let row = find(db, id).await?.ok_or(StoreError::Corrupt(
        "an entry vanished while it was being sent".into(),
    ))?;
    let digest = entries::digest_of(&answers)?;
    if row.sent_digest.as_deref() == Some(digest.as_str()) {
        return Ok(Some(Arrived::Repeat));
    }
    let waiting = entry_aside::Entity::find()
        .filter(entry_aside::Column::EntryId.eq(row.id))
        .filter(entry_aside::Column::Digest.eq(&digest))
        .filter(entry_aside::Column::ResolvedAt.is_null())
        .count(db)
        .await?;
    if waiting == 0 {
        entry_aside::ActiveModel {
            entry_id: Set(row.id),
            answers: Set(serde_json::to_string(&answers)?),
            digest: Set(digest),
            received_from: Set(user_id),
            received_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    Ok(Some(Arrived::KeptAside))
}

async fn find(db: &DatabaseConnection, code: &str) -> Result<Option<entry::Model>, StoreError> {
    Ok(entry::Entity::find()
        .filter(entry::Column::Code.eq(code))
        .one(db)
        .await?)
}

/// Answers kept aside, beside what is stored under their id.
#[derive(Clone, Debug, PartialEq)]
pub struct Aside {
    pub id: i32,
    pub entry: Entry,
    pub received_from: i32,
    pub received_at: i64,
    pub answers: RawAnswers,
    /// Each answer that differs from the stored one.
    pub changes: Vec<Changed>,
}

/// The unresolved answers kept aside at one of the scope's events, oldest first. Only
/// organisers resolve them.
pub async fn at_event(
    db: &DatabaseConnection,
    scope: &Scope,
    event_id: i32,
    survey_of: &(dyn Fn(i32) -> Option<std::sync::Arc<SurveyRecord>> + Sync),
    areas: &AreaDirectory,
) -> Result<Vec<Aside>, StoreError> {
    let Some(event) = crate::events::own(db, scope, event_id).await? else {
        return Ok(Vec::new());
    };
    if !scope.organises() {
        return Ok(Vec::new());
    }
    let entries: std::collections::HashMap<i32, entry::Model> = entry::Entity::find()
        .filter(entry::Column::EventId.eq(event_id))
        .filter(entry::Column::ResponseId.is_not_null())
        .all(db)
        .await?
        .into_iter()
        .map(|e| (e.id, e))
        .collect();
    let rows = entry_aside::Entity::find()
        .filter(entry_aside::Column::EntryId.is_in(entries.keys().copied()))
        .filter(entry_aside::Column::ResolvedAt.is_null())
        .order_by_asc(entry_aside::Column::Id)
        .all(db)
        .await?;
    let mut out = Vec::new();
    for r in rows {
        let Some(e) = entries.get(&r.entry_id) else {
            continue;
        };
        let entry = entries::entry_of(e.clone(), event.clone())?;
        let Some(survey) = survey_of(entry.wave_id) else {
            continue;
        };
        let stored =
            entries::answers_of_response(db, entry.response_id.unwrap_or_default(), areas).await?;
        let answers: RawAnswers = serde_json::from_str(&r.answers)?;
        out.push(Aside {
            id: r.id,
            changes: entries::changes_between(&survey, &stored, &answers),
            entry,
            received_from: r.received_from,
            received_at: r.received_at,
            answers,
        });
    }
    Ok(out)
}

/// The event of answers kept aside, when it is one of the scope's.
pub async fn event_of(
    db: &DatabaseConnection,
    scope: &Scope,
    aside_id: i32,
) -> Result<Option<i32>, StoreError> {
    let Some(row) = entry_aside::Entity::find_by_id(aside_id).one(db).await? else {
        return Ok(None);
    };
    let Some(e) = entry::Entity::find_by_id(row.entry_id).one(db).await? else {
        return Ok(None);
    };
    Ok(crate::events::own(db, scope, e.event_id)
        .await?
        .map(|event| event.id))
}

/// The organiser's choice for answers kept aside.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// The stored answers stand; these are deleted.
    Keep,
    /// These replace the stored ones, kept as a correction by the organiser.
    Replace,
}

/// What resolving answers kept aside did.
#[derive(Debug, PartialEq)]
pub enum Resolved {
    Kept,
    Replaced(Vec<Changed>),
    /// The answers kept aside do not pass the survey's checks: only keeping is possible.
    Invalid,
    /// The survey has closed: the stored answers stand.
    WaveClosed,
}

/// An organiser resolves answers kept aside at one of their group's events. None for
/// another group's, one already resolved, or a volunteer.
#[allow(clippy::too_many_arguments)]
pub async fn resolve(
    db: &DatabaseConnection,
    scope: &Scope,
    aside_id: i32,
    choice: Choice,
    by: i32,
    survey_of: &(dyn Fn(i32) -> Option<std::sync::Arc<SurveyRecord>> + Sync),
    areas: &AreaDirectory,
    now: i64,
    today: NaiveDate,
) -> Result<Option<Resolved>, StoreError> {
    let Some(row) = entry_aside::Entity::find_by_id(aside_id)
        .filter(entry_aside::Column::ResolvedAt.is_null())
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let Some(e) = entry::Entity::find_by_id(row.entry_id).one(db).await? else {
        return Ok(None);
    };
    if !scope.organises() {
        return Ok(None);
    }
    let Some(event) = crate::events::own(db, scope, e.event_id).await? else {
        return Ok(None);
    };
    let entry = entries::entry_of(e, event)?;
    let (Some(survey), Some(response_id)) = (survey_of(entry.wave_id), entry.response_id) else {
        return Ok(None);
    };
    let outcome = match choice {
        Choice::Keep => Resolved::Kept,
        Choice::Replace => {
            if !crate::drafts::wave_accepts_answers(db, entry.wave_id).await? {
                return Ok(Some(Resolved::WaveClosed));
            }
            let answers: RawAnswers = serde_json::from_str(&row.answers)?;
            let Ok(valid) = validate_survey(&survey.definition, &answers, &|c| areas.is_ward(c))
            else {
                return Ok(Some(Resolved::Invalid));
            };
            let changes = entries::replace_answers(
                db,
                &entry,
                response_id,
                &survey,
                areas,
                &answers,
                valid,
                by,
                now,
                today,
            )
            .await?
            .unwrap_or_default();
            Resolved::Replaced(changes)
        }
    };
    // Resolved answers are not kept: the stored ones, and any correction, say what stands.
    entry_aside::ActiveModel {
        id: Set(row.id),
        answers: Set("{}".into()),
        resolved_by: Set(Some(by)),
        resolved_at: Set(Some(now)),
        resolution: Set(Some(
            match choice {
                Choice::Keep => "kept",
                Choice::Replace => "replaced",
            }
            .into(),
        )),
        ..Default::default()
    }
    .update(db)
    .await?;
    Ok(Some(outcome))
}
