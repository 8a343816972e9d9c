//! The answer's presentation: what the reader sees around the figures, built from the
//! engine's results — the 0円 note, presets, which rules a figure rests on (and whether an
//! unverified value is among them), rule sets' "as of" dates, the timeline and the cash flow.
//!
//! Computes no exit, charge or refund (that is the pipeline in [`super::calculate`]).

use crate::calendar::Month;
use crate::engine::context::Ctx;
use crate::engine::exit::ExitPlan;
use crate::engine::output::*;
use crate::error::CalcError;
use crate::input::Scenario;
use crate::rules::On;
use crate::rules::{ymd_str, Confidence, OPEN_END};
use crate::text::{yen, Lang};

/// A chosen campaign that pays no fee refund (AU-1 … AU-7): "0円（対象外）" and why, from
/// the warnings that stopped it (each in short words), else because nothing it covers
/// was charged. (The mobile part, AU-9, may still pay: its own line says so.)
pub(crate) fn refund_note(s: &Scenario, cx: &Ctx, refunds: &[RefundOut]) -> Option<RefundNoteOut> {
    let d = s.destination.as_ref()?;
    if d.campaign == crate::input::Campaign::None || refunds.iter().any(|r| r.rule == "AU-5") {
        return None;
    }
    let lang = s.lang;
    let p = &s.current.rules.set.name;
    let mut reasons: Vec<String> = Vec::new();
    let mut first: Option<(&'static str, Option<&'static str>)> = None;
    for w in &cx.warnings {
        let (ja, en): (String, String) = match w.code {
            "campaign-version-ended" => (
                "キャンペーンがこの申込日には行われていない".into(),
                "the campaign did not run on that application date".into(),
            ),
            "source-not-eligible" => (
                format!("乗り換え元の{}が対象外", p.ja),
                format!("the source line, {}, is excluded", p.en),
            ),
            "plan-not-eligible" => {
                ("auひかりのプランが対象外".into(), "the au Hikari plan is not eligible".into())
            }
            "isp-not-eligible" => ("プロバイダが対象外".into(), "the ISP is not eligible".into()),
            "phone-options-missing" => (
                "auひかり電話とオプションパックがない".into(),
                "the au Hikari phone and option pack are missing".into(),
            ),
            "application-after-deadline" | "statement-after-deadline" => {
                ("申請期限に間に合わない".into(), "the application cannot arrive in time".into())
            }
            _ => continue,
        };
        first.get_or_insert((w.rule, w.field));
        let r = lang.say(ja, en);
        if !reasons.contains(&r) {
            reasons.push(r);
        }
    }
    if reasons.is_empty() {
        reasons.push(lang.say(
            "還元の対象になる費用（契約解除料など）が0円".into(),
            "no covered fee (such as a cancellation fee) is charged".into(),
        ));
    }
    let (rule, field) = first.unwrap_or(("AU-5", None));
    let reasons: Vec<&str> = reasons.iter().map(String::as_str).collect();
    let text = match lang {
        Lang::Ja => format!(
            "契約解除料の還元は0円（対象外）です。理由: {}。",
            crate::text::join(&reasons, "、")
        ),
        Lang::En => format!(
            "The fee refund is 0 yen (not eligible): {}.",
            crate::text::join(&reasons, "; ")
        ),
    };
    Some(RefundNoteOut { amount: 0, rule, text, field })
}

/// Construction installments the provider's data offers for this contract date
/// (So-net contracts from 2022-07: 23 installments), for the page to propose.
pub(crate) fn presets(s: &Scenario, cx: &mut Ctx) -> Result<Vec<PresetOut>, CalcError> {
    let r = s.current.rules;
    let at = s.current.contract_date;
    let d = crate::rules::ymd(at);
    if !r.set.params.iter().any(|p| p.key == "construction.preset" && p.since <= d && d <= p.until)
    {
        return Ok(Vec::new());
    }
    let first = r.need("construction.preset", "first", On::contract(at), &mut cx.trace)?;
    let monthly = r.need("construction.preset", "monthly", On::contract(at), &mut cx.trace)?;
    let n = r.need("construction.preset", "installments", On::contract(at), &mut cx.trace)?;
    let lang = s.lang;
    Ok(vec![PresetOut {
        kind: "construction",
        rule: "SN-8",
        label: lang.say(
            format!(
                "2022年7月以降の契約の工事費: 初回{}円 + {}円 × {}回",
                yen(first),
                yen(monthly),
                n - 1
            ),
            format!(
                "Construction for contracts from July 2022: {} yen, then {} yen × {}",
                yen(first),
                yen(monthly),
                n - 1
            ),
        ),
        construction: ConstructionOut {
            monthly_installment: monthly,
            installments: n,
            first_installment: first,
        },
    }])
}

/// Whether any unverified value (Confidence::Low) read so far belongs to one of `rules`.
pub(crate) fn unverified(cx: &Ctx, rules: &[&str]) -> bool {
    cx.trace.used.iter().any(|(_, p)| p.confidence == Confidence::Low && rules.contains(&p.rule))
}

/// The rules a charge's amount and date rest on.
pub(crate) fn charge_rules(kind: &str) -> &'static [&'static str] {
    match kind {
        "monthly-fee" => &["SN-1", "SN-2", "SN-11", "SN-12"],
        "cancellation-fee" => &["SN-7", "SN-11", "SN-12"],
        "construction-remainder" => &["SN-8", "SN-11", "SN-12"],
        "cashback-clawback" => &["SN-9", "SN-11", "SN-12"],
        _ => &["SN-10", "SN-11", "SN-12"],
    }
}

/// The rules a refund's amount and date rest on.
pub(crate) fn refund_rules(kind: &str) -> &'static [&'static str] {
    match kind {
        "mobile-refund" => &["AU-1", "AU-6", "AU-7", "AU-9"],
        "plus-discount" | "option-pack-free" | "plus-cashback" => {
            &["AU-1", "AU-2", "AU-3", "AU-4", "AU-6", "AU-7", "AU-10"]
        }
        _ => &["AU-1", "AU-2", "AU-3", "AU-4", "AU-5", "AU-6", "AU-7"],
    }
}

/// The rules that decided the exit month, for its 根拠.
pub(crate) fn exit_rules(s: &Scenario, p: &ExitPlan) -> Vec<&'static str> {
    use crate::input::{Channel, Customer, Removal};
    let mut r = vec!["SN-1"];
    r.push(match (s.current.channel, s.current.customer) {
        (Channel::ProviderSwitch, _) => "SN-4",
        (_, Customer::Corporate) => "SN-3",
        _ => "SN-2",
    });
    if s.current.removal != Removal::None && s.current.channel != Channel::ProviderSwitch {
        r.push("SN-5");
    }
    if p.analog_deadline.is_some()
        || s.current.phone.keep_number && s.current.channel != Channel::ProviderSwitch
    {
        r.push("SN-6");
    }
    r
}

pub(crate) fn set_out(set: &crate::rules::RuleSet, lang: Lang) -> RuleSetOut {
    RuleSetOut {
        id: set.id,
        name: lang.pick(set.name.ja, set.name.en),
        checked: ymd_str(set.checked),
        since: ymd_str(set.since),
        until: (set.until != OPEN_END).then(|| ymd_str(set.until)),
    }
}

/// `SN-2` < `SN-10` < `AU-1`: the SPEC's order.
pub(crate) fn rule_order(rule: &str) -> (u8, u32) {
    let (p, n) = rule.split_once('-').unwrap_or((rule, "0"));
    (if p == "SN" { 0 } else { 1 }, crate::text::digits_value(n).unwrap_or(0))
}

pub(crate) fn timeline(
    s: &Scenario,
    p: &ExitPlan,
    charges: &[ChargeOut],
    refunds: &[RefundOut],
    deadlines: &[DeadlineOut],
    lang: Lang,
) -> Vec<TimelineOut> {
    let mut t = Vec::new();
    let mypage = s.current.rules.has("statement.how");
    let mut add = |date, kind, rule, label: String, amount| {
        t.push(TimelineOut { date, kind, label, rule, amount })
    };
    // The rule that decided the window the request opens (SN-2, or SN-3/SN-4).
    let rule = exit_rules(s, p).get(1).copied().unwrap_or("SN-2");
    add(p.window.a, "application", rule, lang.pick("退会の申請", "Exit request").into(), None);
    if let Some(d) = p.removal_date {
        add(
            d,
            "removal-visit",
            "SN-5",
            lang.pick("撤去工事の立ち会い", "Removal visit").into(),
            None,
        );
    }
    if let Some(d) = &s.destination {
        add(
            d.start_date,
            "au-start",
            "AU-7",
            lang.pick("auひかり開通", "au Hikari starts").into(),
            None,
        );
    }
    add(
        p.last_service_day,
        "last-service-day",
        "SN-1",
        lang.pick("最終利用日", "Last day of service").into(),
        None,
    );
    add(
        p.completion_date,
        "completion",
        "SN-1",
        lang.pick("退会完了（0時）", "Exit completes (00:00)").into(),
        None,
    );
    let mut billed: Vec<Month> = charges.iter().map(|c| c.billed_month).collect();
    billed.dedup();
    for m in billed {
        let sum: i64 = charges.iter().filter(|c| c.billed_month == m).map(|c| c.amount).sum();
        if let Some(d) = m.first_day() {
            add(
                d,
                "bill",
                "SN-11",
                lang.say(format!("{m}の請求"), format!("Bill for {m}")),
                Some(sum),
            );
        }
        if let Some(due) = charges.iter().find(|c| c.billed_month == m).and_then(|c| c.due) {
            add(
                due,
                "payment-due",
                "SN-12",
                lang.say(format!("{m}請求分の支払日"), format!("Payment of the {m} bill")),
                Some(sum),
            );
        }
    }
    let completion_month = Month::of(p.completion_date);
    if let Some(d) = completion_month.plus(1).first_day() {
        if charges.iter().any(|c| c.month == completion_month) {
            add(
                d,
                "statement-available",
                "SN-10",
                if mypage {
                    lang.pick("明細書をマイページで印刷できる", "Statement printable on MyPage")
                } else {
                    lang.pick("明細書が出る（請求月）", "Statement issued (billed month)")
                }
                .into(),
                None,
            );
        }
    }
    for r in refunds {
        if let Some(d) = r.earliest {
            add(d, "refund", r.rule, r.label.into(), Some(r.amount));
        } else if let Some(d) = r.first_month.and_then(Month::first_day) {
            add(d, "refund", r.rule, r.label.into(), Some(r.amount));
        }
    }
    // A campaign that pays nothing has no deadline worth a reader's diary (the answer's
    // `deadlines` still list them, as CONTRACT says).
    for d in deadlines.iter().filter(|d| !(refunds.is_empty() && d.rule.starts_with("AU-"))) {
        add(d.date, d.kind, d.rule, d.label.into(), None);
    }
    crate::text::sort_by_key(&mut t, |x| x.date);
    t
}

/// Money out (by billed month) and in (cash by its earliest date, bill discounts
/// spread over their months) per month.
pub(crate) fn cashflow(charges: &[ChargeOut], refunds: &[RefundOut]) -> Vec<CashflowOut> {
    let mut rows: Vec<CashflowOut> = Vec::new();
    let mut add = |m: Month, out: i64, inflow: i64| match rows.iter_mut().find(|r| r.month == m) {
        Some(r) => {
            r.out = r.out.saturating_add(out);
            r.inflow = r.inflow.saturating_add(inflow);
        }
        None => rows.push(CashflowOut { month: m, out, inflow }),
    };
    for c in charges {
        add(c.billed_month, c.amount, 0);
    }
    for r in refunds {
        match (r.earliest, r.first_month, r.months) {
            (Some(d), _, _) => add(Month::of(d), 0, r.amount),
            (None, Some(first), Some(n)) if n > 0 => {
                let per = r.amount / n;
                for i in 0..n.min(600) {
                    let part = if i == n - 1 { r.amount - per * (n - 1) } else { per };
                    add(first.plus(i as i32), 0, part);
                }
            }
            _ => {}
        }
    }
    crate::text::sort_by_key(&mut rows, |r| r.month);
    rows
}
