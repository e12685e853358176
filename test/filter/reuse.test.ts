// Stream contexts are reused once their stream ended (filter.ts STREAM_POOL): nothing of one
// request may reach the next one that gets its context.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { Host, type HeaderList } from "../../src/host/index.ts";

let wasm: Uint8Array;
before(() => {
  execFileSync(process.execPath, ["scripts/build.mjs", "--if-needed"], { stdio: "inherit" });
  wasm = readFileSync("build/bulwark.wasm");
});

const decision = (h: HeaderList) => h.find(([k]) => k === "x-bulwark-authz")?.[1];

test("a reused context carries no authorization decision, deny-list or WAF state over", async () => {
  const cfg = {
    debug: true,
    denyList: [{ id: "dot", pathPrefixes: ["/.git"] }],
    authz: { policies: [{ name: "only-get", rules: [{ to: [{ operation: { methods: ["GET"] } }] }] }] },
    waf: { builtinPacks: "all" },
  };
  const host = await Host.create({ wasm, configuration: JSON.stringify(cfg) });
  for (let round = 0; round < 4; round++) {
    const ok = await host.request({ method: "GET", path: "/x" });
    assert.equal(ok.status, 200);
    assert.equal(decision(ok.headers), "allow; ALLOW policy 'only-get' rules[0]");
    // a local reply runs the response-headers callback too: an allow decision left in the context would show here
    const dot = await host.request({ method: "GET", path: "/.git/config" });
    assert.equal(dot.status, 403);
    assert.equal(decision(dot.headers), undefined, `round ${round}: deny-list reply`);
    const waf = await host.request({ method: "GET", path: "/x?q=%3Cscript%3Ealert(1)%3C/script%3E" });
    assert.equal(waf.status, 403);
    assert.equal(decision(waf.headers), undefined, `round ${round}: WAF reply`);
    const post = await host.request({ method: "POST", path: "/x", body: "{}" });
    assert.equal(post.status, 403);
    assert.match(decision(post.headers) ?? "", /^deny; /);
  }
  host.close();
});

test("streams open at once keep their own contexts while others end and are reused", async () => {
  const host = await Host.create({ wasm, configuration: readFileSync("rules/default.json", "utf8") });
  const req = (path: string): HeaderList => [[":method", "GET"], [":path", path], [":authority", "api.example.com"], [":scheme", "http"]];
  for (let round = 0; round < 3; round++) {
    const a = host.stream();
    assert.equal(a.requestHeaders(req("/api/items?page=1"), true), "continue");
    // others start and end (their contexts go back to the pool and come out again) while a is open
    const bad = host.stream();
    assert.equal(bad.requestHeaders(req("/x?q=%3Cscript%3Ealert(1)%3C/script%3E"), true), "local-reply");
    bad.finish();
    const fine = await host.request({ method: "GET", path: "/api/items?page=3" });
    assert.equal(fine.status, 200);
    const b = host.stream();
    assert.equal(b.requestHeaders(req("/.git/config"), true), "local-reply");
    // a's response and end, after the others
    assert.equal(a.responseHeaders([[":status", "200"], ["content-type", "application/json"]], true), "continue");
    a.finish();
    b.finish();
  }
  host.close();
});

/** A filter with one detect-only rule of its own (no built-in packs); `detected()` gives the
 *  "request_id rules" of each "waf detected" line logged since its last call. */
async function detectOnly(rule: object) {
  const cfg = { waf: { builtinPacks: "none", packs: [{ id: "t", rules: [rule] }] } };
  const lines: string[] = [];
  const host = await Host.create({ wasm, configuration: JSON.stringify(cfg), onLog: (e) => { lines.push(e.message); } });
  const detected = () => {
    const out = lines.filter((l) => l.includes("waf detected")).map((l) => /request_id=(\S+) rules=(\S+)/.exec(l)?.slice(1).join(" "));
    lines.length = 0;
    return out;
  };
  return { host, detected };
}

test("each request on a reused context logs its own detections (detect-only rules)", async () => {
  const { host, detected } = await detectOnly({ id: 7, phase: 1, variables: ["REQUEST_URI"], match: { contains: "/seen" }, action: "pass", msg: "seen" });
  for (let i = 1; i <= 5; i++) {
    const r = await host.request({ method: "GET", path: i % 2 ? "/seen" : "/other", headers: [["x-request-id", `rq-${i}`]] });
    assert.equal(r.status, 200);
    assert.deepEqual(detected(), i % 2 ? [`rq-${i} 7`] : [], `request ${i}`);
  }
  host.close();
});

test("a reused context's request headers land in the buffer its last stream left: each request sees only its own", async () => {
  // HeaderMap.fetch: the host's copy lands in the previous buffer when it fits (≤ 16 KiB), else a
  // new one is kept; a smaller map after a larger one must not show the larger one's headers
  const { host, detected } = await detectOnly({ id: 8, phase: 1, variables: ["REQUEST_HEADERS:X-Probe"], match: { contains: "hit" }, action: "pass", msg: "probe" });
  const pad = (n: number): [string, string] => ["x-pad", "p".repeat(n)];
  const seq: Array<{ extra: HeaderList; probe: boolean }> = [
    { extra: [], probe: false },
    { extra: [pad(1500), ["x-probe", "hit"]], probe: true },
    { extra: [], probe: false },
    { extra: [["x-probe", "no"]], probe: false },
    { extra: [pad(20000), ["x-probe", "hit"]], probe: true },   // over the landing limit
    { extra: [pad(100)], probe: false },
    { extra: [["x-probe", "hit"]], probe: true },
    { extra: [], probe: false },
  ];
  for (let round = 0; round < 3; round++) {
    for (const [i, s] of seq.entries()) {
      const id = `rq-${round}-${i}`;
      const r = await host.request({ method: "GET", path: `/p${i}`, headers: [["x-request-id", id], ...s.extra] });
      assert.equal(r.status, 200);
      assert.deepEqual(detected(), s.probe ? [`${id} 8`] : [], `round ${round}, request ${i}`);
    }
  }
  host.close();
});
