// The rule prefilter (assembly/waf/engine/prefilter.ts) may only skip rules that cannot match:
// every request of our corpora (test/corpus, its holdout, attacks and benign traffic) gets the same
// verdict, the same fired rules and the same score with `waf.prefilter` on (the default) and off,
// with the built-in packs at paranoia level 1 and at 4 (every rule evaluated).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { Host } from "../../src/host/index.ts";
import { filterWasm, defaultConfiguration } from "../../src/cli/common.ts";
import { evaluate, headerPairs } from "../../src/cli/test.ts";

interface Line { id: string; method: string; uri: string; headers: unknown; body?: string }
const lines: Line[] = [];
for (const f of ["test/corpus/attack.jsonl", "test/corpus/benign.jsonl", "test/corpus/holdout/attack.jsonl", "test/corpus/holdout/benign.jsonl"]) {
  for (const l of readFileSync(f, "utf8").split("\n")) if (l.trim()) lines.push(JSON.parse(l));
}

async function verdicts(pl: number, prefilter: boolean): Promise<string[]> {
  const cfg = JSON.parse(defaultConfiguration());
  cfg.waf = { ...cfg.waf, paranoiaLevel: pl, prefilter };
  const host = await Host.create({ wasm: filterWasm(), configuration: JSON.stringify(cfg) });
  const out: string[] = [];
  for (const o of lines) {
    const headers = headerPairs(o.headers);
    if (o.body && !headers.some(([k]) => /^(content-length|transfer-encoding)$/i.test(k))) headers.push(["Content-Length", String(Buffer.byteLength(o.body))]);
    const v = await evaluate(host, { method: o.method, uri: o.uri, headers, body: o.body });
    out.push(`${o.id}: ${v.blocked ? v.status : 200} rules=${v.rules.join(",")} score=${v.score}`);
  }
  host.close();
  return out;
}

for (const pl of [1, 4]) {
  test(`prefilter: same verdicts, rules and scores with and without it on ${lines.length} corpus requests (paranoia level ${pl})`, async () => {
    const on = await verdicts(pl, true);
    const off = await verdicts(pl, false);
    const diff: string[] = [];
    on.forEach((l, i) => { if (l !== off[i]) diff.push(`with: ${l}\nwithout: ${off[i]}`); });
    assert.deepEqual(diff, [], diff.slice(0, 5).join("\n"));
    // the comparison is about something: both block attacks and fire rules
    assert.ok(on.filter((l) => !l.includes(": 200 ")).length > 500, "blocks");
  });
}
