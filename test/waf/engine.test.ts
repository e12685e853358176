// The WAF engine through the real filter (build/bulwark.wasm in the proxy-wasm host): configuration
// faults with their JSON paths (what `bulwark validate` prints), phases, blocking replies, bodies,
// detect mode, and the example pack's own tests (`bulwark test`).
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { execFileSync, spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Host, ConfigureError } from "../../src/host/index.ts";
import { configurationFaults } from "../../src/cli/common.ts";
import { runPackTests, evaluate } from "../../src/cli/test.ts";

let wasm: Uint8Array;
before(() => {
  execFileSync(process.execPath, ["scripts/build.mjs", "--if-needed"], { stdio: "inherit" });
  wasm = readFileSync("build/bulwark.wasm");
});
const dec = new TextDecoder();

const rule = (r: object) => ({ id: 1, phase: 2, variables: ["ARGS"], match: { streq: "x" }, ...r });
const cfg = (rules: object[], waf: object = {}, top: object = {}) => JSON.stringify({ ...top, waf: { builtinPacks: "none", ...waf, packs: [{ id: "t", rules }] } });

async function faults(configuration: string): Promise<string[]> {
  try { (await Host.create({ wasm, configuration })).close(); return []; }
  catch (e) { if (!(e instanceof ConfigureError)) throw e; return configurationFaults(e.logs); }
}

test("each kind of pack fault is refused with its JSON path", async () => {
  const cases: Array<[object[], RegExp]> = [
    [[rule({ match: { rxx: "a" } })], /^waf\.packs\[0\]\.rules\[0\]\.match\.rxx: unknown operator 'rxx'/],
    [[rule({ match: { rx: "ab(?<=c)" } })], /^waf\.packs\[0\]\.rules\[0\]\.match\.rx: unsupported construct '\(\?<=' at offset 2/],
    [[rule({ variables: ["ARGS", "ARGZ"] })], /^waf\.packs\[0\]\.rules\[0\]\.variables\[1\]: unknown variable 'ARGZ'/],
    [[rule({ chain: true })], /^waf\.packs\[0\]\.rules\[0\]\.chain: chain without a follower/],
    [[rule({}), rule({})], /^waf\.packs\[0\]\.rules\[1\]\.id: duplicate id 1/],
    [[rule({ skipAfter: "END" })], /^waf\.packs\[0\]\.rules\[0\]\.skipAfter: missing marker 'END'/],
    [[rule({ transformations: ["lowercaze"] })], /^waf\.packs\[0\]\.rules\[0\]\.transformations\[0\]: unknown transformation 'lowercaze'/],
    [[rule({ setvar: ["tx.score=+abc"] })], /^waf\.packs\[0\]\.rules\[0\]\.setvar\[0\]: bad setvar 'tx\.score=\+abc'/],
  ];
  for (const [rules, re] of cases) {
    const f = await faults(cfg(rules));
    assert.ok(f.some((l) => re.test(l)), `${re} in ${JSON.stringify(f)}`);
  }
});

test("bulwark validate prints the fault with its path and exits 1", () => {
  const dir = mkdtempSync(join(tmpdir(), "bulwark-waf-"));
  const f = join(dir, "bad.json");
  writeFileSync(f, cfg([rule({ match: { rx: "(?<=a)b" } })]));
  const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", "validate", f], { encoding: "utf8" });
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, /waf\.packs\[0\]\.rules\[0\]\.match\.rx: unsupported construct '\(\?<=' at offset 0/);
});

test("phase 1 block: 403 JSON without details by default, with details when debug is on; nothing reaches the upstream", async () => {
  const rules = [{ id: 7, phase: 1, variables: ["REQUEST_HEADERS:User-Agent"], transformations: ["lowercase"], match: { contains: "sqlmap" }, action: "deny", msg: "scanner %{MATCHED_VAR}" }];
  for (const debug of [false, true]) {
    const host = await Host.create({ wasm, configuration: cfg(rules, {}, { debug }) });
    const r = await host.request({ method: "GET", path: "/", headers: [["user-agent", "SQLMap/1"], ["x-request-id", "w-1"]] });
    assert.equal(r.status, 403);
    assert.equal(r.upstreamRequest, undefined);
    const body = JSON.parse(dec.decode(r.body));
    assert.equal(body.request_id, "w-1");
    if (debug) { assert.deepEqual(body.rules, [7]); assert.equal(body.msg, "scanner sqlmap/1"); }
    else assert.deepEqual(Object.keys(body).sort(), ["error", "request_id"]);
    assert.ok(host.logs.some((l) => /waf blocked request_id=w-1 rules=7 score=0 status=403 by=7 matches=7 REQUEST_HEADERS:user-agent "sqlmap"/.test(l.message)), JSON.stringify(host.logs.map((l) => l.message)));
    const ok = await host.request({ method: "GET", path: "/", headers: [["user-agent", "curl"]] });
    assert.equal(ok.status, 200);
    host.close();
  }
});

test("phase 2 on a buffered body (chunked), anomaly threshold, body limit reject and processPartial", async () => {
  const rules = [{ id: 20, phase: 2, variables: ["ARGS"], transformations: ["urlDecodeUni"], match: { detectSQLi: "" }, action: "block",
    setvar: ["tx.inbound_anomaly_score_pl1=+%{tx.critical_anomaly_score}"] }];
  const host = await Host.create({ wasm, configuration: cfg(rules, { requestBodyLimit: 64 }) });
  const form = [["content-type", "application/x-www-form-urlencoded"]] as Array<[string, string]>;
  const bad = await host.request({ method: "POST", path: "/f", headers: form, body: "a=1&q=1%27%20or%20%271%27%3D%271", chunkSize: 5 });
  assert.equal(bad.status, 403);
  assert.equal(bad.upstreamRequest, undefined);
  const good = await host.request({ method: "POST", path: "/f", headers: form, body: "a=1&q=hello", chunkSize: 5 });
  assert.equal(good.status, 200);
  assert.equal(dec.decode(good.upstreamRequest!.body), "a=1&q=hello");
  const big = await host.request({ method: "POST", path: "/f", headers: form, body: "a=" + "x".repeat(100) });
  assert.equal(big.status, 413);
  host.close();
  const partial = await Host.create({ wasm, configuration: cfg(rules, { requestBodyLimit: 64, requestBodyLimitAction: "processPartial" }) });
  const r1 = await partial.request({ method: "POST", path: "/f", headers: form, body: "q=1%27%20or%20%271%27%3D%271&pad=" + "x".repeat(100) });
  assert.equal(r1.status, 403, "the first 64 bytes are inspected");
  const r2 = await partial.request({ method: "POST", path: "/f", headers: form, body: "pad=" + "x".repeat(100) + "&q=1%27%20or%20%271%27%3D%271" });
  assert.equal(r2.status, 200, "bytes past the limit are not inspected (processPartial)");
  partial.close();
});

test("detect mode logs the decision and lets the request through; eval reads rules and score", async () => {
  const rules = [{ id: 30, phase: 1, variables: ["ARGS:q"], match: { streq: "boom" }, action: "block", setvar: ["tx.inbound_anomaly_score_pl1=+5"] }];
  const host = await Host.create({ wasm, configuration: cfg(rules, { mode: "detect" }) });
  const v = await evaluate(host, { method: "GET", uri: "/?q=boom" });
  assert.deepEqual(v, { status: 200, blocked: false, rules: [30], score: 5, localReply: false });
  host.close();
});

test("response phases: a phase 3 rule on the upstream status and a phase 4 rule on the body", async () => {
  const rules = [
    { id: 40, phase: 3, variables: ["RESPONSE_STATUS"], match: { streq: "599" }, action: "deny", status: 502 },
    { id: 41, phase: 4, variables: ["RESPONSE_BODY"], match: { contains: "BEGIN RSA PRIVATE KEY" }, action: "deny", status: 502 },
  ];
  const host = await Host.create({ wasm, configuration: cfg(rules) });
  const up = (status: number, body: string) => () => ({ status, headers: [["content-type", "text/plain"]] as Array<[string, string]>, body });
  // once the upstream's response is on its way Envoy cannot swap it for a local reply: the host,
  // like Envoy, resets the stream instead (the client never sees the response)
  for (const r of [await host.request({ method: "GET", path: "/", upstream: up(599, "x") }),
    await host.request({ method: "GET", path: "/", upstream: up(200, "-----BEGIN RSA PRIVATE KEY-----") })]) {
    assert.ok(r.status === 502 || r.reset === true, JSON.stringify({ status: r.status, reset: r.reset }));
    assert.ok(!dec.decode(r.body).includes("PRIVATE KEY"));
  }
  assert.ok(host.logs.some((l) => /waf blocked .* by=40/.test(l.message)));
  assert.ok(host.logs.some((l) => /waf blocked .* by=41/.test(l.message)));
  assert.equal((await host.request({ method: "GET", path: "/", upstream: up(200, "hello") })).status, 200);
  host.close();
});

test("the example pack's own tests pass (bulwark test rules/packs/example.json)", async () => {
  const log = console.log; const lines: string[] = [];
  console.log = (s: string) => { lines.push(s); };
  try { assert.equal(await runPackTests(["rules/packs/example.json"], {}), 0, lines.join("\n")); }
  finally { console.log = log; }
  assert.match(lines.at(-1)!, /^\d+ passed, 0 failed$/);
});

test("rules/rulepack.schema.json accepts the example pack and refuses a chained rule with an id", async () => {
  const { default: Ajv } = await import("ajv/dist/2020.js");
  const ajv = new (Ajv as any)({ strict: false });
  const validate = ajv.compile(JSON.parse(readFileSync("rules/rulepack.schema.json", "utf8")));
  assert.equal(validate(JSON.parse(readFileSync("rules/packs/example.json", "utf8"))), true, JSON.stringify(validate.errors));
  assert.equal(validate({ id: "x", rules: [{ id: 1, variables: ["ARGS"], match: { streq: "a" }, chain: { id: 2, variables: ["ARGS"], match: { streq: "b" } } }] }), false);
});

test("decision log lines escape client-chosen names: no forged log lines", async () => {
  const host = await Host.create({ wasm, configuration: cfg([{ id: 7, phase: 2, variables: ["ARGS_NAMES"], match: { contains: "evil" }, action: "deny" }]) });
  const from = host.logs.length;
  const r = await host.request({ method: "GET", path: "/?evil%0abulwark:%20waf%20blocked%20forged=1", headers: [] });
  assert.equal(r.status, 403);
  const lines = host.logs.slice(from).map((l) => l.message).filter((m) => m.includes("waf blocked"));
  assert.equal(lines.length, 1);
  assert.ok(!lines[0].includes("\n"), lines[0]);
  assert.match(lines[0], /ARGS_NAMES:evil\\x0abulwark:\\x20waf/);
  host.close();
});

test("DURATION: the transaction reads the host's clock when a rule (or a macro) uses it", async () => {
  // the host's clock advances 10 ms per reading: the response phase sees at least 10 000 µs
  let t = 1_700_000_000_000_000_000n;
  const now = () => (t += 10_000_000n);
  for (const rules of [
    [{ id: 50, phase: 3, variables: ["DURATION"], match: { ge: "10000" }, action: "deny", status: 502 }],
    [{ id: 50, phase: 3, variables: ["RESPONSE_STATUS"], match: { ge: "%{DURATION}" }, negate: true, action: "deny", status: 502 }],
  ]) {
    const host = await Host.create({ wasm, configuration: cfg(rules), now });
    const r = await host.request({ method: "GET", path: "/" });
    assert.ok(r.status === 502 || r.reset === true, JSON.stringify({ status: r.status, reset: r.reset }));
    assert.ok(host.logs.some((l) => /waf blocked .* by=50/.test(l.message)), JSON.stringify(host.logs.map((l) => l.message)));
    host.close();
  }
});

test("the debug reply's msg expands MATCHED_VAR(_NAME) as the rule's own match left them, not a later rule's", async () => {
  const rules = [
    { id: 60, phase: 2, variables: ["ARGS:file"], match: { rx: "^https?://" }, action: "block", msg: "parameter %{MATCHED_VAR_NAME} holds %{MATCHED_VAR}", setvar: ["tx.inbound_anomaly_score_pl1=+5"] },
    { id: 61, phase: 2, variables: ["ARGS:other"], match: { streq: "x" }, action: "pass", log: false },
    { id: 62, phase: 2, variables: ["ARGS:more"], match: { streq: "y" }, action: "pass", msg: "logged, later" },
  ];
  const host = await Host.create({ wasm, configuration: cfg(rules, {}, { debug: true }) });
  const r = await host.request({ method: "GET", path: "/?file=http://evil.test/x&other=x&more=y" });
  assert.equal(r.status, 403);
  assert.equal(JSON.parse(dec.decode(r.body)).msg, "parameter ARGS:file holds http://evil.test/x");
  host.close();
});

test("UNIQUE_ID is the request's x-request-id (decoded when a rule reads it), or the id the filter minted", async () => {
  const host = await Host.create({ wasm, configuration: cfg([
    rule({ id: 1, phase: 1, variables: ["UNIQUE_ID"], match: { streq: "rid-77" }, action: "deny" }),
    rule({ id: 2, phase: 1, variables: ["UNIQUE_ID"], match: { beginsWith: "bulwark-" }, action: "deny" }),
  ]) });
  const one = await host.request({ method: "GET", path: "/", headers: [["x-request-id", "rid-77"]] });
  assert.equal(one.status, 403);
  assert.equal(JSON.parse(dec.decode(one.body)).request_id, "rid-77");
  assert.equal((await host.request({ method: "GET", path: "/", headers: [["x-request-id", "rid-78"]] })).status, 200);
  const minted = await host.request({ method: "GET", path: "/" });
  assert.equal(minted.status, 403);
  assert.match(JSON.parse(dec.decode(minted.body)).request_id, /^bulwark-[0-9a-f]+-[0-9a-f]+$/);
  host.close();
});
