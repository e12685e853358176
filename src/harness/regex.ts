// Node loader for build/harness/regex.wasm: the in-filter regex engine (RE2 syntax, linear time)
// and the Aho-Corasick phrase matcher, with string / Uint8Array arguments, for the conformance
// suites (re2, crs-rx), node:test checks and the bench.
// Example:
//   const rx = await loadRegex();
//   const h = rx.compile("a(b+)", rx.DOTALL);      // handle, or throws with the compile error
//   rx.captures(h, "xabbb", 2)                       // => [1, 5, 2, 5]
import { readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

export const REGEX_WASM = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "build", "harness", "regex.wasm");

export type Input = string | Uint8Array;

export interface RegexHarness {
  CASELESS: number;
  DOTALL: number;
  MULTILINE: number;
  /** handle ≥ 0, or throws Error(message) */
  compile(pattern: string, flags?: number): number;
  /** null when it compiles, else the message */
  compileError(pattern: string, flags?: number): string | null;
  test(h: number, input: Input): boolean;
  find(h: number, input: Input): [number, number] | null;
  /** flat spans [s0, e0, s1, e1, …] for `groups` groups (-1 = unset), or null on no match */
  captures(h: number, input: Input, groups?: number): number[] | null;
  groups(h: number): number;
  literals(h: number): string[] | null;
  reset(): void;
  pmBuild(phrases: string[]): number;
  pmFind(h: number, input: Input): [number, number, number] | null;
  pmTest(h: number, input: Input): boolean;
  pmCount(h: number): number;
  setBuild(from: number, to: number): number;
  /** indices (relative to `from`) of the regexes that may match */
  setScan(h: number, input: Input, size: number): number[];
  /** place input in wasm memory once and get [ptr, len] for the raw calls below */
  put(input: Input): [number, number];
  raw: any;
}

const enc = new TextEncoder();

export async function loadRegex(path = REGEX_WASM): Promise<RegexHarness> {
  const mod = await WebAssembly.compile(readFileSync(path));
  let x: any;
  const inst = await WebAssembly.instantiate(mod, {
    env: {
      abort(msg: number, file: number, line: number, col: number) {
        let m = "";
        try { m = str(msg) + " " + str(file); } catch {}
        throw new Error(`regex harness abort ${m} at ${line}:${col}`);
      },
    },
  });
  x = inst.exports;
  const mem = () => x.memory.buffer as ArrayBuffer;
  function str(ptr: number): string {
    if (!ptr) return "";
    const len = new Uint32Array(mem(), ptr - 4, 1)[0] >>> 1;
    const u16 = new Uint16Array(mem(), ptr, len);
    let s = "";
    for (let i = 0; i < len; i += 8192) s += String.fromCharCode(...u16.subarray(i, i + 8192));
    return s;
  }
  function newStr(s: string): number {
    const p = x.__new(s.length * 2, 2) >>> 0;
    const u16 = new Uint16Array(mem(), p, s.length);
    for (let i = 0; i < s.length; i++) u16[i] = s.charCodeAt(i);
    return p;
  }
  function withStr<T>(s: string, f: (p: number) => T): T {
    const p = newStr(s);
    x.__pin(p);
    try { return f(p); } finally { x.__unpin(p); }
  }
  function put(input: Input): [number, number] {
    const b = typeof input === "string" ? enc.encode(input) : input;
    const p = x.arena(b.length + 8) >>> 0;
    new Uint8Array(mem(), p, b.length).set(b);
    return [p, b.length];
  }
  const h: RegexHarness = {
    CASELESS: 1, DOTALL: 2, MULTILINE: 4,
    compile(pattern, flags = 0) {
      const r = withStr(pattern, (p) => x.rxCompile(p, flags));
      if (r < 0) throw new Error(str(x.compileError()));
      return r;
    },
    compileError(pattern, flags = 0) {
      const r = withStr(pattern, (p) => x.rxCompile(p, flags));
      return r < 0 ? str(x.compileError()) : null;
    },
    test(hd, input) { const [p, n] = put(input); return x.rxTest(hd, p, n) === 1; },
    find(hd, input) {
      const [p, n] = put(input);
      const s = x.rxFind(hd, p, n);
      return s < 0 ? null : [s, x.rxEnd(hd)];
    },
    captures(hd, input, groups = 10) {
      const [p, n] = put(input);
      const r = x.rxCaptures(hd, p, n, groups);
      if (r === 0) return null;
      const out: number[] = [];
      for (let i = 0; i < groups * 2; i++) out.push(x.capAt(i));
      return out;
    },
    groups(hd) { return x.rxGroups(hd); },
    literals(hd) {
      const s = str(x.rxLiterals(hd));
      return s === "" ? null : s.split("\n");
    },
    reset() { x.rxReset(); },
    pmBuild(phrases) { return withStr(phrases.join("\n"), (p) => x.pmBuild(p)); },
    pmFind(hd, input) {
      const [p, n] = put(input);
      const s = x.pmFind(hd, p, n);
      return s < 0 ? null : [s, x.pmEnd(hd), x.pmIndex(hd)];
    },
    pmTest(hd, input) { const [p, n] = put(input); return x.pmTest(hd, p, n) === 1; },
    pmCount(hd) { return x.pmCount(hd); },
    setBuild(from, to) { return x.setBuild(from, to); },
    setScan(hd, input, size) {
      const [p, n] = put(input);
      x.setScan(hd, p, n);
      const out: number[] = [];
      for (let i = 0; i < size; i++) if (x.setCandidate(hd, i)) out.push(i);
      return out;
    },
    put,
    raw: x,
  };
  return h;
}

/** A @rx pattern found in a CRS .conf file (SecLang), after ModSecurity's un-escaping. */
export interface CrsRx { file: string; id: string; line: number; pattern: string; negated: boolean }

/**
 * Extracts every @rx operator (and implicit-rx operators without '@') from SecRule directives in
 * the given .conf files. SecLang: a logical line continues while a physical line ends with '\';
 * the operator is the double-quoted third token; inside it `\"` stands for `"` and every other
 * backslash is kept (what libmodsecurity's lexer does; CRS has no `\\` that Apache would fold).
 */
export function extractCrsRx(files: { name: string; text: string }[]): CrsRx[] {
  const out: CrsRx[] = [];
  for (const { name, text } of files) {
    const phys = text.split("\n");
    for (let i = 0; i < phys.length; i++) {
      const startLine = i + 1;
      let l = phys[i];
      while (l.endsWith("\\") && i + 1 < phys.length) l = l.slice(0, -1) + "\n" + phys[++i];
      const t = l.trimStart();
      if (!t.startsWith("SecRule")) continue;
      const toks: string[] = [];
      let j = 7;
      while (j < t.length && toks.length < 4) {
        while (j < t.length && /\s/.test(t[j])) j++;
        if (j >= t.length) break;
        if (t[j] === '"') {
          let s = "";
          j++;
          while (j < t.length && t[j] !== '"') {
            if (t[j] === "\\" && t[j + 1] === '"') { s += '"'; j += 2; continue; }
            s += t[j++];
          }
          j++;
          toks.push(s);
        } else {
          let s = "";
          while (j < t.length && !/\s/.test(t[j])) s += t[j++];
          toks.push(s);
        }
      }
      if (toks.length < 2) continue;
      let op = toks[1];
      let negated = false;
      if (op.startsWith("!")) { negated = true; op = op.slice(1); }
      let pattern: string | null = null;
      if (op.startsWith("@rx ")) pattern = op.slice(4);
      else if (op === "@rx") pattern = "";
      else if (!op.startsWith("@")) pattern = op;
      if (pattern === null) continue;
      const id = /\bid:(\d+)/.exec(toks[2] ?? "")?.[1] ?? "";
      out.push({ file: name, id, line: startLine, pattern, negated });
    }
  }
  return out;
}
