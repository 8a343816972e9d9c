//! The answer's deadlines (CONTRACT "deadlines"), in CONTRACT's order: the auひかり
//! application deadline (AU-7), the last day of the member pages (SN-13), the
//! analog-return deadline (SN-6), the day to apply by to keep the month with removal
//! (SN-5) and the end of the campaign commitment (AU-8), each named in the answer's
//! language and flagged when an unverified value stands behind it.
//!
//! Computes no date (each comes from the exit plan or the campaign), and is not the
//! to-do list ([`super::actions`]) or the timeline ([`super::answer`]).

use super::answer::unverified;
use crate::engine::campaign::CampaignOutcome;
use crate::engine::context::Ctx;
use crate::engine::exit::ExitPlan;
use crate::engine::output::DeadlineOut;
use crate::input::Scenario;

/// The deadlines of the exit in `plan` and of the campaign, if one pays. Whether each
/// rests on an unverified value is judged on the values read so far (the figures', not
/// the to-do list's).
pub(crate) fn deadlines(
    s: &Scenario,
    plan: &ExitPlan,
    camp: Option<&CampaignOutcome>,
    cx: &Ctx,
) -> Vec<DeadlineOut> {
    let lang = s.lang;
    let mut deadlines = Vec::new();
    // "MyPage" is So-net's word: said only for a provider whose data prints statements there.
    let mypage = s.current.rules.has("statement.how");
    let dl = |kind, date, rule, ja, en| DeadlineOut {
        kind,
        date,
        rule,
        label: lang.pick(ja, en),
        unverified: unverified(cx, &[rule, if rule.starts_with("AU") { "AU-1" } else { rule }]),
    };
    if let Some(k) = camp {
        deadlines.push(dl(
            "au-application",
            k.application_deadline,
            "AU-7",
            "auひかりの申請期限",
            "au Hikari application deadline",
        ));
    }
    deadlines.push(dl(
        "statement-print",
        plan.mypage_until,
        "SN-13",
        if mypage {
            "明細書を印刷できる期限（マイページ）"
        } else {
            "会員ページを見られる期限"
        },
        if mypage {
            "Last day to print the statement (MyPage)"
        } else {
            "Last day of the member pages"
        },
    ));
    if let Some(d) = plan.analog_deadline {
        deadlines.push(dl(
            "analog-return",
            d,
            "SN-6",
            "アナログ戻しの期限",
            "Analog-return deadline",
        ));
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
    if let Some(k) = camp {
        deadlines.push(dl(
            "au-commitment-end",
            k.commitment_end,
            "AU-8",
            "キャンペーン利用期間の終わり",
            "End of the campaign commitment",
        ));
    }

    deadlines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::calculate::{core, Core};
    use crate::engine::scenario;

    fn kinds(json: &str) -> Vec<(&'static str, String)> {
        let s = scenario(json);
        let mut cx = Ctx::for_scenario(&s);
        let Ok(Core { plan, camp, .. }) = core(&s, &mut cx) else { panic!("no core") };
        deadlines(&s, &plan, camp.as_ref(), &cx)
            .iter()
            .map(|d| (d.kind, d.date.to_string()))
            .collect()
    }

    #[test]
    fn sn5_sn6_sn13_au7_au8_deadlines_come_in_contracts_order() {
        let got = kinds(
            r#"{ "applicationDate": "2019-05-10", "current": { "provider": "so-net-hikari-plus", "serviceStart": "2016-01-20",
                  "removal": "requested", "region": "east", "phone": { "keepNumber": true, "fromNttAnalog": true } },
                 "destination": { "campaign": "start-support", "startDate": "2019-05-20", "isp": "so-net" } }"#,
        );
        let order: Vec<_> = got.iter().map(|(k, _)| *k).collect();
        assert_eq!(
            order,
            [
                "au-application",
                "statement-print",
                "analog-return",
                "removal-application",
                "au-commitment-end"
            ]
        );
        // SN-6: the analog return within 75 days of the application (2019-05-10).
        assert_eq!(got[2].1, "2019-07-24");
    }

    #[test]
    fn sn13_without_a_campaign_only_the_member_pages_deadline_is_left() {
        let got = kinds(
            r#"{ "applicationDate": "2019-05-10", "current": { "provider": "so-net-hikari-plus", "serviceStart": "2016-01-20" } }"#,
        );
        assert_eq!(got.iter().map(|(k, _)| *k).collect::<Vec<_>>(), ["statement-print"]);
    }
}
