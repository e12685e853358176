// Harness: exports the crypto primitives over raw pointers for the conformance suite, the
// node:test checks and the bench (build/harness/authz-jwt-crypto.wasm; loader: src/harness/crypto.ts).
// Inputs are written by the host into the arena returned by arena(size); results are i32 (1 = valid).

import { digest } from "./hash";
import { hmac, verifyHmac } from "./hmac";
import { verifyRsaPkcs1, verifyRsaPss } from "./rsa";

let arenaPtr: usize = 0;
let arenaSize: usize = 0;

/** A scratch buffer of at least `size` bytes (reused; grows when asked for more). */
export function arena(size: usize): usize {
  if (size > arenaSize) {
    if (arenaPtr != 0) heap.free(arenaPtr);
    arenaPtr = heap.alloc(size);
    arenaSize = size;
  }
  return arenaPtr;
}

export function hash(alg: i32, p: usize, n: i32, out: usize): void { digest(alg, p, n, out); }
export function hmacSign(alg: i32, k: usize, kl: i32, m: usize, ml: i32, out: usize): void { hmac(alg, k, kl, m, ml, out); }
export function hmacVerify(alg: i32, k: usize, kl: i32, m: usize, ml: i32, mac: usize, macLen: i32): i32 {
  return verifyHmac(alg, k, kl, m, ml, mac, macLen) ? 1 : 0;
}
export function rsaPkcs1(alg: i32, n: usize, nl: i32, e: usize, el: i32, m: usize, ml: i32, s: usize, sl: i32): i32 {
  return verifyRsaPkcs1(alg, n, nl, e, el, m, ml, s, sl) ? 1 : 0;
}
export function rsaPss(alg: i32, n: usize, nl: i32, e: usize, el: i32, m: usize, ml: i32, s: usize, sl: i32, sLen: i32, mgf: i32): i32 {
  return verifyRsaPss(alg, n, nl, e, el, m, ml, s, sl, sLen, mgf) ? 1 : 0;
}

import { verifyEcdsa } from "./ecdsa";
export function ecdsa(curve: i32, x: usize, xl: i32, y: usize, yl: i32, m: usize, ml: i32, s: usize, sl: i32, alg: i32): i32 {
  return verifyEcdsa(curve, x, xl, y, yl, m, ml, s, sl, alg) ? 1 : 0;
}
import { verifyEd25519 } from "./ed25519";
export function ed25519(p: usize, pl: i32, m: usize, ml: i32, s: usize, sl: i32): i32 {
  return verifyEd25519(p, pl, m, ml, s, sl) ? 1 : 0;
}
import { verifyEcdsaDer } from "./ecdsa";
export function ecdsaDer(curve: i32, x: usize, xl: i32, y: usize, yl: i32, m: usize, ml: i32, s: usize, sl: i32, alg: i32): i32 {
  return verifyEcdsaDer(curve, x, xl, y, yl, m, ml, s, sl, alg) ? 1 : 0;
}
