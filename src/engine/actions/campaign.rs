//! Claiming the auひかり campaign (AU-3, AU-6, AU-7): the au WALLET card, the application
//! to mail, the postal money order to collect, and when the option pack can be dropped.
//! Only for a campaign that pays something.
//!
//! Not the campaign's amounts or dates ([`crate::engine::campaign`]), which it only
//! turns into steps.

use super::{Action, Steps};
use crate::calendar::{add_months, Month};
use crate::engine::campaign::{CampaignOutcome, Method, RefundKind};
use crate::engine::context::Ctx;
use crate::error::CalcError;
use crate::input::Scenario;
use crate::rules::On;
use chrono::NaiveDate;

/// The campaign's steps, in CONTRACT's order.
pub(super) fn steps(
    s: &Scenario,
    k: &CampaignOutcome,
    steps: &mut Steps,
    cx: &mut Ctx,
) -> Result<(), CalcError> {
    let lang = cx.lang;
    let pays = k.refunds.iter().any(|r| r.amount > 0);
    // AU-6: an au WALLET refund is charged to the card.
    if k.refunds.iter().any(|r| r.amount > 0 && r.method == Method::AuWallet) {
        steps.add(
            Action::step("get-au-pay-card", "AU-6").by(Some(k.acceptance)),
            "au WALLET（au PAY）カードを用意します。還元はこのカードにチャージされます。".into(),
            "Get an au WALLET (au PAY) card: the refund is charged to it.".into(),
        );
    }
    // AU-7: the common form and copies of the fee statements, mailed in the window.
    if pays {
        let form = k
            .rules
            .words("application.form", On::acceptance(k.acceptance), &mut cx.trace, lang)?
            .unwrap_or(lang.pick("申請書", "the application form"));
        steps.add(
            Action::step("mail-au-application", "AU-7")
                .starting(Some(k.earliest_acceptance))
                .by(Some(k.application_deadline)),
            format!("{form}と、名前・住所・サービス名・金額・請求年月が載った明細書のコピーをKDDIに郵送します。"),
            format!("Mail KDDI {form} with copies of the fee statements showing name, address, service, amount and billed year-month."),
        );
    }
    // AU-6: a money order returned undelivered must be claimed within a month.
    if let Some(r) = k.refunds.iter().find(|r| {
        r.method == Method::PostalMoneyOrder
            && r.amount > 0
            && matches!(r.kind, RefundKind::FeeRefundCash | RefundKind::PlusCashback)
    }) {
        steps.add(
            Action::step("claim-money-order", "AU-6").starting(r.earliest),
            "郵便為替が届いたら受け取ります。不在で戻った為替は1か月以内に受け取らないと失効します。".into(),
            "Collect the postal money order; one returned undelivered must be claimed within one month or it lapses.".into(),
        );
    }
    let fee_or_plus = k.refunds.iter().any(|r| r.amount > 0 && r.kind != RefundKind::MobileRefund);
    if fee_or_plus {
        cx.explain(
            "AU-3",
            || "電話オプションパックには契約期間がないため、還元がすべて済んだら外せます。".into(),
            || "The phone option pack has no term: once every refund has arrived it can be dropped.".into(),
        );
        steps.add(
            Action::step("drop-option-pack", "AU-3")
                .starting(option_pack_free_from(s, k).or(Some(k.earliest_acceptance))),
            "還元がすべて済んだら、期間のない電話オプションパックは外せます。".into(),
            "Once every refund has arrived, the option pack (no term) can be dropped.".into(),
        );
    }
    Ok(())
}

/// AU-3: the option pack has no term and can be dropped once the refund is complete: the
/// day after the last lump sum arrives, the month after the last bill discount, and with
/// the Plus extras not before their 12 months from the start date.
fn option_pack_free_from(s: &Scenario, k: &CampaignOutcome) -> Option<NaiveDate> {
    let mut from: Option<NaiveDate> = None;
    for r in &k.refunds {
        let d = match r.kind {
            RefundKind::FeeRefundCash | RefundKind::PlusCashback => {
                r.latest.and_then(|l| l.succ_opt())
            }
            RefundKind::FeeRefundMonthly => r
                .latest_first_month
                .map(|m| m.plus(r.months.unwrap_or(1) as i32))
                .and_then(Month::first_day),
            _ => None,
        };
        from = from.max(d);
    }
    if k.rules.has("plus.discount") {
        let d = s.destination.as_ref().map(|d| d.start_date).and_then(|d| add_months(d, 12));
        from = from.max(d);
    }
    from
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::calculate::{core, Core};
    use crate::engine::{d, scenario};
    use crate::text::Lang;

    fn campaign_steps(destination: &str) -> Vec<Action> {
        let s = scenario(&format!(
            r#"{{ "applicationDate": "2019-05-10", "current": {{ "provider": "so-net-hikari-plus", "serviceStart": "2016-01-20" }},
                 "destination": {{ "campaign": "start-support", "startDate": "2019-05-20", "isp": "so-net" {destination} }} }}"#
        ));
        let mut cx = Ctx::for_scenario(&s);
        let Ok(Core { camp: Some(k), .. }) = core(&s, &mut cx) else { panic!("no campaign") };
        let mut st = Steps { lang: Lang::En, out: Vec::new() };
        steps(&s, &k, &mut st, &mut cx).expect("steps");
        st.out
    }

    #[test]
    fn au6_au7_a_paying_campaign_is_claimed_by_mail_and_the_money_order_collected() {
        let list =
            campaign_steps(r#", "sourceExcluded": false, "refundMethod": "postal-money-order""#);
        let kinds: Vec<_> = list.iter().map(|a| a.kind).collect();
        assert_eq!(kinds, ["mail-au-application", "claim-money-order", "drop-option-pack"]);
        assert_eq!(list[0].by, Some(d("2019-12-20")));
        // AU-3: droppable the day after the money order's latest arrival (2 months).
        assert_eq!(list[2].from, Some(d("2019-09-02")));
    }

    #[test]
    fn au2_an_excluded_source_leaves_no_campaign_step() {
        assert!(campaign_steps("").is_empty());
    }
}
