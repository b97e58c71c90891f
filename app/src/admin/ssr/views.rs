//! Builds the administrators' pages.

use domain::accounts::Role;

use crate::admin::model::*;
use crate::admin::paths;
use crate::shared::ssr::auth::SignedIn;
use crate::shared::ssr::when::when;
use crate::shared::ssr::{flash, AppState, ViewError};

pub async fn users(st: &AppState, who: &SignedIn) -> Result<UsersView, ViewError> {
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
            })
            .collect(),
        roles: Role::ALL
            .iter()
            .map(|r| (r.key().to_string(), r.label().to_string()))
            .collect(),
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
        benchmarks: defs
            .into_iter()
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
            .collect(),
    })
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
