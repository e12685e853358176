// JSON Web Keys (RFC 7517) and key sets, for verification only.
//
// Accepted key types (RFC 7518 §6, RFC 8037 §2):
//   RSA  n, e        modulus of 2048..4096 bits (smaller keys are refused: NIST SP 800-131A)
//   EC   crv, x, y   P-256 / P-384 / P-521, coordinates of exactly the field size (RFC 7518 §6.2.1.2)
//   OKP  crv, x      Ed25519, 32 bytes
//   oct  k           HMAC secrets, only when the rule allows HMAC (`allowHmac`), at least 32 bytes
// `alg` (if present) pins the key to one algorithm; `use` other than "sig" or `key_ops` without
// "verify" make the key unusable for verification (RFC 7517 §4.2, §4.3); such keys are kept out
// of the set without an error (a JWKS may carry encryption keys too). Private members (`d`, `p` …)
// are ignored. Unknown members are ignored (RFC 7517 §4: "MUST be ignored").
// Argument: JWKS JSON text (`{"keys":[...]}`) or one JWK object; errors go to `errs` as
// "<path>: keys[1].n: ..." so the author sees which key is wrong.
// Example: parseJwks('{"keys":[{"kty":"EC","crv":"P-256","x":"..","y":".."}]}', "jwtRules[0].jwks", errs, false)
import { JsonParser, JValue, JKind } from "../../../config/json";
import { Errors } from "../../../config/reader";
import { Alg, Kty, algFromName } from "./alg";
import { decodeB64urlString } from "./base64url";
import { Curve } from "../crypto/ecdsa";

export const MIN_RSA_BITS = 2048;
export const MAX_RSA_BITS = 4096;
export const MIN_HMAC_BYTES = 32;
export const MAX_KEYS = 64;

export class Jwk {
  kty: i32 = Kty.None;
  kid: string = "";
  hasKid: bool = false;
  alg: i32 = Alg.Unknown;   // Unknown: not pinned
  usable: bool = true;      // use == "sig" (or absent) and key_ops has "verify" (or absent)
  n: Uint8Array = new Uint8Array(0);
  e: Uint8Array = new Uint8Array(0);
  crv: i32 = 0;             // Curve.P256/P384/P521 for EC; 25519 for OKP Ed25519
  x: Uint8Array = new Uint8Array(0);
  y: Uint8Array = new Uint8Array(0);
  k: Uint8Array = new Uint8Array(0);
}

export const CRV_ED25519: i32 = 25519;

function strField(o: JValue, key: string, where: string, errs: Errors, path: string): string | null {
  const v = o.get(key);
  if (v == null) return null;
  if (v.kind != JKind.Str) { errs.add(path, where + "." + key + ": expected a string, got " + v.kindName()); return null; }
  return v.s;
}

function b64Field(o: JValue, key: string, where: string, errs: Errors, path: string): Uint8Array | null {
  const s = strField(o, key, where, errs, path);
  if (s == null) { if (o.get(key) == null) errs.add(path, where + "." + key + ": required"); return null; }
  const b = decodeB64urlString(s);
  if (b == null || b.length == 0) { errs.add(path, where + "." + key + ": not canonical base64url"); return null; }
  return b;
}

function bitLen(b: Uint8Array): i32 {
  let i = 0;
  while (i < b.length && b[i] == 0) i++;
  if (i == b.length) return 0;
  return (b.length - i - 1) * 8 + (32 - clz<u32>(b[i]));
}

/** One JWK object; null (with errors) when it cannot be used at all. */
export function parseJwk(o: JValue, where: string, errs: Errors, path: string, allowHmac: bool): Jwk | null {
  if (o.kind != JKind.Obj) { errs.add(path, where + ": expected an object, got " + o.kindName()); return null; }
  const before = errs.list.length;
  const k = new Jwk();
  const kty = strField(o, "kty", where, errs, path);
  if (kty == null) { if (o.get("kty") == null) errs.add(path, where + ".kty: required"); return null; }
  const kid = strField(o, "kid", where, errs, path);
  if (kid != null) { k.kid = kid; k.hasKid = true; }
  const alg = strField(o, "alg", where, errs, path);
  if (alg != null) {
    k.alg = algFromName(alg);
    if (k.alg == Alg.Unknown) errs.add(path, where + ".alg: unsupported algorithm '" + alg + "'");
  }
  const use = strField(o, "use", where, errs, path);
  if (use != null && use != "sig") k.usable = false;
  const ops = o.get("key_ops");
  if (ops != null) {
    if (ops.kind != JKind.Arr) errs.add(path, where + ".key_ops: expected an array, got " + ops.kindName());
    else {
      let verify = false;
      for (let i = 0; i < ops.arr.length; i++) if (ops.arr[i].kind == JKind.Str && ops.arr[i].s == "verify") verify = true;
      if (!verify) k.usable = false;
    }
  }
  if (kty == "RSA") {
    k.kty = Kty.RSA;
    const n = b64Field(o, "n", where, errs, path), e = b64Field(o, "e", where, errs, path);
    if (n != null) {
      const bits = bitLen(n);
      if (bits < MIN_RSA_BITS) errs.add(path, where + ".n: RSA modulus of " + bits.toString() + " bits (at least " + MIN_RSA_BITS.toString() + " required)");
      else if (bits > MAX_RSA_BITS) errs.add(path, where + ".n: RSA modulus of " + bits.toString() + " bits (at most " + MAX_RSA_BITS.toString() + " supported)");
      else if ((n[n.length - 1] & 1) == 0) errs.add(path, where + ".n: RSA modulus is even");
      k.n = n;
    }
    if (e != null) {
      const eb = bitLen(e);
      if (eb < 2 || eb > 32 || (e[e.length - 1] & 1) == 0) errs.add(path, where + ".e: RSA exponent must be odd, greater than 1 and at most 32 bits");
      k.e = e;
    }
    if (k.alg != Alg.Unknown && !(k.alg >= Alg.RS256 && k.alg <= Alg.PS512)) errs.add(path, where + ".alg: '" + alg! + "' is not an RSA algorithm");
  } else if (kty == "EC") {
    k.kty = Kty.EC;
    const crv = strField(o, "crv", where, errs, path);
    let size = 0;
    if (crv == null) { if (o.get("crv") == null) errs.add(path, where + ".crv: required"); }
    else if (crv == "P-256") { k.crv = Curve.P256; size = 32; }
    else if (crv == "P-384") { k.crv = Curve.P384; size = 48; }
    else if (crv == "P-521") { k.crv = Curve.P521; size = 66; }
    else errs.add(path, where + ".crv: unsupported curve '" + crv + "' (P-256, P-384, P-521)");
    const x = b64Field(o, "x", where, errs, path), y = b64Field(o, "y", where, errs, path);
    if (x != null) { k.x = x; if (size && x.length != size) errs.add(path, where + ".x: " + x.length.toString() + " bytes, the curve needs " + size.toString()); }
    if (y != null) { k.y = y; if (size && y.length != size) errs.add(path, where + ".y: " + y.length.toString() + " bytes, the curve needs " + size.toString()); }
    if (k.alg != Alg.Unknown) {
      const want = k.crv == Curve.P256 ? Alg.ES256 : k.crv == Curve.P384 ? Alg.ES384 : k.crv == Curve.P521 ? Alg.ES512 : -1;
      if (want > 0 && k.alg != want) errs.add(path, where + ".alg: '" + alg! + "' does not fit curve " + crv!);
    }
  } else if (kty == "OKP") {
    k.kty = Kty.OKP;
    const crv = strField(o, "crv", where, errs, path);
    if (crv == null) { if (o.get("crv") == null) errs.add(path, where + ".crv: required"); }
    else if (crv == "Ed25519") k.crv = CRV_ED25519;
    else errs.add(path, where + ".crv: unsupported OKP curve '" + crv + "' (Ed25519)");
    const x = b64Field(o, "x", where, errs, path);
    if (x != null) { k.x = x; if (x.length != 32) errs.add(path, where + ".x: Ed25519 keys are 32 bytes"); }
    if (k.alg != Alg.Unknown && k.alg != Alg.EdDSA) errs.add(path, where + ".alg: '" + alg! + "' is not EdDSA");
  } else if (kty == "oct") {
    k.kty = Kty.Oct;
    if (!allowHmac) errs.add(path, where + ".kty: 'oct' (HMAC) keys need \"allowHmac\": true on the rule");
    const kk = b64Field(o, "k", where, errs, path);
    if (kk != null) { k.k = kk; if (kk.length < MIN_HMAC_BYTES) errs.add(path, where + ".k: HMAC secret of " + kk.length.toString() + " bytes (at least " + MIN_HMAC_BYTES.toString() + " required)"); }
    if (k.alg != Alg.Unknown && !(k.alg >= Alg.HS256 && k.alg <= Alg.HS512)) errs.add(path, where + ".alg: '" + alg! + "' is not an HMAC algorithm");
  } else {
    errs.add(path, where + ".kty: unsupported key type '" + kty + "' (RSA, EC, OKP" + (allowHmac ? ", oct" : "") + ")");
  }
  return errs.list.length == before ? k : null;
}

/** A JWKS (`{"keys":[...]}`) or a single JWK, as JSON text. */
export function parseJwks(text: string, path: string, errs: Errors, allowHmac: bool): Array<Jwk> {
  const out = new Array<Jwk>();
  const parser = new JsonParser(String.UTF8.encode(text));
  const root = parser.parse();
  if (root == null) { errs.add(path, "invalid JWKS JSON at byte " + parser.errorOffset.toString() + ": " + parser.error); return out; }
  if (root.kind != JKind.Obj) { errs.add(path, "expected a JWKS object, got " + root.kindName()); return out; }
  const keys = root.get("keys");
  if (keys == null) {
    const k = parseJwk(root, "(jwk)", errs, path, allowHmac);
    if (k != null) out.push(k);
    return out;
  }
  if (keys.kind != JKind.Arr) { errs.add(path, "keys: expected an array, got " + keys.kindName()); return out; }
  if (keys.arr.length == 0) { errs.add(path, "keys: the key set is empty"); return out; }
  if (keys.arr.length > MAX_KEYS) { errs.add(path, "keys: more than " + MAX_KEYS.toString() + " keys"); return out; }
  for (let i = 0; i < keys.arr.length; i++) {
    const k = parseJwk(keys.arr[i], "keys[" + i.toString() + "]", errs, path, allowHmac);
    if (k != null) out.push(k);
  }
  return out;
}
