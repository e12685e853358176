/** SHA-1 (FIPS 180-4 §6.1), one-shot over [p, p+n), 20-byte digest written at `out`. Own code. */
const W = new StaticArray<u32>(80);
const H = new StaticArray<u32>(5);
const BLOCK = new StaticArray<u8>(128);

function block(p: usize): void {
  const w = changetype<usize>(W);
  for (let t = 0; t < 16; t++) store<u32>(w + (<usize>t << 2), bswap<u32>(load<u32>(p + (<usize>t << 2))));
  for (let t = 16; t < 80; t++) {
    const q = w + (<usize>t << 2);
    store<u32>(q, rotl<u32>(load<u32>(q - 12) ^ load<u32>(q - 32) ^ load<u32>(q - 56) ^ load<u32>(q - 64), 1));
  }
  const h = changetype<usize>(H);
  let a = load<u32>(h), b = load<u32>(h, 4), c = load<u32>(h, 8), d = load<u32>(h, 12), e = load<u32>(h, 16);
  for (let t = 0; t < 80; t++) {
    let f: u32, k: u32;
    if (t < 20) { f = (b & c) | (~b & d); k = 0x5a827999; }
    else if (t < 40) { f = b ^ c ^ d; k = 0x6ed9eba1; }
    else if (t < 60) { f = (b & c) | (b & d) | (c & d); k = 0x8f1bbcdc; }
    else { f = b ^ c ^ d; k = 0xca62c1d6; }
    const tmp = rotl<u32>(a, 5) + f + e + k + load<u32>(w + (<usize>t << 2));
    e = d; d = c; c = rotl<u32>(b, 30); b = a; a = tmp;
  }
  store<u32>(h, load<u32>(h) + a); store<u32>(h, load<u32>(h, 4) + b, 4); store<u32>(h, load<u32>(h, 8) + c, 8);
  store<u32>(h, load<u32>(h, 12) + d, 12); store<u32>(h, load<u32>(h, 16) + e, 16);
}

export function sha1(p: usize, n: i32, out: usize): void {
  H[0] = 0x67452301; H[1] = 0xefcdab89; H[2] = 0x98badcfe; H[3] = 0x10325476; H[4] = 0xc3d2e1f0;
  let i = 0;
  for (; i + 64 <= n; i += 64) block(p + i);
  const r = n - i; const bp = changetype<usize>(BLOCK);
  memory.fill(bp, 0, 128);
  memory.copy(bp, p + i, r);
  store<u8>(bp + r, 0x80);
  const total = r < 56 ? 64 : 128;
  store<u64>(bp + total - 8, bswap<u64>(<u64>n << 3));
  block(bp);
  if (total == 128) block(bp + 64);
  for (let k = 0; k < 5; k++) store<u32>(out + (k << 2), bswap<u32>(H[k]));
}
