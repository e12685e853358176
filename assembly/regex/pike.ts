// Pike VM: simulates the NFA program over bytes with one thread per instruction, keeping capture
// slots per thread; leftmost-first priority (RE2/Go semantics). Time O(len × program size), memory
// O(program size × slots). Used for submatches (run only on the span the DFA found) and as the
// fallback when the lazy DFA's cache thrashes.
//
// pikeSearch(prog, p, n, from, to, anchored, earliest, nslots, out):
//   searches text p[0..n) for a match starting in [from, to] (anchored: only at `from`) and ending
//   ≤ to; assertions see the whole text (bytes before `from` / after `to` give the context).
//   Writes nslots capture slots to out (-1 = unset); returns true on a match.
// Example: pikeSearch(prog("(a+)b"), "xaab", 0, 4, false, false, 4, out) → out = [1,4,1,3].

import { Prog, OP_BYTE, OP_SET, OP_SPLIT, OP_SAVE, OP_ASSERT, OP_NOP, OP_MATCH, CTX_EDGE, assertOk } from "./compile";

class ThreadList {
  dense: StaticArray<i32>;
  sparse: StaticArray<i32>;
  caps: StaticArray<i32>;
  n: i32 = 0;
  constructor(size: i32, slots: i32) {
    this.dense = new StaticArray<i32>(size);
    this.sparse = new StaticArray<i32>(size);
    this.caps = new StaticArray<i32>(max(1, size * slots));
  }
  @inline has(pc: i32): bool {
    const k = unchecked(this.sparse[pc]);
    return k < this.n && k >= 0 && unchecked(this.dense[k]) == pc;
  }
  @inline add(pc: i32): i32 {
    const k = this.n++;
    unchecked(this.dense[k] = pc);
    unchecked(this.sparse[pc] = k);
    return k;
  }
}

// shared scratch (the module is single-threaded); grown to the largest program seen
let listA: ThreadList | null = null;
let listB: ThreadList | null = null;
let scratchSize: i32 = 0;
let scratchSlots: i32 = 0;
let stack = new Array<i32>();
let work = new StaticArray<i32>(0);
let blank = new StaticArray<i32>(0);

function ensure(size: i32, slots: i32): void {
  if (size > scratchSize || slots > scratchSlots) {
    scratchSize = max(size, scratchSize);
    scratchSlots = max(slots, scratchSlots);
    listA = new ThreadList(scratchSize, scratchSlots);
    listB = new ThreadList(scratchSize, scratchSlots);
    work = new StaticArray<i32>(scratchSlots);
    blank = new StaticArray<i32>(scratchSlots);
    for (let i = 0; i < scratchSlots; i++) blank[i] = -1;
  }
}

@inline function ctxAt(prog: Prog, p: usize, n: i32, i: i32): i32 {
  // context of the byte at i (next side); CTX_EDGE outside the text
  return i < 0 || i >= n ? CTX_EDGE : <i32>unchecked(prog.ctx[load<u8>(p + <usize>i)]);
}

/** Adds pc and its ε-closure at position pos to list l, with capture slots taken from `work`. */
function addThread(prog: Prog, l: ThreadList, pc0: i32, pos: i32, prev: i32, next: i32, slots: i32): void {
  const st = stack;
  st.length = 0;
  st.push(pc0); st.push(0);
  while (st.length > 0) {
    const v = st.pop();
    const pc = st.pop();
    if (pc < 0) { unchecked(work[-1 - pc] = v); continue; }
    if (l.has(pc)) continue;
    const k = l.add(pc);
    const op = prog.op(pc);
    if (op == OP_NOP) { st.push(prog.out(pc)); st.push(0); }
    else if (op == OP_SPLIT) { st.push(prog.y(pc)); st.push(0); st.push(prog.out(pc)); st.push(0); }
    else if (op == OP_SAVE) {
      const s = prog.x(pc);
      if (s < slots) {
        st.push(-1 - s); st.push(unchecked(work[s]));
        unchecked(work[s] = pos);
      }
      st.push(prog.out(pc)); st.push(0);
    } else if (op == OP_ASSERT) {
      if (assertOk(prog.x(pc), prev, next)) { st.push(prog.out(pc)); st.push(0); }
    } else {
      // OP_BYTE / OP_SET / OP_MATCH: a thread waits here with a copy of the slots
      const base = k * slots;
      for (let i = 0; i < slots; i++) unchecked(l.caps[base + i] = work[i]);
    }
  }
}

export function pikeSearch(prog: Prog, p: usize, n: i32, from: i32, to: i32, anchored: bool, earliest: bool, nslots: i32, out: StaticArray<i32>): bool {
  const slots = max(2, nslots);
  ensure(prog.count, slots);
  let clist = listA!, nlist = listB!;
  clist.n = 0; nlist.n = 0;
  let matched = false;
  for (let i = 0; i < slots; i++) unchecked(out[i] = -1);
  for (let i = from; ; i++) {
    const prev = i == 0 ? CTX_EDGE : ctxAt(prog, p, n, i - 1);
    const next = ctxAt(prog, p, n, i);
    if (!matched && (i == from || !anchored)) {
      for (let s = 0; s < slots; s++) unchecked(work[s] = blank[s]);
      addThread(prog, clist, prog.start, i, prev, next, slots);
    }
    if (clist.n == 0) break;
    const b = i < to ? <i32>load<u8>(p + <usize>i) : -1;
    const nprev = b < 0 ? 0 : <i32>unchecked(prog.ctx[b]);
    const nnext = ctxAt(prog, p, n, i + 1);
    for (let t = 0; t < clist.n; t++) {
      const pc = unchecked(clist.dense[t]);
      const op = prog.op(pc);
      if (op == OP_MATCH) {
        const base = t * slots;
        for (let s = 0; s < slots; s++) unchecked(out[s] = clist.caps[base + s]);
        matched = true;
        if (earliest) return true;
        break; // cut lower-priority threads
      }
      if (b < 0) continue;
      let ok: bool;
      if (op == OP_BYTE) ok = b >= prog.x(pc) && b <= prog.y(pc);
      else if (op == OP_SET) ok = unchecked(prog.sets[prog.x(pc)][b]) != 0;
      else continue; // ε instructions are in the list only to mark them visited
      if (ok) {
        const base = t * slots;
        for (let s = 0; s < slots; s++) unchecked(work[s] = clist.caps[base + s]);
        addThread(prog, nlist, prog.out(pc), i + 1, nprev, nnext, slots);
      }
    }
    if (i >= to) break;
    const tmp = clist; clist = nlist; nlist = tmp;
    nlist.n = 0;
  }
  return matched;
}
