// Host conformance: header map ABI calls behave like Envoy's context.cc over HeaderMapImpl.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { WasmResult as R } from "../../src/host/index.ts";
import { probeHost, probeWasm, PH, type Guest } from "./helpers.ts";

before(async () => { await probeWasm(); });

const REQ = 0, REQ_TRAILERS = 1, RESP = 2, RESP_TRAILERS = 3;

/** Runs `fn` inside proxy_on_request_headers of one request and returns what it returned. */
async function inRequestHeaders<T>(fn: (g: Guest) => T, headers: Array<[string, string]> = []): Promise<T> {
  let out!: T;
  const { host } = await probeHost((ph, _c, _a, _b, g) => { if (ph === PH.reqHeaders) out = fn(g); });
  host.request({ method: "GET", path: "/p?q=1", authority: "example.com", headers });
  host.close();
  return out;
}

test("proxy_get_header_map_value returns the FIRST value of a repeated header, not a joined list (Envoy getHeaderMapValue: entry[0])", async () => {
  const v = await inRequestHeaders((g) => g.getHeader(REQ, "x-dup"), [["X-Dup", "a"], ["x-dup", "b"]]);
  assert.deepEqual(v, [R.Ok, "a"]);
});

test("pseudo headers are ordinary entries: :method, :path, :authority, :scheme (Envoy request header map)", async () => {
  const v = await inRequestHeaders((g) => [":method", ":path", ":authority", ":scheme"].map((k) => g.getHeader(REQ, k)[1]));
  assert.deepEqual(v, ["GET", "/p?q=1", "example.com", "http"]);
});

test("a missing header gives NotFound under ABI 0.2.x (Envoy getHeaderMapValue)", async () => {
  assert.deepEqual(await inRequestHeaders((g) => g.getHeader(REQ, "nope")), [R.NotFound, ""]);
});

test("lookups and additions lower-case the name (Http::LowerCaseString); the value is kept as given", async () => {
  const v = await inRequestHeaders((g) => {
    const r = g.addHeader(REQ, "X-Added", "MiXeD");
    return [r, g.getHeader(REQ, "X-ADDED"), g.pairs(REQ)[1].filter(([k]) => k.startsWith("x-added"))];
  });
  assert.deepEqual(v, [R.Ok, [R.Ok, "MiXeD"], [["x-added", "MiXeD"]]]);
});

test("header values are bytes: non-UTF-8 bytes and NUL-free binary survive get/add exactly", async () => {
  const bytes = String.fromCharCode(0xff, 0xfe, 0x80, 0x41, 0xe9);
  const v = await inRequestHeaders((g) => { g.addHeader(REQ, "x-bin", bytes); return g.getHeader(REQ, "x-bin")[1]; }, [["x-in", "caf\u00e9"]]);
  assert.equal(v, bytes);
  const v2 = await inRequestHeaders((g) => Buffer.from(g.getHeader(REQ, "x-in")[1], "latin1"), [["x-in", "caf\u00e9"]]);
  assert.deepEqual([...v2], [0x63, 0x61, 0x66, 0xe9], "latin1 byte string in, same bytes out (as Node's http module passes them)");
});

test("added pseudo headers go before regular headers; get_header_map_pairs lists pseudo headers first (HeaderMapImpl ordering)", async () => {
  const v = await inRequestHeaders((g) => { g.addHeader(REQ, ":x-pseudo", "1"); return g.pairs(REQ)[1].map(([k]) => k); }, [["a", "1"]]);
  assert.deepEqual(v, [":method", ":path", ":authority", ":scheme", ":x-pseudo", "a"]);
});

test("replace sets the first entry only and keeps later duplicates; replace of a missing name adds it (HeaderMapImpl::setCopy)", async () => {
  const v = await inRequestHeaders((g) => {
    g.replaceHeader(REQ, "x-dup", "z"); g.replaceHeader(REQ, "x-new", "n");
    return g.pairs(REQ)[1].filter(([k]) => k.startsWith("x-"));
  }, [["x-dup", "a"], ["x-dup", "b"]]);
  assert.deepEqual(v, [["x-dup", "z"], ["x-dup", "b"], ["x-new", "n"]]);
});

test("remove deletes every entry of the name and answers Ok even when absent (HeaderMapImpl::remove)", async () => {
  const v = await inRequestHeaders((g) => [g.removeHeader(REQ, "X-Dup"), g.removeHeader(REQ, "absent"), g.getHeader(REQ, "x-dup")[0]], [["x-dup", "a"], ["x-dup", "b"]]);
  assert.deepEqual(v, [R.Ok, R.Ok, R.NotFound]);
});

test("get_header_map_pairs serialises count, sizes, then NUL-terminated names and values (cpp-host marshalPairs)", async () => {
  const raw = await inRequestHeaders((g) => { const [pp, sp] = g.slots(); g.abi.proxy_get_header_map_pairs(REQ, pp, sp); return g.out(pp, sp); }, [["k", "vv"]]);
  const dv = new DataView(raw.buffer);
  assert.equal(dv.getUint32(0, true), 5);
  const tail = Buffer.from(raw.subarray(4 + 5 * 8)).toString("latin1");
  assert.equal(tail, ":method\0GET\0:path\0/p?q=1\0:authority\0example.com\0:scheme\0http\0k\0vv\0");
});

test("set_header_map_pairs replaces the whole map, lower-casing names (Envoy setHeaderMapPairs)", async () => {
  let upstream: Array<[string, string]> = [];
  const { host } = await probeHost((ph, _c, _a, _b, g) => {
    if (ph !== PH.reqHeaders) return;
    const [p, n] = g.put(Buffer.from(encode([[":method", "PUT"], [":path", "/new"], ["X-A", "1"]])));
    assert.equal(g.abi.proxy_set_header_map_pairs(REQ, p, n), R.Ok);
  });
  const r = host.request({ method: "GET", path: "/", headers: [["old", "x"]], upstream: (h) => { upstream = h; return { status: 200 }; } });
  assert.equal((r as any).status, 200);
  assert.deepEqual(upstream, [[":method", "PUT"], [":path", "/new"], ["x-a", "1"]]);
  host.close();
});

test("headers modified in on_request_headers are what reaches the upstream, and response header changes reach the client", async () => {
  const { host } = await probeHost((ph, _c, _a, _b, g) => {
    if (ph === PH.reqHeaders) { g.addHeader(REQ, "x-via", "filter"); g.removeHeader(REQ, "cookie"); }
    if (ph === PH.respHeaders) { g.replaceHeader(RESP, ":status", "202"); g.addHeader(RESP, "x-resp", "1"); }
  });
  const r = host.request({ method: "GET", path: "/", headers: [["cookie", "s=1"]], upstream: () => ({ status: 200, headers: [["server", "up"]] }) }) as any;
  assert.deepEqual(r.upstreamRequest.headers.filter(([k]: [string]) => !k.startsWith(":")), [["x-via", "filter"]]);
  assert.equal(r.status, 202);
  assert.deepEqual(r.headers, [[":status", "202"], ["server", "up"], ["x-resp", "1"]]);
  host.close();
});

test("request headers are out of reach after on_request_headers returned Continue: BadArgument, and pairs are empty (Envoy decodeHeaders: request_headers_ = nullptr)", async () => {
  const seen: unknown[] = [];
  const { host } = await probeHost((ph, _c, _a, _b, g) => {
    if (ph === PH.reqBody) seen.push(g.getHeader(REQ, ":path")[0], g.pairs(REQ), g.addHeader(REQ, "x", "y"));
  });
  host.request({ method: "POST", path: "/", body: "b" });
  assert.deepEqual(seen, [R.BadArgument, [R.Ok, []], R.BadArgument]);
  host.close();
});

test("request headers stay reachable in body callbacks while on_request_headers returned StopIteration", async () => {
  const seen: unknown[] = [];
  const { host } = await probeHost((ph, _c, _a, _b, g) => {
    if (ph === PH.reqHeaders) return 1; // StopIteration
    if (ph === PH.reqBody) { seen.push(g.getHeader(REQ, ":path")); g.addHeader(REQ, "x-late", "1"); }
  });
  const r = host.request({ method: "POST", path: "/s", body: "b" }) as any;
  assert.deepEqual(seen, [[R.Ok, "/s"]]);
  assert.ok(r.upstreamRequest.headers.some(([k]: [string]) => k === "x-late"), "headers continue with the body, including late changes");
  host.close();
});

test("response headers are not available during the request path (BadArgument), request headers are readable in on_log (access log phase)", async () => {
  const seen: unknown[] = [];
  const { host } = await probeHost((ph, _c, _a, _b, g) => {
    if (ph === PH.reqHeaders) seen.push(g.getHeader(RESP, ":status")[0]);
    if (ph === PH.log) seen.push(g.getHeader(REQ, ":path"), g.getHeader(RESP, ":status"), g.getHeader(REQ_TRAILERS, "x")[0]);
  });
  host.request({ method: "GET", path: "/log", upstream: () => ({ status: 418 }) });
  assert.deepEqual(seen, [R.BadArgument, [R.Ok, "/log"], [R.Ok, "418"], R.NotFound]);
  host.close();
});

test("trailers: on_request_trailers / on_response_trailers see and change them; they reach upstream / client", async () => {
  const { host, calls } = await probeHost((ph, _c, _a, _b, g) => {
    if (ph === PH.reqTrailers) g.addHeader(REQ_TRAILERS, "x-t", "added");
    if (ph === PH.respTrailers) g.replaceHeader(RESP_TRAILERS, "grpc-status", "0");
  });
  calls.length = 0;
  const r = host.request({
    method: "POST", path: "/", body: "b", trailers: [["x-sum", "1"]],
    upstream: () => ({ status: 200, body: "r", trailers: [["grpc-status", "2"]] }),
  }) as any;
  assert.deepEqual(calls.map((c) => c.phase).slice(1, 7), ["reqHeaders", "reqBody", "reqTrailers", "respHeaders", "respBody", "respTrailers"]);
  assert.equal(calls.find((c) => c.phase === "reqBody")!.b, 0, "body end_of_stream=false when trailers follow");
  assert.deepEqual(r.upstreamRequest.trailers, [["x-sum", "1"], ["x-t", "added"]]);
  assert.deepEqual(r.trailers, [["grpc-status", "0"]]);
  host.close();
});

test("bad memory ranges give InvalidMemoryAccess; an unknown map type gives BadArgument (cpp-host exports.cc)", async () => {
  const v = await inRequestHeaders((g) => {
    const huge = g.memSize() - 2;
    const [pp, sp] = g.slots();
    return [
      g.abi.proxy_get_header_map_value(REQ, huge, 100, pp, sp),
      g.abi.proxy_add_header_map_value(REQ, 0, 1, huge, 10),
      g.abi.proxy_get_header_map_pairs(REQ, huge, sp),
      g.abi.proxy_get_header_map_value(42, 0, 1, pp, sp),
      g.abi.proxy_log(2, huge, 64),
    ];
  });
  assert.deepEqual(v, [R.InvalidMemoryAccess, R.InvalidMemoryAccess, R.InvalidMemoryAccess, R.BadArgument, R.InvalidMemoryAccess]);
});

test("proxy_get_header_map_size answers the byte size of names and values (HeaderMapImpl::byteSize)", async () => {
  const v = await inRequestHeaders((g) => { const [p] = g.slots(); const r = g.abi.proxy_get_header_map_size(REQ, p); return [r, g.u32(p)]; }, [["ab", "cde"]]);
  const expected = ":method".length + 3 + ":path".length + 6 + ":authority".length + 11 + ":scheme".length + 4 + 5;
  assert.deepEqual(v, [R.Ok, expected]);
});

function encode(pairs: Array<[string, string]>): Uint8Array {
  const parts = pairs.map(([k, v]) => [Buffer.from(k), Buffer.from(v)]);
  let size = 4 + pairs.length * 8; for (const [k, v] of parts) size += k.length + v.length + 2;
  const out = new Uint8Array(size); const dv = new DataView(out.buffer); dv.setUint32(0, pairs.length, true);
  let off = 4 + pairs.length * 8;
  parts.forEach(([k, v], i) => { dv.setUint32(4 + i * 8, k.length, true); dv.setUint32(8 + i * 8, v.length, true); out.set(k, off); off += k.length + 1; out.set(v, off); off += v.length + 1; });
  return out;
}
