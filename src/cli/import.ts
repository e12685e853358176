// `bulwark import seclang FILE|DIR… [-o pack.json] [--allow-partial] [--id ID] [--no-check]`: converts
// ModSecurity SecLang (.conf files; directories: their *.conf in name order) into one Bulwark rule
// pack, then (unless --no-check) loads it into the real filter (build/bulwark.wasm) so that what the
// engine refuses (an unsupported variable, a regex construct…) is reported against its SecLang line.
// Every problem is printed as `file:line: reason` on stderr; the import then fails (exit 1, nothing
// written) unless --allow-partial is given, in which case those rules are left out.
import { writeFileSync } from "node:fs";
import { importSeclang } from "../seclang/convert.ts";
import { checkWithFilter } from "../seclang/validate.ts";
import { filterWasm } from "./common.ts";

export async function importSeclangCommand(paths: string[], opts: { output?: string; allowPartial?: boolean; id?: string; check?: boolean }): Promise<number> {
  const r = importSeclang(paths, { id: opts.id });
  let pack = r.pack;
  const problems = [...r.problems];
  if (opts.check !== false) {
    const c = await checkWithFilter(r, filterWasm());
    pack = c.pack;
    problems.push(...c.problems);
  }
  for (const w of r.warnings) console.error(`${w.file}:${w.line}: warning: ${w.reason}`);
  for (const p of problems) console.error(`${p.file}:${p.line}: ${p.reason}`);
  const s = r.stats;
  const text = JSON.stringify(pack) + "\n";
  const kept = pack.rules.filter((x: any) => x.marker === undefined).length;
  console.error(`kept ${kept} of ${s.rules} rules; ${s.chained} chained sub-rules, ${s.markers} markers; ` +
    `${problems.length} problem(s), ${r.warnings.length} warning(s); pack ${text.length} bytes`);
  if (problems.length && !opts.allowPartial) {
    console.error("import failed: fix the problems above or pass --allow-partial to leave those rules out");
    return 1;
  }
  if (opts.output) writeFileSync(opts.output, text);
  else process.stdout.write(text);
  return 0;
}
