//! The validated input: what [`super::read`] gives the engine once every field has been
//! checked. Plain data, no JSON: the engine takes these types and nothing else.
//!
//! Holds the structs and the input's limits. Does not hold the enums' tables (that is
//! [`super::choices`]) nor any reading or checking (that is [`super::reader`] and the
//! `current` / `destination` readers).

use super::choices::{Building, Campaign, Channel, Customer, Payment, Plan, Region};
use super::choices::{RefundMethod, Removal, Statement};
use crate::calendar::Month;
use crate::rules::Rules;
use crate::text::Lang;
use chrono::NaiveDate;

/// Amounts: whole yen from 0 to this (CONTRACT "Limits and types").
pub const MAX_AMOUNT: i64 = 10_000_000;
pub const MAX_STRING: usize = 100;

#[derive(Clone, Debug, PartialEq)]
pub struct Construction {
    pub monthly_installment: i64,
    pub installments: i64,
    pub first_month: Option<Month>,
    /// The first installment when it differs (2,200 then 1,100 × 22 for contracts
    /// from 2022-07); default `monthly_installment`.
    pub first_installment: Option<i64>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Cashback {
    pub amount: i64,
    pub minimum_months: i64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Phone {
    pub keep_number: bool,
    pub from_ntt_analog: bool,
    pub analog_return_date: Option<NaiveDate>,
}

#[derive(Clone, Debug)]
pub struct Current {
    pub rules: Rules,
    pub service_start: NaiveDate,
    pub contract_date: NaiveDate,
    /// Whether `contractDate` was given (else it is `serviceStart`).
    pub contract_given: bool,
    pub building: Building,
    pub customer: Customer,
    pub channel: Channel,
    pub exit_month: Option<Month>,
    pub switch_date: Option<NaiveDate>,
    pub region: Region,
    pub removal: Removal,
    pub removal_date: Option<NaiveDate>,
    pub monthly_fee: i64,
    pub construction: Option<Construction>,
    pub cashback: Option<Cashback>,
    pub payment: Payment,
    pub phone: Phone,
    pub statement: Statement,
    /// The contract terms the user entered (`current.terms`), as rule values for the
    /// keys a provider lets the user enter (the `custom` provider's `user-terms`).
    pub terms: Vec<(&'static str, crate::rules::UserValue)>,
    /// The last day of service, for providers that prorate the exit month.
    pub exit_date: Option<NaiveDate>,
}

impl Current {
    /// How texts name the provider ("So-net", "今の事業者"): `provider.short-name`.
    pub fn short_name(&self, lang: Lang) -> &'static str {
        let named = self.rules.set.params.iter().find(|p| p.key == "provider.short-name");
        match named.map(|p| &p.value) {
            Some(crate::rules::Value::Text(t)) => lang.pick(t.ja, t.en),
            _ => lang.pick(self.rules.set.name.ja, self.rules.set.name.en),
        }
    }
}

#[derive(Clone, Debug)]
pub struct Destination {
    pub campaign: Campaign,
    pub building: Building,
    pub plan: Plan,
    pub isp: Option<&'static str>,
    pub start_date: NaiveDate,
    pub with_phone_options: bool,
    /// `None`: take the current provider's `au-smart-value-ftth` flag (AU-2).
    pub source_excluded: Option<bool>,
    pub smart_value: bool,
    pub refund_method: RefundMethod,
    pub acceptance_date: Option<NaiveDate>,
    pub other_covered_fees: i64,
    pub mobile_lines: i64,
    /// The day the auひかり contract was applied for: picks the campaign version
    /// (issue 8); default `start_date`.
    pub application_date: NaiveDate,
    /// Covered by versions that list them (`covered.extra`): number portability and
    /// NTT phone-line construction fees.
    pub number_portability_fee: i64,
    pub ntt_line_construction_fee: i64,
}

#[derive(Clone, Debug)]
pub struct Scenario {
    pub lang: Lang,
    pub application_date: NaiveDate,
    pub current: Current,
    pub destination: Option<Destination>,
}

#[cfg(test)]
mod tests {
    use crate::text::Lang;

    #[test]
    fn a_provider_is_named_by_its_short_name_else_by_its_rule_set_name() {
        let sonet = crate::engine::scenario(
            r#"{"applicationDate":"2026-09-10","current":{"provider":"so-net-hikari-plus",
            "serviceStart":"2021-03-15"}}"#,
        );
        let custom = crate::engine::scenario(
            r#"{"applicationDate":"2026-09-10","current":{"provider":"custom",
            "serviceStart":"2021-03-15","terms":{"termMonths":24,"cancellationFee":0}}}"#,
        );
        // Each is named by its own data's `provider.short-name`, never by another's.
        let data_name = |c: &super::Current, lang: Lang| match c
            .rules
            .set
            .params
            .iter()
            .find(|p| p.key == "provider.short-name")
        {
            Some(crate::rules::Param { value: crate::rules::Value::Text(t), .. }) => {
                lang.pick(t.ja, t.en).to_string()
            }
            _ => panic!("{} has no short name", c.rules.set.id),
        };
        for lang in [Lang::Ja, Lang::En] {
            assert_eq!(sonet.current.short_name(lang), data_name(&sonet.current, lang));
            assert_eq!(custom.current.short_name(lang), data_name(&custom.current, lang));
            assert_ne!(sonet.current.short_name(lang), custom.current.short_name(lang));
        }
    }
}
