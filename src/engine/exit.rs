//! When the contract really ends (SN-1 … SN-6): the allowed exit window, the chosen
//! month, the shifts that removal construction and the analog return of a phone number
//! can add, completion and MyPage dates; with the contract month k(M) and the renewal
//! window of the exit month ([`super::renewal`]).

use crate::calendar::{add_days, add_months, next_desk_open_day, Month};
use crate::engine::context::Ctx;
use crate::engine::renewal::{contract_month, renewal};
use crate::engine::Mode;
use crate::error::{CalcError, ErrorCode as C, InputError};
use crate::input::{Channel, Customer, Region, Removal, Scenario};
use crate::rules::On;
use chrono::{Datelike, NaiveDate};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shift {
    Removal,
    AnalogReturn,
}

impl Shift {
    pub fn code(self) -> &'static str {
        match self {
            Shift::Removal => "removal",
            Shift::AnalogReturn => "analog-return",
        }
    }
}

/// The window SN-2/SN-3/SN-4 allow, before any shift.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Window {
    /// The effective application date (SN-3: a corporate phone request on a closed day
    /// counts from the next open day).
    pub a: NaiveDate,
    pub earliest: Month,
    pub latest: Month,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ExitPlan {
    pub window: Window,
    /// X: the chosen month before shifts.
    pub chosen: Month,
    /// M: the exit month.
    pub month: Month,
    pub shifted_by: Option<Shift>,
    pub extra_months: i32,
    pub removal_date: Option<NaiveDate>,
    pub earliest_removal_date: Option<NaiveDate>,
    /// SN-5 derived: apply by this day to keep X with removal.
    pub removal_deadline: Option<NaiveDate>,
    /// SN-6: A + 75 days, when a number is kept.
    pub analog_deadline: Option<NaiveDate>,
    pub contract_month: i32,
    pub in_renewal_window: bool,
    pub next_renewal_window: (Month, Month),
    pub last_service_day: NaiveDate,
    pub completion_date: NaiveDate,
    pub mypage_until: NaiveDate,
    /// A prorated last month (custom terms with `exitDate`): (days used, days in month).
    pub prorate: Option<(u32, u32)>,
}

const OVF: CalcError = CalcError::DateOverflow;

/// SN-2, SN-3, SN-4: the allowed window.
pub fn window(s: &Scenario, cx: &mut Ctx) -> Result<Window, CalcError> {
    let c = &s.current;
    let r = c.rules;
    let tr = &mut cx.trace;
    let span =
        r.int("exit.window-months", On::application(s.application_date), tr)?.clamp(1, 24) as i32;
    let a0 = s.application_date;
    if c.channel == Channel::ProviderSwitch {
        // SN-4: So-net ends the day the new provider's line opens.
        let m = Month::of(c.switch_date.unwrap_or(a0));
        cx.explain(
            "SN-4",
            || format!("事業者変更では、新しい事業者の回線が開通した月（{m}）が退会月です。"),
            || format!("With a provider switch the exit month is the month the new provider's line opens ({m})."),
        );
        return Ok(Window { a: a0, earliest: m, latest: m });
    }
    if c.customer == Customer::Corporate && c.channel == Channel::Paper {
        let cutoff = r.int("exit.corporate-paper-cutoff-day", On::application(a0), tr)?;
        let earliest =
            if i64::from(a0.day()) <= cutoff { Month::of(a0) } else { Month::of(a0).plus(1) };
        cx.explain(
            "SN-3",
            || format!("法人の書面は{cutoff}日までに届けばその月末、{}日以降は翌月末以降の退会です（到着日 {a0}）。", cutoff + 1),
            || format!("A corporate paper form arriving by the {cutoff}th allows exit at that month's end; from the {}st, only from the next month's end (arrival {a0}).", cutoff + 1),
        );
        return Ok(Window { a: a0, earliest, latest: earliest.plus(span - 1) });
    }
    let mut a = a0;
    // The desk's closed days are the provider's fact: only a provider whose data names
    // them shifts a request made on one.
    if c.customer == Customer::Corporate
        && c.channel == Channel::Phone
        && r.has("contact.corporate.closed")
    {
        let open = next_desk_open_day(a0).ok_or(OVF)?;
        if open != a0 {
            let (hj, he) = (
                r.text("contact.corporate.closed", On::application(a0), tr, crate::text::Lang::Ja)?,
                r.text("contact.corporate.closed", On::application(a0), tr, crate::text::Lang::En)?,
            );
            cx.warn(
                "corporate-desk-closed",
                "SN-3",
                || format!("{a0} は法人窓口の休業日（{hj}）のため、申請は次の営業日 {open} の扱いになります。"),
                || format!("{a0} is a closed day of the corporate desk ({he}); the request counts from the next open day, {open}."),
            );
            a = open;
        }
    }
    let earliest = Month::of(a);
    cx.explain(
        "SN-2",
        || format!("申請日（{a}）の月末か翌月末に退会できます。日付に関係なく選べるのはこの2つです。"),
        || format!("Applying on {a} allows exit at the end of that month or of the next; the day of the month does not matter."),
    );
    Ok(Window { a, earliest, latest: earliest.plus(span - 1) })
}

/// The application dates that reach exit month `m` without a shift, the window rules
/// read backwards (for compareExitMonths' rows): SN-2 — a request in month `m` or in the
/// `span − 1` months before it; SN-3 paper — an arrival after the cut-off day of the month
/// before that, up to the cut-off day of `m`; SN-3 phone — up to the desk's last open day
/// of `m`; SN-5 — with removal, no later than (last day of `m`) − the lead days. Never
/// before the given application date (nobody applies in the past). `None` with a
/// provider switch: there the new line's opening day decides the month (SN-4).
pub fn reach(
    s: &Scenario,
    m: Month,
    cx: &mut Ctx,
) -> Result<Option<(NaiveDate, NaiveDate)>, CalcError> {
    let c = &s.current;
    let r = c.rules;
    let a0 = s.application_date;
    if c.channel == Channel::ProviderSwitch {
        return Ok(None);
    }
    let span = r.int("exit.window-months", On::application(a0), &mut cx.trace)?.clamp(1, 24) as i32;
    let first = m.plus(1 - span);
    let (from, mut by) = match (c.customer, c.channel) {
        (Customer::Corporate, Channel::Paper) => {
            let cutoff = r
                .int("exit.corporate-paper-cutoff-day", On::application(a0), &mut cx.trace)?
                .clamp(1, 31) as u32;
            let before = first.plus(-1);
            let from = before.day(cutoff + 1).or(first.first_day()).ok_or(OVF)?;
            (from, m.day(cutoff).or(m.last_day()).ok_or(OVF)?)
        }
        (Customer::Corporate, Channel::Phone) => {
            (first.first_day().ok_or(OVF)?, crate::calendar::last_desk_open_day(m).ok_or(OVF)?)
        }
        _ => (first.first_day().ok_or(OVF)?, m.last_day().ok_or(OVF)?),
    };
    if c.removal != Removal::None {
        let lead = r.need(
            "removal.lead-days",
            if c.region == Region::West { "west" } else { "east" },
            On::application(a0),
            &mut cx.trace,
        )?;
        by = by.min(add_days(m.last_day().ok_or(OVF)?, -lead).ok_or(OVF)?);
    }
    Ok(Some((from.max(a0), by)))
}

/// The full exit plan. A compareExitMonths row ([`Mode::Row`]) overrides the wished month
/// and leaves SN-5/SN-6 out (each row is "as if requested in time").
pub fn plan(s: &Scenario, mode: Mode, cx: &mut Ctx) -> Result<ExitPlan, CalcError> {
    let c = &s.current;
    let r = c.rules;
    let w = window(s, cx)?;
    let (row, answer) = match mode {
        Mode::Row(m) => (Some(m), false),
        Mode::Answer => (None, true),
    };
    let mut x = row.or(c.exit_month).unwrap_or(w.earliest);
    // A provider that prorates the last month may end service on a given day.
    let exit_date = if answer { c.exit_date } else { None };
    if let Some(d) = exit_date {
        let m = Month::of(d);
        if d < w.a || m > w.latest {
            cx.error(InputError::new(
                "current.exitDate",
                C::Inconsistent,
                format!("{d} は選べません。{} から {} 末までの日です。", w.a, w.latest),
                format!("{d} is outside the allowed window, {} to the end of {}.", w.a, w.latest),
            ));
        } else if c.exit_month.is_some_and(|x| x != m) {
            cx.error(InputError::new(
                "current.exitDate",
                C::Inconsistent,
                "退会日が退会月と合いません。".to_string(),
                "the exit date is not in the exit month.".to_string(),
            ));
        } else {
            x = m;
        }
    }
    // A wished month outside the window is refused whether or not a prorated exit day
    // is given too.
    if answer {
        if let Some(m) = c.exit_month {
            if m < w.earliest || m > w.latest {
                cx.error(InputError::new(
                    "current.exitMonth",
                    C::Inconsistent,
                    format!("{m} は選べません。退会できるのは {}〜{} です。", w.earliest, w.latest),
                    format!("{m} is outside the allowed window {} – {}.", w.earliest, w.latest),
                ));
                x = w.earliest;
            }
        }
    }

    // SN-5 removal construction.
    let (mut removal_date, mut earliest_removal, mut removal_deadline, mut removal_month) =
        (None, None, None, None);
    if c.removal != Removal::None && c.channel != Channel::ProviderSwitch {
        let lead = r.need(
            "removal.lead-days",
            if c.region == Region::West { "west" } else { "east" },
            On::application(w.a),
            &mut cx.trace,
        )?;
        let earliest = add_days(w.a, lead).ok_or(OVF)?;
        let used = match c.removal_date {
            Some(d) if d < earliest => {
                cx.error(InputError::new(
                    "current.removalDate",
                    C::Inconsistent,
                    format!("撤去工事は最短で {earliest}（申請日 + {lead}日）です。"),
                    format!("the earliest removal date is {earliest} (application + {lead} days)."),
                ));
                earliest
            }
            Some(d) => d,
            None => earliest,
        };
        let deadline = add_days(x.last_day().ok_or(OVF)?, -lead).ok_or(OVF)?;
        let region = if c.region == Region::West {
            ("NTT西日本", "NTT West")
        } else {
            ("NTT東日本", "NTT East")
        };
        cx.explain(
            "SN-5",
            || format!("撤去工事（無料）は{}エリアでは申請日 + {lead}日（{earliest}）以降です。{x}に退会するには {deadline} までに申し込みます。", region.0),
            || format!("Removal construction (free) in {}'s area is possible from application + {lead} days ({earliest}). To leave in {x}, apply by {deadline}.", region.1),
        );
        removal_date = Some(used);
        earliest_removal = Some(earliest);
        removal_deadline = Some(deadline);
        removal_month = Some(Month::of(used));
    }

    // SN-6 keeping the phone number.
    let (mut analog_deadline, mut analog_month) = (None, None);
    if c.phone.keep_number && c.channel != Channel::ProviderSwitch {
        if c.phone.from_ntt_analog {
            let days = r.int("phone.analog-return-days", On::application(w.a), &mut cx.trace)?;
            let deadline = add_days(w.a, days).ok_or(OVF)?;
            analog_deadline = Some(deadline);
            cx.explain(
                "SN-6",
                || format!("番号を残すにはNTTでアナログ戻しが必要で、申請日から{days}日後の {deadline} までに完了しないと番号は失われます。"),
                || format!("Keeping the number needs NTT's analog return, completed within {days} days of the application ({deadline}), or the number is lost."),
            );
            if let Some(ret) = c.phone.analog_return_date {
                if ret < w.a {
                    cx.error(InputError::new(
                        "current.phone.analogReturnDate",
                        C::Inconsistent,
                        format!("アナログ戻しの日（{ret}）が申請日（{}）より前です。", w.a),
                        format!(
                            "the analog return ({ret}) is before the application date ({}).",
                            w.a
                        ),
                    ));
                } else if ret > deadline {
                    cx.warn(
                        "number-lost",
                        "SN-6",
                        || format!("アナログ戻しの完了（{ret}）が期限 {deadline} を過ぎるため、電話番号は失われます。退会は {deadline} の月までしか待ちません。"),
                        || format!("The analog return ({ret}) completes after the deadline {deadline}: the number is lost, and the exit waits no longer than {deadline}'s month."),
                    );
                    analog_month = Some(Month::of(deadline));
                } else {
                    analog_month = Some(Month::of(ret));
                }
            }
        } else {
            cx.warn(
                "number-cannot-be-kept",
                "SN-6",
                || "NTTのアナログ回線で発行された番号ではないため、番号は残せません。".into(),
                || "The number was not issued for an NTT analog line, so it cannot be kept.".into(),
            );
        }
    }

    let mut month = x;
    let mut shifted_by = None;
    if answer {
        if let Some(rm) = removal_month.filter(|m| *m > x) {
            cx.warn(
                "removal-shifts-exit",
                "SN-5",
                || format!(
                    "撤去工事が {} のため、退会月は {x} から {rm} に延び、延びた月も1か月分の料金がかかります。",
                    removal_date.map(|d| d.to_string()).unwrap_or_default()
                ),
                || format!(
                    "Removal on {} moves the exit from {x} to {rm}; each added month is charged in full.",
                    removal_date.map(|d| d.to_string()).unwrap_or_default()
                ),
            );
            month = rm;
            shifted_by = Some(Shift::Removal);
        }
        if let Some(am) = analog_month.filter(|m| *m > x) {
            cx.warn(
                "analog-return-shifts-exit",
                "SN-6",
                || format!("アナログ戻しが完了するまで退会できないため、退会月は {x} から {am} に延びます。"),
                || format!("The exit cannot complete before the analog return, so it moves from {x} to {am}."),
            );
            if am > month {
                month = am;
                shifted_by = Some(Shift::AnalogReturn);
            }
        }
    }
    let extra_months = month.since(x);
    let k = contract_month(s, month);
    let (in_renewal_window, next_renewal_window) = renewal(s, month, cx)?;
    let mut last_service_day = month.last_day().ok_or(OVF)?;
    let mut prorate = None;
    if let Some(d) = exit_date.filter(|d| Month::of(*d) == month && *d >= w.a) {
        if d < last_service_day {
            prorate = Some((d.day(), last_service_day.day()));
            last_service_day = d;
        }
    }
    let completion_date = last_service_day.succ_opt().ok_or(OVF)?;
    let mypage_months = r
        .int("mypage.months-after-exit", On::exit_completion(completion_date), &mut cx.trace)?
        .clamp(0, 120) as i32;
    let mypage_until =
        add_days(add_months(completion_date, mypage_months).ok_or(OVF)?, -1).ok_or(OVF)?;
    match prorate {
        Some((used, days)) => cx.explain(
            "SN-1",
            || format!("入力された契約条件では最終月は日割りです。{last_service_day} までの{used}日分（{days}日中）を払い、{completion_date} 0時に退会完了です。"),
            || format!("Under the terms you entered the last month is prorated: {used} of {days} days, service until {last_service_day}; exit completes at 00:00 on {completion_date}."),
        ),
        None => cx.explain(
            "SN-1",
            || format!("退会は月末で、退会月（{month}）は日割りせず1か月分かかります。{completion_date} 0時に退会完了です。"),
            || format!("Exit is at a month end and the exit month ({month}) is charged in full; exit completes at 00:00 on {completion_date}."),
        ),
    }
    cx.explain(
        "SN-13",
        || format!("退会後も会員ページ（マイページ）は{mypage_months}か月間、{mypage_until}まで見られます。ログインのIDとパスワードはそれまで保管してください。"),
        || format!("The member pages (MyPage) stay open for {mypage_months} months after exit, until {mypage_until}; keep the login until then."),
    );
    Ok(ExitPlan {
        window: w,
        chosen: x,
        month,
        shifted_by,
        extra_months,
        removal_date,
        earliest_removal_date: earliest_removal,
        removal_deadline,
        analog_deadline,
        contract_month: k,
        in_renewal_window,
        next_renewal_window,
        last_service_day,
        completion_date,
        mypage_until,
        prorate,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{d, m, scenario};

    const SONET: &str = r#""provider": "so-net-hikari-plus", "serviceStart": "2017-03-15""#;

    #[test]
    fn sn2_the_window_is_the_application_month_and_the_next_whatever_the_day() {
        for a in ["2019-05-01", "2019-05-31"] {
            let s =
                scenario(&format!(r#"{{ "applicationDate": "{a}", "current": {{ {SONET} }} }}"#));
            let w = window(&s, &mut Ctx::for_scenario(&s)).expect("window");
            assert_eq!((w.earliest, w.latest), (m("2019-05"), m("2019-06")));
        }
    }

    #[test]
    fn sn3_paper_arriving_after_the_20th_opens_the_next_month() {
        let at = |a: &str| {
            let s = scenario(&format!(
                r#"{{ "applicationDate": "{a}", "current": {{ {SONET}, "customer": "corporate", "channel": "paper" }} }}"#
            ));
            window(&s, &mut Ctx::for_scenario(&s)).expect("window").earliest
        };
        assert_eq!(at("2019-05-20"), m("2019-05"));
        assert_eq!(at("2019-05-21"), m("2019-06"));
    }

    #[test]
    fn sn5_reach_with_removal_ends_the_lead_days_before_the_month_end() {
        let s = scenario(&format!(
            r#"{{ "applicationDate": "2019-05-10", "current": {{ {SONET}, "removal": "requested", "region": "west" }} }}"#
        ));
        let r = reach(&s, m("2019-06"), &mut Ctx::for_scenario(&s)).expect("reach");
        assert_eq!(r, Some((d("2019-05-10"), d("2019-06-20"))));
    }

    #[test]
    fn sn5_a_late_removal_shifts_the_exit_and_counts_the_extra_month() {
        let s = scenario(&format!(
            r#"{{ "applicationDate": "2019-05-25", "current": {{ {SONET}, "removal": "requested", "region": "west" }} }}"#
        ));
        let p = plan(&s, Mode::Answer, &mut Ctx::for_scenario(&s)).expect("plan");
        assert_eq!(
            (p.chosen, p.month, p.shifted_by, p.extra_months),
            (m("2019-05"), m("2019-06"), Some(Shift::Removal), 1)
        );
        assert_eq!(p.removal_deadline, Some(d("2019-05-21")));
    }

    #[test]
    fn sn5_a_compare_row_is_as_if_requested_in_time() {
        let s = scenario(&format!(
            r#"{{ "applicationDate": "2019-05-25", "current": {{ {SONET}, "removal": "requested", "region": "west" }} }}"#
        ));
        let mut cx = Ctx::for_mode(&s, Mode::Row(m("2019-05")));
        let p = plan(&s, Mode::Row(m("2019-05")), &mut cx).expect("plan");
        assert_eq!((p.month, p.shifted_by, p.extra_months), (m("2019-05"), None, 0));
        assert!(cx.warnings.is_empty() && cx.explanations.is_empty(), "a row keeps no message");
    }
}
