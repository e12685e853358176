// Harness: exports the regex engine and the phrase matcher over raw pointers for the conformance
// suites, node:test checks and the bench (build/harness/regex.wasm; loader: src/harness/regex.ts).
// Strings (patterns, phrase lists) are passed as AS strings allocated by the host with __new.
// Regexes and matchers are kept in tables and named by an integer handle.

import { compileRegex, lastCompileError, Regex, PhraseMatcher, RegexSet } from "./index";

let arenaPtr: usize = 0;
let arenaSize: usize = 0;

/** A scratch buffer of at least `size` bytes (reused; grows when asked for more). */
export function arena(size: usize): usize {
  if (size > arenaSize) {
    if (arenaPtr != 0) heap.free(arenaPtr);
    arenaPtr = heap.alloc(size);
    arenaSize = size;
  }
  return arenaPtr;
}

const regexes = new Array<Regex>();
const matchers = new Array<PhraseMatcher>();
const sets = new Array<RegexSet>();
let capOut = new StaticArray<i32>(20);

/** Compiles; returns a handle ≥ 0 or -1 (then compileError() has the message). */
export function rxCompile(pattern: string, flags: i32): i32 {
  const r = compileRegex(pattern, flags);
  if (r == null) return -1;
  regexes.push(r);
  return regexes.length - 1;
}
export function compileError(): string { return lastCompileError(); }
export function rxTest(h: i32, p: usize, n: i32): i32 { return regexes[h].test(p, n) ? 1 : 0; }
/** `times` calls of test(p, n) inside the module (for the bench: per-call cost without the host boundary); the match count. */
export function rxTestLoop(h: i32, p: usize, n: i32, times: i32): i32 {
  const re = regexes[h];
  let k = 0;
  for (let i = 0; i < times; i++) if (re.test(p, n)) k++;
  return k;
}
/** Returns the match start (-1 if none); rxEnd() gives the end. */
export function rxFind(h: i32, p: usize, n: i32): i32 { return regexes[h].find(p, n) ? regexes[h].matchStart : -1; }
export function rxEnd(h: i32): i32 { return regexes[h].matchEnd; }
export function rxGroups(h: i32): i32 { return regexes[h].numGroups; }
/** Captures for up to `ngroups` groups; returns numGroups or 0; spans via capAt(i). */
export function rxCaptures(h: i32, p: usize, n: i32, ngroups: i32): i32 {
  if (capOut.length < ngroups * 2) capOut = new StaticArray<i32>(ngroups * 2);
  const out = new StaticArray<i32>(ngroups * 2);
  const r = regexes[h].captures(p, n, out);
  for (let i = 0; i < ngroups * 2; i++) capOut[i] = out[i];
  return r;
}
export function capAt(i: i32): i32 { return capOut[i]; }
/** Required literals joined by "\n" (bytes as chars), or "" when none. */
export function rxLiterals(h: i32): string {
  const l = regexes[h].literals;
  return l == null ? "" : l!.join("\n");
}
/** Forgets all regexes (handles restart at 0). */
export function rxReset(): void { regexes.length = 0; sets.length = 0; }

/** Builds a phrase matcher from phrases joined by "\n"; returns a handle. */
export function pmBuild(list: string): i32 {
  matchers.push(PhraseMatcher.build(list.split("\n")));
  return matchers.length - 1;
}
export function pmFind(h: i32, p: usize, n: i32): i32 { return matchers[h].find(p, n) ? matchers[h].matchStart : -1; }
export function pmEnd(h: i32): i32 { return matchers[h].matchEnd; }
export function pmIndex(h: i32): i32 { return matchers[h].matchIndex; }
export function pmTest(h: i32, p: usize, n: i32): i32 { return matchers[h].test(p, n) ? 1 : 0; }
export function pmCount(h: i32): i32 { return matchers[h].count; }

/** A RegexSet over regex handles [from, to); returns a set handle. */
export function setBuild(from: i32, to: i32): i32 {
  const a = new Array<Regex>();
  for (let i = from; i < to; i++) a.push(regexes[i]);
  sets.push(new RegexSet(a));
  return sets.length - 1;
}
export function setScan(h: i32, p: usize, n: i32): i32 { return sets[h].scan(p, n); }
export function setCandidate(h: i32, i: i32): i32 { return sets[h].candidate(i) ? 1 : 0; }
