/**
 * Per-request transformation cache: (transformation-chain node, value address, value length) →
 * transformed bytes in the arena. Rules sharing a prefix of their transformation list share trie
 * nodes (built at configure time), so `t:urlDecodeUni,t:lowercase` of one ARGS value is computed
 * once per request however many rules ask for it. Entries are invalidated by bumping the
 * generation (no clearing per request). Values that can change during a request (TX, MATCHED_*)
 * are never cached. Starts at CACHE_SIZE slots and doubles (kept across requests) up to CACHE_MAX
 * when a request needs more; when that is full, results are simply not cached.
 */
export const CACHE_SIZE = 4096; // initial slots (power of two)
export const CACHE_MAX = 1 << 16; // slots at most (about 1.6 MiB); beyond half of it results are not cached

export class TCache {
  node: StaticArray<i32> = new StaticArray<i32>(CACHE_SIZE);
  vptr: StaticArray<usize> = new StaticArray<usize>(CACHE_SIZE);
  vlen: StaticArray<i32> = new StaticArray<i32>(CACHE_SIZE);
  gen: StaticArray<u32> = new StaticArray<u32>(CACHE_SIZE);
  rptr: StaticArray<usize> = new StaticArray<usize>(CACHE_SIZE);
  rlen: StaticArray<i32> = new StaticArray<i32>(CACHE_SIZE);
  changed: StaticArray<bool> = new StaticArray<bool>(CACHE_SIZE);
  /** slots - 1 */
  mask: i32 = CACHE_SIZE - 1;
  cur: u32 = 1;
  used: i32 = 0;
  /** transformation steps served from the cache / computed, in this request (tests, bench) */
  hits: i32 = 0;
  misses: i32 = 0;
  /** result of the last successful `get` */
  outPtr: usize = 0;
  outLen: i32 = 0;
  outChanged: bool = false;

  newRequest(): void {
    this.cur++;
    if (this.cur == 0) { memory.fill(changetype<usize>(this.gen), 0, <usize>this.gen.length << 2); this.cur = 1; }
    this.used = 0; this.hits = 0; this.misses = 0;
  }

  @inline private slot(node: i32, p: usize, n: i32): i32 {
    let h = <u32>node * 0x9e3779b1 ^ <u32>p * 0x85ebca6b ^ <u32>n * 0xc2b2ae35;
    h ^= h >> 15;
    return <i32>(h & <u32>this.mask);
  }

  get(node: i32, p: usize, n: i32): bool {
    if (this.find(node, p, n, 1)) return true;
    this.misses++;
    return false;
  }

  /**
   * The result of a whole chain of `steps` transformations (`node` = its last trie node), without
   * counting a miss (the caller then walks the chain step by step with `get`): one probe serves
   * every step, counted as `steps` hits.
   */
  getChain(node: i32, p: usize, n: i32, steps: i32): bool { return this.find(node, p, n, steps); }

  private find(node: i32, p: usize, n: i32, steps: i32): bool {
    let s = this.slot(node, p, n);
    const mask = this.mask;
    for (let probe = 0; probe < 8; probe++) {
      if (unchecked(this.gen[s]) != this.cur) break;
      if (unchecked(this.node[s]) == node && unchecked(this.vptr[s]) == p && unchecked(this.vlen[s]) == n) {
        this.outPtr = unchecked(this.rptr[s]); this.outLen = unchecked(this.rlen[s]); this.outChanged = unchecked(this.changed[s]);
        this.hits += steps;
        return true;
      }
      s = (s + 1) & mask;
    }
    return false;
  }

  put(node: i32, p: usize, n: i32, rp: usize, rn: i32, changed: bool): void {
    if (this.used >= (this.mask + 1) >> 1) {
      if (this.mask + 1 >= CACHE_MAX) return;
      this.grow();
    }
    this.insert(node, p, n, rp, rn, changed);
  }

  private insert(node: i32, p: usize, n: i32, rp: usize, rn: i32, changed: bool): void {
    let s = this.slot(node, p, n);
    const mask = this.mask;
    for (let probe = 0; probe < 8; probe++) {
      if (unchecked(this.gen[s]) != this.cur) {
        unchecked(this.gen[s] = this.cur); unchecked(this.node[s] = node);
        unchecked(this.vptr[s] = p); unchecked(this.vlen[s] = n);
        unchecked(this.rptr[s] = rp); unchecked(this.rlen[s] = rn); unchecked(this.changed[s] = changed);
        this.used++;
        return;
      }
      s = (s + 1) & mask;
    }
  }

  /** Doubles the table (kept for later requests: a VM grows it once to what its requests need). */
  private grow(): void {
    const oNode = this.node, oVptr = this.vptr, oVlen = this.vlen, oGen = this.gen, oRptr = this.rptr, oRlen = this.rlen, oCh = this.changed;
    const size = (this.mask + 1) << 1;
    this.node = new StaticArray<i32>(size); this.vptr = new StaticArray<usize>(size); this.vlen = new StaticArray<i32>(size);
    this.gen = new StaticArray<u32>(size); this.rptr = new StaticArray<usize>(size); this.rlen = new StaticArray<i32>(size);
    this.changed = new StaticArray<bool>(size);
    this.mask = size - 1;
    this.used = 0;
    for (let i = 0; i < oGen.length; i++) {
      if (unchecked(oGen[i]) != this.cur) continue;
      this.insert(unchecked(oNode[i]), unchecked(oVptr[i]), unchecked(oVlen[i]), unchecked(oRptr[i]), unchecked(oRlen[i]), unchecked(oCh[i]));
    }
  }
}
