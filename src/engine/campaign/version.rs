//! AU-1: which dated version of the chosen campaign applies — picked by the day the
//! auひかり contract was applied for — or that the campaign did not run that day, and so
//! pays nothing.
//!
//! Not the version's terms: each later stage reads those from the [`Rules`] found here.

use crate::engine::context::Ctx;
use crate::error::CalcError;
use crate::input::{Campaign, Scenario};
use crate::rules::On;
use crate::rules::Rules;
use chrono::NaiveDate;

/// The rule-data family a campaign's versions share (`campaign.family`).
fn family(c: Campaign) -> Option<&'static str> {
    match c {
        Campaign::StartSupport => Some("start-support"),
        Campaign::StartSupportPlus => Some("start-support-plus"),
        Campaign::None => None,
    }
}

/// AU-1: the version of a campaign family in force on `on` (the day the auひかり
/// contract was applied for), and whether one covers that day at all; when none does,
/// the nearest version (the last one that ended before, else the first).
pub fn version(family: &str, on: NaiveDate) -> Option<(Rules, bool)> {
    use crate::rules::{SetKind, Value};
    let day = crate::rules::ymd(on);
    let sets: Vec<&'static crate::rules::RuleSet> = crate::rules::book()?
        .sets
        .iter()
        .filter(|s| {
            s.kind == SetKind::Campaign
                && s.params.iter().any(|p| {
                    p.key == "campaign.family" && matches!(p.value, Value::Str(f) if f == family)
                })
        })
        .collect();
    if let Some(s) = sets.iter().find(|s| s.since <= day && day <= s.until) {
        return Some((Rules { set: s }, true));
    }
    let before = sets.iter().filter(|s| s.until < day).max_by_key(|s| s.until);
    before.or_else(|| sets.iter().min_by_key(|s| s.since)).map(|s| (Rules { set: s }, false))
}

/// AU-1: what the chosen campaign is on the auひかり application date.
pub enum Chosen {
    /// No campaign (`none`, or no destination).
    Nothing,
    /// The version in force on that date.
    InForce(Rules),
    /// No version covers the date (revised reading: the campaign pays nothing).
    Ended(Ended),
}

/// A chosen campaign with no version on the auひかり application date.
pub struct Ended {
    /// The version nearest that date (the last one that ended before it, else the first).
    pub nearest: Rules,
    /// Another campaign with a version that covers the date, if any.
    pub in_force: Option<(Campaign, Rules)>,
}

/// AU-1: the user chooses the campaign; the version in force is picked by the date the
/// auひかり contract was applied for. When none covers that date, the campaign has ended
/// (or not begun), and another campaign that runs that day is named where there is one.
pub fn chosen(s: &Scenario) -> Result<Chosen, CalcError> {
    let Some(d) = &s.destination else { return Ok(Chosen::Nothing) };
    let Some(fam) = family(d.campaign) else { return Ok(Chosen::Nothing) };
    let (r, covered) =
        version(fam, d.application_date).ok_or_else(|| CalcError::RuleMissing(fam.into()))?;
    if covered {
        return Ok(Chosen::InForce(r));
    }
    let in_force = [Campaign::StartSupport, Campaign::StartSupportPlus]
        .into_iter()
        .filter(|c| *c != d.campaign)
        .find_map(|c| match version(family(c)?, d.application_date) {
            Some((r, true)) => Some((c, r)),
            _ => None,
        });
    Ok(Chosen::Ended(Ended { nearest: r, in_force }))
}

/// `since〜until` of a version (`until` empty while it runs).
fn dates(r: &Rules) -> (String, String) {
    let since = crate::rules::ymd_str(r.set.since);
    let until = if r.set.until == crate::rules::OPEN_END {
        String::new()
    } else {
        crate::rules::ymd_str(r.set.until)
    };
    (since, until)
}

/// AU-1: the version in force on the auひかり application date `applied`, said with its
/// dates (and its dates' source cited).
pub(super) fn explain_in_force(
    r: &Rules,
    applied: NaiveDate,
    cx: &mut Ctx,
) -> Result<(), CalcError> {
    let (since, until) = dates(r);
    r.param("version.dates", On::au_application(applied), &mut cx.trace)?;
    cx.explain(
        "AU-1",
        || {
            format!(
                "auひかりの申込日 {applied} に適用されるのは {}（{since}〜{until}）です。",
                r.set.name.ja
            )
        },
        || {
            format!(
                "An au Hikari contract applied for on {applied} falls under {} ({since} – {until}).",
                r.set.name.en
            )
        },
    );
    Ok(())
}

/// AU-1 (revised reading): a campaign with no version on the auひかり application date
/// pays nothing; the warning names the nearest version with its dates and, where one
/// exists, the campaign in force on that date.
pub(super) fn warn_ended(s: &Scenario, e: &Ended, cx: &mut Ctx) {
    let Some(d) = &s.destination else { return };
    let applied = d.application_date;
    let r = &e.nearest;
    let (since, until) = dates(r);
    let (nj, ne) = (r.set.name.ja, r.set.name.en);
    let not_yet = crate::rules::ymd(applied) < r.set.since;
    let (state_ja, state_en) = if not_yet {
        ("まだ始まっていません", "had not begun yet")
    } else {
        ("もう終わっています", "had already ended")
    };
    let (next_ja, next_en) = match &e.in_force {
        Some((_, k)) => {
            let (ks, ku) = dates(k);
            (
                format!("この日に申し込めるのは{}（{ks}〜{ku}）です。", k.set.name.ja),
                format!(
                    " The campaign for that date is {} ({}).",
                    k.set.name.en,
                    if ku.is_empty() { format!("from {ks}") } else { format!("{ks} – {ku}") }
                ),
            )
        }
        None => (String::new(), String::new()),
    };
    cx.warn_with_field(
        "campaign-version-ended",
        "AU-1",
        "destination.campaign",
        || format!("{nj}（{since}〜{until}）は、auひかりの申込日 {applied} には{state_ja}。この日の申し込みには還元も特典もないため、0円で計算しています。{next_ja}"),
        || format!("{ne} ({since} – {until}) {state_en} on the au Hikari application date, {applied}: it pays nothing, so no refund is counted.{next_en}"),
    );
    cx.explain(
        "AU-1",
        || format!(
            "キャンペーンの版は、auひかりを申し込んだ日（{applied}）で決まります。{nj}はこの日に当てはまらないため、何も支払われません。"
        ),
        || format!(
            "The campaign version is picked by the day au Hikari was applied for ({applied}); {ne} does not cover it, so it pays nothing."
        ),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{d, scenario};
    use crate::text::Lang;

    fn chosen_on(campaign: &str, applied: &str) -> Chosen {
        chosen(&scenario(&format!(
            r#"{{ "applicationDate": "2019-09-10", "current": {{ "provider": "so-net-hikari-plus", "serviceStart": "2016-01-20" }},
                "destination": {{ "campaign": "{campaign}", "isp": "so-net", "startDate": "2027-01-25", "applicationDate": "{applied}" }} }}"#
        )))
        .expect("chosen")
    }

    #[test]
    fn au1_the_version_is_the_one_covering_the_au_application_date() {
        for (applied, id) in [
            ("2019-09-30", "au-start-support"),
            ("2019-10-01", "au-new-start-support"),
            ("2024-01-01", "au-norikae-start-support"),
        ] {
            match chosen_on("start-support", applied) {
                Chosen::InForce(r) => assert_eq!(r.set.id, id, "{applied}"),
                _ => panic!("{applied}: no version in force"),
            }
        }
    }

    #[test]
    fn au1_a_campaign_with_no_version_on_the_date_has_ended_and_names_the_one_in_force() {
        match chosen_on("start-support-plus", "2024-01-01") {
            Chosen::Ended(e) => {
                assert_eq!(e.nearest.set.id, "au-start-support-plus");
                assert_eq!(
                    e.in_force.map(|(c, r)| (c, r.set.id)),
                    Some((Campaign::StartSupport, "au-norikae-start-support"))
                );
            }
            _ => panic!("Plus in 2024 should have ended"),
        }
        // Before the first version: nothing in force anywhere.
        match chosen_on("start-support", "2016-08-01") {
            Chosen::Ended(e) => assert!(e.in_force.is_none()),
            _ => panic!("no version before 2016-09-01"),
        }
        assert!(matches!(chosen_on("none", "2024-01-01"), Chosen::Nothing));
    }

    #[test]
    fn au1_an_ended_campaign_warns_with_the_nearest_versions_dates_and_the_one_in_force() {
        let s = scenario(
            r#"{ "applicationDate": "2019-09-10", "lang": "en", "current": { "provider": "so-net-hikari-plus", "serviceStart": "2016-01-20" },
                "destination": { "campaign": "start-support-plus", "isp": "so-net", "startDate": "2027-01-25", "applicationDate": "2024-01-01" } }"#,
        );
        let Ok(Chosen::Ended(e)) = chosen(&s) else { panic!("Plus in 2024 should have ended") };
        let mut cx = Ctx::new(Lang::En);
        warn_ended(&s, &e, &mut cx);
        let w = &cx.warnings[0];
        assert_eq!(
            (w.code, w.rule, w.field),
            ("campaign-version-ended", "AU-1", Some("destination.campaign"))
        );
        assert!(w.text.contains("had already ended"), "{}", w.text);
        assert!(w.text.contains(&crate::rules::ymd_str(e.nearest.set.until)), "{}", w.text);
        assert!(w.text.contains(e.in_force.expect("in force").1.set.name.en), "{}", w.text);
        // The version in force on a covered day, with its dates' source read.
        let (r, true) = version("start-support", d("2019-05-20")).expect("a version") else {
            panic!("2019-05-20 is covered")
        };
        let mut cx = Ctx::new(Lang::En);
        explain_in_force(&r, d("2019-05-20"), &mut cx).expect("explained");
        assert!(cx.explanations[0].text.contains("(2016-09-01 – 2019-09-30)"));
        assert_eq!(cx.trace.used.len(), 1);
    }
}
