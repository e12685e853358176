// Hash-algorithm dispatch used by HMAC, RSA and ECDSA: one id per SHA-2 variant.
//
// HashAlg: SHA256 = 1, SHA384 = 2, SHA512 = 3. `hashLen(alg)` gives the digest size (0 if unknown).
// Streaming: hashInit(alg); hashUpdate(alg, p, n)…; hashFinal(alg, out). The contexts are shared
// singletons (one SHA-256, one SHA-512/384): finish one computation before starting another.
// Example: digest(HashAlg.SHA384, msgPtr, msgLen, outPtr)  // writes 48 bytes

import { SHA256 } from "./sha256";
import { SHA512 } from "./sha512";

export namespace HashAlg {
  export const SHA256: i32 = 1;
  export const SHA384: i32 = 2;
  export const SHA512: i32 = 3;
}

export function hashLen(alg: i32): i32 {
  return alg == HashAlg.SHA256 ? 32 : alg == HashAlg.SHA384 ? 48 : alg == HashAlg.SHA512 ? 64 : 0;
}

/** Input block size in bytes (HMAC key padding). */
export function hashBlockLen(alg: i32): i32 {
  return alg == HashAlg.SHA256 ? 64 : 128;
}

export function hashInit(alg: i32): void {
  if (alg == HashAlg.SHA256) SHA256.reset();
  else SHA512.reset(alg == HashAlg.SHA384);
}

export function hashUpdate(alg: i32, p: usize, n: i32): void {
  if (alg == HashAlg.SHA256) SHA256.update(p, n);
  else SHA512.update(p, n);
}

export function hashFinal(alg: i32, out: usize): void {
  if (alg == HashAlg.SHA256) SHA256.final(out);
  else SHA512.final(out);
}

/** One-shot digest of [p, p+n) with `alg` into hashLen(alg) bytes at `out`. */
export function digest(alg: i32, p: usize, n: i32, out: usize): void {
  hashInit(alg);
  hashUpdate(alg, p, n);
  hashFinal(alg, out);
}
