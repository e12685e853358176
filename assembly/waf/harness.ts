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
 */
import { ByteBuf } from "./bytes";
import { transformId, applyTransform } from "./transforms/registry";
import { runBody } from "./body/textsink";

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
