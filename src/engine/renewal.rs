//! The contract's own calendar (SN-7): the contract month k(M) of a month, counted from
//! the service start, and the renewal months in which leaving costs no cancellation fee.
//!
//! Not the exit month itself ([`super::exit`]) nor the fee ([`super::charges`]).

use crate::calendar::Month;
use crate::engine::context::Ctx;
use crate::error::CalcError;
use crate::input::Scenario;
use crate::rules::On;

/// Contract month k(M): the month of the service start is month 1 (SPEC vocabulary).
pub fn contract_month(s: &Scenario, m: Month) -> i32 {
    m.since(Month::of(s.current.service_start)).saturating_add(1)
}

/// SN-7: leaving in a renewal month costs no cancellation fee. The renewal months are
/// term·n + each offset, n ≥ 1 (So-net: the 37th and 38th months, then every 36 months).
/// Returns whether `m` is one, and the window that contains `m`, else the next one.
pub fn renewal(s: &Scenario, m: Month, cx: &mut Ctx) -> Result<(bool, (Month, Month)), CalcError> {
    let r = s.current.rules;
    let at = s.current.contract_date;
    let term = r.int("contract.term-months", On::contract(at), &mut cx.trace)?.clamp(1, 600) as i32;
    let offsets = r.ints("contract.renewal-months", On::contract(at), &mut cx.trace)?;
    let first = offsets.iter().copied().min().unwrap_or(1).clamp(1, 600) as i32;
    let last = offsets.iter().copied().max().unwrap_or(1).clamp(1, 600) as i32;
    let k = contract_month(s, m);
    let in_window = k > term
        && offsets.iter().any(|&o| (k - o as i32).rem_euclid(term) == 0 && k - o as i32 >= term);
    // The window containing k, else the next one: smallest n ≥ 1 with term·n + last ≥ k.
    let n = ((k - last).max(0) + term - 1) / term;
    let n = n.max(1);
    let start = Month::of(s.current.service_start);
    let w = (start.plus(term * n + first - 1), start.plus(term * n + last - 1));
    Ok((in_window, w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{m, scenario};

    const SONET: &str = r#""provider": "so-net-hikari-plus", "serviceStart": "2017-03-15""#;

    #[test]
    fn sn7_renewal_months_are_37_and_38_then_every_36_months() {
        let s = scenario(&format!(
            r#"{{ "applicationDate": "2019-05-10", "current": {{ {SONET} }} }}"#
        ));
        let mut cx = Ctx::for_scenario(&s);
        // Start 2017-03: month 37 is 2020-03.
        assert_eq!(
            renewal(&s, m("2020-03"), &mut cx).expect("renewal"),
            (true, (m("2020-03"), m("2020-04")))
        );
        assert_eq!(
            renewal(&s, m("2020-05"), &mut cx).expect("renewal"),
            (false, (m("2023-03"), m("2023-04")))
        );
        assert_eq!(contract_month(&s, m("2020-03")), 37);
    }

    #[test]
    fn sn7_a_custom_term_of_24_months_with_2_renewal_months_renews_at_25_and_26() {
        let s = scenario(
            r#"{ "applicationDate": "2019-05-10", "current": { "provider": "custom", "serviceStart": "2017-03-15",
                 "terms": { "termMonths": 24, "renewalMonths": 2, "cancellationFee": 1000 } } }"#,
        );
        let mut cx = Ctx::for_scenario(&s);
        // Month 25 is 2019-03; month 27 is past the window, and the next is months 49–50.
        assert_eq!(
            renewal(&s, m("2019-04"), &mut cx).expect("renewal"),
            (true, (m("2019-03"), m("2019-04")))
        );
        assert_eq!(
            renewal(&s, m("2019-05"), &mut cx).expect("renewal"),
            (false, (m("2021-03"), m("2021-04")))
        );
    }
}
