//! AU-7: the application window — the day the application must be accepted by, the
//! earliest day it can be (the fee statements must exist), the acceptance date the
//! refunds count from, and whether the application is in time at all.
//!
//! Not AU-6's payment dates, which count from the acceptance date found here
//! ([`super::refund`]), nor the other conditions of a refund ([`super::eligibility`]).

use crate::calendar::{add_months, Month};
use crate::engine::context::Ctx;
use crate::engine::exit::ExitPlan;
use crate::engine::Mode;
use crate::error::{CalcError, ErrorCode as C, InputError};
use crate::input::{Destination, Scenario};
use crate::rules::On;
use crate::rules::Rules;
use chrono::NaiveDate;

use super::OVF;

/// The application's dates (AU-7).
pub(super) struct Window {
    pub deadline: NaiveDate,
    pub earliest: NaiveDate,
    pub acceptance: NaiveDate,
    /// Whether the application can be accepted by the deadline: one application carries
    /// every benefit, so past it the campaign pays nothing at all.
    pub in_time: bool,
}

/// AU-7: the application is mailed within the version's window after the start of
/// auひかり service. The seed version counts months from the start date (same day of
/// month, or the month's last day); later versions count calendar months, and sources
/// disagree whether from the application month or the start month: the earlier deadline
/// is taken.
fn deadline(r: &Rules, d: &Destination, cx: &mut Ctx) -> Result<NaiveDate, CalcError> {
    let at = d.start_date;
    let applied = d.application_date;
    if r.has("application.window-calendar-months") {
        let n = r
            .int(
                "application.window-calendar-months",
                On::au_application(d.application_date),
                &mut cx.trace,
            )?
            .clamp(1, 120) as i32;
        let by_application = Month::of(applied).plus(n - 1).last_day().ok_or(OVF)?;
        let by_start = Month::of(at).plus(n - 1).last_day().ok_or(OVF)?;
        let deadline = by_application.min(by_start);
        if by_application == by_start {
            cx.explain(
                "AU-7",
                || format!("申請期限は{n}か月で、{deadline}です（auひかりの申込月と開通月が同じ月です）。"),
                || format!("The window is {n} months and ends {deadline} (the au Hikari application and start fall in the same month)."),
            );
        } else {
            cx.explain(
                "AU-7",
                || format!("申請期限は{n}か月で、auひかりの申込月から数えると{by_application}、開通月から数えると{by_start}です。早い方の{deadline}で計算しています。"),
                || format!("The window is {n} months: counted from the au Hikari application month it ends {by_application}, from the start month {by_start}. The earlier, {deadline}, is used."),
            );
        }
        Ok(deadline)
    } else {
        let n = r
            .int(
                "application.window-months",
                On::au_application(d.application_date),
                &mut cx.trace,
            )?
            .clamp(0, 120) as i32;
        let deadline = add_months(at, n).ok_or(OVF)?;
        cx.explain(
            "AU-7",
            || format!("申請は{n}か月以内、{deadline}までに郵送します（開通日 {at}）。"),
            || format!("Mail the application within {n} months, by {deadline} (start {at})."),
        );
        Ok(deadline)
    }
}

/// AU-7: a statement exists once its fee is billed, and the application follows the
/// opening of the auひかり line, so the earliest acceptance is the later of the start date
/// and the first day of the month the exit charges are billed in (even when none is). A
/// given acceptance date before it is inconsistent (in a compareExitMonths row, the later
/// of the two is taken). When the earliest acceptance is already past the deadline no
/// refund is possible (`statement-after-deadline`); a given acceptance date past it gives
/// `application-after-deadline`.
pub(super) fn application_window(
    s: &Scenario,
    r: &Rules,
    d: &Destination,
    plan: &ExitPlan,
    mode: Mode,
    cx: &mut Ctx,
) -> Result<Window, CalcError> {
    let at = d.start_date;
    let deadline = deadline(r, d, cx)?;
    let lag = s
        .current
        .rules
        .int("billing.lag-months", On::contract(s.current.contract_date), &mut cx.trace)?
        .clamp(0, 12) as i32;
    let statements_billed = Month::of(plan.completion_date).plus(lag);
    let earliest = at.max(statements_billed.first_day().ok_or(OVF)?);
    let acceptance = match (mode, d.acceptance_date) {
        (Mode::Answer, Some(g)) if g < earliest => {
            cx.error(InputError::new("destination.acceptanceDate", C::Inconsistent, format!("受付日（{g}）は最短の受付日 {earliest} より前です（明細が請求されるのは {statements_billed}、開通日は {at}）。"), format!("the acceptance date ({g}) is before the earliest possible, {earliest} (statements billed in {statements_billed}, start {at}).")));
            earliest
        }
        (_, Some(g)) => g.max(earliest),
        (_, None) => earliest,
    };
    cx.explain(
        "AU-7",
        || format!("契約解除料の明細が出るのは請求月{statements_billed}からなので、受付は早くて{earliest}です。"),
        || format!("The fee statement exists once billed in {statements_billed}, so acceptance is {earliest} at the earliest."),
    );
    let mut in_time = true;
    if earliest > deadline {
        in_time = false;
        cx.warn(
            "statement-after-deadline",
            "AU-7",
            || format!("明細が出る {earliest} には申請期限 {deadline} を過ぎているため、還元は受けられません。"),
            || format!("The statements exist only from {earliest}, after the deadline {deadline}: no refund is possible."),
        );
    }
    if acceptance > deadline && (earliest <= deadline || d.acceptance_date.is_some()) {
        in_time = false;
        cx.warn(
            "application-after-deadline",
            "AU-7",
            || format!("受付日 {acceptance} は申請期限 {deadline} を過ぎているため、キャンペーンの還元はすべて受けられません。"),
            || format!("Acceptance on {acceptance} is after the deadline {deadline}: the campaign pays nothing."),
        );
    }
    Ok(Window { deadline, earliest, acceptance, in_time })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{d, exit, m, scenario};

    /// So-net left at the end of 2019-05 (its statements billed in 2019-07); auひかり
    /// (スタートサポート, the seed version: 7 months) from 2019-05-20.
    fn window_for(acceptance: &str, start: &str, mode: Mode) -> (Window, Ctx) {
        let s = scenario(&format!(
            r#"{{ "applicationDate": "2019-05-10", "current": {{ "provider": "so-net-hikari-plus", "serviceStart": "2016-01-20" }},
                "destination": {{ "campaign": "start-support", "isp": "so-net", "startDate": "{start}" {acceptance} }} }}"#
        ));
        let mut cx = Ctx::for_scenario(&s);
        let plan = exit::plan(&s, Mode::Answer, &mut cx).expect("plan");
        let d = s.destination.as_ref().expect("destination");
        let (r, _) = super::super::version("start-support", d.application_date).expect("version");
        let w = application_window(&s, &r, d, &plan, mode, &mut cx).expect("window");
        (w, cx)
    }

    #[test]
    fn au7_the_deadline_is_start_plus_7_months_and_acceptance_waits_for_the_statements() {
        let (w, cx) = window_for("", "2019-05-20", Mode::Answer);
        assert_eq!(
            (w.deadline, w.earliest, w.acceptance),
            (d("2019-12-20"), d("2019-07-01"), d("2019-07-01"))
        );
        assert!(w.in_time && cx.warnings.is_empty() && cx.errors.is_empty());
    }

    #[test]
    fn au7_an_acceptance_before_the_statements_is_inconsistent_but_a_row_takes_the_earliest() {
        let given = r#", "acceptanceDate": "2019-06-15""#;
        let (w, cx) = window_for(given, "2019-05-20", Mode::Answer);
        assert_eq!(cx.errors[0].field, "destination.acceptanceDate");
        assert_eq!(w.acceptance, d("2019-07-01"));
        let (w, cx) = window_for(given, "2019-05-20", Mode::Row(m("2019-05")));
        assert!(cx.errors.is_empty());
        assert_eq!(w.acceptance, d("2019-07-01"));
    }

    #[test]
    fn au7_a_given_acceptance_past_the_deadline_pays_nothing() {
        let (w, cx) = window_for(r#", "acceptanceDate": "2019-12-21""#, "2019-05-20", Mode::Answer);
        assert!(!w.in_time);
        assert_eq!(cx.warnings[0].code, "application-after-deadline");
    }
}
