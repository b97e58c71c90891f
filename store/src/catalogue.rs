//! Surveys, their waves, the wards and the benchmarks, kept in memory: every page needs some
//! of them and they change rarely. The database counts its own changes to them (triggers bump
//! `catalogue_version`, see the migration), so each request costs one small read, and a
//! change made by another instance or the command line is seen on the next request.

use std::sync::Arc;

use sea_orm::{ConnectionTrait, DatabaseConnection, EntityTrait, QueryOrder, Statement};

use crate::areas::AreaDirectory;
use crate::benchmarks::Benchmark;
use crate::entity::{survey, wave};
use crate::shared_read::SharedRead;
use crate::surveys::{self, SurveyRecord};
use crate::StoreError;

/// Everything at one version of the counter.
#[derive(Debug)]
pub struct Catalogue {
    pub version: i64,
    /// In the order they were added.
    pub surveys: Vec<Arc<SurveyRecord>>,
    /// The surveys' own rows, which the results are computed from.
    pub survey_rows: Vec<survey::Model>,
    pub waves: Vec<wave::Model>,
    pub areas: AreaDirectory,
    pub benchmarks: Vec<Benchmark>,
    /// Whether a postcode lookup is loaded, so a ward question can offer it.
    pub postcode_lookup: bool,
}

impl Catalogue {
    pub fn survey(&self, key: &str) -> Option<Arc<SurveyRecord>> {
        self.surveys.iter().find(|s| s.about.key == key).cloned()
    }

    pub fn survey_by_id(&self, id: i32) -> Option<Arc<SurveyRecord>> {
        self.surveys.iter().find(|s| s.id == id).cloned()
    }

    /// The survey a wave belongs to.
    pub fn survey_of_wave(&self, wave_id: i32) -> Option<Arc<SurveyRecord>> {
        self.survey_by_id(self.wave(wave_id)?.survey_id)
    }

    pub fn wave(&self, id: i32) -> Option<&wave::Model> {
        self.waves.iter().find(|w| w.id == id)
    }

    /// A survey's row and one of its waves, by their keys.
    pub fn find_wave(
        &self,
        survey_key: &str,
        wave_key: &str,
    ) -> Option<(survey::Model, wave::Model)> {
        let s = self.survey_rows.iter().find(|s| s.key == survey_key)?;
        let w = self
            .waves
            .iter()
            .find(|w| w.survey_id == s.id && w.key == wave_key)?;
        Some((s.clone(), w.clone()))
    }

    /// A survey's waves, oldest first.
    pub fn waves_of(&self, survey_id: i32) -> impl DoubleEndedIterator<Item = &wave::Model> {
        self.waves.iter().filter(move |w| w.survey_id == survey_id)
    }

    pub fn baseline_of(&self, survey_id: i32) -> Option<&wave::Model> {
        self.waves_of(survey_id).find(|w| w.is_baseline)
    }

    /// Whether a wave takes answers: open, with no results published. Pages use this; the
    /// writes check it again inside their own transaction.
    pub fn wave_accepts_answers(&self, id: i32) -> bool {
        self.wave(id)
            .is_some_and(|w| w.status == domain::WaveStatus::Open.key() && !w.published)
    }

    async fn load(db: &DatabaseConnection, version: i64) -> Result<Catalogue, StoreError> {
        Ok(Catalogue {
            version,
            surveys: surveys::list(db).await?.into_iter().map(Arc::new).collect(),
            survey_rows: survey::Entity::find()
                .order_by_asc(survey::Column::Id)
                .all(db)
                .await?,
            benchmarks: crate::benchmarks::all(db).await?,
            waves: wave::Entity::find()
                .order_by_asc(wave::Column::Id)
                .all(db)
                .await?,
            areas: AreaDirectory::load(db).await?,
            postcode_lookup: crate::postcodes::any(db).await?,
        })
    }
}

/// The catalogue as last loaded, shared by every request of one process.
#[derive(Default)]
pub struct CatalogueCache {
    current: std::sync::RwLock<Option<Arc<Catalogue>>>,
    /// One reload at a time: requests that find it stale together wait for one load.
    reloading: tokio::sync::Mutex<()>,
    /// The counter, read once for all the requests that arrive together.
    version: SharedRead<i64>,
}

impl CatalogueCache {
    /// The catalogue as the database has it now.
    pub async fn get(&self, db: &DatabaseConnection) -> Result<Arc<Catalogue>, StoreError> {
        let version = self.version.get(|| version(db)).await?;
        if let Some(c) = self.fresh(version) {
            return Ok(c);
        }
        let _one = self.reloading.lock().await;
        if let Some(c) = self.fresh(version) {
            return Ok(c);
        }
        // Tagged with the version read before loading: a change committed while loading
        // makes the next request load again, never keeps a stale copy.
        let loaded = Arc::new(Catalogue::load(db, version).await?);
        *self.current.write().expect("catalogue lock") = Some(loaded.clone());
        Ok(loaded)
    }

    fn fresh(&self, version: i64) -> Option<Arc<Catalogue>> {
        self.current
            .read()
            .expect("catalogue lock")
            .as_ref()
            .filter(|c| c.version >= version)
            .cloned()
    }
}

/// The counter the triggers bump.
pub async fn version(db: &DatabaseConnection) -> Result<i64, StoreError> {
    let row = db
        .query_one_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT n FROM catalogue_version WHERE id = 1",
        ))
        .await?
        .ok_or_else(|| StoreError::Corrupt("no catalogue_version row".into()))?;
    Ok(row.try_get::<i64>("", "n")?)
}

/// The catalogue's version and the published pages' (`published_version`: what the public
/// pages show beyond the catalogue), in one query: what the public pages' cache checks.
pub async fn published_stamp(db: &DatabaseConnection) -> Result<(i64, i64), StoreError> {
    let row = db
        .query_one_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT c.n AS c, p.n AS p FROM catalogue_version c, published_version p
             WHERE c.id = 1 AND p.id = 1",
        ))
        .await?
        .ok_or_else(|| {
            StoreError::Corrupt("no catalogue_version or published_version row".into())
        })?;
    Ok((row.try_get::<i64>("", "c")?, row.try_get::<i64>("", "p")?))
}
