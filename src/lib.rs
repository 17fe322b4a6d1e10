//! union-explorer: the work reports of Fujian's trade unions as a structured, traceable
//! dataset, and a browser app to explore it.
//!
//! The core (model, dates, numbers, validation, source reconciliation) uses no browser types
//! and is tested natively; the web layer lives in `app` and is compiled for wasm32 only.

pub mod charts;
pub mod codes;
pub mod compare;
pub mod coverage;
pub mod dates;
pub mod embedded;
pub mod explore;
pub mod export;
pub mod format;
pub mod glossary;
pub mod i18n;
pub mod map;
pub mod map_layout;
pub mod model;
pub mod numbers;
pub mod packed;
pub mod open;
pub mod order;
pub mod picker;
pub mod reading;
pub mod search;
pub mod shared_str;
pub mod source_texts;
pub mod sources;
pub mod state;
pub mod synth;
pub mod table_rows;
pub mod timeline;
pub mod validate;

#[cfg(not(target_arch = "wasm32"))]
pub mod load;

#[cfg(target_arch = "wasm32")]
pub mod app;
