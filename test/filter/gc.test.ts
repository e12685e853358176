// The filter runs on the non-incremental collector and collects only at safe points
// (assembly/gc.ts): at the end of configuration and at stream ends, once the estimated garbage
// exceeds its budget. A VM's memory must stay flat over many requests of every kind (bodies, blocks,
// local replies), the answers must stay right while collections run, and a second configuration
// must not keep the first one's memory.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { Host } from "../../src/host/index.ts";

let wasm: Uint8Array;
before(() => {
  execFileSync(process.execPath, ["scripts/build.mjs", "--if-needed"], { stdio: "inherit" });
  wasm = readFileSync("build/bulwark.wasm");
});
const config = readFileSync("rules/default.json", "utf8");

const body = JSON.stringify({ items: Array.from({ length: 60 }, (_, i) => ({ id: i, name: `item ${i}`, tags: ["a", "b"] })) });

async function mixed(host: Host, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    switch (i % 4) {
      case 0: {
        const r = await host.request({ method: "GET", path: `/api/items?page=${i}`, headers: [["user-agent", "Mozilla/5.0"]] });
        assert.equal(r.status, 200, `GET ${i}`);
        break;
      }
      case 1: {
        const r = await host.request({ method: "POST", path: "/api/items", headers: [["content-type", "application/json"]], body });
        assert.equal(r.status, 200, `POST ${i}`);
        break;
      }
      case 2: {
        const r = await host.request({ method: "GET", path: "/a?id=1%27%20union%20select%20password%20from%20users--", headers: [] });
        assert.equal(r.status, 403, `attack ${i}`);
        break;
      }
      default: {
        const r = await host.request({ method: "GET", path: "/.git/config", headers: [] });
        assert.equal(r.status, 403, `deny list ${i}`);
      }
    }
  }
}

test("memory stays flat over 3000 mixed requests (several collections), and every answer stays right", async () => {
  const host = await Host.create({ wasm, configuration: config });
  const size = () => host.worker(0).memory.buffer.byteLength;
  await mixed(host, 400);
  const early = size();
  await mixed(host, 3000);
  assert.equal(size(), early, `linear memory grew from ${early} to ${size()} bytes`);
  host.close();
});

test("a new configuration replaces the old one without growing the memory each time", async () => {
  const host = await Host.create({ wasm, configuration: config });
  const size = () => host.worker(0).memory.buffer.byteLength;
  await mixed(host, 40);
  host.reconfigure(config);
  await mixed(host, 40);
  const after1 = size();
  for (let k = 0; k < 3; k++) { host.reconfigure(config); await mixed(host, 40); }
  assert.equal(size(), after1, `linear memory grew from ${after1} to ${size()} bytes over 3 reconfigurations`);
  host.close();
});
