//! What crosses the wasm boundary, as text: the bounded JSON reader ([`json`]), how each
//! answer type of [`crate::engine::output`] is written ([`answer_json`]) on the
//! hand-written JSON writer ([`json_out`]), and the iCalendar export ([`ics`]).
//!
//! The only place besides [`crate::boundary`] that knows JSON; it computes no date or
//! amount (the engine's answer is written as it is).

pub mod answer_json;
pub mod ics;
pub mod json;
pub mod json_out;
