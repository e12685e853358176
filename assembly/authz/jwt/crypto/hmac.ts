// HMAC (RFC 2104) over SHA-256/384/512 for HS256/HS384/HS512, allocation-free.
//
// hmac(alg, keyPtr, keyLen, msgPtr, msgLen, out): writes hashLen(alg) bytes at `out`.
// verifyHmac(alg, key, keyLen, msg, msgLen, mac, macLen): true iff macLen == hashLen(alg) and the
// MAC matches (compared without early exit; the key is the secret here).
// Keys longer than the block are hashed first, as the RFC says.
// Example: hmac(HashAlg.SHA256, k, 20, m, 8, out)  // RFC 4231 test case 1

import { HashAlg, hashLen, hashBlockLen, hashInit, hashUpdate, hashFinal } from "./hash";

const PAD = memory.data(128);
const KEYH = memory.data(64);
const INNER = memory.data(64);
const MAC = memory.data(64);

export function hmac(alg: i32, key: usize, keyLen: i32, msg: usize, msgLen: i32, out: usize): void {
  const bl = hashBlockLen(alg);
  const hl = hashLen(alg);
  if (hl == 0) return;
  let k = key, kl = keyLen;
  if (kl > bl) {
    hashInit(alg); hashUpdate(alg, key, keyLen); hashFinal(alg, KEYH);
    k = KEYH; kl = hl;
  }
  for (let i = 0; i < bl; i++) store<u8>(PAD + i, (i < kl ? load<u8>(k + i) : 0) ^ 0x36);
  hashInit(alg); hashUpdate(alg, PAD, bl); hashUpdate(alg, msg, msgLen); hashFinal(alg, INNER);
  for (let i = 0; i < bl; i++) store<u8>(PAD + i, load<u8>(PAD + i) ^ (0x36 ^ 0x5c));
  hashInit(alg); hashUpdate(alg, PAD, bl); hashUpdate(alg, INNER, hl); hashFinal(alg, out);
  memory.fill(PAD, 0, 128);
  memory.fill(KEYH, 0, 64);
}

export function verifyHmac(alg: i32, key: usize, keyLen: i32, msg: usize, msgLen: i32, mac: usize, macLen: i32): bool {
  const hl = hashLen(alg);
  if (hl == 0 || macLen != hl) return false;
  hmac(alg, key, keyLen, msg, msgLen, MAC);
  let diff: u32 = 0;
  for (let i = 0; i < hl; i++) diff |= <u32>(load<u8>(MAC + i) ^ load<u8>(mac + i));
  return diff == 0;
}

// keep HashAlg importable from here for callers that only need HMAC
export { HashAlg };
