// `bulwark validate` runs the filter's own configuration check and prints its JSON paths.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { spawnSync, execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

before(() => { execFileSync(process.execPath, ["scripts/build.mjs", "--if-needed"], { stdio: "inherit" }); });
const dir = mkdtempSync(join(tmpdir(), "bulwark-validate-"));
function cli(...args: string[]) {
  return spawnSync(process.execPath, ["build/cli.js", ...args], { encoding: "utf8" });
}

test("validate exits 0 on the default configuration", () => {
  const r = cli("validate", "rules/default.json");
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /rules\/default\.json: valid/);
});

test("validate exits 1 and prints every fault with its JSON path", () => {
  const f = join(dir, "bad.json");
  writeFileSync(f, JSON.stringify({ denyList: [{ id: "a", methods: ["GET", 3] }, { id: "a", pathPrefixes: ["x"] }], extra: 1 }));
  const r = cli("validate", f);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /denyList\[0\]\.methods\[1\]: expected a string, got a number/);
  assert.match(r.stderr, /denyList\[1\]\.id: duplicate id 'a'/);
  assert.match(r.stderr, /denyList\[1\]\.pathPrefixes\[0\]: must start with '\/'/);
  assert.match(r.stderr, /extra: unknown key/);
});

test("validate reports malformed JSON with line and column", () => {
  const f = join(dir, "broken.json");
  writeFileSync(f, '{\n  "denyList": [\n    {"id": "a",, }\n  ]\n}');
  const r = cli("validate", f);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /\(root\): invalid JSON at line 3 column 16/);
});

test("validate of a missing file exits 1", () => {
  const r = cli("validate", join(dir, "nope.json"));
  assert.equal(r.status, 1);
  assert.match(r.stderr, /cannot read/);
});

test("validate refuses authz faults with their JSON paths: unknown key, invalid CIDR, bad path template, undefined when key", () => {
  const f = join(dir, "authz-bad.json");
  writeFileSync(f, JSON.stringify({ authz: { policies: [{ name: "p", action: "DENY", rules: [{
    from: [{ source: { ipBlocks: ["10.0.0.0/33"], principalz: ["x"] } }],
    to: [{ operation: { paths: ["/api/{**}/x/{**}"] } }],
    when: [{ key: "request.verb", values: ["GET"] }],
  }] }] } }));
  const r = cli("validate", f);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /authz\.policies\[0\]\.rules\[0\]\.from\[0\]\.source\.principalz: unknown key/);
  assert.match(r.stderr, /authz\.policies\[0\]\.rules\[0\]\.from\[0\]\.source\.ipBlocks\[0\]: invalid IP address or CIDR block/);
  assert.match(r.stderr, /authz\.policies\[0\]\.rules\[0\]\.to\[0\]\.operation\.paths\[0\]: /);
  assert.match(r.stderr, /authz\.policies\[0\]\.rules\[0\]\.when\[0\]\.key: unknown condition key 'request\.verb'/);
});
