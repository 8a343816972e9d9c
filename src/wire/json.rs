//! A small JSON-like tree the input is read into, from a JS value (serde-wasm-bindgen)
//! or from JSON text (tests). Reading is bounded: nesting deeper than [`MAX_DEPTH`] or
//! more than [`MAX_NODES`] values stop the descent (the rest is marked `TooBig`) so a
//! hostile input can neither overflow the stack nor take long.

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use std::cell::Cell;
use std::fmt;

pub const MAX_DEPTH: usize = 16;
pub const MAX_NODES: usize = 2_000;

#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
    /// Deeper or larger than the limits: not read.
    TooBig,
}

impl Json {
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Obj(kv) => kv.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
}

/// Reads a JS value with the same limits, straight through js_sys: typeof, arrays and
/// own enumerable properties. Functions, symbols and BigInts read as `Null`.
#[cfg(target_arch = "wasm32")]
pub fn from_js(v: &wasm_bindgen::JsValue) -> Json {
    let nodes = Cell::new(0usize);
    js(v, 0, &nodes)
}

#[cfg(target_arch = "wasm32")]
fn js(v: &wasm_bindgen::JsValue, depth: usize, nodes: &Cell<usize>) -> Json {
    use wasm_bindgen::JsCast;
    nodes.set(nodes.get().saturating_add(1));
    if let Some(b) = v.as_bool() {
        return Json::Bool(b);
    }
    if let Some(n) = v.as_f64() {
        return Json::Num(n);
    }
    if let Some(s) = v.as_string() {
        return Json::Str(if s.len() > 1_000 { s.chars().take(101).collect() } else { s });
    }
    if !v.is_object() || v.is_function() {
        return Json::Null;
    }
    if depth > MAX_DEPTH || nodes.get() > MAX_NODES {
        return Json::TooBig;
    }
    if let Some(a) = v.dyn_ref::<js_sys::Array>() {
        let mut out = Vec::new();
        for x in a.iter() {
            if nodes.get() > MAX_NODES {
                return Json::TooBig;
            }
            out.push(js(&x, depth + 1, nodes));
        }
        return Json::Arr(out);
    }
    let obj: &js_sys::Object = v.unchecked_ref();
    let keys = js_sys::Object::keys(obj);
    if keys.length() as usize > MAX_NODES {
        return Json::TooBig;
    }
    let mut out = Vec::new();
    for k in keys.iter() {
        if nodes.get() > MAX_NODES {
            return Json::TooBig;
        }
        let Some(name) = k.as_string() else { continue };
        let val = js_sys::Reflect::get(obj, &k).unwrap_or(wasm_bindgen::JsValue::NULL);
        out.push((name, js(&val, depth + 1, nodes)));
    }
    Json::Obj(out)
}

/// Reads a value with limits on depth and size.
pub fn read<'de, D: Deserializer<'de>>(d: D) -> Result<Json, D::Error> {
    let nodes = Cell::new(0usize);
    Seed { depth: 0, nodes: &nodes }.deserialize(d)
}

struct Seed<'a> {
    depth: usize,
    nodes: &'a Cell<usize>,
}

impl Seed<'_> {
    fn over(&self) -> bool {
        self.nodes.set(self.nodes.get().saturating_add(1));
        self.depth > MAX_DEPTH || self.nodes.get() > MAX_NODES
    }
}

impl<'de> DeserializeSeed<'de> for Seed<'_> {
    type Value = Json;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Json, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Seed<'_> {
    type Value = Json;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_none<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Json, D::Error> {
        self.deserialize(d)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Json, E> {
        self.over();
        Ok(Json::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Json, E> {
        self.over();
        Ok(Json::Num(v as f64))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Json, E> {
        self.over();
        Ok(Json::Num(v as f64))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Json, E> {
        self.over();
        Ok(Json::Num(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Json, E> {
        self.over();
        // Keep at most a little more than the longest accepted string (100 characters),
        // enough to tell "too long" from "fits".
        Ok(Json::Str(if v.len() > 1_000 { v.chars().take(101).collect() } else { v.to_string() }))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Json, E> {
        self.visit_str(&v)
    }
    // Past a limit the rest of a container is skipped, not left unread: a text parser
    // (serde_json) must consume it, or the whole input would fail as malformed. Its own
    // depth limit (128) bounds the skipping.
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        if self.over() {
            while seq.next_element::<de::IgnoredAny>()?.is_some() {}
            return Ok(Json::TooBig);
        }
        let mut out = Vec::new();
        while let Some(v) =
            seq.next_element_seed(Seed { depth: self.depth + 1, nodes: self.nodes })?
        {
            if self.nodes.get() > MAX_NODES {
                while seq.next_element::<de::IgnoredAny>()?.is_some() {}
                return Ok(Json::TooBig);
            }
            out.push(v);
        }
        Ok(Json::Arr(out))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        if self.over() {
            while map.next_entry::<de::IgnoredAny, de::IgnoredAny>()?.is_some() {}
            return Ok(Json::TooBig);
        }
        let mut out = Vec::new();
        while let Some(k) = map.next_key::<String>()? {
            let v = map.next_value_seed(Seed { depth: self.depth + 1, nodes: self.nodes })?;
            if self.nodes.get() > MAX_NODES {
                while map.next_entry::<de::IgnoredAny, de::IgnoredAny>()?.is_some() {}
                return Ok(Json::TooBig);
            }
            out.push((k, v));
        }
        Ok(Json::Obj(out))
    }
}
