//! The framework's page pieces: a judgement with its icon, the small chart of a row, an
//! indicator's chart over time, and a "you said, we did" card.

pub mod judgement;
pub mod series_chart;
pub mod spark;
pub mod update_card;

pub use judgement::JudgementText;
pub use series_chart::SeriesChart;
pub use spark::Spark;
pub use update_card::UpdateCard;
