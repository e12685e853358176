// `bulwark import seclang FILE|DIR… [-o pack.json] [--allow-partial] [--id ID]`: converts ModSecurity
// SecLang (.conf files; directories: their *.conf in name order) into one Bulwark rule pack.
// Every directive or rule that cannot be expressed is printed as `file:line: reason` on stderr;
// the import then fails (exit 1, nothing written) unless --allow-partial is given.
import { writeFileSync } from "node:fs";
import { importSeclang } from "../seclang/convert.ts";

export async function importSeclangCommand(paths: string[], opts: { output?: string; allowPartial?: boolean; id?: string }): Promise<number> {
  const r = importSeclang(paths, { id: opts.id });
  for (const p of r.problems) console.error(`${p.file}:${p.line}: ${p.reason}`);
  const s = r.stats;
  const text = JSON.stringify(r.pack) + "\n";
  const kept = r.pack.rules.filter((x: any) => x.marker === undefined).length;
  console.error(`kept ${kept} of ${s.rules} rules (${s.refused} not convertible, ${s.rules - s.refused - kept} removed by SecRuleRemove*); ${s.chained} chained sub-rules, ${s.markers} markers; ` +
    `${r.problems.length} problem(s); pack ${text.length} bytes`);
  if (r.problems.length && !opts.allowPartial) {
    console.error("import failed: fix the problems above or pass --allow-partial to leave those rules out");
    return 1;
  }
  if (opts.output) writeFileSync(opts.output, text);
  else process.stdout.write(text);
  return 0;
}
