//! The plain objects `calculate` and `compareExitMonths` return (CONTRACT.md field
//! names, camelCase; extra fields beside them: `rule`, `label`, `sources`, `timeline`,
//! `cashflow`, `rules`, `campaign`). Plain data: how each is written as JSON is
//! [`crate::wire::answer_json`] (these types know no JSON).

use crate::calendar::Month;
use crate::engine::actions::Action;
use crate::error::ErrorOut;
use chrono::NaiveDate;

#[derive(Debug, Clone, PartialEq)]
pub struct ExitOut {
    pub month: Month,
    pub last_service_day: NaiveDate,
    pub completion_date: NaiveDate,
    pub contract_month: i32,
    pub in_renewal_window: bool,
    pub next_renewal_window: [Month; 2],
    pub earliest_month: Month,
    pub latest_month: Month,
    pub chosen_month: Month,
    pub shifted_by: Option<&'static str>,
    pub extra_months: i32,
    pub removal_date: Option<NaiveDate>,
    pub earliest_removal_date: Option<NaiveDate>,
    pub mypage_until: NaiveDate,
    pub effective_application_date: NaiveDate,
    /// The rules that decided the exit month (SN-1 always; the window's rule; a shift's).
    pub rules: Vec<&'static str>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ChargeOut {
    pub kind: &'static str,
    pub amount: i64,
    pub month: Month,
    pub billed_month: Month,
    pub due: Option<NaiveDate>,
    pub slip_arrives: Option<Month>,
    pub label: Option<Month>,
    pub rule: &'static str,
    pub name: &'static str,
    /// Rests on a value marked unverified in rules/ (a `rule-unverified` warning names it).
    pub unverified: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RefundOut {
    pub kind: &'static str,
    pub amount: i64,
    pub method: &'static str,
    pub earliest: Option<NaiveDate>,
    pub latest: Option<NaiveDate>,
    pub months: Option<i64>,
    pub first_month: Option<Month>,
    pub latest_first_month: Option<Month>,
    pub rule: &'static str,
    pub label: &'static str,
    pub unverified: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DeadlineOut {
    pub kind: &'static str,
    pub date: NaiveDate,
    pub rule: &'static str,
    pub label: &'static str,
    pub unverified: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct WarningOut {
    pub code: &'static str,
    pub rule: &'static str,
    pub message: String,
    /// The input field the reader can change about it (the page links to it).
    pub field: Option<&'static str>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SourceOut {
    pub id: String,
    pub title: &'static str,
    pub url: &'static str,
    pub kind: &'static str,
    pub checked: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ExplanationOut {
    pub rule: &'static str,
    pub text: String,
    /// Ids into the answer's `sources` (each source is listed once).
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Totals {
    pub charges: i64,
    pub refunds: i64,
    pub net: i64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TimelineOut {
    pub date: NaiveDate,
    pub kind: &'static str,
    pub label: String,
    pub rule: &'static str,
    pub amount: Option<i64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CashflowOut {
    pub month: Month,
    pub out: i64,
    pub inflow: i64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RuleSetOut {
    pub id: &'static str,
    pub name: &'static str,
    pub checked: String,
    pub since: String,
    pub until: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CampaignOut {
    pub id: &'static str,
    pub name: &'static str,
    pub since: String,
    pub until: Option<String>,
    pub acceptance: NaiveDate,
    pub earliest_acceptance: NaiveDate,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Calculation {
    pub ok: bool,
    pub exit: ExitOut,
    pub charges: Vec<ChargeOut>,
    pub refunds: Vec<RefundOut>,
    pub deadlines: Vec<DeadlineOut>,
    pub warnings: Vec<WarningOut>,
    pub totals: Totals,
    pub explanations: Vec<ExplanationOut>,
    /// Every source an explanation cites, once.
    pub sources: Vec<SourceOut>,
    pub actions: Vec<Action>,
    pub timeline: Vec<TimelineOut>,
    pub cashflow: Vec<CashflowOut>,
    pub rules: Vec<RuleSetOut>,
    pub campaign: Option<CampaignOut>,
    /// AU-1: when the chosen campaign has no version on the auひかり application date,
    /// the campaign that has one (the page offers to switch to it).
    pub campaign_in_force: Option<CampaignInForceOut>,
    /// A chosen campaign that pays nothing at all: why, in words (the page's "0円" line).
    pub refund_note: Option<RefundNoteOut>,
    /// Values the page may offer the user to fill in (never applied by the core).
    pub presets: Vec<PresetOut>,
}

/// Why a chosen campaign pays nothing (`amount` is always 0).
#[derive(Debug, Clone, PartialEq)]
pub struct RefundNoteOut {
    pub amount: i64,
    pub rule: &'static str,
    pub text: String,
    /// The input field the first reason points to, if one.
    pub field: Option<&'static str>,
}

/// A campaign version in force on the auひかり application date (`destination.campaign`
/// code, rule set id, name and dates).
#[derive(Debug, Clone, PartialEq)]
pub struct CampaignInForceOut {
    pub campaign: &'static str,
    pub id: &'static str,
    pub name: &'static str,
    pub since: String,
    pub until: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PresetOut {
    pub kind: &'static str,
    pub rule: &'static str,
    pub label: String,
    pub construction: ConstructionOut,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ConstructionOut {
    pub monthly_installment: i64,
    pub installments: i64,
    pub first_installment: i64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub month: Month,
    pub charges: i64,
    pub refunds: i64,
    pub net: i64,
    pub months_paid_since_earliest: i32,
    pub contract_month: i32,
    pub in_renewal_window: bool,
    /// The application dates that reach this month (None with a provider switch); a row
    /// whose `apply_by` is before `apply_from` cannot be reached any more.
    pub apply_from: Option<NaiveDate>,
    pub apply_by: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub ok: bool,
    pub rows: Vec<Row>,
    pub best: Month,
    /// The month the recommendation names: `best`, or the cheapest reachable row when
    /// `best` can no longer be reached.
    pub recommended: Month,
    pub recommendation: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    pub ok: bool,
    pub errors: Vec<ErrorOut>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CalendarOut {
    pub ok: bool,
    pub ics: String,
    pub filename: String,
    pub events: usize,
}

impl Row {
    /// Some application date, from the given one on, still reaches this month.
    pub fn reachable(&self) -> bool {
        match (self.apply_from, self.apply_by) {
            (Some(f), Some(b)) => f <= b,
            _ => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(from: Option<&str>, by: Option<&str>) -> Row {
        let d = |s: Option<&str>| s.and_then(crate::calendar::parse_date);
        Row {
            month: Month::parse("2026-10").expect("a month"),
            charges: 0,
            refunds: 0,
            net: 0,
            months_paid_since_earliest: 0,
            contract_month: 1,
            in_renewal_window: true,
            apply_from: d(from),
            apply_by: d(by),
        }
    }

    /// SN-2, SN-3: a month is reachable while some application date from today on still
    /// falls in its window; with no window (a provider switch) it always is.
    #[test]
    fn sn2_a_row_is_reachable_while_its_window_is_open() {
        assert!(row(Some("2026-09-10"), Some("2026-09-30")).reachable());
        assert!(row(Some("2026-09-30"), Some("2026-09-30")).reachable());
        assert!(!row(Some("2026-10-01"), Some("2026-09-30")).reachable());
        assert!(row(None, None).reachable());
    }
}
