// Engine harness (build/harness/waf-engine.wasm): the WAF engine without the proxy-wasm host, for
// benchmarks that separate the engine's per-request cost from the host's. Not shipped to Envoy.
// Built like the filter, with the non-incremental collector (scripts/build.mjs): it collects only
// inside configure(); run() leaves one small buffer of garbage per call.
//   const p = inputPtr(n); write config JSON; configure(n) → 0 ok / -1 JSON / -2 faults
//   p = inputPtr(n); write "METHOD URI\nname: value\n…"; run(n, reps) → rule evaluations of the last run
import { JsonParser } from "../../config/json";
import { Errors } from "../../config/reader";
import { parseWaf } from "./parse";
import { WafEngine, setTrace, traced } from "./eval";
import { ByteBuf } from "../bytes";
import { Waf } from "./rule";
import { deferRxCompiles, compileDeferredRx } from "../operators/rx";
import { collectGarbage } from "../../gc";

const INPUT = new ByteBuf(1 << 16);
let engine: WafEngine | null = null;

export function inputPtr(n: i32): usize { INPUT.reset(); INPUT.reserve(n); INPUT.len = n; return INPUT.ptr; }

let pendingWaf: Waf | null = null;
let pendingErrs: Errors | null = null;

/** As the filter configures (assembly/filter.ts): regexes compiled one by one after the model,
 *  with the garbage collected in between (this harness is built with the filter's runtime). */
export function configure(n: i32): i32 {
  const buf = new ArrayBuffer(n);
  memory.copy(changetype<usize>(buf), INPUT.ptr, n);
  const v = new JsonParser(buf).parse();
  if (v == null) return -1;
  const errs = new Errors();
  deferRxCompiles(true);
  const w = parseWaf(v, "waf", errs);
  deferRxCompiles(false);
  pendingWaf = w; pendingErrs = errs;   // rooted while garbage is collected
  compileDeferredRx(errs, collectGarbage);
  pendingWaf = null; pendingErrs = null;
  if (errs.list.length) { collectGarbage(); return -2; }
  engine = new WafEngine(w);
  collectGarbage();
  return 0;
}

/** Runs phases 1 and 2 over the request in the input buffer `reps` times; returns evaluations (or -1 if blocked). */
export function run(n: i32, reps: i32): i32 {
  const e = engine!;
  const req = new ArrayBuffer(n);
  memory.copy(changetype<usize>(req), INPUT.ptr, n);
  const p = changetype<usize>(req);
  let res = 0;
  for (let k = 0; k < reps; k++) {
    e.begin("bench", 0);
    // request line
    let i = 0;
    while (i < n && load<u8>(p + i) != 0x20) i++;
    let j = i + 1;
    while (j < n && load<u8>(p + j) != 0x0a) j++;
    e.tx.setRequestLine(p, i, p + i + 1, j - i - 1, "HTTP/1.1");
    let s = j + 1;
    while (s < n) {
      let c = s;
      while (c < n && load<u8>(p + c) != 0x3a) c++;
      let eol = c;
      while (eol < n && load<u8>(p + eol) != 0x0a) eol++;
      e.tx.addRequestHeader(p + s, c - s, p + c + 2, eol - c - 2);
      s = eol + 1;
    }
    e.runPhase(1);
    e.requestBody(0, 0);
    e.runPhase(2);
    e.checkInbound();
    res = e.tx.interrupted ? -1 : e.evaluations;
  }
  return res;
}

/** Rule ids evaluated by one run (debugging the prefilter): returns a pointer to i32 count + ids. */
export function traceRun(n: i32): usize {
  setTrace(true);
  run(n, 1);
  setTrace(false);
  const out = new StaticArray<i32>(traced.length + 2);
  out[0] = traced.length;
  out[1] = engine!.skipped;
  for (let i = 0; i < traced.length; i++) out[i + 2] = traced[i];
  return changetype<usize>(out);
}
