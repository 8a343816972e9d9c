//! The conditions of the fee refund besides time (AU-2 … AU-4): an eligible source line,
//! an eligible plan with the phone options, and an ISP the version has a cap for. Each
//! unmet condition is a warning of its own, so the reader sees every reason at once.
//!
//! Not the application window (AU-7, [`super::window`]), and not the amounts: the caps
//! read here are applied in [`super::refund`].

use crate::engine::context::Ctx;
use crate::error::CalcError;
use crate::input::{Building, Destination, Scenario};
use crate::rules::On;
use crate::rules::Rules;

/// What the fee refund's conditions came to.
pub(super) struct Conditions {
    /// The source, the plan, the ISP and the phone options all qualify (AU-2 … AU-4).
    pub met: bool,
    /// The version's cap and cash cap for the building and ISP (AU-4); no cap, no refund.
    pub cap: Option<i64>,
    pub cash_cap: Option<i64>,
}

/// The conditions, each checked (and its rule values read) in the SPEC's order.
pub(super) fn conditions(
    s: &Scenario,
    r: &Rules,
    d: &Destination,
    cx: &mut Ctx,
) -> Result<Conditions, CalcError> {
    let excluded = source_excluded(s, r, d, cx)?;
    let plan_ok = plan_eligible(r, d, cx)?;
    let (cap, cash_cap) = caps(r, d, cx)?;
    let phone_ok = phone_options_taken(r, d, cx)?;
    Ok(Conditions { met: !excluded && plan_ok && cap.is_some() && phone_ok, cap, cash_cap })
}

/// AU-2: FTTH services covered by auスマートバリュー are excluded sources. The provider's
/// rule set records whether it is one (`au-smart-value-ftth`, for So-net光プラス from
/// third-party sources); `destination.sourceExcluded`, when given, overrides it. An
/// excluded source gets no fee refund (nor Plus extras) and the warning
/// `source-not-eligible` naming KDDI's excluded kinds.
fn source_excluded(
    s: &Scenario,
    r: &Rules,
    d: &Destination,
    cx: &mut Ctx,
) -> Result<bool, CalcError> {
    let excluded = match d.source_excluded {
        Some(x) => x,
        None => {
            s.current.rules.has("au-smart-value-ftth")
                && s.current.rules.boolean(
                    "au-smart-value-ftth",
                    On::application(s.application_date),
                    &mut cx.trace,
                )?
        }
    };
    // The excluded kinds of source, in words from the campaign's data.
    let listed =
        r.strs("eligible.excluded-sources", On::au_application(d.application_date), &mut cx.trace)?;
    if excluded {
        // The Plus extras are named only with a campaign that has them (AU-10).
        let plus = r.has("plus.discount");
        let pname = &s.current.rules.set.name;
        let key = "eligible.excluded-sources.words";
        let wj = r
            .words(
                key,
                On::au_application(d.application_date),
                &mut cx.trace,
                crate::text::Lang::Ja,
            )?
            .map_or_else(|| crate::text::join(listed, "、"), str::to_string);
        let we = r
            .words(
                key,
                On::au_application(d.application_date),
                &mut cx.trace,
                crate::text::Lang::En,
            )?
            .map_or_else(|| crate::text::join(listed, ", "), str::to_string);
        let (why_ja, why_en) = match d.source_excluded {
            Some(true) => ("対象外と入力されているため".to_string(), "As entered, it".to_string()),
            _ => (
                format!("{}はauスマートバリューの対象になる光回線とされているため（第三者の情報で、KDDIには未確認です）", pname.ja),
                format!(
                    "{} is reported (by third parties, not confirmed with KDDI) to be a fiber service covered by au Smart Value, so it",
                    pname.en
                ),
            ),
        };
        cx.warn_with_field(
            "source-not-eligible",
            "AU-2",
            "destination.sourceExcluded",
            || format!("{why_ja}、乗り換え元として対象外です（KDDIが対象外とするのは{wj}）。契約解除料の還元{}は0円です。KDDIに対象と確認できた場合は、この設定を変えると還元を計算します。", if plus { "とプラス特典" } else { "" }),
            || format!("{why_en} is not an eligible source (KDDI excludes {we}): the fee refund{} {} 0 yen. If KDDI confirmed your line as eligible, change this setting to compute the refund.", if plus { " and the Plus extras" } else { "" }, if plus { "are" } else { "is" }),
        );
        cx.explain(
            "AU-2",
            || format!("乗り換え元の{}は対象外の回線です。", pname.ja),
            || format!("The source line, {}, is excluded.", pname.en),
        );
    }
    Ok(excluded)
}

/// AU-3: the plans the version requires for the building (ホーム: ずっとギガ得プラン;
/// マンション: 標準プラン or お得プランA, Plus: お得プランA only); another plan gets the
/// warning `plan-not-eligible` naming the required ones.
fn plan_eligible(r: &Rules, d: &Destination, cx: &mut Ctx) -> Result<bool, CalcError> {
    let building = d.building.code();
    let plans = r.strs(
        &format!("eligible.plans.{building}"),
        On::au_application(d.application_date),
        &mut cx.trace,
    )?;
    let plan_ok = plans.contains(&d.plan.code());
    if !plan_ok {
        let names = |ja: bool| {
            plans
                .iter()
                .filter_map(|p| crate::input::Plan::from_code(p))
                .map(|p| p.name(ja))
                .collect::<Vec<_>>()
        };
        let name = &r.set.name;
        cx.warn_with_field(
            "plan-not-eligible",
            "AU-3",
            "destination.plan",
            || {
                format!(
                    "{}の対象プランは{}です（選んだのは{}）。",
                    name.ja,
                    crate::text::join(&names(true), "・"),
                    d.plan.name(true)
                )
            },
            || {
                format!(
                    "{} requires {} (chosen: {}).",
                    name.en,
                    crate::text::join(&names(false), " or "),
                    d.plan.name(false)
                )
            },
        );
    }
    Ok(plan_ok)
}

/// AU-4: the cap and the cash cap depend on the building and the ISP (スタートサポート
/// ホーム: 30,000 yen with five ISPs, 15,000 with two; Plus マンション: four ISPs only);
/// an ISP the version has no cap for is not eligible (`isp-not-eligible`).
fn caps(r: &Rules, d: &Destination, cx: &mut Ctx) -> Result<(Option<i64>, Option<i64>), CalcError> {
    let (building, isp) = (d.building.code(), d.isp.unwrap_or(""));
    let cap = r.entry(
        &format!("cap.{building}"),
        isp,
        On::au_application(d.application_date),
        &mut cx.trace,
    )?;
    let cash_cap = r.entry(
        &format!("cash-cap.{building}"),
        isp,
        On::au_application(d.application_date),
        &mut cx.trace,
    )?;
    if cap.is_none() {
        let (ij, ie) = (crate::input::isp_name(isp, true), crate::input::isp_name(isp, false));
        let (bj, be) = if d.building == Building::Mansion {
            ("マンション", "an apartment")
        } else {
            ("戸建て", "a house")
        };
        let name = &r.set.name;
        cx.warn_with_field(
            "isp-not-eligible",
            "AU-4",
            "destination.isp",
            || format!("{}では、{bj}でプロバイダが{ij}の場合は対象外です。", name.ja),
            || format!("{} does not cover the ISP {ie} for {be}.", name.en),
        );
    }
    Ok((cap, cash_cap))
}

/// AU-3: the refund needs the auひかり phone and the phone option pack (unless the
/// version's data says it does not); without them, `phone-options-missing`.
fn phone_options_taken(r: &Rules, d: &Destination, cx: &mut Ctx) -> Result<bool, CalcError> {
    let phone_needed = !r.has("eligible.phone-options")
        || r.boolean(
            "eligible.phone-options",
            On::au_application(d.application_date),
            &mut cx.trace,
        )?;
    if phone_needed && !d.with_phone_options {
        cx.warn_with_field(
            "phone-options-missing",
            "AU-3",
            "destination.withPhoneOptions",
            || "還元にはauひかり電話とオプションパックの加入が必要です。".into(),
            || "The refund needs the au Hikari phone and the option pack.".into(),
        );
    }
    Ok(d.with_phone_options || !phone_needed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::scenario;

    /// The conditions for So-net光プラス left for auひかり with `campaign` (its 2019
    /// version), with `destination` fields added.
    fn conditions_of(campaign: &str, fields: &str) -> (Conditions, Ctx) {
        let s = scenario(&format!(
            r#"{{ "applicationDate": "2019-05-10", "current": {{ "provider": "so-net-hikari-plus", "serviceStart": "2016-01-20" }},
                "destination": {{ "campaign": "{campaign}", "startDate": "2019-05-20" {fields} }} }}"#
        ));
        let d = s.destination.as_ref().expect("destination");
        let (r, _) = super::super::version(campaign, d.start_date).expect("version");
        let mut cx = Ctx::for_scenario(&s);
        (conditions(&s, &r, d, &mut cx).expect("conditions"), cx)
    }

    fn codes(cx: &Ctx) -> Vec<&'static str> {
        cx.warnings.iter().map(|w| w.code).collect()
    }

    #[test]
    fn au2_so_net_is_an_excluded_source_unless_entered_as_eligible() {
        let (c, cx) = conditions_of("start-support", r#", "isp": "so-net""#);
        assert!(!c.met);
        assert!(codes(&cx).contains(&"source-not-eligible"));
        let (c, cx) =
            conditions_of("start-support", r#", "isp": "so-net", "sourceExcluded": false"#);
        assert!(c.met, "{:?}", codes(&cx));
    }

    #[test]
    fn au3_au4_every_unmet_condition_is_its_own_warning_plus_mansion_has_4_isps() {
        let (c, cx) = conditions_of(
            "start-support-plus",
            r#", "sourceExcluded": false, "building": "mansion", "plan": "zutto-giga-toku", "isp": "tcom", "withPhoneOptions": false"#,
        );
        assert!(!c.met && c.cap.is_none());
        assert_eq!(codes(&cx), ["plan-not-eligible", "isp-not-eligible", "phone-options-missing"]);
    }

    #[test]
    fn au4_the_caps_follow_the_building_and_the_isp() {
        let (c, _) = conditions_of("start-support", r#", "sourceExcluded": false, "isp": "dti""#);
        assert_eq!((c.cap, c.cash_cap), (Some(15000), Some(15000)));
        let (c, _) = conditions_of(
            "start-support",
            r#", "sourceExcluded": false, "isp": "so-net", "building": "mansion", "plan": "standard""#,
        );
        assert_eq!((c.cap, c.cash_cap), (Some(30000), Some(10000)));
    }
}
