//! The shape of rule data as `build.rs` reads it from `rules/*.toml` (owned strings);
//! `data.rs` holds the same tree as `&'static` data for the runtime. Kept free of crate
//! paths so `build.rs` can `#[path]`-include it.
//!
//! A rule book is a list of rule sets (one per provider or campaign version). Each set
//! holds named parameters; a parameter may have several dated periods (`since`/`until`,
//! inclusive, as `YYYYMMDD` integers), and every period names its sources — OpenFisca's
//! parameter model, sized for a wasm binary.

/// `YYYYMMDD` as an integer, e.g. `20220701`; `OPEN_END` for "no end".
pub type Ymd = u32;
/// The `until` of a period with no end.
pub const OPEN_END: Ymd = 99_991_231;

#[derive(Debug, Clone, PartialEq)]
pub struct Book {
    pub sets: Vec<RuleSet>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetKind {
    Provider,
    Campaign,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RuleSet {
    pub id: String,
    pub kind: SetKind,
    pub name: Text,
    /// The date the set as a whole was last checked against its sources.
    pub checked: Ymd,
    /// Validity of the set itself (a campaign version's dates).
    pub since: Ymd,
    pub until: Ymd,
    pub sources: Vec<Source>,
    pub params: Vec<Param>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    pub ja: String,
    pub en: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub url: String,
    /// official | provider | agent | news | blog | seed
    pub kind: String,
    pub checked: Ymd,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Confidence {
    /// Rests only on third-party pages or conflicting sources: raises `rule-unverified`.
    Low,
    Medium,
    High,
}

/// The kind of date that picks a key's value among its dated periods, declared once per
/// key in `rules/keys.toml` (issue 12).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Governing {
    /// The day the current contract was applied for (SN-7's dated fees and terms).
    Contract,
    /// The day the exit is applied for.
    Application,
    /// The day after the last day of service.
    ExitCompletion,
    /// The day auひかり was applied for (picks the campaign version, AU-1).
    AuApplication,
    /// The day KDDI accepts the campaign's form (AU-7).
    Acceptance,
}

impl Governing {
    /// The declaration's word in `rules/keys.toml`.
    pub const WORDS: [(&'static str, Governing); 5] = [
        ("contract", Governing::Contract),
        ("application", Governing::Application),
        ("exit-completion", Governing::ExitCompletion),
        ("au-application", Governing::AuApplication),
        ("acceptance", Governing::Acceptance),
    ];
}

/// What every rule file shares: the sources table (`rules/sources.toml`) and each key's
/// governing date (`rules/keys.toml`).
#[derive(Debug, Clone, PartialEq)]
pub struct Shared {
    pub sources: Vec<Source>,
    pub keys: Vec<(String, Governing)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Param {
    pub key: String,
    /// Which date picks among this key's periods (its declaration in `rules/keys.toml`).
    pub on: Governing,
    /// The SPEC rule id the value belongs to, e.g. `SN-7`.
    pub rule: String,
    pub since: Ymd,
    pub until: Ymd,
    pub value: Value,
    /// Indices into the set's `sources`.
    pub sources: Vec<u16>,
    pub confidence: Confidence,
    /// What the sources disagree on, or why the value is read this way.
    pub note: Option<Text>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Int(i64),
    Bool(bool),
    Str(String),
    Strs(Vec<String>),
    Ints(Vec<i64>),
    /// A map from a code (an ISP, a building) to an amount.
    IntMap(Vec<(String, i64)>),
    /// Words shown to people, in both languages.
    Text(Text),
}
