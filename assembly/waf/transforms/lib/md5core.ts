/**
 * MD5 (RFC 1321), one-shot over [p, p+n), 16-byte digest written at `out`. Own implementation:
 * the per-round shift amounts and the sine-derived constants are computed from RFC 1321 §3.4.
 */
const S: StaticArray<u32> = [7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
  5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
  4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
  6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21];
const K = new StaticArray<u32>(64);
let kReady = false;
const BLOCK = new StaticArray<u8>(128);

function initK(): void {
  for (let i = 0; i < 64; i++) K[i] = <u32>(<u64>Math.floor(Math.abs(Math.sin(<f64>(i + 1))) * 4294967296.0));
  kReady = true;
}

function block(p: usize, st: StaticArray<u32>): void {
  let a = st[0], b = st[1], c = st[2], d = st[3];
  for (let i = 0; i < 64; i++) {
    let f: u32, g: i32;
    if (i < 16) { f = (b & c) | (~b & d); g = i; }
    else if (i < 32) { f = (d & b) | (~d & c); g = (5 * i + 1) & 15; }
    else if (i < 48) { f = b ^ c ^ d; g = (3 * i + 5) & 15; }
    else { f = c ^ (b | ~d); g = (7 * i) & 15; }
    const t = d; d = c; c = b;
    b = b + rotl<u32>(a + f + unchecked(K[i]) + load<u32>(p + (<usize>g << 2)), unchecked(S[i]));
    a = t;
  }
  st[0] += a; st[1] += b; st[2] += c; st[3] += d;
}

const ST = new StaticArray<u32>(4);
export function md5(p: usize, n: i32, out: usize): void {
  if (!kReady) initK();
  ST[0] = 0x67452301; ST[1] = 0xefcdab89; ST[2] = 0x98badcfe; ST[3] = 0x10325476;
  let i = 0;
  for (; i + 64 <= n; i += 64) block(p + i, ST);
  const r = n - i; const bp = changetype<usize>(BLOCK);
  memory.fill(bp, 0, 128);
  memory.copy(bp, p + i, r);
  store<u8>(bp + r, 0x80);
  const total = r < 56 ? 64 : 128;
  store<u64>(bp + total - 8, <u64>n << 3);   // little endian bit length
  block(bp, ST);
  if (total == 128) block(bp + 64, ST);
  for (let k = 0; k < 4; k++) store<u32>(out + (k << 2), ST[k]);
}
