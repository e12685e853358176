// RSA signature verification: RSASSA-PKCS1-v1_5 (RS256/384/512) and RSASSA-PSS (PS256/384/512),
// RFC 8017 sections 8.1.2 / 8.2.2 with EMSA-PSS-VERIFY (9.1.2) and MGF1 (B.2.1).
//
// Arguments: hash id (HashAlg), modulus n and public exponent e as big-endian bytes (leading zeros
// allowed, as in JWK `n`/`e` after base64url decoding), the message (hashed here), the signature.
// Result: true only for a valid signature. Moduli up to 4096 bits; the signature must be exactly
// as long as the modulus (RFC 8017 step 1) and below it. PKCS#1 v1.5 compares the whole encoded
// block against the one we build (strict DigestInfo with its NULL parameter), so no parser leniency.
// PSS takes the salt length (JOSE: the hash length) and the MGF1 hash (JOSE: the same hash).
// `...Digest` variants take a precomputed message hash instead of the message.
// Example:
//   verifyRsaPkcs1(HashAlg.SHA256, nPtr, 256, ePtr, 3, msgPtr, msgLen, sigPtr, 256)
//   verifyRsaPss(HashAlg.SHA256, nPtr, 256, ePtr, 3, msgPtr, msgLen, sigPtr, 256, 32, HashAlg.SHA256)

import { Mont, bnFromBytes, bnToBytes, bnCmp, bnBitLen, skipZeros } from "./bignum";
import { HashAlg, hashLen, digest, hashInit, hashUpdate, hashFinal } from "./hash";

export const RSA_MAX_BYTES = 512;
const MAXL = RSA_MAX_BYTES / 4;

const M = new Mont(MAXL);
const S = memory.data((MAXL + 1) * 4);
const E = memory.data((MAXL + 1) * 4);
const EM = memory.data(RSA_MAX_BYTES + 8);
const MHASH = memory.data(64);
const HBUF = memory.data(64);
const CTR = memory.data(4);
const ZEROS = memory.data(8);

// DigestInfo prefixes (DER: SEQUENCE { SEQUENCE { OID, NULL }, OCTET STRING }) from RFC 8017 9.2 note 1
const DI256: StaticArray<u8> = [0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20];
const DI384: StaticArray<u8> = [0x30, 0x41, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x02, 0x05, 0x00, 0x04, 0x30];
const DI512: StaticArray<u8> = [0x30, 0x51, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x03, 0x05, 0x00, 0x04, 0x40];

/**
 * RSAVP1: m = s^e mod n into EM as `outLen` big-endian bytes. Returns the modulus byte length
 * (> 0) or 0 if the key or signature is unusable. Requires sigLen == modulus byte length.
 */
function rsavp1(n: usize, nLen: i32, e: usize, eLen: i32, sig: usize, sigLen: i32): i32 {
  const ns = skipZeros(n, nLen);
  const k = nLen - ns;
  if (k == 0 || k > RSA_MAX_BYTES || sigLen != k) return 0;
  if (!M.setModulusBytes(n + ns, k)) return 0;
  const L = M.k;
  const es = skipZeros(e, eLen);
  if (eLen - es == 0 || eLen - es > k) return 0;
  if (!bnFromBytes(E, L, e + es, eLen - es)) return 0;
  if (bnCmp(E, M.n, L) >= 0) return 0;
  if (bnBitLen(E, L) < 2) return 0; // e = 1 is no signature at all
  if (!bnFromBytes(S, L, sig, sigLen)) return 0;
  if (bnCmp(S, M.n, L) >= 0) return 0;
  M.toMont(S, S);
  M.pow(S, S, E, (bnBitLen(E, L) + 31) >> 5);
  M.fromMont(S, S);
  bnToBytes(EM, k, S, L);
  return k;
}

/** PKCS#1 v1.5 verification against a precomputed hash at `h` (hashLen(alg) bytes). */
export function verifyRsaPkcs1Digest(alg: i32, n: usize, nLen: i32, e: usize, eLen: i32, h: usize, sig: usize, sigLen: i32): bool {
  const hl = hashLen(alg);
  if (hl == 0) return false;
  const di = alg == HashAlg.SHA256 ? DI256 : alg == HashAlg.SHA384 ? DI384 : DI512;
  const tLen = di.length + hl;
  const k = rsavp1(n, nLen, e, eLen, sig, sigLen);
  if (k == 0 || k < tLen + 11) return false;
  // EM = 00 01 FF..FF 00 || DigestInfo || H
  if (load<u8>(EM) != 0 || load<u8>(EM + 1) != 1) return false;
  const psEnd = k - tLen - 1;
  for (let i = 2; i < psEnd; i++) if (load<u8>(EM + i) != 0xff) return false;
  if (load<u8>(EM + psEnd) != 0) return false;
  if (memory.compare(EM + psEnd + 1, changetype<usize>(di), di.length) != 0) return false;
  return memory.compare(EM + k - hl, h, hl) == 0;
}

/** PKCS#1 v1.5 verification of `msg` (hashed with `alg`). */
export function verifyRsaPkcs1(alg: i32, n: usize, nLen: i32, e: usize, eLen: i32, msg: usize, msgLen: i32, sig: usize, sigLen: i32): bool {
  if (hashLen(alg) == 0) return false;
  digest(alg, msg, msgLen, MHASH);
  return verifyRsaPkcs1Digest(alg, n, nLen, e, eLen, MHASH, sig, sigLen);
}

/** PSS verification against a precomputed hash `h`; `sLen` salt bytes, `mgfAlg` MGF1 hash. */
export function verifyRsaPssDigest(alg: i32, n: usize, nLen: i32, e: usize, eLen: i32, h: usize, sig: usize, sigLen: i32, sLen: i32, mgfAlg: i32): bool {
  const hl = hashLen(alg);
  const ml = hashLen(mgfAlg);
  if (hl == 0 || ml == 0 || sLen < 0 || sLen > RSA_MAX_BYTES) return false;
  const k = rsavp1(n, nLen, e, eLen, sig, sigLen);
  if (k == 0) return false;
  const modBits = bnBitLen(M.n, M.k);
  const emBits = modBits - 1;
  const emLen = (emBits + 7) >> 3;
  // I2OSP(m, emLen): when emLen == k - 1 the top byte must be zero
  let em = EM;
  if (emLen < k) {
    if (load<u8>(EM) != 0) return false;
    em = EM + 1;
  }
  if (emLen < hl + sLen + 2) return false;
  if (load<u8>(em + emLen - 1) != 0xbc) return false;
  const dbLen = emLen - hl - 1;
  const H = em + dbLen;
  const topMask = <u8>(<u32>0xff >> <u32>(8 * emLen - emBits));
  if ((load<u8>(em) & ~topMask) != 0) return false;
  // DB = maskedDB xor MGF1(H, dbLen), in place
  let done = 0;
  let counter: u32 = 0;
  while (done < dbLen) {
    store<u32>(CTR, bswap<u32>(counter));
    hashInit(mgfAlg); hashUpdate(mgfAlg, H, hl); hashUpdate(mgfAlg, CTR, 4); hashFinal(mgfAlg, HBUF);
    const take = min(ml, dbLen - done);
    for (let i = 0; i < take; i++) store<u8>(em + done + i, load<u8>(em + done + i) ^ load<u8>(HBUF + i));
    done += take;
    counter++;
  }
  store<u8>(em, load<u8>(em) & topMask);
  const psLen = emLen - hl - sLen - 2;
  for (let i = 0; i < psLen; i++) if (load<u8>(em + i) != 0) return false;
  if (load<u8>(em + psLen) != 1) return false;
  // H' = Hash(00*8 || mHash || salt)
  memory.fill(ZEROS, 0, 8);
  hashInit(alg); hashUpdate(alg, ZEROS, 8); hashUpdate(alg, h, hl); hashUpdate(alg, em + dbLen - sLen, sLen); hashFinal(alg, HBUF);
  return memory.compare(HBUF, H, hl) == 0;
}

/** PSS verification of `msg`. JOSE PS256/384/512: sLen = hashLen(alg), mgfAlg = alg. */
export function verifyRsaPss(alg: i32, n: usize, nLen: i32, e: usize, eLen: i32, msg: usize, msgLen: i32, sig: usize, sigLen: i32, sLen: i32, mgfAlg: i32): bool {
  if (hashLen(alg) == 0) return false;
  digest(alg, msg, msgLen, MHASH);
  return verifyRsaPssDigest(alg, n, nLen, e, eLen, MHASH, sig, sigLen, sLen, mgfAlg);
}

