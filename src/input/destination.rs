//! `destination`: the auひかり side, read field by field (AU-1 … AU-10's inputs), with the
//! one check between two of its own dates.
//!
//! Holds no campaign rule (that is the engine's `campaign`, on rule data).

use super::choices::{Building, Campaign, Carrier, Channel, Isp, Plan, RefundMethod};
use super::reader::Reader;
use super::types::{Current, Destination};
use crate::error::ErrorCode as C;
use crate::wire::json::Json;

pub(super) fn read_destination(
    r: &mut Reader,
    d: &Json,
    current: Option<&Current>,
) -> Option<Destination> {
    r.pick::<Carrier>(d.get("carrier"), "destination.carrier");
    // SN-4: auひかり is not a 光コラボ, so leaving for it is never a provider switch.
    if current.is_some_and(|c| c.channel == Channel::ProviderSwitch) {
        r.err(
            "current.channel",
            C::NotAllowed,
            "auひかりは光コラボではないため、事業者変更では乗り換えられません。通常の退会を選んでください。".into(),
            "au Hikari is not a Hikari Collaboration service: switching to it is a normal exit, not a provider switch.".into(),
        );
    }
    let campaign = r.pick(d.get("campaign"), "destination.campaign").unwrap_or(Campaign::DEFAULT);
    let building = r
        .pick(d.get("building"), "destination.building")
        .unwrap_or(current.map_or(Building::DEFAULT, |c| c.building));
    let plan = match r.pick(d.get("plan"), "destination.plan") {
        Some(plan) => plan,
        None if building == Building::Mansion => Plan::OtokuA,
        None => Plan::DEFAULT,
    };
    let isp = r.choice(d.get("isp"), "destination.isp", Isp::CODES);
    if isp.is_none()
        && campaign != Campaign::None
        && matches!(d.get("isp"), None | Some(Json::Null))
    {
        r.missing("destination.isp");
    }
    let start_date = r.date(d.get("startDate"), "destination.startDate", true);
    let with_phone_options =
        r.boolean(d.get("withPhoneOptions"), "destination.withPhoneOptions", true);
    let source_excluded = match d.get("sourceExcluded") {
        None | Some(Json::Null) => None,
        v => Some(r.boolean(v, "destination.sourceExcluded", false)),
    };
    let smart_value = r.boolean(d.get("smartValue"), "destination.smartValue", false);
    let refund_method =
        r.pick(d.get("refundMethod"), "destination.refundMethod").unwrap_or(RefundMethod::DEFAULT);
    let acceptance_date = r.date(d.get("acceptanceDate"), "destination.acceptanceDate", false);
    let other_covered_fees = r.amount(d.get("otherCoveredFees"), "destination.otherCoveredFees");
    let mobile_lines =
        r.int(d.get("mobileLines"), "destination.mobileLines", 0, 100, Some(0)).unwrap_or(0);
    let au_applied = r.date(d.get("applicationDate"), "destination.applicationDate", false);
    let number_portability_fee =
        r.amount(d.get("numberPortabilityFee"), "destination.numberPortabilityFee");
    let ntt_line_construction_fee =
        r.amount(d.get("nttLineConstructionFee"), "destination.nttLineConstructionFee");
    if let (Some(ap), Some(st)) = (au_applied, start_date) {
        if ap > st {
            r.err(
                "destination.applicationDate",
                C::Inconsistent,
                format!("auひかりの申込日（{ap}）が開通日（{st}）より後です。"),
                format!("the au Hikari application ({ap}) is after its start ({st})."),
            );
        }
    }
    Some(Destination {
        campaign,
        building,
        plan,
        isp,
        start_date: start_date?,
        with_phone_options,
        source_excluded,
        smart_value,
        refund_method,
        acceptance_date,
        other_covered_fees,
        mobile_lines,
        application_date: au_applied.or(start_date)?,
        number_portability_fee,
        ntt_line_construction_fee,
    })
}

#[cfg(test)]
mod tests {
    use crate::error::ErrorCode;
    use crate::input::{read, Building, Campaign, Plan, RefundMethod};

    fn input(destination: &str) -> String {
        format!(
            r#"{{"applicationDate":"2026-09-10","current":{{"provider":"so-net-hikari-plus",
            "serviceStart":"2021-03-15","building":"mansion"}},"destination":{destination}}}"#
        )
    }
    fn field_errors(destination: &str) -> Vec<(String, ErrorCode)> {
        let text = input(destination);
        let mut de = serde_json::Deserializer::from_str(&text);
        let json = crate::wire::json::read(&mut de).expect("JSON");
        read(&json)
            .err()
            .map_or(Vec::new(), |(_, e)| e.into_iter().map(|e| (e.field, e.code)).collect())
    }

    #[test]
    fn defaults_follow_the_current_building_and_the_plan_follows_the_building() {
        let s = crate::engine::scenario(&input(r#"{"isp":"biglobe","startDate":"2026-09-25"}"#));
        let d = s.destination.expect("a destination");
        assert_eq!(d.building, Building::Mansion);
        assert_eq!(d.plan, Plan::OtokuA);
        assert_eq!(d.campaign, Campaign::StartSupport);
        assert_eq!(d.refund_method, RefundMethod::AuWallet);
        assert_eq!(d.application_date, d.start_date);
        assert_eq!(d.isp, Some("biglobe"));
    }

    #[test]
    fn au2_the_isp_is_required_unless_there_is_no_campaign() {
        let e = field_errors(r#"{"startDate":"2026-09-25"}"#);
        assert_eq!(e, [("destination.isp".to_string(), ErrorCode::Missing)]);
        assert!(field_errors(r#"{"startDate":"2026-09-25","campaign":"none"}"#).is_empty());
    }

    #[test]
    fn sn4_au_hikari_is_never_reached_by_a_provider_switch() {
        let text = r#"{"applicationDate":"2026-09-10","current":{"provider":"so-net-hikari-plus",
            "serviceStart":"2021-03-15","channel":"provider-switch","switchDate":"2026-10-01"},
            "destination":{"isp":"dti","startDate":"2026-09-25"}}"#;
        let mut de = serde_json::Deserializer::from_str(text);
        let json = crate::wire::json::read(&mut de).expect("JSON");
        let (_, errs) = read(&json).expect_err("refused");
        assert_eq!(errs[0].field, "current.channel");
        assert_eq!(errs[0].code, ErrorCode::NotAllowed);
    }

    #[test]
    fn au1_the_au_application_cannot_follow_the_au_start() {
        let e = field_errors(
            r#"{"isp":"dti","startDate":"2026-09-25","applicationDate":"2026-09-26"}"#,
        );
        assert_eq!(e, [("destination.applicationDate".to_string(), ErrorCode::Inconsistent)]);
    }
}
