//! So-net光プラス rules SN-1 … SN-15, one behaviour per test, named for the rule.
mod common;
use common::{assert_matches, calc};
use serde_json::{json, Value};

/// A minimal individual web exit; `f` edits the input.
fn base(a: &str, start: &str, f: impl FnOnce(&mut Value)) -> Value {
    let mut v = json!({ "applicationDate": a, "current": { "provider": "so-net-hikari-plus", "serviceStart": start } });
    f(&mut v);
    calc(v)
}

fn codes(r: &Value, list: &str) -> Vec<String> {
    r[list]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|w| w["code"].as_str().or(w["kind"].as_str()).unwrap_or("").to_string())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn sn1_exit_ends_at_month_end_and_the_month_is_charged_in_full() {
    let r = base("2026-09-03", "2021-03-15", |v| v["current"]["monthlyFee"] = json!(5720));
    assert_matches(
        &r,
        json!({ "ok": true, "exit": { "month": "2026-09", "lastServiceDay": "2026-09-30", "completionDate": "2026-10-01" },
        "charges": [{ "kind": "monthly-fee", "amount": 5720, "month": "2026-09" }] }),
    );
}

#[test]
fn sn1_leap_year_february_ends_on_the_29th() {
    let r = base("2024-02-10", "2021-03-15", |_| {});
    assert_matches(
        &r,
        json!({ "exit": { "lastServiceDay": "2024-02-29", "completionDate": "2024-03-01" } }),
    );
    let r = base("2100-02-10", "2099-03-15", |_| {});
    assert_matches(
        &r,
        json!({ "exit": { "lastServiceDay": "2100-02-28", "completionDate": "2100-03-01" } }),
    );
}

#[test]
fn sn2_day_of_month_does_not_change_the_window() {
    for a in ["2026-09-01", "2026-09-03", "2026-09-20", "2026-09-30"] {
        let r = base(a, "2021-03-15", |_| {});
        assert_matches(
            &r,
            json!({ "exit": { "earliestMonth": "2026-09", "latestMonth": "2026-10", "month": "2026-09" } }),
        );
    }
}

#[test]
fn sn2_window_crosses_the_year_end() {
    let r = base("2026-12-31", "2021-03-15", |v| v["current"]["exitMonth"] = json!("2027-01"));
    assert_matches(
        &r,
        json!({ "exit": { "earliestMonth": "2026-12", "latestMonth": "2027-01", "month": "2027-01", "completionDate": "2027-02-01" } }),
    );
}

#[test]
fn sn2_a_month_outside_the_window_is_inconsistent() {
    let r = base("2026-09-10", "2021-03-15", |v| v["current"]["exitMonth"] = json!("2026-11"));
    assert_matches(
        &r,
        json!({ "ok": false, "errors": [{ "field": "current.exitMonth", "code": "inconsistent" }] }),
    );
    let r = base("2026-09-10", "2021-03-15", |v| v["current"]["exitMonth"] = json!("2026-08"));
    assert_matches(
        &r,
        json!({ "ok": false, "errors": [{ "field": "current.exitMonth", "code": "inconsistent" }] }),
    );
}

fn corporate(a: &str, channel: &str) -> Value {
    base(a, "2018-01-10", |v| {
        v["current"]["customer"] = json!("corporate");
        v["current"]["channel"] = json!(channel);
    })
}

#[test]
fn sn3_corporate_paper_arriving_on_the_20th_allows_this_month() {
    assert_matches(
        &corporate("2019-10-20", "paper"),
        json!({ "exit": { "earliestMonth": "2019-10", "latestMonth": "2019-11" } }),
    );
    assert_matches(
        &corporate("2019-10-21", "paper"),
        json!({ "exit": { "earliestMonth": "2019-11", "latestMonth": "2019-12" } }),
    );
}

#[test]
fn sn3_corporate_paper_counts_on_its_arrival_day_even_a_saturday() {
    // 2019-10-19 is a Saturday: paper is not shifted, and there is no desk warning.
    let r = corporate("2019-10-19", "paper");
    assert_matches(
        &r,
        json!({ "exit": { "earliestMonth": "2019-10", "effectiveApplicationDate": "2019-10-19" }, "warnings": { "$none": { "code": "corporate-desk-closed" } } }),
    );
}

#[test]
fn sn3_corporate_phone_on_silver_week_2026_moves_to_the_next_open_day() {
    // 2026-09-21 敬老の日, 09-22 国民の休日, 09-23 秋分の日: open again on the 24th.
    let r = base("2026-09-21", "2018-01-10", |v| {
        v["current"]["customer"] = json!("corporate");
        v["current"]["channel"] = json!("phone");
        v["current"]["phone"] = json!({ "keepNumber": true });
    });
    assert_matches(
        &r,
        json!({ "exit": { "effectiveApplicationDate": "2026-09-24", "earliestMonth": "2026-09" }, "warnings": [{ "code": "corporate-desk-closed" }],
        "deadlines": [{ "kind": "analog-return", "date": "2026-12-08" }] }),
    );
}

#[test]
fn sn3_corporate_phone_on_a_month_end_saturday_moves_the_window() {
    // 2026-01-31 is a Saturday; the next open day is Monday 2026-02-02.
    let r = corporate("2026-01-31", "phone");
    assert_matches(
        &r,
        json!({ "exit": { "effectiveApplicationDate": "2026-02-02", "earliestMonth": "2026-02", "latestMonth": "2026-03" }, "warnings": [{ "code": "corporate-desk-closed" }] }),
    );
}

#[test]
fn sn3_corporate_phone_on_an_open_day_has_no_warning_and_no_20th_cutoff() {
    let r = corporate("2019-10-25", "phone");
    assert_matches(
        &r,
        json!({ "exit": { "earliestMonth": "2019-10" }, "warnings": { "$none": { "code": "corporate-desk-closed" } } }),
    );
}

#[test]
fn sn3_corporate_web_chat_line_are_refused_and_paper_is_corporate_only() {
    for ch in ["web", "chat", "line"] {
        assert_matches(
            &corporate("2019-10-10", ch),
            json!({ "ok": false, "errors": [{ "field": "current.channel", "code": "not-allowed" }] }),
        );
    }
    let r = base("2019-10-10", "2018-01-10", |v| v["current"]["channel"] = json!("paper"));
    assert_matches(
        &r,
        json!({ "ok": false, "errors": [{ "field": "current.channel", "code": "not-allowed" }] }),
    );
}

fn switch(a: &str, sw: &str, f: impl FnOnce(&mut Value)) -> Value {
    base(a, "2018-01-10", |v| {
        v["current"]["channel"] = json!("provider-switch");
        v["current"]["switchDate"] = json!(sw);
        f(v)
    })
}

#[test]
fn sn4_provider_switch_ends_in_the_month_the_new_line_opens() {
    let r = switch("2026-09-10", "2026-11-05", |v| v["current"]["monthlyFee"] = json!(5000));
    assert_matches(
        &r,
        json!({ "ok": true, "exit": { "month": "2026-11", "earliestMonth": "2026-11", "latestMonth": "2026-11", "lastServiceDay": "2026-11-30" },
        "charges": [{ "kind": "monthly-fee", "month": "2026-11" }] }),
    );
}

#[test]
fn sn4_provider_switch_ignores_the_phone_block() {
    let r = switch("2026-09-10", "2026-10-05", |v| {
        v["current"]["phone"] = json!({ "keepNumber": "yes please", "analogReturnDate": "bad" })
    });
    assert_matches(
        &r,
        json!({ "ok": true, "deadlines": { "$none": { "kind": "analog-return" } }, "actions": { "$none": { "kind": "analog-return" } } }),
    );
}

#[test]
fn sn4_provider_switch_cannot_go_to_au_hikari_nor_have_removal() {
    let r = switch("2026-09-10", "2026-10-05", |v| {
        v["destination"] = json!({ "campaign": "none", "startDate": "2026-10-05" })
    });
    assert_matches(
        &r,
        json!({ "ok": false, "errors": [{ "field": "current.channel", "code": "not-allowed" }] }),
    );
    let r = switch("2026-09-10", "2026-10-05", |v| v["current"]["removal"] = json!("requested"));
    assert_matches(
        &r,
        json!({ "ok": false, "errors": [{ "field": "current.removal", "code": "not-allowed" }] }),
    );
}

#[test]
fn sn4_switch_date_is_required_and_may_not_precede_the_application() {
    let r = switch("2026-09-10", "2026-09-09", |_| {});
    assert_matches(
        &r,
        json!({ "ok": false, "errors": [{ "field": "current.switchDate", "code": "inconsistent" }] }),
    );
    let r =
        base("2026-09-10", "2018-01-10", |v| v["current"]["channel"] = json!("provider-switch"));
    assert_matches(
        &r,
        json!({ "ok": false, "errors": [{ "field": "current.switchDate", "code": "missing" }] }),
    );
    // Without a provider switch a switchDate is ignored, even a bad one.
    let r = base("2026-09-10", "2018-01-10", |v| v["current"]["switchDate"] = json!("2026-02-30"));
    assert_matches(&r, json!({ "ok": true }));
}

fn removal(a: &str, region: &str, f: impl FnOnce(&mut Value)) -> Value {
    base(a, "2017-06-01", |v| {
        v["current"]["removal"] = json!("requested");
        v["current"]["region"] = json!(region);
        v["current"]["monthlyFee"] = json!(5000);
        f(v)
    })
}

#[test]
fn sn5_east_removal_is_six_days_after_application() {
    // 2019-09-24 + 6 = 2019-09-30: still in September, no shift.
    let r = removal("2019-09-24", "east", |_| {});
    assert_matches(
        &r,
        json!({ "exit": { "month": "2019-09", "earliestRemovalDate": "2019-09-30", "removalDate": "2019-09-30", "shiftedBy": { "$absent": true }, "extraMonths": 0 },
        "deadlines": [{ "kind": "removal-application", "date": "2019-09-24" }] }),
    );
    // One day later the visit falls in October and the exit moves with it.
    let r = removal("2019-09-25", "east", |_| {});
    assert_matches(
        &r,
        json!({ "exit": { "month": "2019-10", "shiftedBy": "removal", "extraMonths": 1, "removalDate": "2019-10-01" }, "warnings": [{ "code": "removal-shifts-exit" }],
        "charges": [{ "kind": "monthly-fee", "month": "2019-09" }, { "kind": "monthly-fee", "month": "2019-10" }] }),
    );
}

#[test]
fn sn5_west_deadline_in_a_leap_february() {
    // Keeping 2024-02 with removal in the west: apply by 2024-02-29 − 10 = 2024-02-19.
    let r = removal("2024-02-19", "west", |_| {});
    assert_matches(
        &r,
        json!({ "exit": { "month": "2024-02", "earliestRemovalDate": "2024-02-29" }, "deadlines": [{ "kind": "removal-application", "date": "2024-02-19" }] }),
    );
    let r = removal("2024-02-20", "west", |_| {});
    assert_matches(
        &r,
        json!({ "exit": { "month": "2024-03", "earliestRemovalDate": "2024-03-01", "shiftedBy": "removal" } }),
    );
}

#[test]
fn sn5_landlord_required_removal_works_like_requested() {
    let r = base("2019-09-25", "2017-06-01", |v| v["current"]["removal"] = json!("landlord"));
    assert_matches(&r, json!({ "exit": { "month": "2019-10", "shiftedBy": "removal" } }));
}

#[test]
fn sn5_a_removal_date_before_the_earliest_is_inconsistent() {
    let r = removal("2019-09-10", "east", |v| v["current"]["removalDate"] = json!("2019-09-15"));
    assert_matches(
        &r,
        json!({ "ok": false, "errors": [{ "field": "current.removalDate", "code": "inconsistent" }] }),
    );
}

#[test]
fn sn5_removal_date_is_ignored_without_removal() {
    let r = base("2019-09-10", "2017-06-01", |v| v["current"]["removalDate"] = json!("not a date"));
    assert_matches(
        &r,
        json!({ "ok": true, "exit": { "removalDate": { "$absent": true } }, "deadlines": { "$none": { "kind": "removal-application" } } }),
    );
}

fn keep(a: &str, phone: Value) -> Value {
    base(a, "2017-01-10", |v| v["current"]["phone"] = phone)
}

#[test]
fn sn6_deadline_is_75_days_after_application() {
    assert_matches(
        &keep("2019-09-10", json!({ "keepNumber": true })),
        json!({ "deadlines": [{ "kind": "analog-return", "date": "2019-11-24" }] }),
    );
    // Across the year end and a leap February: 2023-12-20 + 75 = 2024-03-04.
    assert_matches(
        &keep("2023-12-20", json!({ "keepNumber": true })),
        json!({ "deadlines": [{ "kind": "analog-return", "date": "2024-03-04" }] }),
    );
}

#[test]
fn sn6_a_late_analog_return_moves_the_exit() {
    let r = keep("2019-09-10", json!({ "keepNumber": true, "analogReturnDate": "2019-10-15" }));
    assert_matches(
        &r,
        json!({ "exit": { "month": "2019-10", "shiftedBy": "analog-return", "extraMonths": 1 }, "warnings": [{ "code": "analog-return-shifts-exit" }] }),
    );
}

#[test]
fn sn6_a_return_after_75_days_loses_the_number_and_caps_the_wait() {
    let r = keep("2019-09-10", json!({ "keepNumber": true, "analogReturnDate": "2019-12-05" }));
    assert_matches(
        &r,
        json!({ "exit": { "month": "2019-11", "shiftedBy": "analog-return", "extraMonths": 2 }, "warnings": [{ "code": "number-lost" }, { "code": "analog-return-shifts-exit" }] }),
    );
}

#[test]
fn sn6_a_return_before_the_application_is_inconsistent() {
    let r = keep("2019-09-10", json!({ "keepNumber": true, "analogReturnDate": "2019-09-09" }));
    assert_matches(
        &r,
        json!({ "ok": false, "errors": [{ "field": "current.phone.analogReturnDate", "code": "inconsistent" }] }),
    );
}

#[test]
fn sn6_a_number_not_from_ntt_cannot_be_kept() {
    let r = keep("2019-09-10", json!({ "keepNumber": true, "fromNttAnalog": false }));
    assert_matches(
        &r,
        json!({ "ok": true, "warnings": [{ "code": "number-cannot-be-kept" }], "deadlines": { "$none": { "kind": "analog-return" } } }),
    );
}

#[test]
fn sn6_removal_and_return_in_the_same_month_name_removal() {
    let r = base("2019-09-25", "2017-06-01", |v| {
        v["current"]["removal"] = json!("requested");
        v["current"]["phone"] = json!({ "keepNumber": true, "analogReturnDate": "2019-10-20" });
    });
    assert_matches(
        &r,
        json!({ "exit": { "month": "2019-10", "shiftedBy": "removal", "extraMonths": 1 }, "warnings": [{ "code": "removal-shifts-exit" }, { "code": "analog-return-shifts-exit" }] }),
    );
    // The later of the two months wins.
    let r = base("2019-09-25", "2017-06-01", |v| {
        v["current"]["removal"] = json!("requested");
        v["current"]["phone"] = json!({ "keepNumber": true, "analogReturnDate": "2019-11-02" });
    });
    assert_matches(
        &r,
        json!({ "exit": { "month": "2019-11", "shiftedBy": "analog-return", "extraMonths": 2 } }),
    );
}

fn fee_at(a: &str, start: &str) -> Value {
    base(a, start, |_| {})
}

#[test]
fn sn7_renewal_months_37_and_38_are_free_and_36_39_are_not() {
    // Service start 2017-03-15: month 36 = 2020-02, 37 = 2020-03, 38 = 2020-04, 39 = 2020-05.
    for (a, k, free) in [
        ("2020-02-05", 36, false),
        ("2020-03-05", 37, true),
        ("2020-04-05", 38, true),
        ("2020-05-05", 39, false),
    ] {
        let r = fee_at(a, "2017-03-15");
        assert_eq!(r["exit"]["contractMonth"], json!(k));
        assert_eq!(r["exit"]["inRenewalWindow"], json!(free), "month {k}");
        let has_fee = codes(&r, "charges").contains(&"cancellation-fee".to_string());
        assert_eq!(has_fee, !free, "month {k}");
    }
}

#[test]
fn sn7_auto_renewal_repeats_every_36_months() {
    // Months 73 and 74 (2023-03, 2023-04) are free again; 75 is not.
    assert_matches(
        &fee_at("2023-03-01", "2017-03-15"),
        json!({ "exit": { "contractMonth": 73, "inRenewalWindow": true, "nextRenewalWindow": ["2023-03", "2023-04"] } }),
    );
    assert_matches(
        &fee_at("2023-05-01", "2017-03-15"),
        json!({ "exit": { "contractMonth": 75, "inRenewalWindow": false, "nextRenewalWindow": ["2026-03", "2026-04"] } }),
    );
    assert_matches(
        &fee_at("2017-04-01", "2017-03-15"),
        json!({ "exit": { "contractMonth": 2, "nextRenewalWindow": ["2020-03", "2020-04"] } }),
    );
}

#[test]
fn sn7_fee_is_dated_by_the_contract_application() {
    let r =
        base("2024-05-10", "2022-07-20", |v| v["current"]["contractDate"] = json!("2022-06-30"));
    assert_matches(
        &r,
        json!({ "charges": [{ "kind": "cancellation-fee", "amount": 20000, "month": "2024-06" }], "warnings": { "$none": { "code": "rule-unverified" } } }),
    );
    let r =
        base("2024-05-10", "2022-07-20", |v| v["current"]["contractDate"] = json!("2022-07-01"));
    assert_matches(
        &r,
        json!({ "charges": [{ "kind": "cancellation-fee", "amount": 4580 }], "warnings": [{ "code": "rule-unverified" }] }),
    );
    // contractDate defaults to serviceStart.
    let r = base("2024-05-10", "2022-07-20", |v| v["current"]["building"] = json!("mansion"));
    assert_matches(&r, json!({ "charges": [{ "kind": "cancellation-fee", "amount": 3480 }] }));
}

#[test]
fn sn8_the_unpaid_construction_remainder_is_charged_at_completion() {
    let con = |v: &mut Value| {
        v["current"]["construction"] = json!({ "monthlyInstallment": 500, "installments": 72 })
    };
    // Start 2021-03-15 → first installment 2021-04; by 2026-09 66 are paid; 6 remain.
    assert_matches(
        &base("2026-09-10", "2021-03-15", con),
        json!({ "charges": [{ "kind": "construction-remainder", "amount": 3000, "month": "2026-10", "billedMonth": "2026-11" }] }),
    );
    // The 72nd installment is 2027-03: leaving then leaves nothing.
    let r = base("2027-03-10", "2021-03-15", con);
    assert!(!codes(&r, "charges").contains(&"construction-remainder".to_string()), "{r}");
    // A first month after the exit month leaves everything unpaid.
    let r = base("2021-03-20", "2021-03-15", |v| {
        v["current"]["construction"] =
            json!({ "monthlyInstallment": 1100, "installments": 23, "firstMonth": "2021-05" })
    });
    assert_matches(
        &r,
        json!({ "charges": [{ "kind": "construction-remainder", "amount": 25300 }] }),
    );
}

#[test]
fn sn9_cashback_is_clawed_back_before_the_minimum_months() {
    let cb =
        |v: &mut Value| v["current"]["cashback"] = json!({ "amount": 10000, "minimumMonths": 24 });
    // Start 2017-06-01: 2019-04 is month 23, 2019-05 month 24.
    assert_matches(
        &base("2019-04-10", "2017-06-01", cb),
        json!({ "exit": { "contractMonth": 23 }, "charges": [{ "kind": "cashback-clawback", "amount": 10000, "month": "2019-05" }] }),
    );
    let r = base("2019-05-10", "2017-06-01", cb);
    assert!(!codes(&r, "charges").contains(&"cashback-clawback".to_string()), "{r}");
}

#[test]
fn sn10_a_requested_statement_costs_3300_in_the_completion_month() {
    let r = base("2020-03-10", "2017-03-15", |v| v["current"]["statement"] = json!("request"));
    assert_matches(
        &r,
        json!({ "charges": [{ "kind": "statement-fee", "amount": 3300, "month": "2020-04", "billedMonth": "2020-05" }],
        "actions": [{ "kind": "print-statement", "from": "2020-05-01" }] }),
    );
}

#[test]
fn sn11_exit_charges_are_billed_one_month_after_completion() {
    let r = base("2026-09-10", "2021-03-15", |v| v["current"]["monthlyFee"] = json!(5720));
    assert_matches(
        &r,
        json!({ "charges": [{ "kind": "monthly-fee", "month": "2026-09", "billedMonth": "2026-10" }, { "kind": "cancellation-fee", "month": "2026-10", "billedMonth": "2026-11" }] }),
    );
}

#[test]
fn sn11_months_between_earliest_and_a_later_chosen_month_are_not_exit_costs() {
    let r = base("2026-09-10", "2021-03-15", |v| {
        v["current"]["monthlyFee"] = json!(5720);
        v["current"]["exitMonth"] = json!("2026-10");
    });
    assert_matches(
        &r,
        json!({ "charges": { "$none": { "kind": "monthly-fee", "month": "2026-09" } } }),
    );
    assert_matches(&r, json!({ "charges": [{ "kind": "monthly-fee", "month": "2026-10" }] }));
}

fn pay(a: &str, start: &str, method: &str, customer: &str) -> Value {
    base(a, start, |v| {
        v["current"]["payment"] = json!(method);
        v["current"]["customer"] = json!(customer);
        v["current"]["channel"] = json!("phone");
        v["current"]["monthlyFee"] = json!(4000);
    })
}

#[test]
fn sn12_bank_debit_on_a_saturday_27th_moves_to_monday() {
    // Exit 2025-07: fee billed 2025-08, debited 2025-09-27 (Saturday) → 2025-09-29.
    let r = pay("2025-07-10", "2021-03-15", "bank-debit", "individual");
    assert_matches(
        &r,
        json!({ "charges": [{ "kind": "monthly-fee", "billedMonth": "2025-08", "due": "2025-09-29" }, { "kind": "cancellation-fee", "billedMonth": "2025-09", "due": "2025-10-27" }] }),
    );
}

#[test]
fn sn12_bank_debit_on_the_27th_of_december_sunday() {
    let r = pay("2026-10-10", "2021-03-15", "bank-debit", "individual");
    assert_matches(
        &r,
        json!({ "charges": [{ "kind": "monthly-fee", "billedMonth": "2026-11", "due": "2026-12-28" }] }),
    );
}

#[test]
fn sn12_convenience_store_slip_is_due_on_the_25th_even_on_a_sunday() {
    // 2019-08-25 is a Sunday: the slip is still due that day.
    let r = pay("2019-07-10", "2017-02-01", "convenience-store", "individual");
    assert_matches(
        &r,
        json!({ "charges": [{ "kind": "monthly-fee", "billedMonth": "2019-08", "due": "2019-08-25", "slipArrives": "2019-08" }] }),
    );
}

#[test]
fn sn12_card_and_ntt_have_no_fixed_date() {
    for m in ["credit-card", "ntt"] {
        let r = pay("2019-07-10", "2017-02-01", m, "individual");
        assert_matches(
            &r,
            json!({ "charges": [{ "kind": "monthly-fee", "due": { "$absent": true } }] }),
        );
    }
}

#[test]
fn sn12_cedyna_and_usen_are_corporate_only() {
    for m in ["cedyna", "usen"] {
        assert_matches(
            &pay("2019-07-10", "2017-02-01", m, "individual"),
            json!({ "ok": false, "errors": [{ "field": "current.payment", "code": "not-allowed" }] }),
        );
    }
    assert_matches(
        &pay("2019-07-10", "2017-02-01", "cedyna", "corporate"),
        json!({ "charges": [{ "kind": "monthly-fee", "billedMonth": "2019-08", "slipArrives": "2019-08", "due": { "$absent": true } }] }),
    );
    assert_matches(
        &pay("2019-07-10", "2017-02-01", "usen", "corporate"),
        json!({ "charges": [{ "kind": "monthly-fee", "billedMonth": "2019-08", "label": "2019-08" }] }),
    );
}

#[test]
fn sn13_mypage_stays_six_months_less_a_day() {
    assert_matches(
        &fee_at("2019-09-10", "2017-01-10"),
        json!({ "exit": { "completionDate": "2019-10-01", "mypageUntil": "2020-03-31" }, "deadlines": [{ "kind": "statement-print", "date": "2020-03-31" }] }),
    );
    // Completion 2023-09-01 → until the leap day 2024-02-29.
    assert_matches(
        &fee_at("2023-08-10", "2017-01-10"),
        json!({ "exit": { "mypageUntil": "2024-02-29" } }),
    );
    assert_matches(
        &fee_at("2022-08-10", "2017-01-10"),
        json!({ "exit": { "mypageUntil": "2023-02-28" } }),
    );
}

#[test]
fn sn14_the_exit_contact_depends_on_the_channel() {
    let r = base("2019-03-12", "2017-06-05", |v| v["current"]["channel"] = json!("phone"));
    assert_matches(
        &r,
        json!({ "actions": [{ "kind": "apply-exit", "contact": { "phone": "0120-80-7761", "menu": "3 → 2 → 3" } }] }),
    );
    let r = corporate("2019-03-12", "phone");
    assert_matches(
        &r,
        json!({ "actions": [{ "kind": "apply-exit", "contact": { "phone": "0120-80-7765" } }] }),
    );
    let r = base("2019-03-12", "2017-06-05", |v| v["current"]["channel"] = json!("chat"));
    assert_matches(
        &r,
        json!({ "actions": [{ "kind": "apply-exit", "contact": { "hours": "9:00〜18:00" } }] }),
    );
}

#[test]
fn sn15_security_software_warning_is_always_given() {
    for a in ["2019-03-12", "2026-11-25"] {
        let r = fee_at(a, "2017-06-05");
        assert_matches(
            &r,
            json!({ "warnings": [{ "code": "uninstall-security-software" }], "actions": [{ "kind": "uninstall-security-software" }] }),
        );
    }
}

#[test]
fn sn8_contracts_from_2022_07_are_offered_the_23_installment_preset_never_applied() {
    let r =
        base("2024-05-10", "2022-08-20", |v| v["current"]["contractDate"] = json!("2022-08-01"));
    assert_matches(
        &r,
        json!({ "presets": [{ "kind": "construction", "rule": "SN-8", "construction": { "firstInstallment": 2200, "monthlyInstallment": 1100, "installments": 23 } }],
        "charges": { "$none": { "kind": "construction-remainder" } } }),
    );
    let r =
        base("2024-05-10", "2022-08-20", |v| v["current"]["contractDate"] = json!("2022-06-30"));
    assert_eq!(r["presets"], json!([]));
}

#[test]
fn sn8_a_different_first_installment_counts_only_while_unpaid() {
    let con = |first: &'static str| move |v: &mut Value| v["current"]["construction"] = json!({ "monthlyInstallment": 1100, "installments": 23, "firstInstallment": 2200, "firstMonth": first });
    // Start 2022-08-20; leaving in 2024-05: 2022-09 … 2024-05 = 21 paid, 2 × 1,100 left.
    assert_matches(
        &base("2024-05-10", "2022-08-20", con("2022-09")),
        json!({ "charges": [{ "kind": "construction-remainder", "amount": 2200 }] }),
    );
    // Nothing paid yet: 2,200 + 22 × 1,100 = 26,400.
    assert_matches(
        &base("2022-08-25", "2022-08-20", con("2022-09")),
        json!({ "charges": [{ "kind": "construction-remainder", "amount": 26400 }] }),
    );
}

#[test]
fn sn7_a_contract_after_the_2024_02_29_closure_is_questioned() {
    let r = base("2024-06-10", "2024-03-10", |_| {});
    assert_matches(&r, json!({ "warnings": [{ "code": "product-closed" }] }));
    let r = base("2024-06-10", "2024-02-29", |_| {});
    assert!(!codes(&r, "warnings").contains(&"product-closed".to_string()));
}
