//! How a wave's invitations are going, for the fieldwork page.

use super::*;

/// One ward's line on the fieldwork page (ward code None: no ward given).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WardCounts {
    pub ward_code: Option<String>,
    pub invited: u64,
    pub reminded: u64,
    pub responded: u64,
}

/// One invitation run, as the fieldwork page lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Batch {
    pub created_at: i64,
    pub panel: bool,
    pub invited: u64,
    pub reminder_days: Vec<u32>,
}

/// A wave's invitations so far: its runs, newest first, and the counts by ward.
pub async fn progress(
    db: &DatabaseConnection,
    wave_id: i32,
) -> Result<(Vec<Batch>, Vec<WardCounts>), StoreError> {
    let mut batches: Vec<Batch> = invitation_batch::Entity::find()
        .filter(invitation_batch::Column::WaveId.eq(wave_id))
        .all(db)
        .await?
        .into_iter()
        .map(|b| Batch {
            created_at: b.created_at,
            panel: b.source == Source::Panel.key(),
            invited: b.invited.max(0) as u64,
            reminder_days: [b.first_reminder_day, b.second_reminder_day]
                .into_iter()
                .flatten()
                .map(|d| d as u32)
                .collect(),
        })
        .collect();
    batches.sort_by_key(|b| std::cmp::Reverse(b.created_at));
    let mut by_ward: BTreeMap<Option<String>, WardCounts> = BTreeMap::new();
    for r in invitation::Entity::find()
        .filter(invitation::Column::WaveId.eq(wave_id))
        .all(db)
        .await?
    {
        let c = by_ward
            .entry(r.ward_code.clone())
            .or_insert_with(|| WardCounts {
                ward_code: r.ward_code.clone(),
                ..Default::default()
            });
        c.invited += 1;
        c.reminded += u64::from(r.reminders > 0);
        c.responded += u64::from(r.used_on.is_some());
    }
    Ok((batches, by_ward.into_values().collect()))
}
