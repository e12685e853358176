// `bulwark eval --config FILE --input requests.jsonl --output verdicts.jsonl [--repeat K]`: runs
// requests in ../shared/tools/modsec-peer's JSONL format through the real filter and writes the same
// verdict format ({id, label, category, blocked, status, rules, score, us[, us_first]}), so that
// summarize.mjs compares Bulwark and ModSecurity side by side. Verdicts come from pass 1; `us` is
// the median over K passes of the time host.request takes (the whole filter path through the
// TypeScript host, so it includes the host's own overhead). As the peer does, Content-Length is
// added to a line with a body and no Content-Length / Transfer-Encoding.
import { readFileSync, writeFileSync } from "node:fs";
import { Host } from "../host/index.ts";
import { filterWasm, readConfiguration, defaultConfiguration } from "./common.ts";
import { evaluate, headerPairs, Verdict } from "./test.ts";

interface InputLine { id?: string; label?: unknown; category?: unknown; method?: string; uri?: string; headers?: any; body?: string; http_version?: string }

/**
 * A request with a body always carries framing on the wire; as modsec-peer does, Content-Length is
 * added when a line has a non-empty body but neither Content-Length nor Transfer-Encoding (without it,
 * rules such as CRS 920180 would see a body-carrying POST without a length, which no client sends).
 */
function withFraming(headers: any, body: string | undefined): Array<[string, string]> {
  const list = headerPairs(headers);
  if (body && !list.some(([k]) => /^(content-length|transfer-encoding)$/i.test(k))) list.push(["Content-Length", String(Buffer.byteLength(body, "utf8"))]);
  return list;
}

export async function runEval(opts: { config?: string; input: string; output: string; repeat?: string }): Promise<number> {
  const configuration = opts.config ? readConfiguration(opts.config) : defaultConfiguration();
  const host = await Host.create({ wasm: filterWasm(), configuration });
  const lines = readFileSync(opts.input, "utf8").split("\n");
  const reqs: Array<{ id: string; line: InputLine }> = [];
  lines.forEach((l, i) => {
    if (!l.trim()) return;
    try {
      const o = JSON.parse(l) as InputLine;
      reqs.push({ id: o.id === undefined ? `line${i + 1}` : String(o.id), line: o });
    } catch (e) { console.error(`${opts.input}:${i + 1}: skipped: ${(e as Error).message}`); }
  });
  const K = Math.max(1, Number(opts.repeat ?? 1) | 0);
  const verdicts: Verdict[] = [];
  const times: number[][] = reqs.map(() => []);
  for (let pass = 0; pass < K; pass++) {
    for (let i = 0; i < reqs.length; i++) {
      const { line } = reqs[i];
      const t0 = performance.now();
      const v = await evaluate(host, { method: line.method, uri: line.uri, headers: withFraming(line.headers, line.body), body: line.body });
      times[i].push((performance.now() - t0) * 1000);
      if (pass === 0) verdicts.push(v);
    }
  }
  host.close();
  const median = (a: number[]) => { const s = [...a].sort((x, y) => x - y); return s[s.length >> 1]; };
  const out = reqs.map(({ id, line }, i) => {
    const v = verdicts[i];
    const row: Record<string, unknown> = { id, label: line.label, category: line.category, blocked: v.blocked,
      status: v.blocked ? v.status : 200, rules: v.rules, score: v.score, us: Number(median(times[i]).toFixed(3)) };
    if (K > 1) row.us_first = Number(times[i][0].toFixed(3));
    return JSON.stringify(row);
  });
  writeFileSync(opts.output, out.join("\n") + (out.length ? "\n" : ""));
  const blocked = verdicts.filter((v) => v.blocked).length;
  console.error(`bulwark eval: requests=${reqs.length} blocked=${blocked} passes=${K}`);
  return 0;
}
