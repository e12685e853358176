// Garbage collection for the filter. build/bulwark.wasm uses AssemblyScript's non-incremental
// collector (`--runtime minimal`, TCMS): no shadow stack, so the hot path runs about twice as fast
// as with the incremental one, but garbage is only freed when __collect() runs, and __collect() may
// only run when no wasm frame below holds an object that nothing else references. The filter
// collects only at such points:
//   - in proxy_on_configure, between the configuration's steps (the work in progress is rooted in
//     the root context; regexes compile one by one: operators/rx.ts);
//   - in proxy_on_delete (a top-level host call: the stream context is still in the runtime's
//     context map), once the garbage since the last collection may exceed a quarter of the linear
//     memory (at least GARBAGE_MIN), or the memory grew; never while one of our own callbacks is
//     running (a host could re-enter). The collector does not tell how much garbage there is, so
//     it is estimated: every buffer adopted from the host (header maps, bodies: host/mem.ts
//     takeBuffer; header maps' offset tables), the strings of each log line and local reply
//     (host/stream.ts), plus PER_STREAM for the rest of a stream's own objects. Measured (memory
//     growth with collection off, bench/filter.bench.ts requests, 200 000 each): no growth for a
//     clean GET, one with 30 headers, or one with a new request id and query each time: stream
//     contexts are reused (filter.ts STREAM_POOL) and so are their request-header buffers
//     (host/headers.ts HeaderMap.fetch); PER_STREAM (256) is for what other streams make (tokens,
//     detections). An estimate that falls short only lets the memory grow once (a collection
//     follows any growth, and the budget grows with the memory).
// Without the estimate, collecting only when the memory grew would double the memory on every
// cycle (the allocator doubles it when its free blocks run out, before we can collect).
// With `--runtime incremental` (the harnesses and as-pect specs) these calls are also correct.

const GARBAGE_MIN: usize = 4 << 20;
const PER_STREAM: usize = 256;

let depth = 0;
let pagesAfterCollect: i32 = 0;
let garbage: usize = 0;

export function enterCallback(): void { depth++; }
export function leaveCallback(): void { depth--; }

/** `n` bytes the host handed us that become garbage within the stream. */
export function noteGarbage(n: usize): void { garbage += n; }

/** Collects now (only where no wasm frame below holds an unrooted object). */
export function collectGarbage(): void {
  __collect();
  garbage = 0;
  pagesAfterCollect = memory.size();
}

/** At the end of a stream: collects when enough garbage may have piled up (or memory grew). */
export function collectIfDue(): void {
  garbage += PER_STREAM;
  if (depth != 0) return;
  const pages = memory.size();
  const budget = max(GARBAGE_MIN, (<usize>pages << 16) >> 2);
  if (garbage > budget || pages > pagesAfterCollect) collectGarbage();
}
