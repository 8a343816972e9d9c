//! Tests that run inside a wasm engine (`cargo test --target wasm32-unknown-unknown`,
//! runner wasm-bindgen-test-runner; `make test` sets it up). Anything that touches JsValue
//! must live here or behind `#[cfg(target_arch = "wasm32")]`: off wasm, JsValue calls panic.
//! They check the boundary itself: JS values in (objects, odd types), plain objects out.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Object, Reflect, JSON};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

fn parse(s: &str) -> JsValue {
    JSON::parse(s).expect("test JSON")
}

fn get(v: &JsValue, path: &str) -> JsValue {
    path.split('.').fold(v.clone(), |o, k| {
        Reflect::get(&o, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED)
    })
}

#[wasm_bindgen_test]
fn calculate_returns_a_plain_object_for_a_valid_input() {
    // Public case 03 (SN-7, SN-8, SN-11, SN-12).
    let input = parse(
        r#"{"applicationDate":"2026-09-10","current":{"provider":"so-net-hikari-plus","serviceStart":"2021-03-15","exitMonth":"2026-09","monthlyFee":5720,"payment":"bank-debit","construction":{"monthlyInstallment":500,"installments":72,"firstMonth":"2021-04"}}}"#,
    );
    let r = norikae::calculate(input);
    assert!(r.is_object());
    assert_eq!(get(&r, "ok"), JsValue::TRUE);
    assert_eq!(get(&r, "totals.net").as_f64(), Some(28720.0));
    assert_eq!(get(&r, "exit.month").as_string().as_deref(), Some("2026-09"));
    assert_eq!(get(&r, "exit.shiftedBy"), JsValue::NULL, "null, not undefined");
    assert!(Array::is_array(&get(&r, "charges")));
}

#[wasm_bindgen_test]
fn calculate_answers_odd_values_without_throwing() {
    let odd = [
        JsValue::NULL,
        JsValue::UNDEFINED,
        JsValue::from_f64(f64::NAN),
        JsValue::from_str("{}"),
        Array::new().into(),
        js_sys::Symbol::for_("x").into(),
        js_sys::Function::new_no_args("return 1").into(),
    ];
    for v in odd {
        let r = norikae::calculate(v);
        assert_eq!(get(&r, "ok"), JsValue::FALSE);
        assert!(Array::is_array(&get(&r, "errors")));
    }
}

#[wasm_bindgen_test]
fn a_cyclic_or_deep_object_is_bounded() {
    let o = Object::new();
    Reflect::set(&o, &"applicationDate".into(), &"2019-03-10".into()).ok();
    Reflect::set(&o, &"current".into(), &o).ok();
    let r = norikae::calculate(o.into());
    assert_eq!(get(&r, "ok"), JsValue::FALSE);
    let mut deep: JsValue = Object::new().into();
    for _ in 0..5_000 {
        let next = Object::new();
        Reflect::set(&next, &"a".into(), &deep).ok();
        deep = next.into();
    }
    let r = norikae::compare_exit_months(deep);
    assert_eq!(get(&r, "ok"), JsValue::FALSE);
}

#[wasm_bindgen_test]
fn export_calendar_needs_a_stamp() {
    let input = parse(
        r#"{"applicationDate":"2019-03-12","current":{"provider":"so-net-hikari-plus","serviceStart":"2017-06-05"}}"#,
    );
    let ok = norikae::boundary::export_calendar(input.clone(), "20261125T093000Z".into());
    assert_eq!(get(&ok, "ok"), JsValue::TRUE);
    assert!(get(&ok, "ics").as_string().unwrap_or_default().starts_with("BEGIN:VCALENDAR\r\n"));
    let bad = norikae::boundary::export_calendar(input, JsValue::from_f64(3.0));
    assert_eq!(get(&bad, "ok"), JsValue::FALSE);
}
