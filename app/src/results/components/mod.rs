//! Pieces of the results pages, shared by the officers' dashboard and the public pages.

pub mod bar_chart;
pub mod figure_key;
pub mod figure_text;
pub mod figures_table;
pub mod indicator_body;
pub mod overview_body;
pub mod tile_map;
pub mod trend_chart;
pub mod wave_notes;

pub use bar_chart::BarChart;
pub use figure_key::FigureKey;
pub use figure_text::{ChangeText, EstimateText, IntervalText};
pub use figures_table::FiguresTable;
pub use indicator_body::IndicatorBody;
pub use overview_body::OverviewBody;
pub use tile_map::TileMap;
pub use trend_chart::TrendChart;
pub use wave_notes::WaveNotes;
