//! The runtime shape of the rule data: the same tree as [`super::schema`], but of
//! `&'static` strings and slices that `build.rs` writes out as Rust statics. Nothing is
//! decoded at run time, and no decoder ships in the wasm.

pub use super::schema::{Confidence, Governing, SetKind, Ymd, OPEN_END};

#[derive(Debug, PartialEq)]
pub struct Book {
    pub sets: &'static [RuleSet],
}

#[derive(Debug, PartialEq)]
pub struct RuleSet {
    pub id: &'static str,
    pub kind: SetKind,
    pub name: Text,
    pub checked: Ymd,
    pub since: Ymd,
    pub until: Ymd,
    pub sources: &'static [Source],
    pub params: &'static [Param],
}

#[derive(Debug, PartialEq, Clone, Copy)]
pub struct Text {
    pub ja: &'static str,
    pub en: &'static str,
}

#[derive(Debug, PartialEq)]
pub struct Source {
    pub id: &'static str,
    pub title: &'static str,
    pub url: &'static str,
    pub kind: &'static str,
    pub checked: Ymd,
}

#[derive(Debug, PartialEq)]
pub struct Param {
    pub key: &'static str,
    /// Which date picks among this key's periods (`rules/keys.toml`).
    pub on: Governing,
    pub rule: &'static str,
    pub since: Ymd,
    pub until: Ymd,
    pub value: Value,
    pub sources: &'static [u16],
    pub confidence: Confidence,
    /// Most values have none: a pointer keeps the common case small.
    pub note: Option<&'static Text>,
}

#[derive(Debug, PartialEq)]
/// Amounts and counts are 32-bit here (every rule value fits; the engine widens them),
/// which keeps the static tables 4-byte aligned and small.
pub enum Value {
    Int(i32),
    Bool(bool),
    Str(&'static str),
    Strs(&'static [&'static str]),
    Ints(&'static [i32]),
    IntMap(&'static [(&'static str, i32)]),
    Text(Text),
}

/// A value the user entered for a key the provider lists under `user-terms`.
#[derive(Debug, PartialEq, Clone)]
pub enum UserValue {
    Int(i64),
    Bool(bool),
    Ints(Vec<i64>),
    /// The same amount for every entry of a table (a fee for home and mansion alike).
    Every(i64),
}
