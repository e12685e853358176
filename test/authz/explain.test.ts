// `bulwark authz explain` through build/harness/authz.wasm: policies in evaluation order, why each
// field held or failed, and the decision; exit codes.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { loadExplainer } from "../../src/cli/authz.ts";

before(() => { execFileSync(process.execPath, ["scripts/build.mjs", "--if-needed"], { stdio: "inherit" }); });

const CFG = JSON.stringify({ authz: { policies: [
  { name: "deny-delete", action: "DENY", rules: [{ to: [{ operation: { methods: ["DELETE"] } }] }] },
  { name: "allow-shop", rules: [{ from: [{ source: { namespaces: ["shop"] } }] }] },
] } });

test("explains in evaluation order: DENY first, then ALLOW, with the failing field", async () => {
  const ex = await loadExplainer();
  const out = ex.explain(CFG, JSON.stringify({ method: "GET", path: "/x", properties: { "connection.mtls": true, "connection.uri_san_peer_certificate": "spiffe://cluster.local/ns/web/sa/ui" } }));
  const deny = out.indexOf('evaluating DENY "deny-delete"'), allow = out.indexOf('evaluating ALLOW "allow-shop"');
  assert.ok(deny >= 0 && allow > deny, out);
  assert.match(out, /rules\[0\]\.to\[0\]\.operation\.methods: value "GET" does not match \["DELETE"\] → fails/);
  assert.match(out, /rules\[0\]\.from\[0\]\.source\.namespaces: value "web" does not match \["shop"\] → fails/);
  assert.match(out, /decision: DENY by no ALLOW policy matched/);
});

test("configuration faults come back with their JSON paths", async () => {
  const ex = await loadExplainer();
  const out = ex.explain(JSON.stringify({ authz: { policies: [{ name: "a", rules: [{ when: [{ key: "foo", values: ["x"] }] }] }] } }), "{}");
  assert.match(out, /^error: configuration: authz\.policies\[0\]\.rules\[0\]\.when\[0\]\.key: unknown condition key 'foo'/);
});

test("the CLI prints the explanation and exits 0 when allowed", () => {
  const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", "authz", "explain", "--config", "examples/authz/backend-database.json", "--request", "examples/authz/request-backend.json"], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /decision: ALLOW by ALLOW policy 'database-backend-read' rules\[0\]/);
});
