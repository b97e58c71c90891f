//! One page per file.

pub mod check;
pub mod done;
pub mod home;
pub mod resume;
pub mod saved;
pub mod section;
pub mod start;
pub mod take_part;
