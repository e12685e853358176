// Cross-checks the in-filter crypto (build/harness/authz-jwt-crypto.wasm) against Node's crypto:
// keys generated here, random messages signed by Node, our verify must accept them and reject
// tampered messages and signatures. Also SHA-2 / HMAC digests on random inputs.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import crypto from "node:crypto";
import { loadCrypto, type CryptoHarness, type HashName, type CurveName } from "../../src/harness/crypto.ts";

let c: CryptoHarness;
before(async () => { c = await loadCrypto(); });

const b64 = (s: string) => new Uint8Array(Buffer.from(s, "base64url"));
const rnd = (n: number) => new Uint8Array(crypto.randomBytes(n));
const flip = (a: Uint8Array, i: number) => { const b = a.slice(); b[i % b.length] ^= 1 << (i % 8); return b; };
const NODE_HASH: Record<HashName, string> = { "SHA-256": "sha256", "SHA-384": "sha384", "SHA-512": "sha512" };
const ROUNDS = 6;

test("SHA-2 and HMAC match Node on random inputs", () => {
  for (const alg of ["SHA-256", "SHA-384", "SHA-512"] as HashName[]) {
    for (const len of [0, 1, 55, 56, 63, 64, 111, 112, 127, 128, 129, 1000]) {
      const m = rnd(len);
      assert.equal(Buffer.from(c.hash(alg, m)).toString("hex"), crypto.createHash(NODE_HASH[alg]).update(m).digest("hex"), `${alg} len ${len}`);
      const k = rnd((len * 7) % 200);
      const mac = crypto.createHmac(NODE_HASH[alg], k).update(m).digest();
      assert.equal(Buffer.from(c.hmac(alg, k, m)).toString("hex"), mac.toString("hex"));
      assert.equal(c.hmacVerify(alg, k, m, mac), true);
      assert.equal(c.hmacVerify(alg, k, flip(m, 3), mac), len === 0 ? c.hmacVerify(alg, k, m, mac) : false);
    }
  }
});

for (const alg of ["SHA-256", "SHA-384", "SHA-512"] as HashName[]) {
  test(`RSA-2048 PKCS#1 v1.5 and PSS with ${alg}`, () => {
    const { publicKey, privateKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
    const jwk = publicKey.export({ format: "jwk" }) as any;
    const n = b64(jwk.n), e = b64(jwk.e);
    const hl = { "SHA-256": 32, "SHA-384": 48, "SHA-512": 64 }[alg];
    for (let i = 0; i < ROUNDS; i++) {
      const m = rnd(1 + i * 37);
      const s1 = new Uint8Array(crypto.sign(NODE_HASH[alg], m, privateKey));
      assert.equal(c.rsaPkcs1(alg, n, e, m, s1), true);
      assert.equal(c.rsaPkcs1(alg, n, e, flip(m, i), s1), false);
      assert.equal(c.rsaPkcs1(alg, n, e, m, flip(s1, i * 11)), false);
      const s2 = new Uint8Array(crypto.sign(NODE_HASH[alg], m, { key: privateKey, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: hl }));
      assert.equal(c.rsaPss(alg, n, e, m, s2), true);
      assert.equal(c.rsaPss(alg, n, e, flip(m, i), s2), false);
      assert.equal(c.rsaPss(alg, n, e, m, flip(s2, i * 13)), false);
      assert.equal(c.rsaPkcs1(alg, n, e, m, s2), false);
    }
  });
}

for (const [curve, alg, nodeCurve] of [["P-256", "SHA-256", "prime256v1"], ["P-384", "SHA-384", "secp384r1"], ["P-521", "SHA-512", "secp521r1"]] as [CurveName, HashName, string][]) {
  test(`ECDSA ${curve} P1363`, () => {
    const { publicKey, privateKey } = crypto.generateKeyPairSync("ec", { namedCurve: nodeCurve });
    const jwk = publicKey.export({ format: "jwk" }) as any;
    const x = b64(jwk.x), y = b64(jwk.y);
    for (let i = 0; i < ROUNDS; i++) {
      const m = rnd(i * 29);
      const s = new Uint8Array(crypto.sign(NODE_HASH[alg], m, { key: privateKey, dsaEncoding: "ieee-p1363" }));
      assert.equal(c.ecdsa(curve, x, y, m, s, alg), true);
      assert.equal(c.ecdsa(curve, x, y, flip(m, i + 1), s, alg), i * 29 === 0 ? true : false);
      assert.equal(c.ecdsa(curve, x, y, m, flip(s, i * 7), alg), false);
      assert.equal(c.ecdsa(curve, y, x, m, s, alg), false);
    }
  });
}

test("Ed25519", () => {
  const { publicKey, privateKey } = crypto.generateKeyPairSync("ed25519");
  const pub = b64((publicKey.export({ format: "jwk" }) as any).x);
  for (let i = 0; i < ROUNDS * 2; i++) {
    const m = rnd(1 + i * 50);
    const s = new Uint8Array(crypto.sign(null, m, privateKey));
    assert.equal(c.ed25519(pub, m, s), true);
    assert.equal(c.ed25519(pub, flip(m, i), s), false);
    assert.equal(c.ed25519(pub, m, flip(s, i * 5)), false);
    assert.equal(c.ed25519(flip(pub, i), m, s), false);
  }
});

test("hostile lengths return false without trapping", () => {
  const z = new Uint8Array(0), big = rnd(700);
  assert.equal(c.rsaPkcs1("SHA-256", big, big, big, big), false);
  assert.equal(c.rsaPkcs1("SHA-256", z, z, z, z), false);
  assert.equal(c.rsaPss("SHA-256", rnd(256), new Uint8Array([1, 0, 1]), z, rnd(256), 100000), false);
  assert.equal(c.ecdsa("P-256", big, big, z, big, "SHA-256"), false);
  assert.equal(c.ecdsa("P-521", z, z, z, z, "SHA-512"), false);
  assert.equal(c.ed25519(big, big, big), false);
  assert.equal(c.ed25519(new Uint8Array(32).fill(0xff), z, new Uint8Array(64)), false);
});
