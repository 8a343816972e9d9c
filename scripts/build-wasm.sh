#!/usr/bin/env bash
# Builds the wasm package into www/pkg (or wherever wasm-pack.toml says): cargo → wasm-bindgen
# → wasm-opt, writes www/codes.js (examples/codes.rs), then prints the wasm's size raw and
# gzip -9. Run `make build` (which runs setup first).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

# cfg KEY: the value of KEY in wasm-pack.toml, one line per array element.
cfg() {
  node --input-type=module -e '
    import { readFileSync } from "node:fs";
    const key = process.argv[1];
    for (const [n, raw] of readFileSync("wasm-pack.toml", "utf8").split("\n").entries()) {
      const line = raw.trim();
      if (line === "" || line.startsWith("#")) continue;
      const m = /^([A-Za-z0-9_-]+)\s*=\s*(.*?)\s*(#[^"\]]*)?$/.exec(line);
      if (!m) { console.error(`wasm-pack.toml:${n + 1}: not a key = value line`); process.exit(2); }
      if (m[1] !== key) continue;
      let v;
      try { v = JSON.parse(m[2]); } catch { console.error(`wasm-pack.toml:${n + 1}: ${key}: not a string or array of strings`); process.exit(2); }
      for (const s of [v].flat()) console.log(s);
      process.exit(0);
    }
    console.error(`wasm-pack.toml: no ${key}`);
    process.exit(2);
  ' "$1"
}

target="$(cfg target)"
out_dir="$(cfg out-dir)"
out_name="$(cfg out-name)"
mapfile -t features < <(cfg features)
mapfile -t wasm_opt_flags < <(cfg wasm-opt)

crate="$(awk -F'"' '/^name *=/ { print $2; exit }' Cargo.toml)"
target_dir="${CARGO_TARGET_DIR:-target}"
wasm_in="$target_dir/wasm32-unknown-unknown/release/${crate//-/_}.wasm"
wasm_out="$out_dir/${out_name}_bg.wasm"

feature_args=()
if [ "${#features[@]}" -gt 0 ]; then
  feature_args=(--features "$(IFS=,; echo "${features[*]}")")
fi

set -x
cargo build --release --target wasm32-unknown-unknown ${feature_args[@]+"${feature_args[@]}"}
wasm-bindgen --target "$target" --out-dir "$out_dir" --out-name "$out_name" "$wasm_in"
node_modules/.bin/wasm-opt ${wasm_opt_flags[@]+"${wasm_opt_flags[@]}"} "$wasm_out" -o "$wasm_out"
# The page's lists of codes, from the core's tables and rule data (issue 12): written
# beside the page, atomically, so a half-written file is never served.
cargo run --quiet --example codes > www/codes.js.tmp
mv www/codes.js.tmp www/codes.js
{ set +x; } 2>/dev/null

raw=$(wc -c <"$wasm_out")
gz=$(gzip -9c "$wasm_out" | wc -c)
echo "wasm size: $wasm_out $raw bytes raw, $gz bytes gzip -9"
