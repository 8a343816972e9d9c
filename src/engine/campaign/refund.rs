//! The fee refund itself (AU-4 … AU-6): which exit charges it covers, how much it pays
//! (the covered fees up to the cap), how that is split (cash up to the cash cap, the rest
//! off the monthly bill) and when each part arrives, counted from the acceptance date.
//! Also the refund types every part of the campaign uses ([`Refund`], [`RefundKind`],
//! [`Method`]).
//!
//! Not whether the refund is due at all ([`super::eligibility`], [`super::window`]), nor
//! the mobile part and the Plus extras ([`super::extras`]).

use crate::calendar::{add_days, add_months, Month};
use crate::engine::charges::Charge;
use crate::engine::context::Ctx;
use crate::error::CalcError;
use crate::input::{Building, Destination, RefundMethod, Removal, Scenario};
use crate::rules::On;
use crate::rules::Rules;
use crate::text::yen;
use chrono::NaiveDate;

use super::OVF;

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

/// AU-5: covered are the current provider's cancellation fee, construction-fee remainder
/// and removal-construction fee (the version's list, exhaustive: not the monthly fees,
/// the statement fee or SN-9's clawback), the other covered fees entered, and the fees a
/// later version adds (number portability, NTT line construction).
pub(super) fn covered_fees(
    s: &Scenario,
    r: &Rules,
    d: &Destination,
    exit: &[Charge],
    cx: &mut Ctx,
) -> Result<i64, CalcError> {
    let covered_kinds =
        r.strs("covered.current-provider", On::au_application(d.application_date), &mut cx.trace)?;
    let mut covered: i64 =
        exit.iter().filter(|c| covered_kinds.contains(&c.kind.code())).map(|c| c.amount).sum();
    if s.current.removal != Removal::None && covered_kinds.contains(&"removal-fee") {
        covered = covered.saturating_add(s.current.rules.int(
            "removal.fee",
            On::application(s.application_date),
            &mut cx.trace,
        )?);
    }
    covered = covered.saturating_add(d.other_covered_fees);
    if r.has("covered.extra") {
        for k in r.strs("covered.extra", On::au_application(d.application_date), &mut cx.trace)? {
            covered = covered.saturating_add(match *k {
                "number-portability-fee" => d.number_portability_fee,
                "ntt-line-construction-fee" => d.ntt_line_construction_fee,
                _ => 0,
            });
        }
    }
    Ok(covered)
}

/// When the parts of a refund arrive (AU-6), from the acceptance date.
pub(super) struct Timing {
    pub acceptance: NaiveDate,
    /// The method of the lump sum (and of the Plus cashback).
    pub method: Method,
    pub cash_earliest: NaiveDate,
    pub cash_latest: NaiveDate,
    /// The bill discount's first usage month, as months after the acceptance month:
    /// usually the first offset, the second for a month-end acceptance.
    pub offsets: (i32, i32),
}

/// AU-6: refunds arrive from the date the application is accepted — the lump sum by the
/// chosen method ([`cash_dates`]), the bill discount from the usage month after the
/// acceptance month (or the month after that when accepted at a month end).
pub(super) fn timing(
    r: &Rules,
    d: &Destination,
    acceptance: NaiveDate,
    cx: &mut Ctx,
) -> Result<Timing, CalcError> {
    let method = match d.refund_method {
        RefundMethod::AuWallet => Method::AuWallet,
        RefundMethod::PostalMoneyOrder => Method::PostalMoneyOrder,
    };
    let (cash_earliest, cash_latest) = cash_dates(r, method, acceptance, cx)?;
    let offsets = r.ints(
        "timing.monthly-bill-offsets",
        On::au_application(d.application_date),
        &mut cx.trace,
    )?;
    let offsets =
        (offsets.first().copied().unwrap_or(1) as i32, offsets.last().copied().unwrap_or(2) as i32);
    Ok(Timing { acceptance, method, cash_earliest, cash_latest, offsets })
}

/// AU-6: an au WALLET charge arrives one month after acceptance; a postal money order
/// about 1.5 to 2 months after (from acceptance + 1 month + 15 days to acceptance + 2
/// months, each "+ n months" keeping the day or taking the month's last day).
fn cash_dates(
    r: &Rules,
    method: Method,
    acceptance: NaiveDate,
    cx: &mut Ctx,
) -> Result<(NaiveDate, NaiveDate), CalcError> {
    let at = acceptance;
    match method {
        Method::PostalMoneyOrder => {
            let min_m =
                r.need("timing.postal", "min-months", On::acceptance(at), &mut cx.trace)? as i32;
            let min_d = r.need("timing.postal", "min-days", On::acceptance(at), &mut cx.trace)?;
            let max_m =
                r.need("timing.postal", "max-months", On::acceptance(at), &mut cx.trace)? as i32;
            let e = add_days(add_months(acceptance, min_m).ok_or(OVF)?, min_d).ok_or(OVF)?;
            let l = add_months(acceptance, max_m).ok_or(OVF)?;
            Ok((e.min(l), l))
        }
        _ => {
            let n = r.int("timing.au-wallet-months", On::acceptance(at), &mut cx.trace)? as i32;
            let d = add_months(acceptance, n).ok_or(OVF)?;
            Ok((d, d))
        }
    }
}

/// AU-6 in words: when the lump sum arrives, and what happens to a returned money order.
pub(super) fn explain_timing(t: &Timing, cx: &mut Ctx) {
    let (acceptance, e, l) = (t.acceptance, t.cash_earliest, t.cash_latest);
    match t.method {
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

/// AU-5: refund = min(cap, covered fees); the cash part is min(refund, cash cap), paid
/// by the chosen method, and the rest comes off the monthly bill, 1,000 yen a month for
/// at most the version's months (AU-4), the last month taking any remainder. Pushes the
/// parts that are not 0 onto `refunds` and returns the refund.
pub(super) fn fee_refund(
    r: &Rules,
    d: &Destination,
    (cap, cash_cap): (Option<i64>, Option<i64>),
    covered: i64,
    t: &Timing,
    refunds: &mut Vec<Refund>,
    cx: &mut Ctx,
) -> Result<i64, CalcError> {
    let acceptance = t.acceptance;
    let (off1, off2) = t.offsets;
    let cap = cap.unwrap_or(0);
    let fee_refund = cap.min(covered);
    let cash = fee_refund.min(cash_cap.unwrap_or(0));
    let monthly = fee_refund - cash;
    if cash > 0 {
        refunds.push(Refund {
            kind: RefundKind::FeeRefundCash,
            amount: cash,
            method: t.method,
            earliest: Some(t.cash_earliest),
            latest: Some(t.cash_latest),
            months: None,
            first_month: None,
            latest_first_month: None,
        });
    }
    let per = r
        .int("refund.monthly-amount", On::au_application(d.application_date), &mut cx.trace)?
        .max(1);
    let max_months =
        r.int("refund.monthly-max-months", On::au_application(d.application_date), &mut cx.trace)?;
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
    let (mj, me) = match t.method {
        Method::PostalMoneyOrder => ("郵便為替", "postal money order"),
        _ => ("au WALLETへのチャージ", "au WALLET charge"),
    };
    cx.explain(
        "AU-5",
        || {
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
            format!(
                "対象の契約解除料などは{}円、上限は{}円なので、還元は{}円（{split}）です。月額料金は対象外です。",
                yen(covered),
                yen(cap),
                yen(fee_refund)
            )
        },
        || {
            let split = if monthly > 0 {
                format!(
                    "{} yen as {me} + {} yen off the bill ({} yen a month, up to {max_months} months)",
                    yen(cash),
                    yen(monthly),
                    yen(per)
                )
            } else {
                format!("all {} yen as {me}", yen(cash))
            };
            format!(
                "Covered fees are {} yen and the cap is {} yen, so the refund is {} yen ({split}). Monthly fees are not covered.",
                yen(covered),
                yen(cap),
                yen(fee_refund)
            )
        },
    );
    explain_caps(r, d, cap, cash_cap.unwrap_or(0).min(cap), cx);
    if cash > 0 {
        explain_timing(t, cx);
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
    Ok(fee_refund)
}

/// AU-4 in words: the version's cap for this building and ISP, and how much of it can be
/// had at once (`lump_cap`), the rest off the bill.
fn explain_caps(r: &Rules, d: &Destination, cap: i64, lump_cap: i64, cx: &mut Ctx) {
    let name = &r.set.name;
    let isp = d.isp.unwrap_or("");
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
                name.ja,
                yen(cap),
                yen(lump_cap)
            ),
            || format!(
                "{} ({be}, {ie}) caps the refund at {} yen, up to {} yen of it paid at once and the rest off the bill.",
                name.en,
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
                    name.ja,
                    yen(cap)
                )
            },
            || {
                format!(
                    "{} ({be}, {ie}) caps the refund at {} yen, all paid at once.",
                    name.en,
                    yen(cap)
                )
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{d, m, scenario};
    use crate::text::Lang;

    /// スタートサポート's seed version, an apartment: cap 30,000, cash cap 10,000, the
    /// rest 1,000 yen a month for up to 20 months.
    fn mansion(method: &str) -> (Rules, Destination) {
        let s = scenario(&format!(
            r#"{{ "applicationDate": "2019-05-10", "current": {{ "provider": "so-net-hikari-plus", "serviceStart": "2016-01-20" }},
                "destination": {{ "campaign": "start-support", "startDate": "2019-05-20", "building": "mansion", "plan": "standard", "isp": "so-net", "refundMethod": "{method}" }} }}"#
        ));
        let dest = s.destination.expect("destination");
        let (r, _) = super::super::version("start-support", dest.start_date).expect("version");
        (r, dest)
    }

    fn refund_of(covered: i64) -> (i64, Vec<Refund>) {
        let (r, dest) = mansion("au-wallet");
        let mut cx = Ctx::new(Lang::En);
        let t = timing(&r, &dest, d("2019-07-01"), &mut cx).expect("timing");
        let mut refunds = Vec::new();
        let total =
            fee_refund(&r, &dest, (Some(30000), Some(10000)), covered, &t, &mut refunds, &mut cx)
                .expect("refund");
        (total, refunds)
    }

    #[test]
    fn au5_the_refund_is_the_covered_fees_cash_first_then_off_the_bill() {
        let (total, parts) = refund_of(25000);
        assert_eq!(total, 25000);
        assert_eq!((parts[0].kind, parts[0].amount), (RefundKind::FeeRefundCash, 10000));
        assert_eq!((parts[1].kind, parts[1].amount), (RefundKind::FeeRefundMonthly, 15000));
        assert_eq!(parts[1].months, Some(15));
        // AU-6: the bill discount from the month after the acceptance month (or the next).
        assert_eq!(
            (parts[1].first_month, parts[1].latest_first_month),
            (Some(m("2019-08")), Some(m("2019-09")))
        );
    }

    #[test]
    fn au4_the_refund_is_capped_at_the_cap_and_the_months_at_20() {
        let (total, parts) = refund_of(45000);
        assert_eq!(total, 30000);
        assert_eq!((parts[1].amount, parts[1].months), (20000, Some(20)));
    }

    #[test]
    fn au6_a_postal_money_order_arrives_from_1_month_15_days_to_2_months_after_acceptance() {
        let (r, dest) = mansion("postal-money-order");
        let mut cx = Ctx::new(Lang::En);
        // January 31 + 1 month is February 28; + 15 days, March 15.
        let t = timing(&r, &dest, d("2019-01-31"), &mut cx).expect("timing");
        assert_eq!(
            (t.method, t.cash_earliest, t.cash_latest),
            (Method::PostalMoneyOrder, d("2019-03-15"), d("2019-03-31"))
        );
        let (r, dest) = mansion("au-wallet");
        let t = timing(&r, &dest, d("2019-01-31"), &mut cx).expect("timing");
        assert_eq!((t.cash_earliest, t.cash_latest), (d("2019-02-28"), d("2019-02-28")));
    }
}
