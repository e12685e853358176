// The proxy-wasm host: compiles the module once, runs one VM per worker (as Envoy runs one VM per
// worker thread), drives the plugin lifecycle, and plays Envoy's HTTP connection manager + router
// for whole requests (Host.request).
//   Lifecycle: proxy-wasm-cpp-host src/wasm.cc (WasmBase::start → ContextBase::onStart:
//   proxy_on_context_create(root, 0) then proxy_on_vm_start; WasmBase::configure → proxy_on_configure;
//   a false answer fails the plugin: "Failed to start thread-local Wasm" / "Failed to configure
//   thread-local Wasm plugin"), startShutdown/finishShutdown (proxy_on_done on every root context,
//   then proxy_on_delete).
import { Vm } from "./vm.ts";
import { Stream, type StreamOptions, type FilterStatus, type LocalReply } from "./stream.ts";
import { SharedData, SharedQueues, type QueueOwner } from "./shared.ts";
import { normalizeHeaders, getFirst, type HeaderList } from "./headers.ts";
import { encodeProperty } from "./properties.ts";
import { LOG_LEVEL_NAMES, MetricType } from "./abi.ts";

export interface LogEntry { level: number; levelName: string; message: string; worker: number; rootId: string }

export interface HostOptions {
  wasm: Uint8Array | WebAssembly.Module;
  configuration?: string | Uint8Array;
  vmConfiguration?: string | Uint8Array;
  rootId?: string;
  pluginName?: string;
  vmId?: string;
  workers?: number;
  now?: () => bigint;
  onLog?: (e: LogEntry) => void;
  bufferLimit?: number;
  properties?: Record<string, string | Uint8Array | boolean | number>;
  /** Envoy plugin fail_open: a failed VM lets streams through instead of answering 503 (default false) */
  failOpen?: boolean;
  /** level reported by proxy_get_log_level and below which logs are dropped (default 0: keep all) */
  logLevel?: number;
  /** Envoy stream_idle_timeout for streams paused by the filter in Host.request (default 300 000 ms) */
  streamIdleTimeoutMs?: number;
  /** extra imports for names the host does not provide (test fixtures) */
  imports?: Record<string, Record<string, (...a: any[]) => any>>;
  /** keep at most this many log entries in host.logs (default 10 000; oldest dropped) */
  maxLogs?: number;
}

export class ConfigureError extends Error {
  constructor(message: string, public logs: LogEntry[]) { super(message); this.name = "ConfigureError"; }
}

export interface Metric { type: "counter" | "gauge" | "histogram"; value: bigint; samples?: bigint[] }

export interface SimRequest {
  method: string; path: string; authority?: string; scheme?: string; headers?: HeaderList;
  body?: Uint8Array | string; chunkSize?: number;
  trailers?: HeaderList; worker?: number; properties?: StreamOptions["properties"];
  /** dynamic metadata earlier Envoy filters set for this request (e.g. jwt_authn's payload_in_metadata) */
  dynamicMetadata?: StreamOptions["dynamicMetadata"];
  upstream?: (h: HeaderList, body: Uint8Array) =>
    Promise<UpstreamResponse> | UpstreamResponse;
}
export interface UpstreamResponse { status: number; headers?: HeaderList; body?: Uint8Array | string; trailers?: HeaderList }

export interface SimResult {
  status: number; headers: HeaderList; body: Uint8Array;
  localReply: boolean; details?: string;
  upstreamRequest?: { headers: HeaderList; body: Uint8Array; trailers?: HeaderList };
  /** the stream was reset (no response reached the client; status is 0) */
  reset?: boolean;
  trailers?: HeaderList;
}

const enc = new TextEncoder();
const toBytes = (v: string | Uint8Array | undefined): Uint8Array => v === undefined ? new Uint8Array(0) : typeof v === "string" ? enc.encode(v) : v;
const METRIC_NAMES = ["counter", "gauge", "histogram"] as const;
const MAX_SAMPLES = 65536;

export class Host {
  readonly logs: LogEntry[] = [];
  readonly metrics = new Map<string, Metric>();
  readonly shared: SharedData;
  readonly queues = new SharedQueues();
  readonly vmId: string;
  readonly rootIdName: string;
  readonly bufferLimit: number;
  readonly failOpen: boolean;
  readonly logLevel: number;
  readonly staticProps = new Map<string, Uint8Array>();
  vmConfiguration: Uint8Array;
  configuration: Uint8Array;
  private vms: Vm[] = [];
  private rr = 0;
  private clockOffsetNs = 0n;
  private pendingQueue: Array<{ owner: QueueOwner; token: number }> = [];
  private draining = false;
  private closed = false;

  readonly extraImports: Record<string, Record<string, (...a: any[]) => any>>;

  private constructor(private opts: HostOptions, readonly module: WebAssembly.Module) {
    this.vmId = opts.vmId ?? "";
    this.extraImports = opts.imports ?? {};
    this.rootIdName = opts.rootId ?? "";
    this.bufferLimit = opts.bufferLimit ?? 1024 * 1024; // per_connection_buffer_limit_bytes default 1 MiB
    this.failOpen = opts.failOpen ?? false;
    this.logLevel = opts.logLevel ?? 0;
    this.shared = new SharedData(this.vmId);
    this.vmConfiguration = toBytes(opts.vmConfiguration);
    this.configuration = toBytes(opts.configuration);
    // Envoy context.cc findValue: plugin_name, plugin_root_id, plugin_vm_id
    this.staticProps.set("plugin_name", enc.encode(opts.pluginName ?? "bulwark"));
    this.staticProps.set("plugin_root_id", enc.encode(this.rootIdName));
    this.staticProps.set("plugin_vm_id", enc.encode(this.vmId));
    for (const [k, v] of Object.entries(opts.properties ?? {})) this.staticProps.set(k, encodeProperty(v));
  }

  /** Compiles once, instantiates `workers` VMs and starts + configures the plugin on each. */
  static async create(opts: HostOptions): Promise<Host> {
    const module = opts.wasm instanceof WebAssembly.Module ? opts.wasm : await WebAssembly.compile(opts.wasm as Uint8Array<ArrayBuffer>);
    const host = new Host(opts, module);
    const n = Math.max(1, opts.workers ?? 1);
    for (let i = 0; i < n; i++) {
      let vm: Vm;
      try {
        vm = Vm.create(host, i, module);
      } catch (e) {
        host.emitLog(4, `Failed to load Wasm module: ${(e as Error).message}`, i);
        throw new ConfigureError((e as Error).message, [...host.logs]);
      }
      if (vm.failed) throw new ConfigureError(`Failed to start Wasm module: ${vm.failMessage}`, [...host.logs]);
      host.vms.push(vm);
      const id = host.startRoot(vm, host.configuration);
      if (typeof id === "string") throw new ConfigureError(id, [...host.logs]);
      vm.rootId = id;
    }
    return host;
  }

  /** Creates, starts and configures a root context; its id, or the failure message. */
  private startRoot(vm: Vm, config: Uint8Array): number | string {
    const id = vm.allocContextId();
    vm.roots.set(id, { id, tickPeriod: 0, tickElapsed: 0, pendingDone: false });
    vm.call("proxy_on_context_create", id, 0);
    let ok = !vm.failed;
    if (ok && vm.has("proxy_on_vm_start")) ok = vm.call("proxy_on_vm_start", id, this.vmConfiguration.length) !== 0 && !vm.failed;
    if (!ok) { this.dropRoot(vm, id); return `Failed to start thread-local Wasm${vm.failed ? `: ${vm.failMessage}` : " (proxy_on_vm_start returned false)"}`; }
    if (vm.has("proxy_on_configure")) {
      vm.pluginConfig = config;
      ok = vm.call("proxy_on_configure", id, config.length) !== 0 && !vm.failed;
      vm.pluginConfig = null;
    }
    if (!ok) { this.dropRoot(vm, id); return `Failed to configure thread-local Wasm plugin${vm.failed ? `: ${vm.failMessage}` : " (proxy_on_configure returned false)"}`; }
    return id;
  }

  private dropRoot(vm: Vm, id: number): void {
    if (!vm.failed) { vm.call("proxy_on_done", id); vm.call("proxy_on_delete", id); }
    vm.roots.delete(id);
  }

  worker(i: number): Vm {
    const vm = this.vms[i];
    if (!vm) throw new RangeError(`no worker ${i} (workers: ${this.vms.length})`);
    return vm;
  }
  get workers(): number { return this.vms.length; }

  /**
   * A configuration update: a new root context with the new configuration on every VM (as Envoy
   * creates a new plugin on its worker VMs). Refusal anywhere keeps the old configuration everywhere
   * (Envoy rejects the update) and throws ConfigureError with the log lines of the attempt.
   */
  reconfigure(configuration: string | Uint8Array): void {
    this.assertOpen();
    const cfg = toBytes(configuration);
    const mark = this.logs.length;
    const created: Array<[Vm, number]> = [];
    for (const vm of this.vms) {
      if (vm.failed) continue;
      const id = this.startRoot(vm, cfg);
      if (typeof id === "string") {
        for (const [v, rid] of created) this.dropRoot(v, rid);
        throw new ConfigureError(id, this.logs.slice(mark));
      }
      created.push([vm, id]);
    }
    for (const [vm, id] of created) {
      const old = vm.rootId;
      vm.rootId = id;
      this.dropRoot(vm, old);
    }
    this.configuration = cfg;
    this.drain();
  }

  /** Advances the clock by `ms` and calls proxy_on_tick on every root whose tick period elapsed. */
  tick(ms: number): void {
    this.assertOpen();
    this.clockOffsetNs += BigInt(Math.round(ms * 1e6));
    for (const vm of this.vms) {
      for (const root of [...vm.roots.values()]) {
        if (root.tickPeriod <= 0) continue;
        root.tickElapsed += ms;
        let n = Math.floor(root.tickElapsed / root.tickPeriod);
        root.tickElapsed -= n * root.tickPeriod;
        if (n > 10000) n = 10000;
        for (let i = 0; i < n && !vm.failed && root.tickPeriod > 0 && vm.roots.has(root.id); i++) {
          vm.call("proxy_on_tick", root.id);
          this.drain();
        }
      }
    }
    this.drain();
  }

  /** A new HTTP stream on a worker VM (opts.worker, else round-robin). */
  stream(opts: StreamOptions = {}): Stream {
    this.assertOpen();
    const i = opts.worker ?? (this.rr++ % this.vms.length);
    return new Stream(this, this.worker(i), opts);
  }

  /**
   * One whole exchange as Envoy's connection manager and router run it: request headers
   * (end_of_stream when there is no body or trailers), body chunks, trailers; the upstream only when
   * the request fully passed the filter; the response back through the filter; then on_log,
   * on_done, on_delete. Synchronous unless the upstream answers with a promise or the filter pauses.
   */
  request(req: SimRequest): Promise<SimResult> | SimResult {
    const s = this.stream({ worker: req.worker, properties: req.properties, dynamicMetadata: req.dynamicMetadata });
    const body = toBytes(req.body);
    const h: HeaderList = [
      [":method", req.method], [":path", req.path], [":authority", req.authority ?? "localhost"], [":scheme", req.scheme ?? "http"],
    ];
    for (const [k, v] of normalizeHeaders(req.headers)) {
      if (k === ":method" || k === ":path" || k === ":authority" || k === ":scheme") continue;
      h.push([k, v]);
    }
    const hasTrailers = !!req.trailers && req.trailers.length > 0;
    const chunk = Math.max(1, req.chunkSize ?? 16384);
    s.requestHeaders(h, body.length === 0 && !hasTrailers);
    for (let off = 0; off < body.length && !s.localReply && !s.reset; off += chunk) {
      const end = Math.min(body.length, off + chunk);
      s.requestBody(body.subarray(off, end), end === body.length && !hasTrailers);
    }
    if (hasTrailers && !s.localReply && !s.reset) s.requestTrailers(req.trailers!);
    const then = () => this.afterRequest(s, req);
    if (s.upstreamComplete || s.localReply || s.reset) return then();
    return this.waitFor(s, () => s.upstreamComplete || !!s.localReply || s.reset).then(then);
  }

  private afterRequest(s: Stream, req: SimRequest): Promise<SimResult> | SimResult {
    if (s.localReply || s.reset) return this.afterResponse(s, false);
    const up = req.upstream ?? (() => ({ status: 200 }));
    const r = up(s.upstreamHeaders, s.upstreamBody.slice());
    if (r && typeof (r as Promise<UpstreamResponse>).then === "function") return (r as Promise<UpstreamResponse>).then((x) => this.respond(s, x));
    return this.respond(s, r as UpstreamResponse);
  }

  private respond(s: Stream, r: UpstreamResponse): Promise<SimResult> | SimResult {
    const body = toBytes(r.body);
    const hasTrailers = !!r.trailers && r.trailers.length > 0;
    const h: HeaderList = [[":status", String(r.status)]];
    for (const [k, v] of normalizeHeaders(r.headers)) if (k !== ":status") h.push([k, v]);
    if (!s.localReply && !s.reset) s.responseHeaders(h, body.length === 0 && !hasTrailers);
    const chunk = 16384;
    for (let off = 0; off < body.length && !s.reset && !s.localReply; off += chunk) {
      const end = Math.min(body.length, off + chunk);
      s.responseBody(body.subarray(off, end), end === body.length && !hasTrailers);
    }
    if (hasTrailers && !s.reset && !s.localReply) s.responseTrailers(r.trailers!);
    return this.afterResponse(s, true);
  }

  private afterResponse(s: Stream, upstreamCalled: boolean): Promise<SimResult> | SimResult {
    const done = () => this.result(s, upstreamCalled);
    if (s.downstreamComplete || s.reset) return done();
    return this.waitFor(s, () => s.downstreamComplete || s.reset).then(done);
  }

  private result(s: Stream, upstreamCalled: boolean): SimResult {
    s.finish();
    const headers = s.reset ? [] : s.downstreamHeaders;
    const st = getFirst(headers, ":status");
    const out: SimResult = {
      status: s.reset ? 0 : st !== undefined ? Number(st) : 0,
      headers, body: s.reset ? new Uint8Array(0) : s.downstreamBody.slice(),
      localReply: !!s.localReply, details: s.localReply?.details,
    };
    if (upstreamCalled) out.upstreamRequest = { headers: s.upstreamHeaders, body: s.upstreamBody.slice(), ...(s.upstreamTrailers ? { trailers: s.upstreamTrailers } : {}) };
    if (s.reset) out.reset = true;
    if (s.downstreamTrailers) out.trailers = s.downstreamTrailers;
    return out;
  }

  /** Waits for progress on a paused stream, with Envoy's stream idle timeout. */
  private waitFor(s: Stream, cond: () => boolean): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => { s.idleTimeout(); this.drain(); check(); }, this.opts.streamIdleTimeoutMs ?? 300_000);
      const check = () => {
        if (cond() || s.reset || s.ended) { clearTimeout(timer); s.onProgress = undefined; resolve(); }
      };
      s.onProgress = check;
    });
  }

  /** proxy_on_done then proxy_on_delete on every root context (WasmBase::startShutdown / finishShutdown). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const vm of this.vms) {
      if (vm.failed) continue;
      const ids = [...vm.roots.keys()];
      for (const id of ids) {
        const done = vm.call("proxy_on_done", id);
        if (done === 0) vm.roots.get(id)!.pendingDone = true;
      }
      for (const id of ids) vm.call("proxy_on_delete", id);
      vm.roots.clear();
    }
  }

  // ------------------------------------------------------------------ used by the VMs

  /** Wall clock in ns: options.now, else Date.now() plus the time advanced by tick(). */
  nowNs(): bigint {
    return this.opts.now ? this.opts.now() : BigInt(Date.now()) * 1_000_000n + this.clockOffsetNs;
  }

  emitLog(level: number, message: string, worker: number, _rootContext?: number): void {
    if (level < this.logLevel) return;
    const e: LogEntry = { level, levelName: LOG_LEVEL_NAMES[level] ?? String(level), message, worker, rootId: this.rootIdName };
    this.logs.push(e);
    const max = this.opts.maxLogs ?? 10000;
    if (this.logs.length > max) this.logs.splice(0, this.logs.length - max);
    this.opts.onLog?.(e);
  }

  defineMetric(type: number, name: string): void {
    if (!this.metrics.has(name)) {
      this.metrics.set(name, { type: METRIC_NAMES[type], value: 0n, ...(type === MetricType.Histogram ? { samples: [] } : {}) });
    }
  }
  metricAdd(name: string, delta: bigint): void { const m = this.metrics.get(name)!; m.value += delta; }
  metricSet(name: string, v: bigint): void { this.metrics.get(name)!.value = v; }
  metricRecord(name: string, v: bigint): void {
    const m = this.metrics.get(name)!;
    m.value += 1n; // histograms: value counts the samples; samples keeps the recorded values
    m.samples!.push(v);
    if (m.samples!.length > MAX_SAMPLES) m.samples!.splice(0, m.samples!.length - MAX_SAMPLES);
  }

  /** SharedQueue::enqueue posts on_queue_ready to the registering VM's thread: delivered after the current call. */
  notifyQueue(owner: QueueOwner, token: number): void { this.pendingQueue.push({ owner, token }); }

  /** Delivers posted on_queue_ready callbacks (the worker event loop running posted work). */
  drain(): void {
    if (this.draining || this.pendingQueue.length === 0) return;
    this.draining = true;
    try {
      while (this.pendingQueue.length) {
        const { owner, token } = this.pendingQueue.shift()!;
        const vm = this.vms[owner.vmIndex];
        if (vm && !vm.failed && vm.roots.has(owner.contextId)) vm.call("proxy_on_queue_ready", owner.contextId, token);
      }
    } finally {
      this.draining = false;
    }
  }

  private assertOpen(): void { if (this.closed) throw new Error("host is closed"); }
}

export type { FilterStatus, LocalReply, StreamOptions };
export { Stream };
