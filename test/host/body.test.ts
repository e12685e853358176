// Host conformance: body callbacks, buffering and buffer limits as Envoy's filter manager and
// wasm context.cc run them.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { WasmResult as R } from "../../src/host/index.ts";
import { probeHost, probeWasm, PH } from "./helpers.ts";

before(async () => { await probeWasm(); });

const REQ_BODY = 0, RESP_BODY = 1;
const CONTINUE = 0, STOP_AND_BUFFER = 1, STOP_AND_WATERMARK = 2, STOP_NO_BUFFER = 3;

test("a body callback with end_of_stream=false answered StopIterationAndBuffer accumulates: the next call sees the whole buffered body (context.cc decodeData + addDecodedData)", async () => {
  const seen: Array<[number, number, string]> = [];
  const { host } = await probeHost((ph, _c, size, eos, g) => {
    if (ph !== PH.reqBody) return;
    const [r, b] = g.bufferBytes(REQ_BODY, 0, size);
    seen.push([size, eos, r === R.Ok ? Buffer.from(b).toString() : `r${r}`]);
    return eos ? CONTINUE : STOP_AND_BUFFER;
  });
  const r = host.request({ method: "POST", path: "/", body: "aaaabbbbcc", chunkSize: 4 }) as any;
  assert.deepEqual(seen, [[4, 0, "aaaa"], [8, 0, "aaaabbbb"], [10, 1, "aaaabbbbcc"]]);
  assert.equal(Buffer.from(r.upstreamRequest.body).toString(), "aaaabbbbcc");
  host.close();
});

test("body callbacks answered Continue stream chunk by chunk: each call sees only its chunk", async () => {
  const seen: string[] = [];
  const { host } = await probeHost((ph, _c, size, _eos, g) => {
    if (ph === PH.reqBody) seen.push(Buffer.from(g.bufferBytes(REQ_BODY, 0, size)[1]).toString());
  });
  host.request({ method: "POST", path: "/", body: "abcdef", chunkSize: 2 });
  assert.deepEqual(seen, ["ab", "cd", "ef"]);
  host.close();
});

test("set_buffer_bytes: prepend (start 0, size 0), replace (start 0, size ≥ length), append (start ≥ length); other ranges BadArgument (context.cc Buffer::copyFrom)", async () => {
  const results: number[] = [];
  const { host } = await probeHost((ph, _c, size, eos, g) => {
    if (ph !== PH.reqBody) return;
    if (!eos) return STOP_AND_BUFFER;
    results.push(g.setBuffer(REQ_BODY, 1, 1, "X")); // inject in the middle: not supported
    results.push(g.setBuffer(REQ_BODY, 0, size, "[whole]"));
    results.push(g.setBuffer(REQ_BODY, 0, 0, "<"));
    results.push(g.setBuffer(REQ_BODY, 0xffffffff, 0, ">"));
    return CONTINUE;
  });
  const r = host.request({ method: "POST", path: "/", body: "original", chunkSize: 3 }) as any;
  assert.deepEqual(results, [R.BadArgument, R.Ok, R.Ok, R.Ok]);
  assert.equal(Buffer.from(r.upstreamRequest.body).toString(), "<[whole]>");
  host.close();
});

test("get_buffer_bytes clamps to the buffer, answers NotFound for zero bytes or a start past the end, BadArgument on overflow (cpp-host exports.cc get_buffer_bytes)", async () => {
  const out: unknown[] = [];
  const { host } = await probeHost((ph, _c, _size, _eos, g) => {
    if (ph !== PH.reqBody) return;
    const [r1, b1] = g.bufferBytes(REQ_BODY, 2, 100);
    out.push([r1, Buffer.from(b1).toString()], g.bufferBytes(REQ_BODY, 0, 0)[0], g.bufferBytes(REQ_BODY, 9, 1)[0],
      g.bufferBytes(REQ_BODY, 0xffffffff, 2)[0], g.bufferBytes(99, 0, 1)[0], g.bufferBytes(RESP_BODY, 0, 1)[0]);
  });
  host.request({ method: "POST", path: "/", body: "hello" });
  assert.deepEqual(out, [[R.Ok, "llo"], R.NotFound, R.NotFound, R.BadArgument, R.BadArgument, R.NotFound]);
  host.close();
});

test("buffering past the buffer limit answers 413 Payload Too Large (filter_manager.cc requestDataTooLarge) and stops the request", async () => {
  const { host, calls } = await probeHost((ph, _c, _s, eos) => (ph === PH.reqBody ? (eos ? CONTINUE : STOP_AND_BUFFER) : undefined), { bufferLimit: 10 });
  calls.length = 0;
  const r = host.request({ method: "POST", path: "/", body: "x".repeat(25), chunkSize: 4, upstream: () => { throw new Error("no upstream"); } }) as any;
  assert.equal(r.status, 413);
  assert.equal(r.details, "request_payload_too_large");
  assert.equal(Buffer.from(r.body).toString(), "Payload Too Large");
  assert.equal(r.upstreamRequest, undefined);
  // 4, 8 buffered; 12 > 10 → 413 before the VM sees the third chunk; the 413 travels the encoder chain
  assert.deepEqual(calls.map((c) => c.phase), ["contextCreate", "reqHeaders", "reqBody", "reqBody", "respHeaders", "respBody", "log", "done", "delete"]);
  host.close();
});

test("StopIterationAndWatermark buffers without the 413 (flow control instead), and the VM sees only the new chunk (context.cc: buffering_request_body_ only for ...AndBuffer)", async () => {
  const sizes: number[] = [];
  const { host } = await probeHost((ph, _c, size, eos) => {
    if (ph !== PH.reqBody) return;
    sizes.push(size);
    return eos ? CONTINUE : STOP_AND_WATERMARK;
  }, { bufferLimit: 10 });
  const r = host.request({ method: "POST", path: "/", body: "y".repeat(25), chunkSize: 4 }) as any;
  assert.equal(r.status, 200);
  assert.deepEqual(sizes, [4, 4, 4, 4, 4, 4, 1]);
  assert.equal(r.upstreamRequest.body.length, 25);
  host.close();
});

test("StopIterationNoBuffer drops the chunk: it is neither buffered nor passed on", async () => {
  const { host } = await probeHost((ph, _c, _s, eos) => (ph === PH.reqBody ? (eos ? CONTINUE : STOP_NO_BUFFER) : undefined));
  const r = host.request({ method: "POST", path: "/", body: "aabbcc", chunkSize: 2 }) as any;
  assert.equal(Buffer.from(r.upstreamRequest.body).toString(), "cc");
  host.close();
});

test("StopAllIterationAndBuffer from on_request_headers: the body is buffered without calling the filter; proxy_continue_stream from a tick delivers it (filter_manager.cc commonContinue, iterate_from_current_filter_)", async () => {
  let stream = 0;
  const seen: Array<[number, number]> = [];
  const { host } = await probeHost((ph, ctx, size, eos, g) => {
    if (ph === PH.configure) g.abi.proxy_set_tick_period_milliseconds(100);
    if (ph === PH.reqHeaders) { stream = ctx; return 3; } // StopAllIterationAndBuffer
    if (ph === PH.reqBody) seen.push([size, eos]);
    if (ph === PH.tick && stream) {
      assert.equal(g.abi.proxy_set_effective_context(stream), R.Ok);
      assert.equal(g.abi.proxy_continue_stream(0), R.Ok);
    }
  });
  const s = host.stream();
  assert.equal(s.requestHeaders([[":method", "POST"], [":path", "/"]], false), "stop");
  assert.equal(s.requestBody(new TextEncoder().encode("abc"), false), "stop");
  assert.equal(s.requestBody(new TextEncoder().encode("de"), true), "stop");
  assert.deepEqual(seen, [], "no body callback while stopped");
  host.tick(100);
  assert.deepEqual(seen, [[5, 1]], "buffered body delivered to this filter in one call");
  assert.equal(s.upstreamComplete, true);
  assert.equal(Buffer.from(s.upstreamBody).toString(), "abcde");
  s.finish();
  host.close();
});

test("Host.request waits for a paused stream and resumes when a tick continues it", async () => {
  let stream = 0;
  const { host } = await probeHost((ph, ctx, _s, _e, g) => {
    if (ph === PH.configure) g.abi.proxy_set_tick_period_milliseconds(10);
    if (ph === PH.reqHeaders) { stream = ctx; return 1; }
    if (ph === PH.tick && stream) { g.abi.proxy_set_effective_context(stream); g.abi.proxy_continue_stream(0); stream = 0; }
  });
  const p = host.request({ method: "GET", path: "/wait" });
  assert.ok(p instanceof Promise);
  host.tick(10);
  const r = await p;
  assert.equal(r.status, 200);
  assert.equal(r.upstreamRequest?.headers[1][1], "/wait");
  host.close();
});

test("a stream the filter never continues gets Envoy's stream idle timeout: 408 stream_idle_timeout", async () => {
  const { host } = await probeHost((ph) => (ph === PH.reqHeaders ? 1 : undefined), { streamIdleTimeoutMs: 20 });
  const r = await host.request({ method: "GET", path: "/" });
  assert.equal(r.status, 408);
  assert.equal(r.details, "stream_idle_timeout");
  host.close();
});

test("StopIteration from on_request_headers still delivers body callbacks; Continue from the body resumes headers and data together", async () => {
  const { host, calls } = await probeHost((ph) => (ph === PH.reqHeaders ? 1 : undefined));
  calls.length = 0;
  const s = host.stream();
  assert.equal(s.requestHeaders([[":method", "POST"], [":path", "/"]], false), "stop");
  assert.equal(s.upstreamHeaders.length, 0);
  assert.equal(s.requestBody(new TextEncoder().encode("z"), true), "continue");
  assert.equal(s.upstreamHeaders.length, 2);
  assert.equal(s.upstreamComplete, true);
  s.finish();
  host.close();
});

test("response body buffering past the limit before the headers went downstream answers 500 (filter_manager.cc responseDataTooLarge)", async () => {
  const { host } = await probeHost((ph, _c, _s, eos) => {
    if (ph === PH.respHeaders) return 1; // StopIteration: hold the headers
    if (ph === PH.respBody) return eos ? CONTINUE : STOP_AND_BUFFER;
  }, { bufferLimit: 8 });
  const r = host.request({ method: "GET", path: "/", upstream: () => ({ status: 200, body: "r".repeat(40000) }) }) as any;
  assert.equal(r.status, 500);
  assert.equal(r.details, "response_payload_too_large");
  host.close();
});

test("response body buffering past the limit after the headers went downstream resets the stream", async () => {
  const { host } = await probeHost((ph, _c, _s, eos) => (ph === PH.respBody ? (eos ? CONTINUE : STOP_AND_BUFFER) : undefined), { bufferLimit: 8 });
  const r = host.request({ method: "GET", path: "/", upstream: () => ({ status: 200, body: "r".repeat(40000) }) }) as any;
  assert.equal(r.reset, true);
  assert.equal(r.status, 0);
  host.close();
});

test("response body changed with set_buffer_bytes reaches the client; buffered response body is whole at end_of_stream", async () => {
  const { host } = await probeHost((ph, _c, size, eos, g) => {
    if (ph !== PH.respBody) return;
    if (!eos) return STOP_AND_BUFFER;
    const body = Buffer.from(g.bufferBytes(RESP_BODY, 0, size)[1]).toString();
    g.setBuffer(RESP_BODY, 0, size, body.toUpperCase());
    return CONTINUE;
  });
  const r = host.request({ method: "GET", path: "/", upstream: () => ({ status: 200, body: "abc".repeat(10000) }) }) as any;
  assert.equal(Buffer.from(r.body).toString(), "ABC".repeat(10000));
  host.close();
});

