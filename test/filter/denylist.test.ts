// The filter through the host: the deny list answered with Envoy local replies.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { Host, ConfigureError } from "../../src/host/index.ts";

let wasm: Uint8Array;
before(() => {
  execFileSync(process.execPath, ["scripts/build.mjs", "--if-needed"], { stdio: "inherit" });
  wasm = readFileSync("build/bulwark.wasm");
});
const config = readFileSync("rules/default.json", "utf8");
const dec = new TextDecoder();

test("a clean GET reaches the upstream unchanged", async () => {
  const host = await Host.create({ wasm, configuration: config });
  const r = await host.request({ method: "GET", path: "/api/items", headers: [["x-request-id", "r-1"]] });
  assert.equal(r.localReply, false);
  assert.equal(r.status, 200);
  assert.ok(r.upstreamRequest, "the request went upstream");
  assert.equal(host.metrics.get("bulwark.requests_total")?.value, 1n);
  host.close();
});

test("a deny-list path gets 403 with a JSON body naming the rule and the request id, x-request-id echoed", async () => {
  const host = await Host.create({ wasm, configuration: config });
  const r = await host.request({ method: "GET", path: "/.git/config", headers: [["x-request-id", "req-42"]] });
  assert.equal(r.localReply, true);
  assert.equal(r.status, 403);
  assert.equal(r.upstreamRequest, undefined, "nothing reached the upstream");
  const body = JSON.parse(dec.decode(r.body));
  assert.deepEqual(body, { error: "forbidden", rule: "deny-dotfiles", request_id: "req-42" });
  assert.ok(r.headers.some(([k, v]) => k === "x-request-id" && v === "req-42"));
  assert.ok(r.headers.some(([k, v]) => k === "content-type" && v === "application/json"));
  assert.ok(host.logs.some((l) => l.message.includes("denied request_id=req-42 rule=deny-dotfiles")));
  assert.equal(host.metrics.get("bulwark.denied_total")?.value, 1n);
  host.close();
});

test("path tricks do not dodge a prefix: //, %2e, dot segments, backslashes, query", async () => {
  const host = await Host.create({ wasm, configuration: config });
  for (const path of ["//.git/config", "/%2egit/HEAD", "/static/../.git/config", "/a/.%2e/.env", "/x\\..\\.env", "/./.aws/credentials?x=1"]) {
    const r = await host.request({ method: "GET", path });
    assert.equal(r.status, 403, path);
  }
  for (const path of ["/api/items", "/gitlab", "/api/.gitignore-help".replace(".gitignore-help", "env"), "/docs/.github-style"]) {
    const r = await host.request({ method: "GET", path });
    assert.equal(r.status, 200, path);
  }
  host.close();
});

test("path prefixes: \"/\" covers every path, a longer prefix only its own (the second-byte quick check)", async () => {
  const cfg = { denyList: [
    { id: "no-put", methods: ["PUT"], pathPrefixes: ["/"] },
    { id: "admin", pathPrefixes: ["/x", "/admin", "/b/c"] },
  ] };
  const host = await Host.create({ wasm, configuration: JSON.stringify(cfg) });
  for (const path of ["/", "/anything", "//a", "/%2e/b"]) assert.equal((await host.request({ method: "PUT", path })).status, 403, `PUT ${path}`);
  for (const [path, status] of [["/admin", 403], ["/admin/users", 403], ["/adm", 200], ["/x", 403], ["/xyz", 403], ["/b/c/d", 403],
    ["/b/d", 200], ["/", 200], ["/a", 200], ["/static/../admin", 403], ["/%61dmin", 403], ["/y/x", 200]] as const) {
    assert.equal((await host.request({ method: "GET", path })).status, status, `GET ${path}`);
  }
  host.close();
});

test("methods match exactly; header conditions ignore case and see every repeated header", async () => {
  const host = await Host.create({ wasm, configuration: config });
  assert.equal((await host.request({ method: "TRACE", path: "/" })).status, 403);
  assert.equal((await host.request({ method: "GET", path: "/" })).status, 200);
  assert.equal((await host.request({ method: "GET", path: "/", headers: [["User-Agent", "Mozilla/5.0 (SQLMap)"]] })).status, 403);
  assert.equal((await host.request({ method: "GET", path: "/", headers: [["user-agent", "curl/8"], ["user-agent", "nikto"]] })).status, 403);
  assert.equal((await host.request({ method: "GET", path: "/", headers: [["user-agent", "curl/8.5"]] })).status, 200);
  host.close();
});

test("an empty contains string matches any value of a present header", async () => {
  const cfg = JSON.stringify({ denyList: [{ id: "any-x-debug", headers: [{ name: "x-debug", contains: ["", "zzz"] }] }] });
  const host = await Host.create({ wasm, configuration: cfg });
  assert.equal((await host.request({ method: "GET", path: "/", headers: [["x-debug", "1"]] })).status, 403);
  assert.equal((await host.request({ method: "GET", path: "/", headers: [["x-debug", ""]] })).status, 403);
  assert.equal((await host.request({ method: "GET", path: "/" })).status, 200);
  host.close();
});

test("debug adds the entry's msg; without debug the reply does not carry it", async () => {
  const cfg = JSON.parse(config);
  cfg.debug = true;
  const host = await Host.create({ wasm, configuration: JSON.stringify(cfg) });
  const r = await host.request({ method: "TRACE", path: "/" });
  assert.match(JSON.parse(dec.decode(r.body)).msg, /cross-site tracing/);
  host.close();
  const quiet = await Host.create({ wasm, configuration: config });
  const q = await quiet.request({ method: "TRACE", path: "/" });
  assert.equal(JSON.parse(dec.decode(q.body)).msg, undefined);
  quiet.close();
});

test("a request without x-request-id still gets a request id in the reply", async () => {
  const host = await Host.create({ wasm, configuration: config });
  const r = await host.request({ method: "TRACE", path: "/" });
  const id = JSON.parse(dec.decode(r.body)).request_id;
  assert.match(id, /^bulwark-[0-9a-f]+-[0-9a-f]+$/);
  host.close();
});

test("a bad configuration is refused: on_configure fails and the log names the JSON path", async () => {
  await assert.rejects(
    Host.create({ wasm, configuration: '{"denyList":[{"id":"x","methods":[1]}]}' }),
    (e: unknown) => {
      assert.ok(e instanceof ConfigureError);
      assert.ok(e.logs.some((l) => l.message === "bulwark: configuration refused: denyList[0].methods[0]: expected a string, got a number"));
      return true;
    },
  );
});

test("an empty configuration is accepted (Envoy passes none when the filter has no configuration)", async () => {
  const host = await Host.create({ wasm, configuration: "" });
  assert.equal((await host.request({ method: "GET", path: "/.git" })).status, 200);
  host.close();
});

test("request bodies pass through in chunks untouched", async () => {
  const host = await Host.create({ wasm, configuration: config });
  const body = "x".repeat(100_000);
  const r = await host.request({ method: "POST", path: "/api/items", body, chunkSize: 8192 });
  assert.equal(r.status, 200);
  assert.equal(dec.decode(r.upstreamRequest!.body), body);
  host.close();
});

test("a User-Agent the contains list was not found in is remembered by its exact bytes only", async () => {
  const host = await Host.create({ wasm, configuration: config });
  const ask = async (ua: string) => {
    const r = await host.request({ method: "GET", path: "/", headers: [["user-agent", ua]] });
    return r.status === 200 ? "pass" : `${r.status} ${JSON.parse(dec.decode(r.body)).rule}`;
  };
  const benign = "Mozilla/5.0 (X11; nikta)", scanner = "Mozilla/5.0 (X11; nikto)";   // one length
  assert.equal(await ask(benign), "pass");
  assert.equal(await ask(benign), "pass");
  assert.equal(await ask(scanner), "403 deny-scanner-user-agents");
  assert.equal(await ask(benign), "pass");
  assert.equal(await ask(scanner.toUpperCase()), "403 deny-scanner-user-agents");
  assert.equal(await ask(benign), "pass");
  host.close();
});
