//! Builds the officers' and administrators' pages that are not results.

use domain::accounts::Role;
use store::areas::AreaDirectory;

use super::auth::SignedIn;
use super::views::ViewError;
use super::AppState;
use crate::model::links;
use crate::model::officer::*;
use crate::model::results::WaveLink;

pub fn when(unix: i64) -> String {
    chrono::DateTime::from_timestamp(unix, 0)
        .map(|t| t.format("%-d %b %Y %H:%M UTC").to_string())
        .unwrap_or_default()
}

/// Setting up two-factor sign-in, for a pending sign-in (an administrator's first) or for
/// someone signed in. The secret and codes are worked out from that sign-in or session, so
/// a reload shows the same ones.
pub async fn two_factor_setup(
    st: &AppState,
    parts: &http::request::Parts,
) -> Result<TwoFactorSetupView, ViewError> {
    use crate::ssr::two_factor_forms::{read_pending, Stage};
    use store::two_factor;
    let pending = read_pending(st, &parts.headers).filter(|p| p.stage == Stage::SetUp);
    let signed_in = parts.extensions.get::<SignedIn>();
    let (user_id, nonce, at_sign_in, csrf) = match (&pending, signed_in) {
        (Some(p), _) => (p.user_id, p.nonce.clone(), true, String::new()),
        (None, Some(who)) => (
            who.user.id,
            who.session_token.clone(),
            false,
            who.csrf.clone(),
        ),
        (None, None) => return Err(ViewError::Redirect(links::SIGN_IN.to_string())),
    };
    let user = store::users::by_id(&st.db, user_id)
        .await?
        .ok_or(ViewError::NotFound)?;
    let (secret, recovery_codes) = two_factor::setup_material(&st.form_secret, user_id, &nonce);
    let uri = two_factor::setup_uri(&secret, &user.email).ok_or(ViewError::NotFound)?;
    let grouped = secret
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).to_string())
        .collect::<Vec<_>>()
        .join(" ");
    Ok(TwoFactorSetupView {
        secret: grouped,
        qr_svg: two_factor::qr_svg(&uri).unwrap_or_default(),
        recovery_codes,
        action: if at_sign_in {
            links::SIGN_IN_SET_UP.to_string()
        } else {
            links::ACCOUNT_TWO_FACTOR.to_string()
        },
        at_sign_in,
        csrf,
    })
}

pub async fn account(st: &AppState, who: &SignedIn) -> Result<AccountView, ViewError> {
    let sessions = store::sessions::of_user(&st.db, who.user.id)
        .await?
        .into_iter()
        .map(|s| SessionRow {
            id: s.id,
            started: when(s.created_at),
            last_active: when(s.last_seen_at),
            current: s.id == who.session_id,
        })
        .collect();
    Ok(AccountView {
        viewer: who.viewer(),
        sessions,
        must_change_password: who.user.must_change_password,
        two_factor: who.user.two_factor,
        recovery_codes_left: store::two_factor::recovery_codes_left(&st.db, who.user.id).await?,
    })
}

pub async fn home(st: &AppState, who: &SignedIn) -> Result<OfficerHome, ViewError> {
    let mut surveys = Vec::new();
    for s in store::surveys::list(&st.db).await? {
        let waves = store::waves::of_survey(&st.db, s.id).await?;
        surveys.push(SurveyWaves {
            key: s.about.key.clone(),
            title: s.about.title.clone(),
            waves: waves
                .into_iter()
                .rev()
                .map(|w| WaveLink {
                    key: w.key,
                    name: w.name,
                    published: w.published,
                })
                .collect(),
        });
    }
    Ok(OfficerHome {
        viewer: who.viewer(),
        surveys,
    })
}

pub async fn fieldwork(
    st: &AppState,
    who: &SignedIn,
    survey_key: &str,
    wave_key: &str,
) -> Result<FieldworkView, ViewError> {
    let (survey, wave) = store::waves::find(&st.db, survey_key, wave_key)
        .await?
        .ok_or(ViewError::NotFound)?;
    let counts = store::fieldwork::counts(&st.db, wave.id).await?;
    let directory = AreaDirectory::load(&st.db).await?;
    let mut rows: Vec<FieldworkRow> = directory
        .wards
        .iter()
        .map(|w| {
            let mut row = FieldworkRow {
                code: w.code.clone(),
                name: w.name.clone(),
                group: directory.group_name(w).to_string(),
                online: 0,
                paper: 0,
                group_entered: 0,
                total: 0,
            };
            for c in counts.iter().filter(|c| c.area_id == Some(w.id)) {
                use domain::Channel;
                // Every channel counted somewhere; groups' own channels together until the
                // community groups' pages split them.
                match Channel::parse(&c.channel) {
                    Some(Channel::Online) => row.online += c.responses,
                    Some(Channel::Paper) => row.paper += c.responses,
                    Some(
                        Channel::Group | Channel::Assisted | Channel::Kiosk | Channel::Offline,
                    )
                    | None => row.group_entered += c.responses,
                }
                row.total += c.responses;
            }
            row
        })
        .collect();
    // Fewest first: the wards that most need more voices.
    rows.sort_by(|a, b| a.total.cmp(&b.total).then(a.name.cmp(&b.name)));
    let known: u64 = rows.iter().map(|r| r.total).sum();
    let total: u64 = counts.iter().map(|c| c.responses).sum();
    Ok(FieldworkView {
        viewer: who.viewer(),
        survey_key: survey.key,
        survey_title: survey.title,
        wave_key: wave.key,
        wave_name: wave.name,
        rows,
        no_ward: total - known,
        total,
        threshold: store::settings::disclosure_threshold(&st.db).await?,
    })
}

pub async fn users(st: &AppState, who: &SignedIn) -> Result<UsersView, ViewError> {
    Ok(UsersView {
        viewer: who.viewer(),
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

pub async fn areas(st: &AppState, who: &SignedIn) -> Result<AreasView, ViewError> {
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
    })
}
