//! Inviting the panel or an uploaded list: the batch, its invitations, their messages
//! and the audit entry, in one transaction.

use super::*;

/// Why nobody was invited.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InviteRefusal {
    NoSuchWave,
    /// Closed or published: it takes no answers.
    WaveNotOpen,
    /// Everyone who could be was invited to this wave already (or there is nobody).
    NobodyLeft,
}

/// What an invitation run did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invited {
    pub invited: usize,
    /// Already invited to this wave, asked for no more, or twice in the file.
    pub skipped: usize,
}

/// Invites confirmed panel members not yet invited to this wave: all of them, or `size`
/// of them shared out between wards in proportion to the members each has (members with
/// no ward are a stratum of their own), chosen at random within each.
pub async fn invite_panel(
    db: &DatabaseConnection,
    secret: &[u8],
    actor: &Actor,
    survey_key: &str,
    wave_key: &str,
    size: Option<usize>,
    reminders: &ReminderDays,
) -> Result<Result<Invited, InviteRefusal>, StoreError> {
    let (s, w) = match open_wave(db, survey_key, wave_key).await? {
        Ok(found) => found,
        Err(refusal) => return Ok(Err(refusal)),
    };
    let (left, skipped) = members_left(db, w.id).await?;
    let mut strata: BTreeMap<Option<String>, Vec<subscriber::Model>> = BTreeMap::new();
    for m in left {
        strata.entry(m.ward_code.clone()).or_default().push(m);
    }
    let counts: Vec<usize> = strata.values().map(Vec::len).collect();
    let total: usize = counts.iter().sum();
    let shares = allocate(&counts, size.unwrap_or(total));
    let mut chosen = Vec::new();
    for (mut group, share) in strata.into_values().zip(shares) {
        group.shuffle(&mut rand::rng());
        chosen.extend(group.into_iter().take(share));
    }
    if chosen.is_empty() {
        return Ok(Err(InviteRefusal::NobodyLeft));
    }
    let invitees: Vec<Recipient> = chosen
        .into_iter()
        .map(|m| Recipient {
            email: m.email,
            ward_code: m.ward_code,
            member: Some(m.id),
        })
        .collect();
    let detail = match size {
        Some(n) => format!("a sample of {n} panel members, stratified by ward"),
        None => "the residents' panel".to_string(),
    };
    let invited = send(
        db,
        secret,
        actor,
        &s,
        &w,
        Source::Panel,
        invitees,
        reminders,
        &detail,
    )
    .await?;
    Ok(Ok(Invited { invited, skipped }))
}

/// Invites everyone on an uploaded list, except addresses already invited to this wave or
/// that asked for no more survey emails.
pub async fn invite_list(
    db: &DatabaseConnection,
    secret: &[u8],
    actor: &Actor,
    survey_key: &str,
    wave_key: &str,
    list: Vec<Invitee>,
    reminders: &ReminderDays,
) -> Result<Result<Invited, InviteRefusal>, StoreError> {
    let (s, w) = match open_wave(db, survey_key, wave_key).await? {
        Ok(found) => found,
        Err(refusal) => return Ok(Err(refusal)),
    };
    let mut known: HashSet<String> = addresses_invited(db, w.id).await?;
    let suppressed: HashSet<String> = mail_suppression::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|r| r.email_hash)
        .collect();
    let listed = list.len();
    let invitees: Vec<Recipient> = list
        .into_iter()
        .filter(|i| !suppressed.contains(&address_hash(secret, i.email.as_str())))
        .filter(|i| known.insert(i.email.as_str().to_lowercase()))
        .map(|i| Recipient {
            email: i.email.as_str().to_string(),
            ward_code: i.ward_code,
            member: None,
        })
        .collect();
    if invitees.is_empty() {
        return Ok(Err(InviteRefusal::NobodyLeft));
    }
    let detail = format!("an uploaded list of {listed} addresses");
    let invited = send(
        db,
        secret,
        actor,
        &s,
        &w,
        Source::List,
        invitees,
        reminders,
        &detail,
    )
    .await?;
    Ok(Ok(Invited {
        invited,
        skipped: listed - invited,
    }))
}

/// Confirmed panel members not yet invited to a wave.
pub async fn panel_members_left(db: &DatabaseConnection, wave_id: i32) -> Result<u64, StoreError> {
    Ok(members_left(db, wave_id).await?.0.len() as u64)
}

/// Confirmed panel members not yet invited to a wave, and how many were.
async fn members_left(
    db: &DatabaseConnection,
    wave_id: i32,
) -> Result<(Vec<subscriber::Model>, usize), StoreError> {
    let invited: HashSet<i32> = invitation::Entity::find()
        .filter(invitation::Column::WaveId.eq(wave_id))
        .all(db)
        .await?
        .into_iter()
        .filter_map(|i| i.subscriber_id)
        .collect();
    let (done, left): (Vec<_>, Vec<_>) = crate::subscribers::panel_members(db)
        .await?
        .into_iter()
        .partition(|m| invited.contains(&m.id));
    Ok((left, done.len()))
}

/// Addresses (lower case) invited to a wave so far, from lists and the panel.
async fn addresses_invited(
    db: &DatabaseConnection,
    wave_id: i32,
) -> Result<HashSet<String>, StoreError> {
    let rows = invitation::Entity::find()
        .filter(invitation::Column::WaveId.eq(wave_id))
        .all(db)
        .await?;
    let members = super::reminders::member_addresses(db, &rows).await?;
    Ok(rows
        .iter()
        .filter_map(|r| r.email.as_deref())
        .chain(members.values().map(String::as_str))
        .map(str::to_lowercase)
        .collect())
}

async fn open_wave(
    db: &DatabaseConnection,
    survey_key: &str,
    wave_key: &str,
) -> Result<Result<(survey::Model, wave::Model), InviteRefusal>, StoreError> {
    let Some((s, w)) = crate::waves::find(db, survey_key, wave_key).await? else {
        return Ok(Err(InviteRefusal::NoSuchWave));
    };
    if !crate::drafts::wave_accepts_answers(db, w.id).await? {
        return Ok(Err(InviteRefusal::WaveNotOpen));
    }
    Ok(Ok((s, w)))
}

struct Recipient {
    email: String,
    ward_code: Option<String>,
    member: Option<i32>,
}

/// The batch, its invitations, their messages and the audit entry, in one transaction.
#[allow(clippy::too_many_arguments)]
async fn send(
    db: &DatabaseConnection,
    secret: &[u8],
    actor: &Actor,
    s: &survey::Model,
    w: &wave::Model,
    source: Source,
    invitees: Vec<Recipient>,
    reminders: &ReminderDays,
    detail: &str,
) -> Result<usize, StoreError> {
    let now = actor.at;
    let day = |i: usize| reminders.days().get(i).map(|&d| d as i32);
    let txn = db.begin().await?;
    let batch = invitation_batch::ActiveModel {
        wave_id: Set(w.id),
        source: Set(source.key().to_string()),
        invited: Set(invitees.len() as i32),
        first_reminder_day: Set(day(0)),
        second_reminder_day: Set(day(1)),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    for r in &invitees {
        // The code is made from the id, so the row goes in first with a stand-in hash.
        let row = invitation::ActiveModel {
            batch_id: Set(batch.id),
            wave_id: Set(w.id),
            subscriber_id: Set(r.member),
            email: Set(r.member.is_none().then(|| r.email.clone())),
            ward_code: Set(r.ward_code.clone()),
            code_hash: Set(format!("new:{}", crate::tokens::random())),
            invited_at: Set(now),
            reminders: Set(0),
            used_on: Set(None),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        let code = code_for(secret, row.id);
        invitation::Entity::update_many()
            .col_expr(
                invitation::Column::CodeHash,
                Expr::value(code_hash(secret, &code)),
            )
            .filter(invitation::Column::Id.eq(row.id))
            .exec(&txn)
            .await?;
        let mail = message(secret, s, &row, code, 0);
        crate::outbox::enqueue(&txn, &format!("invite:{}", row.id), &r.email, &mail, now).await?;
    }
    let days = reminders
        .days()
        .iter()
        .map(|d| d.to_string())
        .collect::<Vec<_>>();
    let reminded = if days.is_empty() {
        "no reminders".to_string()
    } else {
        format!("reminders after {} days", days.join(" and "))
    };
    audit::record(
        &txn,
        actor,
        domain::AuditAction::ResidentsInvited,
        &format!(
            "{} {}: {} invited from {detail}; {reminded}",
            s.key,
            w.key,
            invitees.len()
        ),
    )
    .await?;
    txn.commit().await?;
    Ok(invitees.len())
}
