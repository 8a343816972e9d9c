//! Errors: input problems (reported to the user, all at once, with a stable code) and
//! internal calculation errors (never expected; reported instead of panicking).

use crate::text::Lang;

/// Stable error codes of CONTRACT.md.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorCode {
    Missing,
    InvalidDate,
    InvalidMonth,
    UnknownValue,
    OutOfRange,
    NotAllowed,
    Inconsistent,
    /// A fault of the calculator itself, never the reader's input (`field` is "").
    Internal,
}

impl ErrorCode {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::Missing => "missing",
            ErrorCode::InvalidDate => "invalid-date",
            ErrorCode::InvalidMonth => "invalid-month",
            ErrorCode::UnknownValue => "unknown-value",
            ErrorCode::OutOfRange => "out-of-range",
            ErrorCode::NotAllowed => "not-allowed",
            ErrorCode::Inconsistent => "inconsistent",
            ErrorCode::Internal => "internal",
        }
    }
}

/// One problem with the input: the dotted path of the field, a code, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct InputError {
    pub field: String,
    pub code: ErrorCode,
    pub ja: String,
    pub en: String,
}

impl InputError {
    pub fn new(field: &str, code: ErrorCode, ja: impl Into<String>, en: impl Into<String>) -> Self {
        InputError { field: field.to_string(), code, ja: ja.into(), en: en.into() }
    }

    pub fn to_output(&self, lang: Lang) -> ErrorOut {
        ErrorOut {
            field: self.field.clone(),
            code: self.code.as_str(),
            // The field is its own property: the message is the reason alone.
            message: lang.text(&self.ja, &self.en),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ErrorOut {
    pub field: String,
    pub code: &'static str,
    pub message: String,
}

/// A failure inside the engine (missing rule data, a date out of chrono's range).
/// Never expected for validated input; it becomes an error answer, not a panic.
#[derive(Clone, Debug, PartialEq)]
pub enum CalcError {
    RuleMissing(String),
    DateOverflow,
    Input(Vec<InputError>),
}

impl From<InputError> for CalcError {
    fn from(e: InputError) -> Self {
        CalcError::Input(vec![e])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_contract_s_word() {
        let words: Vec<&str> = [
            ErrorCode::Missing,
            ErrorCode::InvalidDate,
            ErrorCode::InvalidMonth,
            ErrorCode::UnknownValue,
            ErrorCode::OutOfRange,
            ErrorCode::NotAllowed,
            ErrorCode::Inconsistent,
            ErrorCode::Internal,
        ]
        .into_iter()
        .map(ErrorCode::as_str)
        .collect();
        assert_eq!(
            words,
            [
                "missing",
                "invalid-date",
                "invalid-month",
                "unknown-value",
                "out-of-range",
                "not-allowed",
                "inconsistent",
                "internal"
            ]
        );
    }

    #[test]
    fn an_input_error_says_its_reason_in_the_answer_language() {
        let e = InputError::new("applicationDate", ErrorCode::Missing, "必須です。", "required.");
        assert_eq!(e.to_output(Lang::Ja).message, "必須です。");
        assert_eq!(e.to_output(Lang::En).message, "required.");
        assert_eq!(e.to_output(Lang::En).code, "missing");
    }
}
