#!/usr/bin/env node
// `npm run conformance`: the external suites that read ../shared (or $BULWARK_SHARED).
// Each suite is test/conformance/<name>.suite.ts exporting `default async (shared) => result`
// with result = { suite, passed, failed, skipped, details?: string[] }. One line per suite:
//   <suite>: N passed, N failed, N skipped
// Exit status 1 if any suite failed a case or could not run.
import { readdirSync, existsSync } from "node:fs";
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
    const line = `${r.suite}: ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped`;
    lines.push(line);
    console.log(line);
    if (r.failed > 0) bad = true;
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
