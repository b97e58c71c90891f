//! Builds the administrators' pages.

use domain::accounts::Role;

use crate::admin::model::*;
use crate::admin::paths;
use crate::shared::ssr::auth::SignedIn;
use crate::shared::ssr::when::when;
use crate::shared::ssr::{flash, AppState, ViewError};

fn role_choices(roles: &[Role]) -> Vec<(String, String)> {
    roles
        .iter()
        .map(|r| (r.key().to_string(), r.label().to_string()))
        .collect()
}

pub async fn users(st: &AppState, who: &SignedIn) -> Result<UsersView, ViewError> {
    let groups = store::groups::names(&st.db).await?;
    Ok(UsersView {
        viewer: who.viewer(),
        typed: flash::take_typed(st, paths::ADMIN_USERS),
        users: store::users::all(&st.db)
            .await?
            .into_iter()
            .map(|u| UserRow {
                id: u.id,
                name: u.name,
                email: u.email,
                role: u.role.key().into(),
                role_label: u.role.label().into(),
                active: u.active,
                last_sign_in: u.last_sign_in_at.map(when),
                two_factor: u.two_factor,
                group: u.group_id.and_then(|g| groups.get(&g).cloned()),
                roles: role_choices(if u.role.is_staff() {
                    &Role::STAFF
                } else {
                    &Role::GROUP
                }),
            })
            .collect(),
        // Staff roles only: a group's people are invited from the group's page.
        roles: role_choices(&Role::STAFF),
    })
}

pub const AUDIT_PAGE: u64 = 50;

pub async fn audit(st: &AppState, who: &SignedIn, page: u64) -> Result<AuditView, ViewError> {
    let (rows, total) = store::audit::page(&st.db, page, AUDIT_PAGE).await?;
    Ok(AuditView {
        viewer: who.viewer(),
        rows: rows
            .into_iter()
            .map(|r| AuditRow {
                at: when(r.at),
                actor: r.actor,
                action: domain::AuditAction::parse(&r.action)
                    .map_or_else(|| r.action.replace('_', " "), |a| a.label().to_string()),
                detail: r.detail,
                ip: r.ip.unwrap_or_default(),
            })
            .collect(),
        page,
        pages: total.div_ceil(AUDIT_PAGE).max(1),
    })
}

pub async fn settings(st: &AppState, who: &SignedIn) -> Result<SettingsView, ViewError> {
    let marks = store::benchmarks::all(&st.db).await?;
    let defs = store::indicator_defs::all(&st.db).await?;
    Ok(SettingsView {
        viewer: who.viewer(),
        typed: flash::take_typed(st, paths::ADMIN_SETTINGS),
        threshold: store::settings::disclosure_threshold(&st.db).await?,
        benchmarks: benchmark_rows(defs, &marks),
    })
}

/// Each indicator's benchmark as the settings form shows it (empty where none is set).
pub fn benchmark_rows(
    defs: Vec<domain::indicators::IndicatorDef>,
    marks: &[store::benchmarks::Benchmark],
) -> Vec<BenchmarkRow> {
    defs.into_iter()
        .map(|d| {
            let is_share = !d.rule.is_mean();
            let mark = marks.iter().find(|m| m.indicator_key == d.key);
            BenchmarkRow {
                source: mark.map(|m| m.label.clone()).unwrap_or_default(),
                value: mark
                    .map(|m| {
                        if is_share {
                            format!("{}", (m.value * 1000.0).round() / 10.0)
                        } else {
                            format!("{}", (m.value * 100.0).round() / 100.0)
                        }
                    })
                    .unwrap_or_default(),
                key: d.key,
                label: d.label,
                is_share,
            }
        })
        .collect()
}

pub async fn areas(
    st: &AppState,
    who: &SignedIn,
    notice: Option<AreasNotice>,
) -> Result<AreasView, ViewError> {
    let directory = store::areas::AreaDirectory::load(&st.db).await?;
    let answered = store::fieldwork::per_area(&st.db).await?;
    let population = store::population::summary(&st.db).await?;
    Ok(AreasView {
        viewer: who.viewer(),
        wards: directory
            .wards
            .iter()
            .map(|w| AreaRow {
                code: w.code.clone(),
                name: w.name.clone(),
                group: directory.group_name(w).to_string(),
                tile: w.tile.map(|(c, r)| format!("{c}, {r}")).unwrap_or_default(),
                responses: answered.get(&w.id).copied().unwrap_or(0),
            })
            .collect(),
        groups: directory.groups.len(),
        population_rows: population.rows,
        population_total: population.total,
        population_illustrative: population.rows > 0
            && store::settings::population_is_illustrative(&st.db).await?,
        notice,
    })
}

/// The newest messages the outbox page lists.
pub const OUTBOX_PAGE: u64 = 100;

pub async fn outbox(st: &AppState, who: &SignedIn) -> Result<OutboxView, ViewError> {
    use crate::shared::ssr::mail::Delivery;
    use domain::mail::OutboxStatus;
    let (delivery, not_sent) = match &st.mail.delivery {
        Delivery::Smtp { host } => (format!("Messages are sent through the mail server {host}."), false),
        Delivery::Folder { path } => (
            format!("No mail server is set up (KILN_SMTP_URL), so nothing is sent: each message is written to the folder {path} as an .eml file."),
            true,
        ),
        Delivery::Memory => ("No mail server is set up, so nothing is sent: messages are kept in memory (tests).".to_string(), true),
    };
    let rows = store::outbox::newest(&st.db, OUTBOX_PAGE)
        .await?
        .into_iter()
        .map(|e| {
            let queued = e.status == OutboxStatus::Queued;
            OutboxRow {
                id: e.id,
                to: e.to,
                what: e.label.to_string(),
                subject: e.subject,
                status: match e.status {
                    OutboxStatus::Queued if e.attempts > 0 => "Waiting to try again",
                    OutboxStatus::Queued => "Queued",
                    OutboxStatus::Sending => "Sending",
                    OutboxStatus::Sent => "Sent",
                    OutboxStatus::Written => "Written to the folder, not sent",
                    OutboxStatus::Failed => "Failed",
                }
                .to_string(),
                failed: e.status == OutboxStatus::Failed,
                attempts: e.attempts,
                reason: e.last_error.unwrap_or_default(),
                queued: when(e.created_at),
                sent: e.sent_at.map(when).unwrap_or_default(),
                next_try: if queued && e.attempts > 0 {
                    when(e.next_attempt_at)
                } else {
                    String::new()
                },
            }
        })
        .collect();
    Ok(OutboxView {
        viewer: who.viewer(),
        delivery,
        not_sent,
        rows,
    })
}
