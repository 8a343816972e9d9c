//! What a calculation collects besides its figures: the language, the rule values read
//! (for sources and `rule-unverified`), warnings, explanations (one per rule that
//! produced a figure) and input problems found while computing.

use crate::error::InputError;
use crate::rules::Trace;
use crate::text::Lang;

#[derive(Clone, Debug, PartialEq)]
pub struct Warning {
    pub code: &'static str,
    pub rule: &'static str,
    /// In the calculation's language.
    pub text: String,
    /// The input field the reader can change to act on the warning, if one.
    pub field: Option<&'static str>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Explain {
    pub rule: &'static str,
    /// In the calculation's language.
    pub text: String,
    /// The sentences added, to add each once.
    seen: Vec<String>,
}

#[derive(Debug, Default)]
pub struct Ctx {
    pub lang: Lang,
    pub trace: Trace,
    pub warnings: Vec<Warning>,
    pub explanations: Vec<Explain>,
    pub errors: Vec<InputError>,
    /// Figures only: warnings and explanations are not kept (compareExitMonths' rows,
    /// which show none of them). Their text is still formatted: a check at every
    /// message would cost the wasm more bytes than the rows' time is worth (+3 KB raw
    /// measured on the methods below).
    pub quiet: bool,
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

    /// A context for one run in `mode`: a compareExitMonths row keeps no message.
    pub fn for_mode(s: &crate::input::Scenario, mode: super::Mode) -> Self {
        let mut cx = Ctx::for_scenario(s);
        cx.quiet = matches!(mode, super::Mode::Row(_));
        cx
    }

    /// Adds a warning in the calculation's language (once for the same code and text).
    /// `ja` and `en` build the text: only the one for the language is called.
    ///
    /// These methods are `inline(always)`: each call site then holds just the chosen
    /// closure's formatting, as the macros they replace did; without it the wasm grows by
    /// 4.5 KB (a function per call site).
    #[inline(always)]
    pub fn warn(
        &mut self,
        code: &'static str,
        rule: &'static str,
        ja: impl FnOnce() -> String,
        en: impl FnOnce() -> String,
    ) {
        let text = self.pick(ja, en);
        self.add_warning(code, rule, text, None);
    }

    /// [`Ctx::warn`], naming the input field the reader can change to act on the warning
    /// (the page links to it).
    #[inline(always)]
    pub fn warn_with_field(
        &mut self,
        code: &'static str,
        rule: &'static str,
        field: &'static str,
        ja: impl FnOnce() -> String,
        en: impl FnOnce() -> String,
    ) {
        let text = self.pick(ja, en);
        self.add_warning(code, rule, text, Some(field));
    }

    /// Adds a sentence to the explanation of `rule` (one entry per rule), in the
    /// calculation's language: only the one of `ja` and `en` for the language is called.
    #[inline(always)]
    pub fn explain(
        &mut self,
        rule: &'static str,
        ja: impl FnOnce() -> String,
        en: impl FnOnce() -> String,
    ) {
        let text = self.pick(ja, en);
        self.add_explanation(rule, text);
    }

    /// The text for the calculation's language, the other one left unbuilt.
    #[inline(always)]
    fn pick(&self, ja: impl FnOnce() -> String, en: impl FnOnce() -> String) -> String {
        match self.lang {
            Lang::Ja => ja(),
            Lang::En => en(),
        }
    }

    fn add_warning(
        &mut self,
        code: &'static str,
        rule: &'static str,
        text: String,
        field: Option<&'static str>,
    ) {
        if !self.quiet && !self.warnings.iter().any(|w| w.code == code && w.text == text) {
            self.warnings.push(Warning { code, rule, text, field });
        }
    }

    fn add_explanation(&mut self, rule: &'static str, text: String) {
        if self.quiet {
            return;
        }
        let lang = self.lang;
        match self.explanations.iter_mut().find(|e| e.rule == rule) {
            Some(e) => {
                if !e.seen.contains(&text) {
                    if lang == Lang::En {
                        e.text.push(' ');
                    }
                    e.text.push_str(&text);
                    e.seen.push(text);
                }
            }
            None => self.explanations.push(Explain { rule, text: text.clone(), seen: vec![text] }),
        }
    }

    pub fn error(&mut self, e: InputError) {
        self.errors.push(e);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_answers_language_is_formatted() {
        let mut cx = Ctx::new(Lang::En);
        cx.explain("SN-1", || unreachable!("ja formatted for en"), || "One.".into());
        cx.explain("SN-1", || unreachable!("ja formatted for en"), || "Two.".into());
        cx.explain("SN-1", || unreachable!("ja formatted for en"), || "One.".into());
        assert_eq!(cx.explanations[0].text, "One. Two.");
        cx.warn_with_field("w", "SN-2", "current.exitMonth", || unreachable!(), || "W".into());
        cx.warn("w", "SN-2", || unreachable!(), || "W".into());
        assert_eq!(cx.warnings.len(), 1, "the same code and text once");
        assert_eq!(cx.warnings[0].field, Some("current.exitMonth"));
    }

    #[test]
    fn a_quiet_context_keeps_no_message() {
        let mut cx = Ctx::new(Lang::Ja);
        cx.quiet = true;
        cx.explain("SN-1", || "一".into(), || unreachable!("en formatted for ja"));
        cx.warn("w", "SN-2", || "警告".into(), || unreachable!());
        assert!(cx.explanations.is_empty() && cx.warnings.is_empty());
    }
}
