//! The calculation itself, on a validated [`crate::input::Scenario`]: the exit month
//! (SN-1 … SN-6), the exit charges (SN-7 … SN-10), when each is billed and paid (SN-11,
//! SN-12), the destination campaign (AU-1 … AU-10), the to-do list, and the answer
//! (AU-11, deadlines, timeline, `compareExitMonths`). A run is for the reader's answer or
//! for one `compareExitMonths` row ([`Mode`]).
//!
//! Sees JSON only at its door, where a request is read and validated once
//! ([`calculate::calculate`], `compare_exit_months`, `export_calendar`); no JsValue (that
//! is [`crate::wire`] and [`crate::boundary`]), and no provider or campaign figure (that
//! is [`crate::rules`]' data).

pub mod actions;
pub mod answer;
pub mod billing;
pub mod calculate;
pub mod campaign;
pub mod charges;
pub mod compare;
pub mod context;
pub mod deadlines;
pub mod exit;
pub mod output;
pub mod renewal;
pub mod sources;

use crate::calendar::Month;

/// How one run of the pipeline is asked for: the reader's own answer, or one row of
/// `compareExitMonths`. One value instead of a flag per stage, so a stage cannot be told
/// "row" while another is told "answer".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// `calculate` (and `compareExitMonths`' check of the input): the reader's exit month
    /// or exit day, SN-5/SN-6 shifts applied, the acceptance date as given (one before the
    /// earliest possible is an input error), every warning and explanation kept.
    Answer,
    /// One `compareExitMonths` row: exit month `M` as if requested in time (no SN-5/SN-6
    /// shift, no exit day), the acceptance date the later of the given one and the row's
    /// earliest, figures only (no warning or explanation kept).
    Row(Month),
}

/// For the unit tests beside each stage: a validated scenario from CONTRACT JSON text.
#[cfg(test)]
pub(crate) fn scenario(text: &str) -> crate::input::Scenario {
    let mut de = serde_json::Deserializer::from_str(text);
    let json = crate::wire::json::read(&mut de).expect("JSON");
    crate::input::read(&json).map_err(|(_, e)| e).expect("a valid input")
}

/// `YYYY-MM-DD` / `YYYY-MM` for the unit tests.
#[cfg(test)]
pub(crate) fn d(s: &str) -> chrono::NaiveDate {
    crate::calendar::parse_date(s).expect("a date")
}
#[cfg(test)]
pub(crate) fn m(s: &str) -> crate::calendar::Month {
    crate::calendar::Month::parse(s).expect("a month")
}
