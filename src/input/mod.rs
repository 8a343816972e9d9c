//! The input of CONTRACT.md, read and checked field by field: every problem is
//! reported at once, each with its dotted field path, a stable code and a reason in
//! Japanese and English. Only type, range and per-field checks live here (plus the
//! combinations that need no calculation); checks that need a computed date (the exit
//! window, the earliest removal or acceptance date) are made where that date is computed.
//!
//! `choices` (the enum tables), `types` (the validated scenario), `reader` (one method per
//! kind of value), `current` and `destination` (the two halves, field by field); [`read`]
//! puts them together with the checks across halves.

mod choices;
mod current;
mod destination;
mod reader;
mod types;

pub use choices::*;
pub use types::*;

use crate::error::{ErrorCode as C, InputError};
use crate::text::Lang;
use crate::wire::json::Json;
use reader::Reader;

/// Reads and checks an input. `Err` carries every problem found.
pub fn read(input: &Json) -> Result<Scenario, (Lang, Vec<InputError>)> {
    let mut r = Reader { errors: Vec::new() };
    let lang = match input.get("lang") {
        Some(Json::Str(s)) if s == "en" => Lang::En,
        _ => Lang::Ja,
    };
    if let Json::TooBig = input {
        r.err("", C::OutOfRange, "入力が大きすぎます。".into(), "the input is too large.".into());
        return Err((lang, r.errors));
    }
    if !matches!(input, Json::Obj(_)) {
        r.err(
            "",
            C::Missing,
            "入力はオブジェクト {…} である必要があります。".into(),
            "the input must be an object {…}.".into(),
        );
        return Err((lang, r.errors));
    }
    r.choice(input.get("lang"), "lang", LangCode::CODES);
    let application_date = r.date(input.get("applicationDate"), "applicationDate", true);

    let cur = r.object(input.get("current"), "current");
    if cur.is_none()
        && !matches!(input.get("current"), Some(Json::Obj(_)) | Some(Json::TooBig))
        && r.errors.iter().all(|e| e.field != "current")
    {
        r.missing("current");
    }
    let current = cur.and_then(|c| current::read_current(&mut r, c, application_date));
    let destination = match r.object(input.get("destination"), "destination") {
        Some(d) => destination::read_destination(&mut r, d, current.as_ref()),
        None => None,
    };

    if let (Some(a), Some(c)) = (application_date, current.as_ref()) {
        if c.service_start > a {
            r.err(
                "current.serviceStart",
                C::Inconsistent,
                format!("利用開始日（{}）が申請日（{a}）より後です。", c.service_start),
                format!(
                    "the service start ({}) is after the application date ({a}).",
                    c.service_start
                ),
            );
        }
        if c.contract_given && c.contract_date > a {
            r.err(
                "current.contractDate",
                C::Inconsistent,
                format!("契約申込日（{}）が申請日（{a}）より後です。", c.contract_date),
                format!(
                    "the contract date ({}) is after the application date ({a}).",
                    c.contract_date
                ),
            );
        }
        if let Some(s) = c.switch_date {
            if s < a {
                r.err(
                    "current.switchDate",
                    C::Inconsistent,
                    format!("切替日（{s}）が申請日（{a}）より前です。"),
                    format!("the switch date ({s}) is before the application date ({a})."),
                );
            }
        }
    }
    match (application_date, current, r.errors.is_empty()) {
        (Some(application_date), Some(current), true) => {
            Ok(Scenario { lang, application_date, current, destination })
        }
        _ => Err((lang, r.errors)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(text: &str) -> (Lang, Vec<(String, C)>) {
        let mut de = serde_json::Deserializer::from_str(text);
        let json = crate::wire::json::read(&mut de).expect("JSON");
        let (lang, errs) = read(&json).expect_err("errors");
        (lang, errs.into_iter().map(|e| (e.field, e.code)).collect())
    }

    #[test]
    fn the_input_must_be_an_object() {
        assert_eq!(errors("[1]").1, [(String::new(), C::Missing)]);
    }

    #[test]
    fn every_problem_is_reported_at_once_in_the_asked_language() {
        let (lang, e) = errors(
            r#"{"lang":"en","applicationDate":"2026-02-30",
            "current":{"provider":"so-net-hikari-plus","channel":"fax"}}"#,
        );
        assert_eq!(lang, Lang::En);
        assert_eq!(
            e,
            [
                ("applicationDate".to_string(), C::InvalidDate),
                ("current.serviceStart".to_string(), C::Missing),
                ("current.channel".to_string(), C::UnknownValue),
            ]
        );
    }

    #[test]
    fn dates_across_the_halves_keep_their_order() {
        let (_, e) = errors(
            r#"{"applicationDate":"2026-09-10","current":{"provider":"so-net-hikari-plus",
            "serviceStart":"2026-09-11","channel":"provider-switch","switchDate":"2026-09-09"}}"#,
        );
        assert_eq!(
            e,
            [
                ("current.serviceStart".to_string(), C::Inconsistent),
                ("current.switchDate".to_string(), C::Inconsistent),
            ]
        );
    }
}
