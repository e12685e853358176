// Host conformance: metrics, logs, ticks, time, properties (Envoy context.cc).
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { WasmResult as R } from "../../src/host/index.ts";
import { probeHost, probeWasm, PH, type Guest } from "./helpers.ts";

before(async () => { await probeWasm(); });

function define(g: Guest, type: number, name: string): [number, number] {
  const [p, n] = g.put(name); const [out] = g.slots();
  const r = g.abi.proxy_define_metric(type, p, n, out);
  return [r, g.u32(out)];
}
function getMetric(g: Guest, id: number): [number, bigint] {
  const [out] = g.slots();
  const r = g.abi.proxy_get_metric(id, out);
  return [r, r === R.Ok ? g.u64(out) : -1n];
}

test("metrics: ids carry the type in the low bits; counters only go up (BadArgument otherwise); gauges add, subtract and set; histograms record; get_metric reads counters and gauges (Envoy defineMetric / incrementMetric / recordMetric / getMetric)", async () => {
  const out: unknown[] = [];
  const { host } = await probeHost((ph, _c, _a, _b, g) => {
    if (ph !== PH.configure) return;
    const [rc, c] = define(g, 0, "req_total");
    const [rg, gg] = define(g, 1, "inflight");
    const [rh, h] = define(g, 2, "latency");
    out.push([rc, rg, rh], [c & 3, gg & 3, h & 3]);
    out.push(g.abi.proxy_increment_metric(c, 2n), g.abi.proxy_increment_metric(c, 0n), g.abi.proxy_increment_metric(c, -1n));
    out.push(g.abi.proxy_record_metric(c, 3n), getMetric(g, c));
    out.push(g.abi.proxy_increment_metric(gg, 5n), g.abi.proxy_increment_metric(gg, -2n), getMetric(g, gg));
    out.push(g.abi.proxy_record_metric(gg, 42n), getMetric(g, gg));
    out.push(g.abi.proxy_record_metric(h, 7n), g.abi.proxy_record_metric(h, 9n), g.abi.proxy_increment_metric(h, 1n), getMetric(g, h)[0]);
    out.push(g.abi.proxy_increment_metric(c + 400, 1n), define(g, 3, "bad")[0]);
  });
  assert.deepEqual(out, [
    [R.Ok, R.Ok, R.Ok], [0, 1, 2],
    R.Ok, R.BadArgument, R.BadArgument,
    R.Ok, [R.Ok, 5n],
    R.Ok, R.Ok, [R.Ok, 3n],
    R.Ok, [R.Ok, 42n],
    R.Ok, R.Ok, R.BadArgument, R.BadArgument,
    R.NotFound, R.BadArgument,
  ]);
  assert.deepEqual(host.metrics.get("req_total"), { type: "counter", value: 5n });
  assert.deepEqual(host.metrics.get("latency")!.samples, [7n, 9n]);
  host.close();
});

test("metrics of the same name defined on several workers are one stat (Envoy stats scope)", async () => {
  const { host } = await probeHost((ph, _c, _a, _b, g) => {
    if (ph === PH.configure) { const [, id] = define(g, 0, "shared_total"); g.abi.proxy_increment_metric(id, 1n); }
  }, { workers: 3 });
  assert.equal(host.metrics.get("shared_total")!.value, 3n);
  host.close();
});

test("proxy_log: levels trace..critical recorded with their names; a level above critical is BadArgument; onLog sees each entry", async () => {
  const seen: string[] = [];
  const { host } = await probeHost((ph, _c, _a, _b, g) => {
    if (ph !== PH.configure) return;
    for (let l = 0; l <= 5; l++) assert.equal(g.log(l, `m${l}`), R.Ok);
    assert.equal(g.log(6, "x"), R.BadArgument);
    assert.equal(g.log(2, "caf\u00c3\u00a9"), R.Ok); // UTF-8 bytes of "café"
  }, { onLog: (e) => seen.push(e.levelName) });
  assert.deepEqual(host.logs.map((l) => `${l.levelName}:${l.message}`), ["trace:m0", "debug:m1", "info:m2", "warn:m3", "error:m4", "critical:m5", "info:café"]);
  assert.equal(seen.length, 7);
  host.close();
});

test("ticks: proxy_set_tick_period_milliseconds arms proxy_on_tick on the root context every period; period 0 disarms (cpp-host setTickPeriod)", async () => {
  let ticks = 0;
  const { host } = await probeHost((ph, ctx, _a, _b, g) => {
    if (ph === PH.configure) assert.equal(g.abi.proxy_set_tick_period_milliseconds(100), R.Ok);
    if (ph === PH.tick) { assert.equal(ctx, 1); ticks++; if (ticks === 3) g.abi.proxy_set_tick_period_milliseconds(0); }
  });
  host.tick(50); assert.equal(ticks, 0);
  host.tick(50); assert.equal(ticks, 1);
  host.tick(250); assert.equal(ticks, 3, "two more periods elapsed, then disarmed");
  host.tick(1000); assert.equal(ticks, 3);
  host.close();
});

test("a tick period set from a stream context arms the timer of its root context", async () => {
  let ticked: number[] = [];
  const { host } = await probeHost((ph, ctx, _a, _b, g) => {
    if (ph === PH.reqHeaders) g.abi.proxy_set_tick_period_milliseconds(10);
    if (ph === PH.tick) ticked.push(ctx);
  });
  host.request({ method: "GET", path: "/" });
  host.tick(10);
  assert.deepEqual(ticked, [1]);
  host.close();
});

test("proxy_get_current_time_nanoseconds reads the host wall clock (options.now); tick() advances the default clock", async () => {
  let t = 0n;
  const { host } = await probeHost((ph, _c, _a, _b, g) => {
    if (ph === PH.reqHeaders) { const [p] = g.slots(); assert.equal(g.abi.proxy_get_current_time_nanoseconds(p), R.Ok); t = g.u64(p); }
  }, { now: () => 1_700_000_000_123_456_789n });
  host.request({ method: "GET", path: "/" });
  assert.equal(t, 1_700_000_000_123_456_789n);
  host.close();
  const { host: h2 } = await probeHost((ph, _c, _a, _b, g) => {
    if (ph === PH.reqHeaders) { const [p] = g.slots(); g.abi.proxy_get_current_time_nanoseconds(p); t = g.u64(p); }
  });
  h2.request({ method: "GET", path: "/" }); const t1 = t;
  h2.tick(3_600_000);
  h2.request({ method: "GET", path: "/" });
  assert.ok(t - t1 >= 3_600_000_000_000n);
  h2.close();
});

function le64(n: bigint): number[] { const b = Buffer.alloc(8); b.writeBigInt64LE(n); return [...b]; }

test("properties: strings raw, int64 little-endian 8 bytes, bool 1 byte; request.* derived from the headers; unknown → NotFound (Envoy getProperty / serializeValue, expr context.cc)", async () => {
  const got: Record<string, unknown> = {};
  const paths = [
    "request.path", "request.url_path", "request.query", "request.host", "request.scheme", "request.method",
    "request.headers.x-multi", "request.useragent", "request.id", "request.referer", "request.size",
    "source.address", "source.port", "destination.port", "connection.mtls", "connection.uri_san_peer_certificate",
    "connection.requested_server_name", "plugin_name", "plugin_root_id", "plugin_vm_id", "xds.cluster_name", "no.such.thing",
    "response.code",
  ];
  const { host } = await probeHost((ph, _c, _a, _b, g) => {
    if (ph === PH.reqHeaders) for (const p of paths) { const [r, v] = g.property(p); got[p] = r === R.Ok ? [...v] : `r${r}`; }
    if (ph === PH.respHeaders) { const [r, v] = g.property("response.code"); got["response.code@resp"] = r === R.Ok ? [...v] : `r${r}`; }
  }, { rootId: "my_root", pluginName: "bulwark-test", vmId: "vm1", properties: { "xds.cluster_name": "outbound|80||api" } });
  host.request({
    method: "POST", path: "/a/b?x=1&y=2", authority: "api.example", body: "12345",
    headers: [["User-Agent", "curl/8"], ["x-request-id", "rid"], ["x-multi", "1"], ["x-multi", "2"], ["content-length", "5"]],
    properties: { "source.address": "10.1.2.3:5555", "source.port": 5555, "connection.mtls": true, "connection.uri_san_peer_certificate": "spiffe://cluster.local/ns/a/sa/b" },
    upstream: () => ({ status: 201 }),
  });
  const s = (x: string) => [...Buffer.from(x)];
  assert.deepEqual(got["request.path"], s("/a/b?x=1&y=2"));
  assert.deepEqual(got["request.url_path"], s("/a/b"));
  assert.deepEqual(got["request.query"], s("x=1&y=2"));
  assert.deepEqual(got["request.host"], s("api.example"));
  assert.deepEqual(got["request.scheme"], s("http"));
  assert.deepEqual(got["request.method"], s("POST"));
  assert.deepEqual(got["request.headers.x-multi"], s("1,2"), "all values joined with ',' (expr HeadersWrapper)");
  assert.deepEqual(got["request.useragent"], s("curl/8"));
  assert.deepEqual(got["request.id"], s("rid"));
  assert.equal(got["request.referer"], `r${R.NotFound}`);
  assert.deepEqual(got["request.size"], le64(5n));
  assert.deepEqual(got["source.address"], s("10.1.2.3:5555"));
  assert.deepEqual(got["source.port"], le64(5555n));
  assert.deepEqual(got["destination.port"], le64(8080n));
  assert.deepEqual(got["connection.mtls"], [1]);
  assert.deepEqual(got["connection.uri_san_peer_certificate"], s("spiffe://cluster.local/ns/a/sa/b"));
  assert.deepEqual(got["connection.requested_server_name"], []);
  assert.deepEqual(got["plugin_name"], s("bulwark-test"));
  assert.deepEqual(got["plugin_root_id"], s("my_root"));
  assert.deepEqual(got["plugin_vm_id"], s("vm1"));
  assert.deepEqual(got["xds.cluster_name"], s("outbound|80||api"));
  assert.equal(got["no.such.thing"], `r${R.NotFound}`);
  assert.equal(got["response.code"], `r${R.NotFound}`, "no response yet");
  assert.deepEqual(got["response.code@resp"], le64(201n));
  host.close();
});

test("proxy_set_property stores per-stream state that proxy_get_property returns (Envoy setProperty → filter state, findValue fallback)", async () => {
  const got: unknown[] = [];
  const { host } = await probeHost((ph, _c, _a, _b, g) => {
    if (ph === PH.reqHeaders) {
      const [p, n] = g.put("bulwark_decision"); const [v, vn] = g.put("deny");
      got.push(g.abi.proxy_set_property(p, n, v, vn));
    }
    if (ph === PH.log) { const [r, v] = g.property("bulwark_decision"); got.push(r, Buffer.from(v).toString()); }
  });
  host.request({ method: "GET", path: "/" });
  assert.deepEqual(got, [R.Ok, R.Ok, "deny"]);
  host.close();
});

test("WASI: fd_write to stdout logs at info and to stderr at error; clock_time_get realtime; random_get fills bytes", async () => {
  // exercise the wasi shims directly through a VM's linked functions (the probe module does not import them)
  const { host } = await probeHost();
  const vm = host.worker(0) as any;
  const wasi = vm.wasiImports();
  const mem = () => new DataView(vm.memory.buffer);
  const msg = vm.alloc(5); new Uint8Array(vm.memory.buffer).set(Buffer.from("hello"), msg);
  const iov = vm.alloc(8); mem().setUint32(iov, msg, true); mem().setUint32(iov + 4, 5, true);
  const nw = vm.alloc(8);
  assert.equal(wasi.fd_write(1, iov, 1, nw), 0);
  assert.equal(wasi.fd_write(2, iov, 1, nw), 0);
  assert.equal(wasi.fd_write(7, iov, 1, nw), 8);
  assert.equal(mem().getUint32(nw, true), 5);
  assert.deepEqual(host.logs.slice(-2).map((l) => `${l.levelName}:${l.message}`), ["info:hello", "error:hello"]);
  const t = vm.alloc(8);
  assert.equal(wasi.clock_time_get(0, 0n, t), 0);
  assert.ok(mem().getBigUint64(t, true) > 1_600_000_000_000_000_000n);
  assert.equal(wasi.clock_time_get(9, 0n, t), 58);
  const r = vm.alloc(32);
  assert.equal(wasi.random_get(r, 32), 0);
  assert.ok(new Uint8Array(vm.memory.buffer, r, 32).some((x) => x !== 0));
  assert.throws(() => wasi.proc_exit(3), /proc_exit\(3\)/);
  host.close();
});
