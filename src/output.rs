//! The plain objects `calculate` and `compareExitMonths` return (CONTRACT.md field
//! names, camelCase; extra fields beside them: `rule`, `label`, `sources`, `timeline`,
//! `cashflow`, `rules`, `campaign`).

use crate::actions::Action;
use crate::calendar::Month;
use crate::error::ErrorOut;
use chrono::NaiveDate;
use serde::{Serialize, Serializer};

impl Serialize for Month {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[derive(Serialize, Debug, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
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

#[derive(Serialize, Debug, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ChargeOut {
    pub kind: &'static str,
    pub amount: i64,
    pub month: Month,
    pub billed_month: Month,
    pub due: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub slip_arrives: Option<Month>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<Month>,
    pub rule: &'static str,
    pub name: &'static str,
    /// Rests on a value marked unverified in rules/ (a `rule-unverified` warning names it).
    pub unverified: bool,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct RefundOut {
    pub kind: &'static str,
    pub amount: i64,
    pub method: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub earliest: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub latest: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub months: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_month: Option<Month>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub latest_first_month: Option<Month>,
    pub rule: &'static str,
    pub label: &'static str,
    pub unverified: bool,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct DeadlineOut {
    pub kind: &'static str,
    pub date: NaiveDate,
    pub rule: &'static str,
    pub label: &'static str,
    pub unverified: bool,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct WarningOut {
    pub code: &'static str,
    pub rule: &'static str,
    pub message: String,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct SourceOut {
    pub id: String,
    pub title: &'static str,
    pub url: &'static str,
    pub kind: &'static str,
    pub checked: String,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct ExplanationOut {
    pub rule: &'static str,
    pub text: String,
    /// Ids into the answer's `sources` (each source is listed once).
    pub sources: Vec<String>,
}

#[derive(Serialize, Debug, Clone, Copy, PartialEq, Default)]
pub struct Totals {
    pub charges: i64,
    pub refunds: i64,
    pub net: i64,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct TimelineOut {
    pub date: NaiveDate,
    pub kind: &'static str,
    pub label: String,
    pub rule: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<i64>,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct CashflowOut {
    pub month: Month,
    pub out: i64,
    #[serde(rename = "in")]
    pub inflow: i64,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct RuleSetOut {
    pub id: &'static str,
    pub name: &'static str,
    pub checked: String,
    pub since: String,
    pub until: Option<String>,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct CampaignOut {
    pub id: &'static str,
    pub name: &'static str,
    pub since: String,
    pub until: Option<String>,
    pub acceptance: NaiveDate,
    pub earliest_acceptance: NaiveDate,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
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
    /// Values the page may offer the user to fill in (never applied by the core).
    pub presets: Vec<PresetOut>,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct PresetOut {
    pub kind: &'static str,
    pub rule: &'static str,
    pub label: String,
    pub construction: ConstructionOut,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ConstructionOut {
    pub monthly_installment: i64,
    pub installments: i64,
    pub first_installment: i64,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Row {
    pub month: Month,
    pub charges: i64,
    pub refunds: i64,
    pub net: i64,
    pub months_paid_since_earliest: i32,
    pub contract_month: i32,
    pub in_renewal_window: bool,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Comparison {
    pub ok: bool,
    pub rows: Vec<Row>,
    pub best: Month,
    pub recommendation: String,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct Failure {
    pub ok: bool,
    pub errors: Vec<ErrorOut>,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct CalendarOut {
    pub ok: bool,
    pub ics: String,
    pub filename: String,
    pub events: usize,
}
