//! The wasm edge (CONTRACT.md): JS value in, plain object out. A few lines each — read
//! the input into a bounded tree, call plain Rust, serialize the answer. Never throws.

use crate::engine::calculate::{self, Answer};
#[cfg(target_arch = "wasm32")]
use crate::wire::json;
use crate::wire::json::Json;
use crate::wire::json_out::ToJson;
use wasm_bindgen::prelude::*;

impl<T: ToJson> ToJson for Answer<T> {
    fn write_json(&self, out: &mut String) {
        match self {
            Answer::Ok(v) => v.write_json(out),
            Answer::Err(f) => f.write_json(out),
        }
    }
}

fn read(input: JsValue) -> Json {
    // A function, a symbol or a BigInt reads as null: "not an object".
    #[cfg(target_arch = "wasm32")]
    return json::from_js(&input);
    // Off wasm there is no JS value to read (native callers use json::read on text).
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = input;
        Json::Null
    }
}

fn out<T: ToJson>(v: &T) -> JsValue {
    // One string across the boundary and the engine's own JSON.parse: far fewer JS calls
    // than building the object field by field.
    js_sys::JSON::parse(&v.to_json()).unwrap_or(JsValue::NULL)
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
