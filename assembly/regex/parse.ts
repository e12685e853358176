// Regex parser: RE2 syntax (as used by ModSecurity / CRS rule sets) → AST (`Node`).
//
// What it accepts:
//   literals and escapes  \x41 \x{263a} \n \t \r \f \v \a \e \0 \123 (octal) \\ \/ \. (any punctuation)
//                         \Q…\E (quoted run), \C (any single byte)
//   classes               [abc] [^a-z] [\d\w\s\D\W\S] [[:alpha:]] [[:^digit:]] ; ']' first is literal
//   perl classes          \d \w \s \D \W \S (ASCII, like RE2)
//   any                   .  (not \n unless the s flag / DOTALL)
//   anchors               ^ $ (text, or line with the m flag), \A \z \b \B
//   groups                ( ) (?: ) (?P<name> ) (?<name> ) ; flags (?i) (?s) (?m) (?U) (?i-s) (?i: )
//   alternation           a|b
//   repetition            * + ? {n} {n,} {n,m} and the lazy forms *? +? ?? {n,m}?
// What it refuses (cannot run in linear time, or not RE2): backreferences \1 \k<n> \g,
// lookaround (?= (?! (?<= (?<!, atomic groups (?>, possessive quantifiers *+ ++ ?+ {n}+,
// branch reset (?|, conditionals (?(, recursion (?R, comments (?#, \Z \G \K \R \X \h \p …
// Error message: `unsupported construct '(?<=' at offset 7` (offset = UTF-16 index in the pattern).
// Limits: repeat counts ≤ 1000 (MAX_REPEAT), group nesting ≤ 1000 (MAX_DEPTH); the compiler
// also caps the program size (see compile.ts).
//
// Case-insensitive literals and classes are expanded here (ASCII plus simple Unicode folding
// through String#toLowerCase/toUpperCase and the k/K/U+212A, s/S/U+017F orbits).
//
// Example: parse("(?i)ab+", 0) → Concat[Class{a,A}, Repeat{1,-1}(Class{b,B})]; parseError is "" on success.

export const N_EMPTY: i32 = 0;
export const N_LIT: i32 = 1; // cp
export const N_CLASS: i32 = 2; // ranges (sorted, merged code point pairs); anyFallback
export const N_ANYBYTE: i32 = 3; // \C
export const N_ASSERT: i32 = 4; // cp = assertion kind (A_*)
export const N_CAP: i32 = 5; // cap index, subs[0]
export const N_CONCAT: i32 = 6;
export const N_ALT: i32 = 7;
export const N_REPEAT: i32 = 8; // min, max (-1 = unbounded), greedy, subs[0]

export const A_BEGIN_TEXT: i32 = 1;
export const A_END_TEXT: i32 = 2;
export const A_BEGIN_LINE: i32 = 3;
export const A_END_LINE: i32 = 4;
export const A_WORD: i32 = 5;
export const A_NOT_WORD: i32 = 6;

export const MAX_REPEAT: i32 = 1000;
export const MAX_DEPTH: i32 = 1000;
export const MAX_RUNE: i32 = 0x10ffff;

export const F_CASELESS: i32 = 1;
export const F_DOTALL: i32 = 2;
export const F_MULTILINE: i32 = 4;
/** byte mode (not settable inline): case folding is ASCII-only, as PCRE without UTF does; the
 *  compiler also lets a class that holds every non-ASCII code point match any byte 0x80-0xFF */
export const F_BYTES: i32 = 16;
let asciiFold = false;
export const F_UNGREEDY: i32 = 8;

export class Node {
  kind: i32;
  subs: Array<Node> = new Array<Node>();
  cp: i32 = 0;
  min: i32 = 0;
  max: i32 = 0;
  greedy: bool = true;
  ranges: Array<i32> | null = null;
  /** class also matches any single byte 0x80-0xFF that is not part of valid UTF-8 handling (negated classes, '.') */
  anyFallback: bool = false;
  constructor(kind: i32) { this.kind = kind; }
}

export let parseError: string = "";
export let parseCaptures: i32 = 0;
export let parseNames: Array<string> = new Array<string>();

function err(msg: string, off: i32): Node | null {
  parseError = msg + " at offset " + off.toString();
  return null;
}
function unsupported(what: string, off: i32, note: string = ""): Node | null {
  parseError = "unsupported construct '" + what + "'" + (note.length ? " (" + note + ")" : "") + " at offset " + off.toString();
  return null;
}

// ---- class helpers -----------------------------------------------------------------------

/** Sort and merge a list of [lo,hi] pairs in place, returning a new normalized array. */
export function normRanges(r: Array<i32>): Array<i32> {
  const n = r.length >> 1;
    const los = new Array<i64>(n);
  for (let i = 0; i < n; i++) los[i] = (<i64>r[2 * i] << 32) | <i64>(<u32>r[2 * i + 1]);
  los.sort((a: i64, b: i64): i32 => (a < b ? -1 : a > b ? 1 : 0));
  const out = new Array<i32>();
  for (let i = 0; i < n; i++) {
    const lo = <i32>(los[i] >> 32);
    const hi = <i32>(los[i] & 0xffffffff);
    const m = out.length;
    if (m > 0 && lo <= out[m - 1] + 1) {
      if (hi > out[m - 1]) out[m - 1] = hi;
    } else {
      out.push(lo);
      out.push(hi);
    }
  }
  return out;
}

export function negateRanges(r: Array<i32>): Array<i32> {
  const out = new Array<i32>();
  let next = 0;
  for (let i = 0; i < r.length; i += 2) {
    if (r[i] > next) { out.push(next); out.push(r[i] - 1); }
    next = r[i + 1] + 1;
  }
  if (next <= MAX_RUNE) { out.push(next); out.push(MAX_RUNE); }
  return out;
}

function addRange(r: Array<i32>, lo: i32, hi: i32): void { r.push(lo); r.push(hi); }

function simpleFolds(c: i32, out: Array<i32>): void {
  // ASCII fast path
  if (c < 0x80) {
    if (c >= 0x41 && c <= 0x5a) out.push(c + 32);
    else if (c >= 0x61 && c <= 0x7a) out.push(c - 32);
    if (c == 0x6b || c == 0x4b) out.push(0x212a);
    if (c == 0x73 || c == 0x53) out.push(0x17f);
    return;
  }
  if (c == 0x212a) { out.push(0x6b); out.push(0x4b); return; }
  if (c == 0x17f) { out.push(0x73); out.push(0x53); return; }
  if (c == 0x212b) { out.push(0xe5); out.push(0xc5); return; }
  if (c == 0xe5 || c == 0xc5) out.push(0x212b);
  if (c >= 0xd800 && c <= 0xdfff) return;
  const s = String.fromCodePoint(c);
  const lo = s.toLowerCase();
  const up = s.toUpperCase();
  if (lo.length > 0 && lo.length <= 2) {
    const l = lo.codePointAt(0);
    if (String.fromCodePoint(l).length == lo.length && l != c) out.push(l);
  }
  if (up.length > 0 && up.length <= 2) {
    const u = up.codePointAt(0);
    if (String.fromCodePoint(u).length == up.length && u != c) out.push(u);
  }
}

/** Add case variants of every code point in r (ASCII letters always; other ranges up to 4096 wide). */
export function foldRanges(r: Array<i32>): Array<i32> {
  const out = new Array<i32>();
  const tmp = new Array<i32>();
  for (let i = 0; i < r.length; i += 2) {
    const lo = r[i], hi = r[i + 1];
    out.push(lo); out.push(hi);
    // ASCII letters part
    let a = max(lo, 0x41), b = min(hi, 0x5a);
    if (a <= b) addRange(out, a + 32, b + 32);
    a = max(lo, 0x61); b = min(hi, 0x7a);
    if (a <= b) addRange(out, a - 32, b - 32);
    if (asciiFold) continue;
    if ((lo <= 0x6b && hi >= 0x6b) || (lo <= 0x4b && hi >= 0x4b)) addRange(out, 0x212a, 0x212a);
    if ((lo <= 0x73 && hi >= 0x73) || (lo <= 0x53 && hi >= 0x53)) addRange(out, 0x17f, 0x17f);
    const ulo = max(lo, 0x80);
    if (ulo <= hi && hi - ulo <= 4096) {
      for (let c = ulo; c <= hi; c++) {
        tmp.length = 0;
        simpleFolds(c, tmp);
        for (let k = 0; k < tmp.length; k++) addRange(out, tmp[k], tmp[k]);
      }
    }
  }
  return normRanges(out);
}

function classNode(r: Array<i32>, fold: bool, negate: bool): Node {
  let rr = normRanges(r);
  if (fold) rr = foldRanges(rr);
  if (negate) rr = negateRanges(rr);
  const n = new Node(N_CLASS);
  n.ranges = rr;
  n.anyFallback = negate;
  return n;
}

function litNode(c: i32, fold: bool): Node {
  if (fold && !(asciiFold && c >= 0x80)) {
    const v = new Array<i32>();
    simpleFolds(c, v);
    if (asciiFold) { let k = 0; for (let i = 0; i < v.length; i++) if (v[i] < 0x80) v[k++] = v[i]; v.length = k; }
    if (v.length > 0) {
      const r = new Array<i32>();
      addRange(r, c, c);
      for (let i = 0; i < v.length; i++) addRange(r, v[i], v[i]);
      const n = new Node(N_CLASS);
      n.ranges = normRanges(r);
      return n;
    }
  }
  const n = new Node(N_LIT);
  n.cp = c;
  return n;
}

function perlClass(c: i32, r: Array<i32>): bool {
  // returns true if c (lowercase letter) names a perl class; appends its (positive) ranges
  if (c == 0x64) { addRange(r, 0x30, 0x39); return true; } // d
  if (c == 0x73) { addRange(r, 9, 10); addRange(r, 12, 13); addRange(r, 32, 32); return true; } // s
  if (c == 0x77) { addRange(r, 0x30, 0x39); addRange(r, 0x41, 0x5a); addRange(r, 0x5f, 0x5f); addRange(r, 0x61, 0x7a); return true; } // w
  return false;
}

function posixClass(name: string, r: Array<i32>): bool {
  if (name == "alnum") { addRange(r, 0x30, 0x39); addRange(r, 0x41, 0x5a); addRange(r, 0x61, 0x7a); }
  else if (name == "alpha") { addRange(r, 0x41, 0x5a); addRange(r, 0x61, 0x7a); }
  else if (name == "ascii") addRange(r, 0, 0x7f);
  else if (name == "blank") { addRange(r, 9, 9); addRange(r, 32, 32); }
  else if (name == "cntrl") { addRange(r, 0, 0x1f); addRange(r, 0x7f, 0x7f); }
  else if (name == "digit") addRange(r, 0x30, 0x39);
  else if (name == "graph") addRange(r, 0x21, 0x7e);
  else if (name == "lower") addRange(r, 0x61, 0x7a);
  else if (name == "print") addRange(r, 0x20, 0x7e);
  else if (name == "punct") { addRange(r, 0x21, 0x2f); addRange(r, 0x3a, 0x40); addRange(r, 0x5b, 0x60); addRange(r, 0x7b, 0x7e); }
  else if (name == "space") { addRange(r, 9, 13); addRange(r, 32, 32); }
  else if (name == "upper") addRange(r, 0x41, 0x5a);
  else if (name == "word") { addRange(r, 0x30, 0x39); addRange(r, 0x41, 0x5a); addRange(r, 0x5f, 0x5f); addRange(r, 0x61, 0x7a); }
  else if (name == "xdigit") { addRange(r, 0x30, 0x39); addRange(r, 0x41, 0x46); addRange(r, 0x61, 0x66); }
  else return false;
  return true;
}

// ---- the parser --------------------------------------------------------------------------

class Frame {
  alts: Array<Node> = new Array<Node>();
  items: Array<Node> = new Array<Node>();
  flags: i32 = 0; // flags in effect before the group (restored at ')')
  cap: i32 = -1; // capture index, -1 = non-capturing
  off: i32 = 0;
  flagOnly: bool = false;
}

function isDigit(c: i32): bool { return c >= 0x30 && c <= 0x39; }
function isHex(c: i32): bool { return isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66); }
function hexVal(c: i32): i32 { return isDigit(c) ? c - 0x30 : (c | 0x20) - 0x61 + 10; }
function isAlnum(c: i32): bool { return isDigit(c) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a); }

class Parser {
  s: string;
  i: i32 = 0;
  n: i32;
  // result of parseEscape: either a single code point (escCp >= 0) or a class (escClass)
  escCp: i32 = -1;
  escClass: Array<i32> | null = null;
  escNeg: bool = false;
  escAssert: i32 = 0;
  escAnyByte: bool = false;
  constructor(s: string) { this.s = s; this.n = s.length; }

  peek(k: i32 = 0): i32 { const j = this.i + k; return j < this.n ? <i32>this.s.charCodeAt(j) : -1; }

  /** next full code point at i (combines surrogate pairs), advancing. */
  nextCp(): i32 {
    const c = <i32>this.s.charCodeAt(this.i);
    if (c >= 0xd800 && c <= 0xdbff && this.i + 1 < this.n) {
      const d = <i32>this.s.charCodeAt(this.i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) { this.i += 2; return 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00); }
    }
    this.i++;
    return c;
  }

  /** Parses an escape starting at '\\' (this.i points at '\\'). Returns false on error. */
  escape(inClass: bool): bool {
    const start = this.i;
    this.escCp = -1; this.escClass = null; this.escNeg = false; this.escAssert = 0; this.escAnyByte = false;
    this.i++;
    if (this.i >= this.n) { err("trailing backslash", start); return false; }
    const c = this.nextCp();
    if (c < 0x80 && !isAlnum(c)) { this.escCp = c; return true; }
    switch (c) {
      case 0x61: this.escCp = 7; return true; // \a
      case 0x66: this.escCp = 12; return true; // \f
      case 0x74: this.escCp = 9; return true; // \t
      case 0x6e: this.escCp = 10; return true; // \n
      case 0x72: this.escCp = 13; return true; // \r
      case 0x76: this.escCp = 11; return true; // \v
      case 0x65: this.escCp = 0x1b; return true; // \e (PCRE)
      case 0x78: { // \x
        if (this.peek() == 0x7b) {
          this.i++;
          let v = 0, digits = 0;
          while (this.i < this.n && isHex(this.peek())) {
            v = v * 16 + hexVal(this.peek()); this.i++; digits++;
            if (v > MAX_RUNE) { err("invalid escape sequence '\\x{'", start); return false; }
          }
          if (digits == 0 || this.peek() != 0x7d) { err("invalid escape sequence '\\x{'", start); return false; }
          this.i++;
          this.escCp = v; return true;
        }
        if (isHex(this.peek()) && isHex(this.peek(1))) {
          this.escCp = hexVal(this.peek()) * 16 + hexVal(this.peek(1));
          this.i += 2; return true;
        }
        err("invalid escape sequence '\\x'", start); return false;
      }
      case 0x30: case 0x31: case 0x32: case 0x33: case 0x34: case 0x35: case 0x36: case 0x37: {
        // \0, or octal \NNN; a lone \1..\7 (not followed by an octal digit) is a backreference
        if (c != 0x30 && !(this.peek() >= 0x30 && this.peek() <= 0x37)) {
          unsupported("\\" + String.fromCharCode(c), start, "backreference"); return false;
        }
        let v = c - 0x30;
        for (let k = 0; k < 2; k++) {
          const d = this.peek();
          if (d >= 0x30 && d <= 0x37) { v = v * 8 + d - 0x30; this.i++; } else break;
        }
        this.escCp = v; return true;
      }
      case 0x38: case 0x39: unsupported("\\" + String.fromCharCode(c), start, "backreference"); return false;
      case 0x64: case 0x73: case 0x77: { // \d \s \w
        const r = new Array<i32>(); perlClass(c, r); this.escClass = r; return true;
      }
      case 0x44: case 0x53: case 0x57: { // \D \S \W
        const r = new Array<i32>(); perlClass(c + 32, r); this.escClass = r; this.escNeg = true; return true;
      }
      case 0x62: if (inClass) { this.escCp = 8; return true; } this.escAssert = A_WORD; return true; // \b
      case 0x42: if (inClass) break; this.escAssert = A_NOT_WORD; return true; // \B
      case 0x41: if (inClass) break; this.escAssert = A_BEGIN_TEXT; return true; // \A
      case 0x7a: if (inClass) break; this.escAssert = A_END_TEXT; return true; // \z
      case 0x43: if (inClass) break; this.escAnyByte = true; return true; // \C
      case 0x6b: case 0x67: unsupported("\\" + String.fromCharCode(c), start, "backreference"); return false;
      case 0x5a: case 0x47: case 0x4b: case 0x52: case 0x58: case 0x68: case 0x48: case 0x56: case 0x4e:
      case 0x70: case 0x50: case 0x63: case 0x75: case 0x55: case 0x4c: case 0x6c:
        unsupported("\\" + String.fromCharCode(c), start); return false;
    }
    err("invalid escape sequence '\\" + String.fromCodePoint(c) + "'", start);
    return false;
  }

  parseClass(flags: i32): Node | null {
    const start = this.i;
    this.i++; // '['
    let neg = false;
    if (this.peek() == 0x5e) { neg = true; this.i++; }
    const r = new Array<i32>();
    let first = true;
    while (true) {
      if (this.i >= this.n) return err("missing closing ]", start);
      let c = this.peek();
      if (c == 0x5d && !first) { this.i++; break; }
      first = false;
      if (c == 0x5b && this.peek(1) == 0x3a) {
        const close = this.s.indexOf(":]", this.i + 2);
        if (close > 0) {
          let name = this.s.substring(this.i + 2, close);
          let pneg = false;
          if (name.startsWith("^")) { pneg = true; name = name.substring(1); }
          let pr = new Array<i32>();
          if (!posixClass(name, pr)) return err("invalid character class range '[:" + name + ":]'", this.i);
          if (pneg) pr = negateRanges(normRanges(pr));
          for (let k = 0; k < pr.length; k++) r.push(pr[k]);
          this.i = close + 2;
          continue;
        }
      }
      let lo: i32;
      const atomOff = this.i;
      if (c == 0x5c) {
        if (this.peek(1) == 0x51 || this.peek(1) == 0x45) return unsupported("\\" + String.fromCharCode(this.peek(1)) + "' in class", this.i);
        if (!this.escape(true)) return null;
        if (this.escClass != null) {
          let pr = this.escClass!;
          if (this.escNeg) pr = negateRanges(normRanges(pr));
          for (let k = 0; k < pr.length; k++) r.push(pr[k]);
          continue;
        }
        if (this.escCp < 0) return err("invalid escape in class", atomOff);
        lo = this.escCp;
      } else {
        lo = this.nextCp();
      }
      let hi = lo;
      if (this.peek() == 0x2d && this.peek(1) != 0x5d && this.peek(1) >= 0) {
        this.i++;
        const hiOff = this.i;
        if (this.peek() == 0x5c) {
          if (!this.escape(true)) return null;
          if (this.escCp < 0) return err("invalid character class range", hiOff);
          hi = this.escCp;
        } else if (this.peek() == 0x5b && this.peek(1) == 0x3a) {
          return err("invalid character class range", atomOff);
        } else {
          hi = this.nextCp();
        }
        if (hi < lo) return err("invalid character class range '" + this.s.substring(atomOff, this.i) + "'", atomOff);
      }
      r.push(lo); r.push(hi);
    }
    return classNode(r, (flags & F_CASELESS) != 0, neg);
  }

  /** Tries to parse {n}, {n,}, {n,m} at i; returns false (i unchanged) if it is not one. */
  repeatBounds(out: StaticArray<i32>): bool {
    let j = this.i + 1;
    const n = this.n;
    let a = 0, da = 0;
    while (j < n && isDigit(<i32>this.s.charCodeAt(j))) { if (a < 100000) a = a * 10 + <i32>this.s.charCodeAt(j) - 0x30; j++; da++; }
    if (da == 0) return false;
    let b = a;
    if (j < n && this.s.charCodeAt(j) == 0x2c) {
      j++;
      let db = 0; b = 0;
      while (j < n && isDigit(<i32>this.s.charCodeAt(j))) { if (b < 100000) b = b * 10 + <i32>this.s.charCodeAt(j) - 0x30; j++; db++; }
      if (db == 0) b = -1;
    }
    if (j >= n || this.s.charCodeAt(j) != 0x7d) return false;
    out[0] = a; out[1] = b; out[2] = j + 1;
    return true;
  }
}

function finishConcat(items: Array<Node>): Node {
  if (items.length == 0) return new Node(N_EMPTY);
  if (items.length == 1) return items[0];
  const c = new Node(N_CONCAT);
  c.subs = items;
  return c;
}
function finishAlt(f: Frame): Node {
  const last = finishConcat(f.items);
  if (f.alts.length == 0) return last;
  f.alts.push(last);
  const a = new Node(N_ALT);
  a.subs = f.alts;
  return a;
}

/** Parses `pattern` with initial flags (F_*). Returns null and sets parseError on error. */
export function parse(pattern: string, initFlags: i32): Node | null {
  parseError = "";
  asciiFold = (initFlags & F_BYTES) != 0;
  parseCaptures = 0;
  parseNames = new Array<string>();
  const p = new Parser(pattern);
  const stack = new Array<Frame>();
  let f = new Frame();
  let flags = initFlags;
  let lastRepeatOff = -1; // offset of the previous repetition operator if the last item is a repetition
  const rb = new StaticArray<i32>(3);
  while (p.i < p.n) {
    const c = p.peek();
    const off = p.i;
    if (c == 0x28) { // (
      if (p.peek(1) == 0x3f) { // (?
        const c2 = p.peek(2);
        if (c2 == 0x3d) return unsupported("(?=", off);
        if (c2 == 0x21) return unsupported("(?!", off);
        if (c2 == 0x3e) return unsupported("(?>", off);
        if (c2 == 0x7c) return unsupported("(?|", off);
        if (c2 == 0x23) return unsupported("(?#", off);
        if (c2 == 0x28) return unsupported("(?(", off);
        if (c2 == 0x26) return unsupported("(?&", off);
        if (c2 == 0x52 || isDigit(c2) || c2 == 0x2b) return unsupported("(?" + String.fromCharCode(c2), off);
        let nameStart = -1;
        if (c2 == 0x3c) {
          const c3 = p.peek(3);
          if (c3 == 0x3d) return unsupported("(?<=", off);
          if (c3 == 0x21) return unsupported("(?<!", off);
          nameStart = off + 3;
        } else if (c2 == 0x50) {
          const c3 = p.peek(3);
          if (c3 == 0x3d) return unsupported("(?P=", off);
          if (c3 == 0x3e) return unsupported("(?P>", off);
          if (c3 != 0x3c) return err("invalid or unsupported Perl syntax '(?P'", off);
          nameStart = off + 4;
        }
        if (nameStart >= 0) {
          const close = pattern.indexOf(">", nameStart);
          if (close < 0) return err("invalid named capture", off);
          const name = pattern.substring(nameStart, close);
          if (name.length == 0) return err("invalid named capture", off);
          for (let k = 0; k < name.length; k++) {
            const ch = <i32>name.charCodeAt(k);
            if (!(isAlnum(ch) || ch == 0x5f)) return err("invalid named capture", off);
          }
          for (let k = 0; k < parseNames.length; k++) if (parseNames[k] == name) return err("duplicate capture group name '" + name + "'", off);
          if (stack.length >= MAX_DEPTH) return err("expression nests too deeply", off);
          stack.push(f);
          const nf = new Frame();
          nf.flags = flags; nf.cap = ++parseCaptures; nf.off = off;
          while (parseNames.length < parseCaptures - 1) parseNames.push("");
          parseNames.push(name);
          f = nf;
          p.i = close + 1;
          lastRepeatOff = -1;
          continue;
        }
        // flags: (?i) (?i-s) (?i:...)
        let j = off + 2;
        let nf_ = flags;
        let negf = false;
        let sawFlag = false;
        while (true) {
          if (j >= p.n) return err("missing closing )", off);
          const ch = <i32>pattern.charCodeAt(j);
          let bit = 0;
          if (ch == 0x69) bit = F_CASELESS;
          else if (ch == 0x73) bit = F_DOTALL;
          else if (ch == 0x6d) bit = F_MULTILINE;
          else if (ch == 0x55) bit = F_UNGREEDY;
          else if (ch == 0x2d) {
            if (negf) return err("invalid or unsupported Perl syntax '" + pattern.substring(off, j + 1) + "'", off);
            negf = true; sawFlag = false; j++; continue;
          } else if (ch == 0x3a || ch == 0x29) {
            if (negf && !sawFlag) return err("invalid or unsupported Perl syntax '" + pattern.substring(off, j + 1) + "'", off);
            break;
          } else {
            return unsupported(pattern.substring(off, j + 1), off);
          }
          sawFlag = true;
          if (negf) nf_ &= ~bit; else nf_ |= bit;
          j++;
        }
        if (pattern.charCodeAt(j) == 0x29) { // (?flags)
          flags = nf_;
          p.i = j + 1;
          lastRepeatOff = -1;
          continue;
        }
        // (?flags: ... )
        if (stack.length >= MAX_DEPTH) return err("expression nests too deeply", off);
        stack.push(f);
        const nf = new Frame();
        nf.flags = flags; nf.cap = -1; nf.off = off;
        f = nf;
        flags = nf_;
        p.i = j + 1;
        lastRepeatOff = -1;
        continue;
      }
      if (stack.length >= MAX_DEPTH) return err("expression nests too deeply", off);
      stack.push(f);
      const nf = new Frame();
      nf.flags = flags; nf.cap = ++parseCaptures; nf.off = off;
      f = nf;
      p.i++;
      lastRepeatOff = -1;
      continue;
    }
    if (c == 0x29) { // )
      if (stack.length == 0) return err("unexpected )", off);
      const body = finishAlt(f);
      let node = body;
      if (f.cap >= 0) {
        node = new Node(N_CAP);
        node.cp = f.cap;
        node.subs.push(body);
      }
      flags = f.flags;
      f = stack.pop();
      f.items.push(node);
      p.i++;
      lastRepeatOff = -1;
      continue;
    }
    if (c == 0x7c) { // |
      f.alts.push(finishConcat(f.items));
      f.items = new Array<Node>();
      p.i++;
      lastRepeatOff = -1;
      continue;
    }
    if (c == 0x2a || c == 0x2b || c == 0x3f || c == 0x7b) {
      let mn = 0, mx = -1;
      let end = off + 1;
      if (c == 0x7b) {
        if (!p.repeatBounds(rb)) {
          // a '{' that is not a repetition is a literal
          f.items.push(litNode(0x7b, false));
          p.i++;
          lastRepeatOff = -1;
          continue;
        }
        mn = rb[0]; mx = rb[1]; end = rb[2];
        if (mn > MAX_REPEAT || mx > MAX_REPEAT || (mx >= 0 && mx < mn)) return err("invalid repeat count '" + pattern.substring(off, end) + "'", off);
      } else if (c == 0x2b) mn = 1;
      else if (c == 0x3f) mx = 1;
      if (f.items.length == 0) return err("missing argument to repetition operator '" + pattern.substring(off, end) + "'", off);
      if (lastRepeatOff >= 0) return err("invalid nested repetition operator '" + pattern.substring(lastRepeatOff, end) + "'", lastRepeatOff);
      let greedy = true;
      p.i = end;
      if (p.peek() == 0x3f) { greedy = false; p.i++; }
      else if (p.peek() == 0x2b) return unsupported(pattern.substring(off, end + 1), off);
      if ((flags & F_UNGREEDY) != 0) greedy = !greedy;
      const sub = f.items.pop();
      if (sub.kind == N_EMPTY || sub.kind == N_ASSERT) {
        // repetition of an empty-width item: x* / x? → empty; x+ / x{n,} → x
        f.items.push(mn == 0 ? new Node(N_EMPTY) : sub);
      } else {
        const r = new Node(N_REPEAT);
        r.min = mn; r.max = mx; r.greedy = greedy;
        r.subs.push(sub);
        f.items.push(r);
      }
      lastRepeatOff = off;
      continue;
    }
    lastRepeatOff = -1;
    if (c == 0x5b) { // [
      const cl = p.parseClass(flags);
      if (cl == null) return null;
      f.items.push(cl);
      continue;
    }
    if (c == 0x2e) { // .
      const r = new Array<i32>();
      if ((flags & F_DOTALL) != 0) addRange(r, 0, MAX_RUNE);
      else { addRange(r, 0, 9); addRange(r, 11, MAX_RUNE); }
      const n = new Node(N_CLASS);
      n.ranges = r;
      n.anyFallback = true;
      f.items.push(n);
      p.i++;
      continue;
    }
    if (c == 0x5e || c == 0x24) { // ^ $
      const n = new Node(N_ASSERT);
      const ml = (flags & F_MULTILINE) != 0;
      n.cp = c == 0x5e ? (ml ? A_BEGIN_LINE : A_BEGIN_TEXT) : (ml ? A_END_LINE : A_END_TEXT);
      f.items.push(n);
      p.i++;
      continue;
    }
    if (c == 0x5c) { // backslash
      if (p.peek(1) == 0x51) { // \Q ... \E
        p.i += 2;
        let e = pattern.indexOf("\\E", p.i);
        if (e < 0) e = p.n;
        while (p.i < e) f.items.push(litNode(p.nextCp(), (flags & F_CASELESS) != 0));
        p.i = e < p.n ? e + 2 : e;
        continue;
      }
      if (p.peek(1) == 0x45) { p.i += 2; continue; } // stray \E is ignored (RE2/PCRE)
      if (!p.escape(false)) return null;
      if (p.escClass != null) {
        f.items.push(classNode(p.escClass!, false, p.escNeg));
      } else if (p.escAssert != 0) {
        const n = new Node(N_ASSERT);
        n.cp = p.escAssert;
        f.items.push(n);
      } else if (p.escAnyByte) {
        f.items.push(new Node(N_ANYBYTE));
      } else {
        f.items.push(litNode(p.escCp, (flags & F_CASELESS) != 0));
      }
      continue;
    }
    f.items.push(litNode(p.nextCp(), (flags & F_CASELESS) != 0));
  }
  if (stack.length > 0) return err("missing closing )", f.off);
  return finishAlt(f);
}
