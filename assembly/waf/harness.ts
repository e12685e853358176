/**
 * Harness for conformance tests, fuzzing and benchmarks of the WAF parts (not shipped to Envoy).
 * Memory protocol: the caller gets an input area with `inputPtr(n)` (valid until the next call),
 * writes bytes there, then calls an entry point; results are read from `outPtr()`/`outLen()`.
 *
 *   transformIdOf(n)            name in the input area → id or -1
 *   transform(id, n)            transform the n input bytes → changed (0/1); result in out
 *   parseBody(kind, n, flags)   run a body processor (0 urlencoded, 1 JSON, 2 multipart,
 *                               3 XML) on the n input bytes; the emitted events are serialised in
 *                               out as lines (see body/textsink.ts); returns the event count
 *   benchTransform(id, n, reps) / benchBody(kind, n, reps)   loops inside wasm, for benchmarks
 */
import { ByteBuf } from "./bytes";
import { transformId, applyTransform } from "./transforms/registry";
import { runBody } from "./body/textsink";
import { BodySink, BodyLimits, BodyResult } from "./body/sink";
import { UrlencodedProcessor } from "./body/urlencoded";
import { JsonProcessor } from "./body/json";
import { MultipartProcessor } from "./body/multipart";
import { XmlProcessor } from "./body/xml";

const INPUT = new ByteBuf(1 << 16);
const OUT = new ByteBuf(1 << 16);

export function inputPtr(n: i32): usize { INPUT.reset(); INPUT.reserve(n); INPUT.len = n; return INPUT.ptr; }
export function outPtr(): usize { return OUT.ptr; }
export function outLen(): i32 { return OUT.len; }

export function transformIdOf(n: i32): i32 {
  return transformId(String.UTF8.decodeUnsafe(INPUT.ptr, <usize>n));
}
export function transform(id: i32, n: i32): i32 {
  return applyTransform(id, INPUT.ptr, n, OUT) ? 1 : 0;
}
export function parseBody(kind: i32, n: i32, opt: i32): i32 {
  return runBody(kind, INPUT.ptr, n, opt, OUT);
}

/** Benchmark helper: apply transformation `id` to the n input bytes `reps` times; returns the last output length. */
export function benchTransform(id: i32, n: i32, reps: i32): i32 {
  for (let i = 0; i < reps; i++) applyTransform(id, INPUT.ptr, n, OUT);
  return OUT.len;
}

class CountSink extends BodySink {
  events: i32 = 0;
  bytes: i64 = 0;
  arg(np: usize, nn: i32, vp: usize, vn: i32): void { this.events++; this.bytes += nn + vn; }
  file(np: usize, nn: i32, fp: usize, fn: i32, dp: usize, dn: i32): void { this.events++; this.bytes += dn; }
  xml(kind: i32, pp: usize, pn: i32, vp: usize, vn: i32): void { this.events++; this.bytes += vn; }
}
const COUNT = new CountSink();
const LIMITS = new BodyLimits();
LIMITS.maxArgs = 1 << 20;
const RES = new BodyResult();
const P_URL = new UrlencodedProcessor();
const P_JSON = new JsonProcessor();
const P_MULTI = new MultipartProcessor();
const P_XML = new XmlProcessor();

/**
 * Benchmark helper: run body processor `kind` on the n input bytes `reps` times with a sink that
 * only counts (no serialisation); multipart takes its Content-Type from the first input line.
 * Returns the events of the last run, or -1 if it failed.
 */
export function benchBody(kind: i32, n: i32, reps: i32): i32 {
  const p = INPUT.ptr;
  for (let i = 0; i < reps; i++) {
    COUNT.events = 0;
    if (kind == 0) P_URL.process(p, n, COUNT, LIMITS, RES);
    else if (kind == 1) P_JSON.process(p, n, COUNT, LIMITS, RES);
    else if (kind == 2) {
      let k = 0;
      while (k < n && load<u8>(p + k) != 0x0a) k++;
      const at = k < n ? k + 1 : n;
      P_MULTI.process(p, k, p + at, n - at, COUNT, LIMITS, RES);
    } else P_XML.process(p, n, COUNT, LIMITS, RES);
  }
  return RES.error ? -1 : COUNT.events;
}
