/**
 * Arena: per-request scratch memory whose addresses stay valid until `reset()`.
 *
 * The request model keeps byte views (pointer + length); values it has to derive (decoded
 * arguments, numbers rendered as text, TX values) are written here. Chunks are kept across
 * requests, so a VM in steady state allocates nothing. Never grows an existing chunk (addresses
 * would move); a request bigger than a chunk gets a dedicated chunk.
 * Example: const p = arena.alloc(n); memory.copy(p, src, n); … arena.reset();
 */
export const CHUNK = 16384;

export class Arena {
  chunks: Array<ArrayBuffer> = [];
  cur: i32 = -1;
  off: i32 = 0;
  /** bytes handed out since the last reset (for limits and tests) */
  used: i32 = 0;

  /** the current chunk's next free byte and end (0, 0 when there is none) */
  private next: usize = 0;
  private end: usize = 0;

  reset(): void {
    this.cur = this.chunks.length ? 0 : -1; this.off = 0; this.used = 0;
    if (this.cur == 0) { this.next = changetype<usize>(this.chunks[0]); this.end = this.next + <usize>this.chunks[0].byteLength; }
    else { this.next = 0; this.end = 0; }
  }

  /** `n` bytes (n >= 0), 8-byte aligned start. */
  alloc(n: i32): usize {
    if (n < 0) n = 0;
    this.used += n;
    const need = (n + 7) & ~7;
    const p = this.next;
    if (p != 0 && p + <usize>need <= this.end) {
      this.next = p + <usize>need;
      this.off += need;
      return p;
    }
    return this.allocSlow(need);
  }

  private allocSlow(need: i32): usize {
    // next kept chunk large enough, else a new one
    let i = this.cur + 1;
    while (i < this.chunks.length && this.chunks[i].byteLength < need) i++;
    if (i >= this.chunks.length) {
      this.chunks.push(new ArrayBuffer(need > CHUNK ? need : CHUNK));
      i = this.chunks.length - 1;
    } else if (i != this.cur + 1) {
      // move the found chunk to cur+1 so later allocations keep the order
      const t = this.chunks[i]; this.chunks[i] = this.chunks[this.cur + 1]; this.chunks[this.cur + 1] = t;
      i = this.cur + 1;
    }
    this.cur = i;
    this.off = need;
    const base = changetype<usize>(this.chunks[i]);
    this.next = base + <usize>need; this.end = base + <usize>this.chunks[i].byteLength;
    return base;
  }

  copy(p: usize, n: i32): usize {
    const d = this.alloc(n);
    memory.copy(d, p, n);
    return d;
  }

  /** Decimal text of v; returns the pointer, the length is `lastLen`. */
  lastLen: i32 = 0;
  decimal(v: i64): usize {
    const p = this.alloc(20);
    this.lastLen = writeDecimal(p, v);
    return p;
  }
  str(s: string): usize {
    const b = String.UTF8.encode(s);
    this.lastLen = b.byteLength;
    return this.copy(changetype<usize>(b), b.byteLength);
  }
}

/** Writes the decimal text of v at p (room for 20 bytes); returns its length. No allocation. */
export function writeDecimal(p: usize, v: i64): i32 {
  if (v == 0) { store<u8>(p, 0x30); return 1; }
  const neg = v < 0;
  // i64.MIN_VALUE has no positive counterpart: work on the unsigned magnitude
  let u: u64 = neg ? <u64>(0 - v) : <u64>v;
  let n = 0;
  const tmp = p + 20;
  while (u != 0) { n++; store<u8>(tmp - n, <u8>(0x30 + <i32>(u % 10))); u /= 10; }
  let k = 0;
  if (neg) { store<u8>(p, 0x2d); k = 1; }
  memory.copy(p + k, tmp - n, n);
  return n + k;
}

/** A list of (key, value) byte views. */
export class KV {
  kp: StaticArray<usize> = new StaticArray<usize>(16);
  kl: StaticArray<i32> = new StaticArray<i32>(16);
  vp: StaticArray<usize> = new StaticArray<usize>(16);
  vl: StaticArray<i32> = new StaticArray<i32>(16);
  count: i32 = 0;

  @inline reset(): void { this.count = 0; }

  add(kp: usize, kl: i32, vp: usize, vl: i32): void {
    if (this.count == this.kp.length) this.grow();
    const i = this.count++;
    unchecked(this.kp[i] = kp); unchecked(this.kl[i] = kl);
    unchecked(this.vp[i] = vp); unchecked(this.vl[i] = vl);
  }

  private grow(): void {
    const n = this.kp.length << 1;
    const kp = new StaticArray<usize>(n), kl = new StaticArray<i32>(n), vp = new StaticArray<usize>(n), vl = new StaticArray<i32>(n);
    for (let i = 0; i < this.count; i++) { kp[i] = this.kp[i]; kl[i] = this.kl[i]; vp[i] = this.vp[i]; vl[i] = this.vl[i]; }
    this.kp = kp; this.kl = kl; this.vp = vp; this.vl = vl;
  }

  /** Number of items whose key equals `lkey` (lower case) ignoring ASCII case. */
  countKey(lkey: ArrayBuffer): i32 {
    let c = 0;
    for (let i = 0; i < this.count; i++) if (keyEquals(unchecked(this.kp[i]), unchecked(this.kl[i]), lkey)) c++;
    return c;
  }

  /** First index with key `lkey` (ignoring ASCII case) from `from`, or -1. */
  find(lkey: ArrayBuffer, from: i32 = 0): i32 {
    for (let i = from; i < this.count; i++) if (keyEquals(unchecked(this.kp[i]), unchecked(this.kl[i]), lkey)) return i;
    return -1;
  }
}

/** [p, p+n) equals `lower` (already lower case) ignoring ASCII case. */
export function keyEquals(p: usize, n: i32, lower: ArrayBuffer): bool {
  if (n != lower.byteLength) return false;
  const q = changetype<usize>(lower);
  for (let i = 0; i < n; i++) {
    let c = <u32>load<u8>(p + i);
    if (c - 0x41 < 26) c |= 0x20;
    if (c != <u32>load<u8>(q + i)) return false;
  }
  return true;
}
