// Node loader for build/harness/authz-jwt-crypto.wasm: the in-filter crypto primitives with
// Uint8Array arguments, for the Wycheproof conformance suite, node:test checks and the bench.
// Example:
//   const c = await loadCrypto();
//   c.rsaPkcs1("SHA-256", n, e, msg, sig)  // => boolean
import { readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

export type HashName = "SHA-256" | "SHA-384" | "SHA-512";
export type CurveName = "P-256" | "P-384" | "P-521";
export const HASH_ID: Record<HashName, number> = { "SHA-256": 1, "SHA-384": 2, "SHA-512": 3 };
export const CURVE_ID: Record<CurveName, number> = { "P-256": 1, "P-384": 2, "P-521": 3 };
const HASH_LEN: Record<HashName, number> = { "SHA-256": 32, "SHA-384": 48, "SHA-512": 64 };

export const HARNESS_WASM = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "build", "harness", "authz-jwt-crypto.wasm");

export interface CryptoHarness {
  hash(alg: HashName, msg: Uint8Array): Uint8Array;
  hmac(alg: HashName, key: Uint8Array, msg: Uint8Array): Uint8Array;
  hmacVerify(alg: HashName, key: Uint8Array, msg: Uint8Array, mac: Uint8Array): boolean;
  rsaPkcs1(alg: HashName, n: Uint8Array, e: Uint8Array, msg: Uint8Array, sig: Uint8Array): boolean;
  rsaPss(alg: HashName, n: Uint8Array, e: Uint8Array, msg: Uint8Array, sig: Uint8Array, sLen?: number, mgf?: HashName): boolean;
  ecdsa(curve: CurveName, x: Uint8Array, y: Uint8Array, msg: Uint8Array, sig: Uint8Array, alg: HashName): boolean;
  ecdsaDer(curve: CurveName, x: Uint8Array, y: Uint8Array, msg: Uint8Array, der: Uint8Array, alg: HashName): boolean;
  ed25519(pub: Uint8Array, msg: Uint8Array, sig: Uint8Array): boolean;
}

export async function loadCrypto(path = HARNESS_WASM): Promise<CryptoHarness> {
  const mod = await WebAssembly.compile(readFileSync(path));
  let mem: WebAssembly.Memory;
  const inst = await WebAssembly.instantiate(mod, {
    env: {
      abort(msg: number, file: number, line: number, col: number) {
        throw new Error(`crypto harness abort at ${line}:${col}`);
      },
    },
  });
  const x = inst.exports as any;
  mem = x.memory;
  // Lay the arguments out one after another in the harness arena; returns [ptr, len] pairs.
  function put(...bufs: Uint8Array[]): number[] {
    let total = 0;
    for (const b of bufs) total += (b.length + 7) & ~7;
    const base = x.arena(total + 8) >>> 0;
    const view = new Uint8Array(mem.buffer);
    const out: number[] = [];
    let off = base;
    for (const b of bufs) {
      view.set(b, off);
      out.push(off, b.length);
      off += (b.length + 7) & ~7;
    }
    return out;
  }
  const u8 = (p: number, n: number) => new Uint8Array(mem.buffer, p, n).slice();
  return {
    hash(alg, msg) {
      const [m, ml, o] = put(msg, new Uint8Array(64));
      x.hash(HASH_ID[alg], m, ml, o);
      return u8(o, HASH_LEN[alg]);
    },
    hmac(alg, key, msg) {
      const [k, kl, m, ml, o] = put(key, msg, new Uint8Array(64));
      x.hmacSign(HASH_ID[alg], k, kl, m, ml, o);
      return u8(o, HASH_LEN[alg]);
    },
    hmacVerify(alg, key, msg, mac) {
      const a = put(key, msg, mac);
      return x.hmacVerify(HASH_ID[alg], ...a) === 1;
    },
    rsaPkcs1(alg, n, e, msg, sig) {
      return x.rsaPkcs1(HASH_ID[alg], ...put(n, e, msg, sig)) === 1;
    },
    rsaPss(alg, n, e, msg, sig, sLen = HASH_LEN[alg], mgf = alg) {
      return x.rsaPss(HASH_ID[alg], ...put(n, e, msg, sig), sLen, HASH_ID[mgf]) === 1;
    },
    ecdsa(curve, xx, yy, msg, sig, alg) {
      if (!x.ecdsa) throw new Error("ecdsa not built");
      return x.ecdsa(CURVE_ID[curve], ...put(xx, yy, msg, sig), HASH_ID[alg]) === 1;
    },
    ecdsaDer(curve, xx, yy, msg, der, alg) {
      return x.ecdsaDer(CURVE_ID[curve], ...put(xx, yy, msg, der), HASH_ID[alg]) === 1;
    },
    ed25519(pub, msg, sig) {
      if (!x.ed25519) throw new Error("ed25519 not built");
      return x.ed25519(...put(pub, msg, sig)) === 1;
    },
  };
}
