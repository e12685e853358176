// Wycheproof signature-verification vectors (../shared/wycheproof) against our own crypto
// (build/harness/authz-jwt-crypto.wasm). `valid` must verify, `invalid` must not, `acceptable`
// counts as passed either way. Files: RSA PKCS#1 v1.5, RSA-PSS (the file's sLen / MGF1 hash),
// ECDSA P-256/P-384/P-521 P1363, Ed25519, and the DER-encoded ECDSA files (strict DER parsed
// to r||s first; JOSE itself only uses P1363). json_web_signature_test.json is run by the
// JWS layer when it exists (see jwsCases below), otherwise counted as skipped.
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { loadCrypto, type HashName, type CurveName, HARNESS_WASM } from "../../src/harness/crypto.ts";
import { loadJws, JWS_WASM } from "../jwt/jws-harness.ts";

// Vectors of json_web_signature_test.json (commit dac1dd47) that contradict the file itself, so
// no verifier can pass all of them; they are skipped with the reason, never counted as passed.
// Wycheproof's own jose4j runner suppresses the base64 ones too (JsonWebSignatureTest.java).
const JWS_DEFECTIVE: Record<number, string> = {
  367: "'invalidBase64Padding' is byte-for-byte the token of #357 'ValidMac' (valid) but expects invalid",
  370: "'invalidBase64PaddingInPayload' is byte-for-byte the token of #357 'ValidMac' (valid) but expects invalid",
  372: "'InvalidCharacterInsertedInHeader' contains '?' yet expects valid; #361/#371 expect '?' refused (RFC 7515 §2)",
  373: "'InvalidCharacterInsertedInPayload' contains '?' yet expects valid; #361/#371 expect '?' refused (RFC 7515 §2)",
  346: "'Figure20' is a PS384 token for a key pinned to alg PS256; #331-#340 (WrongPrimitive) expect such tokens refused",
  350: "'Figure20' (with key_ops) is a PS384 token for a key pinned to alg PS256; #331-#340 expect such tokens refused",
  347: "'Figure27': the key's alg is 'ES521', which is no JWS algorithm (RFC 7518 §3.1 names ES512)",
  351: "'Figure27' (with key_ops): the key's alg is 'ES521', which is no JWS algorithm",
};

const hex = (s: string) => Uint8Array.from(Buffer.from(s, "hex"));

const RSA_PKCS1 = [
  "rsa_signature_2048_sha256_test.json", "rsa_signature_2048_sha384_test.json", "rsa_signature_2048_sha512_test.json",
  "rsa_signature_3072_sha256_test.json", "rsa_signature_4096_sha512_test.json",
];
const RSA_PSS = [
  "rsa_pss_2048_sha256_mgf1_32_test.json", "rsa_pss_2048_sha384_mgf1_48_test.json",
  "rsa_pss_3072_sha256_mgf1_32_test.json", "rsa_pss_4096_sha512_mgf1_64_test.json",
];
const ECDSA_P1363 = [
  "ecdsa_secp256r1_sha256_p1363_test.json", "ecdsa_secp384r1_sha384_p1363_test.json", "ecdsa_secp521r1_sha512_p1363_test.json",
];
const ECDSA_DER = ["ecdsa_secp256r1_sha256_test.json", "ecdsa_secp384r1_sha384_test.json"];
const CURVES: Record<string, CurveName> = { secp256r1: "P-256", secp384r1: "P-384", secp521r1: "P-521" };

export default async function wycheproof(shared: string) {
  const dir = join(shared, "wycheproof");
  if (!existsSync(HARNESS_WASM)) throw new Error(`${HARNESS_WASM} missing: run npm run build`);
  const c = await loadCrypto();
  let passed = 0, failed = 0, skipped = 0;
  const details: string[] = [];
  const load = (f: string) => JSON.parse(readFileSync(join(dir, f), "utf8"));

  function run(file: string, verify: (g: any, t: any) => boolean) {
    const j = load(file);
    let fileFailed = 0;
    for (const g of j.testGroups) {
      for (const t of g.tests) {
        let ok: boolean;
        try { ok = verify(g, t); } catch (e) { ok = t.result === "valid" ? false : false; details.push(`${file} #${t.tcId} threw ${e}`); failed++; fileFailed++; continue; }
        if (t.result === "acceptable" || ok === (t.result === "valid")) passed++;
        else {
          failed++; fileFailed++;
          if (fileFailed <= 5) details.push(`${file} #${t.tcId} (${t.result}, ${t.comment}, ${t.flags.join(",")}) got ${ok}`);
        }
      }
    }
  }

  for (const f of RSA_PKCS1)
    run(f, (g, t) => c.rsaPkcs1(g.sha as HashName, hex(g.publicKey.modulus), hex(g.publicKey.publicExponent), hex(t.msg), hex(t.sig)));
  for (const f of RSA_PSS)
    run(f, (g, t) => {
      if (g.mgf !== "MGF1") throw new Error(`mgf ${g.mgf}`);
      return c.rsaPss(g.sha as HashName, hex(g.publicKey.modulus), hex(g.publicKey.publicExponent), hex(t.msg), hex(t.sig), g.sLen, g.mgfSha as HashName);
    });
  const haveEc = (() => { try { c.ecdsa("P-256", new Uint8Array(32), new Uint8Array(32), new Uint8Array(0), new Uint8Array(64), "SHA-256"); return true; } catch { return false; } })();
  for (const f of ECDSA_P1363) {
    if (!haveEc) { skipped += load(f).numberOfTests; details.push(`${f}: skipped (ECDSA not built yet)`); continue; }
    run(f, (g, t) => c.ecdsa(CURVES[g.publicKey.curve], hex(g.publicKey.wx), hex(g.publicKey.wy), hex(t.msg), hex(t.sig), g.sha as HashName));
  }
  for (const f of ECDSA_DER)
    run(f, (g, t) => c.ecdsaDer(CURVES[g.publicKey.curve], hex(g.publicKey.wx), hex(g.publicKey.wy), hex(t.msg), hex(t.sig), g.sha as HashName));
  const haveEd = (() => { try { c.ed25519(new Uint8Array(32), new Uint8Array(0), new Uint8Array(64)); return true; } catch { return false; } })();
  if (!haveEd) { skipped += load("ed25519_test.json").numberOfTests; details.push("ed25519_test.json: skipped (Ed25519 not built yet)"); }
  else run("ed25519_test.json", (g, t) => c.ed25519(hex(g.publicKey.pk), hex(t.msg), hex(t.sig)));

  // JWS end to end through the filter's own JWS layer (build/harness/authz-jwt.wasm): the group's
  // public JWK (its private one when there is none: HMAC keys) is the key set, `jws` the token.
  if (!existsSync(JWS_WASM)) throw new Error(`${JWS_WASM} missing: run npm run build`);
  const jh = await loadJws();
  const jws = load("json_web_signature_test.json");
  let jwsSkipped = 0;
  run("json_web_signature_test.json", (g, t) => {
    if (JWS_DEFECTIVE[t.tcId]) { jwsSkipped++; return t.result === "valid"; } // counted below as skipped
    const key = JSON.stringify(g.public ?? g.private);
    return jh.verify(key, t.jws, true) === 0;
  });
  // the defective vectors were counted as passed by run(); move them to skipped, with the reason
  passed -= jwsSkipped; skipped += jwsSkipped;
  for (const [id, why] of Object.entries(JWS_DEFECTIVE)) details.push(`json_web_signature_test.json #${id} skipped: ${why}`);
  void jws;
  return { suite: "wycheproof", passed, failed, skipped, details };
}
