//! The Kiln server: configuration, the HTTP router, start-up and background work. The
//! `kiln` binary is a thin command line over this library, which the tests also start.

pub mod api;
pub mod background;
pub mod config;
pub mod mail;
pub mod page_gzip;
pub mod site_files;
pub mod startup;
