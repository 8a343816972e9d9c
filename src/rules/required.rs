//! The keys a rule set must have, by kind: the engine reads these for every answer, so
//! a set without one could only answer `internal`. Used by `build.rs` (which refuses such
//! a rule book) and the tests; holds no parsing (that is `compile`).

// `schema` is a sibling module in the crate and a sibling `#[path]` module in build.rs.
use super::schema::{RuleSet, SetKind};

/// Keys every provider's rule set must have: the engine reads them for every answer, so
/// a set without one could only answer `internal`. Every other key is optional: the
/// sentence, step or charge that needs it is left out when a provider's data lacks it.
pub const PROVIDER_REQUIRED: &[&str] = &[
    "provider.short-name",
    "exit.window-months",
    "exit.channels.individual",
    "exit.channels.corporate",
    "exit.corporate-paper-cutoff-day",
    "removal.lead-days",
    "removal.fee",
    "phone.analog-return-days",
    "contract.term-months",
    "contract.renewal-months",
    "fee.cancellation",
    "construction.first-month-offset",
    "billing.lag-months",
    "billing.bank-debit-day",
    "billing.convenience-due-day",
    "billing.payments.individual",
    "billing.payments.corporate",
    "mypage.months-after-exit",
];

/// Keys every campaign version must have (an application window is one of two keys).
pub const CAMPAIGN_REQUIRED: &[&str] = &[
    "campaign.family",
    "version.dates",
    "eligible.excluded-sources",
    "eligible.plans.home",
    "eligible.plans.mansion",
    "cap.home",
    "cap.mansion",
    "cash-cap.home",
    "cash-cap.mansion",
    "covered.current-provider",
    "refund.monthly-amount",
    "refund.monthly-max-months",
    "timing.au-wallet-months",
    "timing.postal",
    "timing.monthly-bill-offsets",
    "commitment.months",
    "commitment.fee",
    "commitment.fee-waived-up-to",
];

/// The required keys (above) that a compiled set lacks, as `file: params: …` messages;
/// build.rs refuses the rule book when any set has one.
pub fn missing_required(file: &str, set: &RuleSet) -> Vec<String> {
    let has = |k: &str| set.params.iter().any(|p| p.key == k);
    let (list, kind) = match set.kind {
        SetKind::Provider => (PROVIDER_REQUIRED, "provider"),
        SetKind::Campaign => (CAMPAIGN_REQUIRED, "campaign"),
    };
    let mut out: Vec<String> = list
        .iter()
        .filter(|k| !has(k))
        .map(|k| format!("{file}: params: lacks \"{k}\", which every {kind} must have"))
        .collect();
    if set.kind == SetKind::Campaign
        && !has("application.window-months")
        && !has("application.window-calendar-months")
    {
        out.push(format!("{file}: params: lacks \"application.window-months\" (or \"application.window-calendar-months\"), which every campaign must have"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::schema::Text;

    fn empty(kind: SetKind) -> RuleSet {
        let name = Text { ja: String::new(), en: String::new() };
        RuleSet {
            id: "x".into(),
            kind,
            name,
            checked: 0,
            since: 0,
            until: 0,
            sources: vec![],
            params: vec![],
        }
    }

    #[test]
    fn an_empty_provider_lacks_every_required_key() {
        let m = missing_required("p.toml", &empty(SetKind::Provider));
        assert_eq!(m.len(), PROVIDER_REQUIRED.len());
        assert_eq!(
            m[0],
            "p.toml: params: lacks \"provider.short-name\", which every provider must have"
        );
    }

    #[test]
    fn au7_a_campaign_needs_one_of_the_two_application_windows() {
        let m = missing_required("c.toml", &empty(SetKind::Campaign));
        assert_eq!(m.len(), CAMPAIGN_REQUIRED.len() + 1);
        assert!(m.last().is_some_and(|l| l.contains("application.window-months")));
    }
}
