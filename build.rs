//! Checks `rules/*.toml` (with `src/rules/compile.rs`: a malformed rule file fails the
//! build with `file: field: problem`) and writes them out as Rust statics
//! (`$OUT_DIR/rules_data.rs`, the types of `src/rules/data.rs`) for `src/rules/mod.rs`
//! to include: no parser and no decoder ship in the wasm.

#[path = "src/rules/compile.rs"]
mod compile;
#[path = "src/rules/required.rs"]
mod required;
#[path = "src/rules/schema.rs"]
#[allow(dead_code)]
mod schema;

use schema::{Confidence, RuleSet, SetKind, Text, Value};
use std::fmt::Write;
use std::{env, fs, path::Path};

fn text(t: &Text) -> String {
    format!("Text {{ ja: {:?}, en: {:?} }}", t.ja, t.en)
}

fn value(v: &Value) -> String {
    // The runtime keeps numbers as i32 (amounts up to 10,000,000 yen, dates as YYYYMMDD).
    let fits = |i: &i64| {
        i32::try_from(*i).unwrap_or_else(|_| panic!("rule value {i} does not fit in 32 bits"))
    };
    match v {
        Value::Int(i) => format!("Value::Int({})", fits(i)),
        Value::Bool(b) => format!("Value::Bool({b})"),
        Value::Str(s) => format!("Value::Str({s:?})"),
        Value::Strs(v) => format!("Value::Strs(&{v:?})"),
        Value::Ints(v) => format!("Value::Ints(&{:?})", v.iter().map(fits).collect::<Vec<_>>()),
        Value::IntMap(m) => {
            format!(
                "Value::IntMap(&[{}])",
                m.iter()
                    .map(|(k, v)| format!("({k:?}, {})", fits(v)))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        }
        Value::Text(t) => format!("Value::Text({})", text(t)),
    }
}

fn set(s: &RuleSet) -> String {
    let mut out = String::new();
    let kind = match s.kind {
        SetKind::Provider => "SetKind::Provider",
        SetKind::Campaign => "SetKind::Campaign",
    };
    let _ = write!(
        out,
        "RuleSet {{ id: {:?}, kind: {kind}, name: {}, checked: {}, since: {}, until: {}, sources: &[",
        s.id,
        text(&s.name),
        s.checked,
        s.since,
        s.until
    );
    for src in &s.sources {
        let _ = write!(
            out,
            "Source {{ id: {:?}, title: {:?}, url: {:?}, kind: {:?}, checked: {} }}, ",
            src.id, src.title, src.url, src.kind, src.checked
        );
    }
    out.push_str("], params: &[");
    for p in &s.params {
        let conf = match p.confidence {
            Confidence::Low => "Confidence::Low",
            Confidence::Medium => "Confidence::Medium",
            Confidence::High => "Confidence::High",
        };
        let note =
            p.note.as_ref().map(|n| format!("Some(&{})", text(n))).unwrap_or_else(|| "None".into());
        let _ = write!(
            out,
            "Param {{ key: {:?}, on: Governing::{:?}, rule: {:?}, since: {}, until: {}, value: {}, sources: &{:?}, confidence: {conf}, note: {note} }}, ",
            p.key,
            p.on,
            p.rule,
            p.since,
            p.until,
            value(&p.value),
            p.sources
        );
    }
    out.push_str("] }");
    out
}

/// The shared sources table and the keys' governing dates; every other `rules/*.toml`
/// is a rule set.
const SOURCES: &str = "rules/sources.toml";
const KEYS: &str = "rules/keys.toml";

fn main() {
    println!("cargo:rerun-if-changed=rules");
    println!("cargo:rerun-if-changed=src/rules/schema.rs");
    println!("cargo:rerun-if-changed=src/rules/compile.rs");
    println!("cargo:rerun-if-changed=src/rules/required.rs");
    let mut files: Vec<_> = fs::read_dir("rules")
        .expect("rules/ exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .filter(|p| !p.ends_with(SOURCES) && !p.ends_with(KEYS))
        .collect();
    files.sort();
    let mut sets = Vec::new();
    let mut errors = Vec::new();
    let shared_text = fs::read_to_string(SOURCES).unwrap_or_else(|e| panic!("{SOURCES}: {e}"));
    let keys_text = fs::read_to_string(KEYS).unwrap_or_else(|e| panic!("{KEYS}: {e}"));
    let shared = match (
        compile::compile_sources(SOURCES, &shared_text),
        compile::compile_keys(KEYS, &keys_text),
    ) {
        (Ok(sources), Ok(keys)) => schema::Shared { sources, keys },
        (s, k) => {
            let e: Vec<String> = [s.err(), k.err()].into_iter().flatten().flatten().collect();
            panic!("rule files rejected:\n{}", e.join("\n"));
        }
    };
    for f in &files {
        let name = f.display().to_string();
        let text = fs::read_to_string(f).unwrap_or_else(|e| panic!("{name}: cannot read: {e}"));
        match compile::compile(&name, &text, &shared) {
            Ok(set) => {
                errors.extend(required::missing_required(&name, &set));
                sets.push(set)
            }
            Err(e) => errors.extend(e),
        }
    }
    for src in &shared.sources {
        if !sets.iter().any(|s| s.sources.iter().any(|x| x.id == src.id)) {
            errors.push(format!("{SOURCES}: sources: \"{}\" is cited by no value", src.id));
        }
    }
    for (key, _) in &shared.keys {
        let used = |p: &schema::Param| p.key.split('@').next() == Some(key.as_str());
        if !sets.iter().any(|s| s.params.iter().any(used)) {
            errors.push(format!("{KEYS}: keys.{key}: is declared but no rule file holds it"));
        }
    }
    let mut ids: Vec<&str> = sets.iter().map(|s| s.id.as_str()).collect();
    ids.sort();
    for w in ids.windows(2) {
        if w[0] == w[1] {
            errors.push(format!("rules: id: \"{}\" is used by two files", w[0]));
        }
    }
    if !errors.is_empty() {
        panic!("rule files rejected:\n{}", errors.join("\n"));
    }
    let mut out = String::from(
        "// Generated by build.rs from rules/*.toml. Do not edit.\n#[allow(clippy::all)]\npub static BOOK: Book = Book { sets: &[\n",
    );
    for s in &sets {
        out.push_str(&set(s));
        out.push_str(",\n");
    }
    out.push_str("] };\n");
    let dest = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("rules_data.rs");
    fs::write(dest, out).expect("write rules_data.rs");
}
