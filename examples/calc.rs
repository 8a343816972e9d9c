//! `cargo run --example calc -- [compare] < input.json`: the core's answer as pretty JSON.
use std::io::Read;
fn main() {
    let mut s = String::new();
    let _ = std::io::stdin().read_to_string(&mut s);
    let mut de = serde_json::Deserializer::from_str(&s);
    let json = norikae::json::read(&mut de).unwrap_or(norikae::json::Json::Null);
    let compare = std::env::args().any(|a| a == "compare");
    let out = if compare {
        match norikae::calculate::compare_exit_months(&json) { norikae::Answer::Ok(v) => serde_json::to_string_pretty(&v), norikae::Answer::Err(e) => serde_json::to_string_pretty(&e) }
    } else {
        match norikae::calculate::calculate(&json) { norikae::Answer::Ok(v) => serde_json::to_string_pretty(&v), norikae::Answer::Err(e) => serde_json::to_string_pretty(&e) }
    };
    println!("{}", out.unwrap_or_default());
}
