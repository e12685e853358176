// Node loader for build/harness/waf.wasm: the WAF's transformations and request body processors
// (assembly/waf/transforms/, assembly/waf/body/) with Uint8Array/string arguments, for node:test
// checks, fuzzing and benchmarks.
// Example:
//   const w = await loadWaf();
//   w.transform("urlDecodeUni", "%uff1cscript%3e")      // => { out: Uint8Array "<script>", changed: true }
//   w.body("json", '{"a":[1]}')                         // => { events: [["A","json.a.0","1"],["A","json.a","1"]], error: null }
//   w.body("multipart", bodyBytes, { contentType: "multipart/form-data; boundary=X" })
import { readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

export const WAF_HARNESS_WASM = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "build", "harness", "waf.wasm");

export type Input = Uint8Array | string;
export type BodyKind = "urlencoded" | "json" | "multipart" | "xml";
const KINDS: Record<BodyKind, number> = { urlencoded: 0, json: 1, multipart: 2, xml: 3 };

export interface BodyOptions {
  contentType?: string;       // multipart: the Content-Type header value
  jsonModsecNames?: boolean;  // "json.a.array_0" instead of Coraza's "json.a.0"
  xmlAllowEntityDecl?: boolean;
  maxDepth?: number;          // 1..255 (0 = default 512)
  maxArgs?: number;           // 1..255 (0 = default 1000)
  maxFiles?: number;          // 1..127 (0 = default 100)
}
export interface BodyResult {
  /** One array per event: ["A", name, value] | ["F", name, filename, size, data] | ["H", name, line]
   *  | ["T", path, text] | ["@", path, value] | ["G", FLAG, "0|1|2"]. Fields are latin-1 strings. */
  events: string[][];
  /** REQBODY_ERROR_MSG, or null. */
  error: string | null;
  /** Raw output size in bytes (for bounds checks). */
  outBytes: number;
}

export interface WafHarness {
  transformId(name: string): number;
  transform(name: string | number, input: Input): { out: Uint8Array; changed: boolean };
  body(kind: BodyKind, input: Input, opts?: BodyOptions): BodyResult;
}

const enc = new TextEncoder();
const latin1 = new TextDecoder("latin1");

function unescapeField(s: string): string {
  return s.replace(/\\([tnr\\])/g, (_m, c) => (c === "t" ? "\t" : c === "n" ? "\n" : c === "r" ? "\r" : "\\"));
}

export async function loadWaf(path = WAF_HARNESS_WASM): Promise<WafHarness> {
  const mod = await WebAssembly.compile(readFileSync(path));
  const inst = await WebAssembly.instantiate(mod, {
    env: {
      abort(_msg: number, _file: number, line: number, col: number) {
        throw new Error(`waf harness abort at ${line}:${col}`);
      },
    },
  });
  const x = inst.exports as any;
  const mem: WebAssembly.Memory = x.memory;
  function place(b: Uint8Array): number {
    const p = x.inputPtr(b.length) >>> 0;
    new Uint8Array(mem.buffer).set(b, p);
    return b.length;
  }
  const bytes = (i: Input) => (typeof i === "string" ? enc.encode(i) : i);
  const out = () => new Uint8Array(mem.buffer, x.outPtr() >>> 0, x.outLen()).slice();
  const ids = new Map<string, number>();
  function transformId(name: string): number {
    let id = ids.get(name);
    if (id === undefined) { id = x.transformIdOf(place(enc.encode(name))) as number; ids.set(name, id); }
    return id;
  }
  return {
    transformId,
    transform(name, input) {
      const id = typeof name === "number" ? name : transformId(name);
      if (id < 0) throw new Error(`unknown transformation ${name}`);
      const changed = x.transform(id, place(bytes(input))) !== 0;
      return { out: out(), changed };
    },
    body(kind, input, opts = {}) {
      let b = bytes(input);
      if (kind === "multipart") {
        const ct = enc.encode((opts.contentType ?? "") + "\n");
        const all = new Uint8Array(ct.length + b.length);
        all.set(ct); all.set(b, ct.length); b = all;
      }
      const opt = (opts.jsonModsecNames ? 1 : 0) | (opts.xmlAllowEntityDecl ? 2 : 0)
        | ((opts.maxDepth ?? 0) & 0xff) << 8 | ((opts.maxArgs ?? 0) & 0xff) << 16 | ((opts.maxFiles ?? 0) & 0x7f) << 24;
      x.parseBody(KINDS[kind], place(b), opt);
      const raw = out();
      const text = latin1.decode(raw);
      const events: string[][] = [];
      let error: string | null = null;
      for (const line of text.split("\n")) {
        if (!line) continue;
        const f = line.split("\t").map(unescapeField);
        if (f[0] === "E") error = f.slice(1).join("\t");
        else events.push(f);
      }
      return { events, error, outBytes: raw.length };
    },
  };
}
