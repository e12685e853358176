// Signature-verification cost of the in-filter crypto (build/harness/authz-jwt-crypto.wasm) per
// JOSE algorithm, against Node's crypto.verify on the same key and message in the same run.
// Prints p50 / p99 in microseconds for both and the p50 ratio (ours / Node). Message: a typical
// JWT signing input (~300 bytes). Includes the JS->wasm copy of arguments (a few hundred bytes).
import crypto from "node:crypto";
import { loadCrypto, type HashName, type CurveName } from "../src/harness/crypto.ts";
import { stats } from "./stats.ts";


export default async function bench() {
  const c = await loadCrypto();
  const msg = new Uint8Array(Buffer.from("eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6ImsxIn0." + Buffer.from(JSON.stringify({
    iss: "https://issuer.example.com", sub: "user-1234567890", aud: ["api://bulwark"], exp: 2000000000, iat: 1700000000,
    scope: "read write admin", email: "someone@example.com" })).toString("base64url")));
  const b64 = (s: string) => new Uint8Array(Buffer.from(s, "base64url"));
  const H: Record<HashName, string> = { "SHA-256": "sha256", "SHA-384": "sha384", "SHA-512": "sha512" };
  const rows: string[][] = [["alg", "ours p50 µs", "ours p99 µs", "node p50 µs", "node p99 µs", "ratio p50"]];
  function row(name: string, ours: () => boolean, node: () => boolean) {
    if (!ours() || !node()) throw new Error(`${name}: signature did not verify`);
    const a = stats(() => { ours(); }), b = stats(() => { node(); });
    rows.push([name, a.p50.toFixed(1), a.p99.toFixed(1), b.p50.toFixed(1), b.p99.toFixed(1), (a.p50 / b.p50).toFixed(2) + "x"]);
  }
  const rsa: Record<number, crypto.KeyPairKeyObjectResult> = {};
  for (const bits of [2048, 4096]) rsa[bits] = crypto.generateKeyPairSync("rsa", { modulusLength: bits });
  for (const [name, bits, alg, pss] of [["RS256", 2048, "SHA-256", false], ["RS512 (4096)", 4096, "SHA-512", false], ["PS256", 2048, "SHA-256", true]] as [string, number, HashName, boolean][]) {
    const { publicKey, privateKey } = rsa[bits];
    const jwk = publicKey.export({ format: "jwk" }) as any;
    const n = b64(jwk.n), e = b64(jwk.e);
    const opts = pss ? { key: privateKey, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 } : privateKey;
    const sig = crypto.sign(H[alg], msg, opts as any);
    const vopts = pss ? { key: publicKey, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 } : publicKey;
    const s = new Uint8Array(sig);
    row(name, () => pss ? c.rsaPss(alg, n, e, msg, s) : c.rsaPkcs1(alg, n, e, msg, s), () => crypto.verify(H[alg], msg, vopts as any, sig));
  }
  for (const [name, curve, alg, nc] of [["ES256", "P-256", "SHA-256", "prime256v1"], ["ES384", "P-384", "SHA-384", "secp384r1"], ["ES512", "P-521", "SHA-512", "secp521r1"]] as [string, CurveName, HashName, string][]) {
    const { publicKey, privateKey } = crypto.generateKeyPairSync("ec", { namedCurve: nc });
    const jwk = publicKey.export({ format: "jwk" }) as any;
    const x = b64(jwk.x), y = b64(jwk.y);
    const sig = crypto.sign(H[alg], msg, { key: privateKey, dsaEncoding: "ieee-p1363" });
    const s = new Uint8Array(sig);
    row(name, () => c.ecdsa(curve, x, y, msg, s, alg), () => crypto.verify(H[alg], msg, { key: publicKey, dsaEncoding: "ieee-p1363" }, sig));
  }
  {
    const { publicKey, privateKey } = crypto.generateKeyPairSync("ed25519");
    const pub = b64((publicKey.export({ format: "jwk" }) as any).x);
    const sig = crypto.sign(null, msg, privateKey);
    const s = new Uint8Array(sig);
    row("EdDSA", () => c.ed25519(pub, msg, s), () => crypto.verify(null, msg, publicKey, sig));
  }
  {
    const key = crypto.randomBytes(32);
    const mac = crypto.createHmac("sha256", key).update(msg).digest();
    const k = new Uint8Array(key), m = new Uint8Array(mac);
    row("HS256", () => c.hmacVerify("SHA-256", k, msg, m), () => crypto.timingSafeEqual(crypto.createHmac("sha256", key).update(msg).digest(), mac));
  }
  const w = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const r of rows) console.log(r.map((v, i) => (i === 0 ? v.padEnd(w[i]) : v.padStart(w[i]))).join("  "));
  console.log(`message ${msg.length} bytes; ratio = ours / node.crypto.verify (same key, message, run); first use of a curve also builds its G table once`);
}
