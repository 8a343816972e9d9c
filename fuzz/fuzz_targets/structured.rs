//! Structure-aware: the fuzzer's bytes choose an input field by field (every field of
//! CONTRACT.md's input, mostly valid codes and dates from 1999 to 2101 — the edges of the
//! accepted 2000–2100 included — with now and then a wrong type, a huge number or a
//! long string), so mutations explore the rules instead of the JSON syntax. The text goes
//! through the same bounded reader as the other targets, then `calculate`,
//! `exportCalendar` and `compareExitMonths`; besides "no panic", the answers must keep
//! CONTRACT's arithmetic (totals are the sums of the lists, net = charges − refunds,
//! compare rows consecutive, `best` the earliest minimum) and agree on validity.
#![no_main]

use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;
use norikae::engine::calculate::{calculate, compare_exit_months, export_calendar};
use norikae::wire::json::{read, Json};
use norikae::Answer;
use serde_json::{json, Map, Value};

fn date(u: &mut Unstructured) -> Result<Value> {
    Ok(match u.int_in_range(0..=19)? {
        0 => json!(format!("{:04}-{:02}-{:02}", u.int_in_range(0..=9999)?, u.int_in_range(0..=13)?, u.int_in_range(0..=32)?)),
        1 => odd(u)?,
        _ => {
            let y = u.int_in_range(1999..=2101)?;
            let m = u.int_in_range(1..=12)?;
            let d = u.int_in_range(1..=31)?;
            json!(format!("{y:04}-{m:02}-{d:02}"))
        }
    })
}

fn month(u: &mut Unstructured) -> Result<Value> {
    Ok(match u.int_in_range(0..=19)? {
        0 => json!(format!("{:04}-{:02}", u.int_in_range(0..=9999)?, u.int_in_range(0..=13)?)),
        1 => odd(u)?,
        _ => json!(format!("{:04}-{:02}", u.int_in_range(1999..=2101)?, u.int_in_range(1..=12)?)),
    })
}

fn pick(u: &mut Unstructured, codes: &[&str]) -> Result<Value> {
    Ok(if u.ratio(1, 20)? { odd(u)? } else { json!(*u.choose(codes)?) })
}

fn amount(u: &mut Unstructured, max: i64) -> Result<Value> {
    Ok(match u.int_in_range(0..=15)? {
        0 => odd(u)?,
        1 => json!(u.int_in_range(0..=10_000_001i64)?),
        _ => json!(u.int_in_range(0..=max)?),
    })
}

fn boolean(u: &mut Unstructured) -> Result<Value> {
    Ok(if u.ratio(1, 20)? { odd(u)? } else { json!(u.arbitrary::<bool>()?) })
}

/// A value of the wrong kind: null, a negative, fractional or huge number, a long string, a list.
fn odd(u: &mut Unstructured) -> Result<Value> {
    Ok(match u.int_in_range(0..=8)? {
        0 => Value::Null,
        1 => json!(-1),
        2 => json!(0.5),
        3 => json!(1e300),
        4 => json!(i64::MAX),
        5 => json!("x".repeat(u.int_in_range(0..=200)?)),
        6 => json!([1, 2]),
        7 => json!({}),
        _ => json!(u.arbitrary::<bool>()?),
    })
}

/// Sets `key` with probability `p`/4 (absent otherwise).
fn maybe(
    u: &mut Unstructured,
    o: &mut Map<String, Value>,
    key: &str,
    p: u8,
    v: impl FnOnce(&mut Unstructured) -> Result<Value>,
) -> Result<()> {
    if u.int_in_range(0..=3u8)? < p {
        let x = v(u)?;
        o.insert(key.into(), x);
    }
    Ok(())
}

fn input(u: &mut Unstructured) -> Result<Value> {
    let mut c = Map::new();
    // Mostly So-net; sometimes the user-entered rule set (`custom`, with `terms`) or no such provider.
    let provider = match u.int_in_range(0..=19)? {
        0..=2 => "custom",
        3 => "nope",
        _ => "so-net-hikari-plus",
    };
    c.insert("provider".into(), json!(provider));
    maybe(u, &mut c, "serviceStart", 4, date)?;
    maybe(u, &mut c, "contractDate", 1, date)?;
    maybe(u, &mut c, "building", 2, |u| pick(u, &["home", "mansion"]))?;
    maybe(u, &mut c, "customer", 2, |u| pick(u, &["individual", "corporate"]))?;
    maybe(u, &mut c, "channel", 3, |u| pick(u, &["phone", "web", "chat", "line", "paper", "provider-switch"]))?;
    maybe(u, &mut c, "exitMonth", 1, month)?;
    maybe(u, &mut c, "switchDate", 2, date)?;
    maybe(u, &mut c, "region", 2, |u| pick(u, &["east", "west"]))?;
    maybe(u, &mut c, "removal", 2, |u| pick(u, &["none", "requested", "landlord"]))?;
    maybe(u, &mut c, "removalDate", 1, date)?;
    maybe(u, &mut c, "monthlyFee", 3, |u| amount(u, 20_000))?;
    maybe(u, &mut c, "construction", 2, |u| {
        let mut k = Map::new();
        maybe(u, &mut k, "monthlyInstallment", 4, |u| amount(u, 5_000))?;
        maybe(u, &mut k, "installments", 4, |u| amount(u, 601))?;
        maybe(u, &mut k, "firstMonth", 2, month)?;
        maybe(u, &mut k, "firstInstallment", 1, |u| amount(u, 50_000))?;
        Ok(Value::Object(k))
    })?;
    maybe(u, &mut c, "cashback", 1, |u| {
        let mut k = Map::new();
        maybe(u, &mut k, "amount", 4, |u| amount(u, 50_000))?;
        maybe(u, &mut k, "minimumMonths", 4, |u| amount(u, 601))?;
        Ok(Value::Object(k))
    })?;
    maybe(u, &mut c, "payment", 3, |u| pick(u, &["credit-card", "bank-debit", "convenience-store", "ntt", "cedyna", "usen"]))?;
    maybe(u, &mut c, "phone", 2, |u| {
        let mut k = Map::new();
        maybe(u, &mut k, "keepNumber", 3, boolean)?;
        maybe(u, &mut k, "fromNttAnalog", 2, boolean)?;
        maybe(u, &mut k, "analogReturnDate", 2, date)?;
        Ok(Value::Object(k))
    })?;
    maybe(u, &mut c, "statement", 1, |u| pick(u, &["mypage", "request"]))?;
    if provider == "custom" || u.ratio(1, 20)? {
        c.insert("terms".into(), json!({ "termMonths": u.int_in_range(0..=130)?, "renewalMonths": u.int_in_range(0..=4)?, "cancellationFee": u.int_in_range(0..=100_000)?, "bankDebitDay": u.int_in_range(0..=40)?, "prorated": u.arbitrary::<bool>()? }));
        maybe(u, &mut c, "exitDate", 2, date)?;
    }

    let mut i = Map::new();
    maybe(u, &mut i, "applicationDate", 4, date)?;
    i.insert("current".into(), Value::Object(c));
    maybe(u, &mut i, "lang", 1, |u| pick(u, &["ja", "en"]))?;
    maybe(u, &mut i, "destination", 3, |u| {
        let mut d = Map::new();
        maybe(u, &mut d, "carrier", 1, |u| pick(u, &["au-hikari"]))?;
        maybe(u, &mut d, "campaign", 3, |u| pick(u, &["start-support", "start-support-plus", "none"]))?;
        maybe(u, &mut d, "building", 2, |u| pick(u, &["home", "mansion"]))?;
        maybe(u, &mut d, "plan", 2, |u| pick(u, &["zutto-giga-toku", "standard", "otoku-a"]))?;
        maybe(u, &mut d, "isp", 4, |u| pick(u, &["nifty", "tcom", "au-one-net", "biglobe", "so-net", "asahi-net", "dti"]))?;
        maybe(u, &mut d, "startDate", 4, date)?;
        maybe(u, &mut d, "withPhoneOptions", 1, boolean)?;
        maybe(u, &mut d, "sourceExcluded", 3, boolean)?;
        maybe(u, &mut d, "smartValue", 1, boolean)?;
        maybe(u, &mut d, "refundMethod", 2, |u| pick(u, &["au-wallet", "postal-money-order"]))?;
        maybe(u, &mut d, "acceptanceDate", 2, date)?;
        maybe(u, &mut d, "otherCoveredFees", 1, |u| amount(u, 50_000))?;
        maybe(u, &mut d, "mobileLines", 1, |u| amount(u, 101))?;
        Ok(Value::Object(d))
    })?;
    Ok(Value::Object(i))
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(v) = input(&mut u) else { return };
    let text = v.to_string();
    let mut de = serde_json::Deserializer::from_str(&text);
    let json = read(&mut de).unwrap_or(Json::Null);
    let calc_ok = match calculate(&json) {
        Answer::Ok(c) => {
            let charges: i64 = c.charges.iter().map(|x| x.amount).sum();
            let refunds: i64 = c.refunds.iter().map(|x| x.amount).sum();
            assert_eq!((c.totals.charges, c.totals.refunds, c.totals.net), (charges, refunds, charges - refunds), "totals for {text}");
            assert_eq!(c.exit.last_service_day.succ_opt(), Some(c.exit.completion_date), "completion for {text}");
            let _ = serde_json::from_str::<serde_json::Value>(&norikae::wire::json_out::ToJson::to_json(&c)).expect("the core writes valid JSON");
            true
        }
        Answer::Err(f) => {
            assert!(!f.errors.is_empty(), "ok:false with no errors for {text}");
            false
        }
    };
    let ics_ok = matches!(export_calendar(&json, "20261125T093000Z"), Answer::Ok(_));
    assert_eq!(calc_ok, ics_ok, "calculate and exportCalendar disagree on {text}");
    match compare_exit_months(&json) {
        Answer::Ok(c) => {
            assert!(calc_ok, "compare ok but calculate not for {text}");
            assert!(!c.rows.is_empty() && c.rows.len() <= 40, "{} rows for {text}", c.rows.len());
            for w in c.rows.windows(2) {
                assert_eq!(w[1].month, w[0].month.plus(1), "rows not consecutive for {text}");
            }
            for r in &c.rows {
                assert_eq!(r.net, r.charges - r.refunds, "row net for {text}");
            }
            let min = c.rows.iter().map(|r| r.net).min();
            assert_eq!(Some(c.best), c.rows.iter().find(|r| Some(r.net) == min).map(|r| r.month), "best for {text}");
        }
        Answer::Err(f) => {
            assert!(!calc_ok, "calculate ok but compare not for {text}: {:?}", f.errors);
        }
    }
});
