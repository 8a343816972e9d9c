//! `current`: the contract being left, read field by field, with the checks that need no
//! calculation, made against the provider's rule data (SN-3, SN-4, SN-12) and the user's
//! own terms (CU-1).
//!
//! Holds no date arithmetic (the exit window, the earliest removal are computed by the
//! engine, which checks them where it computes them).

use super::choices::{way_name, DEFAULT_BANK_DEBIT_DAY, DEFAULT_RENEWAL_MONTHS};
use super::choices::{Building, Channel, Customer, Payment, Region, Removal, Statement};
use super::reader::{describe, Reader};
use super::types::{Cashback, Construction, Current, Phone, MAX_AMOUNT};
use crate::error::ErrorCode as C;
use crate::rules::On;
use crate::rules::Rules;
use crate::wire::json::Json;

/// The names of `codes` joined for people.
fn ways(codes: &[&str], ja: bool) -> String {
    let names: Vec<&str> = codes.iter().map(|c| way_name(c, ja)).collect();
    crate::text::join(&names, if ja { "、" } else { ", " })
}

/// `applied`: the exit's application date when it is valid (the channels and payments a
/// provider allows are picked by it, `rules/keys.toml`).
pub(super) fn read_current(
    r: &mut Reader,
    c: &Json,
    applied: Option<chrono::NaiveDate>,
) -> Option<Current> {
    let provider = match c.get("provider") {
        None | Some(Json::Null) => {
            r.missing("current.provider");
            None
        }
        Some(Json::Str(s)) => match r.fits("current.provider", s).map(|id| (id, Rules::of(id))) {
            Some((_, Some(rules))) if rules.set.kind == crate::rules::SetKind::Provider => {
                Some(rules)
            }
            Some(_) => {
                let known: Vec<&str> = crate::rules::book()
                    .map(|b| {
                        b.sets
                            .iter()
                            .filter(|s| s.kind == crate::rules::SetKind::Provider)
                            .map(|s| s.id)
                            .collect()
                    })
                    .unwrap_or_default();
                let list = crate::text::join(&known, " | ");
                r.err(
                    "current.provider",
                    C::UnknownValue,
                    format!("\"{s}\" の規則はありません。使える値: {list}"),
                    format!("no rules for \"{s}\"; known: {list}"),
                );
                None
            }
            None => None,
        },
        Some(other) => {
            let (dj, de) = describe(other);
            r.err(
                "current.provider",
                C::UnknownValue,
                format!("事業者のIDではありません（入力: {dj}）。"),
                format!("not a provider id (got {de})."),
            );
            None
        }
    };
    let service_start = r.date(c.get("serviceStart"), "current.serviceStart", true);
    let contract_date = r.date(c.get("contractDate"), "current.contractDate", false);
    let building = r.pick(c.get("building"), "current.building").unwrap_or(Building::DEFAULT);
    let customer = r.pick(c.get("customer"), "current.customer").unwrap_or(Customer::DEFAULT);
    let channel = r.pick(c.get("channel"), "current.channel").unwrap_or(Channel::DEFAULT);
    let exit_month = r.month(c.get("exitMonth"), "current.exitMonth");
    let switch_date = if channel == Channel::ProviderSwitch {
        r.date(c.get("switchDate"), "current.switchDate", true)
    } else {
        None // ignored, not validated (CONTRACT "Limits and types")
    };
    let region = r.pick(c.get("region"), "current.region").unwrap_or(Region::DEFAULT);
    let removal = r.pick(c.get("removal"), "current.removal").unwrap_or(Removal::DEFAULT);
    let removal_date = if removal == Removal::None {
        None
    } else {
        r.date(c.get("removalDate"), "current.removalDate", false)
    };
    let monthly_fee = r.amount(c.get("monthlyFee"), "current.monthlyFee");
    let construction =
        r.object(c.get("construction"), "current.construction").map(|o| Construction {
            monthly_installment: r
                .int(
                    o.get("monthlyInstallment"),
                    "current.construction.monthlyInstallment",
                    0,
                    MAX_AMOUNT,
                    None,
                )
                .unwrap_or(0),
            installments: r
                .int(o.get("installments"), "current.construction.installments", 1, 600, None)
                .unwrap_or(1),
            first_month: r.month(o.get("firstMonth"), "current.construction.firstMonth"),
            first_installment: match o.get("firstInstallment") {
                None | Some(Json::Null) => None,
                v => r.int(v, "current.construction.firstInstallment", 0, MAX_AMOUNT, None),
            },
        });
    let cashback = r.object(c.get("cashback"), "current.cashback").map(|o| Cashback {
        amount: r.int(o.get("amount"), "current.cashback.amount", 0, MAX_AMOUNT, None).unwrap_or(0),
        minimum_months: r
            .int(o.get("minimumMonths"), "current.cashback.minimumMonths", 1, 600, None)
            .unwrap_or(1),
    });
    let payment = r.pick(c.get("payment"), "current.payment").unwrap_or(Payment::DEFAULT);
    // SN-4: with a provider switch the phone block is ignored, not validated.
    let phone = match (
        channel,
        r.object(c.get("phone").filter(|_| channel != Channel::ProviderSwitch), "current.phone"),
    ) {
        (_, Some(p)) => Phone {
            keep_number: r.boolean(p.get("keepNumber"), "current.phone.keepNumber", false),
            from_ntt_analog: r.boolean(p.get("fromNttAnalog"), "current.phone.fromNttAnalog", true),
            analog_return_date: r.date(
                p.get("analogReturnDate"),
                "current.phone.analogReturnDate",
                false,
            ),
        },
        _ => Phone { keep_number: false, from_ntt_analog: true, analog_return_date: None },
    };
    let statement = r.pick(c.get("statement"), "current.statement").unwrap_or(Statement::DEFAULT);
    // Issue 5: contract terms entered by the user (required for the custom provider,
    // validated whenever present).
    let custom = provider.is_some_and(|p| p.has("user-terms"));
    let mut terms = Vec::new();
    match r.object(c.get("terms"), "current.terms") {
        Some(t) => {
            use crate::rules::UserValue as V;
            // Required only of a provider whose terms the user enters; for another, a
            // value given is checked and changes nothing (CU-1).
            let need = |k: &str| {
                if custom || !matches!(t.get(k), None | Some(Json::Null)) {
                    None
                } else {
                    Some(0)
                }
            };
            let term =
                r.int(t.get("termMonths"), "current.terms.termMonths", 1, 120, need("termMonths"));
            let renew = r
                .int(
                    t.get("renewalMonths"),
                    "current.terms.renewalMonths",
                    1,
                    3,
                    Some(DEFAULT_RENEWAL_MONTHS),
                )
                .unwrap_or(DEFAULT_RENEWAL_MONTHS);
            let fee = r.int(
                t.get("cancellationFee"),
                "current.terms.cancellationFee",
                0,
                MAX_AMOUNT,
                need("cancellationFee"),
            );
            let day = r
                .int(
                    t.get("bankDebitDay"),
                    "current.terms.bankDebitDay",
                    1,
                    31,
                    Some(DEFAULT_BANK_DEBIT_DAY),
                )
                .unwrap_or(DEFAULT_BANK_DEBIT_DAY);
            let prorated = r.boolean(t.get("prorated"), "current.terms.prorated", false);
            if let Some(term) = term {
                terms.push(("contract.term-months", V::Int(term)));
            }
            terms.push(("contract.renewal-months", V::Ints((1..=renew).collect())));
            if let Some(fee) = fee {
                terms.push(("fee.cancellation", V::Every(fee)));
            }
            terms.push(("billing.bank-debit-day", V::Int(day)));
            terms.push(("billing.prorated", V::Bool(prorated)));
        }
        None if custom => r.err(
            "current.terms",
            C::Missing,
            "その他の事業者では契約条件（契約期間・契約解除料など）の入力が必要です。".into(),
            "another provider needs its contract terms (term, cancellation fee, …).".into(),
        ),
        None => {}
    }
    let prorated = terms
        .iter()
        .any(|(k, v)| *k == "billing.prorated" && *v == crate::rules::UserValue::Bool(true));
    let exit_date = if prorated && custom {
        r.date(c.get("exitDate"), "current.exitDate", false)
    } else {
        None
    };

    // Combinations that need no calculation (SN-3, SN-4, SN-12), checked against the
    // provider's rule data.
    if let Some(rules) = provider {
        let mut tr = crate::rules::Trace::default();
        let at = applied.or(service_start).unwrap_or_default();
        let (who, key) = match customer {
            Customer::Individual => ("個人", "exit.channels.individual"),
            Customer::Corporate => ("法人", "exit.channels.corporate"),
        };
        if rules.has(key) {
            if let Ok(allowed) = rules.strs(key, On::application(at), &mut tr) {
                if !allowed.contains(&channel.code()) {
                    let who_en = if customer == Customer::Corporate {
                        "a corporate customer"
                    } else {
                        "an individual customer"
                    };
                    r.err(
                        "current.channel",
                        C::NotAllowed,
                        format!(
                            "{who}のお客様は「{}」で退会を申し込めません。使える方法: {}",
                            way_name(channel.code(), true),
                            ways(allowed, true)
                        ),
                        format!(
                            "{who_en} cannot apply by {}; allowed: {}",
                            way_name(channel.code(), false),
                            ways(allowed, false)
                        ),
                    );
                }
            }
        }
        let pkey = match customer {
            Customer::Individual => "billing.payments.individual",
            Customer::Corporate => "billing.payments.corporate",
        };
        if rules.has(pkey) {
            if let Ok(allowed) = rules.strs(pkey, On::application(at), &mut tr) {
                if !allowed.contains(&payment.code()) {
                    r.err(
                        "current.payment",
                        C::NotAllowed,
                        format!(
                            "{who}のお客様は「{}」で支払えません。使える方法: {}",
                            way_name(payment.code(), true),
                            ways(allowed, true)
                        ),
                        format!(
                            "{} is not available to this customer; allowed: {}",
                            way_name(payment.code(), false),
                            ways(allowed, false)
                        ),
                    );
                }
            }
        }
    }
    if channel == Channel::ProviderSwitch && removal != Removal::None {
        r.err(
            "current.removal",
            C::NotAllowed,
            "事業者変更では回線がそのまま残るため、撤去工事は選べません。".into(),
            "with a provider switch the line stays, so removal construction cannot be chosen."
                .into(),
        );
    }
    let (service_start, provider) = (service_start?, provider?);
    let contract_given = contract_date.is_some();
    let contract_date = contract_date.unwrap_or(service_start);
    if contract_date > service_start {
        r.err(
            "current.contractDate",
            C::Inconsistent,
            format!("契約申込日（{contract_date}）が利用開始日（{service_start}）より後です。"),
            format!(
                "the contract date ({contract_date}) is after the service start ({service_start})."
            ),
        );
    }
    Some(Current {
        rules: provider,
        service_start,
        contract_date,
        contract_given,
        building,
        customer,
        channel,
        exit_month,
        switch_date,
        region,
        removal,
        removal_date,
        monthly_fee,
        construction,
        cashback,
        payment,
        phone,
        statement,
        terms,
        exit_date,
    })
}

#[cfg(test)]
mod tests {
    use crate::error::ErrorCode;
    use crate::input::{read, Channel, Payment, Statement};

    /// The errors `read` gives for a So-net input whose `current` has `extra` fields.
    fn errors(current_extra: &str) -> Vec<(String, ErrorCode)> {
        let text = format!(
            r#"{{"applicationDate":"2026-09-10","current":{{"provider":"so-net-hikari-plus",
            "serviceStart":"2021-03-15"{current_extra}}}}}"#
        );
        let mut de = serde_json::Deserializer::from_str(&text);
        let json = crate::wire::json::read(&mut de).expect("JSON");
        match read(&json) {
            Ok(_) => Vec::new(),
            Err((_, errs)) => errs.into_iter().map(|e| (e.field, e.code)).collect(),
        }
    }

    #[test]
    fn contract_defaults_when_fields_are_absent() {
        let s = crate::engine::scenario(
            r#"{"applicationDate":"2026-09-10","current":{"provider":"so-net-hikari-plus",
            "serviceStart":"2021-03-15"}}"#,
        );
        assert_eq!(s.current.channel, Channel::Web);
        assert_eq!(s.current.payment, Payment::CreditCard);
        assert_eq!(s.current.statement, Statement::MyPage);
        assert_eq!(s.current.contract_date, s.current.service_start);
        assert!(!s.current.contract_given);
    }

    #[test]
    fn sn3_a_channel_the_provider_does_not_take_is_refused_by_its_rule_data() {
        // So-net's data: paper is for corporate customers only.
        let e = errors(r#","channel":"paper""#);
        assert_eq!(e, [("current.channel".to_string(), ErrorCode::NotAllowed)]);
        assert!(errors(r#","channel":"paper","customer":"corporate""#).is_empty());
    }

    #[test]
    fn sn12_a_payment_the_provider_does_not_take_is_refused_by_its_rule_data() {
        let e = errors(r#","payment":"usen""#);
        assert_eq!(e, [("current.payment".to_string(), ErrorCode::NotAllowed)]);
    }

    #[test]
    fn sn4_a_provider_switch_keeps_the_line_so_no_removal() {
        let e = errors(
            r#","channel":"provider-switch","switchDate":"2026-10-01","removal":"requested""#,
        );
        assert_eq!(e, [("current.removal".to_string(), ErrorCode::NotAllowed)]);
    }

    #[test]
    fn the_contract_date_cannot_follow_the_service_start() {
        let e = errors(r#","contractDate":"2021-04-01""#);
        assert_eq!(e, [("current.contractDate".to_string(), ErrorCode::Inconsistent)]);
    }

    #[test]
    fn cu1_custom_terms_are_required_of_the_custom_provider_only() {
        let text = r#"{"applicationDate":"2026-09-10","current":{"provider":"custom",
            "serviceStart":"2021-03-15"}}"#;
        let mut de = serde_json::Deserializer::from_str(text);
        let json = crate::wire::json::read(&mut de).expect("JSON");
        let (_, errs) = read(&json).expect_err("terms are missing");
        assert_eq!(errs[0].field, "current.terms");
        assert_eq!(errs[0].code, ErrorCode::Missing);
        // For So-net, terms given are checked but not required.
        assert!(errors(r#","terms":{"renewalMonths":2}"#).is_empty());
        let bad = errors(r#","terms":{"renewalMonths":4}"#);
        assert_eq!(bad, [("current.terms.renewalMonths".to_string(), ErrorCode::OutOfRange)]);
    }
}
