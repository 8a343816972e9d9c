//! What the campaign pays besides the fee refund, each with conditions of its own: the
//! mobile-phone part of スタートサポート (AU-9) and the extras of スタートサポートプラス
//! (AU-10).
//!
//! Not the fee refund ([`super::refund`]), whose timing the Plus cashback shares.

use crate::calendar::{add_months, Month};
use crate::engine::context::Ctx;
use crate::error::CalcError;
use crate::input::{Building, Destination};
use crate::rules::On;
use crate::rules::Rules;
use crate::text::yen;

use super::refund::{explain_timing, Method, Refund, RefundKind, Timing};
use super::OVF;

/// AU-9: スタートサポート refunds a mobile line's cancellation fee, a fixed amount per au
/// line, as an au WALLET charge one month after acceptance. It needs the auひかり phone
/// (auスマートバリュー does) and an application in time (AU-7), but not an eligible fixed
/// source, plan or ISP; a version may ask for a minimum number of lines, and the Plus
/// campaign has no mobile part (its `mobileLines` are ignored).
pub(super) fn mobile_refund(
    r: &Rules,
    d: &Destination,
    t: &Timing,
    in_time: bool,
    cx: &mut Ctx,
) -> Result<Option<Refund>, CalcError> {
    let acceptance = t.acceptance;
    let name = &r.set.name;
    let min_lines = if r.has("mobile.min-lines") && d.mobile_lines > 0 {
        r.int("mobile.min-lines", On::au_application(d.application_date), &mut cx.trace)?
    } else {
        1
    };
    if d.mobile_lines > 0 && d.mobile_lines < min_lines && r.has("mobile.per-line") {
        cx.explain(
            "AU-9",
            || {
                format!(
                    "{}の携帯電話の特典は{min_lines}回線以上が条件のため、{}回線では対象になりません。",
                    name.ja, d.mobile_lines
                )
            },
            || {
                format!(
                    "{}'s mobile part needs at least {min_lines} lines; {} is not enough.",
                    name.en, d.mobile_lines
                )
            },
        );
    }
    if !(d.mobile_lines >= min_lines
        && d.mobile_lines > 0
        && r.has("mobile.per-line")
        && d.with_phone_options
        && in_time)
    {
        return Ok(None);
    }
    let per = r.int("mobile.per-line", On::au_application(d.application_date), &mut cx.trace)?;
    let amount = per.saturating_mul(d.mobile_lines);
    let on = add_months(
        acceptance,
        r.int("timing.au-wallet-months", On::acceptance(acceptance), &mut cx.trace)? as i32,
    )
    .ok_or(OVF)?;
    cx.explain(
        "AU-6",
        || format!("携帯電話の還元は、受付{acceptance}の後、{on}ごろau WALLETへチャージされます。"),
        || format!("The mobile refund is charged to au WALLET around {on}, after acceptance on {acceptance}."),
    );
    cx.explain(
        "AU-9",
        || format!("携帯電話の契約解除料の還元は1回線 {}円 × {}回線 = {}円を au WALLET に {on} ごろ入金します（乗り換え元の回線の条件とは別です）。", yen(per), d.mobile_lines, yen(amount)),
        || format!("The mobile refund is {} yen × {} lines = {} yen, charged to au WALLET around {on} (independent of the fixed-line source).", yen(per), d.mobile_lines, yen(amount)),
    );
    Ok(Some(Refund {
        kind: RefundKind::MobileRefund,
        amount,
        method: Method::AuWallet,
        earliest: Some(on),
        latest: Some(on),
        months: None,
        first_month: None,
        latest_first_month: None,
    }))
}

/// AU-10: スタートサポートプラス adds 600 yen off a month for 12 months and the option pack
/// free for 12 months from the start month, and for ホーム on ずっとギガ得プラン a 10,000 yen
/// cashback paid by the fee refund's method at its time. They need what the fee refund
/// needs, and are paid even when the fee refund is 0. Empty for a version without extras.
pub(super) fn plus_extras(
    r: &Rules,
    d: &Destination,
    t: &Timing,
    fee_refund: i64,
    cx: &mut Ctx,
) -> Result<Vec<Refund>, CalcError> {
    let mut refunds = Vec::new();
    if !r.has("plus.discount") {
        return Ok(refunds);
    }
    let at = d.start_date;
    let per = r.need(
        "plus.discount",
        "per-month",
        On::au_application(d.application_date),
        &mut cx.trace,
    )?;
    let months =
        r.need("plus.discount", "months", On::au_application(d.application_date), &mut cx.trace)?;
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
    let opt = r.need(
        "plus.option-pack-free",
        d.building.code(),
        On::au_application(d.application_date),
        &mut cx.trace,
    )?;
    let opt_months = r.need(
        "plus.option-pack-free",
        "months",
        On::au_application(d.application_date),
        &mut cx.trace,
    )?;
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
        && r.strs(
            "plus.cashback-plans.home",
            On::au_application(d.application_date),
            &mut cx.trace,
        )?
        .contains(&d.plan.code())
    {
        cashback = r.int("plus.cashback", On::au_application(d.application_date), &mut cx.trace)?;
        refunds.push(Refund {
            kind: RefundKind::PlusCashback,
            amount: cashback,
            method: t.method,
            earliest: Some(t.cash_earliest),
            latest: Some(t.cash_latest),
            months: None,
            first_month: None,
            latest_first_month: None,
        });
        if fee_refund == 0 {
            explain_timing(t, cx);
        }
    }
    cx.explain(
        "AU-10",
        || format!("プラス特典: 月{}円 × {months}か月の割引、オプションパック {}円 × {opt_months}か月無料{}。契約解除料の還元が0円でも受けられます。", yen(per), yen(opt), if cashback > 0 { format!("、キャッシュバック {}円（違約金還元と同じ方法・時期）", yen(cashback)) } else { String::new() }),
        || format!("Plus extras: {} yen off a month for {months} months, the option pack ({} yen) free for {opt_months} months{}. Paid even when the fee refund is 0.", yen(per), yen(opt), if cashback > 0 { format!(", and {} yen cashback (same method and time as the fee refund)", yen(cashback)) } else { String::new() }),
    );
    Ok(refunds)
}

#[cfg(test)]
mod tests {
    use super::super::refund::timing;
    use super::*;
    use crate::engine::{d, m, scenario};
    use crate::text::Lang;

    fn destination(campaign: &str, fields: &str) -> (Rules, Destination) {
        let s = scenario(&format!(
            r#"{{ "applicationDate": "2019-05-10", "current": {{ "provider": "so-net-hikari-plus", "serviceStart": "2016-01-20" }},
                "destination": {{ "campaign": "{campaign}", "startDate": "2019-05-20", "isp": "so-net" {fields} }} }}"#
        ));
        let dest = s.destination.expect("destination");
        let (r, _) = super::super::version(campaign, dest.start_date).expect("version");
        (r, dest)
    }

    #[test]
    fn au9_the_mobile_refund_is_per_line_one_month_after_acceptance_and_needs_the_phone() {
        let (r, dest) = destination("start-support", r#", "mobileLines": 2"#);
        let mut cx = Ctx::new(Lang::En);
        let t = timing(&r, &dest, d("2019-07-01"), &mut cx).expect("timing");
        let refund = mobile_refund(&r, &dest, &t, true, &mut cx).expect("mobile").expect("paid");
        assert_eq!((refund.amount, refund.earliest), (20520, Some(d("2019-08-01"))));
        assert_eq!(mobile_refund(&r, &dest, &t, false, &mut cx).expect("mobile"), None, "late");
        let (r, dest) =
            destination("start-support", r#", "mobileLines": 2, "withPhoneOptions": false"#);
        assert_eq!(mobile_refund(&r, &dest, &t, true, &mut cx).expect("mobile"), None);
    }

    #[test]
    fn au10_plus_extras_are_paid_even_when_the_fee_refund_is_0_with_its_timing() {
        let (r, dest) = destination("start-support-plus", "");
        let mut cx = Ctx::new(Lang::En);
        let t = timing(&r, &dest, d("2019-07-01"), &mut cx).expect("timing");
        let extras = plus_extras(&r, &dest, &t, 0, &mut cx).expect("extras");
        let parts: Vec<_> = extras.iter().map(|x| (x.kind, x.amount)).collect();
        assert_eq!(
            parts,
            [
                (RefundKind::PlusDiscount, 7200),
                (RefundKind::OptionPackFree, 8280),
                (RefundKind::PlusCashback, 10000)
            ]
        );
        assert_eq!(extras[0].first_month, Some(m("2019-05")));
        assert_eq!(extras[2].earliest, Some(t.cash_earliest));
        // スタートサポート has no extras.
        let (r, dest) = destination("start-support", "");
        assert!(plus_extras(&r, &dest, &t, 0, &mut cx).expect("extras").is_empty());
    }
}
