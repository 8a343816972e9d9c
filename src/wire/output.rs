//! The plain objects `calculate` and `compareExitMonths` return (CONTRACT.md field
//! names, camelCase; extra fields beside them: `rule`, `label`, `sources`, `timeline`,
//! `cashflow`, `rules`, `campaign`), each written as JSON by [`crate::wire::json_out`].

use crate::calendar::Month;
use crate::engine::actions::Action;
use crate::error::ErrorOut;
use crate::wire::json_out::{Obj, ToJson};
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

impl ToJson for ExitOut {
    fn write_json(&self, out: &mut String) {
        Obj::new(out)
            .f("month", &self.month)
            .f("lastServiceDay", &self.last_service_day)
            .f("completionDate", &self.completion_date)
            .f("contractMonth", &self.contract_month)
            .f("inRenewalWindow", &self.in_renewal_window)
            .f("nextRenewalWindow", &self.next_renewal_window)
            .f("earliestMonth", &self.earliest_month)
            .f("latestMonth", &self.latest_month)
            .f("chosenMonth", &self.chosen_month)
            .f("shiftedBy", &self.shifted_by)
            .f("extraMonths", &self.extra_months)
            .f("removalDate", &self.removal_date)
            .f("earliestRemovalDate", &self.earliest_removal_date)
            .f("mypageUntil", &self.mypage_until)
            .f("effectiveApplicationDate", &self.effective_application_date)
            .f("rules", &self.rules)
            .end();
    }
}

impl ToJson for ChargeOut {
    fn write_json(&self, out: &mut String) {
        Obj::new(out)
            .f("kind", self.kind)
            .f("amount", &self.amount)
            .f("month", &self.month)
            .f("billedMonth", &self.billed_month)
            .f("due", &self.due)
            .opt("slipArrives", &self.slip_arrives)
            .opt("label", &self.label)
            .f("rule", self.rule)
            .f("name", self.name)
            .f("unverified", &self.unverified)
            .end();
    }
}

impl ToJson for RefundOut {
    fn write_json(&self, out: &mut String) {
        Obj::new(out)
            .f("kind", self.kind)
            .f("amount", &self.amount)
            .f("method", self.method)
            .opt("earliest", &self.earliest)
            .opt("latest", &self.latest)
            .opt("months", &self.months)
            .opt("firstMonth", &self.first_month)
            .opt("latestFirstMonth", &self.latest_first_month)
            .f("rule", self.rule)
            .f("label", self.label)
            .f("unverified", &self.unverified)
            .end();
    }
}

impl ToJson for DeadlineOut {
    fn write_json(&self, out: &mut String) {
        Obj::new(out)
            .f("kind", self.kind)
            .f("date", &self.date)
            .f("rule", self.rule)
            .f("label", self.label)
            .f("unverified", &self.unverified)
            .end();
    }
}

impl ToJson for WarningOut {
    fn write_json(&self, out: &mut String) {
        Obj::new(out)
            .f("code", self.code)
            .f("rule", self.rule)
            .f("message", &self.message)
            .opt("field", &self.field)
            .end();
    }
}

impl ToJson for SourceOut {
    fn write_json(&self, out: &mut String) {
        Obj::new(out)
            .f("id", &self.id)
            .f("title", self.title)
            .f("url", self.url)
            .f("kind", self.kind)
            .f("checked", &self.checked)
            .end();
    }
}

impl ToJson for ExplanationOut {
    fn write_json(&self, out: &mut String) {
        Obj::new(out).f("rule", self.rule).f("text", &self.text).f("sources", &self.sources).end();
    }
}

impl ToJson for Totals {
    fn write_json(&self, out: &mut String) {
        Obj::new(out)
            .f("charges", &self.charges)
            .f("refunds", &self.refunds)
            .f("net", &self.net)
            .end();
    }
}

impl ToJson for TimelineOut {
    fn write_json(&self, out: &mut String) {
        Obj::new(out)
            .f("date", &self.date)
            .f("kind", self.kind)
            .f("label", &self.label)
            .f("rule", self.rule)
            .opt("amount", &self.amount)
            .end();
    }
}

impl ToJson for CashflowOut {
    fn write_json(&self, out: &mut String) {
        Obj::new(out).f("month", &self.month).f("out", &self.out).f("in", &self.inflow).end();
    }
}

impl ToJson for RuleSetOut {
    fn write_json(&self, out: &mut String) {
        Obj::new(out)
            .f("id", self.id)
            .f("name", self.name)
            .f("checked", &self.checked)
            .f("since", &self.since)
            .f("until", &self.until)
            .end();
    }
}

impl ToJson for CampaignOut {
    fn write_json(&self, out: &mut String) {
        Obj::new(out)
            .f("id", self.id)
            .f("name", self.name)
            .f("since", &self.since)
            .f("until", &self.until)
            .f("acceptance", &self.acceptance)
            .f("earliestAcceptance", &self.earliest_acceptance)
            .end();
    }
}

impl ToJson for CampaignInForceOut {
    fn write_json(&self, out: &mut String) {
        Obj::new(out)
            .f("campaign", self.campaign)
            .f("id", self.id)
            .f("name", self.name)
            .f("since", &self.since)
            .f("until", &self.until)
            .end();
    }
}

impl ToJson for RefundNoteOut {
    fn write_json(&self, out: &mut String) {
        Obj::new(out)
            .f("amount", &self.amount)
            .f("rule", self.rule)
            .f("text", &self.text)
            .opt("field", &self.field)
            .end();
    }
}

impl ToJson for PresetOut {
    fn write_json(&self, out: &mut String) {
        Obj::new(out)
            .f("kind", self.kind)
            .f("rule", self.rule)
            .f("label", &self.label)
            .f("construction", &self.construction)
            .end();
    }
}

impl ToJson for ConstructionOut {
    fn write_json(&self, out: &mut String) {
        Obj::new(out)
            .f("monthlyInstallment", &self.monthly_installment)
            .f("installments", &self.installments)
            .f("firstInstallment", &self.first_installment)
            .end();
    }
}

impl ToJson for Calculation {
    fn write_json(&self, out: &mut String) {
        Obj::new(out)
            .f("ok", &self.ok)
            .f("exit", &self.exit)
            .f("charges", &self.charges)
            .f("refunds", &self.refunds)
            .f("deadlines", &self.deadlines)
            .f("warnings", &self.warnings)
            .f("totals", &self.totals)
            .f("explanations", &self.explanations)
            .f("sources", &self.sources)
            .f("actions", &self.actions)
            .f("timeline", &self.timeline)
            .f("cashflow", &self.cashflow)
            .f("rules", &self.rules)
            .f("campaign", &self.campaign)
            .f("campaignInForce", &self.campaign_in_force)
            .f("refundNote", &self.refund_note)
            .f("presets", &self.presets)
            .end();
    }
}

impl ToJson for Row {
    fn write_json(&self, out: &mut String) {
        Obj::new(out)
            .f("month", &self.month)
            .f("charges", &self.charges)
            .f("refunds", &self.refunds)
            .f("net", &self.net)
            .f("monthsPaidSinceEarliest", &self.months_paid_since_earliest)
            .f("contractMonth", &self.contract_month)
            .f("inRenewalWindow", &self.in_renewal_window)
            .f("applyFrom", &self.apply_from)
            .f("applyBy", &self.apply_by)
            .f("reachable", &self.reachable())
            .end();
    }
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

impl ToJson for Comparison {
    fn write_json(&self, out: &mut String) {
        Obj::new(out)
            .f("ok", &self.ok)
            .f("rows", &self.rows)
            .f("best", &self.best)
            .f("recommended", &self.recommended)
            .f("recommendation", &self.recommendation)
            .end();
    }
}

impl ToJson for Failure {
    fn write_json(&self, out: &mut String) {
        Obj::new(out).f("ok", &self.ok).f("errors", &self.errors).end();
    }
}

impl ToJson for CalendarOut {
    fn write_json(&self, out: &mut String) {
        Obj::new(out)
            .f("ok", &self.ok)
            .f("ics", &self.ics)
            .f("filename", &self.filename)
            .f("events", &self.events)
            .end();
    }
}
