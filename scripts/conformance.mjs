#!/usr/bin/env node
// `npm run conformance`: the external suites that read ../shared (or $BULWARK_SHARED).
// Each suite is test/conformance/<name>.suite.ts exporting `default async (shared) => result`
// with result = { suite, passed, failed, skipped, details?: string[] }. One line per suite:
//   <suite>: N passed, N failed, N skipped
// Exit status 1 if a suite could not run, or failed more cases than test/conformance/known-failures.json
// allows it (each allowance carries its reason; a suite not listed there may fail nothing).
import { readdirSync, existsSync, readFileSync } from "node:fs";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { register } from "tsx/esm/api";

register();
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const shared = resolve(process.env.BULWARK_SHARED ?? join(root, "..", "shared"));
const only = process.argv.slice(2);
if (!existsSync(shared)) {
  console.error(`conformance: ${shared} not found (set BULWARK_SHARED); the external suites need it`);
  process.exit(1);
}
const dir = join(root, "test", "conformance");
const known = JSON.parse(readFileSync(join(dir, "known-failures.json"), "utf8"));
const suites = readdirSync(dir).filter((f) => f.endsWith(".suite.ts")).sort();
let bad = false;
const lines = [];
for (const f of suites) {
  const name = f.replace(/\.suite\.ts$/, "");
  if (only.length && !only.includes(name)) continue;
  try {
    const mod = await import(pathToFileURL(join(dir, f)).href);
    const r = await mod.default(shared);
    for (const d of r.details ?? []) console.log(`  ${r.suite}: ${d}`);
    const allowed = known[r.suite]?.max ?? 0;
    let line = `${r.suite}: ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped`;
    if (r.failed > allowed) { bad = true; line += `  (REGRESSION: known failures ${allowed})`; }
    else if (r.failed > 0) line += `  (known: ${known[r.suite].why})`;
    lines.push(line);
    console.log(line);
  } catch (e) {
    bad = true;
    const line = `${name}: could not run: ${e?.stack ?? e}`;
    lines.push(line);
    console.log(line);
  }
}
if (lines.length === 0) console.log("conformance: no suites yet");
console.log("\n" + lines.join("\n"));
process.exit(bad ? 1 : 0);
