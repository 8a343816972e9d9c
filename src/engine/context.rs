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

/// `explain!(cx, rule, ja, en)`: adds to the explanation of `rule` in `cx`'s language;
/// only that language's text is formatted.
#[macro_export]
macro_rules! explain {
    ($cx:expr, $rule:expr, $ja:expr, $en:expr $(,)?) => {{
        let text: String = match $cx.lang {
            $crate::text::Lang::Ja => $ja,
            $crate::text::Lang::En => $en,
        };
        $cx.explain($rule, text)
    }};
}

/// `warn!(cx, code, rule, ja, en)`: a warning in `cx`'s language (only that one formatted).
/// `warn!(cx, code, rule, ja, en, field = "destination.plan")` also names the input field
/// the reader can change about it.
#[macro_export]
macro_rules! warn {
    ($cx:expr, $code:expr, $rule:expr, $ja:expr, $en:expr $(,)?) => {{
        let text: String = match $cx.lang {
            $crate::text::Lang::Ja => $ja,
            $crate::text::Lang::En => $en,
        };
        $cx.warn($code, $rule, text, None)
    }};
    ($cx:expr, $code:expr, $rule:expr, $ja:expr, $en:expr, field = $field:expr $(,)?) => {{
        let text: String = match $cx.lang {
            $crate::text::Lang::Ja => $ja,
            $crate::text::Lang::En => $en,
        };
        $cx.warn($code, $rule, text, Some($field))
    }};
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
    /// message would cost the wasm more bytes than the rows' time is worth.
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

    /// Adds a warning (once for the same code and text). Use [`warn!`].
    pub fn warn(
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

    /// Adds a sentence to the explanation of `rule` (one entry per rule). Use [`explain!`].
    pub fn explain(&mut self, rule: &'static str, text: String) {
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
