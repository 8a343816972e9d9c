//! norikae (乗り換え) — the calculator core: leaving So-net光プラス (SPEC SN-1 … SN-15)
//! and switching to auひかり with its refund campaign (AU-1 … AU-11), compiled to wasm.
//!
//! The crate is grouped by layer; data flows one way, and a layer uses only those before it:
//! [`rules`] (dated, sourced data) → [`input`] (read + validate, all errors at once) →
//! [`calendar`] (months, business days, holidays) → [`engine`] (exit → charges → billing →
//! campaign → actions → the answer) → [`wire`] (JSON in and out, the answer's types, .ics) →
//! [`boundary`] (the JsValue edge). [`text`] (languages, dates and yen in words) and
//! [`error`] (one error type with kinds) serve every layer.
//! Nothing here panics on any input: checked arithmetic, `Option` dates, typed errors.

pub mod boundary;
pub mod calendar;
pub mod engine;
pub mod error;
pub mod input;
pub mod rules;
pub mod text;
pub mod wire;

pub use boundary::{calculate, compare_exit_months};

// Talc: a smaller and faster drop-in for the default wasm allocator (dlmalloc).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
pub use engine::calculate::Answer;
