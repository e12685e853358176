// Linear-time regular expressions (RE2 syntax and leftmost-first semantics) over bytes, plus an
// Aho-Corasick phrase matcher. This is the module the WAF engine imports.
//
// API
//   compileRegex(pattern: string, flags: i32): Regex | null
//       flags: CASELESS | DOTALL | MULTILINE | BYTES (ModSecurity's @rx: DOTALL | BYTES).
//       On error returns null; lastCompileError() gives e.g.
//       "unsupported construct '(?<=' at offset 7" or "invalid repeat count '{2000}' at offset 1".
//   Regex.test(p: usize, n: i32): bool        does the regex match anywhere in bytes p[0..n)?
//   Regex.find(p, n): bool                    leftmost-first match; sets matchStart / matchEnd
//   Regex.captures(p, n, out: StaticArray<i32>): i32
//       fills out[2k], out[2k+1] with the span of group k (k = 0 .. out.length/2 - 1, -1 = unset)
//       and returns the number of groups in the regex including group 0 (0 if no match).
//   Regex.numGroups                           groups including group 0
//   Regex.literals                            required literals (prefilter.ts; null = none known)
//   PhraseMatcher.build(phrases): PhraseMatcher  (aho.ts) case-insensitive phrase list (@pm)
//       .find(p, n): bool  with matchStart / matchEnd / matchIndex; .test(p, n): bool
//   RegexSet (prefilter.ts): which of N regexes can possibly match, in one pass.
//
// Guarantees: time linear in n for every call (lazy DFA with a bounded cache, Pike VM fallback);
// no trap on any input bytes (invalid UTF-8 included). Limits: repeat counts ≤ 1000, programs ≤
// 200,000 instructions, group nesting ≤ 1000; beyond them compilation fails with a message.
//
// Example:
//   const re = compileRegex("(?i)<script[^>]*>", DOTALL)!;
//   if (re.find(ptr, len)) log(re.matchStart, re.matchEnd);

import { parse, parseError, parseCaptures, Node, F_CASELESS, F_DOTALL, F_MULTILINE, F_BYTES } from "./parse";
import { compileProg, Prog, MAX_INSTS } from "./compile";
import { pikeSearch } from "./pike";
import { Dfa, DFA_GAVE_UP } from "./dfa";
import { requiredLiterals } from "./prefilter";

export { PhraseMatcher } from "./aho";
export { RegexSet } from "./prefilter";

export const CASELESS: i32 = F_CASELESS;
export const DOTALL: i32 = F_DOTALL;
export const MULTILINE: i32 = F_MULTILINE;
/** PCRE-without-UTF semantics, as ModSecurity compiles @rx: the pattern is read as bytes ('.',
 *  classes and \xHH match single bytes 0-255; a non-ASCII literal is its UTF-8 byte sequence;
 *  \x{HHHH} above FF matches its UTF-8 bytes), and case folding is ASCII-only. */
export const BYTES: i32 = F_BYTES;

let compileError: string = "";

/** The message of the last failed compileRegex ("" after a success). */
export function lastCompileError(): string { return compileError; }

export class Regex {
  pattern: string;
  flags: i32;
  prog: Prog;
  rprog: Prog;
  fwd: Dfa;
  rev: Dfa;
  numGroups: i32;
  matchStart: i32 = -1;
  matchEnd: i32 = -1;
  /** required literals (lowercase ASCII bytes as strings); one of them occurs in every match; null = unknown */
  literals: Array<string> | null;
  private slots: StaticArray<i32>;

  constructor(pattern: string, flags: i32, ast: Node, prog: Prog, rprog: Prog, groups: i32) {
    this.pattern = pattern;
    this.flags = flags;
    this.prog = prog;
    this.rprog = rprog;
    this.fwd = new Dfa(prog, false);
    this.rev = new Dfa(rprog, true);
    this.numGroups = groups;
    this.literals = requiredLiterals(ast, (flags & F_BYTES) != 0);
    this.slots = new StaticArray<i32>(2);
  }

  /** Does the regex match anywhere in p[0..n)? */
  test(p: usize, n: i32): bool {
    const r = this.fwd.searchFwd(p, n, true);
    if (r == DFA_GAVE_UP) return pikeSearch(this.prog, p, n, 0, n, false, true, 2, this.slots);
    return r >= 0;
  }

  /** Leftmost-first match; sets matchStart/matchEnd. */
  find(p: usize, n: i32): bool {
    this.matchStart = -1; this.matchEnd = -1;
    const e = this.fwd.searchFwd(p, n, false);
    if (e == DFA_GAVE_UP) return this.pikeFind(p, n);
    if (e < 0) return false;
    const s = this.rev.searchRev(p, n, e);
    if (s == DFA_GAVE_UP) return this.pikeFind(p, n);
    if (s < 0) return this.pikeFind(p, n); // cannot happen; be safe
    this.matchStart = s;
    this.matchEnd = e;
    return true;
  }

  private pikeFind(p: usize, n: i32): bool {
    if (!pikeSearch(this.prog, p, n, 0, n, false, false, 2, this.slots)) return false;
    this.matchStart = this.slots[0];
    this.matchEnd = this.slots[1];
    return true;
  }

  /** Submatch spans of groups 0..out.length/2-1; returns numGroups on a match, 0 otherwise. */
  captures(p: usize, n: i32, out: StaticArray<i32>): i32 {
    for (let i = 0; i < out.length; i++) out[i] = -1;
    if (!this.find(p, n)) return 0;
    const want = min(out.length >> 1, this.numGroups);
    const tmp = new StaticArray<i32>(max(2, want * 2));
    if (!pikeSearch(this.prog, p, n, this.matchStart, this.matchEnd, true, false, want * 2, tmp)) return 0;
    for (let i = 0; i < want * 2; i++) out[i] = tmp[i];
    return this.numGroups;
  }
}

function latin1OfUtf8(s: string): string {
  const b = Uint8Array.wrap(String.UTF8.encode(s));
  let ascii = true;
  for (let i = 0; i < b.length; i++) if (b[i] >= 0x80) { ascii = false; break; }
  if (ascii) return s;
  let out = "";
  for (let i = 0; i < b.length; i++) out += String.fromCharCode(b[i]);
  return out;
}

/** Compiles `pattern` (RE2 syntax) with flags CASELESS | DOTALL | MULTILINE | BYTES. Null on error. */
export function compileRegex(pattern: string, flags: i32): Regex | null {
  compileError = "";
  // byte mode parses the pattern's UTF-8 bytes, each as one "character" 0-255, as PCRE without
  // UTF does: `[é]` is the class {C3, A9}, `\xff` is the byte FF (error offsets count bytes)
  if ((flags & F_BYTES) != 0) pattern = latin1OfUtf8(pattern);
  const ast = parse(pattern, flags & (F_CASELESS | F_DOTALL | F_MULTILINE | F_BYTES));
  if (ast == null) { compileError = parseError; return null; }
  const groups = parseCaptures + 1;
  const bytes = (flags & F_BYTES) != 0;
  const prog = compileProg(ast, parseCaptures, false, bytes);
  if (prog == null) { compileError = "pattern too large (more than " + MAX_INSTS.toString() + " instructions)"; return null; }
  const rprog = compileProg(ast, parseCaptures, true, bytes);
  if (rprog == null) { compileError = "pattern too large (more than " + MAX_INSTS.toString() + " instructions)"; return null; }
  return new Regex(pattern, flags, ast, prog, rprog, groups);
}
