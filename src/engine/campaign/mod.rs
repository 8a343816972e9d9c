//! What the destination's campaign refunds, split how and arriving when (AU-1 … AU-10),
//! or — honestly — that it refunds nothing, and every reason why.
//!
//! [`run`] is the pipeline, one stage per concept, each in its own module named for it:
//! `version` (AU-1: the dated version in force, or that the campaign had ended),
//! `window` (AU-7: the application deadline and the acceptance date),
//! `eligibility` (AU-2 source, AU-3 plan and phone options, AU-4 ISP),
//! `refund` (AU-5 covered fees and amount, AU-4 caps, AU-6 timing),
//! `extras` (AU-9 mobile part, AU-10 Plus extras) and `commitment` (AU-8).
//!
//! Holds no campaign figure (those are the campaign rule sets' data) and nothing of the
//! answer's presentation ([`super::answer`]).

mod commitment;
mod eligibility;
mod extras;
mod refund;
mod version;
mod window;

pub use refund::{Method, Refund, RefundKind};
pub use version::{chosen, version, Chosen, Ended};

use crate::engine::charges::Charge;
use crate::engine::context::Ctx;
use crate::engine::exit::ExitPlan;
use crate::engine::Mode;
use crate::error::CalcError;
use crate::input::Scenario;
use crate::rules::Rules;
use chrono::NaiveDate;

#[derive(Clone, Debug, PartialEq)]
pub struct CampaignOutcome {
    pub rules: Rules,
    pub refunds: Vec<Refund>,
    pub earliest_acceptance: NaiveDate,
    pub acceptance: NaiveDate,
    pub application_deadline: NaiveDate,
    pub commitment_end: NaiveDate,
    /// Covered fees before the cap (AU-5).
    pub covered: i64,
}

impl PartialEq for Rules {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.set, other.set)
    }
}
impl std::fmt::Debug for Rules {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Rules({})", self.set.id)
    }
}

const OVF: CalcError = CalcError::DateOverflow;

/// The campaign's refunds for the exit in `plan` with exit charges `exit`; `None` when
/// no campaign is chosen, or when the chosen one has no version on the auひかり
/// application date (AU-1: it pays nothing, and says so in a warning). In a
/// compareExitMonths row ([`Mode::Row`]) the acceptance date is the later of the given one
/// and the row's earliest; in the answer an earlier given one is an input error.
///
/// The stages run in the SPEC's order, and that order is part of the answer: the rule
/// values each reads are cited, and flagged when unverified, in the order read.
pub fn run(
    s: &Scenario,
    plan: &ExitPlan,
    exit: &[Charge],
    mode: Mode,
    cx: &mut Ctx,
) -> Result<Option<CampaignOutcome>, CalcError> {
    let r = match chosen(s)? {
        Chosen::Nothing => return Ok(None),
        Chosen::Ended(e) => {
            version::warn_ended(s, &e, cx);
            return Ok(None);
        }
        Chosen::InForce(r) => r,
    };
    let Some(d) = &s.destination else { return Ok(None) };
    version::explain_in_force(&r, d.application_date, cx)?;
    let w = window::application_window(s, &r, d, plan, mode, cx)?;
    let conditions = eligibility::conditions(s, &r, d, cx)?;
    // One application carries every benefit: the fee refund and the Plus extras need
    // all the conditions and the application in time (AU-7, AU-10).
    let fee_ok = conditions.met && w.in_time;
    let covered = refund::covered_fees(s, &r, d, exit, cx)?;
    let timing = refund::timing(&r, d, w.acceptance, cx)?;
    let mut refunds = Vec::new();
    let fee_refund = if fee_ok {
        let caps = (conditions.cap, conditions.cash_cap);
        refund::fee_refund(&r, d, caps, covered, &timing, &mut refunds, cx)?
    } else {
        0
    };
    refunds.extend(extras::mobile_refund(&r, d, &timing, w.in_time, cx)?);
    if fee_ok {
        refunds.extend(extras::plus_extras(&r, d, &timing, fee_refund, cx)?);
    }
    let commitment_end = commitment::commitment_end(&r, d, fee_refund, covered, cx)?;
    Ok(Some(CampaignOutcome {
        rules: r,
        refunds,
        earliest_acceptance: w.earliest,
        acceptance: w.acceptance,
        application_deadline: w.deadline,
        commitment_end,
        covered,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{charges, exit, scenario};

    /// The whole pipeline for So-net光プラス left in its renewal month for スタートサポート
    /// from an eligible source: the refunds in the order the stages push them.
    #[test]
    fn au1_to_au10_the_stages_add_the_fee_refund_then_the_mobile_part() {
        let s = scenario(
            r#"{ "applicationDate": "2019-05-10", "current": { "provider": "so-net-hikari-plus", "serviceStart": "2016-01-20" },
                "destination": { "campaign": "start-support", "startDate": "2019-05-20", "isp": "so-net", "sourceExcluded": false, "mobileLines": 1, "otherCoveredFees": 5000 } }"#,
        );
        let mut cx = Ctx::for_scenario(&s);
        let plan = exit::plan(&s, Mode::Answer, &mut cx).expect("plan");
        let ex = charges::exit_charges(&s, &plan, &mut cx).expect("charges");
        let k = run(&s, &plan, &ex, Mode::Answer, &mut cx).expect("run").expect("a campaign");
        let kinds: Vec<_> = k.refunds.iter().map(|r| r.kind).collect();
        assert_eq!(kinds, [RefundKind::FeeRefundCash, RefundKind::MobileRefund]);
        assert!(k.covered >= 5000);
        assert_eq!(k.refunds[0].amount, k.covered.min(30000));
        assert_eq!(k.rules.set.id, "au-start-support");
    }
}
