/**
 * `bulwark ftw`: the CRS's go-ftw regression tests through build/bulwark.wasm.
 *
 *   runFtw({ crs: "../shared/crs" }) → { passed, failed, skipped, failures, skips, notes, results }
 *
 * 1. Imports <crs>/crs-setup.conf.example and <crs>/rules/*.conf (name order) with the SecLang
 *    importer into one pack, and loads it once into the filter through the proxy-wasm host, with the
 *    settings of the CRS's own test runs (tests/docker-compose.yml + the CRS container's
 *    activate-rules.sh): engine DetectionOnly (`mode: "detect"`, every rule runs and is logged),
 *    paranoia level 4 (blocking = detection), tx.arg_length=400, tx.total_arg_length=6400,
 *    tx.max_file_size=64100, tx.combined_file_sizes=65535, anomaly thresholds 5/4, response bodies
 *    inspected for text/plain, text/html, text/xml and application/json.
 * 2. For every stage of every test (<crs>/tests/regression/tests/**.yaml), builds the raw request
 *    go-ftw would send (tests.ts), passes it through the model of Envoy's HTTP/1 codec and
 *    connection manager (envoy.ts): a request Envoy answers by itself never reaches the filter
 *    (status = Envoy's, no rule fires); otherwise it goes through the filter, and an upstream that
 *    behaves like the CRS test backend (albedo: POST /reflect answers with the status, headers and
 *    body given in its JSON; anything else 200 with no body) answers.
 * 3. The rule ids that fired are read from the filter's decision log line for that request
 *    ("bulwark: waf detected request_id=… rules=…"); the checks are go-ftw's: log.expect_ids all
 *    fired, log.no_expect_ids none fired, status (one value or a list) equal to the response's,
 *    match_regex / no_match_regex against the request's log lines (the decision line plus one
 *    ModSecurity-style line per fired rule: `[id "N"] … found within VAR: "fragment"`), expect_error
 *    met when Envoy refused the request (no response from a filter or upstream).
 * Tests listed in the overrides file (YAML: test_overrides: [{ rule_id, test_ids, reason }]) are
 * skipped with their reason; an entry with `output` instead runs them against that output (as
 * go-ftw's --overrides does). One VM serves every test.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import YAML from "yaml";
import { importCrs } from "../seclang/convert.ts";
import { Host, ConfigureError, type LogEntry } from "../host/index.ts";
import { configurationFaults } from "../cli/common.ts";
import { loadTests, rawRequest, type FtwTest, type Stage } from "./tests.ts";
import { envoyReceive } from "./envoy.ts";

export interface FtwOptions {
  crs: string;
  /** test directory (default <crs>/tests/regression/tests) */
  tests?: string;
  include?: string; exclude?: string;
  overrides?: string;
  paranoia?: number;
  wasm: Uint8Array;
  /** called once per finished test */
  onResult?: (r: TestResult) => void;
}

export interface StageResult {
  status: number; fired: number[]; envoy?: { status: number; details: string; source: string };
  problems: string[]; logLines: string[];
}
export interface TestResult { name: string; file: string; outcome: "passed" | "failed" | "skipped"; reason?: string; stages: StageResult[] }
export interface FtwSummary {
  passed: number; failed: number; skipped: number;
  results: TestResult[];
  notes: string[];
  importProblems: string[];
  ms: number;
}

/** The CRS test-run settings (tests/docker-compose.yml environment, applied as the CRS container does). */
export const CRS_TEST_TX: Record<string, string> = {
  arg_length: "400", total_arg_length: "6400", max_file_size: "64100", combined_file_sizes: "65535",
};

export interface Override { rule_id: number; test_ids?: Array<number | string>; reason: string; output?: Stage["output"] }

/**
 * Overrides file (go-ftw's shape): test_overrides: [{ rule_id, test_ids, reason, output? }].
 * Without `output` the tests are skipped; with it they run, checked against that output instead
 * of their own (go-ftw semantics: for another server's expectations where the rule still applies).
 */
export function readOverrides(file: string | undefined): Map<string, { reason: string; output?: Stage["output"] }> {
  const m = new Map<string, { reason: string; output?: Stage["output"] }>();
  if (!file) return m;
  const doc = YAML.parse(readFileSync(file, "utf8")) ?? {};
  const list: Override[] = doc.test_overrides ?? [];
  for (const o of list) {
    if (!o || o.rule_id === undefined || !o.reason) throw new Error(`${file}: every override needs rule_id and reason (${JSON.stringify(o)})`);
    for (const t of o.test_ids ?? ["*"]) m.set(`${o.rule_id}-${t}`, { reason: String(o.reason).trim(), output: o.output });
  }
  return m;
}

/** Imports the CRS as the test runs configure it; returns the plugin configuration. */
export function crsConfiguration(crs: string, paranoia = 4): { configuration: string; problems: string[]; ruleIds: Set<number>; messages: Map<number, { msg?: string; logdata?: string }> } {
  const r = importCrs(crs);
  const short = (f: string) => f.startsWith(crs) ? f.slice(crs.length + 1) : f;
  const problems = r.problems.map((p) => `${short(p.file)}:${p.line}: ${p.reason}`);
  const ruleIds = new Set<number>(r.pack.rules.filter((x: any) => x.id !== undefined).map((x: any) => x.id as number));
  const messages = new Map<number, { msg?: string; logdata?: string }>();
  for (const x of r.pack.rules) if (x.id !== undefined && (x.msg || x.logdata)) messages.set(x.id, { msg: x.msg, logdata: x.logdata });
  const configuration = JSON.stringify({
    waf: {
      mode: "detect", paranoiaLevel: paranoia, anomalyThresholds: { inbound: 5, outbound: 4 },
      responseBodyMimeTypes: ["text/plain", "text/html", "text/xml", "application/json"],
      tx: CRS_TEST_TX, packs: [r.pack], builtinPacks: "none", // the CRS alone, as its tests assume
    },
  });
  return { configuration, problems, ruleIds, messages };
}

const dec = new TextDecoder();
const enc = new TextEncoder();

/** The CRS test backend (albedo): POST /reflect answers with the JSON's status, headers and body. */
export function albedo(path: string, method: string, body: Uint8Array): { status: number; headers: Array<[string, string]>; body: Uint8Array } {
  const p = path.split("?")[0];
  if (p === "/reflect" && method === "POST") {
    let spec: any = null;
    try { spec = JSON.parse(dec.decode(body)); } catch { /* albedo answers 400 to a body it cannot read */ }
    if (!spec || typeof spec !== "object") return { status: 400, headers: [["content-type", "text/plain; charset=utf-8"]], body: enc.encode("invalid reflection spec") };
    let b: Uint8Array = new Uint8Array(0);
    if (typeof spec.encodedBody === "string") b = Uint8Array.from(Buffer.from(spec.encodedBody, "base64"));
    else if (typeof spec.body === "string") b = enc.encode(spec.body);
    const headers: Array<[string, string]> = Object.entries(spec.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]);
    // Go's net/http sniffs a Content-Type when the handler sets none (http.DetectContentType)
    if (b.length && !headers.some(([k]) => k === "content-type")) {
      const s = dec.decode(b.subarray(0, 512)).trimStart().toLowerCase();
      const html = /^<(!doctype html|html|head|script|iframe|h1|div|font|table|a|style|title|b|body|br|p|!--)[ >]/.test(s);
      headers.push(["content-type", html ? "text/html; charset=utf-8" : s.startsWith("<?xml") ? "text/xml; charset=utf-8" : "text/plain; charset=utf-8"]);
    }
    headers.push(["content-length", String(b.length)]);
    return { status: Number.isInteger(spec.status) && spec.status >= 100 ? spec.status : 200, headers, body: b };
  }
  return { status: 200, headers: [["content-length", "0"]], body: new Uint8Array(0) };
}

const DECISION = /^bulwark: waf (?:blocked|detected) request_id=(\S+) rules=([\d,]*) score=(-?\d+)(.*)$/s; // s: variable names in the line may hold raw newlines

/**
 * ModSecurity-style lines, one per fired rule (and match), for match_regex checks:
 *   ModSecurity: Warning. Matched found within ARGS:x: "frag" [id "N"] [msg "…"] [data "…"]
 * msg and logdata are the rule's own texts; of their macros only %{MATCHED_VAR_NAME} and
 * %{MATCHED_VAR} are filled in (from the decision line's matches: fragments cut to 40 bytes), the
 * others stay as written, since the filter's log line does not carry expanded messages.
 */
function logLinesFor(decision: string | undefined, fired: number[], messages: Map<number, { msg?: string; logdata?: string }>): string[] {
  if (!decision) return [];
  const lines = [decision];
  const m = / matches=(.*)$/s.exec(decision);
  const byRule = new Map<number, Array<{ name: string; value: string }>>();
  if (m) {
    const re = /(\d+) (\S+) ("(?:[^"\\]|\\.)*")/g;
    let x: RegExpExecArray | null;
    while ((x = re.exec(m[1]))) {
      const id = Number(x[1]);
      if (!byRule.has(id)) byRule.set(id, []);
      let value = x[3];
      try { value = JSON.parse(x[3].replace(/\\x([0-9a-f]{2})/gi, "\\u00$1")); } catch { /* keep it quoted */ }
      byRule.get(id)!.push({ name: x[2], value });
    }
  }
  for (const id of fired) {
    const ms = byRule.get(id) ?? [{ name: "", value: "" }];
    const texts = messages.get(id) ?? {};
    for (const { name, value } of ms) {
      const fill = (t: string) => t.replace(/%\{MATCHED_VAR_NAME\}/gi, () => name).replace(/%\{MATCHED_VAR\}/gi, () => value);
      let l = `ModSecurity: Warning. Matched ${name ? `found within ${name}: ${value} ` : ""}[id "${id}"]`;
      if (texts.msg) l += ` [msg "${fill(texts.msg)}"]`;
      if (texts.logdata) l += ` [data "${fill(texts.logdata)}"]`;
      lines.push(l);
    }
  }
  return lines;
}

let seq = 0;

type Messages = Map<number, { msg?: string; logdata?: string }>;

async function runStage(host: Host, sink: { lines: LogEntry[] }, stage: Stage, messages: Messages): Promise<StageResult> {
  const rid = `ftw-${++seq}`;
  const raw = rawRequest(stage.input);
  const r = envoyReceive(raw, { requestId: rid });
  let status: number, fired: number[] = [], logLines: string[] = [];
  let envoy: StageResult["envoy"];
  const unparsed: string[] = [];
  if (!r.ok) {
    status = r.status;
    envoy = { status: r.status, details: r.details, source: r.source };
  } else {
    const q = r.req;
    sink.lines = [];
    const res = await host.request({
      method: q.method, path: q.path, authority: q.authority, headers: q.headers, body: q.body,
      properties: { "request.protocol": q.protocol },
      upstream: (_h, body) => albedo(q.path, q.method, body),
    });
    status = res.status;
    let decision: string | undefined;
    for (const l of sink.lines) {
      const m = DECISION.exec(l.message);
      if (m && m[1] === rid) { decision = l.message; fired = m[2] ? m[2].split(",").map(Number) : []; }
      else if (l.message.includes(`request_id=${rid} `)) unparsed.push(l.message.slice(0, 200)); // never count a request as clean by misreading its log
    }
    logLines = logLinesFor(decision, fired, messages);
  }
  const out = stage.output ?? {};
  const problems: string[] = unparsed.map((u) => `filter log line not understood: ${u}`);
  const expect = out.log?.expect_ids ?? [];
  const noExpect = out.log?.no_expect_ids ?? [];
  const missing = expect.filter((id) => !fired.includes(Number(id)));
  const unwanted = noExpect.filter((id) => fired.includes(Number(id)));
  const firedS = fired.length ? fired.join(",") : "none";
  if (missing.length) problems.push(`expected ${missing.join(",")}, fired: ${firedS}`);
  if (unwanted.length) problems.push(`not expected ${unwanted.join(",")}, fired: ${firedS}`);
  if (out.status !== undefined) {
    const want = Array.isArray(out.status) ? out.status.map(Number) : [Number(out.status)];
    if (!want.includes(status)) problems.push(`status ${status}, expected ${want.join(" or ")}`);
  }
  const mr = out.log?.match_regex ?? out.log_contains;
  if (mr !== undefined && !logLines.some((l) => new RegExp(mr).test(l))) problems.push(`no log line matches /${mr}/ (fired: ${firedS})`);
  const nmr = out.log?.no_match_regex ?? out.no_log_contains;
  if (nmr !== undefined && logLines.some((l) => new RegExp(nmr).test(l))) problems.push(`a log line matches /${nmr}/ (fired: ${firedS})`);
  if (out.expect_error && !envoy) problems.push(`expected a connection error, got status ${status}`);
  if (envoy && problems.length) problems.push(`Envoy answers ${envoy.status} itself: ${envoy.details} (${envoy.source})`);
  return { status, fired, envoy, problems, logLines };
}

export async function runFtw(opts: FtwOptions): Promise<FtwSummary> {
  const t0 = Date.now();
  const crs = resolve(opts.crs);
  const testsDir = resolve(opts.tests ?? join(crs, "tests", "regression", "tests"));
  const notes: string[] = [];
  const { tests, errors } = loadTests(testsDir);
  for (const e of errors) notes.push(`test file not read: ${e}`);
  const overrides = readOverrides(opts.overrides);
  const inc = opts.include ? new RegExp(opts.include) : null;
  const exc = opts.exclude ? new RegExp(opts.exclude) : null;
  const selected = tests.filter((t) => (!inc || inc.test(t.name)) && (!exc || !exc.test(t.name)));
  const { configuration, problems, ruleIds, messages } = crsConfiguration(crs, opts.paranoia ?? 4);
  const sink = { lines: [] as LogEntry[] };
  let host: Host;
  try {
    host = await Host.create({ wasm: opts.wasm, configuration, maxLogs: 1000, onLog: (e) => { sink.lines.push(e); } });
  } catch (e) {
    if (e instanceof ConfigureError) throw new Error(`the filter refused the CRS configuration: ${configurationFaults(e.logs).join("; ") || e.message}`);
    throw e;
  }
  const results: TestResult[] = [];
  let passed = 0, failed = 0, skipped = 0;
  const used = new Set<string>();
  try {
    for (const t of selected) {
      const ov = overrides.get(t.name) ?? overrides.get(`${t.ruleId}-*`);
      let res: TestResult;
      if (ov !== undefined) used.add(overrides.has(t.name) ? t.name : `${t.ruleId}-*`);
      if (ov !== undefined && !ov.output) {
        res = { name: t.name, file: t.file, outcome: "skipped", reason: ov.reason, stages: [] };
        skipped++;
      } else {
        const stages: StageResult[] = [];
        for (const s of t.stages) stages.push(await runStage(host, sink, ov?.output ? { input: s.input, output: ov.output } : s, messages));
        const probs = stages.flatMap((s, i) => s.problems.map((p) => (t.stages.length > 1 ? `stage ${i + 1}: ` : "") + p));
        if (probs.length && !ruleIds.has(t.ruleId) && t.ruleId < 999999) probs.unshift(`rule ${t.ruleId} is not in the imported pack`);
        if (ov?.output && probs.length) probs.push(`(checked against the override output: ${ov.reason})`);
        if (probs.length) { failed++; res = { name: t.name, file: t.file, outcome: "failed", reason: probs.join("; "), stages }; }
        else { passed++; res = { name: t.name, file: t.file, outcome: "passed", ...(ov?.output ? { reason: `override output: ${ov.reason}` } : {}), stages }; }
      }
      results.push(res);
      opts.onResult?.(res);
    }
  } finally {
    host.close();
  }
  if (!inc && !exc) for (const k of overrides.keys()) if (!used.has(k)) notes.push(`override ${k} matches no test`);
  return { passed, failed, skipped, results, notes, importProblems: problems, ms: Date.now() - t0 };
}

export type { FtwTest };
