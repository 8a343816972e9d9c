//! Which sources each explanation cites. Every rule value read (in the order read)
//! cites its sources under the explanation of its rule; a rule whose figure rests on no
//! dated value (SN-1's month-end, SN-10's proof) cites the seed article of its rule set.
//! Each source is listed once, and the explanations come in the SPEC's order.
//!
//! Not the explanations' words (each stage says its own through [`Ctx::explain`]) and
//! not the sources themselves (rule data, [`crate::rules`]).

use super::answer::rule_order;
use crate::engine::campaign::CampaignOutcome;
use crate::engine::context::Ctx;
use crate::engine::output::{ExplanationOut, SourceOut};
use crate::input::Scenario;
use crate::rules::ymd_str;

/// The explanations collected in `cx`, each with the ids of the sources it cites, and
/// the sources cited; dates in the answer's language's form.
pub(crate) fn explanations(
    s: &Scenario,
    cx: &Ctx,
    camp: Option<&CampaignOutcome>,
) -> (Vec<ExplanationOut>, Vec<SourceOut>) {
    let lang = s.lang;
    let mut explanations: Vec<ExplanationOut> = cx
        .explanations
        .iter()
        .map(|e| ExplanationOut { rule: e.rule, text: lang.dates(&e.text), sources: Vec::new() })
        .collect();
    let mut sources: Vec<SourceOut> = Vec::new();
    let mut cite = |e: &mut ExplanationOut, src: &crate::rules::Source| {
        let id = match sources.iter().find(|x| x.url == src.url) {
            Some(x) => x.id.clone(),
            None => {
                let id = if sources.iter().any(|x| x.id == src.id) {
                    format!("{}-{}", src.id, sources.len())
                } else {
                    src.id.to_string()
                };
                sources.push(SourceOut {
                    id: id.clone(),
                    title: src.title,
                    url: src.url,
                    kind: src.kind,
                    checked: ymd_str(src.checked),
                });
                id
            }
        };
        if !e.sources.contains(&id) {
            e.sources.push(id);
        }
    };
    for (set, p) in &cx.trace.used {
        if let Some(e) = explanations.iter_mut().find(|e| e.rule == p.rule) {
            for &i in p.sources {
                if let Some(src) = set.sources.get(usize::from(i)) {
                    cite(e, src);
                }
            }
        }
    }
    // A rule whose figure rests on no dated value (SN-1's month-end, SN-10's proof)
    // still cites its source: the seed article of the set it belongs to.
    let camp_set = camp.map(|k| k.rules.set);
    for e in explanations.iter_mut().filter(|e| e.sources.is_empty()) {
        let set = if e.rule.starts_with("AU-") {
            camp_set.unwrap_or(s.current.rules.set)
        } else {
            s.current.rules.set
        };
        let prefix = if e.rule.starts_with("AU-") { "seeds/002" } else { "seeds/000" };
        for src in set.sources.iter().filter(|x| x.kind == "seed" && x.url.starts_with(prefix)) {
            cite(e, src);
        }
    }
    crate::text::sort_by_key(&mut explanations, |e| rule_order(e.rule));

    (explanations, sources)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::calculate::{core, Core};
    use crate::engine::scenario;

    #[test]
    fn sn7_an_explanation_cites_the_sources_of_the_values_read_and_each_source_is_listed_once() {
        let s = scenario(
            r#"{ "applicationDate": "2019-05-10", "current": { "provider": "so-net-hikari-plus", "serviceStart": "2016-01-20" },
                 "destination": { "campaign": "start-support", "startDate": "2019-05-20", "isp": "so-net" } }"#,
        );
        let mut cx = Ctx::for_scenario(&s);
        let Ok(Core { camp, .. }) = core(&s, &mut cx) else { panic!("no core") };
        let (explanations, sources) = explanations(&s, &cx, camp.as_ref());
        let rules: Vec<_> = explanations.iter().map(|e| e.rule).collect();
        let mut sorted = rules.clone();
        crate::text::sort_by_key(&mut sorted, |r| rule_order(r));
        assert_eq!(rules, sorted, "in the SPEC's order");
        assert!(explanations.iter().all(|e| !e.sources.is_empty()), "every rule cites");
        for e in &explanations {
            for id in &e.sources {
                assert_eq!(sources.iter().filter(|x| &x.id == id).count(), 1, "{id}");
            }
        }
        for (i, x) in sources.iter().enumerate() {
            assert!(sources[..i].iter().all(|y| y.url != x.url), "{} twice", x.url);
        }
    }
}
