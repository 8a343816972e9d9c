//! When each charge is billed and paid (SN-11, SN-12). Usage of a month is billed the
//! next month; exit charges belong to the completion month and so are billed one month
//! after it. The payment date then depends on the method: bank debit on the 27th of
//! the month after billing (next bank business day), convenience-store slip due the
//! 25th of the billed month, Cedyna slip and USEN label, or no fixed date.

use crate::calendar::{next_bank_business_day, Month};
use crate::engine::charges::Charge;
use crate::engine::context::Ctx;
use crate::error::CalcError;
use crate::input::{Payment, Scenario};
use crate::rules::On;
use chrono::NaiveDate;

#[derive(Clone, Debug, PartialEq)]
pub struct Billed {
    pub charge: Charge,
    pub billed_month: Month,
    pub due: Option<NaiveDate>,
    pub slip_arrives: Option<Month>,
    pub label: Option<Month>,
}

pub fn bill(s: &Scenario, charges: Vec<Charge>, cx: &mut Ctx) -> Result<Vec<Billed>, CalcError> {
    let r = s.current.rules;
    let at = s.current.contract_date;
    let lag = r.int("billing.lag-months", On::contract(at), &mut cx.trace)?.clamp(0, 12) as i32;
    let mut out = Vec::with_capacity(charges.len());
    for charge in charges {
        let billed_month = charge.month.plus(lag);
        let (mut due, mut slip_arrives, mut label) = (None, None, None);
        match s.current.payment {
            Payment::BankDebit => {
                // Day 29–31 in a shorter month: that month's last day.
                let day = r
                    .int("billing.bank-debit-day", On::contract(at), &mut cx.trace)?
                    .clamp(1, 31) as u32;
                let debit_month = billed_month.plus(1);
                let last = debit_month.last_day().ok_or(CalcError::DateOverflow)?;
                let nominal = debit_month.day(day).unwrap_or(last);
                let d = next_bank_business_day(nominal).ok_or(CalcError::DateOverflow)?;
                if d != nominal {
                    cx.explain(
                        "SN-12",
                        || format!("{nominal} は銀行休業日のため、引落しは翌営業日 {d} です。"),
                        || {
                            format!(
                                "{nominal} is not a bank business day, so the debit moves to {d}."
                            )
                        },
                    );
                }
                due = Some(d);
            }
            Payment::ConvenienceStore => {
                let day = r
                    .int("billing.convenience-due-day", On::contract(at), &mut cx.trace)?
                    .clamp(1, 28) as u32;
                due = Some(billed_month.day(day).ok_or(CalcError::DateOverflow)?);
                slip_arrives = Some(billed_month);
            }
            Payment::Cedyna => slip_arrives = Some(billed_month),
            Payment::Usen => label = Some(billed_month),
            Payment::CreditCard | Payment::Ntt => {}
        }
        out.push(Billed { charge, billed_month, due, slip_arrives, label });
    }
    let (ja, en) = match s.current.payment {
        Payment::BankDebit => (
            "口座振替は請求月の翌月の引落日に引き落とされます（銀行休業日なら翌営業日）。",
            "Bank debit happens on the debit day of the month after billing (next bank business day if closed).",
        ),
        Payment::ConvenienceStore => (
            "コンビニ払込票は請求月の上旬に届き、25日が期限です（1日でも過ぎると使えません）。",
            "The convenience-store slip arrives early in the billed month and is due on the 25th; a day late and it can no longer be used.",
        ),
        Payment::CreditCard => (
            "クレジットカードは請求月にカード会社へ請求され、引落日はカード会社の締め日によります。",
            "The card company is billed in the billed month; when it reaches you depends on your card's cycle.",
        ),
        Payment::Ntt => (
            "NTT請求は請求月にNTTファイナンスへ請求され、その後はNTTの日程です。",
            "NTT Finance is billed in the billed month; its own schedule applies.",
        ),
        Payment::Cedyna => ("セディナの振込用紙は請求月の上旬に届きます。", "Cedyna's transfer slip arrives early in the billed month."),
        Payment::Usen => (
            "USENは請求月をその月の名前で請求します（9月分の利用は「10月分」）。",
            "USEN labels each bill with the billed month (September's usage arrives as \"October\").",
        ),
    };
    cx.explain(
        "SN-11",
        || "利用月の料金は翌月に請求されます。契約解除料などは退会完了月の料金として、その翌月に請求されます。".into(),
        || "A month's usage is billed the following month; exit charges belong to the completion month and are billed the month after.".into(),
    );
    cx.explain("SN-12", || ja.into(), || en.into());
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::charges::ChargeKind;
    use crate::engine::{d, m, scenario};

    fn due(payment: &str, month: &str) -> (Month, Option<NaiveDate>) {
        let s = scenario(&format!(
            r#"{{ "applicationDate": "2019-05-10", "current": {{ "provider": "so-net-hikari-plus", "serviceStart": "2017-03-15", "payment": "{payment}" }} }}"#
        ));
        let b = bill(
            &s,
            vec![Charge { kind: ChargeKind::MonthlyFee, amount: 5000, month: m(month) }],
            &mut Ctx::for_scenario(&s),
        )
        .expect("bill");
        (b[0].billed_month, b[0].due)
    }

    #[test]
    fn sn11_a_month_is_billed_the_month_after() {
        assert_eq!(due("credit-card", "2019-05"), (m("2019-06"), None));
    }

    #[test]
    fn sn12_bank_debit_on_the_27th_of_the_month_after_billing_or_the_next_business_day() {
        // Billed 2019-06: debited 2019-07-27, a Saturday → Monday 2019-07-29.
        assert_eq!(due("bank-debit", "2019-05").1, Some(d("2019-07-29")));
        // Billed 2019-07: 2019-08-27 is a Tuesday.
        assert_eq!(due("bank-debit", "2019-06").1, Some(d("2019-08-27")));
    }

    #[test]
    fn sn12_a_convenience_store_slip_is_due_on_the_25th_even_on_a_sunday() {
        // Billed 2019-08: the 25th is a Sunday, and it stands.
        assert_eq!(due("convenience-store", "2019-07").1, Some(d("2019-08-25")));
    }
}
