//! Arbitrary bytes as JSON text → the bounded reader → `compare_exit_months`. Any panic
//! is a bug; the rows must also keep CONTRACT's shape (consecutive months, at most 40,
//! net = charges − refunds, `best` a row with the lowest net, the earliest on a tie).
#![no_main]

use libfuzzer_sys::fuzz_target;
use norikae::engine::calculate::compare_exit_months;
use norikae::wire::json::{read, Json};
use norikae::Answer;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut de = serde_json::Deserializer::from_str(text);
    let json = read(&mut de).unwrap_or(Json::Null);
    match compare_exit_months(&json) {
        Answer::Ok(c) => {
            let _ = serde_json::from_str::<serde_json::Value>(&norikae::wire::json_out::ToJson::to_json(&c)).expect("the core writes valid JSON");
            assert!(!c.rows.is_empty() && c.rows.len() <= 40, "{} rows", c.rows.len());
            for w in c.rows.windows(2) {
                assert_eq!(w[1].month, w[0].month.plus(1), "rows not consecutive");
            }
            for r in &c.rows {
                assert_eq!(r.net, r.charges - r.refunds);
            }
            let min = c.rows.iter().map(|r| r.net).min().unwrap_or(0);
            let best = c.rows.iter().find(|r| r.net == min).map(|r| r.month);
            assert_eq!(Some(c.best), best, "best is not the earliest minimum");
        }
        Answer::Err(f) => {
            assert!(!f.errors.is_empty(), "ok:false with no errors");
            let _ = serde_json::from_str::<serde_json::Value>(&norikae::wire::json_out::ToJson::to_json(&f)).expect("the core writes valid JSON");
        }
    }
});
