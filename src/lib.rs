//! norikae — the calculator core (skeleton; the modules land in the next commits).
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub fn calculate(_input: JsValue) -> JsValue {
    JsValue::NULL
}

#[wasm_bindgen(js_name = compareExitMonths)]
pub fn compare_exit_months(_input: JsValue) -> JsValue {
    JsValue::NULL
}
