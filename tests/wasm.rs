//! Tests that run inside a wasm engine (`cargo test --target wasm32-unknown-unknown`,
//! runner wasm-bindgen-test-runner; `make test` sets it up). Anything that touches JsValue
//! must live here or behind `#[cfg(target_arch = "wasm32")]`: off wasm, JsValue calls panic.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
fn calculate_returns_for_null_input() {
    // Reaching the end is the assertion: a panic here would abort the wasm instance.
    let _ = norikae::calculate(JsValue::NULL);
}
