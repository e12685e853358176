// Literal prefilter: required-literal extraction per regex, and RegexSet, which answers "which of
// these N regexes can possibly match this input" with one Aho-Corasick pass.
//
// requiredLiterals(ast): a set of byte strings (ASCII-lowercased; each char of the returned
// strings is one byte 0-255) such that every match of the regex contains at least one of them;
// null when no useful set is known (e.g. `\d+`, `.*`). Rules: a literal is its own set; a class
// of ≤ 4 characters expands (a bigger one, or in byte mode any class short of all 256 bytes, is a
// set of one-byte strings); concatenations multiply small exact sets (≤ 16 strings) and keep the
// best run; alternation unions its branches' sets (≤ 256 strings); x+ / x{n,} with n ≥ 1 keep x's
// set, and with n ≥ 2 two copies of x in a row (≤ 16 strings); optional parts give nothing.
// "Best" = the longest shortest string (up to 8 bytes), then the rarer bytes (letters and digits
// are common, '<', '{', '`' or controls rare), then the fewest strings.
// Scanning is ASCII case-insensitive, so a caseless regex is never wrongly skipped.
//
// RegexSet(regexes): scan(p, n) → number of candidates; candidate(i) tells whether regex i may
// match (regexes without literals are always candidates). Example:
//   const set = new RegexSet([compileRegex("union\\s+select", 0)!, compileRegex("\\d+", 0)!]);
//   set.scan(ptr, len); set.candidate(0) → false on "hello 42", set.candidate(1) → true.

import { Node, N_EMPTY, N_LIT, N_CLASS, N_ANYBYTE, N_ASSERT, N_CAP, N_CONCAT, N_ALT, N_REPEAT } from "./parse";
import { utf8 } from "./compile";
import { PhraseMatcher } from "./aho";
import { Regex } from "./index";

const MAX_EXACT: i32 = 16;
const MAX_REQ: i32 = 256;
const MAX_LEN: i32 = 64;
const MAX_PAIR: i32 = 16;   // x{2,}: at most this many two-copy strings

class Info {
  exact: Array<string> | null = null; // every string the node can match (null = too many / unknown)
  req: Array<string> | null = null; // one of these occurs in every match (null = none known)
}

let bytesMode = false;
function cpBytes(cp: i32): string {
  if (bytesMode && cp <= 0xff) { let c = cp; if (c >= 0x41 && c <= 0x5a) c += 32; return String.fromCharCode(c); }
  const b = new StaticArray<i32>(4);
  const n = utf8(cp, b);
  let s = "";
  for (let i = 0; i < n; i++) {
    let c = b[i];
    if (c >= 0x41 && c <= 0x5a) c += 32;
    s += String.fromCharCode(c);
  }
  return s;
}

function dedupe(a: Array<string>): Array<string> {
  const out = new Array<string>();
  const seen = new Set<string>();
  for (let i = 0; i < a.length; i++) if (!seen.has(a[i])) { seen.add(a[i]); out.push(a[i]); }
  return out;
}

function valid(a: Array<string> | null): bool {
  if (a == null) return false;
  const x = a!;
  if (x.length == 0) return false;
  for (let i = 0; i < x.length; i++) if (x[i].length == 0) return false;
  return true;
}

/** How rarely a byte shows up in ordinary request values (0 letters and digits … 5 controls). */
function rarity(c: i32): i32 {
  if ((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) return 0;
  if (c == 0x20 || c == 0x2e || c == 0x2f || c == 0x2d || c == 0x5f) return 1;
  if (c == 0x28 || c == 0x29 || c == 0x2c || c == 0x3b || c == 0x3a || c == 0x3d || c == 0x26 || c == 0x3f || c == 0x2b || c == 0x25) return 2;
  if (c < 0x20 || c == 0x7f) return 5;
  if (c == 0x3c || c == 0x3e || c == 0x7b || c == 0x7d || c == 0x5c || c == 0x60 || c == 0x7c || c == 0x5e) return 4;
  return 3;
}

/** Higher is a better prefilter: longer shortest string first (up to 8 bytes), then rarer
 *  bytes (a set is as common as its most common string, a string as rare as its rarest byte),
 *  then fewer strings. */
function score(a: Array<string>): i32 {
  let m = 1 << 30;
  let setRarity = 5;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    m = min(m, x.length);
    let r = 0;
    for (let k = 0; k < x.length; k++) r = max(r, rarity(x.charCodeAt(k)));
    setRarity = min(setRarity, r);
  }
  return min(m, 8) * 1000000 + setRarity * 10000 - min(a.length, 9999);
}

function better(a: Array<string> | null, b: Array<string> | null): Array<string> | null {
  const va = valid(a), vb = valid(b);
  if (!va) return vb ? b : null;
  if (!vb) return a;
  return score(a!) >= score(b!) ? a : b;
}

function effective(i: Info): Array<string> | null { return better(i.req, i.exact); }

function info(n: Node): Info {
  const r = new Info();
  switch (n.kind) {
    case N_EMPTY: case N_ASSERT: { r.exact = [""]; return r; }
    case N_LIT: { r.exact = [cpBytes(n.cp)]; return r; }
    case N_ANYBYTE: return r;
    case N_CLASS: {
      const rg = n.ranges!;
      if (bytesMode) {
        // a big class (or a negated one) in byte mode: one of its bytes occurs in every match
        let nb = 0;
        for (let i = 0; i < rg.length; i += 2) if (rg[i] <= 0xff) nb += min(rg[i + 1], 0xff) - rg[i] + 1;
        if (n.anyFallback || nb > 8) {
          if (nb >= 256 || nb == 0) return r;
          const bs = new Array<string>();
          for (let i = 0; i < rg.length; i += 2) for (let c = rg[i]; c <= min(rg[i + 1], 0xff); c++) bs.push(cpBytes(c));
          r.req = dedupe(bs);
          return r;
        }
      }
      if (n.anyFallback) return r;
      let count = 0;
      for (let i = 0; i < rg.length; i += 2) { count += rg[i + 1] - rg[i] + 1; if (count > 8) return r; }
      const out = new Array<string>();
      for (let i = 0; i < rg.length; i += 2) for (let c = rg[i]; c <= rg[i + 1]; c++) out.push(cpBytes(c));
      const d = dedupe(out);
      if (d.length <= 4) r.exact = d;
      else r.req = d;
      return r;
    }
    case N_CAP: return info(n.subs[0]);
    case N_CONCAT: {
      let cur: Array<string> | null = [""];
      let best: Array<string> | null = null;
      let allExact = true;
      for (let i = 0; i < n.subs.length; i++) {
        const ci = info(n.subs[i]);
        if (ci.exact != null) {
          const ex = ci.exact!;
          if (cur != null && cur!.length * ex.length <= MAX_EXACT) {
            const nx = new Array<string>();
            let tooLong = false;
            for (let a = 0; a < cur!.length; a++) for (let b = 0; b < ex.length; b++) {
              const s = cur![a] + ex[b];
              if (s.length > MAX_LEN) tooLong = true;
              nx.push(s);
            }
            if (!tooLong) { cur = dedupe(nx); continue; }
          }
          // cannot grow the run: close it, start a new one from this child
          best = better(best, cur);
          allExact = false;
          cur = ex;
        } else {
          best = better(best, cur);
          best = better(best, ci.req);
          allExact = false;
          cur = [""];
        }
      }
      best = better(best, cur);
      if (allExact) r.exact = cur;
      r.req = best;
      return r;
    }
    case N_ALT: {
      let ex: Array<string> | null = new Array<string>();
      let rq: Array<string> | null = new Array<string>();
      for (let i = 0; i < n.subs.length; i++) {
        const ci = info(n.subs[i]);
        if (ex != null) {
          if (ci.exact == null || ex!.length + ci.exact!.length > MAX_EXACT) ex = null;
          else ex = ex!.concat(ci.exact!);
        }
        if (rq != null) {
          const e = effective(ci);
          if (e == null || rq!.length + e!.length > MAX_REQ) rq = null;
          else rq = rq!.concat(e!);
        }
      }
      if (ex != null) r.exact = dedupe(ex!);
      if (rq != null) r.req = dedupe(rq!);
      return r;
    }
    case N_REPEAT: {
      if (n.max == 0) { r.exact = [""]; return r; }
      if (n.min == 0) return r;
      const ci = info(n.subs[0]);
      if (n.min == 1 && n.max == 1) return ci;
      r.req = effective(ci);
      // x{2,}: two copies of x in a row occur in every match (".." for (?:\.|%2e){2})
      if (n.min >= 2 && ci.exact != null && ci.exact!.length * ci.exact!.length <= MAX_PAIR) {
        const ex = ci.exact!;
        const two = new Array<string>();
        for (let a = 0; a < ex.length; a++) for (let b = 0; b < ex.length; b++) two.push(ex[a] + ex[b]);
        r.req = better(r.req, dedupe(two));
      }
      return r;
    }
  }
  return r;
}

/** Required literals of a parsed regex (see the file comment), or null. */
export function requiredLiterals(ast: Node, bytes: bool = false): Array<string> | null {
  bytesMode = bytes;   // byte mode: code points 0-255 are the bytes themselves (index.ts BYTES)
  const i = info(ast);
  const e = effective(i);
  if (!valid(e)) return null;
  return e;
}

/** Latin-1 style string (one char per byte) → phrase for PhraseMatcher (UTF-8 re-encoded there). */
function bytesOf(s: string): Array<u8> {
  const a = new Array<u8>(s.length);
  for (let i = 0; i < s.length; i++) a[i] = <u8>s.charCodeAt(i);
  return a;
}

export class RegexSet {
  regexes: Array<Regex>;
  matcher: ByteMatcher;
  /** literal index → regex indices */
  owners: Array<Array<i32>>;
  always: Array<i32>;
  hits: StaticArray<u8>;
  seen: StaticArray<u8>;

  constructor(regexes: Array<Regex>) {
    const lits = new Array<string>();
    const always = new Array<i32>();
    const owners = new Array<Array<i32>>();
    const index = new Map<string, i32>();
    for (let i = 0; i < regexes.length; i++) {
      const l = regexes[i].literals;
      if (l == null) { always.push(i); continue; }
      for (let k = 0; k < l!.length; k++) {
        const s = l![k];
        let id: i32;
        if (index.has(s)) id = index.get(s);
        else { id = lits.length; index.set(s, id); lits.push(s); owners.push(new Array<i32>()); }
        const o = owners[id];
        if (o.length == 0 || o[o.length - 1] != i) o.push(i);
      }
    }
    this.regexes = regexes;
    this.always = always;
    this.owners = owners;
    this.matcher = new ByteMatcher(lits);
    this.hits = new StaticArray<u8>(regexes.length);
    this.seen = new StaticArray<u8>(max(1, lits.length));
  }

  /** One pass over p[0..n); returns the number of regexes that may match. */
  scan(p: usize, n: i32): i32 {
    memory.fill(changetype<usize>(this.hits), 0, <usize>this.hits.length);
    memory.fill(changetype<usize>(this.seen), 0, <usize>this.seen.length);
    let count = 0;
    for (let i = 0; i < this.always.length; i++) { this.hits[this.always[i]] = 1; count++; }
    if (this.matcher.m.scanAll(p, n, this.seen) > 0) {
      for (let k = 0; k < this.owners.length; k++) {
        if (this.seen[k] == 0) continue;
        const o = this.owners[k];
        for (let j = 0; j < o.length; j++) if (this.hits[o[j]] == 0) { this.hits[o[j]] = 1; count++; }
      }
    }
    return count;
  }

  /** After scan: may regex i match? */
  candidate(i: i32): bool { return this.hits[i] != 0; }
}

/** A PhraseMatcher over byte strings (one char per byte, any byte 0-255). */
class ByteMatcher {
  m: PhraseMatcher;
  constructor(lits: Array<string>) {
    const ph = new Array<Uint8Array>(lits.length);
    for (let i = 0; i < lits.length; i++) {
      const b = bytesOf(lits[i]);
      const buf = new Uint8Array(b.length);
      for (let k = 0; k < b.length; k++) buf[k] = b[k];
      ph[i] = buf;
    }
    this.m = PhraseMatcher.fromBytes(ph);
  }
}
