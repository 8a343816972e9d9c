//! Arbitrary bytes as JSON text → the bounded reader (`norikae::wire::json::read`, the same
//! limits as the wasm entry's `from_js`) → `calculate` and `export_calendar`, then the
//! answer is serialized the way the boundary does. Any panic is a bug: the core must
//! answer `{ ok: false }` instead (CONTRACT: "It must not panic for any input").
#![no_main]

use libfuzzer_sys::fuzz_target;
use norikae::engine::calculate::{calculate, export_calendar};
use norikae::wire::json::{read, Json};
use norikae::Answer;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut de = serde_json::Deserializer::from_str(text);
    let json = read(&mut de).unwrap_or(Json::Null);
    match calculate(&json) {
        Answer::Ok(c) => {
            let _ = serde_json::from_str::<serde_json::Value>(&norikae::wire::json_out::ToJson::to_json(&c)).expect("the core writes valid JSON");
            // Totals are the sums of the lists (AU-11); cheap enough to check on every run.
            let charges: i64 = c.charges.iter().map(|x| x.amount).sum();
            let refunds: i64 = c.refunds.iter().map(|x| x.amount).sum();
            assert_eq!(c.totals.charges, charges);
            assert_eq!(c.totals.refunds, refunds);
            assert_eq!(c.totals.net, charges - refunds);
        }
        Answer::Err(f) => {
            assert!(!f.errors.is_empty(), "ok:false with no errors");
            let _ = serde_json::from_str::<serde_json::Value>(&norikae::wire::json_out::ToJson::to_json(&f)).expect("the core writes valid JSON");
        }
    }
    match export_calendar(&json, "20261125T093000Z") {
        Answer::Ok(c) => assert!(c.ics.starts_with("BEGIN:VCALENDAR")),
        Answer::Err(f) => assert!(!f.errors.is_empty(), "ok:false with no errors"),
    }
});
