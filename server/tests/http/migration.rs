//! Migration 000014 on a database that already holds surveys the old way (sections,
//! questions and options as rows, with waves and responses): each survey becomes its
//! published version 1, question for question, and its waves and responses point at it.

use crate::common::{database_url, Backend};
use migrations::{Migrator, MigratorTrait};
use sea_orm::{ConnectionTrait, EntityTrait};

async fn old_survey_becomes_version_1(backend: Backend) {
    let (url, _dir) = database_url(backend).await;
    let db = store::db::connect(&url).await.unwrap();
    // Everything before survey versions.
    Migrator::up(&db, Some(13)).await.unwrap();
    for sql in [
        "INSERT INTO survey (id, key, title, summary, purpose, minutes, retention)
         VALUES (7, 'parks', 'Parks survey', 'About parks.', 'To plan parks.', 3, 'Two years.')",
        "INSERT INTO survey_section (id, survey_id, position, title, intro)
         VALUES (1, 7, 1, 'Using parks', 'A few questions.'), (2, 7, 2, 'About you', NULL)",
        "INSERT INTO question (id, survey_id, section_id, key, position, kind, prompt, hint,
                               short_label, required_message, required, scale_min, scale_max,
                               min_label, max_label, max_chars)
         VALUES
         (1, 7, 1, 'uses_park', 1, 'choice', 'Used a park?', NULL, 'using a park',
          'Select yes or no', TRUE, NULL, NULL, NULL, NULL, NULL),
         (2, 7, 1, 'park_score', 2, 'scale', 'Score it', 'From 0 to 10', 'the score',
          'Select a score', FALSE, 0, 10, 'Poor', 'Great', NULL),
         (3, 7, 2, 'comments', 3, 'text', 'Anything else?', NULL, 'comments', '', FALSE,
          NULL, NULL, NULL, NULL, 500),
         (4, 7, 2, 'area', 4, 'area', 'Your ward?', NULL, 'your ward', 'Select your ward',
          TRUE, NULL, NULL, NULL, NULL, NULL)",
        "INSERT INTO question_option (id, question_id, key, label, position)
         VALUES (1, 1, 'no', 'No', 2), (2, 1, 'yes', 'Yes', 1)",
        "INSERT INTO wave (id, survey_id, key, name, status, is_baseline, weighted, published)
         VALUES (3, 7, '2026', '2026', 'open', TRUE, FALSE, FALSE)",
        "INSERT INTO response (wave_id, external_id, area_answer, channel, submitted_on, answers)
         VALUES (3, 'old-1', 'missing', 'online', '2026-03-02', '{}')",
    ] {
        db.execute_unprepared(sql).await.unwrap();
    }
    Migrator::up(&db, None).await.unwrap();

    let record = store::surveys::by_key(&db, "parks").await.unwrap().unwrap();
    assert_eq!(record.version, 1);
    assert_eq!(record.about.purpose, "To plan parks.");
    let expected: domain::Survey = serde_json::from_value(serde_json::json!({
        "key": "parks", "title": "Parks survey",
        "sections": [
            { "title": "Using parks", "intro": "A few questions.", "questions": [
                { "key": "uses_park", "prompt": "Used a park?", "hint": null,
                  "short_label": "using a park", "required_message": "Select yes or no",
                  "required": true, "kind": { "type": "choice", "options": [
                      { "key": "yes", "label": "Yes" }, { "key": "no", "label": "No" } ] } },
                { "key": "park_score", "prompt": "Score it", "hint": "From 0 to 10",
                  "short_label": "the score", "required_message": "Select a score",
                  "required": false, "kind": { "type": "scale", "min": 0, "max": 10,
                      "min_label": "Poor", "max_label": "Great" } } ] },
            { "title": "About you", "intro": null, "questions": [
                { "key": "comments", "prompt": "Anything else?", "hint": null,
                  "short_label": "comments", "required_message": "", "required": false,
                  "kind": { "type": "text", "max_chars": 500 } },
                { "key": "area", "prompt": "Your ward?", "hint": null,
                  "short_label": "your ward", "required_message": "Select your ward",
                  "required": true, "kind": { "type": "area" } } ] }
        ]
    }))
    .unwrap();
    assert_eq!(record.definition, expected);

    let versions = store::survey_versions::list(&db, 7).await.unwrap();
    assert_eq!(versions.len(), 1);
    assert!(versions[0].published);
    let wave = store::entity::wave::Entity::find_by_id(3)
        .one(&db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(wave.version_id, Some(versions[0].id));
    let responses = store::entity::response::Entity::find()
        .all(&db)
        .await
        .unwrap();
    assert_eq!(responses[0].version_id, Some(versions[0].id));

    // A response written afterwards takes its wave's version from the database itself.
    db.execute_unprepared(
        "INSERT INTO response (wave_id, external_id, area_answer, channel, submitted_on, answers)
         VALUES (3, 'new-1', 'missing', 'online', '2026-03-03', '{}')",
    )
    .await
    .unwrap();
    let responses = store::entity::response::Entity::find()
        .all(&db)
        .await
        .unwrap();
    assert!(responses
        .iter()
        .all(|r| r.version_id == Some(versions[0].id)));
}

#[tokio::test]
async fn an_old_survey_becomes_version_1_on_sqlite() {
    old_survey_becomes_version_1(Backend::Sqlite).await;
}

#[tokio::test]
async fn an_old_survey_becomes_version_1_on_postgres() {
    old_survey_becomes_version_1(Backend::Postgres).await;
}
