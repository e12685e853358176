// `npm start` pieces: the dev proxy in front of the demo upstream, over real HTTP.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { execFileSync, spawn } from "node:child_process";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { Host } from "../../src/host/index.ts";
import { createProxy } from "../../src/dev/proxy.ts";
import { startDemoUpstream } from "../../src/dev/upstream.ts";

let base = "";
let proxy: Server;
let upstream: Server;
let host: Host;
before(async () => {
  execFileSync(process.execPath, ["scripts/build.mjs", "--if-needed"], { stdio: "inherit" });
  host = await Host.create({ wasm: readFileSync("build/bulwark.wasm"), configuration: readFileSync("rules/default.json", "utf8"), workers: 2 });
  const up = await startDemoUpstream();
  upstream = up.server;
  proxy = createProxy({ host, upstream: up.url, chunkSize: 1024 });
  await new Promise<void>((ok) => proxy.listen(0, "127.0.0.1", ok));
  base = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});
after(() => { proxy.close(); upstream.close(); host.close(); });

test("GET /api/items is 200 from the demo upstream", async () => {
  const r = await fetch(`${base}/api/items`);
  assert.equal(r.status, 200);
  assert.ok((await r.json()).items.length >= 3);
});

test("a deny-list request is 403 with a JSON body naming the rule and the request id", async () => {
  const r = await fetch(`${base}/.git/config`, { headers: { "x-request-id": "dev-1" } });
  assert.equal(r.status, 403);
  assert.equal(r.headers.get("x-request-id"), "dev-1");
  assert.deepEqual(await r.json(), { error: "forbidden", rule: "deny-dotfiles", request_id: "dev-1" });
});

test("the upstream sees x-request-id generated, x-forwarded-for appended, Host from :authority", async () => {
  const r = await fetch(`${base}/echo`, { headers: { "x-forwarded-for": "203.0.113.7" } });
  const echo = await r.json();
  assert.match(echo.headers["x-request-id"], /^[0-9a-f-]{36}$/);
  assert.equal(echo.headers["x-forwarded-for"], "203.0.113.7, 127.0.0.1");
  assert.equal(echo.headers["x-forwarded-proto"], "http");
  assert.match(echo.headers.host, /^127\.0\.0\.1:\d+$/);
});

test("a POST body reaches the upstream whole after passing the filter in chunks", async () => {
  const r = await fetch(`${base}/api/items`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "x".repeat(5000), price: 2 }) });
  assert.equal(r.status, 201);
  assert.equal((await r.json()).name.length, 5000);
});

test("`bulwark dev` starts on PORT and prints where to point curl", async () => {
  const child = spawn(process.execPath, ["build/cli.js", "dev"], { env: { ...process.env, PORT: "0" } });
  try {
    const out = await new Promise<string>((ok, fail) => {
      let buf = "";
      const t = setTimeout(() => fail(new Error(`no banner: ${buf}`)), 15_000);
      child.stdout.on("data", (d) => { buf += d; if (buf.includes("blocked:")) { clearTimeout(t); ok(buf); } });
      child.on("exit", (c) => fail(new Error(`exited ${c}: ${buf}`)));
    });
    const url = /listening on (http:\/\/[\d.]+:\d+)/.exec(out)![1];
    assert.equal((await fetch(`${url}/api/items`)).status, 200);
    assert.equal((await fetch(`${url}/.env`)).status, 403);
  } finally {
    child.kill();
  }
});
