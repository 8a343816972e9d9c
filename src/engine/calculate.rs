//! The whole calculation, data flowing one way: input → exit → charges → billing →
//! campaign → deadlines, actions, totals (AU-11) → plain output objects. Also
//! `compareExitMonths`: the same pipeline once per candidate exit month.

use crate::calendar::Month;
use crate::engine::actions;
use crate::engine::billing::{self, Billed};
use crate::engine::campaign::{self, Acceptance, CampaignOutcome};
use crate::engine::charges;
use crate::engine::context::Ctx;
use crate::engine::exit::{self, ExitPlan};
use crate::error::{CalcError, ErrorCode, InputError};
use crate::input::{self, Scenario};
use crate::rules::{ymd_str, Confidence, OPEN_END};
use crate::text::{yen, Lang};
use crate::wire::json::Json;
use crate::wire::output::*;

/// What a boundary call returns: a result or the list of input problems.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer<T> {
    Ok(T),
    Err(Failure),
}

fn fail(lang: Lang, errors: Vec<InputError>) -> Failure {
    Failure { ok: false, errors: errors.iter().map(|e| e.to_output(lang)).collect() }
}

fn internal(lang: Lang, e: CalcError) -> Failure {
    match e {
        CalcError::Input(v) => fail(lang, v),
        CalcError::RuleMissing(what) => fail(
            lang,
            vec![InputError::new(
                "",
                ErrorCode::Internal,
                format!("計算機の不具合です: 規則データに不足があります（{what}）。",),
                format!("a fault of the calculator: the rule data is incomplete ({what})."),
            )],
        ),
        CalcError::DateOverflow => fail(
            lang,
            vec![InputError::new(
                "",
                ErrorCode::Internal,
                "計算機の不具合です: 日付が計算できる範囲を超えました。",
                "a fault of the calculator: a date went out of the computable range.",
            )],
        ),
    }
}

/// The exit, its charges and the campaign, with every input problem found on the way.
struct Core {
    plan: ExitPlan,
    billed: Vec<Billed>,
    camp: Option<CampaignOutcome>,
}

fn core(s: &Scenario, cx: &mut Ctx) -> Result<Core, CalcError> {
    let plan = exit::plan(s, None, true, cx)?;
    let exit_charges = charges::exit_charges(s, &plan, cx)?;
    let mut all = charges::monthly_fees(s, &plan);
    all.extend(exit_charges.iter().cloned());
    let billed = billing::bill(s, all, cx)?;
    let camp = campaign::run(s, &plan, &exit_charges, Acceptance::AsGiven, cx)?;
    if !cx.errors.is_empty() {
        return Err(CalcError::Input(std::mem::take(&mut cx.errors)));
    }
    Ok(Core { plan, billed, camp })
}

pub fn calculate(input: &Json) -> Answer<Calculation> {
    let s = match input::read(input) {
        Ok(s) => s,
        Err((lang, errors)) => return Answer::Err(fail(lang, errors)),
    };
    match calculate_scenario(&s) {
        Ok(c) => Answer::Ok(c),
        Err(e) => Answer::Err(internal(s.lang, e)),
    }
}

fn calculate_scenario(s: &Scenario) -> Result<Calculation, CalcError> {
    let lang = s.lang;
    let mut cx = Ctx::for_scenario(s);
    let Core { plan, billed, camp } = core(s, &mut cx)?;

    // The product closed to new sign-ups: a later contract is probably another product.
    if s.current.rules.has("product.closed-to-new") {
        let r = s.current.rules;
        if let Some(closed) =
            crate::calendar::parse_date(r.text("product.closed-to-new", s.current.contract_date, &mut cx.trace, Lang::En)?)
        {
            if s.current.contract_date > closed {
                let (name_ja, name_en) = (&r.set.name.ja, &r.set.name.en);
                let next = actions::words(s, "product.successor", &mut cx)?
                    .map(|w| if lang == Lang::Ja { format!("（{w}）") } else { format!(" ({w})") })
                    .unwrap_or_default();
                crate::warn!(cx, "product-closed", "SN-7", format!("{name_ja}は{closed}で新規受付を終えています。{}に申し込んだ契約は別の商品{next}かもしれません。契約内容を確認してください。", s.current.contract_date), format!("{name_en} closed to new sign-ups on {closed}; a contract applied for on {} is probably another product{next}. Check your contract.", s.current.contract_date), field = "current.contractDate");
            }
        }
    }
    // SN-15, always.
    let p = s.current.short_name(lang);
    crate::explain!(
        cx,
        "SN-15",
        format!("退会すると{p}のセキュリティソフトなどのオプションサービスも終わるため、新しいソフトを入れる前にアンインストールします。"),
        format!("Optional services such as {p}'s security software end with the exit: uninstall it before installing another.")
    );
    crate::warn!(
        cx,
        "uninstall-security-software",
        "SN-15",
        format!(
            "{p}のセキュリティソフトは、新しいソフトを入れる前にアンインストールしてください。オプションサービスは退会とともに終わります。"
        ),
        format!("Uninstall {p}'s security software before installing another; optional services end with the exit.")
    );
    // Every unverified value read (rules data, Confidence::Low) is named.
    let low: Vec<_> = cx.trace.used.iter().filter(|(_, p)| p.confidence == Confidence::Low).map(|(set, p)| (*set, *p)).collect();
    for (set, p) in low {
        let (nj, ne) = p.note.map(|n| (n.ja, n.en)).unwrap_or(("", ""));
        let rule: &'static str = p.rule;
        crate::warn!(
            cx,
            "rule-unverified",
            rule,
            format!("未確認の値を使っています（{}、{rule}）: {nj}", set.name.ja),
            format!("An unverified value is used ({}, {rule}): {ne}", set.name.en)
        );
    }

    let charges: Vec<ChargeOut> = billed
        .iter()
        .map(|b| ChargeOut {
            kind: b.charge.kind.code(),
            amount: b.charge.amount,
            month: b.charge.month,
            billed_month: b.billed_month,
            due: b.due,
            slip_arrives: b.slip_arrives,
            label: b.label,
            rule: b.charge.kind.rule(),
            name: lang.pick(b.charge.kind.label().0, b.charge.kind.label().1),
            unverified: unverified(&cx, charge_rules(b.charge.kind.code())),
        })
        .collect();
    let refunds: Vec<RefundOut> = camp
        .iter()
        .flat_map(|k| k.refunds.iter())
        .filter(|r| r.amount > 0)
        .map(|r| RefundOut {
            kind: r.kind.code(),
            amount: r.amount,
            method: r.method.code(),
            earliest: r.earliest,
            latest: r.latest,
            months: r.months,
            first_month: r.first_month,
            latest_first_month: r.latest_first_month,
            rule: r.kind.rule(),
            label: lang.pick(r.kind.label().0, r.kind.label().1),
            unverified: unverified(&cx, refund_rules(r.kind.code())),
        })
        .collect();
    let refund_note = refund_note(s, &cx, &refunds);
    let total_charges = charges.iter().fold(0i64, |a, c| a.saturating_add(c.amount));
    let total_refunds = refunds.iter().fold(0i64, |a, r| a.saturating_add(r.amount));
    let totals = Totals { charges: total_charges, refunds: total_refunds, net: total_charges.saturating_sub(total_refunds) };
    // AU-11 is the net cost of a switch: explained when a destination was entered.
    if s.destination.is_some() {
        crate::explain!(
            cx,
            "AU-11",
            format!(
                "乗り換えの実質負担 = 退会時の請求 {}円 − 還元・割引 {}円 = {}円。",
                yen(totals.charges),
                yen(totals.refunds),
                yen(totals.net)
            ),
            format!(
                "Net switching cost = exit charges {} yen − refunds and discounts {} yen = {} yen.",
                yen(totals.charges),
                yen(totals.refunds),
                yen(totals.net)
            )
        );
    }

    // Deadlines, in CONTRACT's order.
    let mut deadlines = Vec::new();
    // "MyPage" is So-net's word: said only for a provider whose data prints statements there.
    let mypage = s.current.rules.has("statement.how");
    let dl = |kind, date, rule, ja, en| DeadlineOut {
        kind,
        date,
        rule,
        label: lang.pick(ja, en),
        unverified: unverified(&cx, &[rule, if rule.starts_with("AU") { "AU-1" } else { rule }]),
    };
    if let Some(k) = &camp {
        deadlines.push(dl("au-application", k.application_deadline, "AU-7", "auひかりの申請期限", "au Hikari application deadline"));
    }
    deadlines.push(dl(
        "statement-print",
        plan.mypage_until,
        "SN-13",
        if mypage { "明細書を印刷できる期限（マイページ）" } else { "会員ページを見られる期限" },
        if mypage { "Last day to print the statement (MyPage)" } else { "Last day of the member pages" },
    ));
    if let Some(d) = plan.analog_deadline {
        deadlines.push(dl("analog-return", d, "SN-6", "アナログ戻しの期限", "Analog-return deadline"));
    }
    if let Some(d) = plan.removal_deadline {
        deadlines.push(dl(
            "removal-application",
            d,
            "SN-5",
            "撤去工事ありで退会月を守る申込期限",
            "Apply by (to keep the month with removal)",
        ));
    }
    if let Some(k) = &camp {
        deadlines.push(dl("au-commitment-end", k.commitment_end, "AU-8", "キャンペーン利用期間の終わり", "End of the campaign commitment"));
    }

    let actions = actions::build(s, &plan, &billed, camp.as_ref(), &mut cx)?;
    let timeline = timeline(s, &plan, &charges, &refunds, &deadlines, lang);
    let cashflow = cashflow(&charges, &refunds);

    let mut explanations: Vec<ExplanationOut> =
        cx.explanations.iter().map(|e| ExplanationOut { rule: e.rule, text: lang.dates(&e.text), sources: Vec::new() }).collect();
    let mut sources: Vec<SourceOut> = Vec::new();
    let mut cite = |e: &mut ExplanationOut, src: &crate::rules::Source| {
        let id = match sources.iter().find(|x| x.url == src.url) {
            Some(x) => x.id.clone(),
            None => {
                let id = if sources.iter().any(|x| x.id == src.id) { format!("{}-{}", src.id, sources.len()) } else { src.id.to_string() };
                sources.push(SourceOut { id: id.clone(), title: src.title, url: src.url, kind: src.kind, checked: ymd_str(src.checked) });
                id
            }
        };
        if !e.sources.contains(&id) {
            e.sources.push(id);
        }
    };
    for (set, p) in &cx.trace.used {
        if let Some(e) = explanations.iter_mut().find(|e| e.rule == p.rule) {
            for &i in p.sources {
                if let Some(src) = set.sources.get(usize::from(i)) {
                    cite(e, src);
                }
            }
        }
    }
    // A rule whose figure rests on no dated value (SN-1's month-end, SN-10's proof)
    // still cites its source: the seed article of the set it belongs to.
    let camp_set = camp.as_ref().map(|k| k.rules.set);
    for e in explanations.iter_mut().filter(|e| e.sources.is_empty()) {
        let set = if e.rule.starts_with("AU-") { camp_set.unwrap_or(s.current.rules.set) } else { s.current.rules.set };
        let prefix = if e.rule.starts_with("AU-") { "seeds/002" } else { "seeds/000" };
        for src in set.sources.iter().filter(|x| x.kind == "seed" && x.url.starts_with(prefix)) {
            cite(e, src);
        }
    }
    crate::text::sort_by_key(&mut explanations, |e| rule_order(e.rule));

    let mut rules = vec![set_out(s.current.rules.set, lang)];
    let campaign = camp.as_ref().map(|k| {
        rules.push(set_out(k.rules.set, lang));
        CampaignOut {
            id: k.rules.set.id,
            name: lang.pick(k.rules.set.name.ja, k.rules.set.name.en),
            since: ymd_str(k.rules.set.since),
            until: (k.rules.set.until != OPEN_END).then(|| ymd_str(k.rules.set.until)),
            acceptance: k.acceptance,
            earliest_acceptance: k.earliest_acceptance,
        }
    });
    let campaign_in_force = match campaign::chosen(s)? {
        campaign::Chosen::Ended(campaign::Ended { in_force: Some((c, r)), .. }) => Some(CampaignInForceOut {
            campaign: c.code(),
            id: r.set.id,
            name: lang.pick(r.set.name.ja, r.set.name.en),
            since: ymd_str(r.set.since),
            until: (r.set.until != OPEN_END).then(|| ymd_str(r.set.until)),
        }),
        _ => None,
    };
    let p = &plan;
    let presets = presets(s, &mut cx)?;
    Ok(Calculation {
        ok: true,
        exit: ExitOut {
            month: p.month,
            last_service_day: p.last_service_day,
            completion_date: p.completion_date,
            contract_month: p.contract_month,
            in_renewal_window: p.in_renewal_window,
            next_renewal_window: [p.next_renewal_window.0, p.next_renewal_window.1],
            earliest_month: p.window.earliest,
            latest_month: p.window.latest,
            chosen_month: p.chosen,
            shifted_by: p.shifted_by.map(|x| x.code()),
            extra_months: p.extra_months,
            removal_date: p.removal_date,
            earliest_removal_date: p.earliest_removal_date,
            mypage_until: p.mypage_until,
            effective_application_date: p.window.a,
            rules: exit_rules(s, p),
        },
        charges,
        refunds,
        deadlines,
        warnings: cx
            .warnings
            .iter()
            .map(|w| WarningOut { code: w.code, rule: w.rule, message: lang.dates(&w.text), field: w.field })
            .collect(),
        totals,
        explanations,
        sources,
        actions,
        timeline,
        cashflow,
        rules,
        campaign,
        campaign_in_force,
        refund_note,
        presets,
    })
}

/// A chosen campaign that pays no fee refund (AU-1 … AU-7): "0円（対象外）" and why, from
/// the warnings that stopped it (each in short words), else because nothing it covers
/// was charged. (The mobile part, AU-9, may still pay: its own line says so.)
fn refund_note(s: &Scenario, cx: &Ctx, refunds: &[RefundOut]) -> Option<RefundNoteOut> {
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
            "campaign-version-ended" => {
                ("キャンペーンがこの申込日には行われていない".into(), "the campaign did not run on that application date".into())
            }
            "source-not-eligible" => (format!("乗り換え元の{}が対象外", p.ja), format!("the source line, {}, is excluded", p.en)),
            "plan-not-eligible" => ("auひかりのプランが対象外".into(), "the au Hikari plan is not eligible".into()),
            "isp-not-eligible" => ("プロバイダが対象外".into(), "the ISP is not eligible".into()),
            "phone-options-missing" => {
                ("auひかり電話とオプションパックがない".into(), "the au Hikari phone and option pack are missing".into())
            }
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
        reasons.push(
            lang.say("還元の対象になる費用（契約解除料など）が0円".into(), "no covered fee (such as a cancellation fee) is charged".into()),
        );
    }
    let (rule, field) = first.unwrap_or(("AU-5", None));
    let reasons: Vec<&str> = reasons.iter().map(String::as_str).collect();
    let text = match lang {
        Lang::Ja => format!("契約解除料の還元は0円（対象外）です。理由: {}。", crate::text::join(&reasons, "、")),
        Lang::En => format!("The fee refund is 0 yen (not eligible): {}.", crate::text::join(&reasons, "; ")),
    };
    Some(RefundNoteOut { amount: 0, rule, text, field })
}

/// Construction installments the provider's data offers for this contract date
/// (So-net contracts from 2022-07: 23 installments), for the page to propose.
fn presets(s: &Scenario, cx: &mut Ctx) -> Result<Vec<PresetOut>, CalcError> {
    let r = s.current.rules;
    let at = s.current.contract_date;
    let d = crate::rules::ymd(at);
    if !r.set.params.iter().any(|p| p.key == "construction.preset" && p.since <= d && d <= p.until) {
        return Ok(Vec::new());
    }
    let first = r.need("construction.preset", "first", at, &mut cx.trace)?;
    let monthly = r.need("construction.preset", "monthly", at, &mut cx.trace)?;
    let n = r.need("construction.preset", "installments", at, &mut cx.trace)?;
    let lang = s.lang;
    Ok(vec![PresetOut {
        kind: "construction",
        rule: "SN-8",
        label: lang.say(
            format!("2022年7月以降の契約の工事費: 初回{}円 + {}円 × {}回", yen(first), yen(monthly), n - 1),
            format!("Construction for contracts from July 2022: {} yen, then {} yen × {}", yen(first), yen(monthly), n - 1),
        ),
        construction: ConstructionOut { monthly_installment: monthly, installments: n, first_installment: first },
    }])
}

/// Whether any unverified value (Confidence::Low) read so far belongs to one of `rules`.
fn unverified(cx: &Ctx, rules: &[&str]) -> bool {
    cx.trace.used.iter().any(|(_, p)| p.confidence == Confidence::Low && rules.contains(&p.rule))
}

/// The rules a charge's amount and date rest on.
fn charge_rules(kind: &str) -> &'static [&'static str] {
    match kind {
        "monthly-fee" => &["SN-1", "SN-2", "SN-11", "SN-12"],
        "cancellation-fee" => &["SN-7", "SN-11", "SN-12"],
        "construction-remainder" => &["SN-8", "SN-11", "SN-12"],
        "cashback-clawback" => &["SN-9", "SN-11", "SN-12"],
        _ => &["SN-10", "SN-11", "SN-12"],
    }
}

/// The rules a refund's amount and date rest on.
fn refund_rules(kind: &str) -> &'static [&'static str] {
    match kind {
        "mobile-refund" => &["AU-1", "AU-6", "AU-7", "AU-9"],
        "plus-discount" | "option-pack-free" | "plus-cashback" => &["AU-1", "AU-2", "AU-3", "AU-4", "AU-6", "AU-7", "AU-10"],
        _ => &["AU-1", "AU-2", "AU-3", "AU-4", "AU-5", "AU-6", "AU-7"],
    }
}

/// The rules that decided the exit month, for its 根拠.
fn exit_rules(s: &Scenario, p: &ExitPlan) -> Vec<&'static str> {
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
    if p.analog_deadline.is_some() || s.current.phone.keep_number && s.current.channel != Channel::ProviderSwitch {
        r.push("SN-6");
    }
    r
}

fn set_out(set: &crate::rules::RuleSet, lang: Lang) -> RuleSetOut {
    RuleSetOut {
        id: set.id,
        name: lang.pick(set.name.ja, set.name.en),
        checked: ymd_str(set.checked),
        since: ymd_str(set.since),
        until: (set.until != OPEN_END).then(|| ymd_str(set.until)),
    }
}

/// `SN-2` < `SN-10` < `AU-1`: the SPEC's order.
fn rule_order(rule: &str) -> (u8, u32) {
    let (p, n) = rule.split_once('-').unwrap_or((rule, "0"));
    (if p == "SN" { 0 } else { 1 }, crate::text::digits_value(n).unwrap_or(0))
}

fn timeline(
    s: &Scenario,
    p: &ExitPlan,
    charges: &[ChargeOut],
    refunds: &[RefundOut],
    deadlines: &[DeadlineOut],
    lang: Lang,
) -> Vec<TimelineOut> {
    let mut t = Vec::new();
    let mypage = s.current.rules.has("statement.how");
    let mut add = |date, kind, rule, label: String, amount| t.push(TimelineOut { date, kind, label, rule, amount });
    // The rule that decided the window the request opens (SN-2, or SN-3/SN-4).
    let rule = exit_rules(s, p).get(1).copied().unwrap_or("SN-2");
    add(p.window.a, "application", rule, lang.pick("退会の申請", "Exit request").into(), None);
    if let Some(d) = p.removal_date {
        add(d, "removal-visit", "SN-5", lang.pick("撤去工事の立ち会い", "Removal visit").into(), None);
    }
    if let Some(d) = &s.destination {
        add(d.start_date, "au-start", "AU-7", lang.pick("auひかり開通", "au Hikari starts").into(), None);
    }
    add(p.last_service_day, "last-service-day", "SN-1", lang.pick("最終利用日", "Last day of service").into(), None);
    add(p.completion_date, "completion", "SN-1", lang.pick("退会完了（0時）", "Exit completes (00:00)").into(), None);
    let mut billed: Vec<Month> = charges.iter().map(|c| c.billed_month).collect();
    billed.dedup();
    for m in billed {
        let sum: i64 = charges.iter().filter(|c| c.billed_month == m).map(|c| c.amount).sum();
        if let Some(d) = m.first_day() {
            add(d, "bill", "SN-11", lang.say(format!("{m}の請求"), format!("Bill for {m}")), Some(sum));
        }
        if let Some(due) = charges.iter().find(|c| c.billed_month == m).and_then(|c| c.due) {
            add(due, "payment-due", "SN-12", lang.say(format!("{m}請求分の支払日"), format!("Payment of the {m} bill")), Some(sum));
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
fn cashflow(charges: &[ChargeOut], refunds: &[RefundOut]) -> Vec<CashflowOut> {
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

pub fn compare_exit_months(input: &Json) -> Answer<Comparison> {
    let s = match input::read(input) {
        Ok(s) => s,
        Err((lang, errors)) => return Answer::Err(fail(lang, errors)),
    };
    match compare_scenario(&s) {
        Ok(c) => Answer::Ok(c),
        Err(e) => Answer::Err(internal(s.lang, e)),
    }
}

fn compare_scenario(s: &Scenario) -> Result<Comparison, CalcError> {
    // Validate like calculate, for the chosen or default exit month.
    let mut cx = Ctx::for_scenario(s);
    let Core { plan, .. } = core(s, &mut cx)?;
    let earliest = plan.window.earliest;
    let (_, (_, last)) = exit::renewal(s, earliest, &mut cx)?;
    let n = last.since(earliest).clamp(0, 39) + 1;
    let mut rows = Vec::with_capacity(n as usize);
    for i in 0..n {
        let m = earliest.plus(i);
        let mut rc = Ctx::for_scenario(s);
        rc.quiet = true;
        let p = exit::plan(s, Some(m), false, &mut rc)?;
        let ex = charges::exit_charges(s, &p, &mut rc)?;
        let exit_sum = ex.iter().fold(0i64, |a, c| a.saturating_add(c.amount));
        let charges = s.current.monthly_fee.saturating_mul(i64::from(i) + 1).saturating_add(exit_sum);
        let camp = campaign::run(s, &p, &ex, Acceptance::LaterOfGivenAndEarliest, &mut rc)?;
        let refunds = camp.iter().flat_map(|k| k.refunds.iter()).fold(0i64, |a, r| a.saturating_add(r.amount.max(0)));
        let reach = exit::reach(s, m, &mut rc)?;
        rows.push(Row {
            month: m,
            charges,
            refunds,
            net: charges.saturating_sub(refunds),
            months_paid_since_earliest: i,
            contract_month: p.contract_month,
            in_renewal_window: p.in_renewal_window,
            apply_from: reach.map(|r| r.0),
            apply_by: reach.map(|r| r.1),
        });
    }
    let best = rows.iter().min_by_key(|r| (r.net, r.month)).map(|r| r.month).unwrap_or(earliest);
    let pick = rows.iter().filter(|r| r.reachable()).min_by_key(|r| (r.net, r.month)).cloned();
    let recommended = pick.as_ref().map(|r| r.month).unwrap_or(best);
    let recommendation = recommend(s, &plan, &rows, pick.as_ref(), best);
    Ok(Comparison { ok: true, rows, best, recommended, recommendation })
}

/// The recommendation, in words that are true for this reader: the cheapest month they
/// can still reach, what it saves against the month they chose, and how to get there —
/// keep the application date and choose the month, or apply within the row's dates.
fn recommend(s: &Scenario, plan: &ExitPlan, rows: &[Row], pick: Option<&Row>, best: Month) -> String {
    let lang = s.lang;
    let Some(b) = pick else {
        return lang.say("どの月もいまからは間に合いません。".into(), "No month can be reached from the application date any more.".into());
    };
    let m = b.month;
    let net = yen(b.net);
    // The exit month this answer computed (after any SN-5/SN-6 shift).
    let mine = rows.iter().find(|r| r.month == plan.month);
    let save = mine.filter(|r| r.net > b.net).map(|r| (r.month, yen(r.net - b.net)));
    let a = s.application_date;
    let (mut ja, mut en) = match (b.apply_from, b.apply_by) {
        _ if m == plan.month => (format!("いちばん安いのは、この計算の{m}末の退会で、実質{net}円です。"), format!("Leaving at the end of {m}, as computed here, is cheapest: {net} yen net.")),
        (Some(from), Some(by)) if from <= a => (
            format!("いちばん安いのは{m}末の退会で、実質{net}円です。申請日はそのままで、退会月に{m}を選べます（{by}までに申し込めば間に合います）。"),
            format!("Leaving at the end of {m} is cheapest: {net} yen net. Keep the application date and choose {m} as the exit month (apply by {by})."),
        ),
        (Some(from), Some(by)) => (
            format!("{from}以降、{by}までに申し込めば{m}末に退会でき、実質{net}円でいちばん安くなります。"),
            format!("Apply on or after {from} and by {by} to leave at the end of {m}: {net} yen net, the cheapest."),
        ),
        _ => (
            format!("新しい回線の開通日を{m}にすると、実質{net}円でいちばん安くなります。"),
            format!("With the new line opening in {m}, the switch costs {net} yen net, the cheapest."),
        ),
    };
    if let Some((chosen, diff)) = save {
        ja.push_str(&format!("{chosen}末に退会するより{diff}円安くなります。"));
        en.push_str(&format!(" That is {diff} yen less than leaving at the end of {chosen}."));
    }
    if best != m {
        ja.push_str(&format!("（{best}末はもっと安くなりますが、いまからでは間に合いません。）"));
        en.push_str(&format!(" ({best} would cost less, but can no longer be reached.)"));
    }
    // Waiting costs the months' fees: without a monthly fee the rows count them as 0.
    if s.current.monthly_fee == 0 && m != plan.month {
        ja.push_str(
            "ただし毎月の利用料金が入力されていないため、待つあいだの月額料金を0円として比べています。入力すると正しく比べられます。",
        );
        en.push_str(" The monthly fee was not entered, so the months of waiting are counted at 0 yen; enter it for a true comparison.");
    }
    lang.say(ja, en)
}

/// `exportCalendar(input, now)`: the calculation as an iCalendar file (see [`crate::wire::ics`]).
pub fn export_calendar(input: &Json, now: &str) -> Answer<CalendarOut> {
    let s = match input::read(input) {
        Ok(s) => s,
        Err((lang, errors)) => return Answer::Err(fail(lang, errors)),
    };
    if !crate::wire::ics::valid_stamp(now) {
        return Answer::Err(fail(
            s.lang,
            vec![InputError::new(
                "now",
                ErrorCode::InvalidDate,
                "DTSTAMP は 20261125T093000Z の形式で渡してください。",
                "pass the time stamp as 20261125T093000Z.",
            )],
        ));
    }
    match calculate_scenario(&s) {
        Ok(c) => {
            // The number of events from the writer itself: a text search for BEGIN:VEVENT
            // would bring a substring searcher and its panic messages into the wasm.
            let (ics, events) = crate::wire::ics::calendar(&c, crate::wire::ics::scenario_hash(input), now, s.lang == Lang::Ja);
            Answer::Ok(CalendarOut { ok: true, ics, filename: format!("norikae-{}.ics", c.exit.month), events })
        }
        Err(e) => Answer::Err(internal(s.lang, e)),
    }
}
