// Per-request cost of the filter against the pass-through module (same runtime, same build flags,
// no work but one header lookup), measured in the same run, for three requests:
//   clean GET, GET with 30 headers, 64 KiB JSON POST (in 16 KiB chunks);
// then the clean GET with a new x-request-id and query string on every request (values the
// prefilter has not seen), the clean GET without the built-in packs, and what the packs
// themselves add (the difference) as a multiple of the pass-through module. Variants compared with
// each other run in turns (measureInTurns), so the machine's drift falls on both sides.
// Prints p50/p99 per request for both and the ratio filter ÷ pass-through, the pass-through's
// absolute ns/request and its ratio to a pure-JS loop doing the same lifecycle and header lookup,
// and the linear memory of one VM after 1 000 and after 100 000 requests (must not grow).
import { readFileSync } from "node:fs";
import { Host, type HeaderList } from "../src/host/index.ts";

const N = Number(process.env.BENCH_N ?? 20000);
const config = readFileSync("rules/default.json", "utf8");

export interface Case { name: string; headers: HeaderList; body?: Uint8Array }

export function cases(): Case[] {
  const base: HeaderList = [[":method", "GET"], [":path", "/api/items?page=2"], [":authority", "api.example.com"], [":scheme", "http"],
    ["user-agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36"], ["accept", "application/json"], ["x-request-id", "3f0c6a9e-1d2b-4c55-9a7e-3b1f0e2d4c6a"]];
  const many: HeaderList = [...base];
  for (let i = 0; many.length < 34; i++) many.push([`x-custom-header-${i}`, `value-${i}-${"v".repeat(20)}`]);
  const items = [];
  for (let i = 0; JSON.stringify(items).length < 64 * 1024 - 120; i++) items.push({ id: i, name: `item ${i}`, tags: ["a", "b"], price: i * 1.5 });
  const body = new TextEncoder().encode(JSON.stringify({ items }).slice(0, 64 * 1024));
  const post: HeaderList = [[":method", "POST"], [":path", "/api/items"], [":authority", "api.example.com"], [":scheme", "http"],
    ["content-type", "application/json"], ["content-length", String(body.length)], ["x-request-id", "3f0c6a9e-1d2b-4c55-9a7e-3b1f0e2d4c6b"]];
  return [
    { name: "clean GET", headers: base },
    { name: "GET, 30 headers", headers: many },
    { name: "64 KiB JSON POST", headers: post, body },
  ];
}

const RESPONSE: HeaderList = [[":status", "200"], ["content-type", "application/json"], ["content-length", "2"]];
const CHUNK = 16 * 1024;

/** One request's whole life through the filter: request headers (+ body), response headers, finish. */
export function once(host: Host, c: Case): void {
  const s = host.stream();
  if (c.body) {
    s.requestHeaders(c.headers, false);
    for (let off = 0; off < c.body.length; off += CHUNK) {
      s.requestBody(c.body.subarray(off, off + CHUNK), off + CHUNK >= c.body.length);
    }
  } else {
    s.requestHeaders(c.headers, true);
  }
  s.responseHeaders(RESPONSE, true);
  s.finish();
}

export function measure(fn: () => void, n: number): { p50: number; p99: number; mean: number } {
  for (let i = 0; i < Math.min(2000, n); i++) fn(); // warm up (JIT tiers, wasm tier-up)
  const t = new Float64Array(n);
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    t[i] = Number(process.hrtime.bigint() - t0);
  }
  const mean = Number(process.hrtime.bigint() - start) / n;
  t.sort();
  return { p50: t[Math.floor(n * 0.5)], p99: t[Math.floor(n * 0.99)], mean };
}

export interface Stat { p50: number; p99: number; mean: number }

/**
 * Several variants measured in turns, blocks of 250 requests each until each has run n, so that
 * a slow or a fast phase of the machine (this VM drifts by 10-20% within a minute) falls on all
 * of them alike; per-request p50, p99 and mean (ns) of each. Ratios are taken between variants of
 * one call.
 */
export function measureInTurns(fns: Array<() => void>, n: number): Stat[] {
  for (const fn of fns) for (let i = 0; i < Math.min(2000, n); i++) fn();   // warm up
  const ts = fns.map(() => new Float64Array(n));
  const BLOCK = 250;
  for (let off = 0; off < n; off += BLOCK) {
    const end = Math.min(n, off + BLOCK);
    for (let k = 0; k < fns.length; k++) {
      const fn = fns[k], t = ts[k];
      for (let i = off; i < end; i++) {
        const t0 = process.hrtime.bigint();
        fn();
        t[i] = Number(process.hrtime.bigint() - t0);
      }
    }
  }
  return ts.map((t) => {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += t[i];
    t.sort();
    return { p50: t[Math.floor(n * 0.5)], p99: t[Math.floor(n * 0.99)], mean: sum / n };
  });
}

/** n copies of case c, each with its own x-request-id and page number. */
export function freshVariants(c: Case, n: number): Case[] {
  const out: Case[] = [];
  for (let i = 0; i < n; i++) {
    const id = `${(0x10000000 + i * 7919).toString(16)}-1d2b-4c55-9a7e-${(0x100000000000 + i * 104729).toString(16)}`;
    out.push({ ...c, headers: c.headers.map(([k, v]) => [k, k === "x-request-id" ? id : k === ":path" ? v.replace(/page=\d+/, `page=${i + 1}`) : v]) });
  }
  return out;
}

/** Allocations the host makes in the guest (malloc calls: header maps, bodies, properties) per request, and their bytes. */
function allocsPerRequest(host: Host, c: Case): string {
  const vm = host.worker(0);
  const n0 = vm.allocations, b0 = vm.allocatedBytes;
  const R = 200;
  for (let i = 0; i < R; i++) once(host, c);
  return `${((vm.allocations - n0) / R).toFixed(1)} (${((vm.allocatedBytes - b0) / R / 1024).toFixed(1)} KiB)`;
}

const us = (ns: number) => (ns / 1000).toFixed(2).padStart(7) + " µs";

/** The pure-JS floor: the same lifecycle (context object in a map) and one header lookup. */
function jsLoop(c: Case): () => void {
  const contexts = new Map<number, { id: number; root: number }>();
  let id = 1;
  return () => {
    const ctx = { id: ++id, root: 1 };
    contexts.set(ctx.id, ctx);
    let path: string | undefined;
    for (const [k, v] of c.headers) if (k === ":path") { path = v; break; }
    if (path === undefined) throw new Error("no path");
    contexts.delete(ctx.id);
  };
}

export default async function run(): Promise<void> {
  const filter = await Host.create({ wasm: readFileSync("build/bulwark.wasm"), configuration: config });
  const pass = await Host.create({ wasm: readFileSync("build/passthrough.wasm"), configuration: "" });
  console.log(`requests per case: ${N} (BENCH_N); filter = build/bulwark.wasm on rules/default.json`);
  console.log("case                 filter p50   filter p99     pass p50     pass p99   ratio p50   ratio p99   host→guest allocs/req (filter, pass)");
  for (const c of cases()) {
    const [f, p] = measureInTurns([() => once(filter, c), () => once(pass, c)], N);
    console.log(`${c.name.padEnd(18)} ${us(f.p50)} ${us(f.p99)}  ${us(p.p50)}  ${us(p.p99)}   ${(f.p50 / p.p50).toFixed(2).padStart(7)}×   ${(f.p99 / p.p99).toFixed(2).padStart(7)}×   ${allocsPerRequest(filter, c)}, ${allocsPerRequest(pass, c)}`);
  }
  const c0 = cases()[0];
  // the clean GET as real traffic sends it: a new x-request-id and query string on every request
  // (values the prefilter's scan memo has not seen), against the pass-through on the same requests
  {
    const fresh = freshVariants(c0, 4096);
    let k = 0, j = 0;
    const [f, p0] = measureInTurns([() => once(filter, fresh[k++ & 4095]), () => once(pass, fresh[j++ & 4095])], N);
    console.log(`clean GET, a new x-request-id and query each time: ${us(f.p50)} p50, pass-through ${us(p0.p50)}, ratio ${(f.p50 / p0.p50).toFixed(2)}×`);
  }
  // the same configuration without the built-in packs: what the packs themselves add
  {
    const cfg = JSON.parse(config);
    cfg.waf = { ...cfg.waf, builtinPacks: "none" };
    const bare = await Host.create({ wasm: readFileSync("build/bulwark.wasm"), configuration: JSON.stringify(cfg) });
    const [w, b, p0] = measureInTurns([() => once(filter, c0), () => once(bare, c0), () => once(pass, c0)], N);
    console.log(`clean GET without the built-in packs (waf.builtinPacks "none"): ${us(b.p50)} p50, pass-through ${us(p0.p50)}, ratio ${(b.p50 / p0.p50).toFixed(2)}×`);
    // what the packs themselves cost per request (with minus without, measured in turns with the
    // pass-through), against the pass-through module
    console.log(`the built-in packs' own cost on the clean GET (with ${us(w.p50)} minus without, p50): ${us(w.p50 - b.p50)} = ${((w.p50 - b.p50) / p0.p50).toFixed(2)}× the pass-through module`);
    bare.close();
  }
  const p = measure(() => once(pass, c0), N);
  const js = measure(jsLoop(c0), N);
  console.log(`pass-through, clean GET: ${p.mean.toFixed(0)} ns/request (mean); pure-JS lifecycle + header lookup: ${js.mean.toFixed(0)} ns/request; pass-through ÷ JS = ${(p.mean / js.mean).toFixed(1)}×`);

  // memory: one VM, linear memory after 1 000 and after 100 000 requests (mixed cases)
  const mem = await Host.create({ wasm: readFileSync("build/bulwark.wasm"), configuration: config });
  const all = cases();
  const deny: Case = { name: "denied", headers: [[":method", "GET"], [":path", "/.git/config"], [":authority", "x"], [":scheme", "http"]] };
  all.push(deny);
  const size = () => mem.worker(0).memory.buffer.byteLength;
  for (let i = 0; i < 1000; i++) once(mem, all[i % all.length]);
  const after1k = size();
  for (let i = 1000; i < 100_000; i++) once(mem, all[i % all.length]);
  const after100k = size();
  console.log(`linear memory of one VM: ${(after1k / 1024).toFixed(0)} KiB after 1 000 requests, ${(after100k / 1024).toFixed(0)} KiB after 100 000 (${after100k > after1k ? "GREW" : "no growth"})`);
  filter.close(); pass.close(); mem.close();
}
