// Shared by the host tests: builds the wasm the tests load, and a "probe" module whose callbacks
// hand control to the test (test/host/fixtures/probe.ts) so ABI calls can be made from inside a real
// callback, with the right context current, exactly as a filter would make them.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, existsSync, renameSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { Host, Vm, type HostOptions } from "../../src/host/index.ts";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const PH = {
  contextCreate: 0, vmStart: 1, configure: 2, reqHeaders: 3, reqBody: 4, reqTrailers: 5,
  respHeaders: 6, respBody: 7, respTrailers: 8, log: 9, done: 10, delete: 11, tick: 12, queueReady: 13,
} as const;
export const PHASE_NAMES = Object.fromEntries(Object.entries(PH).map(([k, v]) => [v, k])) as Record<number, string>;

let builtOnce = false;
/** node scripts/build.mjs --if-needed (filter + passthrough). */
export function buildFilter(): void {
  if (builtOnce) return;
  for (const only of ["build/bulwark.wasm", "build/passthrough.wasm"]) {
    execFileSync(process.execPath, ["scripts/build.mjs", "--if-needed", `--only=${only}`], { cwd: ROOT, stdio: "pipe" });
  }
  builtOnce = true;
}
export const filterWasm = () => readFileSync(join(ROOT, "build", "bulwark.wasm"));
export const passthroughWasm = () => readFileSync(join(ROOT, "build", "passthrough.wasm"));

let probeBytes: Uint8Array | undefined;
/** Compiles the probe fixture with asc, cached in the temp dir by source hash (test files run in separate processes). */
export async function probeWasm(): Promise<Uint8Array> {
  if (probeBytes) return probeBytes;
  const src = join(ROOT, "test/host/fixtures/probe.ts");
  const hash = createHash("sha256").update(readFileSync(src)).update(JSON.stringify(process.versions.node)).digest("hex").slice(0, 16);
  const cached = join(tmpdir(), `bulwark-probe-${hash}.wasm`);
  if (!existsSync(cached)) {
    const asc = (await import("assemblyscript/asc")) as any;
    const out = join(mkdtempSync(join(tmpdir(), "bulwark-probe-")), "probe.wasm");
    const { error, stderr } = await asc.main([src, "-o", out, "-O1", "--runtime", "stub", "--noColors"]);
    if (error) throw new Error(`probe fixture failed to compile: ${stderr.toString()}`);
    renameSync(out, cached); // atomic: parallel test files may race to write it
  }
  probeBytes = readFileSync(cached);
  return probeBytes;
}

/** Guest memory helpers for calling ABI functions by hand from inside a callback. */
export class Guest {
  constructor(readonly vm: Vm) {}
  get abi() { return this.vm.abi; }
  /** copies bytes (or a latin1 string) into fresh guest memory: [ptr, len] */
  put(v: Uint8Array | string): [number, number] {
    const b = typeof v === "string" ? Buffer.from(v, "latin1") : v;
    const p = this.vm.alloc(Math.max(1, b.length));
    new Uint8Array(this.vm.memory.buffer).set(b, p);
    return [p, b.length];
  }
  /** two out-slots (pointer, size) */
  slots(): [number, number] { const p = this.vm.alloc(16); return [p, p + 8]; }
  u32(p: number): number { return new DataView(this.vm.memory.buffer).getUint32(p, true); }
  u64(p: number): bigint { return new DataView(this.vm.memory.buffer).getBigUint64(p, true); }
  /** bytes the host wrote through an out-slot pair */
  out(pp: number, sp: number): Uint8Array {
    const p = this.u32(pp), n = this.u32(sp);
    return new Uint8Array(this.vm.memory.buffer).slice(p, p + n);
  }
  outStr(pp: number, sp: number): string { return Buffer.from(this.out(pp, sp)).toString("latin1"); }
  memSize(): number { return this.vm.memory.buffer.byteLength; }

  // convenience wrappers returning [result, value]
  getHeader(map: number, name: string): [number, string] {
    const [k, kn] = this.put(name); const [pp, sp] = this.slots();
    const r = this.abi.proxy_get_header_map_value(map, k, kn, pp, sp);
    return [r, r === 0 ? this.outStr(pp, sp) : ""];
  }
  addHeader(map: number, name: string, value: string): number {
    const [k, kn] = this.put(name), [v, vn] = this.put(value);
    return this.abi.proxy_add_header_map_value(map, k, kn, v, vn);
  }
  replaceHeader(map: number, name: string, value: string): number {
    const [k, kn] = this.put(name), [v, vn] = this.put(value);
    return this.abi.proxy_replace_header_map_value(map, k, kn, v, vn);
  }
  removeHeader(map: number, name: string): number { const [k, kn] = this.put(name); return this.abi.proxy_remove_header_map_value(map, k, kn); }
  pairs(map: number): [number, Array<[string, string]>] {
    const [pp, sp] = this.slots();
    const r = this.abi.proxy_get_header_map_pairs(map, pp, sp);
    return [r, r === 0 ? decodePairs(this.out(pp, sp)) : []];
  }
  bufferBytes(type: number, start: number, len: number): [number, Uint8Array] {
    const [pp, sp] = this.slots();
    const r = this.abi.proxy_get_buffer_bytes(type, start, len, pp, sp);
    return [r, r === 0 ? this.out(pp, sp) : new Uint8Array(0)];
  }
  setBuffer(type: number, start: number, len: number, data: string): number {
    const [p, n] = this.put(data);
    return this.abi.proxy_set_buffer_bytes(type, start, len, p, n);
  }
  property(path: string): [number, Uint8Array] {
    const [p, n] = this.put(path.split(".").join("\0")); const [pp, sp] = this.slots();
    const r = this.abi.proxy_get_property(p, n, pp, sp);
    return [r, r === 0 ? this.out(pp, sp) : new Uint8Array(0)];
  }
  localReply(status: number, body: string, headers: Array<[string, string]>, details: string): number {
    const [d, dn] = this.put(details), [b, bn] = this.put(body), [h, hn] = this.put(encodePairs(headers));
    return this.abi.proxy_send_local_response(status, d, dn, b, bn, h, hn, -1);
  }
  log(level: number, msg: string): number { const [p, n] = this.put(msg); return this.abi.proxy_log(level, p, n); }
}

export function encodePairs(pairs: Array<[string, string]>): Uint8Array {
  const parts = pairs.map(([k, v]) => [Buffer.from(k, "latin1"), Buffer.from(v, "latin1")]);
  let size = 4 + pairs.length * 8;
  for (const [k, v] of parts) size += k.length + v.length + 2;
  const out = new Uint8Array(size); const dv = new DataView(out.buffer);
  dv.setUint32(0, pairs.length, true);
  let off = 4 + pairs.length * 8;
  parts.forEach(([k, v], i) => {
    dv.setUint32(4 + i * 8, k.length, true); dv.setUint32(8 + i * 8, v.length, true);
    out.set(k, off); off += k.length + 1; out.set(v, off); off += v.length + 1;
  });
  return out;
}
export function decodePairs(b: Uint8Array): Array<[string, string]> {
  if (b.length < 4) return [];
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const n = dv.getUint32(0, true);
  const out: Array<[string, string]> = [];
  let off = 4 + n * 8;
  for (let i = 0; i < n; i++) {
    const kl = dv.getUint32(4 + i * 8, true), vl = dv.getUint32(8 + i * 8, true);
    const k = Buffer.from(b.subarray(off, off + kl)).toString("latin1"); off += kl + 1;
    const v = Buffer.from(b.subarray(off, off + vl)).toString("latin1"); off += vl + 1;
    out.push([k, v]);
  }
  return out;
}

export type ProbeFn = (phase: number, ctx: number, a: number, b: number, g: Guest) => number | void;
export interface ProbeCall { phase: string; ctx: number; a: number; b: number; worker: number }

/** A host running the probe module; `handler` answers each callback (default: true for start/configure/done, else 0). */
export async function probeHost(handler: ProbeFn = () => undefined, opts: Partial<HostOptions> = {}): Promise<{ host: Host; calls: ProbeCall[] }> {
  const calls: ProbeCall[] = [];
  const probe = (phase: number, ctx: number, a: number, b: number): number => {
    const vm = Vm.active!;
    calls.push({ phase: PHASE_NAMES[phase], ctx, a, b, worker: vm.index });
    const r = handler(phase, ctx, a, b, new Guest(vm));
    if (r !== undefined) return r;
    return phase === PH.vmStart || phase === PH.configure || phase === PH.done ? 1 : 0;
  };
  const host = await Host.create({ wasm: await probeWasm(), imports: { env: { probe } }, ...opts });
  return { host, calls };
}
