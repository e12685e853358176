// SHA-256 (FIPS 180-4), streaming and one-shot, over raw memory.
//
// Argument: bytes at [p, p+n); result: 32 bytes written at `out`.
// State lives in the context object (allocated once), so hashing allocates nothing.
// Example:
//   sha256(msgPtr, msgLen, outPtr);                       // one shot
//   SHA256.reset(); SHA256.update(a, na); SHA256.update(b, nb); SHA256.final(outPtr);

const K256: StaticArray<u32> = [
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];

export class Sha256 {
  h: StaticArray<u32> = new StaticArray<u32>(8);
  w: StaticArray<u32> = new StaticArray<u32>(64);
  buf: StaticArray<u8> = new StaticArray<u8>(64);
  bufLen: i32 = 0;
  total: u64 = 0;

  constructor() { this.reset(); }

  reset(): void {
    const h = changetype<usize>(this.h);
    store<u32>(h, 0x6a09e667); store<u32>(h, 0xbb67ae85, 4);
    store<u32>(h, 0x3c6ef372, 8); store<u32>(h, 0xa54ff53a, 12);
    store<u32>(h, 0x510e527f, 16); store<u32>(h, 0x9b05688c, 20);
    store<u32>(h, 0x1f83d9ab, 24); store<u32>(h, 0x5be0cd19, 28);
    this.bufLen = 0;
    this.total = 0;
  }

  private block(p: usize): void {
    const w = changetype<usize>(this.w);
    const k = changetype<usize>(K256);
    for (let i = 0; i < 16; i++) store<u32>(w + (<usize>i << 2), bswap<u32>(load<u32>(p + (<usize>i << 2))));
    for (let i = 16; i < 64; i++) {
      const x = load<u32>(w + (<usize>(i - 15) << 2));
      const y = load<u32>(w + (<usize>(i - 2) << 2));
      const s0 = rotr<u32>(x, 7) ^ rotr<u32>(x, 18) ^ (x >>> 3);
      const s1 = rotr<u32>(y, 17) ^ rotr<u32>(y, 19) ^ (y >>> 10);
      store<u32>(w + (<usize>i << 2), load<u32>(w + (<usize>(i - 16) << 2)) + s0 + load<u32>(w + (<usize>(i - 7) << 2)) + s1);
    }
    const h = changetype<usize>(this.h);
    let a = load<u32>(h), b = load<u32>(h, 4), c = load<u32>(h, 8), d = load<u32>(h, 12);
    let e = load<u32>(h, 16), f = load<u32>(h, 20), g = load<u32>(h, 24), hh = load<u32>(h, 28);
    for (let i = 0; i < 64; i++) {
      const S1 = rotr<u32>(e, 6) ^ rotr<u32>(e, 11) ^ rotr<u32>(e, 25);
      const ch = (e & f) ^ (~e & g);
      const t1 = hh + S1 + ch + load<u32>(k + (<usize>i << 2)) + load<u32>(w + (<usize>i << 2));
      const S0 = rotr<u32>(a, 2) ^ rotr<u32>(a, 13) ^ rotr<u32>(a, 22);
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = S0 + maj;
      hh = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
    }
    store<u32>(h, load<u32>(h) + a); store<u32>(h, load<u32>(h, 4) + b, 4);
    store<u32>(h, load<u32>(h, 8) + c, 8); store<u32>(h, load<u32>(h, 12) + d, 12);
    store<u32>(h, load<u32>(h, 16) + e, 16); store<u32>(h, load<u32>(h, 20) + f, 20);
    store<u32>(h, load<u32>(h, 24) + g, 24); store<u32>(h, load<u32>(h, 28) + hh, 28);
  }

  update(p: usize, n: i32): void {
    if (n <= 0) return;
    this.total += <u64>n;
    const buf = changetype<usize>(this.buf);
    let i = 0;
    if (this.bufLen > 0) {
      const take = min(64 - this.bufLen, n);
      memory.copy(buf + this.bufLen, p, take);
      this.bufLen += take; i = take;
      if (this.bufLen < 64) return;
      this.block(buf);
      this.bufLen = 0;
    }
    while (n - i >= 64) { this.block(p + i); i += 64; }
    if (i < n) { memory.copy(buf, p + i, n - i); this.bufLen = n - i; }
  }

  /** Writes the 32-byte digest at `out` and resets the context. */
  final(out: usize): void {
    const buf = changetype<usize>(this.buf);
    const bits = this.total << 3;
    let l = this.bufLen;
    store<u8>(buf + l, 0x80); l++;
    if (l > 56) { memory.fill(buf + l, 0, 64 - l); this.block(buf); l = 0; }
    memory.fill(buf + l, 0, 56 - l);
    store<u64>(buf + 56, bswap<u64>(bits));
    this.block(buf);
    const h = changetype<usize>(this.h);
    for (let i = 0; i < 8; i++) store<u32>(out + (<usize>i << 2), bswap<u32>(load<u32>(h + (<usize>i << 2))));
    this.reset();
  }
}

export const SHA256 = new Sha256();

/** One-shot SHA-256 of [p, p+n) into 32 bytes at `out`. */
export function sha256(p: usize, n: i32, out: usize): void {
  SHA256.reset();
  SHA256.update(p, n);
  SHA256.final(out);
}
