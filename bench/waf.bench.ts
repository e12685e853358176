// The WAF engine's per-request cost: a generated 50-rule pack (regexes, phrase lists, libinjection,
// string operators, over headers, URI, arguments and the JSON body, with transformations and
// anomaly scoring) on the clean GET, the 30-header GET and the 64 KiB JSON POST of the filter bench,
// as a ratio to the pass-through module measured in the same run.
import { readFileSync } from "node:fs";
import { Host } from "../src/host/index.ts";
import { cases, once, measure } from "./filter.bench.ts";

const N = Number(process.env.BENCH_N ?? 5000);

export function fiftyRulePack(): object {
  const rules: object[] = [];
  const score = ["tx.inbound_anomaly_score_pl1=+5"];
  const words = ["select", "union", "insert", "sleep", "benchmark", "waitfor", "xp_cmdshell", "information_schema", "load_file", "outfile"];
  let id = 90000;
  for (let i = 0; i < 20; i++) {
    rules.push({ id: id++, phase: i % 2 ? 2 : 1, variables: i % 2 ? ["ARGS", "ARGS_NAMES"] : ["REQUEST_URI", "REQUEST_HEADERS:User-Agent", "REQUEST_HEADERS:Referer"],
      transformations: ["urlDecodeUni", "lowercase"], match: { rx: `\\b${words[i % 10]}\\b.{0,20}(?:from|into|\\(|--)${"x".repeat(i % 3)}` },
      action: "block", msg: `pattern ${i}`, severity: "CRITICAL", setvar: score });
  }
  for (let i = 0; i < 10; i++) {
    rules.push({ id: id++, phase: 2, variables: ["ARGS", "REQUEST_COOKIES"], transformations: ["urlDecodeUni", "htmlEntityDecode", "lowercase"],
      match: { pm: `<script${i} javascript${i}: onerror${i}= vbscript${i}:` }, action: "block", msg: `phrases ${i}`, severity: "CRITICAL", setvar: score });
  }
  for (let i = 0; i < 5; i++) {
    rules.push({ id: id++, phase: 2, variables: ["ARGS"], transformations: ["urlDecodeUni"], match: { detectSQLi: "" }, action: "block", msg: `sqli ${i}`, severity: "CRITICAL", setvar: score });
  }
  for (let i = 0; i < 5; i++) {
    rules.push({ id: id++, phase: 2, variables: ["ARGS"], transformations: ["urlDecodeUni", "htmlEntityDecode"], match: { detectXSS: "" }, action: "block", msg: `xss ${i}`, severity: "CRITICAL", setvar: score });
  }
  for (let i = 0; i < 10; i++) {
    const ops = [{ contains: `../etc/passwd${i}` }, { beginsWith: `/admin${i}` }, { endsWith: `.bak${i}` }, { streq: `TRACE${i}` }, { within: `CONNECT${i} TRACK${i}` }];
    rules.push({ id: id++, phase: 1, variables: ["REQUEST_URI", "REQUEST_METHOD", "REQUEST_HEADERS"], transformations: ["lowercase"],
      match: ops[i % ops.length], action: "block", msg: `string ${i}`, severity: "CRITICAL", setvar: score });
  }
  return { id: "bench50", rules };
}

export default async function run(): Promise<void> {
  const configuration = JSON.stringify({ waf: { mode: "block", paranoiaLevel: 1, builtinPacks: "none", packs: [fiftyRulePack()] } });
  const waf = await Host.create({ wasm: readFileSync("build/bulwark.wasm"), configuration });
  const pass = await Host.create({ wasm: readFileSync("build/passthrough.wasm"), configuration: "" });
  console.log(`50-rule pack (20 rx, 10 pm, 5 detectSQLi, 5 detectXSS, 10 string operators); ${N} requests per case (BENCH_N)`);
  console.log("case                   waf p50      waf p99     pass p50     pass p99   ratio p50   ratio p99");
  const us = (ns: number) => (ns / 1000).toFixed(2).padStart(8) + " µs";
  for (const c of cases()) {
    const w = measure(() => once(waf, c), N);
    const p = measure(() => once(pass, c), N);
    console.log(`${c.name.padEnd(18)} ${us(w.p50)} ${us(w.p99)} ${us(p.p50)} ${us(p.p99)}   ${(w.p50 / p.p50).toFixed(2).padStart(7)}×   ${(w.p99 / p.p99).toFixed(2).padStart(7)}×`);
  }
  // the POST cost must follow the number of arguments (the body processor stops at 1000): p50 per argument
  console.log("JSON POST by arguments  waf p50      per arg");
  for (const items of [10, 40, 160]) {
    const arr = [];
    for (let i = 0; i < items; i++) arr.push({ id: i, name: `item ${i}`, tags: ["a", "b"], price: i * 1.5 });
    const body = new TextEncoder().encode(JSON.stringify({ items: arr }));
    const c = { name: "post", headers: [[":method", "POST"], [":path", "/api/items"], [":authority", "api.example.com"], [":scheme", "http"],
      ["content-type", "application/json"], ["content-length", String(body.length)]] as [string, string][], body };
    const w = measure(() => once(waf, c), Math.max(50, Math.round(N / 10)));
    console.log(`${String(items * 5).padStart(5)} args${" ".repeat(13)}${us(w.p50)} ${us(w.p50 / (items * 5))}`);
  }
  // the same engine without the host (build/harness/waf-engine.wasm): the built-in packs of
  // rules/default.json on the clean GET, so the engine's share of the filter's cost is visible
  {
    const { instance } = await WebAssembly.instantiate(readFileSync("build/harness/waf-engine.wasm"), { env: { abort: () => { throw new Error("abort"); } } });
    const x: any = instance.exports;
    const put = (s: string) => { const b = new TextEncoder().encode(s); const p = x.inputPtr(b.length); new Uint8Array(x.memory.buffer, p, b.length).set(b); return b.length; };
    if (x.configure(put(JSON.stringify(JSON.parse(readFileSync("rules/default.json", "utf8")).waf))) !== 0) throw new Error("engine harness refused the default waf section");
    const n = put("GET /api/items?page=2\nhost: api.example.com\nuser-agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36\naccept: application/json\nx-request-id: 3f0c6a9e-1d2b-4c55-9a7e-3b1f0e2d4c6a");
    const evals = x.run(n, 1000);
    const R = Math.max(2000, N * 2);
    const t0 = performance.now(); x.run(n, R);
    console.log(`engine only (no host), built-in packs, clean GET: ${((performance.now() - t0) * 1000 / R).toFixed(2)} µs/request, ${evals} rule evaluations`);
  }
  // the bench must measure work, not a refusal: the benign requests must pass
  const probe = await waf.request({ method: "POST", path: "/api/items", headers: [["content-type", "application/json"]], body: "{\"name\":\"anvil\"}" });
  if (probe.status !== 200) throw new Error(`benign request was answered ${probe.status}`);
  waf.close(); pass.close();
}
