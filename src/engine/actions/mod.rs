//! The person's dated to-do list (CONTRACT "actions"): what to do, from when, by when
//! and whom to call, turning SN-4, SN-6, SN-10, SN-13 … SN-15, AU-3, AU-6 and AU-7 into
//! steps, one module per phase: `leave` (asking to leave, and what the exit waits for),
//! `closing` (closing the account: proof, software, slips, statement, login) and
//! `campaign` (claiming the auひかり campaign).
//!
//! Contacts (phone numbers, menus, hours, closed days) and a provider's own words are rule
//! data; no date is computed here that the exit plan, billing or campaign did not give.

mod campaign;
mod closing;
mod leave;

use crate::engine::billing::Billed;
use crate::engine::campaign::CampaignOutcome;
use crate::engine::context::Ctx;
use crate::engine::exit::ExitPlan;
use crate::error::CalcError;
use crate::input::Scenario;
use crate::rules::On;
use crate::text::Lang;
use chrono::NaiveDate;

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Contact {
    pub name: String,
    pub phone: Option<String>,
    pub menu: Option<String>,
    pub hours: Option<String>,
    pub closed: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Action {
    pub kind: &'static str,
    pub rule: &'static str,
    pub date: Option<NaiveDate>,
    pub from: Option<NaiveDate>,
    pub by: Option<NaiveDate>,
    pub contact: Option<Contact>,
    pub text: String,
}

/// The order of CONTRACT's table, for ties.
const ORDER: [&str; 14] = [
    "request-switch-number",
    "apply-exit",
    "tell-keep-number",
    "analog-return",
    "removal-visit",
    "register-contact-email",
    "uninstall-security-software",
    "pay-slip",
    "print-statement",
    "keep-login",
    "get-au-pay-card",
    "mail-au-application",
    "claim-money-order",
    "drop-option-pack",
];

/// The to-do list for the exit in `plan`, its bills and the campaign, sorted by date
/// (the day, else from, else by) and, on the same day, in CONTRACT's order. The phases
/// run in this order: the rule values they read are cited in the order read.
pub fn build(
    s: &Scenario,
    plan: &ExitPlan,
    billed: &[Billed],
    camp: Option<&CampaignOutcome>,
    cx: &mut Ctx,
) -> Result<Vec<Action>, CalcError> {
    let mut steps = Steps { lang: cx.lang, out: Vec::new() };
    leave::steps(s, plan, &mut steps, cx)?;
    closing::steps(s, plan, billed, camp, &mut steps, cx)?;
    if let Some(k) = camp {
        campaign::steps(s, k, &mut steps, cx)?;
    }
    let mut out = steps.out;
    let key = |x: &Action| {
        (x.date.or(x.from).or(x.by), ORDER.iter().position(|k| *k == x.kind).unwrap_or(ORDER.len()))
    };
    crate::text::sort_by_key(&mut out, key);
    Ok(out)
}

/// The steps collected so far, each text in the answer's language.
struct Steps {
    lang: Lang,
    out: Vec<Action>,
}

impl Steps {
    /// Adds `step` with its text, the one of `ja` and `en` in the answer's language.
    fn add(&mut self, step: Action, ja: String, en: String) {
        self.out.push(Action { text: self.lang.say(ja, en), ..step });
    }
}

impl Action {
    /// A step of `kind` under `rule`, with no date yet (see [`Action::on`] and the others).
    fn step(kind: &'static str, rule: &'static str) -> Action {
        Action { kind, rule, date: None, from: None, by: None, contact: None, text: String::new() }
    }
    /// Done on that day.
    fn on(self, date: Option<NaiveDate>) -> Action {
        Action { date, ..self }
    }
    /// Possible from that day.
    fn starting(self, from: Option<NaiveDate>) -> Action {
        Action { from, ..self }
    }
    /// To be done by that day.
    fn by(self, by: Option<NaiveDate>) -> Action {
        Action { by, ..self }
    }
    /// Whom to call.
    fn contact(self, contact: Option<Contact>) -> Action {
        Action { contact, ..self }
    }
}

/// Reads a contact (`contact.<which>.name/phone/menu/hours/closed`) from the provider's
/// rules; `None` when the provider's data has no such contact.
fn contact(s: &Scenario, which: &str, cx: &mut Ctx) -> Result<Option<Contact>, CalcError> {
    let r = s.current.rules;
    let at = s.application_date;
    let lang = cx.lang;
    let get = |field: &str, cx: &mut Ctx| -> Result<Option<String>, CalcError> {
        let key = format!("contact.{which}.{field}");
        if r.has(&key) {
            Ok(Some(r.text(&key, On::application(at), &mut cx.trace, lang)?.to_string()))
        } else {
            Ok(None)
        }
    };
    let Some(name) = get("name", cx)? else { return Ok(None) };
    Ok(Some(Contact {
        name,
        phone: get("phone", cx)?,
        menu: get("menu", cx)?,
        hours: get("hours", cx)?,
        closed: get("closed", cx)?,
    }))
}

/// The provider's own words for `key` (optional rule data, read on the application date).
fn words(s: &Scenario, key: &str, cx: &mut Ctx) -> Result<Option<String>, CalcError> {
    Ok(s.current
        .rules
        .words(key, On::application(s.application_date), &mut cx.trace, cx.lang)?
        .map(str::to_string))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::calculate::{core, Core};
    use crate::engine::{d, scenario};

    #[test]
    fn sn14_the_list_is_sorted_by_date_and_on_one_day_in_contracts_order() {
        let s = scenario(
            r#"{ "applicationDate": "2019-05-10", "current": { "provider": "so-net-hikari-plus", "serviceStart": "2016-01-20",
                  "phone": { "keepNumber": true, "fromNttAnalog": true } } }"#,
        );
        let mut cx = Ctx::for_scenario(&s);
        let Ok(Core { plan, billed, camp }) = core(&s, &mut cx) else { panic!("no core") };
        let list = build(&s, &plan, &billed, camp.as_ref(), &mut cx).expect("actions");
        let first: Vec<_> = list.iter().take(3).map(|a| a.kind).collect();
        // All three on or from the application day: CONTRACT's order decides.
        assert_eq!(first, ["apply-exit", "tell-keep-number", "analog-return"]);
        let days: Vec<_> = list.iter().map(|a| a.date.or(a.from).or(a.by)).collect();
        assert!(days.windows(2).all(|w| w[0] <= w[1]), "{days:?}");
        assert_eq!(list[0].date, Some(d("2019-05-10")));
    }
}
