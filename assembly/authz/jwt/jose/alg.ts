// JWS algorithm names (RFC 7518 §3.1) and which key each one needs.
//
// An `alg` from a token header is looked up by exact, case-sensitive name (RFC 7515 §4.1.1):
// "none", "NONE", "HS256 " and every unlisted name give Alg.Unknown and the token is refused.
// Example: algFromName("ES256") == Alg.ES256; algKty(Alg.ES256) == Kty.EC; algCurve(Alg.ES256) == Curve.P256
import { HashAlg } from "../crypto/hash";
import { Curve } from "../crypto/ecdsa";

export namespace Alg {
  export const Unknown: i32 = 0;
  export const HS256: i32 = 1; export const HS384: i32 = 2; export const HS512: i32 = 3;
  export const RS256: i32 = 4; export const RS384: i32 = 5; export const RS512: i32 = 6;
  export const PS256: i32 = 7; export const PS384: i32 = 8; export const PS512: i32 = 9;
  export const ES256: i32 = 10; export const ES384: i32 = 11; export const ES512: i32 = 12;
  export const EdDSA: i32 = 13;
}

export namespace Kty {
  export const None: i32 = 0;
  export const RSA: i32 = 1;
  export const EC: i32 = 2;
  export const OKP: i32 = 3;
  export const Oct: i32 = 4;
}

const NAMES: Array<string> = ["", "HS256", "HS384", "HS512", "RS256", "RS384", "RS512",
  "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"];

export function algFromName(s: string): i32 {
  for (let i = 1; i < NAMES.length; i++) if (NAMES[i] == s) return i;
  return Alg.Unknown;
}
export function algName(a: i32): string { return a > 0 && a < NAMES.length ? NAMES[a] : "(unknown)"; }

/** The key type an algorithm needs (RFC 7518 §3.1 / RFC 8037 §3.1). */
export function algKty(a: i32): i32 {
  if (a >= Alg.HS256 && a <= Alg.HS512) return Kty.Oct;
  if (a >= Alg.RS256 && a <= Alg.PS512) return Kty.RSA;
  if (a >= Alg.ES256 && a <= Alg.ES512) return Kty.EC;
  if (a == Alg.EdDSA) return Kty.OKP;
  return Kty.None;
}

/** The hash of an algorithm (SHA-256/384/512 by the last digits of its name); 0 for EdDSA. */
export function algHash(a: i32): i32 {
  switch (a) {
    case Alg.HS256: case Alg.RS256: case Alg.PS256: case Alg.ES256: return HashAlg.SHA256;
    case Alg.HS384: case Alg.RS384: case Alg.PS384: case Alg.ES384: return HashAlg.SHA384;
    case Alg.HS512: case Alg.RS512: case Alg.PS512: case Alg.ES512: return HashAlg.SHA512;
  }
  return 0;
}

/** The curve an ECDSA algorithm is defined on (RFC 7518 §3.4: ES512 is P-521). */
export function algCurve(a: i32): i32 {
  if (a == Alg.ES256) return Curve.P256;
  if (a == Alg.ES384) return Curve.P384;
  if (a == Alg.ES512) return Curve.P521;
  return 0;
}
