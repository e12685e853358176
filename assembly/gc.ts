// Garbage collection for the filter. build/bulwark.wasm uses AssemblyScript's non-incremental
// collector (`--runtime minimal`, TCMS): no shadow stack, so the hot path runs about twice as fast
// as with the incremental one, but garbage is only freed when __collect() runs, and __collect() may
// only run when no wasm frame below holds an object that nothing else references. The filter
// collects only at such points:
//   - in proxy_on_configure, between the configuration's steps (the work in progress is rooted in
//     the root context; regexes compile one by one: operators/rx.ts);
//   - in proxy_on_delete (a top-level host call: the stream context is still in the runtime's
//     context map), when linear memory grew since the last collection (the allocator doubles the
//     memory when its free blocks run out, so collections happen about once per doubling);
//     never while one of our own callbacks is running (a host could re-enter us).
// With `--runtime incremental` (the harnesses and as-pect specs) these calls are also correct.

let depth = 0;
let pagesAfterCollect: i32 = 0;

export function enterCallback(): void { depth++; }
export function leaveCallback(): void { depth--; }

/** Collects now (only where no wasm frame below holds an unrooted object). */
export function collectGarbage(): void {
  __collect();
  pagesAfterCollect = memory.size();
}

/** At the end of a stream: collects when memory grew since the last collection. */
export function collectIfGrown(): void {
  if (depth != 0) return;
  if (memory.size() > pagesAfterCollect) collectGarbage();
}
