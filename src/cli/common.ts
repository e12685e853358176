// Shared by the CLI commands: where the built wasm lives, how configurations are read, and how
// the filter's own configuration errors are turned back into "path: message" lines.
import { readFileSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import defaultConfig from "../../rules/default.json";

/** Directory holding bulwark.wasm: next to the bundled cli.js (build/), or build/ from the sources. */
export function buildDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const d of [here, join(here, "..", "..", "build")]) {
    if (existsSync(join(d, "bulwark.wasm"))) return d;
  }
  throw new Error("build/bulwark.wasm not found: run `npm run build` first");
}

export function filterWasm(): Uint8Array {
  return readFileSync(join(buildDir(), "bulwark.wasm"));
}

export function passthroughWasm(): Uint8Array {
  return readFileSync(join(buildDir(), "passthrough.wasm"));
}

/** The embedded default configuration (rules/default.json), as the filter receives it. */
export function defaultConfiguration(): string {
  return JSON.stringify(defaultConfig);
}

/** Reads a configuration file as the bytes the filter will receive. */
export function readConfiguration(file: string): string {
  return readFileSync(resolve(file), "utf8");
}

export const REFUSED_PREFIX = "bulwark: configuration refused: ";

/** The "path: message" faults the filter logged while refusing a configuration. */
export function configurationFaults(logs: Array<{ message: string }>): string[] {
  return logs.filter((l) => l.message.startsWith(REFUSED_PREFIX)).map((l) => l.message.slice(REFUSED_PREFIX.length));
}
