// Authorization through the real filter (build/bulwark.wasm) and the proxy-wasm host: the 403 body,
// the log line naming policy and rule, the metrics (allowed, denied, shadow_*), debug-only details,
// workload identity from mTLS properties, and the shipped seed example.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { Host, ConfigureError } from "../../src/host/index.ts";

let wasm: Uint8Array;
before(() => {
  execFileSync(process.execPath, ["scripts/build.mjs", "--if-needed"], { stdio: "inherit" });
  wasm = readFileSync("build/bulwark.wasm");
});
const dec = new TextDecoder();
const metric = (h: Host, n: string) => h.metrics.get(n)?.value ?? 0n;

const ADMIN = {
  authz: {
    policies: [
      { name: "admin-delete-needs-principal", action: "DENY",
        rules: [{ from: [{ source: { notPrincipals: ["*"] } }], to: [{ operation: { methods: ["DELETE"], paths: ["/api/admin/{**}"] } }] }] },
      { name: "audit-admin", action: "AUDIT", rules: [{ to: [{ operation: { paths: ["/api/admin/*"] } }] }] },
    ],
  },
};

test("a denied request gets 403 JSON with the request id, no policy name without debug; logged with policy and rule", async () => {
  const host = await Host.create({ wasm, configuration: JSON.stringify(ADMIN) });
  const r = await host.request({ method: "DELETE", path: "/api/admin/users/7", headers: [["x-request-id", "rq-1"]] });
  assert.equal(r.status, 403);
  assert.equal(r.localReply, true);
  assert.equal(r.upstreamRequest, undefined);
  assert.deepEqual(JSON.parse(dec.decode(r.body)), { error: "forbidden", request_id: "rq-1" });
  assert.ok(!r.headers.some(([k]) => k === "x-bulwark-authz"), "no decision header without debug");
  assert.ok(host.logs.some((l) => l.message.includes("authz denied request_id=rq-1") && l.message.includes("policy=admin-delete-needs-principal rule=0")), JSON.stringify(host.logs));
  assert.ok(host.logs.some((l) => l.message.includes("authz audit request_id=rq-1 policy=audit-admin")));
  assert.equal(metric(host, "bulwark.authz.denied"), 1n);
  host.close();
});

test("the same DELETE with an mTLS workload identity passes; GET passes without identity", async () => {
  const host = await Host.create({ wasm, configuration: JSON.stringify(ADMIN) });
  const ok = await host.request({ method: "DELETE", path: "/api/admin/users/7", properties: {
    "connection.mtls": true, "connection.uri_san_peer_certificate": "spiffe://cluster.local/ns/ops/sa/admin-tool" } });
  assert.equal(ok.status, 200);
  assert.ok(ok.upstreamRequest);
  const get = await host.request({ method: "GET", path: "/api/admin/users/7" });
  assert.equal(get.status, 200);
  const plain = await host.request({ method: "DELETE", path: "/api/admin/users/7", properties: {
    "connection.mtls": false, "connection.uri_san_peer_certificate": "spiffe://cluster.local/ns/ops/sa/admin-tool" } });
  assert.equal(plain.status, 403, "a SAN without mTLS is no identity");
  assert.equal(metric(host, "bulwark.authz.allowed"), 2n);
  assert.equal(metric(host, "bulwark.authz.denied"), 1n);
  host.close();
});

test("debug names the policy in the body and in x-bulwark-authz (deny and allow)", async () => {
  const cfg = { debug: true, authz: { policies: [{ name: "only-get", rules: [{ to: [{ operation: { methods: ["GET"] } }] }] }] } };
  const host = await Host.create({ wasm, configuration: JSON.stringify(cfg) });
  const r = await host.request({ method: "POST", path: "/x", headers: [["x-request-id", "rq-2"]], body: "{}" });
  assert.equal(r.status, 403);
  assert.deepEqual(JSON.parse(dec.decode(r.body)), { error: "forbidden", request_id: "rq-2", policy: "no ALLOW policy matched (denied by default)" });
  assert.match(r.headers.find(([k]) => k === "x-bulwark-authz")?.[1] ?? "", /^deny; /);
  const ok = await host.request({ method: "GET", path: "/x" });
  assert.equal(ok.status, 200);
  assert.equal(ok.headers.find(([k]) => k === "x-bulwark-authz")?.[1], "allow; ALLOW policy 'only-get' rules[0]");
  host.close();
});

test("dryRun policies are logged and counted as shadow decisions, never enforced", async () => {
  const cfg = { authz: { policies: [{ name: "would-deny-post", action: "DENY", dryRun: true, rules: [{ to: [{ operation: { methods: ["POST"] } }] }] }] } };
  const host = await Host.create({ wasm, configuration: JSON.stringify(cfg) });
  assert.equal((await host.request({ method: "POST", path: "/", body: "x" })).status, 200);
  assert.equal((await host.request({ method: "GET", path: "/" })).status, 200);
  assert.equal(metric(host, "bulwark.authz.shadow_denied"), 1n);
  assert.equal(metric(host, "bulwark.authz.shadow_allowed"), 1n);
  assert.equal(metric(host, "bulwark.authz.allowed"), 2n);
  assert.ok(host.logs.some((l) => l.message.includes("authz shadow denied") && l.message.includes("would-deny-post")));
  host.close();
});

test("remote.ip from x-forwarded-for with trustedProxies; source.ip from the connection", async () => {
  const cfg = { authz: { trustedProxies: 1, policies: [{ name: "office", rules: [{ from: [{ source: { remoteIpBlocks: ["203.0.113.0/24"] } }] }] }] } };
  const host = await Host.create({ wasm, configuration: JSON.stringify(cfg) });
  const props = { "source.address": "10.0.0.9:4000" };
  assert.equal((await host.request({ method: "GET", path: "/", headers: [["x-forwarded-for", "198.51.100.1, 203.0.113.5"]], properties: props })).status, 200);
  assert.equal((await host.request({ method: "GET", path: "/", headers: [["x-forwarded-for", "203.0.113.5, 198.51.100.1"]], properties: props })).status, 403);
  host.close();
});

test("the seed example: Backend → Database only with a user credential carrying READ", async () => {
  // the shipped policy plus a JWT rule for its issuer (keys are minted here; a deployment inlines its IdP's JWKS)
  const { generateKeyPair, exportJWK, SignJWT } = await import("jose");
  const { publicKey, privateKey } = await generateKeyPair("ES256");
  const jwk = { ...(await exportJWK(publicKey)), kid: "idp-1", alg: "ES256" };
  const cfg = JSON.parse(readFileSync("examples/authz/backend-database.json", "utf8"));
  cfg.jwt = { jwtRules: [{ issuer: "https://idp.example.com", jwks: JSON.stringify({ keys: [jwk] }) }] };
  const host = await Host.create({ wasm, configuration: JSON.stringify(cfg) });
  const token = (claims: Record<string, unknown>) => new SignJWT(claims).setProtectedHeader({ alg: "ES256", kid: "idp-1" })
    .setIssuer("https://idp.example.com").setSubject("alice").setIssuedAt().setExpirationTime("5m").sign(privateKey);
  const backend = { "connection.mtls": true, "connection.uri_san_peer_certificate": "spiffe://cluster.local/ns/shop/sa/backend" };
  const frontend = { "connection.mtls": true, "connection.uri_san_peer_certificate": "spiffe://cluster.local/ns/shop/sa/frontend" };
  const call = async (props: Record<string, unknown>, claims?: Record<string, unknown>) => (await host.request({
    method: "GET", path: "/query/orders", properties: props as never,
    headers: claims ? [["authorization", `Bearer ${await token(claims)}`]] : [] })).status;
  assert.equal(await call(backend, { permissions: ["READ"] }), 200, "workload AND user credential with READ");
  assert.equal(await call(backend, { permissions: ["WRITE"] }), 403, "user credential without READ");
  assert.equal(await call(backend), 403, "no user credential");
  assert.equal(await call(frontend, { permissions: ["READ"] }), 403, "another workload, even with READ");
  assert.equal(await call({}, { permissions: ["READ"] }), 403, "no mTLS identity");
  host.close();
});

test("the filter refuses a bad authz section with JSON paths", async () => {
  const bad = { authz: { policies: [{ name: "x", rules: [{ from: [{ source: { ipBlocks: ["10.0.0.0/40"] } }], when: [{ key: "request.verb", values: ["GET"] }] }] }] } };
  await assert.rejects(Host.create({ wasm, configuration: JSON.stringify(bad) }), (e: unknown) => {
    assert.ok(e instanceof ConfigureError);
    const msgs = e.logs.map((l) => l.message).join("\n");
    assert.match(msgs, /authz\.policies\[0\]\.rules\[0\]\.from\[0\]\.source\.ipBlocks\[0\]: invalid IP address or CIDR block/);
    assert.match(msgs, /authz\.policies\[0\]\.rules\[0\]\.when\[0\]\.key: unknown condition key 'request\.verb'/);
    return true;
  });
});

test("npm start's default configuration: DELETE on /api/admin/{**} needs a workload or user identity", async () => {
  const host = await Host.create({ wasm, configuration: readFileSync("rules/default.json", "utf8") });
  assert.equal((await host.request({ method: "DELETE", path: "/api/admin/users/1" })).status, 403);
  assert.equal((await host.request({ method: "DELETE", path: "//api/admin/users/1" })).status, 403);
  assert.equal((await host.request({ method: "GET", path: "/api/admin/users/1" })).status, 200);
  assert.equal((await host.request({ method: "DELETE", path: "/api/admin/users/1", properties: {
    "connection.mtls": true, "connection.uri_san_peer_certificate": "spiffe://cluster.local/ns/ops/sa/admin" } })).status, 200);
  host.close();
});

test("the method gate (only method-constrained DENY/AUDIT policies) decides as the full evaluation does", async () => {
  // gated: every rule names methods; ungated: the same plus a DENY policy that never matches but
  // names no method (notMethods only), which turns the gate off. Every outcome must be identical.
  const policies = [
    { name: "no-anon-delete", action: "DENY", rules: [{ from: [{ source: { notPrincipals: ["*"] } }], to: [{ operation: { methods: ["DELETE", "PATCH"], paths: ["/api/admin/{**}"] } }] }] },
    { name: "audit-put", action: "AUDIT", rules: [{ to: [{ operation: { methods: ["PUT"] } }, { operation: { methods: ["PO*"] } }] }] },
  ];
  const never = { name: "never", action: "DENY", rules: [{ to: [{ operation: { notMethods: ["NEVER"] } }], when: [{ key: "request.headers[x-never]", values: ["never"] }] }] };
  const requests: Array<{ method: string; path: string }> = [];
  for (const method of ["GET", "HEAD", "DELETE", "PATCH", "PUT", "POST", "POLL", "delete", "OPTIONS"]) {
    for (const path of ["/api/admin/x", "/api/admin/%2e%2e/x", "/api/%2Fadmin/x", "/api/admin/%00", "/a%00b", "/public", "//api//admin/x"]) requests.push({ method, path });
  }
  for (const debug of [false, true]) {
    const gated = await Host.create({ wasm, configuration: JSON.stringify({ debug, authz: { policies } }) });
    const full = await Host.create({ wasm, configuration: JSON.stringify({ debug, authz: { policies: [...policies, never] } }) });
    for (const q of requests) {
      const a = await gated.request({ ...q, headers: [["x-request-id", "rq"]] });
      const b = await full.request({ ...q, headers: [["x-request-id", "rq"]] });
      const what = `${q.method} ${q.path} debug=${debug}`;
      assert.equal(a.status, b.status, what);
      assert.equal(dec.decode(a.body ?? new Uint8Array()), dec.decode(b.body ?? new Uint8Array()), what);
      assert.equal(a.headers.find(([k]) => k === "x-bulwark-authz")?.[1], b.headers.find(([k]) => k === "x-bulwark-authz")?.[1], what);
    }
    for (const m of ["bulwark.authz.allowed", "bulwark.authz.denied"]) assert.equal(metric(gated, m), metric(full, m), m);
    const audits = (h: Host) => h.logs.filter((l) => l.message.includes("authz audit")).length;
    assert.equal(audits(gated), audits(full));
    assert.ok(audits(gated) > 0 && metric(gated, "bulwark.authz.denied") > 0n && metric(gated, "bulwark.authz.allowed") > 0n);
    gated.close(); full.close();
  }
});
