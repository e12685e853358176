// Lazy DFA over a byte-level NFA program (compile.ts), built one transition at a time while
// searching, with a bounded cache.
//
// A DFA state is (context of the previous byte, ordered list of NFA instructions): the order is
// thread priority, so cutting the list at the first MATCH gives leftmost-first semantics (forward
// search); the reverse DFA runs in "longest" mode (no cut) to find the leftmost start of a match
// that ends at a known position. Empty-width assertions stay pending in a state until the next
// byte (or the end of text) is known; a transition on byte b first resolves them with
// (previous context, context of b), then steps over b. The "match before this byte" bit is
// carried in the transition entry: entry = targetState*stride | matchBit; -1 = not computed yet;
// state 0 is the dead state.
//
// Cache: at most maxStates states (table budget TABLE_BUDGET bytes) and POOL_BUDGET instruction
// slots; when full the cache is cleared and the search goes on. When clears come too fast (fewer
// than 10 bytes scanned per state built, twice in one search), the search answers DFA_GAVE_UP
// and the caller falls back to the Pike VM (still linear).
//
// Example: new Dfa(prog, false).searchFwd(p, n, true) → ≥ 0 if there is a match.

import { Prog, OP_BYTE, OP_SET, OP_SPLIT, OP_SAVE, OP_ASSERT, OP_NOP, OP_MATCH, CTX_EDGE, assertOk } from "./compile";

export const DFA_GAVE_UP: i32 = -2;
const FULL: i32 = -3;
export const TABLE_BUDGET: i32 = 1 << 20;
export const POOL_BUDGET: i32 = 1 << 18;

class SparseSet {
  dense: StaticArray<i32>;
  sparse: StaticArray<i32>;
  n: i32 = 0;
  constructor(size: i32) { this.dense = new StaticArray<i32>(size); this.sparse = new StaticArray<i32>(size); }
  @inline has(pc: i32): bool {
    const k = unchecked(this.sparse[pc]);
    return k < this.n && unchecked(this.dense[k]) == pc;
  }
  @inline add(pc: i32): void {
    const k = this.n++;
    unchecked(this.dense[k] = pc);
    unchecked(this.sparse[pc] = k);
  }
}

export class Dfa {
  prog: Prog;
  longest: bool;
  ncls: i32;
  stride: i32;
  maxStates: i32;
  table: usize = 0;
  tableCap: i32 = 0; // states the table has room for
  nstates: i32 = 0;
  stCtx: Array<i32> = new Array<i32>();
  stOff: Array<i32> = new Array<i32>();
  stLen: Array<i32> = new Array<i32>();
  pool: StaticArray<i32> = new StaticArray<i32>(0);
  poolLen: i32 = 0;
  hash: StaticArray<i32> = new StaticArray<i32>(0); // state id + 1, 0 = empty
  starts: StaticArray<i32> = new StaticArray<i32>(16);
  ready: bool = false;
  // scratch
  setA: SparseSet | null = null;
  setB: SparseSet | null = null;
  src: StaticArray<i32> = new StaticArray<i32>(0);
  stack: Array<i32> = new Array<i32>();
  // thrash detection
  lastResetPos: i32 = 0;
  thrash: i32 = 0;
  /** number of cache clears so far (for tests and the bench) */
  resets: i32 = 0;

  constructor(prog: Prog, longest: bool) {
    this.prog = prog;
    this.longest = longest;
    this.ncls = prog.nclasses;
    this.stride = (prog.nclasses + 2) & ~1; // classes + end-of-text column, even
    this.maxStates = min(10000, max(16, TABLE_BUDGET / (this.stride * 4)));
  }

  private init(): void {
    const size = this.prog.count;
    this.setA = new SparseSet(size);
    this.setB = new SparseSet(size);
    this.src = new StaticArray<i32>(size);
    this.ready = true;
    this.reset();
  }

  private reset(): void {
    this.nstates = 0;
    this.poolLen = 0;
    this.stCtx.length = 0; this.stOff.length = 0; this.stLen.length = 0;
    if (this.hash.length == 0) this.hash = new StaticArray<i32>(64);
    else memory.fill(changetype<usize>(this.hash), 0, <usize>this.hash.length << 2);
    for (let i = 0; i < 16; i++) this.starts[i] = -1;
    // dead state 0
    this.setB!.n = 0;
    this.addState(0, this.setB!.dense, 0);
    const row = this.table;
    for (let c = 0; c < this.stride; c++) store<i32>(row + (<usize>c << 2), 0);
  }

  private hashOf(ctx: i32, list: StaticArray<i32>, len: i32): u32 {
    let h: u32 = 2166136261 ^ <u32>ctx;
    for (let i = 0; i < len; i++) h = (h ^ <u32>unchecked(list[i])) * 16777619;
    return h;
  }

  private same(id: i32, ctx: i32, list: StaticArray<i32>, len: i32): bool {
    if (this.stCtx[id] != ctx || this.stLen[id] != len) return false;
    const off = this.stOff[id];
    for (let i = 0; i < len; i++) if (unchecked(this.pool[off + i]) != unchecked(list[i])) return false;
    return true;
  }

  /** Finds or adds the state; returns its id, or FULL when the cache has no room. */
  private addState(ctx: i32, list: StaticArray<i32>, len: i32): i32 {
    const mask = this.hash.length - 1;
    let h = <i32>(this.hashOf(ctx, list, len) & <u32>mask);
    while (true) {
      const v = unchecked(this.hash[h]);
      if (v == 0) break;
      if (this.same(v - 1, ctx, list, len)) return v - 1;
      h = (h + 1) & mask;
    }
    if (this.nstates >= this.maxStates || this.poolLen + len > POOL_BUDGET) return FULL;
    const id = this.nstates++;
    // pool
    if (this.poolLen + len > this.pool.length) {
      let cap = max(1024, this.pool.length * 2);
      while (cap < this.poolLen + len) cap *= 2;
      const np = new StaticArray<i32>(cap);
      memory.copy(changetype<usize>(np), changetype<usize>(this.pool), <usize>this.poolLen << 2);
      this.pool = np;
    }
    const off = this.poolLen;
    memory.copy(changetype<usize>(this.pool) + (<usize>off << 2), changetype<usize>(list), <usize>len << 2);
    this.poolLen += len;
    this.stCtx.push(ctx); this.stOff.push(off); this.stLen.push(len);
    // table row
    if (id >= this.tableCap) {
      const ncap = min(this.maxStates, max(16, this.tableCap * 2));
      const bytes = <usize>ncap * <usize>this.stride * 4;
      this.table = this.table == 0 ? heap.alloc(bytes) : heap.realloc(this.table, bytes);
      this.tableCap = ncap;
    }
    const row = this.table + (<usize>id * <usize>this.stride << 2);
    memory.fill(row, 0xff, <usize>this.stride << 2);
    // hash insert (grow at 50% load)
    unchecked(this.hash[h] = id + 1);
    if (this.nstates * 2 > this.hash.length) this.rehash();
    return id;
  }

  private rehash(): void {
    const nh = new StaticArray<i32>(this.hash.length * 2);
    const mask = nh.length - 1;
    for (let id = 0; id < this.nstates; id++) {
      const off = this.stOff[id];
      let hv: u32 = 2166136261 ^ <u32>this.stCtx[id];
      for (let i = 0; i < this.stLen[id]; i++) hv = (hv ^ <u32>unchecked(this.pool[off + i])) * 16777619;
      let h = <i32>(hv & <u32>mask);
      while (unchecked(nh[h]) != 0) h = (h + 1) & mask;
      unchecked(nh[h] = id + 1);
    }
    this.hash = nh;
  }

  /** ε-closure of pc0 appended to set s, in priority order. evalAsserts: resolve with (prev,next); else keep pending. */
  private closure(pc0: i32, s: SparseSet, evalAsserts: bool, prev: i32, next: i32): void {
    const prog = this.prog;
    const st = this.stack;
    st.length = 0;
    st.push(pc0);
    while (st.length > 0) {
      const pc = st.pop();
      if (s.has(pc)) continue;
      s.add(pc);
      const op = prog.op(pc);
      if (op == OP_NOP || op == OP_SAVE) st.push(prog.out(pc));
      else if (op == OP_SPLIT) { st.push(prog.y(pc)); st.push(prog.out(pc)); }
      else if (op == OP_ASSERT && evalAsserts) {
        if (assertOk(prog.x(pc), prev, next)) st.push(prog.out(pc));
      }
    }
  }

  /** Copies the "interesting" members (byte, set, match, pending assert) of setB to the front of its dense array; returns the count. */
  private compact(s: SparseSet, keepAsserts: bool): i32 {
    const prog = this.prog;
    let k = 0;
    for (let i = 0; i < s.n; i++) {
      const pc = unchecked(s.dense[i]);
      const op = prog.op(pc);
      if (op == OP_BYTE || op == OP_SET || op == OP_MATCH || (keepAsserts && op == OP_ASSERT)) unchecked(s.dense[k++] = pc);
    }
    return k;
  }

  private startState(ctx: i32, anchored: bool): i32 {
    if (!this.ready) this.init();
    const key = ctx * 2 + (anchored ? 1 : 0);
    const v = this.starts[key];
    if (v >= 0) return v;
    for (let attempt = 0; attempt < 2; attempt++) {
      const b = this.setB!;
      b.n = 0;
      this.closure(anchored ? this.prog.start : this.prog.startU, b, false, 0, 0);
      const len = this.compact(b, true);
      const id = len == 0 ? 0 : this.addState(ctx, b.dense, len);
      if (id != FULL) {
        this.starts[key] = id * this.stride;
        return id * this.stride;
      }
      this.reset();
      this.resets++;
    }
    return FULL;
  }

  /** Computes the transition entry of state offset s on class c; FULL if the cache is full. */
  private compute(s: i32, c: i32): i32 {
    const prog = this.prog;
    const id = s / this.stride;
    const ctx = this.stCtx[id];
    const off = this.stOff[id];
    const len = this.stLen[id];
    for (let i = 0; i < len; i++) unchecked(this.src[i] = this.pool[off + i]);
    return this.computeFrom(ctx, len, c, s);
  }

  private computeFrom(ctx: i32, len: i32, c: i32, s: i32): i32 {
    const prog = this.prog;
    const b = c >= this.ncls ? -1 : prog.rep[c];
    const next = b < 0 ? CTX_EDGE : <i32>prog.ctx[b];
    const A = this.setA!, B = this.setB!;
    A.n = 0;
    for (let i = 0; i < len; i++) this.closure(unchecked(this.src[i]), A, true, ctx, next);
    B.n = 0;
    let matched = 0;
    for (let i = 0; i < A.n; i++) {
      const pc = unchecked(A.dense[i]);
      const op = prog.op(pc);
      if (op == OP_MATCH) {
        matched = 1;
        if (!this.longest) break;
        continue;
      }
      if (b < 0) continue;
      if (op == OP_BYTE) { if (b < prog.x(pc) || b > prog.y(pc)) continue; }
      else if (op == OP_SET) { if (unchecked(prog.sets[prog.x(pc)][b]) == 0) continue; }
      else continue;
      this.closure(prog.out(pc), B, false, 0, 0);
    }
    let entry: i32;
    if (b < 0) entry = matched;
    else {
      const n = this.compact(B, true);
      let tid = 0;
      if (n > 0) {
        tid = this.addState(next, B.dense, n);
        if (tid == FULL) return FULL;
      }
      entry = tid * this.stride | matched;
    }
    store<i32>(this.table + (<usize>(s + c) << 2), entry);
    return entry;
  }

  /** Slow path: compute (with cache clear on overflow). Returns the entry or DFA_GAVE_UP. */
  private slow(s: i32, c: i32, pos: i32): i32 {
    let e = this.compute(s, c);
    if (e != FULL) return e;
    // cache full: clear it, re-add the current state, retry
    const id = s / this.stride;
    const ctx = this.stCtx[id];
    const len = this.stLen[id]; // src already holds the list (compute copied it)
    const built = this.nstates;
    if (pos - this.lastResetPos < 10 * built) {
      if (++this.thrash >= 2) return DFA_GAVE_UP;
    }
    this.lastResetPos = pos;
    this.reset();
    this.resets++;
    const nid = this.addState(ctx, this.src, len);
    if (nid == FULL) return DFA_GAVE_UP;
    e = this.computeFrom(ctx, len, c, nid * this.stride);
    if (e == FULL) return DFA_GAVE_UP;
    return e;
  }

  /**
   * Forward unanchored search of p[0..n). Returns the end of the leftmost-first match (or, when
   * earliest, the first position where some match ends), -1 if none, DFA_GAVE_UP on thrash.
   */
  searchFwd(p: usize, n: i32, earliest: bool): i32 {
    this.thrash = 0; this.lastResetPos = 0;
    let s = this.startState(CTX_EDGE, false);
    if (s == FULL) return DFA_GAVE_UP;
    let last = -1;
    let tbl = this.table;
    const cls = changetype<usize>(this.prog.cls);
    for (let i = 0; i < n; i++) {
      const c = <i32>load<u8>(cls + <usize>load<u8>(p + <usize>i));
      let e = load<i32>(tbl + (<usize>(s + c) << 2));
      if (e <= 1) {
        if (e < 0) {
          e = this.slow(s, c, i);
          if (e == DFA_GAVE_UP) return e;
          tbl = this.table;
        }
        if (e <= 1) return e == 1 ? i : last;
      }
      if (e & 1) { last = i; if (earliest) return i; }
      s = e & ~1;
    }
    let e = load<i32>(tbl + (<usize>(s + this.ncls) << 2));
    if (e < 0) {
      e = this.slow(s, this.ncls, n);
      if (e == DFA_GAVE_UP) return e;
    }
    if (e & 1) last = n;
    return last;
  }

  /** Backward anchored search from `end` (reverse program, longest): the leftmost start, or -1. */
  searchRev(p: usize, n: i32, end: i32): i32 {
    this.thrash = 0; this.lastResetPos = 0;
    const ctx0 = end >= n ? CTX_EDGE : <i32>this.prog.ctx[load<u8>(p + <usize>end)];
    let s = this.startState(ctx0, true);
    if (s == FULL) return DFA_GAVE_UP;
    let last = -1;
    let tbl = this.table;
    const cls = changetype<usize>(this.prog.cls);
    for (let i = end - 1; i >= 0; i--) {
      const c = <i32>load<u8>(cls + <usize>load<u8>(p + <usize>i));
      let e = load<i32>(tbl + (<usize>(s + c) << 2));
      if (e <= 1) {
        if (e < 0) {
          e = this.slow(s, c, end - i);
          if (e == DFA_GAVE_UP) return e;
          tbl = this.table;
        }
        if (e <= 1) return e == 1 ? i + 1 : last;
      }
      if (e & 1) last = i + 1;
      s = e & ~1;
    }
    let e = load<i32>(tbl + (<usize>(s + this.ncls) << 2));
    if (e < 0) {
      e = this.slow(s, this.ncls, end);
      if (e == DFA_GAVE_UP) return e;
    }
    if (e & 1) last = 0;
    return last;
  }
}
