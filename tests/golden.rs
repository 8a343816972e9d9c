//! Every golden case (tests/cases, the project's own copies and additions, and the
//! public ../shared/cases when present) run natively, with run-cases.mjs's matching.
mod common;
use std::path::Path;

fn run_dir(dir: &Path) -> (usize, Vec<String>) {
    let mut failures = Vec::new();
    let mut n = 0;
    let Ok(rd) = std::fs::read_dir(dir) else { return (0, failures) };
    let mut files: Vec<_> = rd
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    for f in files {
        n += 1;
        let c: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&f).expect("readable"))
                .expect("valid JSON");
        let fun = c["fn"].as_str().unwrap_or("calculate");
        let got = common::run(fun, &c["input"]);
        if let Some(m) = common::mismatch(&c["expect"], &got, "result") {
            failures.push(format!("{}: {m}", f.display()));
        }
    }
    (n, failures)
}

#[test]
fn golden_cases_in_tests_cases() {
    let (n, f) = run_dir(Path::new("tests/cases"));
    assert!(n >= 17, "expected the public cases copied into tests/cases, found {n}");
    assert!(f.is_empty(), "{} of {n} cases fail:\n{}", f.len(), f.join("\n"));
}

#[test]
fn golden_cases_in_shared() {
    let (_, f) = run_dir(Path::new("../shared/cases"));
    assert!(f.is_empty(), "{}", f.join("\n"));
}
