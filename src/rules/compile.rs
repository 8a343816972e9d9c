//! Turns one `rules/*.toml` file into a checked [`RuleSet`]: used by `build.rs` at build
//! time and by the tests (never shipped in the wasm: no TOML parser in the binary).
//!
//! Every problem is reported as `file: field: problem`, and all problems of a file are
//! reported at once. A rule file is rejected when a value has no source, names an
//! unknown source, has a malformed date or rule id, or when two periods of the same
//! parameter overlap.

// `schema` is a sibling module in the crate and a sibling `#[path]` module in build.rs.
use super::schema::*;

fn ymd(s: &str) -> Option<Ymd> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| s.get(r)?.parse::<u32>().ok();
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let dim = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (d >= 1 && d <= dim).then_some(y * 10000 + m * 100 + d)
}

fn rule_id_ok(r: &str) -> bool {
    let mut parts = r.splitn(2, '-');
    let (Some(p), Some(n)) = (parts.next(), parts.next()) else { return false };
    !p.is_empty()
        && p.bytes().all(|c| c.is_ascii_uppercase())
        && !n.is_empty()
        && n.bytes().all(|c| c.is_ascii_digit())
}

struct Ctx<'a> {
    file: &'a str,
    errors: Vec<String>,
}

impl<'a> Ctx<'a> {
    /// A checker for `file`, with its text parsed as TOML (or the one error that it is not).
    fn open(file: &'a str, text: &str) -> Result<(Self, toml::Table), Vec<String>> {
        match text.parse() {
            Ok(doc) => Ok((Ctx { file, errors: Vec::new() }, doc)),
            Err(e) => Err(vec![format!("{file}: (file): not valid TOML: {}", e.message())]),
        }
    }
    /// `value` when nothing was wrong, else every problem found.
    fn finish<T>(self, value: T) -> Result<T, Vec<String>> {
        if self.errors.is_empty() {
            Ok(value)
        } else {
            Err(self.errors)
        }
    }
    fn err(&mut self, field: &str, problem: impl std::fmt::Display) {
        self.errors.push(format!("{}: {}: {}", self.file, field, problem));
    }
    fn str<'v>(&mut self, t: &'v toml::Table, key: &str, at: &str) -> Option<&'v str> {
        match t.get(key) {
            Some(toml::Value::String(s)) => Some(s.as_str()),
            Some(_) => {
                self.err(&format!("{at}{key}"), "must be a string");
                None
            }
            None => {
                self.err(&format!("{at}{key}"), "is missing");
                None
            }
        }
    }
    fn date(&mut self, t: &toml::Table, key: &str, at: &str, default: Option<Ymd>) -> Ymd {
        match t.get(key) {
            None if default.is_some() => default.unwrap_or(0),
            None => {
                self.err(&format!("{at}{key}"), "is missing");
                0
            }
            Some(toml::Value::String(s)) => ymd(s).unwrap_or_else(|| {
                self.err(&format!("{at}{key}"), format!("\"{s}\" is not a date YYYY-MM-DD"));
                0
            }),
            Some(_) => {
                self.err(&format!("{at}{key}"), "must be a date string YYYY-MM-DD");
                0
            }
        }
    }
    fn text(&mut self, v: Option<&toml::Value>, at: &str) -> Option<Text> {
        match v {
            Some(toml::Value::Table(t)) => match (t.get("ja"), t.get("en")) {
                (Some(toml::Value::String(ja)), Some(toml::Value::String(en))) => {
                    Some(Text { ja: ja.clone(), en: en.clone() })
                }
                _ => {
                    self.err(at, "must be a table { ja = \"…\", en = \"…\" }");
                    None
                }
            },
            Some(_) => {
                self.err(at, "must be a table { ja = \"…\", en = \"…\" }");
                None
            }
            None => None,
        }
    }
    fn value(&mut self, v: Option<&toml::Value>, at: &str) -> Value {
        let bad = |c: &mut Self, what: &str| {
            c.err(at, what);
            Value::Bool(false)
        };
        match v {
            None => bad(self, "is missing"),
            Some(toml::Value::Integer(i)) => Value::Int(*i),
            Some(toml::Value::Boolean(b)) => Value::Bool(*b),
            Some(toml::Value::String(s)) => Value::Str(s.clone()),
            Some(toml::Value::Array(a)) if a.iter().all(|x| x.is_str()) => {
                Value::Strs(a.iter().filter_map(|x| x.as_str().map(String::from)).collect())
            }
            Some(toml::Value::Array(a)) if a.iter().all(|x| x.is_integer()) => {
                Value::Ints(a.iter().filter_map(|x| x.as_integer()).collect())
            }
            Some(toml::Value::Table(t)) if t.contains_key("ja") || t.contains_key("en") => {
                self.text(v, at).map(Value::Text).unwrap_or(Value::Bool(false))
            }
            Some(toml::Value::Table(t)) if t.values().all(|x| x.is_integer()) => {
                Value::IntMap(t.iter().filter_map(|(k, x)| Some((k.clone(), x.as_integer()?))).collect())
            }
            Some(_) => {
                bad(self, "must be an integer, a boolean, a string, a list of strings or integers, a table of integers, or { ja, en }")
            }
        }
    }
}

/// Parses and checks the shared sources table (`rules/sources.toml`): every source once,
/// with a known kind and a real `checked` date.
pub fn compile_sources(file: &str, text: &str) -> Result<Vec<Source>, Vec<String>> {
    let (mut c, doc) = Ctx::open(file, text)?;
    let mut sources: Vec<Source> = Vec::new();
    match doc.get("sources") {
        Some(toml::Value::Array(list)) => {
            for (i, s) in list.iter().enumerate() {
                let at = format!("sources[{i}].");
                let Some(t) = s.as_table() else {
                    c.err(&format!("sources[{i}]"), "must be a table");
                    continue;
                };
                let sid = c.str(t, "id", &at).unwrap_or_default().to_string();
                let title = c.str(t, "title", &at).unwrap_or_default().to_string();
                let url = c.str(t, "url", &at).unwrap_or_default().to_string();
                let skind = c.str(t, "kind", &at).unwrap_or_default().to_string();
                if !SOURCE_KINDS.contains(&skind.as_str()) {
                    c.err(
                        &format!("{at}kind"),
                        format!("\"{skind}\" is not official, provider, agent, news, blog, seed or user"),
                    );
                }
                let checked = c.date(t, "checked", &at, None);
                if sources.iter().any(|x| x.id == sid) {
                    c.err(&format!("{at}id"), format!("source \"{sid}\" is defined twice"));
                }
                if sources.iter().any(|x| x.url == url) {
                    c.err(&format!("{at}url"), format!("\"{url}\" is already another source"));
                }
                sources.push(Source { id: sid, title, url, kind: skind, checked });
            }
        }
        _ => c.err("sources", "is missing (a list of [[sources]] tables)"),
    }
    c.finish(sources)
}

/// Parses and checks the governing-date declarations (`rules/keys.toml`): a `[keys]`
/// table of `"key" = "contract" | "application" | …`.
pub fn compile_keys(file: &str, text: &str) -> Result<Vec<(String, Governing)>, Vec<String>> {
    let (mut c, doc) = Ctx::open(file, text)?;
    let mut keys = Vec::new();
    match doc.get("keys") {
        Some(toml::Value::Table(t)) => {
            for (key, v) in t {
                let word = v.as_str().unwrap_or_default();
                match Governing::WORDS.iter().find(|(w, _)| *w == word) {
                    Some(&(_, g)) => keys.push((key.clone(), g)),
                    None => c.err(
                        &format!("keys.{key}"),
                        format!("\"{word}\" is not contract, application, exit-completion, au-application or acceptance"),
                    ),
                }
            }
        }
        _ => c.err("keys", "is missing (a [keys] table)"),
    }
    c.finish(keys)
}

/// The kinds a source may have, from most to least authoritative.
pub const SOURCE_KINDS: &[&str] =
    &["official", "provider", "agent", "news", "blog", "seed", "user"];

/// Parses and checks one rule file against the shared sources. `file` names it in
/// messages.
pub fn compile(file: &str, text: &str, shared: &Shared) -> Result<RuleSet, Vec<String>> {
    let (mut c, doc) = Ctx::open(file, text)?;
    let id = c.str(&doc, "id", "").unwrap_or_default().to_string();
    let kind = match c.str(&doc, "kind", "") {
        Some("provider") => SetKind::Provider,
        Some("campaign") => SetKind::Campaign,
        Some(other) => {
            c.err("kind", format!("\"{other}\" is not provider or campaign"));
            SetKind::Provider
        }
        None => SetKind::Provider,
    };
    let name =
        c.text(doc.get("name"), "name").unwrap_or(Text { ja: String::new(), en: String::new() });
    if !doc.contains_key("name") {
        c.err("name", "is missing");
    }
    let checked = c.date(&doc, "checked", "", None);
    let since = c.date(&doc, "since", "", Some(20_000_101));
    let until = c.date(&doc, "until", "", Some(OPEN_END));
    if since > until {
        c.err("until", "is before since");
    }

    // Sources are shared (rules/sources.toml): a set keeps those its values cite, in the
    // order they are first cited, and each value's indices point into that list.
    if doc.contains_key("sources") {
        c.err("sources", "sources are shared: define them once in rules/sources.toml");
    }
    let mut sources: Vec<Source> = Vec::new();
    let mut params: Vec<Param> = Vec::new();
    match doc.get("params") {
        Some(toml::Value::Array(list)) => {
            for (i, p) in list.iter().enumerate() {
                let Some(t) = p.as_table() else {
                    c.err(&format!("params[{i}]"), "must be a table");
                    continue;
                };
                let key = c.str(t, "key", &format!("params[{i}].")).unwrap_or_default().to_string();
                let at = format!("params[{i}] ({key}).");
                let rule = c.str(t, "rule", &at).unwrap_or_default().to_string();
                let base = key.split('@').next().unwrap_or_default();
                let on = match shared.keys.iter().find(|(k, _)| k == base) {
                    Some(&(_, g)) => g,
                    None => {
                        c.err(
                            &format!("{at}key"),
                            format!("\"{base}\" is not declared in rules/keys.toml (which date picks its value?)"),
                        );
                        Governing::Application
                    }
                };
                if !rule.is_empty() && !rule_id_ok(&rule) {
                    c.err(&format!("{at}rule"), format!("\"{rule}\" is not a rule id like SN-7"));
                }
                let psince = c.date(t, "since", &at, Some(20_000_101));
                let puntil = c.date(t, "until", &at, Some(OPEN_END));
                if psince > puntil {
                    c.err(&format!("{at}until"), "is before since");
                }
                let value = c.value(t.get("value"), &format!("{at}value"));
                let names: Vec<&str> = match t.get("source") {
                    Some(toml::Value::String(s)) => vec![s.as_str()],
                    Some(toml::Value::Array(a)) => a.iter().filter_map(|x| x.as_str()).collect(),
                    _ => Vec::new(),
                };
                if names.is_empty() {
                    c.err(&format!("{at}source"), "is missing: every value needs a source");
                }
                let mut idx = Vec::new();
                for n in names {
                    let local = sources.iter().position(|x| x.id == n);
                    match local.or_else(|| {
                        let src = shared.sources.iter().find(|x| x.id == n)?;
                        sources.push(src.clone());
                        Some(sources.len() - 1)
                    }) {
                        Some(k) => idx.push(k as u16),
                        None => c.err(
                            &format!("{at}source"),
                            format!("names an unknown source \"{n}\" (not in rules/sources.toml)"),
                        ),
                    }
                }
                let confidence =
                    match t.get("confidence").and_then(|v| v.as_str()).unwrap_or("high") {
                        "high" => Confidence::High,
                        "medium" => Confidence::Medium,
                        "low" => Confidence::Low,
                        other => {
                            c.err(
                                &format!("{at}confidence"),
                                format!("\"{other}\" is not high, medium or low"),
                            );
                            Confidence::Low
                        }
                    };
                let note = c.text(t.get("note"), &format!("{at}note"));
                if confidence == Confidence::Low && note.is_none() {
                    c.err(&format!("{at}note"), "is missing: a low-confidence value must say why");
                }
                for q in params.iter().filter(|q| q.key == key) {
                    if psince <= q.until && q.since <= puntil {
                        c.err(
                            &format!("{at}since"),
                            format!(
                                "period {psince}–{puntil} overlaps {}–{} of the same key",
                                q.since, q.until
                            ),
                        );
                    }
                }
                params.push(Param {
                    key,
                    on,
                    rule,
                    since: psince,
                    until: puntil,
                    value,
                    sources: idx,
                    confidence,
                    note,
                });
            }
        }
        _ => c.err("params", "is missing (a list of [[params]] tables)"),
    }
    // A campaign version's validity is a sourced value like any other (`version.dates`).
    let (mut since, mut until) = (since, until);
    match params.iter().find(|p| p.key == "version.dates").map(|p| &p.value) {
        Some(Value::Strs(d)) if d.len() == 2 => match (ymd(&d[0]), ymd(&d[1])) {
            (Some(a), Some(b)) if a <= b => (since, until) = (a, b),
            _ => c.err(
                "params (version.dates).value",
                "must be [\"since\", \"until\"] as dates, since ≤ until",
            ),
        },
        // A version still running: [since] alone.
        Some(Value::Strs(d)) if d.len() == 1 => match ymd(&d[0]) {
            Some(a) => since = a,
            None => c.err("params (version.dates).value", "must be [\"since\"] as a date"),
        },
        Some(_) => c.err("params (version.dates).value", "must be [\"since\", \"until\"]"),
        None if kind == SetKind::Campaign => {
            c.err("params", "a campaign needs a version.dates parameter")
        }
        None => {}
    }
    c.finish(RuleSet { id, kind, name, checked, since, until, sources, params })
}
