//! Provider and campaign rules as data (SPEC: every figure traces to a rule id and a source).
//!
//! `rules/*.toml` are compiled by `build.rs` into a postcard blob embedded here, decoded
//! once on first use. The engine asks for parameters by set, key and date; every value
//! it reads is recorded in a [`Trace`] so the result can name its sources and warn when
//! a value is unverified (`Confidence::Low`).

pub mod schema;
#[cfg(test)]
pub mod compile;

use crate::error::CalcError;
use chrono::{Datelike, NaiveDate};
pub use schema::*;
use std::sync::OnceLock;

const BLOB: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/rules.bin"));
static BOOK: OnceLock<Option<Book>> = OnceLock::new();

/// The embedded rule book (None only if the blob were corrupt, which a test rules out).
pub fn book() -> Option<&'static Book> {
    BOOK.get_or_init(|| postcard::from_bytes(BLOB).ok()).as_ref()
}

/// The rule set with this id, e.g. `so-net-hikari-plus`.
pub fn set(id: &str) -> Option<&'static RuleSet> {
    book()?.sets.iter().find(|s| s.id == id)
}

/// A date as the `YYYYMMDD` integer rule periods use.
pub fn ymd(d: NaiveDate) -> Ymd {
    (d.year().max(0) as u32) * 10000 + d.month() * 100 + d.day()
}

/// Formats a `YYYYMMDD` integer as `YYYY-MM-DD`.
pub fn ymd_str(v: Ymd) -> String {
    format!("{:04}-{:02}-{:02}", v / 10000, v / 100 % 100, v % 100)
}

/// The values the engine read, in order of first use.
#[derive(Default, Debug)]
pub struct Trace {
    pub used: Vec<(&'static RuleSet, &'static Param)>,
}

impl Trace {
    fn note(&mut self, set: &'static RuleSet, p: &'static Param) {
        if !self.used.iter().any(|(s, q)| std::ptr::eq(*s, set) && std::ptr::eq(*q, p)) {
            self.used.push((set, p));
        }
    }
}

/// Typed reads from one rule set, recorded in a trace.
#[derive(Clone, Copy)]
pub struct Rules {
    pub set: &'static RuleSet,
}

impl Rules {
    pub fn of(id: &str) -> Option<Rules> {
        set(id).map(|set| Rules { set })
    }

    /// The period of `key` in force on `at`.
    pub fn param(&self, key: &str, at: NaiveDate, tr: &mut Trace) -> Result<&'static Param, CalcError> {
        let d = ymd(at);
        let p = self
            .set
            .params
            .iter()
            .find(|p| p.key == key && p.since <= d && d <= p.until)
            .ok_or_else(|| CalcError::RuleMissing(format!("{}: {key} on {at}", self.set.id)))?;
        tr.note(self.set, p);
        Ok(p)
    }

    pub fn has(&self, key: &str) -> bool {
        self.set.params.iter().any(|p| p.key == key)
    }

    pub fn int(&self, key: &str, at: NaiveDate, tr: &mut Trace) -> Result<i64, CalcError> {
        match &self.param(key, at, tr)?.value {
            Value::Int(i) => Ok(*i),
            _ => Err(self.wrong(key)),
        }
    }

    pub fn boolean(&self, key: &str, at: NaiveDate, tr: &mut Trace) -> Result<bool, CalcError> {
        match &self.param(key, at, tr)?.value {
            Value::Bool(b) => Ok(*b),
            _ => Err(self.wrong(key)),
        }
    }

    pub fn strs(&self, key: &str, at: NaiveDate, tr: &mut Trace) -> Result<&'static [String], CalcError> {
        match &self.param(key, at, tr)?.value {
            Value::Strs(v) => Ok(v),
            _ => Err(self.wrong(key)),
        }
    }

    pub fn ints(&self, key: &str, at: NaiveDate, tr: &mut Trace) -> Result<&'static [i64], CalcError> {
        match &self.param(key, at, tr)?.value {
            Value::Ints(v) => Ok(v),
            _ => Err(self.wrong(key)),
        }
    }

    /// One entry of a table of amounts (`None` when the table has no such entry).
    pub fn entry(&self, key: &str, name: &str, at: NaiveDate, tr: &mut Trace) -> Result<Option<i64>, CalcError> {
        match &self.param(key, at, tr)?.value {
            Value::IntMap(m) => Ok(m.iter().find(|(k, _)| k == name).map(|(_, v)| *v)),
            _ => Err(self.wrong(key)),
        }
    }

    /// Like [`Rules::entry`], for an entry that must exist.
    pub fn need(&self, key: &str, name: &str, at: NaiveDate, tr: &mut Trace) -> Result<i64, CalcError> {
        self.entry(key, name, at, tr)?
            .ok_or_else(|| CalcError::RuleMissing(format!("{}: {key}.{name}", self.set.id)))
    }

    pub fn text(&self, key: &str, at: NaiveDate, tr: &mut Trace, lang: crate::lang::Lang) -> Result<&'static str, CalcError> {
        match &self.param(key, at, tr)?.value {
            Value::Text(t) => Ok(lang.pick(&t.ja, &t.en)),
            Value::Str(s) => Ok(s),
            _ => Err(self.wrong(key)),
        }
    }

    fn wrong(&self, key: &str) -> CalcError {
        CalcError::RuleMissing(format!("{}: {key} has the wrong type", self.set.id))
    }
}
