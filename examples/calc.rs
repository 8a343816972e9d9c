//! `cargo run --example calc -- [compare] < input.json`: the core's answer as pretty JSON.
use norikae::wire::json_out::ToJson;
use std::io::Read;
fn main() {
    let mut s = String::new();
    let _ = std::io::stdin().read_to_string(&mut s);
    let mut de = serde_json::Deserializer::from_str(&s);
    let json = norikae::wire::json::read(&mut de).unwrap_or(norikae::wire::json::Json::Null);
    let compare = std::env::args().any(|a| a == "compare");
    let out = if compare {
        norikae::engine::calculate::compare_exit_months(&json).to_json()
    } else {
        norikae::engine::calculate::calculate(&json).to_json()
    };
    let pretty = serde_json::from_str::<serde_json::Value>(&out)
        .and_then(|v| serde_json::to_string_pretty(&v));
    println!("{}", pretty.unwrap_or(out));
}
