// Host conformance: local replies (proxy_send_local_response) as Envoy sends them.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Host, WasmResult as R } from "../../src/host/index.ts";
import { probeHost, probeWasm, buildFilter, filterWasm, PH, ROOT } from "./helpers.ts";

before(async () => { buildFilter(); await probeWasm(); });

test("local reply stops the stream: no further request callbacks, no upstream; the reply travels the encoder chain so on_response_headers/body see it; then on_log/on_done/on_delete (filter_manager.cc sendLocalReplyViaFilterChain)", async () => {
  const { host, calls } = await probeHost((ph, _c, _a, _b, g) => {
    if (ph === PH.reqHeaders) { assert.equal(g.localReply(403, "denied", [["X-Why", "rule-1"]], "my details"), R.Ok); return 1; }
  });
  calls.length = 0;
  let upstreamCalled = false;
  const r = host.request({ method: "POST", path: "/", body: "data", trailers: [["t", "1"]], upstream: () => { upstreamCalled = true; return { status: 200 }; } }) as any;
  assert.equal(upstreamCalled, false);
  assert.equal(r.status, 403);
  assert.equal(r.localReply, true);
  assert.equal(Buffer.from(r.body).toString(), "denied");
  assert.equal(r.details, "my_details", "details: spaces become underscores (StringUtil::replaceAllEmptySpace)");
  assert.deepEqual(r.headers, [[":status", "403"], ["x-why", "rule-1"], ["content-length", "6"], ["content-type", "text/plain"]]);
  assert.deepEqual(calls.map((c) => c.phase), ["contextCreate", "reqHeaders", "respHeaders", "respBody", "log", "done", "delete"]);
  assert.equal(calls[2].b, 0, "local reply headers: end_of_stream=false, a body follows");
  assert.deepEqual([calls[3].a, calls[3].b], [6, 1]);
  host.close();
});

test("a local reply keeps the filter's content-type (Utility::prepareLocalReply sets text/plain only when absent); an empty body adds neither", async () => {
  const { host } = await probeHost((ph, _c, _a, _b, g) => {
    if (ph === PH.reqHeaders) { g.localReply(401, "{}", [["content-type", "application/json"]], "d"); return 1; }
  });
  const r = host.request({ method: "GET", path: "/" }) as any;
  assert.deepEqual(r.headers, [[":status", "401"], ["content-type", "application/json"], ["content-length", "2"]]);
  host.close();
  const { host: h2 } = await probeHost((ph, _c, _a, _b, g) => { if (ph === PH.reqHeaders) { g.localReply(204, "", [], "none"); return 1; } });
  assert.deepEqual((h2.request({ method: "GET", path: "/" }) as any).headers, [[":status", "204"]]);
  h2.close();
});

test("a local reply from the request body callback: no more body callbacks run", async () => {
  const { host, calls } = await probeHost((ph, _c, _a, _b, g) => {
    if (ph === PH.reqBody) { g.localReply(400, "bad body", [], "body"); return 1; }
  });
  calls.length = 0;
  const r = host.request({ method: "POST", path: "/", body: "x".repeat(10), chunkSize: 2 }) as any;
  assert.equal(r.status, 400);
  assert.equal(calls.filter((c) => c.phase === "reqBody").length, 1);
  host.close();
});

test("a local reply during on_response_headers replaces the upstream response directly, without re-entering the filter (FilterManager::sendLocalReply → sendDirectLocalReply)", async () => {
  const { host, calls } = await probeHost((ph, _c, _a, _b, g) => {
    if (ph === PH.respHeaders) { g.localReply(502, "masked", [], "response_blocked"); return 1; }
  });
  calls.length = 0;
  const r = host.request({ method: "GET", path: "/", upstream: () => ({ status: 500, body: "stack trace" }) }) as any;
  assert.equal(r.status, 502);
  assert.equal(Buffer.from(r.body).toString(), "masked");
  assert.deepEqual(calls.map((c) => c.phase), ["contextCreate", "reqHeaders", "respHeaders", "log", "done", "delete"]);
  assert.ok(r.upstreamRequest, "the upstream was called");
  host.close();
});

test("a local reply after the response headers went downstream resets the stream", async () => {
  const { host } = await probeHost((ph, _c, _a, _b, g) => {
    if (ph === PH.respBody) { g.localReply(500, "late", [], "late"); return 1; }
  });
  const r = host.request({ method: "GET", path: "/", upstream: () => ({ status: 200, body: "secret" }) }) as any;
  assert.equal(r.reset, true);
  host.close();
});

test("proxy_close_stream resets the stream (Envoy Context::closeStream → resetStream)", async () => {
  const { host } = await probeHost((ph, _c, _a, _b, g) => { if (ph === PH.reqHeaders) { g.abi.proxy_close_stream(0); return 1; } });
  const r = host.request({ method: "GET", path: "/", upstream: () => { throw new Error("no"); } }) as any;
  assert.equal(r.reset, true);
  host.close();
});

test("the filter's deny list answers 403 with a JSON body naming the rule and the request id, x-request-id echoed, through the host", async () => {
  const cfg = readFileSync(join(ROOT, "rules/default.json"), "utf8");
  const host = await Host.create({ wasm: filterWasm(), configuration: cfg });
  const r = host.request({ method: "GET", path: "/.git/config", headers: [["x-request-id", "rid-1"]] }) as any;
  assert.equal(r.status, 403);
  assert.equal(r.localReply, true);
  const body = JSON.parse(Buffer.from(r.body).toString());
  assert.equal(body.request_id, "rid-1");
  assert.equal(typeof body.rule, "string");
  assert.ok(r.headers.some(([k, v]: [string, string]) => k === "x-request-id" && v === "rid-1"));
  assert.equal(r.upstreamRequest, undefined);
  const ok = host.request({ method: "GET", path: "/api/items" }) as any;
  assert.equal(ok.status, 200);
  assert.equal(ok.localReply, false);
  host.close();
});
