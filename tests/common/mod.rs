//! Shared by the native integration tests: run the core on JSON text, and match an
//! expectation the way ../shared/tools/run-cases.mjs does.
#![allow(dead_code)]

use serde_json::Value;

pub fn run(f: &str, input: &Value) -> Value {
    let text = input.to_string();
    let mut de = serde_json::Deserializer::from_str(&text);
    let json = norikae::wire::json::read(&mut de).unwrap_or(norikae::wire::json::Json::Null);

    if f == "compareExitMonths" {
        to_value(&norikae::engine::calculate::compare_exit_months(&json))
    } else {
        to_value(&norikae::engine::calculate::calculate(&json))
    }
}

/// The answer as the page gets it: the core's own JSON text, parsed (so every test also
/// checks that the text is valid JSON).
fn to_value<T: norikae::wire::json_out::ToJson>(a: &norikae::Answer<T>) -> Value {
    use norikae::wire::json_out::ToJson;
    serde_json::from_str(&a.to_json()).expect("the core writes valid JSON")
}

pub fn calc(input: Value) -> Value {
    run("calculate", &input)
}

pub fn compare(input: Value) -> Value {
    run("compareExitMonths", &input)
}

/// None when `actual` matches `expect` (subset semantics, `$none`, `$absent`).
pub fn mismatch(expect: &Value, actual: &Value, path: &str) -> Option<String> {
    match expect {
        Value::Object(o) if o.contains_key("$absent") => {
            (!actual.is_null()).then(|| format!("{path}: expected absent, got {actual}"))
        }
        Value::Object(o) if o.contains_key("$none") => match actual {
            Value::Array(a) => a
                .iter()
                .find(|x| mismatch(&o["$none"], x, path).is_none())
                .map(|hit| format!("{path}: found {hit}")),
            _ => Some(format!("{path}: expected an array, got {actual}")),
        },
        Value::Array(e) => match actual {
            Value::Array(a) => e.iter().enumerate().find_map(|(i, x)| {
                (!a.iter().any(|y| mismatch(x, y, path).is_none())).then(|| {
                    let near = a
                        .iter()
                        .filter_map(|y| mismatch(x, y, &format!("{path}[{i}]")))
                        .next()
                        .unwrap_or_default();
                    format!("{path}: no element matches {x} (closest: {near})")
                })
            }),
            _ => Some(format!("{path}: expected an array, got {actual}")),
        },
        Value::Object(o) => match actual {
            Value::Object(_) => o.iter().find_map(|(k, v)| {
                mismatch(v, actual.get(k).unwrap_or(&Value::Null), &format!("{path}.{k}"))
            }),
            _ => Some(format!("{path}: expected an object, got {actual}")),
        },
        _ => (expect != actual).then(|| format!("{path}: expected {expect}, got {actual}")),
    }
}

/// Panics with a readable message unless `actual` matches `expect`.
pub fn assert_matches(actual: &Value, expect: Value) {
    if let Some(m) = mismatch(&expect, actual, "result") {
        panic!("{m}\nfull result: {}", serde_json::to_string_pretty(actual).unwrap_or_default());
    }
}
