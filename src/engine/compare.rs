//! `compareExitMonths`: the pipeline once per candidate exit month, each row as if
//! requested in time (no SN-5/SN-6 shift), with the application dates that reach it and a
//! recommendation in words that are true for this reader.

use super::calculate::{core, internal, validated, Answer, Core};
use crate::calendar::Month;
use crate::engine::campaign;
use crate::engine::charges;
use crate::engine::context::Ctx;
use crate::engine::exit::{self, ExitPlan};
use crate::engine::output::*;
use crate::engine::renewal::renewal;
use crate::engine::Mode;
use crate::error::CalcError;
use crate::input::Scenario;
use crate::text::yen;
use crate::wire::json::Json;

pub fn compare_exit_months(input: &Json) -> Answer<Comparison> {
    let s = match validated(input) {
        Ok(s) => s,
        Err(f) => return Answer::Err(f),
    };
    match compare_scenario(&s) {
        Ok(c) => Answer::Ok(c),
        Err(e) => Answer::Err(internal(s.lang, e)),
    }
}

fn compare_scenario(s: &Scenario) -> Result<Comparison, CalcError> {
    // Validate like calculate, for the chosen or default exit month.
    let mut cx = Ctx::for_scenario(s);
    let Core { plan, .. } = core(s, &mut cx)?;
    let earliest = plan.window.earliest;
    let (_, (_, last)) = renewal(s, earliest, &mut cx)?;
    let n = last.since(earliest).clamp(0, 39) + 1;
    let mut rows = Vec::with_capacity(n as usize);
    for i in 0..n {
        let m = earliest.plus(i);
        let mode = Mode::Row(m);
        let mut rc = Ctx::for_mode(s, mode);
        let p = exit::plan(s, mode, &mut rc)?;
        let ex = charges::exit_charges(s, &p, &mut rc)?;
        let exit_sum = ex.iter().fold(0i64, |a, c| a.saturating_add(c.amount));
        let charges =
            s.current.monthly_fee.saturating_mul(i64::from(i) + 1).saturating_add(exit_sum);
        let camp = campaign::run(s, &p, &ex, mode, &mut rc)?;
        let refunds = camp
            .iter()
            .flat_map(|k| k.refunds.iter())
            .fold(0i64, |a, r| a.saturating_add(r.amount.max(0)));
        let reach = exit::reach(s, m, &mut rc)?;
        rows.push(Row {
            month: m,
            charges,
            refunds,
            net: charges.saturating_sub(refunds),
            months_paid_since_earliest: i,
            contract_month: p.contract_month,
            in_renewal_window: p.in_renewal_window,
            apply_from: reach.map(|r| r.0),
            apply_by: reach.map(|r| r.1),
        });
    }
    let best = rows.iter().min_by_key(|r| (r.net, r.month)).map(|r| r.month).unwrap_or(earliest);
    let pick = rows.iter().filter(|r| r.reachable()).min_by_key(|r| (r.net, r.month)).cloned();
    let recommended = pick.as_ref().map(|r| r.month).unwrap_or(best);
    let recommendation = recommend(s, &plan, &rows, pick.as_ref(), best);
    Ok(Comparison { ok: true, rows, best, recommended, recommendation })
}

/// The recommendation, in words that are true for this reader: the cheapest month they
/// can still reach, what it saves against the month they chose, and how to get there —
/// keep the application date and choose the month, or apply within the row's dates.
fn recommend(
    s: &Scenario,
    plan: &ExitPlan,
    rows: &[Row],
    pick: Option<&Row>,
    best: Month,
) -> String {
    let lang = s.lang;
    let Some(b) = pick else {
        return lang.say(
            "どの月もいまからは間に合いません。".into(),
            "No month can be reached from the application date any more.".into(),
        );
    };
    let m = b.month;
    let net = yen(b.net);
    // The exit month this answer computed (after any SN-5/SN-6 shift).
    let mine = rows.iter().find(|r| r.month == plan.month);
    let save = mine.filter(|r| r.net > b.net).map(|r| (r.month, yen(r.net - b.net)));
    let a = s.application_date;
    let (mut ja, mut en) = match (b.apply_from, b.apply_by) {
        _ if m == plan.month => (format!("いちばん安いのは、この計算の{m}末の退会で、実質{net}円です。"), format!("Leaving at the end of {m}, as computed here, is cheapest: {net} yen net.")),
        (Some(from), Some(by)) if from <= a => (
            format!("いちばん安いのは{m}末の退会で、実質{net}円です。申請日はそのままで、退会月に{m}を選べます（{by}までに申し込めば間に合います）。"),
            format!("Leaving at the end of {m} is cheapest: {net} yen net. Keep the application date and choose {m} as the exit month (apply by {by})."),
        ),
        (Some(from), Some(by)) => (
            format!("{from}以降、{by}までに申し込めば{m}末に退会でき、実質{net}円でいちばん安くなります。"),
            format!("Apply on or after {from} and by {by} to leave at the end of {m}: {net} yen net, the cheapest."),
        ),
        _ => (
            format!("新しい回線の開通日を{m}にすると、実質{net}円でいちばん安くなります。"),
            format!("With the new line opening in {m}, the switch costs {net} yen net, the cheapest."),
        ),
    };
    if let Some((chosen, diff)) = save {
        ja.push_str(&format!("{chosen}末に退会するより{diff}円安くなります。"));
        en.push_str(&format!(" That is {diff} yen less than leaving at the end of {chosen}."));
    }
    if best != m {
        ja.push_str(&format!("（{best}末はもっと安くなりますが、いまからでは間に合いません。）"));
        en.push_str(&format!(" ({best} would cost less, but can no longer be reached.)"));
    }
    // Waiting costs the months' fees: without a monthly fee the rows count them as 0.
    if s.current.monthly_fee == 0 && m != plan.month {
        ja.push_str(
            "ただし毎月の利用料金が入力されていないため、待つあいだの月額料金を0円として比べています。入力すると正しく比べられます。",
        );
        en.push_str(" The monthly fee was not entered, so the months of waiting are counted at 0 yen; enter it for a true comparison.");
    }
    lang.say(ja, en)
}
