// One wasm VM (one Envoy worker thread's copy of the plugin): its instance, linear memory helpers and
// the proxy-wasm ABI 0.2.1 imports the module links against.
//   Host functions follow proxy-wasm-cpp-host src/exports.cc (argument checks, memory copies,
//   InvalidMemoryAccess on bad ranges) and Envoy source/extensions/common/wasm/context.cc (the
//   behaviour behind each call). Each import below names the function it follows.
import { R, MapType, BufferType, BUFFER_TYPE_MAX, StreamType, MetricType, Errno, LOG_LEVEL_NAMES } from "./abi.ts";
import { lowerAscii, getFirst, addHeader, replaceHeader, removeHeader, byteSize, type HeaderList } from "./headers.ts";
import { resolveProperty } from "./properties.ts";
import { PropertyError } from "./pbstruct.ts";
import type { Host } from "./host.ts";
import type { Stream } from "./stream.ts";
import { randomFillSync } from "node:crypto";

/** Thrown by wasi proc_exit (the AssemblyScript runtime's abort ends in proc_exit): the call failed. */
export class ProcExit extends Error {
  constructor(public code: number) { super(`wasi proc_exit(${code})`); }
}

export interface RootState { id: number; tickPeriod: number; tickElapsed: number; pendingDone: boolean }

type Fn = (...a: any[]) => any;
// Node's Buffer has fast latin1 codecs (latin1Slice / latin1Write) that skip argument parsing.
type FastBuf = Buffer & { latin1Slice(s: number, e: number): string; latin1Write(s: string, off: number, len: number): number };
const latin1 = (b: FastBuf, p: number, n: number): string => b.latin1Slice(p, p + n);
const utf8Dec = new TextDecoder();

export type AbiVersion = "0.1.0" | "0.2.0" | "0.2.1";

export class Vm {
  /** the VM currently running a callback (import functions shared by several VMs can ask) */
  static active: Vm | null = null;
  readonly instance: WebAssembly.Instance;
  readonly exports: Record<string, any>;
  readonly memory: WebAssembly.Memory;
  readonly abiVersion: AbiVersion;
  failed = false;
  failMessage = "";
  /** root context id of the active plugin on this VM */
  rootId = 0;
  roots = new Map<number, RootState>();
  streams = new Map<number, Stream>();
  /** plugin configuration visible through PluginConfiguration during on_configure (Envoy temp_plugin_) */
  pluginConfig: Uint8Array | null = null;
  private nextId = 1;
  private depth = 0;
  private current = 0;
  private effective = 0;
  private fns: Record<string, Fn | undefined> = {};
  private alloc_: Fn | undefined;
  // memory views, refreshed only when memory.buffer changes (growth detaches the old buffer)
  private ab: ArrayBuffer | null = null;
  private u8 = new Uint8Array(0);
  private dv = new DataView(new ArrayBuffer(0));
  private b: FastBuf = Buffer.alloc(0) as FastBuf;
  private metricIds = new Map<number, string>();
  private nextMetric = [0, 1, 2]; // cpp-host wasm.h: ids carry the type in the low 2 bits, step 4
  private unimplementedLogged = new Set<string>();

  private constructor(readonly host: Host, readonly index: number, module: WebAssembly.Module) {
    const exps = WebAssembly.Module.exports(module).map((e) => e.name);
    // proxy-wasm-cpp-host src/wasm.cc WasmBase::initialize / getAbiVersion: one of the ABI markers
    // must be exported, otherwise the module is refused.
    if (exps.includes("proxy_abi_version_0_2_1")) this.abiVersion = "0.2.1";
    else if (exps.includes("proxy_abi_version_0_2_0")) this.abiVersion = "0.2.0";
    else if (exps.includes("proxy_abi_version_0_1_0")) this.abiVersion = "0.1.0";
    else throw new Error("Wasm module is missing the Proxy-Wasm ABI version marker (proxy_abi_version_0_2_1 / 0_2_0 / 0_1_0)");
    this.instance = new WebAssembly.Instance(module, this.buildImports(module));
    this.exports = this.instance.exports as Record<string, any>;
    const mem = this.exports.memory;
    if (!(mem instanceof WebAssembly.Memory)) throw new Error("Wasm module does not export its memory");
    this.memory = mem;
    for (const name of exps) if (typeof this.exports[name] === "function") this.fns[name] = this.exports[name];
    // cpp-host WasmBase::getFunctions: proxy_on_memory_allocate, else malloc
    this.alloc_ = this.fns.proxy_on_memory_allocate ?? this.fns.malloc;
    if (!this.alloc_) throw new Error("Wasm module exports neither proxy_on_memory_allocate nor malloc");
    this.refresh();
  }

  /** Instantiates and runs the module's start code (`_initialize`, else `_start`; spec "Integration"). */
  static create(host: Host, index: number, module: WebAssembly.Module): Vm {
    const vm = new Vm(host, index, module);
    if (vm.fns._initialize) {
      vm.call("_initialize", 0);
      if (!vm.failed && vm.fns.main) vm.call("main", 0, 0);
    } else if (vm.fns._start) vm.call("_start", 0);
    return vm;
  }

  has(name: string): boolean { return this.fns[name] !== undefined; }
  allocContextId(): number { return this.nextId++; }

  // ---------------------------------------------------------------- calls into the VM

  /**
   * Calls an export for context `ctx`. A trap (or proc_exit) marks the VM failed, as
   * proxy-wasm-cpp-host does (src/v8/v8.cc getModuleFunctionImpl → WasmVm::fail(RuntimeError,
   * "Function: <name> failed: …")), logs it, and returns undefined. A failed VM is not called again.
   */
  call(name: string, ctx: number, a?: number, b?: number, c?: number): any { // f(ctx, a, b, c): every proxy_on_* takes the context id first
    const f = this.fns[name];
    if (!f || this.failed) return undefined;
    const pc = this.current, pe = this.effective, pv = Vm.active;
    this.current = this.effective = ctx;
    Vm.active = this;
    this.depth++;
    try {
      return f(ctx, a, b, c);
    } catch (e) {
      this.fail(name, e);
      return undefined;
    } finally {
      this.depth--;
      this.current = pc; this.effective = pe; Vm.active = pv;
      if (this.depth === 0) this.afterCall();
    }
  }

  private fail(name: string, e: unknown): void {
    this.failed = true;
    const msg = e instanceof ProcExit ? e.message : e instanceof Error ? `${e.constructor.name}: ${e.message}` : String(e);
    this.failMessage = `Function: ${name} failed: ${msg}`;
    this.host.emitLog(4, this.failMessage, this.index);
  }

  // Deferred actions (cpp-host DeferAfterCallActions): streams touched by send_local_response /
  // continue_stream / close_stream act once the VM call has returned.
  private dirty = new Set<Stream>();
  private afterCall(): void {
    if (this.dirty.size === 0) return;
    const list = [...this.dirty];
    this.dirty.clear();
    for (const s of list) s.afterVmCall();
  }

  // ---------------------------------------------------------------- memory

  private refresh(): void {
    const buf = this.memory.buffer;
    if (buf !== this.ab) {
      this.ab = buf as ArrayBuffer;
      this.u8 = new Uint8Array(buf);
      this.dv = new DataView(buf);
      this.b = Buffer.from(buf) as FastBuf;
    }
  }
  private ok(p: number, n: number): boolean { return p + n <= this.u8.length; }
  /** Bytes at [p, p+n) (a view; copy before keeping), or null when out of range. */
  bytes(p: number, n: number): Uint8Array | null {
    p >>>= 0; n >>>= 0;
    this.refresh();
    return this.ok(p, n) ? this.u8.subarray(p, p + n) : null;
  }
  private str(p: number, n: number): string | null {
    p >>>= 0; n >>>= 0;
    this.refresh();
    return this.ok(p, n) ? latin1(this.b, p, n) : null;
  }
  private setU32(p: number, v: number): boolean {
    p >>>= 0;
    this.refresh();
    if (!this.ok(p, 4)) return false;
    this.dv.setUint32(p, v >>> 0, true);
    return true;
  }
  private setU64(p: number, v: bigint): boolean {
    p >>>= 0;
    this.refresh();
    if (!this.ok(p, 8)) return false;
    this.dv.setBigUint64(p, BigInt.asUintN(64, v), true);
    return true;
  }
  /** Allocates in the guest (cpp-host WasmBase::allocMemory); 0 on failure. */
  /** Guest allocations the host made (each one a malloc in the module), for the benchmarks. */
  allocations = 0;
  allocatedBytes = 0;
  alloc(n: number): number {
    const a = this.alloc_!;
    this.allocations++;
    this.allocatedBytes += n;
    let p = 0;
    try { p = a(n) >>> 0; } catch (e) { this.fail("malloc", e); return 0; }
    this.refresh();
    if (p === 0 || !this.ok(p, n)) return 0;
    return p;
  }
  /** cpp-host WasmBase::copyToPointerSize: empty → (0, 0); else malloc + copy. */
  private copyOut(data: Uint8Array, pp: number, sp: number): number {
    let p = 0;
    if (data.length > 0) {
      p = this.alloc(data.length);
      if (p === 0) return R.InvalidMemoryAccess;
      this.u8.set(data, p);
    }
    if (!this.setU32(pp, p) || !this.setU32(sp, data.length)) return R.InvalidMemoryAccess;
    return R.Ok;
  }
  private copyOutStr(s: string, pp: number, sp: number): number {
    let p = 0;
    const n = s.length;
    if (n > 0) {
      p = this.alloc(n);
      if (p === 0) return R.InvalidMemoryAccess;
      this.b.latin1Write(s, p, n);
    }
    if (!this.setU32(pp, p) || !this.setU32(sp, n)) return R.InvalidMemoryAccess;
    return R.Ok;
  }
  /** Header pairs straight into guest memory (cpp-host exports.cc get_header_map_pairs / marshalPairs). */
  private copyOutPairs(h: HeaderList, pp: number, sp: number): number {
    const n = h.length;
    if (n === 0) return this.copyOutStr("", pp, sp);
    let size = 4 + n * 8;
    for (let i = 0; i < n; i++) size += h[i][0].length + h[i][1].length + 2;
    const p = this.alloc(size);
    if (p === 0) return R.InvalidMemoryAccess;
    const dv = this.dv;
    dv.setUint32(p, n, true);
    // the strings go out in one latin1Write (a call per string costs more than the copy)
    let all = "";
    for (let i = 0; i < n; i++) {
      const k = h[i][0], v = h[i][1];
      dv.setUint32(p + 4 + i * 8, k.length, true);
      dv.setUint32(p + 8 + i * 8, v.length, true);
      all += k + "\0" + v + "\0";
    }
    this.b.latin1Write(all, p + 4 + n * 8, all.length);
    if (!this.setU32(pp, p) || !this.setU32(sp, size)) return R.InvalidMemoryAccess;
    return R.Ok;
  }
  /** cpp-host exports.cc toPairs: a malformed buffer gives no pairs. */
  private readPairs(p: number, n: number): HeaderList | null {
    const raw = this.bytes(p, n);
    if (!raw) return null;
    const out: HeaderList = [];
    if (n < 4) return out;
    const dv = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
    const count = dv.getUint32(0, true);
    if (4 + count * 8 > n) return out;
    let off = 4 + count * 8;
    const base = (p >>> 0);
    for (let i = 0; i < count; i++) {
      const kl = dv.getUint32(4 + i * 8, true), vl = dv.getUint32(8 + i * 8, true);
      if (off + kl + 1 + vl + 1 > n) return [];
      const k = latin1(this.b, base + off, kl); off += kl + 1;
      const v = latin1(this.b, base + off, vl); off += vl + 1;
      out.push([k, v]);
    }
    return out;
  }

  // ---------------------------------------------------------------- context helpers

  private stream(): Stream | undefined { return this.streams.get(this.effective); }
  private rootOf(ctx: number): number {
    if (this.roots.has(ctx)) return ctx;
    return this.streams.get(ctx)?.rootId ?? this.rootId;
  }
  markDirty(s: Stream): void {
    if (this.depth > 0) this.dirty.add(s);
    else s.afterVmCall();
  }

  // ---------------------------------------------------------------- imports

  /** the proxy-wasm host functions as linked (tests call them from inside callbacks) */
  abi!: Record<string, Fn>;

  private buildImports(module: WebAssembly.Module): WebAssembly.Imports {
    const env = this.abi = this.envImports();
    const wasi = this.wasiImports();
    const out: Record<string, Record<string, any>> = {};
    for (const imp of WebAssembly.Module.imports(module)) {
      const ns = (out[imp.module] ??= {});
      if (imp.kind !== "function") continue;
      const impl = (imp.module === "wasi_snapshot_preview1" || imp.module === "wasi_unstable" ? wasi[imp.name] : imp.module === "env" ? env[imp.name] : undefined)
        ?? this.host.extraImports[imp.module]?.[imp.name];
      if (impl) { ns[imp.name] = impl; continue; }
      const name = `${imp.module}.${imp.name}`;
      // Not provided: answer Unimplemented (proxy_*) / ENOSYS (WASI) and say so once.
      ns[imp.name] = (..._a: unknown[]) => {
        if (!this.unimplementedLogged.has(name)) {
          this.unimplementedLogged.add(name);
          this.host.emitLog(3, `host: ${name} is not implemented by this host`, this.index);
        }
        return imp.module === "env" ? R.Unimplemented : Errno.Nosys;
      };
    }
    return out;
  }

  private wasiImports(): Record<string, Fn> {
    const vm = this;
    return {
      // cpp-host exports.cc wasi_unstable_proc_exit: the call fails.
      proc_exit(code: number) { throw new ProcExit(code); },
      // cpp-host exports.cc wasi_unstable_fd_write: fd 1 logs at info, fd 2 at error, else BADF.
      fd_write(fd: number, iovs: number, iovsLen: number, nwritten: number) {
        if (fd !== 1 && fd !== 2) return Errno.Badf;
        const iov = vm.bytes(iovs, iovsLen * 8);
        if (!iov) return Errno.Fault;
        const dv = new DataView(iov.buffer, iov.byteOffset, iov.byteLength);
        const parts: Uint8Array[] = [];
        let total = 0;
        for (let i = 0; i < iovsLen; i++) {
          const p = dv.getUint32(i * 8, true), n = dv.getUint32(i * 8 + 4, true);
          const d = vm.bytes(p, n);
          if (!d) return Errno.Fault;
          parts.push(d.slice()); total += n;
        }
        const msg = utf8Dec.decode(Buffer.concat(parts)).replace(/\n$/, "");
        vm.host.emitLog(fd === 1 ? 2 : 4, msg, vm.index);
        return vm.setU32(nwritten, total) ? Errno.Success : Errno.Fault;
      },
      fd_close() { return Errno.Badf; },
      fd_seek() { return Errno.Badf; },
      fd_read() { return Errno.Badf; },
      fd_fdstat_get() { return Errno.Badf; },
      fd_prestat_get() { return Errno.Badf; },
      fd_prestat_dir_name() { return Errno.Badf; },
      // cpp-host exports.cc wasi_unstable_clock_time_get: realtime and monotonic clocks.
      clock_time_get(id: number, _precision: bigint, out: number) {
        let t: bigint;
        if (id === 0) t = vm.host.nowNs();
        else if (id === 1) t = process.hrtime.bigint();
        else return Errno.Notsup;
        return vm.setU64(out, t) ? Errno.Success : Errno.Fault;
      },
      clock_res_get(_id: number, out: number) { return vm.setU64(out, 1n) ? Errno.Success : Errno.Fault; },
      // cpp-host exports.cc wasi_unstable_random_get: at most 64 KiB per call.
      random_get(p: number, n: number) {
        if ((n >>> 0) > 65536) return Errno.Inval;
        const d = vm.bytes(p, n);
        if (!d) return Errno.Fault;
        randomFillSync(d);
        return Errno.Success;
      },
      // environment and arguments: none (spec "Environment variables": not the host's)
      environ_sizes_get(c: number, s: number) { return vm.setU32(c, 0) && vm.setU32(s, 0) ? Errno.Success : Errno.Fault; },
      environ_get() { return Errno.Success; },
      args_sizes_get(c: number, s: number) { return vm.setU32(c, 0) && vm.setU32(s, 0) ? Errno.Success : Errno.Fault; },
      args_get() { return Errno.Success; },
      sched_yield() { return Errno.Success; },
      poll_oneoff() { return Errno.Notsup; },
    };
  }

  private envImports(): Record<string, Fn> {
    const vm = this;
    const host = this.host;
    const mapOf = (type: number, forWrite: boolean): HeaderList | null | undefined => {
      const s = vm.stream();
      if (!s) return undefined;
      return s.map(type, forWrite);
    };
    const lower = lowerAscii;
    return {
      // ---- logging: Envoy context.cc Context::log; cpp-host exports.cc log (BadArgument above critical)
      proxy_log(level: number, p: number, n: number) {
        if ((level >>> 0) > 5) return R.BadArgument;
        const d = vm.bytes(p, n);
        if (!d) return R.InvalidMemoryAccess;
        host.emitLog(level, utf8Dec.decode(d), vm.index, vm.rootOf(vm.effective));
        return R.Ok;
      },
      proxy_get_log_level(out: number) { return vm.setU32(out, host.logLevel) ? R.Ok : R.InvalidMemoryAccess; },

      // ---- time: Envoy context.cc Context::getCurrentTimeNanoseconds (wall clock)
      proxy_get_current_time_nanoseconds(out: number) {
        return vm.setU64(out, host.nowNs()) ? R.Ok : R.InvalidMemoryAccess;
      },
      // ---- timers: cpp-host ContextBase::setTickPeriod → WasmBase::setTickPeriod(root context)
      proxy_set_tick_period_milliseconds(ms: number) {
        const root = vm.roots.get(vm.rootOf(vm.effective));
        if (!root) return R.BadArgument;
        root.tickPeriod = ms >>> 0;
        root.tickElapsed = 0;
        return R.Ok;
      },

      // ---- context: cpp-host exports.cc set_effective_context / done
      proxy_set_effective_context(id: number) {
        id >>>= 0;
        if (!vm.roots.has(id) && !vm.streams.has(id)) return R.BadArgument;
        vm.effective = id;
        return R.Ok;
      },
      proxy_done() {
        const root = vm.roots.get(vm.rootOf(vm.effective));
        if (!root || !root.pendingDone) return R.NotFound;
        root.pendingDone = false;
        return R.Ok;
      },

      // ---- properties: Envoy context.cc Context::getProperty / setProperty
      proxy_get_property(p: number, n: number, pp: number, sp: number) {
        const path = vm.str(p, n);
        if (path === null) return R.InvalidMemoryAccess;
        const segs = path.split("\0");
        if (segs.length > 1 && segs[segs.length - 1] === "") segs.pop();
        const v = resolveProperty(segs, vm.stream()?.propertySource() ?? null, host.staticProps);
        if (v === undefined) return R.NotFound;
        if (v instanceof PropertyError) return v.status; // e.g. Envoy serializeValue's SerializationFailure
        return vm.copyOut(v, pp, sp);
      },
      proxy_set_property(p: number, n: number, vp: number, vn: number) {
        const path = vm.str(p, n);
        const v = vm.bytes(vp, vn);
        if (path === null || !v) return R.InvalidMemoryAccess;
        const s = vm.stream();
        if (!s) return R.NotFound; // no stream info outside a stream
        s.filterState.set(path.split("\0").join("."), v.slice());
        return R.Ok;
      },

      // ---- header maps: Envoy context.cc getHeaderMapValue / addHeaderMapValue / replaceHeaderMapValue /
      //      removeHeaderMapValue / getHeaderMapPairs / setHeaderMapPairs / getHeaderMapSize
      proxy_get_header_map_value(type: number, kp: number, kn: number, pp: number, sp: number) {
        if ((type >>> 0) > MapType.HttpCallResponseTrailers) return R.BadArgument;
        const k = vm.str(kp, kn);
        if (k === null) return R.InvalidMemoryAccess;
        const m = mapOf(type, false);
        if (!m) {
          if (m === null && vm.stream()?.accessLogPhase) return vm.abiVersion === "0.1.0" ? vm.copyOutStr("", pp, sp) : R.NotFound;
          return R.BadArgument; // "Requested map type is not currently available."
        }
        // only the FIRST value of a repeated header (Envoy: entry[0], see the TODO about concatenation)
        const v = getFirst(m, lower(k));
        if (v === undefined) return vm.abiVersion === "0.1.0" ? vm.copyOutStr("", pp, sp) : R.NotFound;
        return vm.copyOutStr(v, pp, sp);
      },
      proxy_get_header_map_pairs(type: number, pp: number, sp: number) {
        if ((type >>> 0) > MapType.HttpCallResponseTrailers) return R.BadArgument;
        // Envoy headerMapToPairs(nullptr) is an empty list, and the call answers Ok.
        return vm.copyOutPairs(mapOf(type, false) ?? [], pp, sp);
      },
      proxy_get_header_map_size(type: number, out: number) {
        if ((type >>> 0) > MapType.HttpCallResponseTrailers) return R.BadArgument;
        const m = mapOf(type, true);
        if (!m) return R.BadArgument;
        return vm.setU32(out, byteSize(m)) ? R.Ok : R.InvalidMemoryAccess;
      },
      proxy_add_header_map_value(type: number, kp: number, kn: number, vp: number, vn: number) {
        if ((type >>> 0) > MapType.HttpCallResponseTrailers) return R.BadArgument;
        const k = vm.str(kp, kn), v = vm.str(vp, vn);
        if (k === null || v === null) return R.InvalidMemoryAccess;
        const m = mapOf(type, true);
        if (!m) return R.BadArgument;
        addHeader(m, lower(k), v);
        return R.Ok;
      },
      proxy_replace_header_map_value(type: number, kp: number, kn: number, vp: number, vn: number) {
        if ((type >>> 0) > MapType.HttpCallResponseTrailers) return R.BadArgument;
        const k = vm.str(kp, kn), v = vm.str(vp, vn);
        if (k === null || v === null) return R.InvalidMemoryAccess;
        const m = mapOf(type, true);
        if (!m) return R.BadArgument;
        replaceHeader(m, lower(k), v);
        return R.Ok;
      },
      proxy_remove_header_map_value(type: number, kp: number, kn: number) {
        if ((type >>> 0) > MapType.HttpCallResponseTrailers) return R.BadArgument;
        const k = vm.str(kp, kn);
        if (k === null) return R.InvalidMemoryAccess;
        const m = mapOf(type, true);
        if (!m) return R.BadArgument;
        removeHeader(m, lower(k));
        return R.Ok;
      },
      proxy_set_header_map_pairs(type: number, p: number, n: number) {
        if ((type >>> 0) > MapType.HttpCallResponseTrailers) return R.BadArgument;
        const pairs = vm.readPairs(p, n);
        if (!pairs) return R.InvalidMemoryAccess;
        const m = mapOf(type, true);
        if (!m) return R.BadArgument;
        m.length = 0; // remove every existing key, then addCopy each pair
        for (const [k, v] of pairs) addHeader(m, lower(k), v);
        return R.Ok;
      },

      // ---- buffers: cpp-host exports.cc get_buffer_bytes / get_buffer_status / set_buffer_bytes,
      //      Envoy context.cc Context::getBuffer and Buffer::copyFrom
      proxy_get_buffer_bytes(type: number, start: number, length: number, pp: number, sp: number) {
        if ((type >>> 0) > BUFFER_TYPE_MAX) return R.BadArgument;
        const buf = vm.buffer(type);
        if (!buf) return R.NotFound;
        start >>>= 0; length >>>= 0;
        if (start + length > 0xffffffff) return R.BadArgument; // overflow check
        if (start > buf.length) return R.NotFound;
        if (start + length > buf.length) length = buf.length - start; // don't overread
        if (length === 0) return R.NotFound;
        return vm.copyOut(buf.subarray(start, start + length), pp, sp);
      },
      proxy_get_buffer_status(type: number, lp: number, fp: number) {
        if ((type >>> 0) > BUFFER_TYPE_MAX) return R.BadArgument;
        const buf = vm.buffer(type);
        if (!buf) return R.NotFound;
        if (!vm.setU32(lp, buf.length) || !vm.setU32(fp, 0)) return R.InvalidMemoryAccess;
        return R.Ok;
      },
      proxy_set_buffer_bytes(type: number, start: number, length: number, p: number, n: number) {
        if ((type >>> 0) > BUFFER_TYPE_MAX) return R.BadArgument;
        const d = vm.bytes(p, n);
        if (!d) return R.InvalidMemoryAccess;
        const s = vm.stream();
        if (!s) return R.NotFound;
        return s.setBuffer(type, start >>> 0, length >>> 0, d.slice());
      },

      // ---- local replies and stream control: Envoy context.cc sendLocalResponse / continueStream / closeStream
      proxy_send_local_response(status: number, dp: number, dn: number, bp: number, bn: number, hp: number, hn: number, grpc: number) {
        const details = vm.str(dp, dn), body = vm.bytes(bp, bn), headers = vm.readPairs(hp, hn);
        if (details === null || !body || !headers) return R.InvalidMemoryAccess;
        const s = vm.stream();
        if (!s) return R.Ok; // no decoder callbacks: nothing happens, as in Envoy
        s.requestLocalReply(status >>> 0, body.slice(), headers, grpc | 0, details);
        return R.Ok;
      },
      proxy_continue_stream(type: number) {
        if (type !== StreamType.Request && type !== StreamType.Response) return R.BadArgument;
        const s = vm.stream();
        if (s) s.requestContinue(type);
        return R.Ok;
      },
      // ABI 0.1.0 names
      proxy_continue_request() { const s = vm.stream(); if (s) s.requestContinue(StreamType.Request); return R.Ok; },
      proxy_continue_response() { const s = vm.stream(); if (s) s.requestContinue(StreamType.Response); return R.Ok; },
      proxy_close_stream(type: number) {
        if ((type >>> 0) > StreamType.Upstream) return R.BadArgument;
        const s = vm.stream();
        if (s && (type === StreamType.Request || type === StreamType.Response)) s.requestClose();
        return R.Ok;
      },
      proxy_clear_route_cache() { return R.Ok; },

      // ---- metrics: Envoy context.cc defineMetric / incrementMetric / recordMetric / getMetric
      proxy_define_metric(type: number, np: number, nn: number, out: number) {
        if ((type >>> 0) > MetricType.Histogram) return R.BadArgument;
        const name = vm.str(np, nn);
        if (name === null) return R.InvalidMemoryAccess;
        const id = vm.nextMetric[type];
        vm.nextMetric[type] += 4;
        host.defineMetric(type, name);
        vm.metricIds.set(id, name);
        return vm.setU32(out, id) ? R.Ok : R.InvalidMemoryAccess;
      },
      proxy_increment_metric(id: number, offset: bigint) {
        id >>>= 0;
        const type = id & 3;
        const name = vm.metricIds.get(id);
        if (type === MetricType.Counter) {
          if (name === undefined) return R.NotFound;
          if (offset <= 0n) return R.BadArgument; // counters only go up
          host.metricAdd(name, offset);
          return R.Ok;
        }
        if (type === MetricType.Gauge) {
          if (name === undefined) return R.NotFound;
          host.metricAdd(name, offset);
          return R.Ok;
        }
        return R.BadArgument;
      },
      proxy_record_metric(id: number, value: bigint) {
        id >>>= 0;
        const name = vm.metricIds.get(id);
        if (name === undefined) return R.NotFound;
        const v = BigInt.asUintN(64, value);
        const type = id & 3;
        if (type === MetricType.Counter) host.metricAdd(name, v);
        else if (type === MetricType.Gauge) host.metricSet(name, v);
        else host.metricRecord(name, v);
        return R.Ok;
      },
      proxy_get_metric(id: number, out: number) {
        id >>>= 0;
        const type = id & 3;
        if (type === MetricType.Histogram || type === 3) return R.BadArgument;
        const name = vm.metricIds.get(id);
        if (name === undefined) return R.NotFound;
        return vm.setU64(out, host.metrics.get(name)!.value) ? R.Ok : R.InvalidMemoryAccess;
      },

      // ---- shared data: cpp-host exports.cc get_shared_data / set_shared_data (keyed by vm_id)
      proxy_get_shared_data(kp: number, kn: number, pp: number, sp: number, cp: number) {
        const k = vm.str(kp, kn);
        if (k === null) return R.InvalidMemoryAccess;
        const e = host.shared.get(k, host.vmId);
        if (!e) return R.NotFound;
        const r = vm.copyOut(e.value, pp, sp);
        if (r !== R.Ok) return r;
        return vm.setU32(cp, e.cas) ? R.Ok : R.InvalidMemoryAccess;
      },
      proxy_set_shared_data(kp: number, kn: number, vp: number, vn: number, cas: number) {
        const k = vm.str(kp, kn), v = vm.bytes(vp, vn);
        if (k === null || !v) return R.InvalidMemoryAccess;
        return host.shared.set(k, v, cas >>> 0, host.vmId);
      },

      // ---- shared queues: cpp-host exports.cc register/resolve/enqueue/dequeue_shared_queue
      proxy_register_shared_queue(np: number, nn: number, out: number) {
        const name = vm.str(np, nn);
        if (name === null) return R.InvalidMemoryAccess;
        // on_queue_ready goes to the root context (ContextBase::registerSharedQueue)
        const t = host.queues.register(host.vmId, name, { vmIndex: vm.index, contextId: vm.rootOf(vm.effective) });
        return vm.setU32(out, t) ? R.Ok : R.InvalidMemoryAccess;
      },
      proxy_resolve_shared_queue(vp: number, vn: number, np: number, nn: number, out: number) {
        const vmId = vm.str(vp, vn), name = vm.str(np, nn);
        if (vmId === null || name === null) return R.InvalidMemoryAccess;
        const t = host.queues.resolve(vmId, name);
        if (t === undefined) return R.NotFound;
        return vm.setU32(out, t) ? R.Ok : R.InvalidMemoryAccess;
      },
      proxy_dequeue_shared_queue(token: number, pp: number, sp: number) {
        const r = host.queues.dequeue(token >>> 0);
        if (r.result !== R.Ok) return r.result;
        return vm.copyOut(r.value!, pp, sp);
      },
      proxy_enqueue_shared_queue(token: number, p: number, n: number) {
        const d = vm.bytes(p, n);
        if (!d) return R.InvalidMemoryAccess;
        const r = host.queues.enqueue(token >>> 0, d);
        if (r.result === R.Ok && r.owner) host.notifyQueue(r.owner, token >>> 0);
        return r.result;
      },

      // ---- outbound calls: no clusters exist here, as in Envoy when the cluster is unknown
      //      (context.cc httpCall: getThreadLocalCluster == nullptr → BadArgument)
      proxy_http_call() { return R.BadArgument; },
      proxy_dispatch_http_call() { return R.BadArgument; },
      proxy_grpc_call() { return R.ParseFailure; },
      proxy_grpc_stream() { return R.ParseFailure; },
      proxy_grpc_send() { return R.BadArgument; },
      proxy_grpc_cancel() { return R.NotFound; },
      proxy_grpc_close() { return R.NotFound; },
      proxy_get_status(cp: number, pp: number, sp: number) {
        if (!vm.setU32(cp, 0)) return R.InvalidMemoryAccess;
        return vm.copyOutStr("", pp, sp);
      },
      proxy_call_foreign_function() { return R.NotFound; },
    };
  }

  /** Envoy Context::getBuffer for the non-stream buffers, and the stream's body buffers. */
  private buffer(type: number): Uint8Array | null {
    if (type === BufferType.VmConfiguration) return this.host.vmConfiguration;
    if (type === BufferType.PluginConfiguration) return this.pluginConfig;
    const s = this.stream();
    if (!s) return null;
    return s.bodyBuffer(type);
  }

  /** Log level names, for LogEntry. */
  static levelName(l: number): string { return LOG_LEVEL_NAMES[l] ?? String(l); }
}
