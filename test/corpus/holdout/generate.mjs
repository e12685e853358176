// Writes attack.jsonl and benign.jsonl of the held-out corpus. Deterministic (seeded PRNG, no clock, no network).
// Usage: node test/corpus/holdout/generate.mjs
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { req } from './lib.mjs';
import { attacks } from './attacks.mjs';
import { benign } from './benign.mjs';

const here = dirname(fileURLToPath(import.meta.url));
function emit(sets, label, prefix) {
  const lines = [];
  const counts = {};
  for (const [cat, list] of Object.entries(sets)) {
    list.forEach((o, i) => lines.push(JSON.stringify(req(`${prefix}-${cat}-${String(i + 1).padStart(3, '0')}`, label, cat, o))));
    counts[cat] = list.length;
  }
  return { text: lines.join('\n') + '\n', counts, n: lines.length };
}
const a = emit(attacks, 'attack', 'h-a');
const b = emit(benign, 'benign', 'h-b');
writeFileSync(join(here, 'attack.jsonl'), a.text);
writeFileSync(join(here, 'benign.jsonl'), b.text);
console.log('attack', a.n, JSON.stringify(a.counts));
console.log('benign', b.n, JSON.stringify(b.counts));
