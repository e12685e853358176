// End-user JWT verification cost per JOSE algorithm, on real tokens minted with `jose`, against
// Node's crypto.verify on the same token (signing input + signature) measured in the same run.
//   first use: the filter's JWS layer on an uncached token (build/harness/authz-jwt.wasm:
//              split, strict base64url, header JSON, key choice, signature) — what a token costs
//              the first time a VM sees it;
//   cached:    a whole request through the filter via the host (build/bulwark.wasm) carrying a
//              token already in the verified-token cache, minus nothing: it includes the host's
//              request handling; the "no token" row is the same request without a token.
// Prints p50 / p99 (µs) and the p50 ratios ours / node.
import crypto from "node:crypto";
import { readFileSync } from "node:fs";
import { SignJWT, exportJWK } from "jose";
import { loadJws } from "../test/jwt/jws-harness.ts";
import { Host } from "../src/host/index.ts";
import { stats } from "./stats.ts";

async function statsAsync(fn: () => Promise<unknown>, minMs = 150, maxIter = 1000): Promise<{ p50: number; p99: number }> {
  for (let i = 0; i < 5; i++) await fn();
  const t: number[] = [];
  const start = performance.now();
  while (t.length < maxIter && (t.length < 20 || performance.now() - start < minMs)) {
    const a = performance.now();
    await fn();
    t.push((performance.now() - a) * 1000);
  }
  t.sort((x, y) => x - y);
  return { p50: t[Math.floor(t.length * 0.5)], p99: t[Math.min(t.length - 1, Math.floor(t.length * 0.99))] };
}

const NODE_HASH: Record<string, string | null> = { RS256: "sha256", RS384: "sha384", RS512: "sha512", PS256: "sha256", PS384: "sha384",
  PS512: "sha512", ES256: "sha256", ES384: "sha384", ES512: "sha512", EdDSA: null, HS256: "sha256" };

export default async function bench() {
  const jh = await loadJws();
  const wasm = readFileSync("build/bulwark.wasm");
  const NOW = Math.floor(Date.now() / 1000);
  const rsa = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
  const ec: Record<string, crypto.KeyPairKeyObjectResult> = {
    ES256: crypto.generateKeyPairSync("ec", { namedCurve: "P-256" }),
    ES384: crypto.generateKeyPairSync("ec", { namedCurve: "P-384" }),
    ES512: crypto.generateKeyPairSync("ec", { namedCurve: "P-521" }),
  };
  const ed = crypto.generateKeyPairSync("ed25519");
  const secret = crypto.randomBytes(32);
  const rows: string[][] = [["alg", "first use p50/p99 µs", "node verify p50/p99 µs", "ratio", "cached request p50/p99 µs", "ratio"]];
  let noTok = "";
  for (const alg of ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA", "HS256"]) {
    const pair = alg.startsWith("ES") ? ec[alg] : alg === "EdDSA" ? ed : rsa;
    const priv: crypto.KeyObject = alg === "HS256" ? crypto.createSecretKey(secret) : pair.privateKey;
    const jwk = alg === "HS256" ? { kty: "oct", k: secret.toString("base64url") } : await exportJWK(pair.publicKey);
    const jwks = JSON.stringify({ keys: [{ ...jwk, kid: "k1" }] });
    const token = await new SignJWT({ iss: "https://issuer.example.com", sub: "user-1234567890", aud: ["api://bulwark"],
      exp: NOW + 3600, iat: NOW - 10, scope: "read write admin", email: "someone@example.com" })
      .setProtectedHeader({ alg, kid: "k1", typ: "JWT" }).sign(priv);
    const dot = token.lastIndexOf(".");
    const input = Buffer.from(token.slice(0, dot)), sig = Buffer.from(token.slice(dot + 1), "base64url");
    const pss = alg.startsWith("PS");
    const nodeKey: any = alg.startsWith("ES") ? { key: pair.publicKey, dsaEncoding: "ieee-p1363" }
      : pss ? { key: pair.publicKey, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: crypto.constants.RSA_PSS_SALTLEN_DIGEST } : pair?.publicKey;
    const nodeVerify = alg === "HS256"
      ? () => crypto.timingSafeEqual(crypto.createHmac("sha256", secret).update(input).digest(), sig)
      : () => crypto.verify(NODE_HASH[alg], input, nodeKey, sig);
    if (jh.verify(jwks, token) !== 0 || !nodeVerify()) throw new Error(`${alg}: token did not verify`);
    const first = stats(() => { jh.verify(jwks, token); });
    const node = stats(() => { nodeVerify(); });
    const host = await Host.create({ wasm, configuration: JSON.stringify({ jwt: { jwtRules: [{ issuer: "https://issuer.example.com",
      audiences: ["api://bulwark"], jwks, allowHmac: alg === "HS256" }] } }) });
    const req = { method: "GET", path: "/api/items", headers: [["authorization", `Bearer ${token}`]] as [string, string][] };
    if ((await host.request(req)).status !== 200) throw new Error(`${alg}: the filter refused the token`);
    const cached = await statsAsync(() => host.request(req));
    if (!noTok) {
      const n = await statsAsync(() => host.request({ method: "GET", path: "/api/items" }));
      noTok = `${n.p50.toFixed(1)} / ${n.p99.toFixed(1)}`;
    }
    host.close();
    rows.push([alg, `${first.p50.toFixed(1)} / ${first.p99.toFixed(1)}`, `${node.p50.toFixed(1)} / ${node.p99.toFixed(1)}`,
      (first.p50 / node.p50).toFixed(2) + "x", `${cached.p50.toFixed(1)} / ${cached.p99.toFixed(1)}`, (cached.p50 / node.p50).toFixed(2) + "x"]);
  }
  rows.push(["(no token)", "", "", "", noTok, ""]);
  const w = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const r of rows) console.log(r.map((c, i) => c.padEnd(w[i])).join("  "));
  console.log("ratio = ours p50 / node crypto.verify p50 on the same token; the cached column is a whole request through the host");
}
