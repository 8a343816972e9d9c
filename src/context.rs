//! What a calculation collects besides its figures: the language, the rule values read
//! (for sources and `rule-unverified`), warnings, explanations (one per rule that
//! produced a figure) and input problems found while computing.

use crate::error::InputError;
use crate::lang::Lang;
use crate::rules::Trace;

#[derive(Clone, Debug, PartialEq)]
pub struct Warning {
    pub code: &'static str,
    pub rule: &'static str,
    pub ja: String,
    pub en: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Explain {
    pub rule: &'static str,
    pub ja: String,
    pub en: String,
    /// The Japanese sentences added, to add each once.
    seen: Vec<String>,
}

#[derive(Debug, Default)]
pub struct Ctx {
    pub lang: Lang,
    pub trace: Trace,
    pub warnings: Vec<Warning>,
    pub explanations: Vec<Explain>,
    pub errors: Vec<InputError>,
}

impl Ctx {
    pub fn new(lang: Lang) -> Self {
        Ctx { lang, ..Default::default() }
    }

    /// A context for one scenario: its language and the contract terms the user entered.
    pub fn for_scenario(s: &crate::input::Scenario) -> Self {
        let mut cx = Ctx::new(s.lang);
        cx.trace.user = s.current.terms.clone();
        cx
    }

    /// Adds a warning once per code (the first reason given wins).
    pub fn warn(&mut self, code: &'static str, rule: &'static str, ja: String, en: String) {
        if !self.warnings.iter().any(|w| w.code == code && w.ja == ja) {
            self.warnings.push(Warning { code, rule, ja, en });
        }
    }

    pub fn has_warning(&self, code: &str) -> bool {
        self.warnings.iter().any(|w| w.code == code)
    }

    /// Adds a sentence to the explanation of `rule` (one entry per rule).
    pub fn explain(&mut self, rule: &'static str, ja: String, en: String) {
        match self.explanations.iter_mut().find(|e| e.rule == rule) {
            Some(e) => {
                if !e.seen.contains(&ja) {
                    e.ja.push_str(&ja);
                    e.en.push(' ');
                    e.en.push_str(&en);
                    e.seen.push(ja);
                }
            }
            None => self.explanations.push(Explain { rule, ja: ja.clone(), en, seen: vec![ja] }),
        }
    }

    pub fn error(&mut self, e: InputError) {
        self.errors.push(e);
    }
}
