//! Provider and campaign rules as data (SPEC: every figure traces to a rule id and a source).
//!
//! `rules/*.toml` are checked by `build.rs` and written out as Rust statics (see
//! [`data`]). The engine asks for parameters by set, key and date; every value it reads
//! is recorded in a [`Trace`] so the result can name its sources and warn when a value
//! is unverified (`Confidence::Low`).

#[cfg(test)]
pub mod compile;
pub mod data;
pub mod required;
pub mod schema;

use crate::error::CalcError;
use chrono::{Datelike, NaiveDate};
pub use data::*;

include!(concat!(env!("OUT_DIR"), "/rules_data.rs"));

/// The embedded rule book.
pub fn book() -> Option<&'static Book> {
    Some(&BOOK)
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
    let mut s = String::with_capacity(10);
    crate::text::push_ymd(&mut s, (v / 10000) as i32, v / 100 % 100, Some(v % 100));
    s
}

/// The values the engine read, in order of first use, and the user-entered values that
/// replace a provider's keys listed under its `user-terms` (the `custom` provider).
#[derive(Default, Debug)]
pub struct Trace {
    pub used: Vec<(&'static RuleSet, &'static Param)>,
    pub user: Vec<(&'static str, UserValue)>,
    pub user_used: Vec<&'static str>,
}

impl Trace {
    /// Whether the value of `key` came from the user.
    pub fn is_user(&self, key: &str) -> bool {
        self.user_used.contains(&key)
    }

    fn note(&mut self, set: &'static RuleSet, p: &'static Param) {
        if !self.used.iter().any(|(s, q)| std::ptr::eq(*s, set) && std::ptr::eq(*q, p)) {
            self.used.push((set, p));
        }
    }
}

/// A date with its kind: the one a key's value is picked by (`rules/keys.toml`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct On {
    pub kind: Governing,
    pub date: NaiveDate,
}

impl On {
    /// The day the current contract was applied for (`Current::contract_date`).
    pub fn contract(date: NaiveDate) -> On {
        On { kind: Governing::Contract, date }
    }
    /// The day the exit is applied for (`Scenario::application_date`, or the row's).
    pub fn application(date: NaiveDate) -> On {
        On { kind: Governing::Application, date }
    }
    /// The day after the last day of service.
    pub fn exit_completion(date: NaiveDate) -> On {
        On { kind: Governing::ExitCompletion, date }
    }
    /// The day auひかり was applied for (`Destination::application_date`).
    pub fn au_application(date: NaiveDate) -> On {
        On { kind: Governing::AuApplication, date }
    }
    /// The day KDDI accepts the campaign form (AU-7).
    pub fn acceptance(date: NaiveDate) -> On {
        On { kind: Governing::Acceptance, date }
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
    pub fn param(&self, key: &str, at: On, tr: &mut Trace) -> Result<&'static Param, CalcError> {
        // Issue 12: a key is read on the kind of date rules/keys.toml declares for it
        // (every period of a key has the same), never another: a value dated by contract
        // looked up by the application date would silently pick the wrong period, so a
        // mismatch is a calculator fault, not a guess. One pass over the set's values.
        let d = ymd(at.date);
        let mut found = None;
        for p in self.set.params.iter().filter(|p| p.key == key) {
            if p.on != at.kind {
                return Err(CalcError::RuleMissing(format!(
                    "{}: {key} is picked by the {:?} date, read on the {:?} date",
                    self.set.id, p.on, at.kind
                )));
            }
            if found.is_none() && p.since <= d && d <= p.until {
                found = Some(p);
            }
        }
        let p = found.ok_or_else(|| {
            CalcError::RuleMissing(format!("{}: {key} on {}", self.set.id, at.date))
        })?;
        tr.note(self.set, p);
        Ok(p)
    }

    pub fn has(&self, key: &str) -> bool {
        self.set.params.iter().any(|p| p.key == key)
    }

    /// The user's value for `key`, when this set lets the user enter it (`user-terms`).
    fn user(&self, key: &str, tr: &mut Trace) -> Option<UserValue> {
        if tr.user.is_empty() {
            return None;
        }
        let listed = self.set.params.iter().any(|p| {
            p.key == "user-terms" && matches!(p.value, Value::Strs(v) if v.contains(&key))
        });
        if !listed {
            return None;
        }
        let (k, v) = tr.user.iter().find(|(k, _)| *k == key).cloned()?;
        if !tr.user_used.contains(&k) {
            tr.user_used.push(k);
        }
        Some(v)
    }

    pub fn int(&self, key: &str, at: On, tr: &mut Trace) -> Result<i64, CalcError> {
        if let Some(UserValue::Int(i)) = self.user(key, tr) {
            return Ok(i);
        }
        match self.param(key, at, tr)?.value {
            Value::Int(i) => Ok(i64::from(i)),
            _ => Err(self.wrong(key)),
        }
    }

    pub fn boolean(&self, key: &str, at: On, tr: &mut Trace) -> Result<bool, CalcError> {
        if let Some(UserValue::Bool(b)) = self.user(key, tr) {
            return Ok(b);
        }
        match self.param(key, at, tr)?.value {
            Value::Bool(b) => Ok(b),
            _ => Err(self.wrong(key)),
        }
    }

    pub fn strs(
        &self,
        key: &str,
        at: On,
        tr: &mut Trace,
    ) -> Result<&'static [&'static str], CalcError> {
        match self.param(key, at, tr)?.value {
            Value::Strs(v) => Ok(v),
            _ => Err(self.wrong(key)),
        }
    }

    pub fn ints(&self, key: &str, at: On, tr: &mut Trace) -> Result<Vec<i64>, CalcError> {
        if let Some(UserValue::Ints(v)) = self.user(key, tr) {
            return Ok(v);
        }
        match self.param(key, at, tr)?.value {
            Value::Ints(v) => Ok(v.iter().map(|&i| i64::from(i)).collect()),
            _ => Err(self.wrong(key)),
        }
    }

    /// One entry of a table of amounts (`None` when the table has no such entry). An
    /// entry with its own sources or confidence is a separate value `key@name`, which
    /// wins over the table (e.g. `cap.home@biglobe` where sources disagree).
    pub fn entry(
        &self,
        key: &str,
        name: &str,
        at: On,
        tr: &mut Trace,
    ) -> Result<Option<i64>, CalcError> {
        if let Some(UserValue::Every(x)) = self.user(key, tr) {
            return Ok(Some(x));
        }
        let own = self
            .set
            .params
            .iter()
            .map(|p| p.key)
            .find(|k| k.strip_prefix(key).and_then(|r| r.strip_prefix('@')) == Some(name));
        if let Some(own) = own {
            return self.int(own, at, tr).map(Some);
        }
        match self.param(key, at, tr)?.value {
            Value::IntMap(m) => Ok(m.iter().find(|(k, _)| *k == name).map(|(_, v)| i64::from(*v))),
            _ => Err(self.wrong(key)),
        }
    }

    /// Like [`Rules::entry`], for an entry that must exist.
    pub fn need(&self, key: &str, name: &str, at: On, tr: &mut Trace) -> Result<i64, CalcError> {
        self.entry(key, name, at, tr)?
            .ok_or_else(|| CalcError::RuleMissing(format!("{}: {key}.{name}", self.set.id)))
    }

    pub fn text(
        &self,
        key: &str,
        at: On,
        tr: &mut Trace,
        lang: crate::text::Lang,
    ) -> Result<&'static str, CalcError> {
        match self.param(key, at, tr)?.value {
            Value::Text(t) => Ok(lang.pick(t.ja, t.en)),
            Value::Str(s) => Ok(s),
            _ => Err(self.wrong(key)),
        }
    }

    /// An optional key's words (`{ ja, en }` or a string): `None` when this set's data has
    /// none, so the sentence that needs them is left out or said in general words.
    pub fn words(
        &self,
        key: &str,
        at: On,
        tr: &mut Trace,
        lang: crate::text::Lang,
    ) -> Result<Option<&'static str>, CalcError> {
        if !self.has(key) {
            return Ok(None);
        }
        self.text(key, at, tr, lang).map(Some)
    }

    /// An optional key's integer: `None` when this set's data has none.
    pub fn int_if(&self, key: &str, at: On, tr: &mut Trace) -> Result<Option<i64>, CalcError> {
        if !self.has(key) {
            return Ok(None);
        }
        self.int(key, at, tr).map(Some)
    }

    fn wrong(&self, key: &str) -> CalcError {
        CalcError::RuleMissing(format!("{}: {key} has the wrong type", self.set.id))
    }
}

#[cfg(test)]
mod tests {
    use super::compile::compile;
    use super::*;

    /// The shared sources table and key declarations, as build.rs reads them.
    fn shared() -> super::schema::Shared {
        let text = std::fs::read_to_string("rules/sources.toml").expect("rules/sources.toml");
        let sources = super::compile::compile_sources("rules/sources.toml", &text)
            .unwrap_or_else(|e| panic!("{}", e.join("\n")));
        let text = std::fs::read_to_string("rules/keys.toml").expect("rules/keys.toml");
        let keys = super::compile::compile_keys("rules/keys.toml", &text)
            .unwrap_or_else(|e| panic!("{}", e.join("\n")));
        super::schema::Shared { sources, keys }
    }

    /// The rule-set files (every `rules/*.toml` but the sources table).
    fn set_files() -> Vec<std::path::PathBuf> {
        let mut files: Vec<_> = std::fs::read_dir("rules")
            .expect("rules/")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .filter(|p| !p.ends_with("sources.toml") && !p.ends_with("keys.toml"))
            .collect();
        files.sort();
        files
    }

    fn fixture(name: &str) -> Vec<String> {
        let path = format!("tests/fixtures/rules/{name}");
        let text = std::fs::read_to_string(&path).expect("fixture exists");
        compile(&path, &text, &shared()).err().unwrap_or_default()
    }

    #[test]
    fn every_rule_file_compiles_and_is_embedded() {
        let mut n = 0;
        let shared = shared();
        for p in set_files() {
            {
                let text = std::fs::read_to_string(&p).expect("readable");
                let set = compile(&p.display().to_string(), &text, &shared)
                    .unwrap_or_else(|e| panic!("{}", e.join("\n")));
                // Same tree, owned strings vs statics: their Debug forms are identical.
                let embedded = super::set(&set.id).map(|s| format!("{s:?}"));
                assert_eq!(
                    embedded,
                    Some(format!("{set:?}")),
                    "the embedded data matches {}",
                    p.display()
                );
                n += 1;
            }
        }
        assert!(n >= 3, "so-net-hikari-plus, au-start-support, au-start-support-plus");
    }

    /// Issue 11 item 7: a rule set lacking a key the engine always reads is refused at
    /// build time (the same check build.rs runs), naming the file and the key.
    #[test]
    fn a_rule_set_lacking_a_required_key_is_refused() {
        let shared = shared();
        for p in set_files() {
            {
                let name = p.display().to_string();
                let set = compile(&name, &std::fs::read_to_string(&p).expect("readable"), &shared)
                    .expect("compiles");
                assert_eq!(super::required::missing_required(&name, &set), Vec::<String>::new());
            }
        }
        let text = std::fs::read_to_string("rules/custom.toml").expect("custom.toml");
        // The file without its [[params]] block for the key.
        let at = text.find("key = \"mypage.months-after-exit\"").expect("the key is there");
        let start = text[..at].rfind("[[params]]").expect("its block");
        let end = text[at..].find("[[params]]").map_or(text.len(), |e| at + e);
        let cut = format!("{}{}", &text[..start], &text[end..]);
        let set = compile("custom-cut.toml", &cut, &shared).expect("compiles");
        assert_eq!(
            super::required::missing_required("custom-cut.toml", &set),
            vec!["custom-cut.toml: params: lacks \"mypage.months-after-exit\", which every provider must have".to_string()]
        );
    }

    #[test]
    fn a_value_without_a_source_is_rejected_naming_file_field_and_problem() {
        let e = fixture("missing-source.toml");
        assert_eq!(
            e,
            vec!["tests/fixtures/rules/missing-source.toml: params[1] (exit.window-months).source: is missing: every value needs a source"
                .to_string()]
        );
    }

    #[test]
    fn overlapping_periods_and_unknown_sources_are_rejected() {
        let e = fixture("overlapping-periods.toml");
        assert!(
            e.iter().any(|m| m.contains("params[1] (fee.cancellation).since: period 20220701–99991231 overlaps 20000101–20220701")),
            "{e:?}"
        );
        assert!(
            e.iter().any(|m| m.contains(
                "params[1] (fee.cancellation).source: names an unknown source \"nowhere\""
            )),
            "{e:?}"
        );
    }

    #[test]
    fn malformed_dates_rule_ids_and_confidence_are_rejected() {
        let text = r#"
id = "x"
kind = "campaign"
name = { ja = "x", en = "x" }
checked = "2026-02-30"
[[params]]
key = "k"
rule = "sn7"
value = 1
source = "seed-au"
confidence = "low"
"#;
        let e = compile("bad.toml", text, &shared()).err().unwrap_or_default();
        for needle in [
            "bad.toml: checked: \"2026-02-30\" is not a date",
            "rule: \"sn7\" is not a rule id",
            "note: is missing: a low-confidence value must say why",
            "a campaign needs a version.dates parameter",
        ] {
            assert!(e.iter().any(|m| m.contains(needle)), "{needle} not in {e:?}");
        }
    }

    #[test]
    fn sources_are_defined_once_in_the_shared_table_with_a_known_kind() {
        let table = r#"
[[sources]]
id = "s"
title = "t"
url = "u"
kind = "rumour"
checked = "2026-11-24"
[[sources]]
id = "s"
title = "t2"
url = "u"
kind = "blog"
checked = "2026-11-31"
"#;
        let e = super::compile::compile_sources("src.toml", table).err().unwrap_or_default();
        for needle in [
            "src.toml: sources[0].kind: \"rumour\"",
            "src.toml: sources[1].id: source \"s\" is defined twice",
            "src.toml: sources[1].url: \"u\" is already another source",
            "src.toml: sources[1].checked: \"2026-11-31\" is not a date",
        ] {
            assert!(e.iter().any(|m| m.contains(needle)), "{needle} not in {e:?}");
        }
        let own = "id = \"x\"\nkind = \"provider\"\nname = { ja = \"x\", en = \"x\" }\n\
                   checked = \"2026-11-24\"\n[[sources]]\nid = \"a\"\n[[params]]\nkey = \"k\"\n\
                   rule = \"SN-1\"\nvalue = 1\nsource = \"seed-au\"\n";
        let own = own.replace("key = \"k\"", "key = \"exit.window-months\"");
        let e = compile("own.toml", &own, &shared()).err().unwrap_or_default();
        assert_eq!(
            e,
            ["own.toml: sources: sources are shared: define them once in rules/sources.toml"]
        );
    }

    /// Issue 12: every key declares the one date that picks its value.
    #[test]
    fn a_key_must_declare_its_governing_date() {
        let e = super::compile::compile_keys("k.toml", "[keys]\n\"a\" = \"today\"\n")
            .err()
            .unwrap_or_default();
        assert_eq!(e, ["k.toml: keys.a: \"today\" is not contract, application, exit-completion, au-application or acceptance"]);
        let file = "id = \"x\"\nkind = \"provider\"\nname = { ja = \"x\", en = \"x\" }\n\
                    checked = \"2026-11-24\"\n[[params]]\nkey = \"fee.surprise\"\n\
                    rule = \"SN-7\"\nvalue = 1\nsource = \"seed-au\"\n";
        let e = compile("x.toml", file, &shared()).err().unwrap_or_default();
        assert_eq!(e, ["x.toml: params[0] (fee.surprise).key: \"fee.surprise\" is not declared in rules/keys.toml (which date picks its value?)"]);
        // SN-7: the dated fees are picked by the contract date, the campaign by the
        // auひかり application, as the embedded data says.
        let on = |set: &str, key: &str| {
            super::set(set).and_then(|s| s.params.iter().find(|p| p.key == key)).map(|p| p.on)
        };
        assert_eq!(on("so-net-hikari-plus", "fee.cancellation"), Some(Governing::Contract));
        assert_eq!(on("au-start-support", "cap.home"), Some(Governing::AuApplication));
        assert_eq!(on("au-new-start-support", "cap.home@biglobe"), Some(Governing::AuApplication));
    }

    /// Issue 12: SN-7's dated fee is picked by the contract date; asked on another kind of
    /// date, the read is refused (a calculator fault), not answered from the wrong period.
    #[test]
    fn sn7_a_key_is_read_only_on_its_declared_kind_of_date() {
        let r = Rules::of("so-net-hikari-plus").expect("So-net's rules");
        let day = crate::calendar::parse_date("2023-01-10").expect("a date");
        let mut tr = Trace::default();
        assert!(r.int("contract.term-months", On::contract(day), &mut tr).is_ok());
        let wrong = r.int("contract.term-months", On::application(day), &mut tr);
        assert!(
            matches!(&wrong, Err(CalcError::RuleMissing(m)) if m.contains("Contract") && m.contains("Application")),
            "{wrong:?}"
        );
        assert!(r.int("exit.window-months", On::application(day), &mut tr).is_ok());
    }

    #[test]
    fn every_value_in_the_book_has_a_source_and_periods_do_not_overlap() {
        let book = book().expect("embedded rules decode");
        for set in book.sets {
            for (i, p) in set.params.iter().enumerate() {
                assert!(
                    !p.sources.is_empty()
                        && p.sources.iter().all(|&s| usize::from(s) < set.sources.len()),
                    "{} {}",
                    set.id,
                    p.key
                );
                for q in &set.params[i + 1..] {
                    assert!(
                        q.key != p.key || q.since > p.until || p.since > q.until,
                        "{} {} overlaps",
                        set.id,
                        p.key
                    );
                }
            }
        }
    }
}
