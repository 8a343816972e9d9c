//! The wasm edge (CONTRACT.md): JS value in, plain object out. A few lines each — read
//! the input into a bounded tree, call plain Rust, serialize the answer. Never throws.

use crate::calculate::{self, Answer};
use crate::json::{self, Json};
use serde::{Serialize, Serializer};
use wasm_bindgen::prelude::*;

impl<T: Serialize> Serialize for Answer<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Answer::Ok(v) => v.serialize(s),
            Answer::Err(f) => f.serialize(s),
        }
    }
}

fn read(input: JsValue) -> Json {
    // A function, a symbol or a BigInt reads as null: "not an object".
    #[cfg(target_arch = "wasm32")]
    return json::from_js(&input);
    #[cfg(not(target_arch = "wasm32"))]
    json::read(serde_wasm_bindgen::Deserializer::from(input)).unwrap_or(Json::Null)
}

fn out<T: Serialize>(v: &T) -> JsValue {
    // One string across the boundary and the engine's own JSON.parse: far fewer JS calls
    // than building the object field by field.
    match serde_json::to_string(v) {
        Ok(s) => js_sys::JSON::parse(&s).unwrap_or(JsValue::NULL),
        Err(_) => JsValue::NULL,
    }
}

/// `calculate(input) -> result` (CONTRACT.md).
#[wasm_bindgen]
pub fn calculate(input: JsValue) -> JsValue {
    out(&calculate::calculate(&read(input)))
}

/// `compareExitMonths(input) -> result` (CONTRACT.md).
#[wasm_bindgen(js_name = compareExitMonths)]
pub fn compare_exit_months(input: JsValue) -> JsValue {
    out(&calculate::compare_exit_months(&read(input)))
}

/// `exportCalendar(input, nowUtc) -> { ok, ics, filename, events }`: every deadline,
/// payment, refund and to-do step as an RFC 5545 calendar. `nowUtc` (`20261125T093000Z`)
/// is the DTSTAMP: the core has no clock.
#[wasm_bindgen(js_name = exportCalendar)]
pub fn export_calendar(input: JsValue, now_utc: JsValue) -> JsValue {
    let now = now_utc.as_string().unwrap_or_default();
    out(&calculate::export_calendar(&read(input), &now))
}
