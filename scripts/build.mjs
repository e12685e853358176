#!/usr/bin/env node
// Builds everything the tooling runs:
//   build/bulwark.wasm      the filter (release: -O3, no debug names)
//   build/passthrough.wasm  the bench floor: same runtime, a filter that does nothing
//   build/harness/<x>.wasm  one per assembly/**/harness.ts: engine parts exported for
//                           conformance suites and benchmarks (not shipped to Envoy)
//   build/cli.js            the bundled `bulwark` CLI (esbuild)
// `--if-needed` skips outputs that are newer than every source they depend on.
import { readdirSync, statSync, mkdirSync, existsSync, chmodSync } from "node:fs";
import { join, relative, dirname, basename } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const ifNeeded = process.argv.includes("--if-needed");
const only = process.argv.find((a) => a.startsWith("--only="))?.slice(7);
process.chdir(root);
mkdirSync("build/harness", { recursive: true });

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (name === "node_modules" || name === "__tests__") continue;
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}
function newest(paths) {
  let t = 0;
  for (const p of paths) if (existsSync(p)) t = Math.max(t, statSync(p).mtimeMs);
  return t;
}
function stale(output, inputs) {
  if (!ifNeeded || !existsSync(output)) return true;
  return statSync(output).mtimeMs < newest(inputs);
}

const asFiles = walk("assembly").filter((f) => f.endsWith(".ts"));
const asInputs = [...asFiles, "patches", ...walk("patches"), "package-lock.json", "scripts/build.mjs"];

const targets = [
  { entry: "assembly/index.ts", out: "build/bulwark.wasm", filter: true },
  { entry: "assembly/passthrough.ts", out: "build/passthrough.wasm", filter: true },
];
for (const f of asFiles) {
  if (basename(f) === "harness.ts") {
    const name = relative("assembly", dirname(f)).replace(/[\\/]/g, "-") || "root";
    targets.push({ entry: f, out: `build/harness/${name}.wasm`, filter: false });
  }
}

let asc;
let failed = false;
for (const t of targets) {
  if (only && !t.out.includes(only)) continue;
  if (!stale(t.out, asInputs)) continue;
  asc ??= await import("assemblyscript/asc");
  const args = [t.entry, "-o", t.out, "-O3", "--runtime", "incremental", "--noColors"];
  if (t.filter) args.push("--use", "abort=abort_proc_exit");
  else args.push("--exportRuntime", "--bindings", "raw");
  const t0 = Date.now();
  const { error, stderr } = await asc.main(args);
  if (error) {
    failed = true;
    console.error(`build: ${t.entry} failed\n${stderr.toString()}`);
  } else {
    console.error(`build: ${t.out} (${statSync(t.out).size} bytes, ${Date.now() - t0} ms)`);
  }
}

const tsInputs = [...walk("src"), "package-lock.json", "scripts/build.mjs"];
if ((!only || "build/cli.js".includes(only)) && stale("build/cli.js", tsInputs)) {
  const esbuild = await import("esbuild");
  await esbuild.build({
    entryPoints: ["src/cli/main.ts"],
    outfile: "build/cli.js",
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    banner: {
      js: "#!/usr/bin/env node\nimport { createRequire as __bulwarkCreateRequire } from 'node:module'; const require = __bulwarkCreateRequire(import.meta.url);",
    },
    logLevel: "warning",
  });
  chmodSync("build/cli.js", 0o755);
  console.error("build: build/cli.js");
}
process.exit(failed ? 1 : 0);
