// `bulwark test PACK…`: runs each rule pack's own `tests` through the real filter (build/bulwark.wasm
// loaded by the proxy-wasm host, as Envoy would run it). A pack file is one pack object (as in
// rules/packs/example.json) or a whole plugin configuration whose `waf.packs` hold tests.
// A test: {"name", "request": {"method", "uri", "headers": [[k, v]…] | {k: v}, "body"},
//          "status": 403, "match": [rule ids that must fire], "noMatch": [ids that must not],
//          "paranoiaLevel": N (optional, default: the pack's configuration)}
// Exit 0 when every test passes, 1 otherwise.
import { readFileSync, statSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { Host, ConfigureError } from "../host/index.ts";
import { filterWasm, configurationFaults } from "./common.ts";

export interface PackTest {
  name?: string;
  request: { method?: string; uri?: string; path?: string; headers?: Array<[string, string]> | Record<string, string>; body?: string };
  status?: number; match?: number[]; noMatch?: number[]; paranoiaLevel?: number;
}

/** What the filter decided for one request, read from its reply and its log line. */
export interface Verdict { status: number; blocked: boolean; rules: number[]; score: number | null; localReply: boolean }

let seq = 0;

/** Header list in order; Host moves to :authority as Envoy does. */
/** A test's or a JSONL line's headers, `[[k, v]…]` or `{k: v}`, as a list of string pairs in order. */
export function headerPairs(headers: unknown): Array<[string, string]> {
  return Array.isArray(headers) ? headers.map(([k, v]) => [String(k), String(v)] as [string, string])
    : Object.entries(headers ?? {}).map(([k, v]) => [k, String(v)] as [string, string]);
}

export function toHostRequest(req: PackTest["request"], rid: string) {
  const raw = headerPairs(req.headers);
  let authority = "localhost";
  const headers: Array<[string, string]> = [];
  let own: string | undefined;
  for (const [k, v] of raw) {
    const lk = k.toLowerCase();
    if (lk === "host") authority = v; else headers.push([lk, v]);
    if (lk === "x-request-id" && own === undefined) own = v;
  }
  // the filter logs the request's own x-request-id when it has one (as Envoy propagates it)
  if (own === undefined) headers.push(["x-request-id", rid]);
  return { method: req.method ?? "GET", path: req.uri ?? req.path ?? "/", authority, headers, body: req.body, rid: own ?? rid };
}

const DECISION = /bulwark: waf (blocked|detected) request_id=(\S+) (?:rules=([\d,]*) score=(-?\d+))?/;

/** Sends one request and reads the verdict (rules and score from the filter's decision log). */
export async function evaluate(host: Host, req: PackTest["request"]): Promise<Verdict> {
  const hr = toHostRequest(req, `bulwark-eval-${++seq}`);
  const rid = hr.rid;
  const from = host.logs.length;
  const r = await host.request(hr);
  let rules: number[] = [];
  let score: number | null = null;
  for (let i = from; i < host.logs.length; i++) {
    const m = DECISION.exec(host.logs[i].message);
    if (!m || m[2] !== rid) continue;
    if (m[3] !== undefined) {
      rules = m[3].length ? m[3].split(",").map(Number) : [];
      score = Number(m[4]);
    }
  }
  return { status: r.status, blocked: r.localReply && r.status >= 400, rules, score: score ?? 0, localReply: r.localReply };
}

/** A pack file → the plugin configuration that runs it, and its tests. */
export function packConfiguration(doc: any, pl?: number): { configuration: string; tests: Array<{ pack: string; test: PackTest }> } {
  const tests: Array<{ pack: string; test: PackTest }> = [];
  let config: any;
  if (doc && doc.waf) config = structuredClone(doc);
  else {
    const { $comment, ...pack } = doc;
    config = { waf: { builtinPacks: "none", packs: [pack] } };   // the pack alone, as its tests expect
  }
  if (pl) config.waf.paranoiaLevel = pl;
  for (const p of config.waf.packs ?? []) for (const t of p.tests ?? []) tests.push({ pack: p.id, test: t });
  return { configuration: JSON.stringify(config), tests };
}

/** Files named, and in directories (recursively) the *.json files that are packs or configurations
 *  with `waf` (JSON Schemas, manifests such as rules/builtin-packs.json and other JSON are skipped). */
function packFiles(args: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const f of readdirSync(dir).sort()) {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) { walk(p); continue; }
      if (!f.endsWith(".json")) continue;
      try {
        const d = JSON.parse(readFileSync(p, "utf8"));
        if (d && typeof d === "object" && (Array.isArray(d.rules) || d.waf)) out.push(p);
      } catch { out.push(p); }   // unreadable JSON: reported when loaded
    }
  };
  for (const a of args) {
    if (statSync(a).isDirectory()) walk(a);
    else out.push(a);
  }
  return out;
}

export async function runPackTests(args: string[], opts: { verbose?: boolean }): Promise<number> {
  const wasm = filterWasm();
  let failed = 0, passed = 0;
  for (const file of packFiles(args)) {
    const doc = JSON.parse(readFileSync(file, "utf8"));
    const { configuration, tests } = packConfiguration(doc);
    const hosts = new Map<number, Host>();
    const hostFor = async (pl?: number): Promise<Host> => {
      const k = pl ?? 0;
      if (!hosts.has(k)) hosts.set(k, await Host.create({ wasm, configuration: pl ? packConfiguration(doc, pl).configuration : configuration }));
      return hosts.get(k)!;
    };
    try {
      await hostFor();
    } catch (e) {
      if (!(e instanceof ConfigureError)) throw e;
      for (const f of configurationFaults(e.logs)) console.error(`${file}: ${f}`);
      failed++;
      continue;
    }
    for (const { pack, test } of tests) {
      const v = await evaluate(await hostFor(test.paranoiaLevel), test.request);
      const problems: string[] = [];
      if (test.status !== undefined && v.status !== test.status) problems.push(`status ${v.status}, expected ${test.status}`);
      for (const id of test.match ?? []) if (!v.rules.includes(id)) problems.push(`rule ${id} did not fire`);
      for (const id of test.noMatch ?? []) if (v.rules.includes(id)) problems.push(`rule ${id} fired`);
      const label = `${file}: ${pack}: ${test.name ?? JSON.stringify(test.request)}`;
      if (problems.length) { failed++; console.log(`FAIL ${label}: ${problems.join("; ")} (rules ${v.rules.join(",") || "none"}, score ${v.score})`); }
      else { passed++; if (opts.verbose) console.log(`ok   ${label} (rules ${v.rules.join(",") || "none"})`); }
    }
    for (const h of hosts.values()) h.close();
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}
