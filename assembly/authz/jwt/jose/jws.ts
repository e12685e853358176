// JWS compact serialization (RFC 7515 §7.1) parsed and verified against a key set.
//
// A token is exactly three base64url segments joined by '.': header, payload, signature.
// Refused (each with its own JwsError, named in logs and 401 bodies):
//   - not three segments, an empty header or signature, a segment that is not strict base64url;
//   - a header that is not a JSON object (duplicate members refused: RFC 7515 §4 allows it),
//     without a string `alg`, with an `alg` we do not implement (including "none": RFC 7518 §3.6
//     "MUST NOT be accepted" by default), with `crit` (RFC 7515 §4.1.11: we understand no extension);
//   - header `jwk`, `jku`, `x5u`, `x5c` are never used to find a key (attacker-supplied keys:
//     Wycheproof "rejectsAttackerProvidedEmbeddedJwk"); only the configured keys are tried;
//   - no configured key fits: the key type must be the algorithm's (RSA for RS/PS, EC with the
//     algorithm's curve for ES, OKP Ed25519 for EdDSA, oct for HS — so an RS256 key can never be
//     used as an HMAC secret: "algorithm confusion"), a key's own `alg` must equal the header's,
//     `use`/`key_ops` must allow verification, and when both the token and the key carry a `kid`
//     they must be equal (Envoy jwt_verify_lib tries every key that passes these checks);
//   - no fitting key verifies the signature over ASCII(header '.' payload).
// Argument: the token bytes [p, p+n) (they must stay alive while the Jws is used).
// Example: const j = new Jws(); if (j.parse(p, n) == JwsError.Ok && j.verify(keys) == JwsError.Ok) { j.payload ... }
import { JsonParser, JValue, JKind } from "../../../config/json";
import { Alg, Kty, algFromName, algKty, algHash, algCurve } from "./alg";
import { Jwk, CRV_ED25519 } from "./jwk";
import { decodeB64url, decodedLen } from "./base64url";
import { verifyRsaPkcs1, verifyRsaPss, verifyEcdsa, verifyEd25519, verifyHmac } from "../crypto/index";
import { hashLen } from "../crypto/hash";

export const MAX_TOKEN_BYTES = 16384;
const MAX_SIG_CHARS = 700; // RSA-4096: 512 bytes = 683 characters

export namespace JwsError {
  export const Ok: i32 = 0;
  export const Malformed: i32 = 1;        // not three segments / empty header or signature / too long
  export const BadBase64: i32 = 2;
  export const BadHeader: i32 = 3;        // header not a JSON object, alg missing, crit present
  export const UnsupportedAlg: i32 = 4;   // none, unknown names
  export const NoKey: i32 = 5;            // no configured key fits alg / kid
  export const BadSignature: i32 = 6;
}

export function jwsErrorText(e: i32): string {
  switch (e) {
    case JwsError.Ok: return "ok";
    case JwsError.Malformed: return "Jwt is not in the form of Header.Payload.Signature";
    case JwsError.BadBase64: return "Jwt segment is not strict base64url";
    case JwsError.BadHeader: return "Jwt header is invalid";
    case JwsError.UnsupportedAlg: return "Jwt algorithm is not supported";
    case JwsError.NoKey: return "Jwks has no key for the Jwt's alg/kid";
    case JwsError.BadSignature: return "Jwt verification fails";
  }
  return "Jwt is invalid";
}

// scratch for the decoded header and signature (one verification at a time per VM)
// decodedLen(MAX_TOKEN_BYTES) = 12288, plus slack
const SCRATCH = memory.data(12296);

export class Jws {
  p: usize = 0;          // token
  n: i32 = 0;
  dot1: i32 = -1;        // offset of the first '.'
  dot2: i32 = -1;        // offset of the second '.'
  alg: i32 = Alg.Unknown;
  algText: string = "";
  kid: string = "";
  hasKid: bool = false;
  header: JValue | null = null;
  payload: Uint8Array = new Uint8Array(0);   // decoded payload bytes
  private sigP: usize = 0;
  private sigN: i32 = 0;

  /** Splits, decodes and checks the header; decodes the payload. */
  parse(p: usize, n: i32): i32 {
    this.p = p; this.n = n;
    if (n <= 0 || n > MAX_TOKEN_BYTES) return JwsError.Malformed;
    let d1 = -1, d2 = -1;
    for (let i = 0; i < n; i++) {
      if (load<u8>(p + i) == 0x2e) {
        if (d1 < 0) d1 = i; else if (d2 < 0) d2 = i; else return JwsError.Malformed;
      }
    }
    if (d1 <= 0 || d2 < 0 || d2 == n - 1) return JwsError.Malformed;
    this.dot1 = d1; this.dot2 = d2;
    const sigChars = n - d2 - 1;
    if (sigChars > MAX_SIG_CHARS) return JwsError.Malformed;
    // header
    const hn = decodeB64url(p, d1, SCRATCH);
    if (hn < 0) return JwsError.BadBase64;
    const hbuf = new ArrayBuffer(hn);
    memory.copy(changetype<usize>(hbuf), SCRATCH, hn);
    // payload (may be empty at the JWS level; a JWT needs an object, checked by the caller)
    const pl = d2 - d1 - 1;
    if ((pl & 3) == 1) return JwsError.BadBase64;
    const payload = new Uint8Array(decodedLen(pl));
    if (decodeB64url(p + d1 + 1, pl, payload.dataStart) < 0) return JwsError.BadBase64;
    this.payload = payload;
    // signature: checked now so that a malformed token is refused before any key work
    if ((sigChars & 3) == 1) return JwsError.BadBase64;
    if (decodeB64url(p + d2 + 1, sigChars, SCRATCH) < 0) return JwsError.BadBase64;
    const parser = new JsonParser(hbuf);
    const h = parser.parse();
    if (h == null || h.kind != JKind.Obj) return JwsError.BadHeader;
    this.header = h;
    const a = h.get("alg");
    if (a == null || a.kind != JKind.Str) return JwsError.BadHeader;
    if (h.get("crit") != null) return JwsError.BadHeader;
    const kid = h.get("kid");
    if (kid != null) {
      if (kid.kind != JKind.Str) return JwsError.BadHeader;
      this.kid = kid.s; this.hasKid = true;
    }
    this.algText = a.s;
    this.alg = algFromName(a.s);
    if (this.alg == Alg.Unknown) return JwsError.UnsupportedAlg;
    this.sigP = p + d2 + 1; this.sigN = sigChars;
    return JwsError.Ok;
  }

  /** Whether key `k` may verify this token (type, curve, pinned alg, use, kid). */
  fits(k: Jwk): bool {
    if (!k.usable) return false;
    if (k.kty != algKty(this.alg)) return false;
    if (k.alg != Alg.Unknown && k.alg != this.alg) return false;
    if (k.kty == Kty.EC && k.crv != algCurve(this.alg)) return false;
    if (k.kty == Kty.OKP && k.crv != CRV_ED25519) return false;
    if (k.kty == Kty.Oct && k.k.length < hashLen(algHash(this.alg))) return false;
    if (this.hasKid && k.hasKid && k.kid != this.kid) return false;
    return true;
  }

  /** Verifies the signature with the first fitting key that accepts it. */
  verify(keys: Array<Jwk>): i32 {
    if (this.alg == Alg.Unknown || this.sigP == 0) return JwsError.UnsupportedAlg;
    const sn = decodeB64url(this.sigP, this.sigN, SCRATCH);
    if (sn < 0) return JwsError.BadBase64;
    const msg = this.p, ml = this.dot2;
    let tried = 0;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (!this.fits(k)) continue;
      tried++;
      if (verifyWith(k, this.alg, msg, ml, SCRATCH, sn)) return JwsError.Ok;
    }
    return tried == 0 ? JwsError.NoKey : JwsError.BadSignature;
  }
}

function verifyWith(k: Jwk, alg: i32, msg: usize, ml: i32, sig: usize, sn: i32): bool {
  const h = algHash(alg);
  if (alg >= Alg.RS256 && alg <= Alg.RS512)
    return verifyRsaPkcs1(h, k.n.dataStart, k.n.length, k.e.dataStart, k.e.length, msg, ml, sig, sn);
  if (alg >= Alg.PS256 && alg <= Alg.PS512)
    return verifyRsaPss(h, k.n.dataStart, k.n.length, k.e.dataStart, k.e.length, msg, ml, sig, sn, hashLen(h), h);
  if (alg >= Alg.ES256 && alg <= Alg.ES512)
    return verifyEcdsa(k.crv, k.x.dataStart, k.x.length, k.y.dataStart, k.y.length, msg, ml, sig, sn, h);
  if (alg == Alg.EdDSA)
    return verifyEd25519(k.x.dataStart, k.x.length, msg, ml, sig, sn);
  if (alg >= Alg.HS256 && alg <= Alg.HS512)
    return verifyHmac(h, k.k.dataStart, k.k.length, msg, ml, sig, sn);
  return false;
}
