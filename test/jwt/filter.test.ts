// End-user JWTs through the filter via the host: tokens minted with `jose` for every algorithm,
// valid ones pass (identity for policies, token header removed, payload header set), and the
// Istio refusals answer 401 with `www-authenticate: Bearer error="invalid_token"`.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { generateKeyPairSync, createSecretKey, type KeyObject } from "node:crypto";
import { SignJWT, exportJWK, base64url } from "jose";
import { Host, ConfigureError } from "../../src/host/index.ts";

let wasm: Uint8Array;
const ISS = "https://idp.example.com";
const NOW = 1_700_000_000; // host clock (seconds) used by every test
const now = () => BigInt(NOW) * 1_000_000_000n;

interface Signer { alg: string; kid: string; key: KeyObject }
const signers: Signer[] = [];
let jwks: { keys: any[] };
let rsaPub: KeyObject;
const hsSecret = new Uint8Array(32).map((_, i) => i * 7 + 1);

before(async () => {
  execFileSync(process.execPath, ["scripts/build.mjs", "--if-needed"], { stdio: "inherit" });
  wasm = readFileSync("build/bulwark.wasm");
  const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const p256 = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const p384 = generateKeyPairSync("ec", { namedCurve: "P-384" });
  const ed = generateKeyPairSync("ed25519");
  rsaPub = rsa.publicKey;
  for (const alg of ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512"]) signers.push({ alg, kid: "rsa", key: rsa.privateKey });
  signers.push({ alg: "ES256", kid: "p256", key: p256.privateKey }, { alg: "ES384", kid: "p384", key: p384.privateKey },
    { alg: "EdDSA", kid: "ed", key: ed.privateKey }, { alg: "HS256", kid: "hs", key: createSecretKey(hsSecret) });
  jwks = { keys: [
    { ...(await exportJWK(rsa.publicKey)), kid: "rsa", use: "sig" },
    { ...(await exportJWK(p256.publicKey)), kid: "p256" },
    { ...(await exportJWK(p384.publicKey)), kid: "p384", alg: "ES384" },
    { ...(await exportJWK(ed.publicKey)), kid: "ed" },
    { kty: "oct", k: base64url.encode(hsSecret), kid: "hs", alg: "HS256" },
  ] };
});

function config(rule: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) {
  return JSON.stringify({ jwt: { jwtRules: [{ issuer: ISS, audiences: ["api"], jwks: JSON.stringify(jwks), allowHmac: true,
    outputPayloadToHeader: "x-jwt-payload", ...rule }], ...extra } });
}
async function host(cfg = config()) { return Host.create({ wasm, configuration: cfg, now }); }

async function mint(s: Signer, claims: Record<string, unknown> = {}, header: Record<string, unknown> = {}) {
  return new SignJWT({ iss: ISS, sub: "alice", aud: "api", scope: "read write", iat: NOW - 10, exp: NOW + 3600, ...claims })
    .setProtectedHeader({ alg: s.alg, kid: s.kid, ...header })
    .sign(s.key);
}
const bearer = (t: string) => [["authorization", `Bearer ${t}`]] as [string, string][];
const hdr = (r: { headers: [string, string][] }, k: string) => r.headers.find(([n]) => n.toLowerCase() === k)?.[1];
const upHdr = (r: any, k: string) => r.upstreamRequest?.headers.find(([n]: [string, string]) => n.toLowerCase() === k)?.[1];

function assert401(r: any, what: string) {
  assert.equal(r.status, 401, what);
  assert.equal(r.localReply, true, what);
  assert.equal(r.upstreamRequest, undefined, what);
  assert.equal(hdr(r, "www-authenticate"), 'Bearer error="invalid_token"', what);
  assert.equal(JSON.parse(new TextDecoder().decode(r.body)).error, "invalid_token", what);
}

function tamper(tok: string) {
  const [h, p, s] = tok.split(".");
  const claims = JSON.parse(Buffer.from(p, "base64url").toString());
  claims.sub = "mallory";
  return `${h}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.${s}`;
}

test("every algorithm: valid passes, tampered / expired / not yet valid / wrong iss / wrong aud / wrong kid get 401", async () => {
  const h = await host();
  for (const s of signers) {
    const tok = await mint(s);
    const ok = await h.request({ method: "GET", path: "/api", headers: bearer(tok) });
    assert.equal(ok.status, 200, `${s.alg} valid`);
    assert.equal(upHdr(ok, "authorization"), undefined, `${s.alg}: the token header is not forwarded`);
    assert.equal(upHdr(ok, "x-jwt-payload"), tok.split(".")[1], `${s.alg}: payload header`);
    assert401(await h.request({ method: "GET", path: "/api", headers: bearer(tamper(tok)) }), `${s.alg} tampered`);
    const sigFlip = tok.slice(0, -2) + (tok.at(-2) === "A" ? "B" : "A") + tok.at(-1);
    assert401(await h.request({ method: "GET", path: "/api", headers: bearer(sigFlip) }), `${s.alg} signature changed`);
    assert401(await h.request({ method: "GET", path: "/", headers: bearer(await mint(s, { exp: NOW - 61 })) }), `${s.alg} expired`);
    assert.equal((await h.request({ method: "GET", path: "/", headers: bearer(await mint(s, { exp: NOW - 30 })) })).status, 200, `${s.alg} expired within the 60 s skew`);
    assert401(await h.request({ method: "GET", path: "/", headers: bearer(await mint(s, { nbf: NOW + 120 })) }), `${s.alg} not yet valid`);
    assert401(await h.request({ method: "GET", path: "/", headers: bearer(await mint(s, { iat: NOW + 3000 })) }), `${s.alg} issued in the future`);
    assert401(await h.request({ method: "GET", path: "/", headers: bearer(await mint(s, { iss: "https://evil.example" })) }), `${s.alg} wrong issuer`);
    assert401(await h.request({ method: "GET", path: "/", headers: bearer(await mint(s, { aud: ["web", "other"] })) }), `${s.alg} wrong audience`);
    assert401(await h.request({ method: "GET", path: "/", headers: bearer(await mint(s, {}, { kid: "nope" })) }), `${s.alg} wrong kid`);
  }
  assert.equal(h.metrics.get("bulwark.jwt.refused")?.value, BigInt(signers.length * 8));
  h.close();
});

test("alg none, HS256 signed with the RSA public key, HS256 when HMAC is not allowed, garbage: 401", async () => {
  const h = await host();
  const none = `${base64url.encode(JSON.stringify({ alg: "none", kid: "rsa" }))}.${base64url.encode(JSON.stringify({ iss: ISS, sub: "x", aud: "api" }))}.`;
  assert401(await h.request({ method: "GET", path: "/", headers: bearer(none) }), "alg none");
  const pem = rsaPub.export({ type: "spki", format: "pem" }) as string;
  for (const secret of [Buffer.from(pem), Buffer.from(jwks.keys[0].n, "base64url")]) {
    const conf = await new SignJWT({ sub: "x", aud: "api" }).setProtectedHeader({ alg: "HS256", kid: "rsa" }).setIssuer(ISS)
      .sign(createSecretKey(secret));
    assert401(await h.request({ method: "GET", path: "/", headers: bearer(conf) }), "HS256 with the RSA key as secret");
  }
  for (const junk of ["abc", "a.b.c", "e30.e30.", "....", "x".repeat(20000)])
    assert401(await h.request({ method: "GET", path: "/", headers: bearer(junk) }), `garbage ${junk.slice(0, 10)}`);
  h.close();
  // without allowHmac an oct key is a configuration error, and HS tokens find no key
  const noHs = { keys: jwks.keys.filter((k) => k.kty !== "oct") };
  const h2 = await host(JSON.stringify({ jwt: { jwtRules: [{ issuer: ISS, jwks: JSON.stringify(noHs) }] } }));
  assert401(await h2.request({ method: "GET", path: "/", headers: bearer(await mint(signers.find((s) => s.alg === "HS256")!)) }), "HS256 without HMAC");
  assert.equal((await h2.request({ method: "GET", path: "/", headers: bearer(await mint(signers[0])) })).status, 200);
  h2.close();
});

test("no token passes with no identity; several tokens are refused; non-Bearer Authorization is no token", async () => {
  const h = await host();
  const r = await h.request({ method: "GET", path: "/" });
  assert.equal(r.status, 200);
  assert.equal(upHdr(r, "x-jwt-payload"), undefined);
  assert.equal((await h.request({ method: "GET", path: "/", headers: [["authorization", "Basic dXNlcjpwdw=="]] })).status, 200);
  const a = await mint(signers[0]), b = await mint(signers[6]);
  assert401(await h.request({ method: "GET", path: "/", headers: [["authorization", `Bearer ${a}`], ["authorization", `Bearer ${b}`]] }), "two headers");
  assert401(await h.request({ method: "GET", path: `/?access_token=${b}`, headers: bearer(a) }), "header and query");
  // the same token twice is one token
  assert.equal((await h.request({ method: "GET", path: `/?access_token=${a}`, headers: bearer(a) })).status, 200);
  // a client cannot forge the output header
  const f = await h.request({ method: "GET", path: "/", headers: [["x-jwt-payload", "forged"]] });
  assert.equal(upHdr(f, "x-jwt-payload"), undefined);
  h.close();
});

test("locations: access_token query parameter by default, fromHeaders prefix, fromParams, fromCookies; forwardOriginalToken", async () => {
  const tok = await mint(signers[6]);
  let h = await host();
  assert.equal((await h.request({ method: "GET", path: `/x?a=1&access_token=${tok}` })).status, 200);
  assert401(await h.request({ method: "GET", path: `/x?access_token=${tok}x` }), "bad token in the default param");
  h.close();
  h = await host(config({ fromHeaders: [{ name: "X-Token", prefix: "JWT " }], fromParams: ["t"], fromCookies: ["session"], forwardOriginalToken: true }));
  let r = await h.request({ method: "GET", path: "/", headers: [["x-token", `JWT ${tok}`]] });
  assert.equal(r.status, 200);
  assert.equal(upHdr(r, "x-token"), `JWT ${tok}`, "forwardOriginalToken keeps the header");
  assert.equal((await h.request({ method: "GET", path: `/?t=${tok}` })).status, 200);
  assert.equal((await h.request({ method: "GET", path: "/", headers: [["cookie", `a=b; session=${tok}; c=d`]] })).status, 200);
  assert401(await h.request({ method: "GET", path: "/", headers: [["cookie", `session=${tamper(tok)}`]] }), "cookie tampered");
  // Authorization is not a location of this rule: ignored
  r = await h.request({ method: "GET", path: "/", headers: bearer("garbage") });
  assert.equal(r.status, 200);
  h.close();
});

test("outputClaimToHeaders (nested, integer, boolean) and the verified-token cache", async () => {
  const h = await host(config({ outputClaimToHeaders: [{ header: "x-sub", claim: "sub" }, { header: "x-tenant", claim: "org.tenant" },
    { header: "x-level", claim: "level" }, { header: "x-admin", claim: "admin" }, { header: "x-missing", claim: "nope" }] }));
  const tok = await mint(signers[7], { org: { tenant: "acme" }, level: 3, admin: true });
  for (let i = 0; i < 3; i++) {
    const r = await h.request({ method: "GET", path: "/", headers: [...bearer(tok), ["x-sub", "forged"]] });
    assert.equal(r.status, 200);
    assert.equal(upHdr(r, "x-sub"), "alice");
    assert.equal(upHdr(r, "x-tenant"), "acme");
    assert.equal(upHdr(r, "x-level"), "3");
    assert.equal(upHdr(r, "x-admin"), "true");
    assert.equal(upHdr(r, "x-missing"), undefined);
  }
  assert.equal(h.metrics.get("bulwark.jwt.verified")?.value, 1n);
  assert.equal(h.metrics.get("bulwark.jwt.cache_hits")?.value, 2n);
  h.close();
  // a cached token still expires: the clock moves past exp + skew
  let t = NOW;
  const h2 = await Host.create({ wasm, configuration: config(), now: () => BigInt(t) * 1_000_000_000n });
  const short = await mint(signers[6], { exp: NOW + 100 });
  assert.equal((await h2.request({ method: "GET", path: "/", headers: bearer(short) })).status, 200);
  t = NOW + 161;
  assert401(await h2.request({ method: "GET", path: "/", headers: bearer(short) }), "cached then expired");
  h2.close();
});

test("request.auth.* reaches AuthorizationPolicies: requestPrincipals and claims (scope split)", async () => {
  const cfg = JSON.parse(config());
  cfg.authz = { policies: [
    { name: "need-jwt", action: "ALLOW", rules: [{ from: [{ source: { requestPrincipals: [`${ISS}/alice`] } }],
      when: [{ key: "request.auth.claims[scope]", values: ["write"] }] }] },
  ] };
  const h = await host(JSON.stringify(cfg));
  assert.equal((await h.request({ method: "GET", path: "/", headers: bearer(await mint(signers[0])) })).status, 200);
  assert.equal((await h.request({ method: "GET", path: "/" })).status, 403, "no token: no identity");
  assert.equal((await h.request({ method: "GET", path: "/", headers: bearer(await mint(signers[0], { sub: "bob" })) })).status, 403);
  assert.equal((await h.request({ method: "GET", path: "/", headers: bearer(await mint(signers[0], { scope: "read" })) })).status, 403);
  h.close();
});

test("configuration faults name their JSON path", async () => {
  const weak = generateKeyPairSync("rsa", { modulusLength: 1024 });
  const cases: [unknown, RegExp][] = [
    [{ jwtRules: [{ issuer: ISS, jwks: JSON.stringify({ keys: [await exportJWK(weak.publicKey)] }) }] }, /jwt\.jwtRules\[0\]\.jwks: keys\[0\]\.n: RSA modulus of 1024 bits/],
    [{ jwtRules: [{ issuer: ISS, jwksUri: "https://idp/jwks" }] }, /jwt\.jwtRules\[0\]\.jwksUri: keys cannot be fetched/],
    [{ jwtRules: [{ issuer: ISS, jwks: JSON.stringify({ keys: [{ kty: "oct", k: base64url.encode(hsSecret) }] }) }] }, /keys\[0\]\.kty: 'oct' \(HMAC\) keys need "allowHmac": true/],
    [{ jwtRules: [{ jwks: "{" }] }, /jwt\.jwtRules\[0\]\.issuer: required/],
    [{ jwtRules: [{ issuer: ISS, jwks: "{" }] }, /jwt\.jwtRules\[0\]\.jwks: invalid JWKS JSON/],
    [{ jwtRules: [{ issuer: ISS, jwks: JSON.stringify(jwks), fromHeaders: [{ name: "bad header" }] }] }, /fromHeaders\[0\]\.name: not a header name/],
    [{ jwtRules: [{ issuer: ISS, jwks: JSON.stringify(jwks), allowHmac: true, extra: 1 }] }, /jwt\.jwtRules\[0\]\.extra: unknown key/],
  ];
  for (const [jwt, re] of cases) {
    await assert.rejects(Host.create({ wasm, configuration: JSON.stringify({ jwt }) }), (e: any) => {
      assert.ok(e instanceof ConfigureError, String(e));
      assert.match(e.logs.map((l: any) => l.message).join("\n"), re);
      return true;
    });
  }
});
