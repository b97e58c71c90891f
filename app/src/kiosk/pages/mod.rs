pub mod answers;
pub mod home;
pub mod leave;
