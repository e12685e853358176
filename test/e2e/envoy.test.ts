// End to end with a real Envoy (docker compose). Skipped, with the reason, where no Docker engine runs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";

function dockerEngine(): string | null {
  const r = spawnSync("docker", ["info", "--format", "{{.ServerVersion}}"], { encoding: "utf8", timeout: 10_000 });
  if (r.error) return `docker CLI not found (${r.error.message})`;
  if (r.status !== 0) return `no Docker engine is running (docker info: ${(r.stderr || "").trim().split("\n")[0]})`;
  return null;
}

const why = dockerEngine();
test("Envoy + bulwark.wasm via docker compose: demo upstream answers, deny list blocks", { skip: why ? `e2e skipped: ${why}` : false, timeout: 300_000 }, async () => {
  execFileSync("docker", ["compose", "up", "-d", "--wait"], { stdio: "inherit" });
  try {
    let ok = false;
    for (let i = 0; i < 60 && !ok; i++) {
      try { ok = (await fetch("http://127.0.0.1:8080/healthz")).status === 200; } catch { await new Promise((r) => setTimeout(r, 1000)); }
    }
    assert.ok(ok, "Envoy did not come up");
    assert.equal((await fetch("http://127.0.0.1:8080/api/items")).status, 200);
    const blocked = await fetch("http://127.0.0.1:8080/.git/config");
    assert.equal(blocked.status, 403);
    const body = await blocked.json();
    assert.equal(body.rule, "deny-dotfiles");
    assert.ok(body.request_id);
  } finally {
    execFileSync("docker", ["compose", "down"], { stdio: "inherit" });
  }
});
