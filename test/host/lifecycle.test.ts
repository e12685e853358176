// Host conformance: plugin and stream lifecycle as Envoy / proxy-wasm-cpp-host run it.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Host, ConfigureError } from "../../src/host/index.ts";
import { probeHost, probeWasm, buildFilter, filterWasm, passthroughWasm, PH, ROOT } from "./helpers.ts";

before(async () => { buildFilter(); await probeWasm(); });

test("VM start: proxy_on_context_create(root, 0), proxy_on_vm_start, proxy_on_configure in that order on every worker (cpp-host WasmBase::start / configure)", async () => {
  const { host, calls } = await probeHost(undefined, { workers: 2, configuration: "abc", vmConfiguration: "vmcfg" });
  const seq = calls.map((c) => `${c.worker}:${c.phase}:${c.ctx}:${c.a}`);
  assert.deepEqual(seq, ["0:contextCreate:1:0", "0:vmStart:1:5", "0:configure:1:3", "1:contextCreate:1:0", "1:vmStart:1:5", "1:configure:1:3"]);
  host.close();
});

test("plugin configuration is readable (PluginConfiguration buffer) only during proxy_on_configure, vm configuration always (Envoy Context::getBuffer)", async () => {
  const seen: string[] = [];
  const { host } = await probeHost((ph, _ctx, a, _b, g) => {
    if (ph === PH.configure) {
      const [r, v] = g.bufferBytes(7, 0, a);
      seen.push(`cfg:${r}:${Buffer.from(v)}`);
      const [r2, v2] = g.bufferBytes(6, 0, 100);
      seen.push(`vm:${r2}:${Buffer.from(v2)}`);
    }
    if (ph === PH.reqHeaders) { seen.push(`later:${g.bufferBytes(7, 0, 10)[0]}`); }
  }, { configuration: "{\"a\":1}", vmConfiguration: "V" });
  host.request({ method: "GET", path: "/" });
  assert.deepEqual(seen, ["cfg:0:{\"a\":1}", "vm:0:V", "later:1"]);
  host.close();
});

test("stream lifecycle: on_context_create(stream, root) before on_request_headers; at the end on_log, then on_done, then on_delete (conn_manager_impl.cc doDeferredStreamDestroy: log then destroyFilters)", async () => {
  const { host, calls } = await probeHost();
  calls.length = 0;
  host.request({ method: "POST", path: "/x", body: "hello" });
  assert.deepEqual(calls.map((c) => `${c.phase}:${c.ctx}`), [
    "contextCreate:2", "reqHeaders:2", "reqBody:2", "respHeaders:2", "log:2", "done:2", "delete:2",
  ]);
  assert.equal(calls[0].a, 1, "parent is the root context");
  assert.deepEqual([calls[1].b, calls[2].a, calls[2].b], [0, 5, 1], "headers end_of_stream=false when a body follows; body size 5, end_of_stream=true");
  host.close();
});

test("host shutdown: proxy_on_done then proxy_on_delete on each root context (WasmBase::startShutdown / finishShutdown)", async () => {
  const { host, calls } = await probeHost();
  calls.length = 0;
  host.close();
  assert.deepEqual(calls.map((c) => `${c.phase}:${c.ctx}`), ["done:1", "delete:1"]);
});

test("a module without a proxy_abi_version_* export is refused (cpp-host WasmBase::initialize: missing ABI version)", async () => {
  // a minimal module: exports memory only
  const wasm = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 5, 3, 1, 0, 1, 7, 10, 1, 6, 109, 101, 109, 111, 114, 121, 2, 0]);
  await assert.rejects(Host.create({ wasm }), (e: unknown) => e instanceof ConfigureError && /ABI version/.test(e.message));
});

test("proxy_on_configure returning false refuses the plugin: ConfigureError carries the filter's log lines (the JSON path of the fault)", async () => {
  buildFilter();
  const bad = JSON.stringify({ denyList: [{ id: "x", methods: 7 }] });
  await assert.rejects(Host.create({ wasm: filterWasm(), configuration: bad }), (e: unknown) => {
    assert.ok(e instanceof ConfigureError);
    assert.match(e.message, /Failed to configure thread-local Wasm plugin/);
    assert.ok(e.logs.some((l) => l.levelName === "error" && /denyList\[0\]\.methods/.test(l.message)), JSON.stringify(e.logs));
    return true;
  });
});

test("proxy_on_vm_start returning false fails the VM start (cpp-host ContextBase::onStart)", async () => {
  await assert.rejects(probeHost((ph) => (ph === PH.vmStart ? 0 : undefined)), (e: unknown) => e instanceof ConfigureError && /Failed to start/.test(e.message));
});

test("reconfigure: a new root context per VM gets the new configuration; a refused update keeps the old one (Envoy rejects the config update)", async () => {
  buildFilter();
  const cfg = readFileSync(join(ROOT, "rules/default.json"), "utf8");
  const host = await Host.create({ wasm: filterWasm(), configuration: cfg, workers: 2 });
  assert.equal((host.request({ method: "TRACE", path: "/" }) as any).status, 403);
  assert.throws(() => host.reconfigure("{\"denyList\": 3}"), (e: unknown) => e instanceof ConfigureError && e.logs.some((l) => /denyList/.test(l.message)));
  assert.equal((host.request({ method: "TRACE", path: "/" }) as any).status, 403, "old configuration still active");
  host.reconfigure(JSON.stringify({ denyList: [{ id: "no-get", methods: ["GET"] }] }));
  for (const w of [0, 1]) {
    assert.equal((host.request({ method: "TRACE", path: "/", worker: w }) as any).status, 200);
    assert.equal((host.request({ method: "GET", path: "/", worker: w }) as any).status, 403);
  }
  host.close();
});

test("a trap in a callback does not crash Node: the VM is marked failed, logged, and the stream gets 503 wasm_fail_stream (Envoy Context::failStream, fail closed)", async () => {
  const { host, calls } = await probeHost((ph) => (ph === PH.reqHeaders ? -1 : undefined));
  calls.length = 0;
  const r = host.request({ method: "GET", path: "/", upstream: () => { throw new Error("upstream must not be called"); } }) as any;
  assert.equal(r.status, 503);
  assert.equal(r.details, "wasm_fail_stream");
  assert.equal(r.localReply, true);
  assert.ok(host.logs.some((l) => /Function: proxy_on_request_headers failed/.test(l.message)));
  assert.equal(host.worker(0).failed, true);
  // the failed VM is not called again: no response callbacks, no on_log/on_done/on_delete
  assert.deepEqual(calls.map((c) => c.phase), ["contextCreate", "reqHeaders"]);
  // later streams on the failed VM are refused the same way without entering the VM
  calls.length = 0;
  const r2 = host.request({ method: "GET", path: "/" }) as any;
  assert.equal(r2.status, 503);
  assert.deepEqual(calls, []);
  host.close();
});

test("fail_open: streams pass without the filter once its VM failed (plugin fail_open)", async () => {
  const { host } = await probeHost((ph) => (ph === PH.reqHeaders ? -1 : undefined), { failOpen: true });
  const r = host.request({ method: "GET", path: "/ok", upstream: (h) => ({ status: 204, headers: [["x-path", h.find(([k]) => k === ":path")![1]]] }) }) as any;
  assert.equal(r.status, 204);
  host.close();
});

test("an abort inside the AssemblyScript runtime (proc_exit) fails the call like a trap (cpp-host wasi proc_exit)", async () => {
  buildFilter();
  // the passthrough filter registers root id "" only: another plugin_root_id makes ensureRootContext throw
  await assert.rejects(Host.create({ wasm: passthroughWasm(), rootId: "other" }), (e: unknown) => {
    assert.ok(e instanceof ConfigureError);
    assert.ok(e.logs.some((l) => /Missing root context factory/.test(l.message)), JSON.stringify(e.logs));
    assert.ok(e.logs.some((l) => /proc_exit/.test(l.message)));
    return true;
  });
});

test("context ids: the root is 1, streams count up from 2 per VM (cpp-host WasmBase::allocContextId)", async () => {
  const { host, calls } = await probeHost(undefined, { workers: 2 });
  calls.length = 0;
  for (let i = 0; i < 4; i++) host.request({ method: "GET", path: "/" });
  const creates = calls.filter((c) => c.phase === "contextCreate").map((c) => `${c.worker}:${c.ctx}`);
  assert.deepEqual(creates, ["0:2", "1:2", "0:3", "1:3"], "round-robin over workers");
  host.close();
});
