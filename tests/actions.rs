//! The to-do list (CONTRACT "actions"): one test per kind, at the boundary that decides
//! whether it is there, citing its rule; plus the order.
mod common;
use common::{assert_matches, calc};
use serde_json::{json, Value};

fn leave(f: impl FnOnce(&mut Value)) -> Value {
    let mut v = json!({ "applicationDate": "2019-03-12", "current": { "provider": "so-net-hikari-plus", "serviceStart": "2017-06-05", "channel": "phone", "monthlyFee": 5000 } });
    f(&mut v);
    calc(v)
}

fn with_au(v: &mut Value) {
    v["destination"] =
        json!({ "isp": "biglobe", "startDate": "2019-03-20", "sourceExcluded": false });
}

fn has(r: &Value, kind: &str) -> bool {
    r["actions"].as_array().is_some_and(|a| a.iter().any(|x| x["kind"] == kind))
}

#[test]
fn sn4_request_switch_number_only_with_a_provider_switch() {
    let r = leave(|v| {
        v["current"]["channel"] = json!("provider-switch");
        v["current"]["switchDate"] = json!("2019-04-05");
    });
    assert_matches(
        &r,
        json!({ "actions": [{ "kind": "request-switch-number", "rule": "SN-4", "date": "2019-03-12", "by": "2019-04-04", "contact": { "phone": "0120-45-2522" } }] }),
    );
    assert!(!has(&r, "apply-exit"));
    assert!(!has(&leave(|_| {}), "request-switch-number"));
}

#[test]
fn sn14_apply_exit_by_the_last_day_that_still_gives_the_month() {
    assert_matches(
        &leave(|_| {}),
        json!({ "actions": [{ "kind": "apply-exit", "date": "2019-03-12", "by": "2019-03-31" }] }),
    );
    assert_matches(
        &leave(|v| v["current"]["exitMonth"] = json!("2019-04")),
        json!({ "actions": [{ "kind": "apply-exit", "by": "2019-04-30" }] }),
    );
}

#[test]
fn sn3_corporate_apply_exit_by_the_20th_or_the_last_open_desk_day() {
    let corp = |a: &str, ch: &str| {
        calc(
            json!({ "applicationDate": a, "current": { "provider": "so-net-hikari-plus", "serviceStart": "2017-06-05", "customer": "corporate", "channel": ch } }),
        )
    };
    assert_matches(
        &corp("2019-06-05", "paper"),
        json!({ "actions": [{ "kind": "apply-exit", "by": "2019-06-20", "contact": { "phone": "0120-80-7765" } }] }),
    );
    // 2019-06-29/30 are a weekend: the desk's last open day is Friday the 28th.
    assert_matches(
        &corp("2019-06-05", "phone"),
        json!({ "actions": [{ "kind": "apply-exit", "by": "2019-06-28" }] }),
    );
}

#[test]
fn sn5_apply_exit_with_removal_is_the_earlier_deadline_and_the_visit_is_listed() {
    let r = leave(|v| v["current"]["removal"] = json!("requested"));
    assert_matches(
        &r,
        json!({ "actions": [{ "kind": "apply-exit", "by": "2019-03-25" }, { "kind": "removal-visit", "rule": "SN-5", "date": "2019-03-18" }] }),
    );
    assert!(!has(&leave(|_| {}), "removal-visit"));
}

#[test]
fn sn6_keep_number_steps_only_for_an_ntt_analog_number() {
    let r = leave(|v| v["current"]["phone"] = json!({ "keepNumber": true }));
    assert_matches(
        &r,
        json!({ "actions": [{ "kind": "tell-keep-number", "date": "2019-03-12" }, { "kind": "analog-return", "from": "2019-03-12", "by": "2019-05-26", "contact": { "phone": "0120-116-116" } }] }),
    );
    let r =
        leave(|v| v["current"]["phone"] = json!({ "keepNumber": true, "fromNttAnalog": false }));
    assert!(!has(&r, "tell-keep-number") && !has(&r, "analog-return"));
    assert!(!has(&leave(|_| {}), "tell-keep-number"));
}

#[test]
fn sn10_register_contact_email_and_sn15_uninstall_by_the_last_service_day() {
    let r = leave(|_| {});
    assert_matches(
        &r,
        json!({ "actions": [{ "kind": "register-contact-email", "rule": "SN-10", "by": "2019-03-31" }, { "kind": "uninstall-security-software", "rule": "SN-15", "by": "2019-03-31" }] }),
    );
}

#[test]
fn sn12_one_pay_slip_per_billed_month_with_charges() {
    let r = leave(|v| v["current"]["payment"] = json!("convenience-store"));
    assert_matches(
        &r,
        json!({ "actions": [{ "kind": "pay-slip", "from": "2019-04-01", "by": "2019-04-25" }, { "kind": "pay-slip", "from": "2019-05-01", "by": "2019-05-25" }] }),
    );
    // Renewal month 37 (2020-06 for a 2017-06 start) with no monthly fee: nothing billed, no slip.
    let r = calc(
        json!({ "applicationDate": "2020-06-02", "current": { "provider": "so-net-hikari-plus", "serviceStart": "2017-06-05", "payment": "convenience-store" } }),
    );
    assert!(!has(&r, "pay-slip"), "{r}");
    assert!(!has(&leave(|_| {}), "pay-slip"));
}

#[test]
fn sn10_print_statement_only_when_the_completion_month_has_a_charge() {
    assert_matches(
        &leave(|_| {}),
        json!({ "actions": [{ "kind": "print-statement", "from": "2019-05-01", "by": "2019-09-30" }] }),
    );
    let free = json!({ "applicationDate": "2020-06-02", "current": { "provider": "so-net-hikari-plus", "serviceStart": "2017-06-05", "monthlyFee": 5000 } });
    assert!(!has(&calc(free.clone()), "print-statement"));
    let mut asked = free;
    asked["current"]["statement"] = json!("request");
    assert!(has(&calc(asked), "print-statement"));
}

#[test]
fn sn13_keep_login_until_mypage_closes() {
    assert_matches(
        &leave(|_| {}),
        json!({ "actions": [{ "kind": "keep-login", "rule": "SN-13", "by": "2019-09-30", "from": { "$absent": true }, "date": { "$absent": true } }] }),
    );
}

#[test]
fn au6_get_au_pay_card_only_when_something_is_paid_by_au_wallet() {
    assert_matches(
        &leave(with_au),
        json!({ "actions": [{ "kind": "get-au-pay-card", "by": "2019-05-01" }] }),
    );
    let r = leave(|v| {
        with_au(v);
        v["destination"]["refundMethod"] = json!("postal-money-order");
    });
    assert!(!has(&r, "get-au-pay-card"));
    assert!(!has(&leave(|_| {}), "get-au-pay-card"));
}

#[test]
fn au7_mail_au_application_only_when_the_campaign_pays() {
    assert_matches(
        &leave(with_au),
        json!({ "actions": [{ "kind": "mail-au-application", "from": "2019-05-01", "by": "2019-10-20" }] }),
    );
    let r = leave(|v| {
        with_au(v);
        v["destination"]["sourceExcluded"] = json!(true);
    });
    assert!(!has(&r, "mail-au-application"), "nothing to pay, nothing to mail");
    let r = leave(|v| {
        with_au(v);
        v["destination"]["sourceExcluded"] = json!(true);
        v["destination"]["mobileLines"] = json!(1);
    });
    assert!(has(&r, "mail-au-application"), "the mobile refund alone needs the application");
}

#[test]
fn au6_claim_money_order_for_a_postal_cash_refund() {
    let r = leave(|v| {
        with_au(v);
        v["destination"]["refundMethod"] = json!("postal-money-order");
    });
    // Acceptance 2019-05-01 → from 2019-06-01 + 15 days.
    assert_matches(
        &r,
        json!({ "actions": [{ "kind": "claim-money-order", "from": "2019-06-16", "by": { "$absent": true } }] }),
    );
    assert!(!has(&leave(with_au), "claim-money-order"));
}

#[test]
fn au3_drop_option_pack_after_the_last_refund() {
    assert_matches(
        &leave(with_au),
        json!({ "actions": [{ "kind": "drop-option-pack", "from": "2019-06-02" }] }),
    );
    // Mansion: the bill part runs 1,000 × 10 from 2019-07 at the latest → from 2020-05-01.
    let r = leave(|v| {
        with_au(v);
        v["destination"]["building"] = json!("mansion");
        v["destination"]["plan"] = json!("standard");
    });
    assert_matches(
        &r,
        json!({ "refunds": [{ "kind": "fee-refund-monthly", "months": 10, "latestFirstMonth": "2019-07" }], "actions": [{ "kind": "drop-option-pack", "from": "2020-05-01" }] }),
    );
}

#[test]
fn au10_with_plus_the_option_pack_stays_twelve_months() {
    let r = leave(|v| {
        with_au(v);
        v["destination"]["campaign"] = json!("start-support-plus");
    });
    assert_matches(
        &r,
        json!({ "actions": [{ "kind": "drop-option-pack", "from": "2020-03-20" }] }),
    );
}

#[test]
fn actions_are_in_date_order_with_ties_in_table_order() {
    let r = leave(|v| {
        with_au(v);
        v["current"]["phone"] = json!({ "keepNumber": true });
        v["current"]["payment"] = json!("convenience-store");
    });
    let a = r["actions"].as_array().expect("actions");
    let key = |x: &Value| {
        x["date"].as_str().or(x["from"].as_str()).or(x["by"].as_str()).unwrap_or("").to_string()
    };
    for w in a.windows(2) {
        assert!(key(&w[0]) <= key(&w[1]), "{} before {}", w[0]["kind"], w[1]["kind"]);
    }
    let kinds: Vec<&str> = a.iter().filter_map(|x| x["kind"].as_str()).collect();
    assert_eq!(
        &kinds[..4],
        ["apply-exit", "tell-keep-number", "analog-return", "register-contact-email"],
        "{kinds:?}"
    );
}

#[test]
fn actions_speak_the_chosen_language() {
    let r = leave(|v| v["lang"] = json!("en"));
    let text = r["actions"][0]["text"].as_str().unwrap_or("");
    assert!(text.is_ascii() && text.contains("exit"), "{text}");
    let r = leave(|_| {});
    assert!(!r["actions"][0]["text"].as_str().unwrap_or("").is_ascii());
}

// One named test for each kind that the tests above cover together with another.

#[test]
fn tell_keep_number_sn6_on_the_application_day_unless_switching_providers() {
    let r = leave(|v| v["current"]["phone"] = json!({ "keepNumber": true, "fromNttAnalog": true }));
    assert_matches(
        &r,
        json!({ "actions": [{ "kind": "tell-keep-number", "rule": "SN-6", "date": "2019-03-12" }] }),
    );
    // With a provider switch the phone block is ignored (CONTRACT): no step.
    let r = leave(|v| {
        v["current"]["channel"] = json!("provider-switch");
        v["current"]["switchDate"] = json!("2019-04-05");
        v["current"]["phone"] = json!({ "keepNumber": true, "fromNttAnalog": true });
    });
    assert!(!has(&r, "tell-keep-number") && !has(&r, "analog-return"));
    // Not keeping the number: nothing to tell.
    assert!(!has(
        &leave(|v| v["current"]["phone"] = json!({ "keepNumber": false })),
        "tell-keep-number"
    ));
}

#[test]
fn analog_return_sn6_by_75_days_after_the_application_across_a_leap_february() {
    // 2020-01-20 + 75 days: 11 to Jan 31, 29 in February 2020, 31 in March, 4 in April.
    let r = calc(
        json!({ "applicationDate": "2020-01-20", "current": { "provider": "so-net-hikari-plus", "serviceStart": "2017-06-05", "phone": { "keepNumber": true } } }),
    );
    assert_matches(
        &r,
        json!({ "actions": [{ "kind": "analog-return", "rule": "SN-6", "date": null, "from": "2020-01-20", "by": "2020-04-04" }] }),
    );
}

#[test]
fn removal_visit_sn5_on_the_removal_date_used_whether_requested_or_required() {
    let r = leave(|v| {
        v["current"]["removal"] = json!("requested");
        v["current"]["removalDate"] = json!("2019-03-22");
    });
    assert_matches(
        &r,
        json!({ "actions": [{ "kind": "removal-visit", "rule": "SN-5", "date": "2019-03-22" }] }),
    );
    let r = leave(|v| v["current"]["removal"] = json!("landlord"));
    assert!(has(&r, "removal-visit"), "a landlord's removal needs the visit too");
    assert!(!has(&leave(|v| v["current"]["removal"] = json!("none")), "removal-visit"));
}

#[test]
fn register_contact_email_sn10_by_the_last_service_day_of_the_chosen_month() {
    let r = leave(|v| v["current"]["exitMonth"] = json!("2019-04"));
    assert_matches(
        &r,
        json!({ "actions": [{ "kind": "register-contact-email", "rule": "SN-10", "by": "2019-04-30" }] }),
    );
}

#[test]
fn uninstall_security_software_sn15_by_the_last_service_day_always() {
    for (month, last) in [("2019-03", "2019-03-31"), ("2019-04", "2019-04-30")] {
        let r = leave(|v| v["current"]["exitMonth"] = json!(month));
        assert_matches(
            &r,
            json!({ "actions": [{ "kind": "uninstall-security-software", "rule": "SN-15", "by": last }] }),
        );
    }
}

/// SN-5/SN-6 and the words of `apply-exit`: its `by` stays the chosen month's deadline
/// (CONTRACT), but when a shift moved the exit the step must not promise the chosen month:
/// it says that month can no longer be reached, why, and names the exit month computed.
#[test]
fn apply_exit_sn5_sn6_says_when_a_shift_moved_the_exit() {
    // The case: NTT West, removal, applying on 9/25 for September (deadline 9/20).
    for lang in ["ja", "en"] {
        let r = leave(|v| {
            v["lang"] = json!(lang);
            v["applicationDate"] = json!("2027-09-25");
            v["current"]["serviceStart"] = json!("2021-03-15");
            v["current"]["removal"] = json!("requested");
            v["current"]["region"] = json!("west");
        });
        assert_matches(
            &r,
            json!({ "exit": { "month": "2027-10", "chosenMonth": "2027-09", "shiftedBy": "removal" },
            "actions": [{ "kind": "apply-exit", "by": "2027-09-20" }] }),
        );
        let step =
            r["actions"].as_array().unwrap().iter().find(|x| x["kind"] == "apply-exit").unwrap();
        let text = step["text"].as_str().unwrap();
        let (exit, chosen) = if lang == "ja" {
            ("2027年10月末", "2027年9月末で退会するための期限")
        } else {
            ("end of 2027-10", "still gives exit at the end of 2027-09")
        };
        assert!(text.contains(exit), "{text}");
        assert!(!text.contains(chosen), "{text}");
    }
    // The analog return moves it too.
    let r = leave(|v| {
        v["current"]["phone"] = json!({ "keepNumber": true, "analogReturnDate": "2019-04-10" });
    });
    let step = r["actions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["kind"] == "apply-exit")
        .unwrap()
        .clone();
    assert_eq!(r["exit"]["month"], "2019-04");
    assert!(step["text"].as_str().unwrap().contains("2019年4月末"), "{step}");
    // No shift: the chosen month's deadline, as before.
    let r = leave(|_| {});
    let step = r["actions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["kind"] == "apply-exit")
        .unwrap()
        .clone();
    assert!(step["text"].as_str().unwrap().contains("2019年3月末で退会するための期限"), "{step}");
}

/// Issue 11 item 8: the analog-return step says it must be done before the exit completes
/// (SN-6: the exit cannot complete before it), and a convenience-store slip is named as the
/// charges table names it: the usage month, and the month the slip comes in (SN-11/SN-12).
#[test]
fn sn6_sn12_steps_say_before_the_exit_and_the_usage_month_of_a_slip() {
    let r = leave(|v| v["current"]["phone"] = json!({ "keepNumber": true }));
    let step = r["actions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["kind"] == "analog-return")
        .unwrap()
        .clone();
    assert!(
        step["text"]
            .as_str()
            .unwrap()
            .contains("退会は完了しないので、2019年3月末に退会するなら必ず2019年3月末までに終えて"),
        "{step}"
    );
    let r = leave(|v| v["current"]["payment"] = json!("convenience-store"));
    let slips: Vec<&Value> =
        r["actions"].as_array().unwrap().iter().filter(|x| x["kind"] == "pay-slip").collect();
    // Exit 2019-03: March's fee comes on April's slip, the cancellation fee (April's) on May's.
    assert!(
        slips[0]["text"].as_str().unwrap().starts_with("2019年3月分（2019年4月に届く払込票）"),
        "{}",
        slips[0]
    );
    assert!(
        slips[1]["text"].as_str().unwrap().starts_with("2019年4月分（2019年5月に届く払込票）"),
        "{}",
        slips[1]
    );
}
