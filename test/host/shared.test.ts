// Host conformance: shared data (CAS) and shared queues across worker VMs (cpp-host shared_data.cc,
// shared_queue.cc; Envoy runs one VM per worker thread, all sharing one store).
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { WasmResult as R, SharedData } from "../../src/host/index.ts";
import { probeHost, probeWasm, PH, type Guest } from "./helpers.ts";

before(async () => { await probeWasm(); });

function getShared(g: Guest, key: string): [number, string, number] {
  const [k, kn] = g.put(key); const [pp, sp] = g.slots(); const [cp] = g.slots();
  const r = g.abi.proxy_get_shared_data(k, kn, pp, sp, cp);
  return r === R.Ok ? [r, g.outStr(pp, sp), g.u32(cp)] : [r, "", 0];
}
function setShared(g: Guest, key: string, value: string, cas: number): number {
  const [k, kn] = g.put(key); const [v, vn] = g.put(value);
  return g.abi.proxy_set_shared_data(k, kn, v, vn, cas);
}

test("shared data: NotFound before set; set with cas 0 always writes; a stale cas gives CasMismatch; the current cas succeeds (SharedData::set)", async () => {
  const out: unknown[] = [];
  const { host } = await probeHost((ph, _c, _a, _b, g) => {
    if (ph !== PH.reqHeaders) return;
    out.push(getShared(g, "k")[0]);
    out.push(setShared(g, "k", "v1", 0));
    const [, v1, cas1] = getShared(g, "k");
    out.push(v1);
    out.push(setShared(g, "k", "v2", cas1));
    out.push(setShared(g, "k", "v3", cas1)); // stale
    const [, v2, cas2] = getShared(g, "k");
    out.push(v2, cas2 !== cas1 && cas2 !== 0);
    out.push(setShared(g, "fresh", "x", 12345)); // a missing key is created whatever the cas
  });
  host.request({ method: "GET", path: "/" });
  assert.deepEqual(out, [R.NotFound, R.Ok, "v1", R.Ok, R.CasMismatch, "v2", true, R.Ok]);
  assert.equal(Buffer.from(host.shared.get("k")!.value).toString(), "v2");
  host.close();
});

test("shared data is one store for all worker VMs: a value set on worker 0 is read with its cas on worker 1", async () => {
  const seen: Array<[number, number, string]> = [];
  const { host } = await probeHost((ph, _c, _a, _b, g) => {
    if (ph !== PH.reqHeaders) return;
    const [r, v, cas] = getShared(g, "counter");
    const n = r === R.Ok ? Number(v) : 0;
    seen.push([g.vm.index, r, v]);
    assert.equal(setShared(g, "counter", String(n + 1), r === R.Ok ? cas : 0), R.Ok);
  }, { workers: 2 });
  host.request({ method: "GET", path: "/", worker: 0 });
  host.request({ method: "GET", path: "/", worker: 1 });
  host.request({ method: "GET", path: "/", worker: 0 });
  assert.deepEqual(seen, [[0, R.NotFound, ""], [1, R.Ok, "1"], [0, R.Ok, "2"]]);
  host.close();
});

test("the host-side SharedData API answers like the ABI (get → value + cas, set → result code)", () => {
  const s = new SharedData();
  assert.equal(s.get("a"), undefined);
  assert.equal(s.set("a", "1"), R.Ok);
  const { cas } = s.get("a")!;
  assert.equal(s.set("a", "2", cas + 1), R.CasMismatch);
  assert.equal(s.set("a", "2", cas), R.Ok);
  assert.equal(Buffer.from(s.get("a")!.value).toString(), "2");
});

test("shared queues: registered on worker 0, resolved and enqueued on worker 1; on_queue_ready runs on the registering root after the call; dequeue drains then answers Empty", async () => {
  let token = 0;
  const events: string[] = [];
  const { host } = await probeHost((ph, ctx, a, _b, g) => {
    if (ph === PH.configure && g.vm.index === 0) {
      const [n, nn] = g.put("events"); const [out] = g.slots();
      assert.equal(g.abi.proxy_register_shared_queue(n, nn, out), R.Ok);
      token = g.u32(out);
    }
    if (ph === PH.reqHeaders) {
      const [vid, vn] = g.put(""); const [n, nn] = g.put("events"); const [out] = g.slots();
      assert.equal(g.abi.proxy_resolve_shared_queue(vid, vn, n, nn, out), R.Ok);
      assert.equal(g.u32(out), token);
      const [p, pn] = g.put(`from-${g.vm.index}`);
      assert.equal(g.abi.proxy_enqueue_shared_queue(token, p, pn), R.Ok);
      events.push(`enqueued@${g.vm.index}`);
    }
    if (ph === PH.queueReady) {
      events.push(`ready@${g.vm.index}:ctx${ctx}:token${a === token}`);
      for (;;) {
        const [pp, sp] = g.slots();
        const r = g.abi.proxy_dequeue_shared_queue(a, pp, sp);
        if (r === R.Empty) { events.push("empty"); break; }
        assert.equal(r, R.Ok);
        events.push(`got ${g.outStr(pp, sp)}`);
      }
    }
  }, { workers: 2 });
  host.request({ method: "GET", path: "/", worker: 1 });
  assert.deepEqual(events, ["enqueued@1", "ready@0:ctx1:tokentrue", "got from-1", "empty"]);
  host.close();
});

test("shared queues: unknown names and tokens answer NotFound (SharedQueue::resolveQueue / enqueue / dequeue)", async () => {
  const out: number[] = [];
  const { host } = await probeHost((ph, _c, _a, _b, g) => {
    if (ph !== PH.reqHeaders) return;
    const [vid, vn] = g.put(""); const [n, nn] = g.put("nope"); const [slot, sp] = g.slots();
    out.push(g.abi.proxy_resolve_shared_queue(vid, vn, n, nn, slot));
    out.push(g.abi.proxy_enqueue_shared_queue(999, n, nn));
    out.push(g.abi.proxy_dequeue_shared_queue(999, slot, sp));
  });
  host.request({ method: "GET", path: "/" });
  assert.deepEqual(out, [R.NotFound, R.NotFound, R.NotFound]);
  host.close();
});
