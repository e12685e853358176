/**
 * Per-request transformation cache: (transformation-chain node, value address, value length) →
 * transformed bytes in the arena. Rules sharing a prefix of their transformation list share trie
 * nodes (built at configure time), so `t:urlDecodeUni,t:lowercase` of one ARGS value is computed
 * once per request however many rules ask for it. Entries are invalidated by bumping the
 * generation (no clearing per request). Values that can change during a request (TX, MATCHED_*)
 * are never cached. Bounded: when full, results are simply not cached.
 */
export const CACHE_SIZE = 4096; // power of two

export class TCache {
  node: StaticArray<i32> = new StaticArray<i32>(CACHE_SIZE);
  vptr: StaticArray<usize> = new StaticArray<usize>(CACHE_SIZE);
  vlen: StaticArray<i32> = new StaticArray<i32>(CACHE_SIZE);
  gen: StaticArray<u32> = new StaticArray<u32>(CACHE_SIZE);
  rptr: StaticArray<usize> = new StaticArray<usize>(CACHE_SIZE);
  rlen: StaticArray<i32> = new StaticArray<i32>(CACHE_SIZE);
  changed: StaticArray<bool> = new StaticArray<bool>(CACHE_SIZE);
  cur: u32 = 1;
  used: i32 = 0;
  hits: i32 = 0;
  misses: i32 = 0;
  /** result of the last successful `get` */
  outPtr: usize = 0;
  outLen: i32 = 0;
  outChanged: bool = false;

  newRequest(): void {
    this.cur++;
    if (this.cur == 0) { for (let i = 0; i < CACHE_SIZE; i++) this.gen[i] = 0; this.cur = 1; }
    this.used = 0; this.hits = 0; this.misses = 0;
  }

  @inline private slot(node: i32, p: usize, n: i32): i32 {
    let h = <u32>node * 0x9e3779b1 ^ <u32>p * 0x85ebca6b ^ <u32>n * 0xc2b2ae35;
    h ^= h >> 15;
    return <i32>(h & (CACHE_SIZE - 1));
  }

  get(node: i32, p: usize, n: i32): bool {
    let s = this.slot(node, p, n);
    for (let probe = 0; probe < 8; probe++) {
      if (unchecked(this.gen[s]) != this.cur) break;
      if (unchecked(this.node[s]) == node && unchecked(this.vptr[s]) == p && unchecked(this.vlen[s]) == n) {
        this.outPtr = unchecked(this.rptr[s]); this.outLen = unchecked(this.rlen[s]); this.outChanged = unchecked(this.changed[s]);
        this.hits++;
        return true;
      }
      s = (s + 1) & (CACHE_SIZE - 1);
    }
    this.misses++;
    return false;
  }

  put(node: i32, p: usize, n: i32, rp: usize, rn: i32, changed: bool): void {
    if (this.used >= CACHE_SIZE / 2) return;
    let s = this.slot(node, p, n);
    for (let probe = 0; probe < 8; probe++) {
      if (unchecked(this.gen[s]) != this.cur) {
        unchecked(this.gen[s] = this.cur); unchecked(this.node[s] = node);
        unchecked(this.vptr[s] = p); unchecked(this.vlen[s] = n);
        unchecked(this.rptr[s] = rp); unchecked(this.rlen[s] = rn); unchecked(this.changed[s] = changed);
        this.used++;
        return;
      }
      s = (s + 1) & (CACHE_SIZE - 1);
    }
  }
}
