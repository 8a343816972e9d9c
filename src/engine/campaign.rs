//! What the destination's campaign refunds, split how and arriving when (AU-1 … AU-10),
//! or — honestly — that it refunds nothing, and every reason why.
//!
//! Eligibility: the source line (AU-2), plan and phone options (AU-3), ISP (AU-4) and
//! the application window (AU-7). Amount: min(cap, covered fees), cash up to the cash
//! cap and the rest 1,000 yen a month off the bill (AU-4, AU-5). Timing from the
//! acceptance date (AU-6). The mobile refund (AU-9) and the Plus extras (AU-10) have
//! their own conditions.

use crate::calendar::{add_days, add_months, Month};
use crate::engine::charges::Charge;
use crate::engine::context::Ctx;
use crate::engine::exit::ExitPlan;
use crate::engine::Mode;
use crate::error::{CalcError, ErrorCode as C, InputError};
use crate::input::{Building, Campaign, RefundMethod, Removal, Scenario};
use crate::rules::Rules;
use crate::text::yen;
use chrono::NaiveDate;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RefundKind {
    FeeRefundCash,
    FeeRefundMonthly,
    MobileRefund,
    PlusDiscount,
    OptionPackFree,
    PlusCashback,
}

impl RefundKind {
    pub fn code(self) -> &'static str {
        match self {
            RefundKind::FeeRefundCash => "fee-refund-cash",
            RefundKind::FeeRefundMonthly => "fee-refund-monthly",
            RefundKind::MobileRefund => "mobile-refund",
            RefundKind::PlusDiscount => "plus-discount",
            RefundKind::OptionPackFree => "option-pack-free",
            RefundKind::PlusCashback => "plus-cashback",
        }
    }
    pub fn rule(self) -> &'static str {
        match self {
            RefundKind::FeeRefundCash | RefundKind::FeeRefundMonthly => "AU-5",
            RefundKind::MobileRefund => "AU-9",
            RefundKind::PlusDiscount | RefundKind::OptionPackFree | RefundKind::PlusCashback => {
                "AU-10"
            }
        }
    }
    pub fn label(self) -> (&'static str, &'static str) {
        match self {
            RefundKind::FeeRefundCash => ("契約解除料の還元（一括）", "Fee refund (lump sum)"),
            RefundKind::FeeRefundMonthly => {
                ("契約解除料の還元（月額割引）", "Fee refund (off the monthly bill)")
            }
            RefundKind::MobileRefund => {
                ("携帯電話の契約解除料の還元", "Mobile-phone cancellation refund")
            }
            RefundKind::PlusDiscount => ("プラス特典：月額割引", "Plus: monthly discount"),
            RefundKind::OptionPackFree => {
                ("プラス特典：オプションパック無料", "Plus: option pack free")
            }
            RefundKind::PlusCashback => ("プラス特典：キャッシュバック", "Plus: cashback"),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    AuWallet,
    PostalMoneyOrder,
    MonthlyBill,
}

impl Method {
    pub fn code(self) -> &'static str {
        match self {
            Method::AuWallet => "au-wallet",
            Method::PostalMoneyOrder => "postal-money-order",
            Method::MonthlyBill => "monthly-bill",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Refund {
    pub kind: RefundKind,
    pub amount: i64,
    pub method: Method,
    pub earliest: Option<NaiveDate>,
    pub latest: Option<NaiveDate>,
    pub months: Option<i64>,
    pub first_month: Option<Month>,
    pub latest_first_month: Option<Month>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CampaignOutcome {
    pub rules: Rules,
    pub refunds: Vec<Refund>,
    pub earliest_acceptance: NaiveDate,
    pub acceptance: NaiveDate,
    pub application_deadline: NaiveDate,
    pub commitment_end: NaiveDate,
    /// Covered fees before the cap (AU-5).
    pub covered: i64,
}

impl PartialEq for Rules {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.set, other.set)
    }
}
impl std::fmt::Debug for Rules {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Rules({})", self.set.id)
    }
}

const OVF: CalcError = CalcError::DateOverflow;

fn family(c: Campaign) -> Option<&'static str> {
    match c {
        Campaign::StartSupport => Some("start-support"),
        Campaign::StartSupportPlus => Some("start-support-plus"),
        Campaign::None => None,
    }
}

/// AU-1: the version of a campaign family in force on `on` (the day the auひかり
/// contract was applied for), and whether one covers that day at all; when none does,
/// the nearest version (the last one that ended before, else the first).
pub fn version(family: &str, on: NaiveDate) -> Option<(Rules, bool)> {
    use crate::rules::{SetKind, Value};
    let day = crate::rules::ymd(on);
    let sets: Vec<&'static crate::rules::RuleSet> = crate::rules::book()?
        .sets
        .iter()
        .filter(|s| {
            s.kind == SetKind::Campaign
                && s.params.iter().any(|p| {
                    p.key == "campaign.family" && matches!(p.value, Value::Str(f) if f == family)
                })
        })
        .collect();
    if let Some(s) = sets.iter().find(|s| s.since <= day && day <= s.until) {
        return Some((Rules { set: s }, true));
    }
    let before = sets.iter().filter(|s| s.until < day).max_by_key(|s| s.until);
    before.or_else(|| sets.iter().min_by_key(|s| s.since)).map(|s| (Rules { set: s }, false))
}

/// AU-1: what the chosen campaign is on the auひかり application date.
pub enum Chosen {
    /// No campaign (`none`, or no destination).
    Nothing,
    /// The version in force on that date.
    InForce(Rules),
    /// No version covers the date (revised reading: the campaign pays nothing).
    Ended(Ended),
}

/// A chosen campaign with no version on the auひかり application date.
pub struct Ended {
    /// The version nearest that date (the last one that ended before it, else the first).
    pub nearest: Rules,
    /// Another campaign with a version that covers the date, if any.
    pub in_force: Option<(Campaign, Rules)>,
}

/// AU-1: the chosen campaign's version on the auひかり application date.
pub fn chosen(s: &Scenario) -> Result<Chosen, CalcError> {
    let Some(d) = &s.destination else { return Ok(Chosen::Nothing) };
    let Some(fam) = family(d.campaign) else { return Ok(Chosen::Nothing) };
    let (r, covered) =
        version(fam, d.application_date).ok_or_else(|| CalcError::RuleMissing(fam.into()))?;
    if covered {
        return Ok(Chosen::InForce(r));
    }
    let in_force = [Campaign::StartSupport, Campaign::StartSupportPlus]
        .into_iter()
        .filter(|c| *c != d.campaign)
        .find_map(|c| match version(family(c)?, d.application_date) {
            Some((r, true)) => Some((c, r)),
            _ => None,
        });
    Ok(Chosen::Ended(Ended { nearest: r, in_force }))
}

/// `since〜until` of a version (`until` empty while it runs).
fn dates(r: &Rules) -> (String, String) {
    let since = crate::rules::ymd_str(r.set.since);
    let until = if r.set.until == crate::rules::OPEN_END {
        String::new()
    } else {
        crate::rules::ymd_str(r.set.until)
    };
    (since, until)
}

/// AU-1 (revised reading): a campaign with no version on the auひかり application date
/// pays nothing; the warning names the nearest version with its dates and, where one
/// exists, the campaign in force on that date.
fn warn_ended(s: &Scenario, e: &Ended, cx: &mut Ctx) {
    let Some(d) = &s.destination else { return };
    let applied = d.application_date;
    let r = &e.nearest;
    let (since, until) = dates(r);
    let (nj, ne) = (r.set.name.ja, r.set.name.en);
    let not_yet = crate::rules::ymd(applied) < r.set.since;
    let (state_ja, state_en) = if not_yet {
        ("まだ始まっていません", "had not begun yet")
    } else {
        ("もう終わっています", "had already ended")
    };
    let (next_ja, next_en) = match &e.in_force {
        Some((_, k)) => {
            let (ks, ku) = dates(k);
            (
                format!("この日に申し込めるのは{}（{ks}〜{ku}）です。", k.set.name.ja),
                format!(
                    " The campaign for that date is {} ({}).",
                    k.set.name.en,
                    if ku.is_empty() { format!("from {ks}") } else { format!("{ks} – {ku}") }
                ),
            )
        }
        None => (String::new(), String::new()),
    };
    cx.warn_with_field(
        "campaign-version-ended",
        "AU-1",
        "destination.campaign",
        || format!("{nj}（{since}〜{until}）は、auひかりの申込日 {applied} には{state_ja}。この日の申し込みには還元も特典もないため、0円で計算しています。{next_ja}"),
        || format!("{ne} ({since} – {until}) {state_en} on the au Hikari application date, {applied}: it pays nothing, so no refund is counted.{next_en}"),
    );
    cx.explain(
        "AU-1",
        || format!(
            "キャンペーンの版は、auひかりを申し込んだ日（{applied}）で決まります。{nj}はこの日に当てはまらないため、何も支払われません。"
        ),
        || format!(
            "The campaign version is picked by the day au Hikari was applied for ({applied}); {ne} does not cover it, so it pays nothing."
        ),
    );
}

/// The campaign's refunds for the exit in `plan` with exit charges `exit`; `None` when
/// no campaign is chosen, or when the chosen one has no version on the auひかり
/// application date (AU-1: it pays nothing, and says so in a warning). In a
/// compareExitMonths row ([`Mode::Row`]) the acceptance date is the later of the given one
/// and the row's earliest; in the answer an earlier given one is an input error.
pub fn run(
    s: &Scenario,
    plan: &ExitPlan,
    exit: &[Charge],
    mode: Mode,
    cx: &mut Ctx,
) -> Result<Option<CampaignOutcome>, CalcError> {
    let r = match chosen(s)? {
        Chosen::Nothing => return Ok(None),
        Chosen::Ended(e) => {
            warn_ended(s, &e, cx);
            return Ok(None);
        }
        Chosen::InForce(r) => r,
    };
    let Some(d) = &s.destination else { return Ok(None) };
    let at = d.start_date;
    let applied = d.application_date;
    let name = (r.set.name.ja, r.set.name.en);

    // AU-1 dated versions, chosen by the auひかり application date.
    let (since, until) = dates(&r);
    r.param("version.dates", applied, &mut cx.trace)?;
    cx.explain(
        "AU-1",
        || {
            format!(
                "auひかりの申込日 {applied} に適用されるのは {}（{since}〜{until}）です。",
                name.0
            )
        },
        || {
            format!(
                "An au Hikari contract applied for on {applied} falls under {} ({since} – {until}).",
                name.1
            )
        },
    );

    // AU-7 window and acceptance. The seed version counts months from the start date;
    // later versions count calendar months, and sources disagree whether from the
    // application month or the start month: the earlier deadline is taken.
    let (window, deadline) = if r.has("application.window-calendar-months") {
        let n =
            r.int("application.window-calendar-months", at, &mut cx.trace)?.clamp(1, 120) as i32;
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
        (n, deadline)
    } else {
        let n = r.int("application.window-months", at, &mut cx.trace)?.clamp(0, 120) as i32;
        (n, add_months(at, n).ok_or(OVF)?)
    };
    let lag = s
        .current
        .rules
        .int("billing.lag-months", s.current.contract_date, &mut cx.trace)?
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
    if !r.has("application.window-calendar-months") {
        cx.explain(
            "AU-7",
            || format!("申請は{window}か月以内、{deadline}までに郵送します（開通日 {at}）。"),
            || format!("Mail the application within {window} months, by {deadline} (start {at})."),
        );
    }
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

    // AU-2 source, AU-3 plan and phone options, AU-4 ISP.
    let excluded = match d.source_excluded {
        Some(x) => x,
        None => {
            s.current.rules.has("au-smart-value-ftth")
                && s.current.rules.boolean(
                    "au-smart-value-ftth",
                    s.application_date,
                    &mut cx.trace,
                )?
        }
    };
    // AU-2: the excluded kinds of source, in words from the campaign's data.
    let listed = r.strs("eligible.excluded-sources", at, &mut cx.trace)?;
    if excluded {
        // The Plus extras are named only with a campaign that has them (AU-10).
        let plus = r.has("plus.discount");
        let pname = &s.current.rules.set.name;
        let key = "eligible.excluded-sources.words";
        let wj = r
            .words(key, at, &mut cx.trace, crate::text::Lang::Ja)?
            .map_or_else(|| crate::text::join(listed, "、"), str::to_string);
        let we = r
            .words(key, at, &mut cx.trace, crate::text::Lang::En)?
            .map_or_else(|| crate::text::join(listed, ", "), str::to_string);
        let (why_ja, why_en) = match d.source_excluded {
            Some(true) => ("対象外と入力されているため".to_string(), "As entered, it".to_string()),
            _ => (
                format!("{}はauスマートバリューの対象になる光回線とされているため（第三者の情報で、KDDIには未確認です）", pname.ja),
                format!(
                    "{} is reported (by third parties, not confirmed with KDDI) to be a fiber service covered by au Smart Value, so it",
                    pname.en
                ),
            ),
        };
        cx.warn_with_field(
            "source-not-eligible",
            "AU-2",
            "destination.sourceExcluded",
            || format!("{why_ja}、乗り換え元として対象外です（KDDIが対象外とするのは{wj}）。契約解除料の還元{}は0円です。KDDIに対象と確認できた場合は、この設定を変えると還元を計算します。", if plus { "とプラス特典" } else { "" }),
            || format!("{why_en} is not an eligible source (KDDI excludes {we}): the fee refund{} {} 0 yen. If KDDI confirmed your line as eligible, change this setting to compute the refund.", if plus { " and the Plus extras" } else { "" }, if plus { "are" } else { "is" }),
        );
        cx.explain(
            "AU-2",
            || format!("乗り換え元の{}は対象外の回線です。", pname.ja),
            || format!("The source line, {}, is excluded.", pname.en),
        );
    }
    let building = d.building.code();
    let plans = r.strs(&format!("eligible.plans.{building}"), at, &mut cx.trace)?;
    let plan_ok = plans.contains(&d.plan.code());
    if !plan_ok {
        let names = |ja: bool| {
            plans
                .iter()
                .filter_map(|p| crate::input::Plan::from_code(p))
                .map(|p| p.name(ja))
                .collect::<Vec<_>>()
        };
        cx.warn_with_field(
            "plan-not-eligible",
            "AU-3",
            "destination.plan",
            || {
                format!(
                    "{}の対象プランは{}です（選んだのは{}）。",
                    name.0,
                    crate::text::join(&names(true), "・"),
                    d.plan.name(true)
                )
            },
            || {
                format!(
                    "{} requires {} (chosen: {}).",
                    name.1,
                    crate::text::join(&names(false), " or "),
                    d.plan.name(false)
                )
            },
        );
    }
    let isp = d.isp.unwrap_or("");
    let cap = r.entry(&format!("cap.{building}"), isp, at, &mut cx.trace)?;
    let cash_cap = r.entry(&format!("cash-cap.{building}"), isp, at, &mut cx.trace)?;
    if cap.is_none() {
        let (ij, ie) = (crate::input::isp_name(isp, true), crate::input::isp_name(isp, false));
        let (bj, be) = if d.building == Building::Mansion {
            ("マンション", "an apartment")
        } else {
            ("戸建て", "a house")
        };
        cx.warn_with_field(
            "isp-not-eligible",
            "AU-4",
            "destination.isp",
            || format!("{}では、{bj}でプロバイダが{ij}の場合は対象外です。", name.0),
            || format!("{} does not cover the ISP {ie} for {be}.", name.1),
        );
    }
    let phone_needed = !r.has("eligible.phone-options")
        || r.boolean("eligible.phone-options", at, &mut cx.trace)?;
    if phone_needed && !d.with_phone_options {
        cx.warn_with_field(
            "phone-options-missing",
            "AU-3",
            "destination.withPhoneOptions",
            || "還元にはauひかり電話とオプションパックの加入が必要です。".into(),
            || "The refund needs the au Hikari phone and the option pack.".into(),
        );
    }
    let fee_ok =
        !excluded && plan_ok && cap.is_some() && (d.with_phone_options || !phone_needed) && in_time;

    // AU-5 covered fees and amount.
    let covered_kinds = r.strs("covered.current-provider", at, &mut cx.trace)?;
    let mut covered: i64 =
        exit.iter().filter(|c| covered_kinds.contains(&c.kind.code())).map(|c| c.amount).sum();
    if s.current.removal != Removal::None && covered_kinds.contains(&"removal-fee") {
        covered = covered.saturating_add(s.current.rules.int(
            "removal.fee",
            s.application_date,
            &mut cx.trace,
        )?);
    }
    covered = covered.saturating_add(d.other_covered_fees);
    if r.has("covered.extra") {
        for k in r.strs("covered.extra", at, &mut cx.trace)? {
            covered = covered.saturating_add(match *k {
                "number-portability-fee" => d.number_portability_fee,
                "ntt-line-construction-fee" => d.ntt_line_construction_fee,
                _ => 0,
            });
        }
    }

    let method = match d.refund_method {
        RefundMethod::AuWallet => Method::AuWallet,
        RefundMethod::PostalMoneyOrder => Method::PostalMoneyOrder,
    };
    let (cash_earliest, cash_latest) = cash_dates(&r, method, acceptance, cx)?;
    let offsets = r.ints("timing.monthly-bill-offsets", at, &mut cx.trace)?;
    let (off1, off2) =
        (offsets.first().copied().unwrap_or(1) as i32, offsets.last().copied().unwrap_or(2) as i32);
    let mut refunds = Vec::new();
    let mut fee_refund = 0;
    if fee_ok {
        let cap = cap.unwrap_or(0);
        fee_refund = cap.min(covered);
        let cash = fee_refund.min(cash_cap.unwrap_or(0));
        let monthly = fee_refund - cash;
        if cash > 0 {
            refunds.push(Refund {
                kind: RefundKind::FeeRefundCash,
                amount: cash,
                method,
                earliest: Some(cash_earliest),
                latest: Some(cash_latest),
                months: None,
                first_month: None,
                latest_first_month: None,
            });
        }
        let per = r.int("refund.monthly-amount", at, &mut cx.trace)?.max(1);
        let max_months = r.int("refund.monthly-max-months", at, &mut cx.trace)?;
        if monthly > 0 {
            let months = ((monthly + per - 1) / per).min(max_months);
            let first = Month::of(acceptance).plus(off1);
            refunds.push(Refund {
                kind: RefundKind::FeeRefundMonthly,
                amount: monthly,
                method: Method::MonthlyBill,
                earliest: None,
                latest: None,
                months: Some(months),
                first_month: Some(first),
                latest_first_month: Some(Month::of(acceptance).plus(off2)),
            });
        }
        // The lump-sum part is paid as the chosen method (an au WALLET charge or a postal
        // money order), not as cash in hand.
        let (mj, me) = match method {
            Method::PostalMoneyOrder => ("郵便為替", "postal money order"),
            _ => ("au WALLETへのチャージ", "au WALLET charge"),
        };
        let split = if monthly > 0 {
            format!(
                "{mj} {}円 + 月額割引 {}円（{}円 × 最大{max_months}か月）",
                yen(cash),
                yen(monthly),
                yen(per)
            )
        } else {
            format!("すべて{mj}で{}円", yen(cash))
        };
        let split_en = if monthly > 0 {
            format!(
                "{} yen as {me} + {} yen off the bill ({} yen a month, up to {max_months} months)",
                yen(cash),
                yen(monthly),
                yen(per)
            )
        } else {
            format!("all {} yen as {me}", yen(cash))
        };
        cx.explain(
            "AU-5",
            || format!(
                "対象の契約解除料などは{}円、上限は{}円なので、還元は{}円（{split}）です。月額料金は対象外です。",
                yen(covered),
                yen(cap),
                yen(fee_refund)
            ),
            || format!(
                "Covered fees are {} yen and the cap is {} yen, so the refund is {} yen ({split_en}). Monthly fees are not covered.",
                yen(covered),
                yen(cap),
                yen(fee_refund)
            ),
        );
        let lump_cap = cash_cap.unwrap_or(0).min(cap);
        let (bj, be) = if d.building == Building::Mansion {
            ("マンション", "apartment")
        } else {
            ("戸建て", "house")
        };
        let (ij, ie) = (crate::input::isp_name(isp, true), crate::input::isp_name(isp, false));
        if lump_cap < cap {
            cx.explain(
                "AU-4",
                || format!(
                    "{}（{bj}、{ij}）の上限は{}円で、一括で受け取れるのは{}円まで、残りは月額割引です。",
                    name.0,
                    yen(cap),
                    yen(lump_cap)
                ),
                || format!(
                    "{} ({be}, {ie}) caps the refund at {} yen, up to {} yen of it paid at once and the rest off the bill.",
                    name.1,
                    yen(cap),
                    yen(lump_cap)
                ),
            );
        } else {
            cx.explain(
                "AU-4",
                || {
                    format!(
                        "{}（{bj}、{ij}）の上限は{}円で、すべて一括で受け取れます。",
                        name.0,
                        yen(cap)
                    )
                },
                || {
                    format!(
                        "{} ({be}, {ie}) caps the refund at {} yen, all paid at once.",
                        name.1,
                        yen(cap)
                    )
                },
            );
        }
        if cash > 0 {
            explain_timing(method, acceptance, cash_earliest, cash_latest, cx);
        }
        if monthly > 0 {
            cx.explain(
                "AU-6",
                || format!(
                    "月額割引は受付月の翌月（{}）から、月末の受付なら翌々月（{}）からの利用分に付きます。",
                    Month::of(acceptance).plus(off1),
                    Month::of(acceptance).plus(off2)
                ),
                || format!(
                    "The bill discount starts with usage month {} (or {} for a month-end acceptance).",
                    Month::of(acceptance).plus(off1),
                    Month::of(acceptance).plus(off2)
                ),
            );
        }
    }

    // AU-9 mobile refund (Start Support only; ignored with Plus).
    let min_lines = if r.has("mobile.min-lines") && d.mobile_lines > 0 {
        r.int("mobile.min-lines", at, &mut cx.trace)?
    } else {
        1
    };
    if d.mobile_lines > 0 && d.mobile_lines < min_lines && r.has("mobile.per-line") {
        cx.explain(
            "AU-9",
            || {
                format!(
                    "{}の携帯電話の特典は{min_lines}回線以上が条件のため、{}回線では対象になりません。",
                    name.0, d.mobile_lines
                )
            },
            || {
                format!(
                    "{}'s mobile part needs at least {min_lines} lines; {} is not enough.",
                    name.1, d.mobile_lines
                )
            },
        );
    }
    if d.mobile_lines >= min_lines
        && d.mobile_lines > 0
        && r.has("mobile.per-line")
        && d.with_phone_options
        && in_time
    {
        let per = r.int("mobile.per-line", at, &mut cx.trace)?;
        let amount = per.saturating_mul(d.mobile_lines);
        let on =
            add_months(acceptance, r.int("timing.au-wallet-months", at, &mut cx.trace)? as i32)
                .ok_or(OVF)?;
        cx.explain(
            "AU-6",
            || format!("携帯電話の還元は、受付{acceptance}の後、{on}ごろau WALLETへチャージされます。"),
            || format!("The mobile refund is charged to au WALLET around {on}, after acceptance on {acceptance}."),
        );
        refunds.push(Refund {
            kind: RefundKind::MobileRefund,
            amount,
            method: Method::AuWallet,
            earliest: Some(on),
            latest: Some(on),
            months: None,
            first_month: None,
            latest_first_month: None,
        });
        cx.explain(
            "AU-9",
            || format!("携帯電話の契約解除料の還元は1回線 {}円 × {}回線 = {}円を au WALLET に {on} ごろ入金します（乗り換え元の回線の条件とは別です）。", yen(per), d.mobile_lines, yen(amount)),
            || format!("The mobile refund is {} yen × {} lines = {} yen, charged to au WALLET around {on} (independent of the fixed-line source)."
            , yen(per), d.mobile_lines, yen(amount)),
        );
    }

    // AU-10 Plus extras.
    if fee_ok && r.has("plus.discount") {
        let per = r.need("plus.discount", "per-month", at, &mut cx.trace)?;
        let months = r.need("plus.discount", "months", at, &mut cx.trace)?;
        let start_month = Month::of(at);
        refunds.push(Refund {
            kind: RefundKind::PlusDiscount,
            amount: per.saturating_mul(months),
            method: Method::MonthlyBill,
            earliest: None,
            latest: None,
            months: Some(months),
            first_month: Some(start_month),
            latest_first_month: Some(start_month),
        });
        let opt = r.need("plus.option-pack-free", building, at, &mut cx.trace)?;
        let opt_months = r.need("plus.option-pack-free", "months", at, &mut cx.trace)?;
        refunds.push(Refund {
            kind: RefundKind::OptionPackFree,
            amount: opt.saturating_mul(opt_months),
            method: Method::MonthlyBill,
            earliest: None,
            latest: None,
            months: Some(opt_months),
            first_month: Some(start_month),
            latest_first_month: Some(start_month),
        });
        let mut cashback = 0;
        if d.building == Building::Home
            && r.strs("plus.cashback-plans.home", at, &mut cx.trace)?.contains(&d.plan.code())
        {
            cashback = r.int("plus.cashback", at, &mut cx.trace)?;
            refunds.push(Refund {
                kind: RefundKind::PlusCashback,
                amount: cashback,
                method,
                earliest: Some(cash_earliest),
                latest: Some(cash_latest),
                months: None,
                first_month: None,
                latest_first_month: None,
            });
            if fee_refund == 0 {
                explain_timing(method, acceptance, cash_earliest, cash_latest, cx);
            }
        }
        cx.explain(
            "AU-10",
            || format!("プラス特典: 月{}円 × {months}か月の割引、オプションパック {}円 × {opt_months}か月無料{}。契約解除料の還元が0円でも受けられます。", yen(per), yen(opt), if cashback > 0 { format!("、キャッシュバック {}円（違約金還元と同じ方法・時期）", yen(cashback)) } else { String::new() }),
            || format!("Plus extras: {} yen off a month for {months} months, the option pack ({} yen) free for {opt_months} months{}. Paid even when the fee refund is 0.", yen(per), yen(opt), if cashback > 0 { format!(", and {} yen cashback (same method and time as the fee refund)", yen(cashback)) } else { String::new() }),
        );
    }

    // AU-8 commitment.
    let cm = r.need("commitment.months", building, at, &mut cx.trace)?;
    let commitment_end = add_months(at, cm.clamp(0, 1200) as i32).ok_or(OVF)?;
    // Read only when the risk can arise, so an unverified amount is flagged only then.
    if fee_refund > 0
        && !d.smart_value
        && covered > r.int("commitment.fee-waived-up-to", at, &mut cx.trace)?
    {
        let cfee = r.need("commitment.fee", building, at, &mut cx.trace)?;
        let waived = r.int("commitment.fee-waived-up-to", at, &mut cx.trace)?;
        cx.warn(
            "commitment-fee-risk",
            "AU-8",
            || format!("{commitment_end}より前にauひかりを解約すると、キャンペーンの契約解除料{}円がかかります（キャンペーンの申請と同時にauスマートバリューを申し込んだ場合か、還元の対象になる契約解除料などが{}円以下なら不要です）。", yen(cfee), yen(waived)),
            || format!("Leaving au Hikari before {commitment_end} costs the campaign fee of {} yen (waived if au Smart Value is applied for together with the campaign application, or when the covered fees are {} yen or less).", yen(cfee), yen(waived)),
        );
    }
    cx.explain(
        "AU-8",
        || format!("キャンペーンの利用期間は{cm}か月で、{commitment_end} に終わります。"),
        || format!("The campaign's commitment is {cm} months, ending on {commitment_end}."),
    );
    Ok(Some(CampaignOutcome {
        rules: r,
        refunds,
        earliest_acceptance: earliest,
        acceptance,
        application_deadline: deadline,
        commitment_end,
        covered,
    }))
}

/// AU-6 cash timing from the acceptance date.
fn cash_dates(
    r: &Rules,
    method: Method,
    acceptance: NaiveDate,
    cx: &mut Ctx,
) -> Result<(NaiveDate, NaiveDate), CalcError> {
    let at = acceptance;
    match method {
        Method::PostalMoneyOrder => {
            let min_m = r.need("timing.postal", "min-months", at, &mut cx.trace)? as i32;
            let min_d = r.need("timing.postal", "min-days", at, &mut cx.trace)?;
            let max_m = r.need("timing.postal", "max-months", at, &mut cx.trace)? as i32;
            let e = add_days(add_months(acceptance, min_m).ok_or(OVF)?, min_d).ok_or(OVF)?;
            let l = add_months(acceptance, max_m).ok_or(OVF)?;
            Ok((e.min(l), l))
        }
        _ => {
            let n = r.int("timing.au-wallet-months", at, &mut cx.trace)? as i32;
            let d = add_months(acceptance, n).ok_or(OVF)?;
            Ok((d, d))
        }
    }
}

fn explain_timing(method: Method, acceptance: NaiveDate, e: NaiveDate, l: NaiveDate, cx: &mut Ctx) {
    match method {
        Method::PostalMoneyOrder => cx.explain(
            "AU-6",
            || format!("受付 {acceptance} から約1.5〜2か月後（{e}〜{l}）に郵便為替が届きます。不在で戻った為替は1か月以内に受け取らないと失効します。"),
            || format!("A postal money order arrives about 1.5–2 months after acceptance on {acceptance} ({e} – {l}); one returned undelivered must be claimed within a month."),
        ),
        _ => cx.explain(
            "AU-6",
            || format!("受付 {acceptance} の1か月後（{e}）に au WALLET へチャージされます。"),
            || format!("Charged to au WALLET one month after acceptance on {acceptance} ({e})."),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::scenario;

    fn chosen_on(campaign: &str, applied: &str) -> Chosen {
        chosen(&scenario(&format!(
            r#"{{ "applicationDate": "2019-09-10", "current": {{ "provider": "so-net-hikari-plus", "serviceStart": "2016-01-20" }},
                "destination": {{ "campaign": "{campaign}", "isp": "so-net", "startDate": "2027-01-25", "applicationDate": "{applied}" }} }}"#
        )))
        .expect("chosen")
    }

    #[test]
    fn au1_the_version_is_the_one_covering_the_au_application_date() {
        for (applied, id) in [
            ("2019-09-30", "au-start-support"),
            ("2019-10-01", "au-new-start-support"),
            ("2024-01-01", "au-norikae-start-support"),
        ] {
            match chosen_on("start-support", applied) {
                Chosen::InForce(r) => assert_eq!(r.set.id, id, "{applied}"),
                _ => panic!("{applied}: no version in force"),
            }
        }
    }

    #[test]
    fn au1_a_campaign_with_no_version_on_the_date_has_ended_and_names_the_one_in_force() {
        match chosen_on("start-support-plus", "2024-01-01") {
            Chosen::Ended(e) => {
                assert_eq!(e.nearest.set.id, "au-start-support-plus");
                assert_eq!(
                    e.in_force.map(|(c, r)| (c, r.set.id)),
                    Some((Campaign::StartSupport, "au-norikae-start-support"))
                );
            }
            _ => panic!("Plus in 2024 should have ended"),
        }
        // Before the first version: nothing in force anywhere.
        match chosen_on("start-support", "2016-08-01") {
            Chosen::Ended(e) => assert!(e.in_force.is_none()),
            _ => panic!("no version before 2016-09-01"),
        }
        assert!(matches!(chosen_on("none", "2024-01-01"), Chosen::Nothing));
    }
}
