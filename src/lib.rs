//! norikae (乗り換え) — the calculator core: leaving So-net光プラス (SPEC SN-1 … SN-15)
//! and switching to auひかり with its refund campaign (AU-1 … AU-11), compiled to wasm.
//!
//! Data flows one way: [`rules`] (data) → [`input`] (read + validate, all errors at once)
//! → [`calendar`]/[`holidays`] → [`exit`] → [`charges`] → [`billing`] → [`campaign`] →
//! [`actions`] → [`calculate`] (and `compareExitMonths`) → [`boundary`] (JsValue edge).
//! Nothing here panics on any input: checked arithmetic, `Option` dates, typed errors.

pub mod actions;
pub mod billing;
pub mod boundary;
pub mod calculate;
pub mod calendar;
pub mod campaign;
pub mod charges;
pub mod context;
pub mod error;
pub mod exit;
pub mod holidays;
pub mod ics;
pub mod input;
pub mod json;
pub mod json_out;
pub mod lang;
pub mod output;
pub mod rules;

pub use boundary::{calculate, compare_exit_months};

// Talc: a smaller and faster drop-in for the default wasm allocator (dlmalloc).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
pub use calculate::Answer;
