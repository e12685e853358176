// `bulwark ftw [--crs DIR] [--include REGEX] [--exclude REGEX] [--overrides FILE] [--paranoia N]`:
// runs the CRS's go-ftw regression tests (<crs>/tests/regression/tests) through build/bulwark.wasm
// with the settings of the CRS's own test runs (src/ftw/run.ts). Prints one line per failing test
// with its reason ("920100-4: expected 920100, fired: …"), then "N passed, N failed, N skipped".
// Exit 1 when a test failed. Without --overrides the repository's test/conformance/crs-ftw-overrides.yaml
// applies when present (--no-overrides: none). Example: bulwark ftw --crs ../shared/crs --include '^9201' -v
import { writeFileSync, existsSync } from "node:fs";
import { resolve, join } from "node:path";
import { runFtw } from "../ftw/run.ts";
import { filterWasm, buildDir } from "./common.ts";

/** The repository's overrides (test/conformance/crs-ftw-overrides.yaml), found from build/ or src/cli/. */
export function defaultOverrides(): string | undefined {
  const f = join(buildDir(), "..", "test", "conformance", "crs-ftw-overrides.yaml");
  return existsSync(f) ? f : undefined;
}

export interface FtwCliOptions {
  crs?: string; tests?: string; include?: string; exclude?: string; overrides?: string | boolean; paranoia?: string;
  verbose?: boolean; json?: string; quiet?: boolean;
}

export async function ftwCommand(opts: FtwCliOptions): Promise<number> {
  const crs = resolve(opts.crs ?? "../shared/crs");
  // --overrides FILE, --no-overrides, or by default the repository's own file when it is there
  const overrides = typeof opts.overrides === "string" ? opts.overrides : opts.overrides === false ? undefined : defaultOverrides();
  if (overrides && !opts.quiet && typeof opts.overrides !== "string") console.error(`bulwark ftw: overrides from ${overrides}`);
  const s = await runFtw({
    crs, tests: opts.tests, include: opts.include, exclude: opts.exclude, overrides,
    paranoia: opts.paranoia ? Number(opts.paranoia) : undefined, wasm: filterWasm(),
    onResult: (r) => {
      if (r.outcome === "failed") console.log(`${r.name}: ${r.reason}`);
      else if (opts.verbose) console.log(`${r.name}: ${r.outcome}${r.reason ? ` (${r.reason})` : ""}`);
    },
  });
  if (!opts.quiet) {
    for (const p of s.importProblems) console.error(`not imported: ${p}`);
    for (const n of s.notes) console.error(`note: ${n}`);
  }
  if (opts.json) writeFileSync(opts.json, JSON.stringify(s.results.map((r) => ({
    name: r.name, file: r.file, outcome: r.outcome, reason: r.reason,
    stages: r.stages.map((x) => ({ status: x.status, fired: x.fired, envoy: x.envoy })),
  })), null, 1) + "\n");
  console.log(`${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped`);
  console.error(`bulwark ftw: ${s.results.length} tests in ${(s.ms / 1000).toFixed(1)} s`);
  return s.failed ? 1 : 0;
}
