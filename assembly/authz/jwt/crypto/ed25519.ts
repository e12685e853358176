// Ed25519 signature verification (RFC 8032 section 5.1.7), as JOSE EdDSA (crv Ed25519) uses.
//
// verifyEd25519(pub, pubLen, msg, msgLen, sig, sigLen): true only when
//   - pubLen == 32 and sigLen == 64,
//   - A decodes strictly: y < p (canonical), a square root exists, and not (x == 0 with sign 1),
//   - S < L (non-canonical / malleable S rejected),
//   - encode([S]B - [k]A) == R byte for byte, k = SHA-512(R || A || M) mod L
//     (so a non-canonical R never matches: we only produce canonical encodings).
// Field GF(2^255-19) uses the Montgomery arithmetic of bignum.ts (8 x 32-bit limbs); points are
// extended twisted-Edwards coordinates (X:Y:Z:T) with the complete a = -1 addition law, and
// [S]B + [k](-A) is an interleaved 4-bit fixed-window double-scalar multiplication (B's table
// is built once). Verification only: nothing here is secret, so no constant time.
// Example: verifyEd25519(pubPtr, 32, msgPtr, msgLen, sigPtr, 64)

import { Mont, bnFromBytes, bnFromBytesLE, bnToBytesLE, bnCmp, bnCopy, bnZero, bnIsZero, limb, setLimb } from "./bignum";
import { SHA512 } from "./sha512";

const K = 8;
const LB = K << 2;       // 32 bytes per field element
const PT = 4 * LB;       // X, Y, Z, T

function hexInto(dst: usize, hex: string): void {
  const n = hex.length >> 1;
  const tmp = heap.alloc(<usize>n);
  for (let i = 0; i < n; i++) store<u8>(tmp + i, <u8>I32.parseInt(hex.substr(i * 2, 2), 16));
  bnFromBytes(dst, K, tmp, n);
  heap.free(tmp);
}

const F = new Mont(K);   // mod p
const FL = new Mont(K);  // mod L
const EXP_P58 = heap.alloc(LB);   // (p-5)/8
const EXP_P14 = heap.alloc(LB);   // (p-1)/4
const D2 = heap.alloc(LB);        // 2d (Montgomery form)
const DD = heap.alloc(LB);        // d
const SQRTM1 = heap.alloc(LB);    // sqrt(-1)
const ZERO = heap.alloc(LB);
const BTAB = heap.alloc(16 * PT); // i*B
const ATAB = heap.alloc(16 * PT); // i*(-A)

const F0 = memory.data(LB); const F1 = memory.data(LB); const F2 = memory.data(LB);
const F3 = memory.data(LB); const F4 = memory.data(LB); const F5 = memory.data(LB);
const F6 = memory.data(LB); const F7 = memory.data(LB); const F8 = memory.data(LB);
const PA = memory.data(PT); const ACC = memory.data(PT);
const SC = memory.data(LB); const KH = memory.data(LB); const KL = memory.data(LB);
const HASH = memory.data(64);
const ENC = memory.data(32);

let ready = false;

function init(): void {
  const tmp = memory.data(LB);
  hexInto(tmp, "7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffed");
  F.setModulusLimbs(tmp, K);
  hexInto(tmp, "1000000000000000000000000000000014def9dea2f79cd65812631a5cf5d3ed");
  FL.setModulusLimbs(tmp, K);
  hexInto(EXP_P58, "0ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffd");
  hexInto(EXP_P14, "1ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffb");
  bnZero(ZERO, K);
  // d = -121665 / 121666
  bnZero(tmp, K); setLimb(tmp, 0, 121666); F.toMont(F0, tmp); F.inv(F0, F0);
  bnZero(tmp, K); setLimb(tmp, 0, 121665); F.toMont(F1, tmp);
  F.mul(F0, F0, F1); F.sub(DD, ZERO, F0);
  F.add(D2, DD, DD);
  // sqrt(-1) = 2^((p-1)/4)
  bnZero(tmp, K); setLimb(tmp, 0, 2); F.toMont(F0, tmp); F.pow(SQRTM1, F0, EXP_P14, K);
  // B: y = 4/5, x even
  bnZero(tmp, K); setLimb(tmp, 0, 5); F.toMont(F0, tmp); F.inv(F0, F0);
  bnZero(tmp, K); setLimb(tmp, 0, 4); F.toMont(F1, tmp); F.mul(F1, F1, F0);
  F.fromMont(F1, F1);
  bnToBytesLE(ENC, 32, F1, K);
  decode(PA, ENC);
  buildTable(BTAB, PA);
  ready = true;
}

// ---- points -------------------------------------------------------------------------------

function setIdentity(P: usize): void {
  bnZero(P, K); bnCopy(P + LB, F.one, K); bnCopy(P + 2 * LB, F.one, K); bnZero(P + 3 * LB, K);
}

/** out = P + Q (complete for a = -1, also for P == Q). out may alias P or Q. */
function add(out: usize, P: usize, Q: usize): void {
  F.sub(F0, P + LB, P); F.sub(F1, Q + LB, Q); F.mul(F0, F0, F1);        // A = (Y1-X1)(Y2-X2)
  F.add(F1, P + LB, P); F.add(F2, Q + LB, Q); F.mul(F1, F1, F2);        // B = (Y1+X1)(Y2+X2)
  F.mul(F2, P + 3 * LB, Q + 3 * LB); F.mul(F2, F2, D2);                 // C = T1 2d T2
  F.mul(F3, P + 2 * LB, Q + 2 * LB); F.add(F3, F3, F3);                 // D = 2 Z1 Z2
  F.sub(F4, F1, F0);    // E = B - A
  F.sub(F5, F3, F2);    // F = D - C
  F.add(F6, F3, F2);    // G = D + C
  F.add(F7, F1, F0);    // H = B + A
  F.mul(out, F4, F5);
  F.mul(out + LB, F6, F7);
  F.mul(out + 3 * LB, F4, F7);
  F.mul(out + 2 * LB, F5, F6);
}

/** out = 2P. */
function dbl(out: usize, P: usize): void {
  F.sqr(F0, P);                                    // A = X^2
  F.sqr(F1, P + LB);                               // B = Y^2
  F.sqr(F2, P + 2 * LB); F.add(F2, F2, F2);        // C = 2 Z^2
  F.add(F3, P, P + LB); F.sqr(F3, F3); F.sub(F3, F3, F0); F.sub(F3, F3, F1);  // E = (X+Y)^2 - A - B
  F.sub(F4, F1, F0);                               // G = -A + B
  F.sub(F5, F4, F2);                               // F = G - C
  F.sub(F6, ZERO, F0); F.sub(F6, F6, F1);          // H = -A - B
  F.mul(out, F3, F5);
  F.mul(out + LB, F4, F6);
  F.mul(out + 3 * LB, F3, F6);
  F.mul(out + 2 * LB, F5, F4);
}

function buildTable(tab: usize, P: usize): void {
  setIdentity(tab);
  memory.copy(tab + PT, P, PT);
  dbl(tab + 2 * PT, P);
  for (let i = 3; i < 16; i++) add(tab + <usize>i * PT, tab + <usize>(i - 1) * PT, P);
}

/** Strict decoding of a 32-byte encoding into extended coordinates; false if invalid. */
function decode(P: usize, enc: usize): bool {
  const sign = <u32>(load<u8>(enc + 31) >> 7);
  const y = P + LB;
  bnFromBytesLE(y, K, enc, 32);
  setLimb(y, 7, limb(y, 7) & 0x7fffffff);
  if (bnCmp(y, F.n, K) >= 0) return false;         // non-canonical y
  F.toMont(y, y);
  // x^2 = (y^2 - 1) / (d y^2 + 1)
  F.sqr(F0, y);
  F.sub(F1, F0, F.one);                            // u
  F.mul(F2, F0, DD); F.add(F2, F2, F.one);         // v
  // x = u v^3 (u v^7)^((p-5)/8)
  F.sqr(F3, F2); F.mul(F3, F3, F2);                // v^3
  F.sqr(F4, F3); F.mul(F4, F4, F2);                // v^7
  F.mul(F4, F4, F1);                               // u v^7
  F.pow(F4, F4, EXP_P58, K);
  F.mul(F4, F4, F3); F.mul(F4, F4, F1);            // x candidate
  F.sqr(F5, F4); F.mul(F5, F5, F2);                // v x^2
  if (bnCmp(F5, F1, K) != 0) {
    F.sub(F6, ZERO, F1);
    if (bnCmp(F5, F6, K) != 0) return false;       // no square root
    F.mul(F4, F4, SQRTM1);
  }
  F.fromMont(F7, F4);
  const odd = limb(F7, 0) & 1;
  if (bnIsZero(F7, K) && sign == 1) return false;
  if (odd != sign) F.sub(F4, ZERO, F4);
  bnCopy(P, F4, K);
  bnCopy(P + 2 * LB, F.one, K);
  F.mul(P + 3 * LB, F4, y);
  return true;
}

/** Canonical 32-byte encoding of P at `out`. */
function encode(out: usize, P: usize): void {
  F.inv(F0, P + 2 * LB);
  F.mul(F1, P, F0); F.fromMont(F1, F1);            // x
  F.mul(F2, P + LB, F0); F.fromMont(F2, F2);       // y
  bnToBytesLE(out, 32, F2, K);
  store<u8>(out + 31, load<u8>(out + 31) | <u8>((limb(F1, 0) & 1) << 7));
}

@inline function nibble(e: usize, w: i32): u32 {
  const bit = w << 2;
  return (limb(e, bit >> 5) >>> <u32>(bit & 31)) & 15;
}

export function verifyEd25519(pub: usize, pubLen: i32, msg: usize, msgLen: i32, sig: usize, sigLen: i32): bool {
  if (pubLen != 32 || sigLen != 64) return false;
  if (!ready) init();
  // S < L
  bnFromBytesLE(SC, K, sig + 32, 32);
  if (bnCmp(SC, FL.n, K) >= 0) return false;
  if (!decode(PA, pub)) return false;
  // k = SHA-512(R || A || M) mod L
  SHA512.reset(false);
  SHA512.update(sig, 32); SHA512.update(pub, 32); SHA512.update(msg, msgLen);
  SHA512.final(HASH);
  bnFromBytesLE(KL, K, HASH, 32);
  bnFromBytesLE(KH, K, HASH + 32, 32);
  FL.mul(KH, KH, FL.r2);          // hi * 2^256 mod L
  FL.mul(KL, KL, FL.r2);          // lo * R mod L
  FL.fromMont(KL, KL);            // lo mod L
  FL.add(KH, KH, KL);             // k
  // -A
  F.sub(PA, ZERO, PA); F.sub(PA + 3 * LB, ZERO, PA + 3 * LB);
  buildTable(ATAB, PA);
  // [S]B + [k](-A)
  setIdentity(ACC);
  for (let w = 63; w >= 0; w--) {
    if (w != 63) { dbl(ACC, ACC); dbl(ACC, ACC); dbl(ACC, ACC); dbl(ACC, ACC); }
    const d1 = nibble(SC, w), d2 = nibble(KH, w);
    if (d1 != 0) add(ACC, ACC, BTAB + <usize>d1 * PT);
    if (d2 != 0) add(ACC, ACC, ATAB + <usize>d2 * PT);
  }
  encode(ENC, ACC);
  return memory.compare(ENC, sig, 32) == 0;
}
