//! Turning a wave's answers into the published indicators, as measures.md defines them:
//! weighting, estimates and intervals, disclosure control and change since the baseline.

pub mod cells;
pub mod data;
pub mod definitions;
pub mod engine;
pub mod grid;
pub mod raking;
pub mod stats;
pub mod suppression;

pub use cells::{Breakdown, CellId, Level};
pub use data::{Areas, Population, Responses};
pub use definitions::{IndicatorDef, Rule, Theme};
pub use engine::{attach_change, compute, CellResult, EngineError, Settings, WaveResult};

#[cfg(test)]
mod tests;
