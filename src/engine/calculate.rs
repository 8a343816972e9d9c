//! The whole calculation, data flowing one way: input (read and validated once, by
//! `validated`) → exit → charges → billing → campaign → totals (AU-11), deadlines
//! ([`super::deadlines`]), actions → the answer (presented by [`super::answer`], its
//! explanations' sources by [`super::sources`]); `compareExitMonths` is
//! [`super::compare`], `exportCalendar` [`export_calendar`].

use super::answer::*;
pub use super::compare::compare_exit_months;
use crate::engine::actions;
use crate::engine::billing::{self, Billed};
use crate::engine::campaign::{self, CampaignOutcome};
use crate::engine::charges;
use crate::engine::context::Ctx;
use crate::engine::deadlines;
use crate::engine::exit::{self, ExitPlan};
use crate::engine::output::*;
use crate::engine::sources;
use crate::engine::Mode;
use crate::error::{CalcError, ErrorCode, InputError};
use crate::input::{self, Scenario};
use crate::rules::On;
use crate::rules::{ymd_str, Confidence, OPEN_END};
use crate::text::{yen, Lang};
use crate::wire::json::Json;

/// What a boundary call returns: a result or the list of input problems.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer<T> {
    Ok(T),
    Err(Failure),
}

pub(crate) fn fail(lang: Lang, errors: Vec<InputError>) -> Failure {
    Failure { ok: false, errors: errors.iter().map(|e| e.to_output(lang)).collect() }
}

pub(crate) fn internal(lang: Lang, e: CalcError) -> Failure {
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
pub(crate) struct Core {
    pub plan: ExitPlan,
    pub billed: Vec<Billed>,
    pub camp: Option<CampaignOutcome>,
}

pub(crate) fn core(s: &Scenario, cx: &mut Ctx) -> Result<Core, CalcError> {
    let plan = exit::plan(s, Mode::Answer, cx)?;
    let exit_charges = charges::exit_charges(s, &plan, cx)?;
    let mut all = charges::monthly_fees(s, &plan);
    all.extend(exit_charges.iter().cloned());
    let billed = billing::bill(s, all, cx)?;
    let camp = campaign::run(s, &plan, &exit_charges, Mode::Answer, cx)?;
    if !cx.errors.is_empty() {
        return Err(CalcError::Input(std::mem::take(&mut cx.errors)));
    }
    Ok(Core { plan, billed, camp })
}

/// Reads and validates a request, once, at the engine's door: the scenario every stage
/// works on, or the failure that lists every input problem. Nothing past the door sees
/// the JSON.
pub(crate) fn validated(input: &Json) -> Result<Scenario, Failure> {
    input::read(input).map_err(|(lang, errors)| fail(lang, errors))
}

pub fn calculate(input: &Json) -> Answer<Calculation> {
    let s = match validated(input) {
        Ok(s) => s,
        Err(f) => return Answer::Err(f),
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
        if let Some(closed) = crate::calendar::parse_date(r.text(
            "product.closed-to-new",
            On::contract(s.current.contract_date),
            &mut cx.trace,
            Lang::En,
        )?) {
            if s.current.contract_date > closed {
                let (name_ja, name_en) = (&r.set.name.ja, &r.set.name.en);
                let next = r
                    .words(
                        "product.successor",
                        On::contract(s.current.contract_date),
                        &mut cx.trace,
                        lang,
                    )?
                    .map(|w| if lang == Lang::Ja { format!("（{w}）") } else { format!(" ({w})") })
                    .unwrap_or_default();
                cx.warn_with_field(
                    "product-closed",
                    "SN-7",
                    "current.contractDate",
                    || format!("{name_ja}は{closed}で新規受付を終えています。{}に申し込んだ契約は別の商品{next}かもしれません。契約内容を確認してください。", s.current.contract_date),
                    || format!("{name_en} closed to new sign-ups on {closed}; a contract applied for on {} is probably another product{next}. Check your contract.", s.current.contract_date),
                );
            }
        }
    }
    // SN-15, always.
    let p = s.current.short_name(lang);
    cx.explain(
        "SN-15",
        || format!("退会すると{p}のセキュリティソフトなどのオプションサービスも終わるため、新しいソフトを入れる前にアンインストールします。"),
        || format!("Optional services such as {p}'s security software end with the exit: uninstall it before installing another."),
    );
    cx.warn(
        "uninstall-security-software",
        "SN-15",
        || format!(
            "{p}のセキュリティソフトは、新しいソフトを入れる前にアンインストールしてください。オプションサービスは退会とともに終わります。"
        ),
        || format!("Uninstall {p}'s security software before installing another; optional services end with the exit."),
    );
    // Every unverified value read (rules data, Confidence::Low) is named.
    let low: Vec<_> = cx
        .trace
        .used
        .iter()
        .filter(|(_, p)| p.confidence == Confidence::Low)
        .map(|(set, p)| (*set, *p))
        .collect();
    for (set, p) in low {
        let (nj, ne) = p.note.map(|n| (n.ja, n.en)).unwrap_or(("", ""));
        let rule: &'static str = p.rule;
        cx.warn(
            "rule-unverified",
            rule,
            || format!("未確認の値を使っています（{}、{rule}）: {nj}", set.name.ja),
            || format!("An unverified value is used ({}, {rule}): {ne}", set.name.en),
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
    let totals = Totals {
        charges: total_charges,
        refunds: total_refunds,
        net: total_charges.saturating_sub(total_refunds),
    };
    // AU-11 is the net cost of a switch: explained when a destination was entered.
    if s.destination.is_some() {
        cx.explain(
            "AU-11",
            || {
                format!(
                    "乗り換えの実質負担 = 退会時の請求 {}円 − 還元・割引 {}円 = {}円。",
                    yen(totals.charges),
                    yen(totals.refunds),
                    yen(totals.net)
                )
            },
            || {
                format!(
                    "Net switching cost = exit charges {} yen − refunds and discounts {} yen = {} yen.",
                    yen(totals.charges),
                    yen(totals.refunds),
                    yen(totals.net)
                )
            },
        );
    }

    let deadlines = deadlines::deadlines(s, &plan, camp.as_ref(), &cx);

    let actions = actions::build(s, &plan, &billed, camp.as_ref(), &mut cx)?;
    let timeline = timeline(s, &plan, &charges, &refunds, &deadlines, lang);
    let cashflow = cashflow(&charges, &refunds);

    let (explanations, sources) = sources::explanations(s, &cx, camp.as_ref());

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
        campaign::Chosen::Ended(campaign::Ended { in_force: Some((c, r)), .. }) => {
            Some(CampaignInForceOut {
                campaign: c.code(),
                id: r.set.id,
                name: lang.pick(r.set.name.ja, r.set.name.en),
                since: ymd_str(r.set.since),
                until: (r.set.until != OPEN_END).then(|| ymd_str(r.set.until)),
            })
        }
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
            .map(|w| WarningOut {
                code: w.code,
                rule: w.rule,
                message: lang.dates(&w.text),
                field: w.field,
            })
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

/// `exportCalendar(input, now)`: the request read and validated once, like
/// [`calculate`]; then [`export_scenario`]. The events' UIDs hash the request as given
/// ([`crate::wire::ics::scenario_hash`]: key order and `lang` left out), so the hash is
/// taken here, beside the reading, and only it goes on with the scenario.
pub fn export_calendar(input: &Json, now: &str) -> Answer<CalendarOut> {
    match validated(input) {
        Ok(s) => export_scenario(&s, crate::wire::ics::scenario_hash(input), now),
        Err(f) => Answer::Err(f),
    }
}

/// A validated scenario's calculation as an iCalendar file (see [`crate::wire::ics`]):
/// `uid_hash` makes the events' UIDs, `now` (`20261125T093000Z`) is the DTSTAMP.
pub fn export_scenario(s: &Scenario, uid_hash: u64, now: &str) -> Answer<CalendarOut> {
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
    match calculate_scenario(s) {
        Ok(c) => {
            // The number of events from the writer itself: a text search for BEGIN:VEVENT
            // would bring a substring searcher and its panic messages into the wasm.
            let (ics, events) = crate::wire::ics::calendar(&c, uid_hash, now, s.lang == Lang::Ja);
            Answer::Ok(CalendarOut {
                ok: true,
                ics,
                filename: format!("norikae-{}.ics", c.exit.month),
                events,
            })
        }
        Err(e) => Answer::Err(internal(s.lang, e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::scenario;

    const SONET: &str = r#"{ "applicationDate": "2019-05-10", "current": { "provider": "so-net-hikari-plus", "serviceStart": "2016-01-20" } }"#;

    #[test]
    fn the_export_takes_a_validated_scenario_and_the_uid_hash_it_is_given() {
        let s = scenario(SONET);
        let Answer::Ok(c) = export_scenario(&s, 0xabc, "20261125T093000Z") else {
            panic!("no calendar")
        };
        assert!(c.ics.contains("-0000000000000abc@norikae"), "{}", c.ics);
        assert_eq!(c.filename, "norikae-2019-05.ics");
        let Answer::Err(f) = export_scenario(&s, 0xabc, "2026-11-25") else {
            panic!("a bad stamp accepted")
        };
        assert_eq!(f.errors[0].field, "now");
    }

    #[test]
    fn the_door_hashes_the_request_as_given_and_reads_it_once() {
        let mut de = serde_json::Deserializer::from_str(SONET);
        let json = crate::wire::json::read(&mut de).expect("JSON");
        let hash = crate::wire::ics::scenario_hash(&json);
        assert_eq!(
            export_calendar(&json, "20261125T093000Z"),
            export_scenario(&validated(&json).expect("valid"), hash, "20261125T093000Z")
        );
        assert!(matches!(export_calendar(&Json::Null, "20261125T093000Z"), Answer::Err(_)));
    }
}
