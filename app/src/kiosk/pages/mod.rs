pub mod answers;
pub mod home;
pub mod leave;
pub mod thanks;
