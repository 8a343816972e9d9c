//! How each answer type is written as JSON (CONTRACT.md's camelCase field names, in
//! CONTRACT's order, extra fields after): one `ToJson` impl per type of
//! [`crate::engine::output`] and of the error, on the hand-written writer of
//! [`crate::wire::json_out`].
//!
//! Holds no value of its own: every field is the engine's, written as it is.

use crate::engine::actions::{Action, Contact};
use crate::engine::output::*;
use crate::error::ErrorOut;
use crate::wire::json_out::{Obj, ToJson};

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

impl ToJson for ErrorOut {
    fn write_json(&self, out: &mut String) {
        Obj::new(out)
            .f("field", &self.field)
            .f("code", self.code)
            .f("message", &self.message)
            .end();
    }
}

impl ToJson for Contact {
    fn write_json(&self, out: &mut String) {
        Obj::new(out)
            .f("name", &self.name)
            .opt("phone", &self.phone)
            .opt("menu", &self.menu)
            .opt("hours", &self.hours)
            .opt("closed", &self.closed)
            .end();
    }
}

impl ToJson for Action {
    fn write_json(&self, out: &mut String) {
        Obj::new(out)
            .f("kind", self.kind)
            .f("rule", self.rule)
            .f("date", &self.date)
            .f("from", &self.from)
            .f("by", &self.by)
            .opt("contact", &self.contact)
            .f("text", &self.text)
            .end();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{ErrorCode, InputError};
    use crate::text::Lang;

    #[test]
    fn a_failure_is_ok_false_with_each_error_in_the_answer_language() {
        let e =
            InputError::new("current.monthlyFee", ErrorCode::OutOfRange, "範囲外", "out of range");
        let f = Failure { ok: false, errors: vec![e.to_output(Lang::En)] };
        assert_eq!(
            f.to_json(),
            r#"{"ok":false,"errors":[{"field":"current.monthlyFee","code":"out-of-range","message":"out of range"}]}"#
        );
    }

    #[test]
    fn a_compare_row_writes_whether_it_is_still_reachable() {
        let d = |s| crate::calendar::parse_date(s);
        let row = Row {
            month: crate::calendar::Month::parse("2026-10").expect("a month"),
            charges: 4580,
            refunds: 0,
            net: 4580,
            months_paid_since_earliest: 1,
            contract_month: 38,
            in_renewal_window: false,
            apply_from: d("2026-09-01"),
            apply_by: d("2026-08-31"),
        };
        let json = row.to_json();
        assert!(json.starts_with(r#"{"month":"2026-10","charges":4580"#), "{json}");
        assert!(
            json.ends_with(r#""applyFrom":"2026-09-01","applyBy":"2026-08-31","reachable":false}"#),
            "{json}"
        );
    }
}
