#!/usr/bin/env bash
# `npm run test:pack`: the command as a user installs it. Packs the project (`npm pack`, which builds it in
# `prepack`), installs the tarball with production dependencies only into an empty folder and runs its
# budget-eval there: --help, the bundled sample (expected figures), --docx (the lazily loaded Word library)
# and --check (the data fingerprint). The jest tests cannot see this: they run the command in-process with
# every dev dependency present, so an import not declared in `dependencies` only fails here.
# Needs the npm registry. Exits non-zero, saying what failed, on the first problem.
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d "${TMPDIR:-/tmp}/budget-eval-pack.XXXXXX")
keep=${PACK_SMOKE_KEEP:-}
trap '[ -n "$keep" ] && echo "pack-smoke: kept $work" >&2 || rm -rf "$work"' EXIT

fail() {
  echo "pack-smoke: FAILED: $1" >&2
  shift
  for file in "$@"; do
    [ -s "$file" ] && { echo "--- $(basename "$file")" >&2; cat "$file" >&2; }
  done
  exit 1
}

echo "pack-smoke: npm pack (prepack builds build/src)"
npm pack --json --pack-destination "$work" >"$work/pack.json" 2>"$work/pack.err" ||
  fail "npm pack exited with $?" "$work/pack.err"
# The tarball's name and its file list, from npm's JSON (the array that starts on its own line).
node - "$work/pack.json" >"$work/pack.txt" <<'EOF' || fail "the tarball's contents are wrong" "$work/pack.txt"
const text = require('node:fs').readFileSync(process.argv[2], 'utf8');
const [pack] = JSON.parse(text.slice(text.search(/^\[/m)));
const files = pack.files.map((f) => f.path);
const missing = ['package.json', 'bin/budget-eval.js', 'build/src/cli/main.js', 'assets/sample-2021.xlsx'].filter((f) => !files.includes(f));
const extra = files.filter((f) => /^(src|test|bench|build\/bench|scripts|node_modules)\//.test(f) || f.endsWith('.map'));
console.log(pack.filename);
if (missing.length || extra.length) {
  if (missing.length) console.log(`missing from the tarball: ${missing.join(', ')}`);
  if (extra.length) console.log(`not meant for the tarball: ${extra.join(', ')}`);
  process.exit(1);
}
console.error(`pack-smoke: ${pack.filename}: ${files.length} files, ${(pack.size / 1024).toFixed(0)} KiB packed`);
EOF
tarball="$work/$(head -n1 "$work/pack.txt")"

echo "pack-smoke: npm install --omit=dev into an empty folder"
app="$work/app"
mkdir "$app"
# A package.json of its own, so that npm installs here and not into a project in a parent folder.
echo '{ "name": "pack-smoke", "private": true }' >"$app/package.json"
(cd "$app" && npm install --omit=dev --no-audit --no-fund "$tarball") >"$work/install.log" 2>&1 ||
  fail "npm install --omit=dev of the tarball failed" "$work/install.log"
# No native build in a production install: no installed package may have an install script or binding.gyp.
node - "$app/node_modules" >"$work/native.txt" <<'EOF' || fail "a production dependency builds native code" "$work/native.txt"
const fs = require('node:fs');
const path = require('node:path');
const found = [];
(function walk(dir) {
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    if (name.startsWith('.')) continue;
    const at = path.join(dir, name);
    if (name.startsWith('@')) { walk(at); continue; }
    const manifest = path.join(at, 'package.json');
    if (!fs.existsSync(manifest)) continue;
    const scripts = JSON.parse(fs.readFileSync(manifest, 'utf8')).scripts ?? {};
    const hooks = ['preinstall', 'install', 'postinstall'].filter((s) => scripts[s]);
    if (hooks.length || fs.existsSync(path.join(at, 'binding.gyp'))) found.push(`${at}: ${hooks.join(', ') || 'binding.gyp'}`);
    walk(path.join(at, 'node_modules'));
  }
})(process.argv[2]);
if (found.length) { console.log(found.join('\n')); process.exit(1); }
EOF

bin="$app/node_modules/.bin/budget-eval"
[ -x "$bin" ] || fail "the install has no node_modules/.bin/budget-eval" "$work/install.log"
cd "$app"

echo "pack-smoke: budget-eval --help"
"$bin" --help >help.out 2>help.err || fail "budget-eval --help exited with $?" help.out help.err
grep -q '^Usage:' help.out || fail "budget-eval --help printed no Usage:" help.out help.err

echo "pack-smoke: budget-eval (the bundled sample)"
"$bin" >sample.out 2>sample.err || fail "budget-eval on the bundled sample exited with $?" sample.out sample.err
grep -q '预算完成率 96.48%' sample.out || fail "budget-eval on the bundled sample: expected 预算完成率 96.48% in its output" sample.out sample.err
[ -s sample-2021.evaluation.xlsx ] || fail "budget-eval on the bundled sample wrote no sample-2021.evaluation.xlsx" sample.out sample.err

echo "pack-smoke: budget-eval --docx (the Word library is loaded only then)"
"$bin" --lang en -o en.xlsx --docx report.docx >docx.out 2>docx.err || fail "budget-eval --docx exited with $?" docx.out docx.err
[ -s report.docx ] || fail "budget-eval --docx wrote no report.docx" docx.out docx.err

echo "pack-smoke: budget-eval --check"
"$bin" --check sample-2021.evaluation.xlsx >check.out 2>check.err || fail "budget-eval --check on its own output exited with $?" check.out check.err

echo "pack-smoke: ok — $(head -n1 sample.out)"
