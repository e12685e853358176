// Compiler: AST (parse.ts) → byte-level Thompson NFA program (`Prog`), forward or reversed.
//
// Instructions (4 i32 each in `Prog.code`: op, x, y, out):
//   OP_BYTE  x=lo y=hi           consume one byte in [lo,hi], go to out
//   OP_SET   x=set index         consume one byte whose bit is set in sets[x] (32-byte bitmap)
//   OP_SPLIT out, y              try out first, then y (priority order = leftmost-first)
//   OP_SAVE  x=slot              record position in capture slot x (2k = start of group k, 2k+1 = end)
//   OP_ASSERT x=A_* kind         empty-width assertion (^ $ \A \z \b \B)
//   OP_NOP                       jump to out
//   OP_MATCH
// Code points are compiled to UTF-8 byte sequences. Negated classes and '.' also match any single
// byte 0x80-0xFF as a last resort, so invalid UTF-8 never makes a `.*` stop (and never traps).
// Byte mode (compileProg(…, bytes = true), the WAF's @rx; index.ts feeds the pattern's UTF-8 bytes
// as characters 0-255): literals and classes up to FF are single bytes, as PCRE without UTF matches
// them, so '.' or [^x] is one instruction (`.{0,300}` is 300 instructions, not thousands); code
// points above FF (only from \x{HHHH}) keep their UTF-8 sequences.
// The reversed program (for the backward DFA that finds a match's start) has its concatenations
// and byte sequences reversed, ^/$ and \A/\z swapped, and no SAVE instructions.
// Limit: MAX_INSTS instructions per program (error "pattern too large …").
//
// Example: compileProg(parse("a+", 0)!, false) → SAVE 0; BYTE a; SPLIT; SAVE 1; MATCH.

import {
  Node, N_EMPTY, N_LIT, N_CLASS, N_ANYBYTE, N_ASSERT, N_CAP, N_CONCAT, N_ALT, N_REPEAT,
  A_BEGIN_TEXT, A_END_TEXT, A_BEGIN_LINE, A_END_LINE, A_WORD, A_NOT_WORD, MAX_RUNE,
} from "./parse";

export const OP_BYTE: i32 = 1;
export const OP_SET: i32 = 2;
export const OP_SPLIT: i32 = 3;
export const OP_SAVE: i32 = 4;
export const OP_ASSERT: i32 = 5;
export const OP_NOP: i32 = 6;
export const OP_MATCH: i32 = 7;

export const MAX_INSTS: i32 = 200000;

// assertion contexts: what lies on one side of a position
export const CTX_EDGE: i32 = 0; // start or end of the text
export const CTX_NL: i32 = 1;
export const CTX_WORD: i32 = 2;
export const CTX_OTHER: i32 = 3;
export const CTX_CONT: i32 = 4; // a UTF-8 continuation byte 80-BF (only when the program needs it)

// internal assertions used by the invalid-UTF-8 fallback (not in the syntax)
export const A_NEXT_NOT_CONT: i32 = 7;
export const A_PREV_NOT_CONT: i32 = 8;

@inline export function assertOk(kind: i32, prev: i32, next: i32): bool {
  switch (kind) {
    case A_BEGIN_TEXT: return prev == CTX_EDGE;
    case A_END_TEXT: return next == CTX_EDGE;
    case A_BEGIN_LINE: return prev <= CTX_NL;
    case A_END_LINE: return next <= CTX_NL;
    case A_WORD: return (prev == CTX_WORD) != (next == CTX_WORD);
    case A_NOT_WORD: return (prev == CTX_WORD) == (next == CTX_WORD);
    case A_NEXT_NOT_CONT: return next != CTX_CONT;
    case A_PREV_NOT_CONT: return prev != CTX_CONT;
  }
  return false;
}

export function isWordByte(b: i32): bool {
  return (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b == 0x5f;
}

export class Prog {
  code: Array<i32> = new Array<i32>();
  sets: Array<StaticArray<u8>> = new Array<StaticArray<u8>>(); // 256 bytes each: 1 = member
  start: i32 = 0; // anchored start
  startU: i32 = 0; // unanchored start (lowest-priority `(?s:.)*?` prefix)
  ncap: i32 = 1; // groups including group 0
  hasWord: bool = false;
  hasLine: bool = false;
  hasText: bool = false;
  hasUtf8: bool = false;
  /** byte → context (CTX_*), collapsed to what the program's assertions can observe */
  ctx: StaticArray<u8> = new StaticArray<u8>(256);
  /** byte → equivalence class (bytes no instruction or context tells apart) */
  cls: StaticArray<u8> = new StaticArray<u8>(256);
  nclasses: i32 = 0;
  /** a representative byte for each class */
  rep: StaticArray<i32> = new StaticArray<i32>(257);
  tooBig: bool = false;

  get count(): i32 { return this.code.length >> 2; }

  @inline op(pc: i32): i32 { return unchecked(this.code[pc << 2]); }
  @inline x(pc: i32): i32 { return unchecked(this.code[(pc << 2) + 1]); }
  @inline y(pc: i32): i32 { return unchecked(this.code[(pc << 2) + 2]); }
  @inline out(pc: i32): i32 { return unchecked(this.code[(pc << 2) + 3]); }

  /** Does instruction pc (OP_BYTE/OP_SET) accept byte b? */
  @inline accepts(pc: i32, b: i32): bool {
    const o = this.op(pc);
    if (o == OP_BYTE) return b >= this.x(pc) && b <= this.y(pc);
    return unchecked(this.sets[this.x(pc)][b]) != 0;
  }

  emit(op: i32, x: i32, y: i32, out: i32): i32 {
    const pc = this.code.length >> 2;
    if (pc >= MAX_INSTS) { this.tooBig = true; return 0; }
    this.code.push(op); this.code.push(x); this.code.push(y); this.code.push(out);
    return pc;
  }

  finish(): void {
    // contexts
    for (let b = 0; b < 256; b++) {
      let c = CTX_OTHER;
      if (this.hasWord && isWordByte(b)) c = CTX_WORD;
      else if (this.hasLine && b == 10) c = CTX_NL;
      else if (this.hasUtf8 && b >= 0x80 && b <= 0xbf) c = CTX_CONT;
      unchecked(this.ctx[b] = <u8>c);
    }
    // byte classes: boundaries where any instruction's acceptance or the context changes
    const mark = new StaticArray<u8>(257);
    const n = this.count;
    for (let pc = 0; pc < n; pc++) {
      const o = this.op(pc);
      if (o == OP_BYTE) { mark[this.x(pc)] = 1; mark[this.y(pc) + 1] = 1; }
    }
    for (let s = 0; s < this.sets.length; s++) {
      const st = this.sets[s];
      for (let b = 1; b < 256; b++) if (st[b] != st[b - 1]) mark[b] = 1;
    }
    for (let b = 1; b < 256; b++) if (this.ctx[b] != this.ctx[b - 1]) mark[b] = 1;
    let k = 0;
    this.rep[0] = 0;
    for (let b = 0; b < 256; b++) {
      if (b > 0 && mark[b]) { k++; this.rep[k] = b; }
      this.cls[b] = <u8>k;
    }
    this.nclasses = k + 1;
  }
}

class Frag {
  start: i32;
  holes: Array<i32>; // pc*2 = out field, pc*2+1 = y field (of a SPLIT)
  nullable: bool;
  constructor(start: i32, holes: Array<i32>, nullable: bool) { this.start = start; this.holes = holes; this.nullable = nullable; }
}

function patch(p: Prog, holes: Array<i32>, target: i32): void {
  for (let i = 0; i < holes.length; i++) {
    const h = holes[i];
    const pc = h >> 1;
    if (pc * 4 + 3 >= p.code.length) continue;
    if (h & 1) p.code[pc * 4 + 2] = target; else p.code[pc * 4 + 3] = target;
  }
}
function one(h: i32): Array<i32> { const a = new Array<i32>(1); a[0] = h; return a; }
function cat(a: Array<i32>, b: Array<i32>): Array<i32> { return a.concat(b); }

/** UTF-8 encode cp into out (returns length). */
export function utf8(cp: i32, out: StaticArray<i32>): i32 {
  if (cp < 0x80) { out[0] = cp; return 1; }
  if (cp < 0x800) { out[0] = 0xc0 | (cp >> 6); out[1] = 0x80 | (cp & 0x3f); return 2; }
  if (cp < 0x10000) { out[0] = 0xe0 | (cp >> 12); out[1] = 0x80 | ((cp >> 6) & 0x3f); out[2] = 0x80 | (cp & 0x3f); return 3; }
  out[0] = 0xf0 | (cp >> 18); out[1] = 0x80 | ((cp >> 12) & 0x3f); out[2] = 0x80 | ((cp >> 6) & 0x3f); out[3] = 0x80 | (cp & 0x3f); return 4;
}

/**
 * Splits a code point range (≥ 0x80, no surrogates inside) into UTF-8 byte-range sequences.
 * Each sequence is appended to `seqs` as [len, lo0, hi0, lo1, hi1, …].
 */
function utf8Seqs(lo0: i32, hi0: i32, seqs: Array<i32>): void {
  const work = new Array<i32>();
  work.push(lo0); work.push(hi0);
  const a = new StaticArray<i32>(4), b = new StaticArray<i32>(4);
  while (work.length > 0) {
    const hi = work.pop(), lo = work.pop();
    if (lo > hi) continue;
    // split at encoding-length boundaries
    if (lo < 0x800 && hi >= 0x800) { work.push(0x800); work.push(hi); work.push(lo); work.push(0x7ff); continue; }
    if (lo < 0x10000 && hi >= 0x10000) { work.push(0x10000); work.push(hi); work.push(lo); work.push(0xffff); continue; }
    let split = false;
    for (let i = 1; i < 4; i++) {
      const m = (1 << (6 * i)) - 1;
      if ((lo & ~m) != (hi & ~m)) {
        if ((lo & m) != 0) { work.push((lo | m) + 1); work.push(hi); work.push(lo); work.push(lo | m); split = true; break; }
        if ((hi & m) != m) { work.push(hi & ~m); work.push(hi); work.push(lo); work.push((hi & ~m) - 1); split = true; break; }
      }
    }
    if (split) continue;
    const n = utf8(lo, a);
    utf8(hi, b);
    seqs.push(n);
    for (let i = 0; i < n; i++) { seqs.push(a[i]); seqs.push(b[i]); }
  }
}

export class Compiler {
  p: Prog = new Prog();
  reverse: bool;
  /** byte mode: a class holding every non-ASCII code point matches any byte 0x80-0xFF (as PCRE without UTF) */
  bytes: bool;
  private setIndex: Map<u32, i32> = new Map();
  constructor(reverse: bool, bytes: bool = false) { this.reverse = reverse; this.bytes = bytes; }

  /** Index of `set` in the program, sharing an identical earlier set (case-folded letters repeat a lot). */
  internSet(set: StaticArray<u8>): i32 {
    let h: u32 = 2166136261;
    for (let b = 0; b < 256; b++) h = (h ^ <u32>unchecked(set[b])) * 16777619;
    const sets = this.p.sets;
    if (this.setIndex.has(h)) {
      const i = this.setIndex.get(h);
      if (memory.compare(changetype<usize>(sets[i]), changetype<usize>(set), 256) == 0) return i;
    }
    const si = sets.length;
    sets.push(set);
    this.setIndex.set(h, si);
    return si;
  }

  nop(): Frag { const pc = this.p.emit(OP_NOP, 0, 0, -1); return new Frag(pc, one(pc * 2), true); }

  byteRange(lo: i32, hi: i32): Frag { const pc = this.p.emit(OP_BYTE, lo, hi, -1); return new Frag(pc, one(pc * 2), false); }

  seq(a: Frag, b: Frag): Frag {
    patch(this.p, a.holes, b.start);
    return new Frag(a.start, b.holes, a.nullable && b.nullable);
  }

  alt(a: Frag, b: Frag): Frag {
    const pc = this.p.emit(OP_SPLIT, 0, b.start, a.start);
    return new Frag(pc, cat(a.holes, b.holes), a.nullable || b.nullable);
  }

  quest(a: Frag, greedy: bool): Frag {
    let pc: i32;
    let h: i32;
    if (greedy) { pc = this.p.emit(OP_SPLIT, 0, -1, a.start); h = pc * 2 + 1; }
    else { pc = this.p.emit(OP_SPLIT, 0, a.start, -1); h = pc * 2; }
    return new Frag(pc, cat(a.holes, one(h)), true);
  }

  plus(a: Frag, greedy: bool): Frag {
    let pc: i32;
    let h: i32;
    if (greedy) { pc = this.p.emit(OP_SPLIT, 0, -1, a.start); h = pc * 2 + 1; }
    else { pc = this.p.emit(OP_SPLIT, 0, a.start, -1); h = pc * 2; }
    patch(this.p, a.holes, pc);
    return new Frag(a.start, one(h), a.nullable);
  }

  star(a: Frag, greedy: bool): Frag {
    // (x+)? when x can match empty, for RE2/Go's submatch priority (golang.org/issue/46123)
    if (a.nullable) return this.quest(this.plus(a, greedy), greedy);
    let pc: i32;
    let h: i32;
    if (greedy) { pc = this.p.emit(OP_SPLIT, 0, -1, a.start); h = pc * 2 + 1; }
    else { pc = this.p.emit(OP_SPLIT, 0, a.start, -1); h = pc * 2; }
    patch(this.p, a.holes, pc);
    return new Frag(pc, one(h), true);
  }

  /** Bytes of a UTF-8 sequence or literal, in program order (reversed for the reverse program). */
  bytesFrag(bs: StaticArray<i32>, n: i32): Frag {
    let f: Frag | null = null;
    for (let k = 0; k < n; k++) {
      const i = this.reverse ? n - 1 - k : k;
      const g = this.byteRange(bs[i], bs[i]);
      f = f == null ? g : this.seq(f!, g);
    }
    return f!;
  }

  classFrag(ranges: Array<i32>, fallback: bool): Frag {
    // single-byte part → one OP_SET
    const set = new StaticArray<u8>(256);
    let any1 = false;
    const seqs = new Array<i32>();
    // byte mode: code points 0-255 are bytes; above that, a class holding all of them (a negated
    // class, '.') adds nothing, others (from \x{HHHH}) keep their UTF-8 sequences
    const bytes = this.bytes;
    const skipHigh = bytes && coversAbove(ranges, 0x100);
    if (bytes) fallback = false;
    const lim = bytes ? 0xff : 0x7f;
    for (let i = 0; i < ranges.length; i += 2) {
      let lo = ranges[i], hi = ranges[i + 1];
      if (lo <= lim) {
        const h = min(hi, lim);
        for (let b = lo; b <= h; b++) set[b] = 1;
        any1 = true;
        lo = lim + 1;
      }
      if (lo > hi || skipHigh) continue;
      // skip surrogates
      if (lo <= 0xdfff && hi >= 0xd800) {
        if (lo < 0xd800) utf8Seqs(lo, 0xd7ff, seqs);
        if (hi > 0xdfff) utf8Seqs(0xe000, hi, seqs);
      } else utf8Seqs(lo, min(hi, MAX_RUNE), seqs);
    }
    let f: Frag | null = null;
    if (any1) {
      let cnt = 0, single = -1;
      for (let b = 0; b < 256; b++) if (set[b]) { cnt++; single = b; }
      if (cnt == 1) f = this.byteRange(single, single);
      else {
        const si = this.internSet(set);
        const pc = this.p.emit(OP_SET, si, 0, -1);
        f = new Frag(pc, one(pc * 2), false);
      }
    }
    // multi-byte sequences (sorted by first byte for a deterministic priority order)
    let i = 0;
    const alts = new Array<Frag>();
    while (i < seqs.length) {
      const n = seqs[i];
      let g: Frag | null = null;
      for (let k = 0; k < n; k++) {
        const j = this.reverse ? n - 1 - k : k;
        const b = this.byteRange(seqs[i + 1 + 2 * j], seqs[i + 2 + 2 * j]);
        g = g == null ? b : this.seq(g!, b);
      }
      alts.push(g!);
      i += 1 + 2 * n;
    }
    if (fallback) alts.push(this.invalidUtf8());
    for (let k = 0; k < alts.length; k++) f = f == null ? alts[k] : this.alt(f!, alts[k]);
    if (f == null) {
      // empty class: matches nothing
      const pc = this.p.emit(OP_SET, this.emptySet(), 0, -1);
      return new Frag(pc, one(pc * 2), false);
    }
    // flatten the alternation chain (alt nests left; fine for priority: earlier first)
    return f!;
  }

  /**
   * One invalid-UTF-8 unit, for '.' and negated classes, so they never stop at bad bytes. It is
   * disjoint from valid sequences (valid text counts characters exactly like RE2/Go):
   *   [80-BF] | C0 | C1 | [F5-FF]                     a byte that never starts a valid sequence
   *   [C2-F4] (?=not 80-BF)                           a lead byte cut short
   *   [E0-F4][80-BF] / [F0-F4][80-BF][80-BF] (?=not 80-BF)   a longer sequence cut short
   *   E0[80-9F] | ED[A0-BF] | F0[80-8F] | F4[90-BF]   overlong, surrogate or out-of-range start
   */
  invalidUtf8(): Frag {
    this.p.hasUtf8 = true;
    const set = new StaticArray<u8>(256);
    for (let b = 0x80; b <= 0xbf; b++) set[b] = 1;
    set[0xc0] = 1; set[0xc1] = 1;
    for (let b = 0xf5; b <= 0xff; b++) set[b] = 1;
    const si = this.p.sets.length;
    this.p.sets.push(set);
    const pc = this.p.emit(OP_SET, si, 0, -1);
    let f = new Frag(pc, one(pc * 2), false);
    const lo = [0xc2, 0xe0, 0xf0];
    for (let k = 0; k < 3; k++) {
      // k+1 bytes: lead then k continuation bytes, then "next is not a continuation"
      const a = this.p.emit(OP_ASSERT, this.reverse ? A_PREV_NOT_CONT : A_NEXT_NOT_CONT, 0, -1);
      let g = new Frag(a, one(a * 2), true);
      let seqf: Frag = this.byteRange(lo[k], 0xf4);
      if (this.reverse) {
        for (let j = 0; j < k; j++) seqf = this.seq(this.byteRange(0x80, 0xbf), seqf);
        g = this.seq(g, seqf);
      } else {
        for (let j = 0; j < k; j++) seqf = this.seq(seqf, this.byteRange(0x80, 0xbf));
        g = this.seq(seqf, g);
      }
      f = this.alt(f, g);
    }
    const pairs = [0xe0, 0x80, 0x9f, 0xed, 0xa0, 0xbf, 0xf0, 0x80, 0x8f, 0xf4, 0x90, 0xbf];
    for (let k = 0; k < pairs.length; k += 3) {
      const l = this.byteRange(pairs[k], pairs[k]);
      const c = this.byteRange(pairs[k + 1], pairs[k + 2]);
      f = this.alt(f, this.reverse ? this.seq(c, l) : this.seq(l, c));
    }
    return f;
  }

  emptySetIdx: i32 = -1;
  emptySet(): i32 {
    if (this.emptySetIdx < 0) { this.emptySetIdx = this.p.sets.length; this.p.sets.push(new StaticArray<u8>(256)); }
    return this.emptySetIdx;
  }

  node(n: Node): Frag {
    if (this.p.tooBig) return this.nop();
    switch (n.kind) {
      case N_EMPTY: return this.nop();
      case N_LIT: {
        if (this.bytes && n.cp <= 0xff) return this.byteRange(n.cp, n.cp);
        const bs = new StaticArray<i32>(4);
        const len = utf8(n.cp, bs);
        return this.bytesFrag(bs, len);
      }
      case N_CLASS: return this.classFrag(n.ranges!, n.anyFallback);
      case N_ANYBYTE: return this.byteRange(0, 255);
      case N_ASSERT: {
        let k = n.cp;
        if (k == A_WORD || k == A_NOT_WORD) this.p.hasWord = true;
        else if (k == A_BEGIN_LINE || k == A_END_LINE) this.p.hasLine = true;
        else this.p.hasText = true;
        if (this.reverse) {
          if (k == A_BEGIN_TEXT) k = A_END_TEXT;
          else if (k == A_END_TEXT) k = A_BEGIN_TEXT;
          else if (k == A_BEGIN_LINE) k = A_END_LINE;
          else if (k == A_END_LINE) k = A_BEGIN_LINE;
        }
        const pc = this.p.emit(OP_ASSERT, k, 0, -1);
        return new Frag(pc, one(pc * 2), true);
      }
      case N_CAP: {
        if (n.cp + 1 > this.p.ncap) this.p.ncap = n.cp + 1;
        const sub = this.node(n.subs[0]);
        if (this.reverse) return sub;
        const a = this.p.emit(OP_SAVE, 2 * n.cp, 0, sub.start);
        const b = this.p.emit(OP_SAVE, 2 * n.cp + 1, 0, -1);
        patch(this.p, sub.holes, b);
        return new Frag(a, one(b * 2), sub.nullable);
      }
      case N_CONCAT: {
        const m = n.subs.length;
        let f = this.node(n.subs[this.reverse ? m - 1 : 0]);
        for (let i = 1; i < m; i++) {
          if (this.p.tooBig) break;
          f = this.seq(f, this.node(n.subs[this.reverse ? m - 1 - i : i]));
        }
        return f;
      }
      case N_ALT: {
        // a chain of splits: SPLIT(a, SPLIT(b, c)) keeps a < b < c in priority
        const m = n.subs.length;
        let f = this.node(n.subs[m - 1]);
        const frags = new Array<Frag>(m);
        frags[m - 1] = f;
        for (let i = 0; i < m - 1; i++) frags[i] = this.node(n.subs[i]);
        for (let i = m - 2; i >= 0; i--) f = this.alt(frags[i], f);
        return f;
      }
      case N_REPEAT: {
        const sub = n.subs[0];
        const mn = n.min, mx = n.max, g = n.greedy;
        if (mn == 0 && mx == -1) return this.star(this.node(sub), g);
        if (mn == 1 && mx == -1) return this.plus(this.node(sub), g);
        if (mn == 0 && mx == 1) return this.quest(this.node(sub), g);
        if (mn == 0 && mx == 0) return this.nop();
        let f: Frag | null = null;
        const req = mx == -1 ? mn - 1 : mn;
        for (let i = 0; i < req; i++) {
          if (this.p.tooBig) return this.nop();
          const x = this.node(sub);
          f = f == null ? x : this.seq(f!, x);
        }
        if (mx == -1) {
          const pl = this.plus(this.node(sub), g);
          return f == null ? pl : this.seq(f!, pl);
        }
        if (mx > mn) {
          // nested optionals: (x(x(x)?)?)?
          let opt: Frag | null = null;
          for (let i = mn; i < mx; i++) {
            if (this.p.tooBig) return this.nop();
            const x = this.node(sub);
            opt = opt == null ? this.quest(x, g) : this.quest(this.seq(x, opt!), g);
          }
          f = f == null ? opt : this.seq(f!, opt!);
        }
        return f!;
      }
    }
    return this.nop();
  }
}

/** Compiles an AST into a program; returns null if it exceeds MAX_INSTS. */
/** True when the sorted, merged code point ranges hold every code point from-MAX_RUNE (surrogates aside). */
function coversAbove(r: Array<i32>, from: i32): bool {
  let need = from;
  for (let i = 0; i < r.length; i += 2) {
    const lo = r[i], hi = r[i + 1];
    if (hi < need) continue;
    if (lo > need && !(need >= 0xd800 && need <= 0xdfff && lo <= 0xe000)) return false;
    need = hi + 1;
    if (need > MAX_RUNE) return true;
  }
  return need > MAX_RUNE;
}

export function compileProg(root: Node, ncap: i32, reverse: bool, bytes: bool = false): Prog | null {
  const c = new Compiler(reverse, bytes);
  const p = c.p;
  p.ncap = ncap + 1;
  let body = c.node(root);
  if (!reverse) {
    const s0 = p.emit(OP_SAVE, 0, 0, body.start);
    const s1 = p.emit(OP_SAVE, 1, 0, -1);
    patch(p, body.holes, s1);
    body = new Frag(s0, one(s1 * 2), body.nullable);
  }
  const m = p.emit(OP_MATCH, 0, 0, 0);
  patch(p, body.holes, m);
  p.start = body.start;
  // unanchored prefix: U: SPLIT(start, B); B: BYTE 00-ff → U
  const u = p.emit(OP_SPLIT, 0, -1, body.start);
  const b = p.emit(OP_BYTE, 0, 255, u);
  if (!p.tooBig) p.code[u * 4 + 2] = b;
  p.startU = u;
  if (p.tooBig) return null;
  p.finish();
  return p;
}
