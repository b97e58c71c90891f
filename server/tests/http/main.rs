//! Kiln's HTTP tests: one binary, so the app is compiled and linked into tests once. Every
//! test runs the real app over a fresh database, once on SQLite and once on PostgreSQL.

#[macro_use]
mod common;

mod access;
mod accounts;
mod admin_data;
mod builder;
mod catalogue;
mod compression;
mod crash;
mod durability;
mod editor;
mod email;
mod framework;
mod groups;
mod indicators_api;
mod invitations;
mod languages;
mod migration;
mod officer_access;
mod offline;
mod page_cache;
mod paper;
mod resident_journey;
mod security;
mod site_files;
mod smtp;
mod snapshots;
mod startup;
