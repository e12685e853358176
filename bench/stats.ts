// Timing helper shared by the benches that sample single calls: warm up, then time calls until
// `minMs` has passed (at least 20, at most `maxIter`), and return p50/p99 in microseconds.
export function stats(fn: () => void, minMs = 150, maxIter = 2000): { p50: number; p99: number } {
  for (let i = 0; i < 5; i++) fn();
  const t: number[] = [];
  const start = performance.now();
  while (t.length < maxIter && (t.length < 20 || performance.now() - start < minMs)) {
    const a = performance.now();
    fn();
    t.push((performance.now() - a) * 1000);
  }
  t.sort((x, y) => x - y);
  return { p50: t[Math.floor(t.length * 0.5)], p99: t[Math.min(t.length - 1, Math.floor(t.length * 0.99))] };
}
