//! Every charge at exit (SN-7 … SN-11, AU-11's "everything the current provider
//! charges"): the monthly fee of the exit month and of months a shift adds, the
//! cancellation fee, the construction remainder, the cashback clawback and the fee
//! statement. Each charge belongs to a month; billing (SN-11/SN-12) is added later.

use crate::calendar::Month;
use crate::engine::context::Ctx;
use crate::engine::exit::ExitPlan;
use crate::engine::renewal::renewal;
use crate::error::CalcError;
use crate::input::{Building, Scenario, Statement};
use crate::rules::On;
use crate::text::yen;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChargeKind {
    MonthlyFee,
    CancellationFee,
    ConstructionRemainder,
    CashbackClawback,
    StatementFee,
}

impl ChargeKind {
    pub fn code(self) -> &'static str {
        match self {
            ChargeKind::MonthlyFee => "monthly-fee",
            ChargeKind::CancellationFee => "cancellation-fee",
            ChargeKind::ConstructionRemainder => "construction-remainder",
            ChargeKind::CashbackClawback => "cashback-clawback",
            ChargeKind::StatementFee => "statement-fee",
        }
    }
    pub fn rule(self) -> &'static str {
        match self {
            ChargeKind::MonthlyFee => "SN-1",
            ChargeKind::CancellationFee => "SN-7",
            ChargeKind::ConstructionRemainder => "SN-8",
            ChargeKind::CashbackClawback => "SN-9",
            ChargeKind::StatementFee => "SN-10",
        }
    }
    pub fn label(self) -> (&'static str, &'static str) {
        match self {
            ChargeKind::MonthlyFee => ("月額料金", "Monthly fee"),
            ChargeKind::CancellationFee => ("契約解除料", "Cancellation fee"),
            ChargeKind::ConstructionRemainder => ("工事費の残債", "Construction-fee remainder"),
            ChargeKind::CashbackClawback => {
                ("キャッシュバックの違約金", "Cashback minimum-use penalty")
            }
            ChargeKind::StatementFee => ("違約金明細書の発行手数料", "Fee-statement fee"),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Charge {
    pub kind: ChargeKind,
    pub amount: i64,
    /// The month the charge belongs to (usage month, or the completion month M+1).
    pub month: Month,
}

/// The exit charges SN-7 … SN-10 for exit month `plan.month` (all in M+1).
pub fn exit_charges(s: &Scenario, plan: &ExitPlan, cx: &mut Ctx) -> Result<Vec<Charge>, CalcError> {
    let c = &s.current;
    let r = c.rules;
    let m = plan.month;
    // Exit charges belong to the month exit completes in (M+1, or M for a prorated
    // exit that ends mid-month).
    let completion = Month::of(plan.completion_date);
    let mut out = Vec::new();

    // SN-7 cancellation fee, dated by the contract application date.
    let k = plan.contract_month;
    let (in_window, (w1, w2)) = renewal(s, m, cx)?;
    let fee_param = r.param("fee.cancellation", On::contract(c.contract_date), &mut cx.trace)?;
    let fee = r.need(
        "fee.cancellation",
        c.building.code(),
        On::contract(c.contract_date),
        &mut cx.trace,
    )?;
    let entered = cx.trace.is_user("fee.cancellation");
    let bj = if c.building == Building::Mansion { "マンション" } else { "戸建" };
    if in_window {
        cx.explain(
            "SN-7",
            || format!("契約{k}か月目（{m}）は更新月のため、契約解除料はかかりません。"),
            || {
                format!(
                    "Contract month {k} ({m}) is a renewal month, so there is no cancellation fee."
                )
            },
        );
    } else {
        let (pj, pe) = if entered {
            ("入力された契約条件".to_string(), "the terms you entered".to_string())
        } else if fee_param.until != crate::rules::OPEN_END {
            let u = crate::rules::ymd_str(fee_param.until);
            (format!("{u} までに申し込んだ契約"), format!("contracts applied for until {u}"))
        } else {
            let f = crate::rules::ymd_str(fee_param.since);
            (format!("{f} 以降に申し込んだ契約"), format!("contracts applied for from {f}"))
        };
        let window = if w1 == w2 { w1.to_string() } else { format!("{w1}・{w2}") };
        let window_en = if w1 == w2 { w1.to_string() } else { format!("{w1}, {w2}") };
        cx.explain(
            "SN-7",
            || format!("契約{k}か月目（{m}）は更新月（{window}）ではないため、契約解除料 {}円（{bj}、{pj}）がかかり、退会完了月 {completion} の請求です。", yen(fee)),
            || format!("Contract month {k} ({m}) is not a renewal month ({window_en}), so the cancellation fee of {} yen applies ({pe}); it is a charge of the completion month {completion}.", yen(fee)),
        );
        if fee > 0 {
            out.push(Charge { kind: ChargeKind::CancellationFee, amount: fee, month: completion });
        }
    }

    // SN-8 construction-fee remainder.
    if let Some(con) = &c.construction {
        let offset = r
            .int("construction.first-month-offset", On::contract(c.contract_date), &mut cx.trace)?
            .clamp(0, 24) as i32;
        let first = con.first_month.unwrap_or_else(|| Month::of(c.service_start).plus(offset));
        let paid = i64::from(m.since(first).saturating_add(1)).clamp(0, con.installments);
        let left = con.installments - paid;
        // Only the first installment may differ; the ones left are all regular unless
        // none was paid yet.
        let amount = match con.first_installment {
            Some(f) if paid == 0 && left > 0 => {
                f.saturating_add((left - 1).saturating_mul(con.monthly_installment))
            }
            _ => left.saturating_mul(con.monthly_installment),
        };
        cx.explain(
            "SN-8",
            || format!("工事費の分割（{}円 × {}回、{first}から）は {m} までに{paid}回払い終わり、残り{left}回分 {}円を退会完了月 {completion} に一括で請求されます。", yen(con.monthly_installment), con.installments, yen(amount)),
            || format!("Of the construction installments ({} yen × {}, from {first}), {paid} are paid by {m}; the remaining {left}, {} yen, are charged at once in the completion month {completion}.", yen(con.monthly_installment), con.installments, yen(amount)),
        );
        if amount > 0 {
            out.push(Charge { kind: ChargeKind::ConstructionRemainder, amount, month: completion });
        }
    }

    // SN-9 cashback minimum-use period.
    if let Some(cb) = &c.cashback {
        if i64::from(k) < cb.minimum_months {
            cx.explain(
                "SN-9",
                || format!(
                    "キャッシュバックの最低利用期間（{}か月）に対し契約{k}か月目で退会するため、{}円の違約金がかかります。",
                    cb.minimum_months,
                    yen(cb.amount)
                ),
                || format!(
                    "Leaving in contract month {k}, before the cashback's minimum use of {} months, costs {} yen.",
                    cb.minimum_months,
                    yen(cb.amount)
                ),
            );
            if cb.amount > 0 {
                out.push(Charge {
                    kind: ChargeKind::CashbackClawback,
                    amount: cb.amount,
                    month: completion,
                });
            }
        } else {
            cx.explain(
                "SN-9",
                || format!("キャッシュバックの最低利用期間（{}か月）は満たしているため、違約金はかかりません。", cb.minimum_months),
                || format!("The cashback's minimum use of {} months is met: no penalty.", cb.minimum_months),
            );
        }
    }

    // SN-10 fee statement: its fee and the proof of exit, in the provider's own words
    // where its data has them.
    let p = c.short_name(cx.lang);
    if c.statement == Statement::Request {
        if let Some(fee) =
            r.int_if("statement.fee", On::contract(c.contract_date), &mut cx.trace)?
        {
            cx.explain(
                "SN-10",
                || format!("明細書を電話・メールで依頼すると{}円（税込）かかります。", yen(fee)),
                || {
                    format!(
                        "Asking for the fee statement by phone or e-mail costs {} yen with tax.",
                        yen(fee)
                    )
                },
            );
            if fee > 0 {
                out.push(Charge { kind: ChargeKind::StatementFee, amount: fee, month: completion });
            }
        } else {
            cx.explain(
                "SN-10",
                || format!("{p}で明細書を依頼したときの手数料は分かっていないため、計算に入れていません。"),
                || format!("What {p} charges for a requested statement is not known, so it is not counted."),
            );
        }
    }
    match r.words("proof.words", On::application(s.application_date), &mut cx.trace, cx.lang)? {
        // Already in the calculation's language (read with `cx.lang`).
        Some(w) => cx.explain("SN-10", || w.to_string(), || w.to_string()),
        None => cx.explain(
            "SN-10",
            || {
                format!(
                    "退会の証明には、{p}からの退会完了の連絡と契約解除料の明細を保管してください。"
                )
            },
            || format!("Keep {p}'s exit confirmation and the fee statement as proof of the exit."),
        ),
    }
    Ok(out)
}

/// Monthly fees listed as exit costs (SN-11 reading): the chosen month and every
/// month a shift adds.
pub fn monthly_fees(s: &Scenario, plan: &ExitPlan) -> Vec<Charge> {
    let fee = s.current.monthly_fee;
    if fee <= 0 {
        return Vec::new();
    }
    (0..=plan.extra_months.max(0))
        .map(|i| {
            let month = plan.chosen.plus(i);
            // A prorated last month: fee × days used / days in the month, rounded down.
            let amount = match plan.prorate {
                Some((used, days)) if month == plan.month && days > 0 => {
                    fee.saturating_mul(i64::from(used)) / i64::from(days)
                }
                _ => fee,
            };
            Charge { kind: ChargeKind::MonthlyFee, amount, month }
        })
        .filter(|c| c.amount > 0)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{exit, m, scenario};

    fn charges_of(text: &str) -> Vec<(ChargeKind, i64, Month)> {
        let s = scenario(text);
        let mut cx = Ctx::for_scenario(&s);
        let p = exit::plan(&s, crate::engine::Mode::Answer, &mut cx).expect("plan");
        exit_charges(&s, &p, &mut cx)
            .expect("charges")
            .into_iter()
            .map(|c| (c.kind, c.amount, c.month))
            .collect()
    }

    #[test]
    fn sn7_the_fee_outside_the_renewal_months_is_a_charge_of_the_completion_month() {
        let c = charges_of(
            r#"{ "applicationDate": "2019-05-10", "current": { "provider": "so-net-hikari-plus", "serviceStart": "2017-03-15" } }"#,
        );
        assert_eq!(c, vec![(ChargeKind::CancellationFee, 20000, m("2019-06"))]);
        // Month 37 (2020-03) is a renewal month: no fee.
        let c = charges_of(
            r#"{ "applicationDate": "2020-03-10", "current": { "provider": "so-net-hikari-plus", "serviceStart": "2017-03-15" } }"#,
        );
        assert_eq!(c, vec![]);
    }

    #[test]
    fn sn7_contracts_from_2022_07_pay_the_capped_fee_by_building() {
        let c = charges_of(
            r#"{ "applicationDate": "2023-05-10", "current": { "provider": "so-net-hikari-plus", "serviceStart": "2022-08-01", "building": "mansion" } }"#,
        );
        assert_eq!(c, vec![(ChargeKind::CancellationFee, 3480, m("2023-06"))]);
    }

    #[test]
    fn sn8_installments_after_the_exit_month_are_charged_at_once() {
        // 500 a month from 2017-04 for 60 months: 2017-04 … 2019-05 paid (26), 34 left.
        let c = charges_of(
            r#"{ "applicationDate": "2019-05-10", "current": { "provider": "so-net-hikari-plus", "serviceStart": "2017-03-15",
            "construction": { "monthlyInstallment": 500, "installments": 60 } } }"#,
        );
        assert!(c.contains(&(ChargeKind::ConstructionRemainder, 34 * 500, m("2019-06"))), "{c:?}");
    }

    #[test]
    fn sn9_the_cashback_clawback_applies_below_the_minimum_months() {
        let c = charges_of(
            r#"{ "applicationDate": "2018-05-10", "current": { "provider": "so-net-hikari-plus", "serviceStart": "2017-03-15",
            "cashback": { "amount": 10000, "minimumMonths": 24 } } }"#,
        );
        assert!(c.contains(&(ChargeKind::CashbackClawback, 10000, m("2018-06"))), "{c:?}");
    }
}
