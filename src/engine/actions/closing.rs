//! Closing the account (SN-10, SN-12, SN-13, SN-15): an e-mail address for the exit
//! confirmation, the security software, convenience-store slips for the last bills, the
//! fee statement to print while the member pages are open, and the login to keep.
//!
//! Not asking to leave ([`super::leave`]) nor the campaign's steps ([`super::campaign`]).

use super::{words, Action, Steps};
use crate::calendar::Month;
use crate::engine::billing::Billed;
use crate::engine::campaign::{CampaignOutcome, RefundKind};
use crate::engine::context::Ctx;
use crate::engine::exit::ExitPlan;
use crate::error::CalcError;
use crate::input::{Payment, Scenario};
use crate::rules::On;
use crate::text::yen;

/// The steps of closing the account, in CONTRACT's order.
pub(super) fn steps(
    s: &Scenario,
    plan: &ExitPlan,
    billed: &[Billed],
    camp: Option<&CampaignOutcome>,
    steps: &mut Steps,
    cx: &mut Ctx,
) -> Result<(), CalcError> {
    let p = s.current.short_name(cx.lang);
    // SN-10: the provider's confirmation of the exit is part of the proof.
    let last = plan.last_service_day;
    let email = words(s, "proof.contact-email", cx)?;
    steps.add(
        Action::step("register-contact-email", "SN-10").by(Some(last)),
        email.clone().unwrap_or_else(|| format!("{p}からの退会完了の連絡を受け取れるよう、連絡先のメールアドレスを確かめておきます。")),
        email.unwrap_or_else(|| format!("Make sure {p} has an e-mail address where its exit confirmation reaches you.")),
    );
    // SN-15: optional services end with the exit.
    steps.add(
        Action::step("uninstall-security-software", "SN-15").by(Some(last)),
        format!("{p}のセキュリティソフトをアンインストールしてから、新しいものを入れます。オプションサービスは退会で終わります。"),
        format!("Uninstall {p}'s security software before installing another; optional services end with the exit."),
    );
    if s.current.payment == Payment::ConvenienceStore {
        pay_slips(billed, steps);
    }
    print_statement(s, plan, billed, camp, steps, cx)?;
    // SN-13: the member pages stay open for a while after the exit.
    let keep = words(s, "mypage.keep-login", cx)?;
    steps.add(
        Action::step("keep-login", "SN-13").by(Some(plan.mypage_until)),
        keep.clone().unwrap_or_else(|| {
            format!("{p}の会員ページが閉じるまで、ログインのIDとパスワードを保管します。")
        }),
        keep.unwrap_or_else(|| format!("Keep the login for {p}'s member pages until they close.")),
    );
    Ok(())
}

/// SN-12: a convenience-store slip comes with each bill, from the first day of its
/// billed month, and cannot be used a day after its due date: one step per bill that
/// charges anything, named as the charges table names it (usage month, billed month).
fn pay_slips(billed: &[Billed], steps: &mut Steps) {
    let mut months: Vec<Month> =
        billed.iter().filter(|b| b.charge.amount > 0).map(|b| b.billed_month).collect();
    crate::text::sort_by_key(&mut months, |m| *m);
    months.dedup();
    for m in months {
        let total: i64 =
            billed.iter().filter(|b| b.billed_month == m).map(|b| b.charge.amount).sum();
        let due = billed.iter().find(|b| b.billed_month == m).and_then(|b| b.due);
        let usage =
            billed.iter().find(|b| b.billed_month == m).map(|b| b.charge.month).unwrap_or(m);
        steps.add(
            Action::step("pay-slip", "SN-12").starting(m.first_day()).by(due),
            format!("{usage}分（{m}に届く払込票）の{}円をコンビニで払います。期限を1日でも過ぎると使えません。", yen(total)),
            format!(
                "Pay the slip for {usage} (it comes in {m}), {} yen, at a convenience store; a day late and it can no longer be used.",
                yen(total)
            ),
        );
    }
}

/// SN-10: the statement that shows the exit charges (billed the month after the
/// completion month) is kept as proof — printed while the member pages are open (SN-13),
/// since asking for one may cost a fee — and, when the campaign pays a fee refund or Plus
/// extras, sent with the auひかり application (AU-7). Only when the completion month
/// charges anything.
fn print_statement(
    s: &Scenario,
    plan: &ExitPlan,
    billed: &[Billed],
    camp: Option<&CampaignOutcome>,
    steps: &mut Steps,
    cx: &mut Ctx,
) -> Result<(), CalcError> {
    let c = &s.current;
    let lang = cx.lang;
    let p = c.short_name(lang);
    let completion_month = Month::of(plan.completion_date);
    if !billed.iter().any(|b| b.charge.month == completion_month && b.charge.amount > 0) {
        return Ok(());
    }
    let from = completion_month.plus(1).first_day();
    let how = words(s, "statement.how", cx)?.unwrap_or_else(|| {
        lang.say(
            format!("{p}の契約解除料などが載った明細書（請求書）を保管します。"),
            format!("Keep {p}'s statement showing the cancellation fee and other exit charges."),
        )
    });
    let fee = c.rules.int_if("statement.fee", On::contract(c.contract_date), &mut cx.trace)?;
    let (fj, fe) = fee
        .filter(|f| *f > 0)
        .map(|f| {
            (
                format!("電話などで頼むと{}円かかります。", yen(f)),
                format!(" Asked for by phone, it costs {} yen.", yen(f)),
            )
        })
        .unwrap_or_default();
    let pays = camp.is_some_and(|k| {
        k.refunds.iter().any(|r| r.amount > 0 && r.kind != RefundKind::MobileRefund)
    });
    let (uj, ue) = if pays {
        ("auひかりの申請に使います。", " The au Hikari application needs it.")
    } else {
        ("", "")
    };
    steps.add(
        Action::step("print-statement", "SN-10").starting(from).by(Some(plan.mypage_until)),
        format!("{how}{fj}{uj}"),
        format!("{how}{fe}{ue}"),
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::calculate::{core, Core};
    use crate::engine::{d, scenario};
    use crate::text::Lang;

    fn closing_steps(current: &str) -> Vec<Action> {
        let s = scenario(&format!(
            r#"{{ "applicationDate": "2019-05-10", "current": {{ "provider": "so-net-hikari-plus", "serviceStart": "2016-01-20" {current} }} }}"#
        ));
        let mut cx = Ctx::for_scenario(&s);
        let Ok(Core { plan, billed, camp }) = core(&s, &mut cx) else { panic!("no core") };
        let mut st = Steps { lang: Lang::En, out: Vec::new() };
        steps(&s, &plan, &billed, camp.as_ref(), &mut st, &mut cx).expect("steps");
        st.out
    }

    #[test]
    fn sn12_a_convenience_store_slip_per_bill_due_on_its_day() {
        let list = closing_steps(r#", "payment": "convenience-store", "monthlyFee": 5000"#);
        let slips: Vec<_> = list.iter().filter(|a| a.kind == "pay-slip").collect();
        assert!(!slips.is_empty());
        for a in &slips {
            assert!(a.from.is_some() && a.by.is_some() && a.from <= a.by, "{a:?}");
        }
        // No slip without the convenience store.
        assert!(closing_steps(r#", "monthlyFee": 5000"#).iter().all(|a| a.kind != "pay-slip"));
    }

    #[test]
    fn sn10_sn13_the_statement_is_printed_from_the_month_after_completion_until_the_pages_close() {
        // Month 41 of a 36-month term: outside the renewal months, a cancellation fee.
        let list = closing_steps("");
        let a = list.iter().find(|a| a.kind == "print-statement").expect("a statement to print");
        assert_eq!(a.from, Some(d("2019-07-01")));
        let keep = list.iter().find(|a| a.kind == "keep-login").expect("keep the login");
        assert_eq!(a.by, keep.by);
    }
}
