// `bulwark authz explain --config FILE --request REQ.json`: which policies matched the request, in
// evaluation order, and why (which source / operation / condition held or failed), and the
// decision. The explanation is produced inside the wasm (build/harness/authz.wasm, the engine the
// filter runs with a trace), not re-implemented here. REQ.json format: assembly/authz/jsonreq.ts.
// Exit 0 allowed, 3 denied, 1 on a bad configuration or request.
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { buildDir } from "./common.ts";

export interface Explainer { explain(config: string, request: string): string }

export function harnessPath(): string {
  const p = join(buildDir(), "harness", "authz.wasm");
  if (!existsSync(p)) throw new Error(`${p} not found: run \`npm run build\` first`);
  return p;
}

export async function loadExplainer(path = harnessPath()): Promise<Explainer> {
  const mod = await WebAssembly.compile(readFileSync(path));
  const inst = await WebAssembly.instantiate(mod, {
    env: { abort(_m: number, _f: number, line: number, col: number) { throw new Error(`authz harness abort at ${line}:${col}`); } },
  });
  const x = inst.exports as any;
  const enc = new TextEncoder(), dec = new TextDecoder();
  return {
    explain(config: string, request: string): string {
      const c = enc.encode(config), r = enc.encode(request);
      const base = x.arena(c.length + r.length + 16) >>> 0;
      const mem = new Uint8Array(x.memory.buffer);
      mem.set(c, base);
      const rp = base + ((c.length + 7) & ~7);
      mem.set(r, rp);
      const out = x.explain(base, c.length, rp, r.length) >>> 0;
      const n = x.resultLength();
      return dec.decode(new Uint8Array(x.memory.buffer, out, n));
    },
  };
}

export async function authzExplain(opts: { config: string; request: string }): Promise<number> {
  const config = readFileSync(opts.config, "utf8");
  const request = readFileSync(opts.request, "utf8");
  const text = (await loadExplainer()).explain(config, request);
  process.stdout.write(text);
  if (text.startsWith("error:")) return 1;
  return /^decision: ALLOW/m.test(text) ? 0 : 3;
}
