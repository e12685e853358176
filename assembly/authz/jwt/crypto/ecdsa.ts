// ECDSA signature verification (FIPS 186-4 / SEC 1 4.1.4) on NIST P-256, P-384 and P-521 with
// IEEE P1363 signatures (r || s, fixed width), as JOSE ES256 / ES384 / ES512 use.
//
// verifyEcdsa(curve, x, xLen, y, yLen, msg, msgLen, sig, sigLen, hashAlg): true only when
//   - the public key (affine x, y as big-endian bytes, leading zeros allowed) is < p and on the curve,
//   - sigLen == 2 * the scalar size (32 / 48 / 66 bytes per half) and 0 < r, s < n,
//   - x(u1*G + u2*Q) mod n == r with e = leftmost bits of Hash(msg), u1 = e/s, u2 = r/s.
// verifyEcdsaDigest(...) takes the message hash instead of the message.
// Arithmetic: Montgomery field (bignum.ts, 32-bit limbs), Jacobian coordinates with a = -3
// doubling, and an interleaved 4-bit fixed-window double-scalar multiplication; the table of G
// multiples is built once per curve. Verification only: nothing here is secret, so no constant time.
// Example: verifyEcdsa(Curve.P256, x, 32, y, 32, msg, n, sig, 64, HashAlg.SHA256)

import { Mont, bnFromBytes, bnCmp, bnIsZero, bnCopy, bnZero, bnSub, bnBitLen, limb, setLimb, skipZeros } from "./bignum";
import { hashLen, digest } from "./hash";

export namespace Curve {
  export const P256: i32 = 1;
  export const P384: i32 = 2;
  export const P521: i32 = 3;
}

const MAXK = 17;               // limbs for P-521
const LB = MAXK << 2;          // bytes per field element slot
const PT = 3 * LB;             // bytes per Jacobian point

function fromHex(dst: usize, k: i32, hex: string): void {
  const n = hex.length >> 1;
  const tmp = heap.alloc(<usize>n);
  for (let i = 0; i < n; i++) store<u8>(tmp + i, <u8>I32.parseInt(hex.substr(i * 2, 2), 16));
  bnFromBytes(dst, k, tmp, n);
  heap.free(tmp);
}

class EcCurve {
  fp: Mont = new Mont(MAXK);
  fn: Mont = new Mont(MAXK);
  k: i32 = 0;
  size: i32 = 0;      // scalar / coordinate bytes in P1363 (ceil(nBits/8))
  nBits: i32 = 0;
  b: usize = 0;       // Montgomery form
  gTable: usize = 0;  // 16 Jacobian points: i*G

  constructor(p: string, n: string, b: string, gx: string, gy: string, size: i32) {
    const k = ((p.length >> 1) + 3) >> 2;
    this.k = k;
    this.size = size;
    const tmp = heap.alloc(LB);
    fromHex(tmp, k, p); this.fp.setModulusLimbs(tmp, k);
    fromHex(tmp, k, n); this.fn.setModulusLimbs(tmp, k);
    this.nBits = bnBitLen(this.fn.n, k);
    this.b = heap.alloc(LB);
    fromHex(this.b, k, b); this.fp.toMont(this.b, this.b);
    // G in Jacobian Montgomery form, then its 16 multiples
    const g = heap.alloc(PT);
    fromHex(g, k, gx); this.fp.toMont(g, g);
    fromHex(g + LB, k, gy); this.fp.toMont(g + LB, g + LB);
    bnCopy(g + 2 * LB, this.fp.one, k);
    this.gTable = heap.alloc(16 * PT);
    buildTable(this, this.gTable, g);
    heap.free(g);
    heap.free(tmp);
  }
}

let P256C: EcCurve | null = null;
let P384C: EcCurve | null = null;
let P521C: EcCurve | null = null;

function curveOf(id: i32): EcCurve | null {
  if (id == Curve.P256) {
    if (P256C == null) P256C = new EcCurve(
      "ffffffff00000001000000000000000000000000ffffffffffffffffffffffff",
      "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551",
      "5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b",
      "6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296",
      "4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5", 32);
    return P256C;
  }
  if (id == Curve.P384) {
    if (P384C == null) P384C = new EcCurve(
      "fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffff",
      "ffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973",
      "b3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aef",
      "aa87ca22be8b05378eb1c71ef320ad746e1d3b628ba79b9859f741e082542a385502f25dbf55296c3a545e3872760ab7",
      "3617de4a96262c6f5d9e98bf9292dc29f8f41dbd289a147ce9da3113b5f0b8c00a60b1ce1d7e819d7a431d7c90ea0e5f", 48);
    return P384C;
  }
  if (id == Curve.P521) {
    if (P521C == null) P521C = new EcCurve(
      "01ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
      "01fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409",
      "0051953eb9618e1c9a1f929a21a0b68540eea2da725b99b315f3b8b489918ef109e156193951ec7e937b1652c0bd3bb1bf073573df883d2c34f1ef451fd46b503f00",
      "00c6858e06b70404e9cd9e3ecb662395b4429c648139053fb521f828af606b4d3dbaa14b5e77efe75928fe1dc127a2ffa8de3348b3c1856a429bf97e7e31c2e5bd66",
      "011839296a789a3bc0045c8a5fb42c7d1bd998f54449579b446817afbd17273e662c97ee72995ef42640c550b9013fad0761353c7086a272c24088be94769fd16650", 66);
    return P521C;
  }
  return null;
}

// ---- scratch ------------------------------------------------------------------------------
const T0 = memory.data(LB); const T1 = memory.data(LB); const T2 = memory.data(LB);
const T3 = memory.data(LB); const T4 = memory.data(LB); const T5 = memory.data(LB);
const T6 = memory.data(LB); const T7 = memory.data(LB);
const ACC = memory.data(PT);
const QT = memory.data(16 * PT);        // table for the public key
const QP = memory.data(PT);
const RR = memory.data(LB); const SS = memory.data(LB); const EE = memory.data(LB);
const U1 = memory.data(LB); const U2 = memory.data(LB);
const HB = memory.data(64);

// ---- point arithmetic (Jacobian, Montgomery coordinates, Z = 0 is infinity) -----------------

/** out = 2*P (a = -3). out may alias P. */
function dbl(c: EcCurve, out: usize, P: usize): void {
  const f = c.fp;
  const X = P, Y = P + LB, Z = P + 2 * LB;
  f.sqr(T0, Z);                 // delta
  f.sqr(T1, Y);                 // gamma
  f.mul(T2, X, T1);             // beta
  f.sub(T3, X, T0);
  f.add(T4, X, T0);
  f.mul(T3, T3, T4);
  f.add(T4, T3, T3); f.add(T3, T4, T3);   // alpha = 3(X-delta)(X+delta)
  // Z3 = (Y+Z)^2 - gamma - delta
  f.add(T5, Y, Z); f.sqr(T5, T5); f.sub(T5, T5, T1); f.sub(out + 2 * LB, T5, T0);
  // X3 = alpha^2 - 8 beta
  f.add(T2, T2, T2); f.add(T2, T2, T2);   // 4 beta
  f.add(T6, T2, T2);                      // 8 beta
  f.sqr(T7, T3); f.sub(out, T7, T6);
  // Y3 = alpha (4beta - X3) - 8 gamma^2
  f.sub(T2, T2, out); f.mul(T2, T3, T2);
  f.sqr(T1, T1); f.add(T1, T1, T1); f.add(T1, T1, T1); f.add(T1, T1, T1);
  f.sub(out + LB, T2, T1);
}

/** out = P + Q (complete: handles infinity, P == Q and P == -Q). out may alias P. */
function add(c: EcCurve, out: usize, P: usize, Q: usize): void {
  const f = c.fp;
  const k = c.k;
  if (bnIsZero(P + 2 * LB, k)) { if (out != Q) memory.copy(out, Q, PT); return; }
  if (bnIsZero(Q + 2 * LB, k)) { if (out != P) memory.copy(out, P, PT); return; }
  f.sqr(T0, P + 2 * LB);            // Z1^2
  f.sqr(T1, Q + 2 * LB);            // Z2^2
  f.mul(T2, P, T1);                 // U1 = X1 Z2^2
  f.mul(T3, Q, T0);                 // U2 = X2 Z1^2
  f.mul(T4, P + LB, Q + 2 * LB); f.mul(T4, T4, T1);   // S1 = Y1 Z2^3
  f.mul(T5, Q + LB, P + 2 * LB); f.mul(T5, T5, T0);   // S2 = Y2 Z1^3
  f.sub(T3, T3, T2);                // H
  f.sub(T5, T5, T4);                // R
  if (bnIsZero(T3, k)) {
    if (bnIsZero(T5, k)) { dbl(c, out, P); return; }
    bnZero(out, 3 * MAXK);          // P == -Q: infinity
    return;
  }
  // Z3 = H Z1 Z2 (computed before X/Y are overwritten when out aliases P)
  f.mul(T6, P + 2 * LB, Q + 2 * LB); f.mul(out + 2 * LB, T6, T3);
  f.sqr(T0, T3);                    // H^2
  f.mul(T1, T3, T0);                // H^3
  f.mul(T2, T2, T0);                // U1 H^2
  f.sqr(T6, T5); f.sub(T6, T6, T1); f.sub(T6, T6, T2); f.sub(out, T6, T2);   // X3
  f.sub(T2, T2, out); f.mul(T2, T5, T2);
  f.mul(T4, T4, T1);
  f.sub(out + LB, T2, T4);          // Y3
}

function buildTable(c: EcCurve, tab: usize, P: usize): void {
  bnZero(tab, 3 * MAXK);                      // 0*P = infinity
  memory.copy(tab + PT, P, PT);
  dbl(c, tab + 2 * PT, P);
  for (let i = 3; i < 16; i++) add(c, tab + <usize>i * PT, tab + <usize>(i - 1) * PT, P);
}

@inline function nibble(e: usize, w: i32): u32 {
  const bit = w << 2;
  return (limb(e, bit >> 5) >>> <u32>(bit & 31)) & 15;
}

// ---- verification -------------------------------------------------------------------------

/** Loads a big-endian coordinate; false if it is not below the modulus `m`. */
function loadBelow(dst: usize, k: i32, p: usize, len: i32, m: usize): bool {
  const s = skipZeros(p, len);
  if (len - s > (k << 2)) return false;
  if (!bnFromBytes(dst, k, p + s, len - s)) return false;
  return bnCmp(dst, m, k) < 0;
}

export function verifyEcdsaDigest(curve: i32, x: usize, xLen: i32, y: usize, yLen: i32, h: usize, hLen: i32, sig: usize, sigLen: i32): bool {
  const c = curveOf(curve);
  if (c == null) return false;
  const k = c.k;
  const f = c.fp, fn = c.fn;
  const size = c.size;
  if (sigLen != 2 * size || hLen <= 0 || hLen > 64) return false;
  // r, s in [1, n-1]
  if (!loadBelow(RR, k, sig, size, fn.n) || bnIsZero(RR, k)) return false;
  if (!loadBelow(SS, k, sig + size, size, fn.n) || bnIsZero(SS, k)) return false;
  // Q: coordinates below p and on the curve y^2 = x^3 - 3x + b
  if (!loadBelow(QP, k, x, xLen, f.n) || !loadBelow(QP + LB, k, y, yLen, f.n)) return false;
  f.toMont(QP, QP); f.toMont(QP + LB, QP + LB);
  bnCopy(QP + 2 * LB, f.one, k);
  f.sqr(T0, QP); f.mul(T0, T0, QP);                 // x^3
  f.add(T1, QP, QP); f.add(T1, T1, QP);             // 3x
  f.sub(T0, T0, T1); f.add(T0, T0, c.b);
  f.sqr(T1, QP + LB);
  if (bnCmp(T0, T1, k) != 0) return false;
  // e = leftmost nBits of the hash, reduced mod n
  const nBytes = (c.nBits + 7) >> 3;
  const take = min(hLen, nBytes);
  bnFromBytes(EE, k, h, take);
  const shift = take * 8 - c.nBits;
  if (shift > 0) {
    for (let i = 0; i < k; i++) {
      const hi = i + 1 < k ? limb(EE, i + 1) : 0;
      setLimb(EE, i, (limb(EE, i) >>> <u32>shift) | (hi << <u32>(32 - shift)));
    }
  }
  if (bnCmp(EE, fn.n, k) >= 0) bnSub(EE, EE, fn.n, k);
  // w = s^-1; u1 = e w, u2 = r w (Montgomery: mul(plain, mont) = plain product)
  fn.toMont(T7, SS);
  fn.inv(T7, T7);
  fn.mul(U1, EE, T7);
  fn.mul(U2, RR, T7);
  // u1 G + u2 Q, interleaved 4-bit windows
  buildTable(c, QT, QP);
  bnZero(ACC, 3 * MAXK);
  const gt = c.gTable;
  const windows = (c.nBits + 3) >> 2;
  for (let w = windows - 1; w >= 0; w--) {
    if (!bnIsZero(ACC + 2 * LB, k)) { dbl(c, ACC, ACC); dbl(c, ACC, ACC); dbl(c, ACC, ACC); dbl(c, ACC, ACC); }
    const d1 = nibble(U1, w), d2 = nibble(U2, w);
    if (d1 != 0) add(c, ACC, ACC, gt + <usize>d1 * PT);
    if (d2 != 0) add(c, ACC, ACC, QT + <usize>d2 * PT);
  }
  if (bnIsZero(ACC + 2 * LB, k)) return false;
  // affine x = X / Z^2, then mod n, compared with r
  f.inv(T0, ACC + 2 * LB);
  f.sqr(T0, T0);
  f.mul(T0, ACC, T0);
  f.fromMont(T0, T0);
  if (bnCmp(T0, fn.n, k) >= 0) bnSub(T0, T0, fn.n, k);
  return bnCmp(T0, RR, k) == 0;
}

export function verifyEcdsa(curve: i32, x: usize, xLen: i32, y: usize, yLen: i32, msg: usize, msgLen: i32, sig: usize, sigLen: i32, hashAlg: i32): bool {
  const hl = hashLen(hashAlg);
  if (hl == 0) return false;
  digest(hashAlg, msg, msgLen, HB);
  return verifyEcdsaDigest(curve, x, xLen, y, yLen, HB, hl, sig, sigLen);
}

// ---- DER signatures (not JOSE; for X.509-style callers and the Wycheproof DER files) --------

const P1363 = memory.data(2 * 66);

/** Reads one strict-DER length at der[i]; returns (len << 8 | header bytes) or -1. */
function derLen(der: usize, i: i32, end: i32): i32 {
  if (i >= end) return -1;
  const b = <i32>load<u8>(der + i);
  if (b < 0x80) return (b << 8) | 1;
  if (b == 0x81) {
    if (i + 1 >= end) return -1;
    const l = <i32>load<u8>(der + i + 1);
    return l < 0x80 ? -1 : (l << 8) | 2;   // long form only when needed
  }
  return -1;                                // longer forms never fit an ECDSA signature
}

/** Strict DER INTEGER (positive, minimal) into `size` big-endian bytes at `out`; next offset or -1. */
function derInt(der: usize, i: i32, end: i32, out: usize, size: i32): i32 {
  if (i >= end || load<u8>(der + i) != 0x02) return -1;
  const L = derLen(der, i + 1, end);
  if (L < 0) return -1;
  const len = L >> 8;
  const start = i + 1 + (L & 0xff);
  if (len == 0 || start + len > end) return -1;
  const first = load<u8>(der + start);
  if (first & 0x80) return -1;                                  // negative
  if (first == 0 && len > 1 && (load<u8>(der + start + 1) & 0x80) == 0) return -1;  // not minimal
  let p = start, l = len;
  if (first == 0 && len > 1) { p++; l--; }
  if (l > size) return -1;
  memory.fill(out, 0, size - l);
  memory.copy(out + size - l, der + p, l);
  return start + len;
}

/** Converts a strict-DER ECDSA signature to P1363 r||s for `curve`; returns its length or 0. */
export function ecdsaDerToP1363(curve: i32, der: usize, derLen_: i32, out: usize): i32 {
  const c = curveOf(curve);
  if (c == null || derLen_ < 2) return 0;
  const size = c.size;
  if (load<u8>(der) != 0x30) return 0;
  const L = derLen(der, 1, derLen_);
  if (L < 0) return 0;
  const start = 1 + (L & 0xff);
  if (start + (L >> 8) != derLen_) return 0;                    // trailing or missing bytes
  const mid = derInt(der, start, derLen_, out, size);
  if (mid < 0) return 0;
  const fin = derInt(der, mid, derLen_, out + size, size);
  if (fin != derLen_) return 0;
  return 2 * size;
}

/** ECDSA with a DER signature: strict DER, then the P1363 verification. */
export function verifyEcdsaDer(curve: i32, x: usize, xLen: i32, y: usize, yLen: i32, msg: usize, msgLen: i32, der: usize, derLen_: i32, hashAlg: i32): bool {
  const n = ecdsaDerToP1363(curve, der, derLen_, P1363);
  if (n == 0) return false;
  return verifyEcdsa(curve, x, xLen, y, yLen, msg, msgLen, P1363, n, hashAlg);
}
