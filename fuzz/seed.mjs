#!/usr/bin/env node
// Seeds the fuzz corpora from the golden cases: every tests/cases/*.json "input" (and the
// shared cases when ../shared/cases exists), written compact and pretty, into
// fuzz/corpus/calculate/ and fuzz/corpus/compare/. Idempotent (file name = content hash).
//
//   node fuzz/seed.mjs          (make fuzz runs it first; `make fuzz-seed` runs it alone)
import { readdirSync, readFileSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import { createHash } from "node:crypto";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dirs = [join(root, "tests/cases"), join(root, "../shared/cases")].filter(existsSync);
const targets = ["calculate", "compare"];
const names = new Set();
for (const t of targets) mkdirSync(join(root, "fuzz/corpus", t), { recursive: true });
for (const dir of dirs) {
  for (const f of readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
    const c = JSON.parse(readFileSync(join(dir, f), "utf8"));
    if (c.input === undefined) continue;
    for (const text of [JSON.stringify(c.input), JSON.stringify(c.input, null, 1)]) {
      const name = createHash("sha1").update(text).digest("hex");
      for (const t of targets) writeFileSync(join(root, "fuzz/corpus", t, name), text);
      names.add(name);
    }
  }
}
console.log(`fuzz-seed: ${names.size} distinct inputs from ${dirs.length} case folder(s) into fuzz/corpus/{${targets.join(",")}}`);
