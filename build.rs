//! Compiles `rules/*.toml` into a postcard blob (`$OUT_DIR/rules.bin`) embedded by
//! `src/rules/mod.rs`. Validation lives in `src/rules/compile.rs`: a malformed rule file
//! fails the build with `file: field: problem`.

#[path = "src/rules/schema.rs"]
#[allow(dead_code)]
mod schema;
#[path = "src/rules/compile.rs"]
mod compile;

use std::{env, fs, path::Path};

fn main() {
    println!("cargo:rerun-if-changed=rules");
    println!("cargo:rerun-if-changed=src/rules/schema.rs");
    println!("cargo:rerun-if-changed=src/rules/compile.rs");
    let mut files: Vec<_> = fs::read_dir("rules")
        .expect("rules/ exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    let mut sets = Vec::new();
    let mut errors = Vec::new();
    for f in &files {
        let name = f.display().to_string();
        let text = fs::read_to_string(f).unwrap_or_else(|e| panic!("{name}: cannot read: {e}"));
        match compile::compile(&name, &text) {
            Ok(set) => sets.push(set),
            Err(e) => errors.extend(e),
        }
    }
    let mut ids: Vec<&str> = sets.iter().map(|s| s.id.as_str()).collect();
    ids.sort();
    for w in ids.windows(2) {
        if w[0] == w[1] {
            errors.push(format!("rules: id: \"{}\" is used by two files", w[0]));
        }
    }
    if !errors.is_empty() {
        panic!("rule files rejected:\n{}", errors.join("\n"));
    }
    let bytes = postcard::to_allocvec(&schema::Book { sets }).expect("rules serialize");
    let out = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("rules.bin");
    fs::write(out, bytes).expect("write rules.bin");
}
