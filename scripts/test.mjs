#!/usr/bin/env node
// `npm test`: builds what is stale, runs the as-pect specs, then the node:test suites
// (test/**/*.test.ts, through tsx), and ends with one pass/fail summary line per part.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
const filter = process.argv.slice(2);
function walk(d, out = []) {
  for (const n of readdirSync(d)) {
    const p = join(d, n);
    if (statSync(p).isDirectory()) { if (n !== "conformance" && n !== "corpus") walk(p, out); }
    else if (n.endsWith(".test.ts")) out.push(p);
  }
  return out;
}
const results = [];
function run(name, cmd, args) {
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { stdio: "inherit" });
  results.push({ name, ok: r.status === 0, ms: Date.now() - t0 });
  return r.status === 0;
}
if (!run("build", process.execPath, ["scripts/build.mjs", "--if-needed"])) {
  console.log("\nnpm test: build failed"); process.exit(1);
}
if (!filter.length || filter.includes("asp")) run("as-pect specs", process.execPath, ["node_modules/@as-pect/cli/bin/asp.js", "--config", "as-pect.config.js", "--summary"]);
const files = walk("test").sort().filter((f) => !filter.length || filter.some((x) => f.includes(x)));
if (files.length) run(`node:test (${files.length} files)`, process.execPath, ["--import", "tsx", "--test", "--test-reporter=spec", ...files]);
console.log("\nnpm test summary:");
for (const r of results) console.log(`  ${r.ok ? "PASS" : "FAIL"}  ${r.name} (${(r.ms / 1000).toFixed(1)} s)`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
