/**
 * Checks an imported pack with the real filter: loads { waf: { builtinPacks: "none", packs: [pack] } } into
 * build/bulwark.wasm through the proxy-wasm host and turns each fault the filter logs for
 * `waf.packs[0].rules[N]…` back into the SecLang file:line the rule came from. Refused rules are
 * taken out and the rest loaded again (at most `rounds` times) so the returned pack is accepted.
 * Argument: an ImportResult and the wasm bytes. Result: { pack, origins, problems } where problems
 * are the new ones only.
 * Example: await checkWithFilter(importSeclang(["rules/"]), filterWasm())
 *   → problems like { file: "a.conf", line: 3, reason: "rule 5: refused by the filter: …variables[0]: unknown variable 'GEO'" }
 */
import { Host, ConfigureError } from "../host/index.ts";
import { configurationFaults } from "../cli/common.ts";
import type { ImportResult, Json, Problem } from "./convert.ts";

export async function checkWithFilter(r: ImportResult, wasm: Uint8Array, rounds = 4): Promise<{ pack: Json; origins: string[]; problems: Problem[] }> {
  let pack = r.pack;
  let origins = r.origins;
  const problems: Problem[] = [];
  for (let round = 0; round < rounds; round++) {
    let faults: string[] = [];
    try {
      const host = await Host.create({ wasm, configuration: JSON.stringify({ waf: { builtinPacks: "none", packs: [pack] } }) });
      host.close();
      return { pack, origins, problems };
    } catch (e) {
      if (!(e instanceof ConfigureError)) throw e;
      faults = configurationFaults(e.logs);
      if (faults.length === 0) faults = [e.message];
    }
    const drop = new Set<number>();
    for (const f of faults) {
      const m = /^waf\.packs\[0\]\.rules\[(\d+)\]/.exec(f);
      if (!m) { problems.push({ file: "<pack>", line: 0, reason: `refused by the filter: ${f}` }); continue; }
      const i = Number(m[1]);
      drop.add(i);
      const [file, line] = splitOrigin(origins[i] ?? "<pack>:0");
      const id = pack.rules[i]?.id;
      problems.push({ file, line, reason: `${id !== undefined ? `rule ${id}: ` : ""}refused by the filter: ${f}` });
    }
    if (drop.size === 0) return { pack, origins, problems };
    pack = { ...pack, rules: pack.rules.filter((_: Json, i: number) => !drop.has(i)) };
    origins = origins.filter((_, i) => !drop.has(i));
  }
  problems.push({ file: "<pack>", line: 0, reason: `still refused after ${rounds} rounds of taking out refused rules` });
  return { pack, origins, problems };
}

function splitOrigin(o: string): [string, number] {
  const k = o.lastIndexOf(":");
  return [o.slice(0, k), Number(o.slice(k + 1))];
}
