//! Asking to leave, and what the exit waits for (SN-4, SN-5, SN-6, SN-14): the switch
//! approval number or the exit request (how, whom to call, by when), telling the
//! provider to keep the phone number and NTT's analog return, and the removal visit.
//!
//! Not what follows the exit (proof, payments, the statement: [`super::closing`]).

use super::{contact, words, Action, Steps};
use crate::calendar::{add_days, last_desk_open_day};
use crate::engine::context::Ctx;
use crate::engine::exit::{ExitPlan, Shift};
use crate::error::CalcError;
use crate::input::{Channel, Customer, Removal, Scenario};
use crate::rules::On;

/// The steps of asking to leave, in CONTRACT's order.
pub(super) fn steps(
    s: &Scenario,
    plan: &ExitPlan,
    steps: &mut Steps,
    cx: &mut Ctx,
) -> Result<(), CalcError> {
    let c = &s.current;
    let a = plan.window.a;
    // The to-do "by" of the exit request, which telling So-net to keep the number shares.
    let apply_by = if c.channel == Channel::ProviderSwitch {
        request_switch_number(s, plan, steps, cx)?;
        None
    } else {
        apply_exit(s, plan, steps, cx)?
    };
    if c.phone.keep_number && c.phone.from_ntt_analog && c.channel != Channel::ProviderSwitch {
        steps.add(
            Action::step("tell-keep-number", "SN-6").on(Some(a)).by(apply_by),
            "退会の申し込みで「電話番号を残す」と伝えます。".into(),
            "When applying, say that you want to keep the phone number.".into(),
        );
        let x = plan.chosen;
        let k = contact(s, "analog", cx)?;
        steps.add(
            Action::step("analog-return", "SN-6").starting(Some(a)).by(plan.analog_deadline).contact(k),
            format!("NTTに電話して番号をアナログ回線に戻してもらいます。戻しが済むまで退会は完了しないので、{x}末に退会するなら必ず{x}末までに終えてください。遅れると退会はその月まで延び、期限を過ぎると番号は失われます。"),
            format!("Call NTT to return the number to an analog line. The exit cannot complete before it: to leave at the end of {x}, finish it by then. Later, the exit moves to that month; after the deadline the number is lost."),
        );
    }
    if c.removal != Removal::None {
        if let Some(d) = plan.removal_date {
            steps.add(
                Action::step("removal-visit", "SN-5").on(Some(d)),
                "NTTの撤去工事（無料）に立ち会い、モデムを作業員に渡します。".into(),
                "Be present for NTT's removal visit (free) and hand the modem to the technician."
                    .into(),
            );
        }
    }
    Ok(())
}

/// SN-4: with a provider switch, ask the provider for the switch approval number, and
/// apply to the new provider with it before its opening day.
fn request_switch_number(
    s: &Scenario,
    plan: &ExitPlan,
    steps: &mut Steps,
    cx: &mut Ctx,
) -> Result<(), CalcError> {
    let c = &s.current;
    let a = plan.window.a;
    let p = c.short_name(cx.lang);
    let sw = c.switch_date.unwrap_or(a);
    let k = contact(s, "switch", cx)?;
    let arrives = words(s, "switch.number-arrives", cx)?.unwrap_or_default();
    steps.add(
        Action::step("request-switch-number", "SN-4").on(Some(a)).by(add_days(sw, -1)).contact(k),
        format!("{p}に事業者変更承諾番号を申し込みます。{arrives}新しい事業者の開通日 {sw} の前日までに、その番号で新しい事業者に申し込みます。"),
        format!("Ask {p} for the switch approval number. {arrives} Then apply to the new provider with it before the opening day {sw}."),
    );
    Ok(())
}

/// SN-14: the exit request, by the channel chosen, whom to call and by when: the last
/// day that still gives the chosen month (a corporate paper form by the cut-off day, the
/// corporate desk by its last open day, and with removal no later than SN-5's deadline).
/// When a shift moved the exit, the words say that month can no longer be had, why, and
/// which month the exit is. Returns the request's "by".
fn apply_exit(
    s: &Scenario,
    plan: &ExitPlan,
    steps: &mut Steps,
    cx: &mut Ctx,
) -> Result<Option<chrono::NaiveDate>, CalcError> {
    let c = &s.current;
    let a = plan.window.a;
    let lang = cx.lang;
    let x = plan.chosen;
    let p = c.short_name(lang);
    let (by, k) = match (c.customer, c.channel) {
        (Customer::Corporate, Channel::Paper) => {
            let cutoff = c
                .rules
                .int("exit.corporate-paper-cutoff-day", On::application(a), &mut cx.trace)?
                .clamp(1, 31) as u32;
            (x.day(cutoff).or(x.last_day()), contact(s, "corporate", cx)?)
        }
        (Customer::Corporate, _) => (last_desk_open_day(x), contact(s, "corporate", cx)?),
        (_, Channel::Phone) => (x.last_day(), contact(s, "exit", cx)?),
        (_, Channel::Chat) => (x.last_day(), contact(s, "chat", cx)?),
        (_, Channel::Line) => (x.last_day(), contact(s, "line", cx)?),
        _ => (x.last_day(), contact(s, "web", cx)?),
    };
    let by = match (by, plan.removal_deadline) {
        (Some(b), Some(r)) => Some(b.min(r)),
        (b, _) => b,
    };
    // How to apply: the provider's own words where its data has them, else general ones.
    let own = match (c.customer, c.channel) {
        (Customer::Corporate, Channel::Paper) => words(s, "exit.how.paper", cx)?,
        (_, Channel::Web) => words(s, "exit.how.web", cx)?,
        (_, Channel::Line) => words(s, "exit.how.line", cx)?,
        _ => None,
    };
    let general = match (c.customer, c.channel) {
        (_, Channel::Paper) => (
            "書面で退会を申し込みます（到着日が申請日です）。",
            "Apply for the exit in writing (its arrival day is the application date).",
        ),
        (Customer::Corporate, _) => (
            "法人窓口に電話で退会を申し込みます。",
            "Call the corporate desk to apply for the exit.",
        ),
        (_, Channel::Phone) => (
            "サポートデスクに電話で退会を申し込みます。",
            "Call the support desk to apply for the exit.",
        ),
        (_, Channel::Chat) => ("チャットで退会を申し込みます。", "Apply for the exit by chat."),
        (_, Channel::Line) => ("LINEで退会を申し込みます。", "Apply for the exit on LINE."),
        _ => ("Webで退会を申し込みます。", "Apply for the exit on the web."),
    };
    let how_text = own.unwrap_or_else(|| lang.pick(general.0, general.1).to_string());
    let how = (how_text.as_str(), how_text.as_str());
    // `by` is the chosen month's last day (CONTRACT); when a shift moved the exit, the
    // words say that month can no longer be had, why, and which month the exit is.
    let m = plan.month;
    let (ja, en) = match (plan.shifted_by, plan.removal_date, c.phone.analog_return_date) {
        (Some(Shift::Removal), Some(d), _) => (
            format!("{}撤去工事が{d}のため{x}末の退会には間に合わず、退会は{m}末になります。", how.0),
            format!("{} With removal on {d}, the end of {x} can no longer be reached: the exit is at the end of {m}.", how.1),
        ),
        (Some(Shift::AnalogReturn), _, Some(d)) => (
            format!("{}アナログ戻しの完了（{d}）を待つため{x}末には退会できず、退会は{m}末になります。", how.0),
            format!(
                "{} The exit waits for the analog return ({d}), so it cannot be at the end of {x}: it is at the end of {m}.",
                how.1
            ),
        ),
        // Paper counts on its arrival: the deadline is the day it must arrive by.
        _ if c.channel == Channel::Paper => match by {
            Some(b) => (
                format!("{}{b}までに届けば{x}末で退会できます。", how.0),
                format!("{} If it arrives by {b}, the exit is at the end of {x}.", how.1),
            ),
            None => (how.0.to_string(), how.1.to_string()),
        },
        _ => (
            format!("{}{x}末で退会するための期限です。", how.0),
            format!("{} This is the last day that still gives exit at the end of {x}.", how.1),
        ),
    };
    steps.add(Action::step("apply-exit", "SN-14").on(Some(a)).by(by).contact(k), ja, en);
    let way = (
        crate::input::way_name(c.channel.code(), true),
        crate::input::way_name(c.channel.code(), false),
    );
    cx.explain(
        "SN-14",
        || format!("{p}への退会の申し込みは{}で行います（連絡先は、分かっている範囲でやることリストに載せています）。", way.0),
        || format!("The exit request to {p} is made by {} (contacts, where known, are in the to-do list).", way.1),
    );
    Ok(by)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{d, scenario, Mode};
    use crate::text::Lang;

    fn leave_steps(current: &str) -> Vec<Action> {
        let s = scenario(&format!(
            r#"{{ "applicationDate": "2019-05-10", "current": {{ "provider": "so-net-hikari-plus", "serviceStart": "2016-01-20" {current} }} }}"#
        ));
        let mut cx = Ctx::for_scenario(&s);
        let plan = crate::engine::exit::plan(&s, Mode::Answer, &mut cx).expect("plan");
        let mut st = Steps { lang: Lang::Ja, out: Vec::new() };
        steps(&s, &plan, &mut st, &mut cx).expect("steps");
        st.out
    }

    #[test]
    fn sn14_sn5_with_removal_the_request_is_due_by_the_removal_deadline() {
        let list = leave_steps(r#", "removal": "requested", "region": "east""#);
        assert_eq!(list[0].kind, "apply-exit");
        // East: 6 days before the month end, not the month end itself.
        assert_eq!(list[0].by, Some(d("2019-05-25")));
        assert_eq!(list.last().map(|a| a.kind), Some("removal-visit"));
    }

    #[test]
    fn sn4_a_provider_switch_asks_for_the_approval_number_before_the_opening_day() {
        let list = leave_steps(r#", "channel": "provider-switch", "switchDate": "2019-06-15""#);
        let kinds: Vec<_> = list.iter().map(|a| a.kind).collect();
        assert_eq!(kinds, ["request-switch-number"]);
        assert_eq!(list[0].by, Some(d("2019-06-14")));
    }
}
