// Node loader for build/harness/waf-libinjection.wasm: libinjection's SQLi and XSS detectors
// (assembly/waf/libinjection/) with Uint8Array/string arguments, for the conformance suite,
// node:test checks and the bench.
// Example:
//   const li = await loadLibinjection();
//   li.detectSQLi("1' or '1'='1")   // => { sqli: true, fingerprint: "s&sos" }
//   li.detectXSS("<script>")        // => true
import { readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

export const HARNESS_WASM = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "build", "harness", "waf-libinjection.wasm");

/** libinjection's tokenizer flags. */
export const FLAG_QUOTE_NONE = 1, FLAG_QUOTE_SINGLE = 2, FLAG_QUOTE_DOUBLE = 4, FLAG_SQL_ANSI = 8, FLAG_SQL_MYSQL = 16;
/** HTML5 tokenizer start states. */
export const H5_DATA_STATE = 0, H5_VALUE_NO_QUOTE = 1, H5_VALUE_SINGLE_QUOTE = 2, H5_VALUE_DOUBLE_QUOTE = 3, H5_VALUE_BACK_QUOTE = 4;

export type Input = Uint8Array | string;

export interface LibinjectionHarness {
  /** Token dump, one "<type> <value>" line per token (libinjection test format). */
  sqliTokens(input: Input, flags?: number): string;
  /** Folded token dump (at most 5 tokens). */
  sqliFold(input: Input, flags?: number): string;
  detectSQLi(input: Input): { sqli: boolean; fingerprint: string };
  /** HTML5 token dump, "TYPE,len,text" lines. */
  h5Tokens(input: Input, state?: number): string;
  detectXSS(input: Input): boolean;
  /** Loop iterations of the last detect call. */
  sqliSteps(): number;
  xssSteps(): number;
  /** Raw access for benchmarks: copy input once, then call detect on (ptr, len) repeatedly. */
  place(input: Input): [number, number];
  rawSQLi(ptr: number, len: number): boolean;
  rawXSS(ptr: number, len: number): boolean;
}

const enc = new TextEncoder();
const dec = new TextDecoder("latin1");

export async function loadLibinjection(path = HARNESS_WASM): Promise<LibinjectionHarness> {
  const mod = await WebAssembly.compile(readFileSync(path));
  const inst = await WebAssembly.instantiate(mod, {
    env: {
      abort(_msg: number, _file: number, line: number, col: number) {
        throw new Error(`libinjection harness abort at ${line}:${col}`);
      },
    },
  });
  const x = inst.exports as any;
  const mem: WebAssembly.Memory = x.memory;
  function place(input: Input): [number, number] {
    const b = typeof input === "string" ? enc.encode(input) : input;
    const p = x.buffer(b.length) >>> 0;
    new Uint8Array(mem.buffer).set(b, p);
    return [p, b.length];
  }
  const text = (n: number) => dec.decode(new Uint8Array(mem.buffer, x.out() >>> 0, n));
  return {
    sqliTokens(input, flags = FLAG_QUOTE_NONE | FLAG_SQL_ANSI) {
      const [p, n] = place(input);
      return text(x.sqliTokens(p, n, flags));
    },
    sqliFold(input, flags = FLAG_QUOTE_NONE | FLAG_SQL_ANSI) {
      const [p, n] = place(input);
      return text(x.sqliFold(p, n, flags));
    },
    detectSQLi(input) {
      const [p, n] = place(input);
      const sqli = x.sqliDetect(p, n) === 1;
      return { sqli, fingerprint: sqli ? text(x.fingerprint()) : "" };
    },
    h5Tokens(input, state = H5_DATA_STATE) {
      const [p, n] = place(input);
      return text(x.h5Tokens(p, n, state));
    },
    detectXSS(input) {
      const [p, n] = place(input);
      return x.xssDetect(p, n) === 1;
    },
    sqliSteps: () => Number(x.sqliSteps()),
    xssSteps: () => Number(x.xssSteps()),
    place,
    rawSQLi: (p, n) => x.sqliDetect(p, n) === 1,
    rawXSS: (p, n) => x.xssDetect(p, n) === 1,
  };
}
