// Crypto core for in-filter JWT verification (issue 9): our own SHA-2, HMAC, RSA, ECDSA, Ed25519.
//
// Everything is verification-side, allocation-free after module start (constant-size buffers
// sized for RSA-4096 and P-521), and never traps on hostile lengths: bad input returns false.
// Contexts are module singletons (one wasm VM is single-threaded): finish a call before the next.
//
// Ids
//   HashAlg.SHA256 = 1, HashAlg.SHA384 = 2, HashAlg.SHA512 = 3        (hash.ts)
//   Curve.P256 = 1, Curve.P384 = 2, Curve.P521 = 3                    (ecdsa.ts)
//
// Raw-pointer API (pointer + i32 length; big-endian byte strings exactly as a JWK's base64url
// fields decode; `msg` is the JWS signing input `base64url(header) . base64url(payload)`):
//   sha256(p, n, out32) · sha384(p, n, out48) · sha512(p, n, out64) · digest(alg, p, n, out)
//   hmac(alg, key, keyLen, msg, msgLen, out)                   HS256/384/512 tag into `out`
//   verifyHmac(alg, key, keyLen, msg, msgLen, mac, macLen): bool   (no early exit on compare)
//   verifyRsaPkcs1(alg, n, nLen, e, eLen, msg, msgLen, sig, sigLen): bool          RS256/384/512
//   verifyRsaPss(alg, n, nLen, e, eLen, msg, msgLen, sig, sigLen, sLen, mgfAlg): bool
//       PS256/384/512: sLen = hashLen(alg), mgfAlg = alg (JOSE); Wycheproof passes its own values
//   verifyEcdsa(curve, x, xLen, y, yLen, msg, msgLen, sig, sigLen, alg): bool      ES256/384/512
//       sig is P1363 r||s: 64 / 96 / 132 bytes; key from JWK x, y (point checked on the curve)
//   verifyEd25519(pub, 32, msg, msgLen, sig, 64): bool                              EdDSA
//   `...Digest` variants of RSA / ECDSA take a precomputed hash instead of the message.
//   verifyEcdsaDer(...) / ecdsaDerToP1363(curve, der, derLen, out): strict-DER signatures (not JOSE).
//
// Uint8Array API (same semantics; what the JWT layer calls with decoded JWK fields):
//   rsaPkcs1(alg, n, e, msg, sig) · rsaPss(alg, n, e, msg, sig[, sLen, mgfAlg])
//   ecdsa(curve, x, y, msg, sig, alg) · ed25519(pub, msg, sig) · hs(alg, key, msg, mac)
//
// Example (RS256 JWT):
//   const ok = rsaPkcs1(HashAlg.SHA256, jwkN, jwkE, signingInput, signature);
//   // signingInput: UTF-8 bytes of "<header b64>.<payload b64>"; signature: base64url-decoded

export { HashAlg, hashLen, digest } from "./hash";
export { sha256, Sha256, SHA256 } from "./sha256";
export { sha384, sha512, Sha512, SHA512 } from "./sha512";
export { hmac, verifyHmac } from "./hmac";
export { verifyRsaPkcs1, verifyRsaPkcs1Digest, verifyRsaPss, verifyRsaPssDigest, RSA_MAX_BYTES } from "./rsa";
export { Curve, verifyEcdsa, verifyEcdsaDigest, verifyEcdsaDer, ecdsaDerToP1363 } from "./ecdsa";
export { verifyEd25519 } from "./ed25519";

import { hashLen } from "./hash";
import { verifyHmac } from "./hmac";
import { verifyRsaPkcs1, verifyRsaPss } from "./rsa";
import { verifyEcdsa } from "./ecdsa";
import { verifyEd25519 } from "./ed25519";

export function rsaPkcs1(alg: i32, n: Uint8Array, e: Uint8Array, msg: Uint8Array, sig: Uint8Array): bool {
  return verifyRsaPkcs1(alg, n.dataStart, n.length, e.dataStart, e.length, msg.dataStart, msg.length, sig.dataStart, sig.length);
}

export function rsaPss(alg: i32, n: Uint8Array, e: Uint8Array, msg: Uint8Array, sig: Uint8Array, sLen: i32 = -1, mgfAlg: i32 = 0): bool {
  return verifyRsaPss(alg, n.dataStart, n.length, e.dataStart, e.length, msg.dataStart, msg.length, sig.dataStart, sig.length,
    sLen < 0 ? hashLen(alg) : sLen, mgfAlg == 0 ? alg : mgfAlg);
}

export function ecdsa(curve: i32, x: Uint8Array, y: Uint8Array, msg: Uint8Array, sig: Uint8Array, alg: i32): bool {
  return verifyEcdsa(curve, x.dataStart, x.length, y.dataStart, y.length, msg.dataStart, msg.length, sig.dataStart, sig.length, alg);
}

export function ed25519(pub: Uint8Array, msg: Uint8Array, sig: Uint8Array): bool {
  return verifyEd25519(pub.dataStart, pub.length, msg.dataStart, msg.length, sig.dataStart, sig.length);
}

export function hs(alg: i32, key: Uint8Array, msg: Uint8Array, mac: Uint8Array): bool {
  return verifyHmac(alg, key.dataStart, key.length, msg.dataStart, msg.length, mac.dataStart, mac.length);
}
