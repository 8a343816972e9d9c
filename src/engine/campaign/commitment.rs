//! AU-8: the campaign's commitment — how long auひかり must be kept, and the campaign's
//! own cancellation fee when it is left earlier.
//!
//! Not the current provider's cancellation fee (SN-7, [`crate::engine::charges`]).

use crate::calendar::add_months;
use crate::engine::context::Ctx;
use crate::error::CalcError;
use crate::input::Destination;
use crate::rules::On;
use crate::rules::Rules;
use crate::text::yen;
use chrono::NaiveDate;

use super::OVF;

/// AU-8: leaving auひかり within the commitment (ホーム 36 months, マンション 24, from the
/// start date) costs the campaign's fee, unless auスマートバリュー was applied for with the
/// application or the covered fees (AU-5, before the cap) are within the waived amount.
/// The risk (`commitment-fee-risk`) is said only when a fee refund is paid; the end of the
/// commitment is given whenever a campaign is chosen. Returns that end.
pub(super) fn commitment_end(
    r: &Rules,
    d: &Destination,
    fee_refund: i64,
    covered: i64,
    cx: &mut Ctx,
) -> Result<NaiveDate, CalcError> {
    let (at, building) = (d.start_date, d.building.code());
    let cm = r.need(
        "commitment.months",
        building,
        On::au_application(d.application_date),
        &mut cx.trace,
    )?;
    let commitment_end = add_months(at, cm.clamp(0, 1200) as i32).ok_or(OVF)?;
    // Read only when the risk can arise, so an unverified amount is flagged only then.
    if fee_refund > 0
        && !d.smart_value
        && covered
            > r.int(
                "commitment.fee-waived-up-to",
                On::au_application(d.application_date),
                &mut cx.trace,
            )?
    {
        let cfee = r.need(
            "commitment.fee",
            building,
            On::au_application(d.application_date),
            &mut cx.trace,
        )?;
        let waived = r.int(
            "commitment.fee-waived-up-to",
            On::au_application(d.application_date),
            &mut cx.trace,
        )?;
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
    Ok(commitment_end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{d, scenario};
    use crate::text::Lang;

    fn end_and_warnings(building: &str, smart_value: bool, covered: i64) -> (NaiveDate, usize) {
        let s = scenario(&format!(
            r#"{{ "applicationDate": "2019-05-10", "current": {{ "provider": "so-net-hikari-plus", "serviceStart": "2016-01-20" }},
                "destination": {{ "campaign": "start-support", "startDate": "2019-05-31", "isp": "so-net", "building": "{building}", "plan": "standard", "smartValue": {smart_value} }} }}"#
        ));
        let dest = s.destination.expect("destination");
        let (r, _) = super::super::version("start-support", dest.start_date).expect("version");
        let mut cx = Ctx::new(Lang::En);
        let end = commitment_end(&r, &dest, 10000, covered, &mut cx).expect("commitment");
        (end, cx.warnings.len())
    }

    #[test]
    fn au8_the_commitment_is_24_months_for_an_apartment_36_for_a_house() {
        assert_eq!(end_and_warnings("mansion", false, 0).0, d("2021-05-31"));
        assert_eq!(end_and_warnings("home", false, 0).0, d("2022-05-31"));
    }

    #[test]
    fn au8_the_fee_risk_needs_covered_fees_over_10000_and_no_smart_value() {
        assert_eq!(end_and_warnings("mansion", false, 10000).1, 0);
        assert_eq!(end_and_warnings("mansion", false, 10001).1, 1);
        assert_eq!(end_and_warnings("mansion", true, 10001).1, 0);
    }
}
