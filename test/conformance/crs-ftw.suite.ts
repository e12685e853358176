// Conformance: the CRS's own go-ftw regression tests (../shared/crs/tests/regression/tests) through
// build/bulwark.wasm with the CRS test-run settings, as `bulwark ftw --crs ../shared/crs --overrides
// test/conformance/crs-ftw-overrides.yaml` runs them (src/ftw/run.ts). passed/failed per test
// (all stages); skipped = tests listed in crs-ftw-overrides.yaml, each with its reason. Details: one
// line per failing test with its reason, then counts of failures by rule.
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { runFtw } from "../../src/ftw/run.ts";
import { filterWasm } from "../../src/cli/common.ts";

export default async function (shared: string) {
  const here = dirname(fileURLToPath(import.meta.url));
  const s = await runFtw({ crs: join(shared, "crs"), overrides: join(here, "crs-ftw-overrides.yaml"), wasm: filterWasm() });
  const details: string[] = [];
  const byRule = new Map<string, number>();
  for (const r of s.results) {
    if (r.outcome !== "failed") continue;
    details.push(`${r.name}: ${r.reason}`);
    const rule = r.name.split("-")[0];
    byRule.set(rule, (byRule.get(rule) ?? 0) + 1);
  }
  for (const p of s.importProblems) details.push(`not imported: ${p}`);
  for (const n of s.notes) details.push(`note: ${n}`);
  details.push(`failures by rule: ${[...byRule].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k}×${v}`).join(" ") || "none"}`);
  const run = s.passed + s.failed;
  details.push(`${s.results.length} tests in ${(s.ms / 1000).toFixed(1)} s; pass rate ${(100 * s.passed / Math.max(1, run)).toFixed(2)}% of the tests run, ${(100 * s.passed / Math.max(1, s.results.length)).toFixed(2)}% of all`);
  return { suite: "crs-ftw", passed: s.passed, failed: s.failed, skipped: s.skipped, details };
}
