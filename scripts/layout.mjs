#!/usr/bin/env node
// The house rules of issue 12, checked in `make test`:
//   - rustfmt.toml keeps max_width at most 100;
//   - no hand-written file under src/ and www/ is over 400 lines, not counting a Rust
//     file's trailing `#[cfg(test)] mod tests { … }` (generated files: www/pkg/,
//     www/codes.js);
//   - at least half of the files under src/ have unit tests beside them (a
//     `#[cfg(test)]` module in the file).
// Prints every file's count and exits 1 when a rule is broken.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const MAX_LINES = 400;
const GENERATED = new Set(["www/codes.js"]);
const problems = [];

const width = /^\s*max_width\s*=\s*(\d+)/m.exec(readFileSync(join(repo, "rustfmt.toml"), "utf8"));
if (!width || Number(width[1]) > 100) problems.push(`rustfmt.toml: max_width must be set and at most 100`);

function* walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (relative(repo, p) !== "www/pkg") yield* walk(p);
    } else yield p;
  }
}

/** Lines a reader must hold: a Rust file stops counting at its trailing test module. */
function counted(path, text) {
  const lines = text.split("\n");
  if (text.endsWith("\n")) lines.pop();
  if (!path.endsWith(".rs")) return lines.length;
  const at = lines.findIndex((l, i) => l === "#[cfg(test)]" && /^mod tests\b/.test(lines[i + 1] ?? ""));
  return at === -1 ? lines.length : at;
}

let rust = 0;
let tested = 0;
const rows = [];
for (const top of ["src", "www"]) {
  for (const p of walk(join(repo, top))) {
    const rel = relative(repo, p);
    if (!/\.(rs|js|mjs|css|html)$/.test(rel) || GENERATED.has(rel)) continue;
    const text = readFileSync(p, "utf8");
    const n = counted(rel, text);
    const hasTests = rel.endsWith(".rs") && /^#\[cfg\(test\)\]\n(pub(\(crate\))? )?mod tests\b/m.test(text);
    if (rel.endsWith(".rs")) {
      rust++;
      if (hasTests) tested++;
    }
    rows.push(`${String(n).padStart(5)}  ${hasTests ? "tests" : "     "}  ${rel}`);
    if (n > MAX_LINES) problems.push(`${rel}: ${n} lines (at most ${MAX_LINES}, tests not counted)`);
  }
}
console.log(rows.join("\n"));
console.log(`src/: ${tested} of ${rust} files have unit tests beside them`);
if (tested * 2 < rust) problems.push(`only ${tested} of ${rust} src/ files have unit tests (at least half)`);
for (const p of problems) console.error(`layout: ${p}`);
process.exit(problems.length ? 1 : 0);
