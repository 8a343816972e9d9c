#![cfg(not(target_arch = "wasm32"))]
//! Replays every input in `tests/fuzz-regressions/` (crashes the fuzzers found, minimized,
//! and hand-made hostile inputs: deep or huge JSON, long strings, absurd numbers, dates
//! at the edge of 2000–2100) through the same path as the fuzz targets in `fuzz/`: JSON
//! text → the bounded reader → `calculate`, `exportCalendar` and `compareExitMonths`.
//! None may panic; each answer must keep the contract's shape (`ok: false` lists its
//! errors; totals are the sums of the lists; compare rows are consecutive).
//! Add a file there for every new crash; its name says what it exercised.

use norikae::engine::calculate::{calculate, compare_exit_months, export_calendar};
use norikae::wire::json::{read, Json};
use norikae::Answer;
use std::path::Path;
use std::time::{Duration, Instant};

const CODES: [&str; 7] = [
    "missing",
    "invalid-date",
    "invalid-month",
    "unknown-value",
    "out-of-range",
    "not-allowed",
    "inconsistent",
];

fn check_failure(name: &str, f: &norikae::engine::output::Failure) {
    assert!(!f.ok && !f.errors.is_empty(), "{name}: ok:false without errors");
    for e in &f.errors {
        assert!(CODES.contains(&e.code), "{name}: unknown error code {}", e.code);
    }
    serde_json::from_str::<serde_json::Value>(&norikae::wire::json_out::ToJson::to_json(f))
        .expect("the core writes valid JSON");
}

/// The body of both fuzz targets, for one input.
fn replay(name: &str, data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let t0 = Instant::now();
    let mut de = serde_json::Deserializer::from_str(text);
    let json = read(&mut de).unwrap_or(Json::Null);
    match calculate(&json) {
        Answer::Ok(c) => {
            serde_json::from_str::<serde_json::Value>(&norikae::wire::json_out::ToJson::to_json(
                &c,
            ))
            .expect("the core writes valid JSON");
            let charges: i64 = c.charges.iter().map(|x| x.amount).sum();
            let refunds: i64 = c.refunds.iter().map(|x| x.amount).sum();
            assert_eq!(
                (c.totals.charges, c.totals.refunds, c.totals.net),
                (charges, refunds, charges - refunds),
                "{name}: totals"
            );
        }
        Answer::Err(f) => check_failure(name, &f),
    }
    match export_calendar(&json, "20261125T093000Z") {
        Answer::Ok(c) => assert!(c.ics.starts_with("BEGIN:VCALENDAR"), "{name}: ics"),
        Answer::Err(f) => check_failure(name, &f),
    }
    match compare_exit_months(&json) {
        Answer::Ok(c) => {
            serde_json::from_str::<serde_json::Value>(&norikae::wire::json_out::ToJson::to_json(
                &c,
            ))
            .expect("the core writes valid JSON");
            assert!(!c.rows.is_empty() && c.rows.len() <= 40, "{name}: {} rows", c.rows.len());
            for w in c.rows.windows(2) {
                assert_eq!(w[1].month, w[0].month.plus(1), "{name}: rows not consecutive");
            }
            let min = c.rows.iter().map(|r| r.net).min();
            assert_eq!(
                Some(c.best),
                c.rows.iter().find(|r| Some(r.net) == min).map(|r| r.month),
                "{name}: best"
            );
        }
        Answer::Err(f) => check_failure(name, &f),
    }
    // No slow path either: a debug build answers all three well within a second.
    assert!(t0.elapsed() < Duration::from_secs(2), "{name}: took {:?}", t0.elapsed());
}

#[test]
fn fuzz_regressions_replay_without_panic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/fuzz-regressions")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| {
            p.is_file() && p.extension().is_some_and(|x| x == "json" || x == "txt" || x == "bin")
        })
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no inputs in {}", dir.display());
    for f in &files {
        let name = f.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let data = std::fs::read(f).expect("readable");
        replay(&name, &data);
    }
}
