//! `cargo run --release --example bench`: native time per calculate/compare call.
use std::time::Instant;
fn main() {
    let text = std::fs::read_to_string("tests/cases/16-actions-for-a-switch-to-au-hikari.json")
        .unwrap_or_default();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
    let s = v["input"].to_string();
    let mut de = serde_json::Deserializer::from_str(&s);
    let json = norikae::wire::json::read(&mut de).unwrap_or(norikae::wire::json::Json::Null);
    // BENCH_N calls (default 20,000); under valgrind --tool=callgrind use a small N.
    let n: usize =
        std::env::var("BENCH_N").ok().and_then(|v| v.parse().ok()).unwrap_or(20_000).max(10);
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(norikae::engine::calculate::calculate(&json));
    }
    println!("calculate: {:.1} µs", t.elapsed().as_secs_f64() * 1e6 / n as f64);
    let t = Instant::now();
    for _ in 0..n / 10 {
        std::hint::black_box(norikae::engine::calculate::compare_exit_months(&json));
    }
    println!("compareExitMonths: {:.1} µs", t.elapsed().as_secs_f64() * 1e6 / (n / 10) as f64);
}
