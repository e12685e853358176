// `npm run compare:modsec [-- --paranoia 1,2] [--max-list N]`: fidelity of Bulwark's CRS against
// ModSecurity v3 (libmodsecurity 3.0.9 through ../shared/tools/modsec-peer) on the same CRS
// (../shared/crs), the same paranoia level and the same requests:
//   - the CRS's own regression-test requests (first stage, as Envoy hands them to filters), and
//   - the project's benign corpora (test/corpus/benign.jsonl, test/corpus/holdout/benign.jsonl).
// Prints, per request set and paranoia level, the verdict agreement rate (blocked or not), the
// rule agreement rate (same set of CRS detection rules), and every verdict disagreement with both
// rule lists. Skips with a clear message where libmodsecurity or ../shared is missing.
import { mkdirSync, readFileSync, existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { crsConfiguration, crsTestRequests, runBoth, readRows, writeLines } from "../src/compare/crs.ts";
// @ts-ignore: plain ESM helper
import { root, crsDir, ensurePeer, allowMethodsConf } from "./lib/modsec.mjs";

const argv = process.argv.slice(2);
const arg = (k: string, d: string) => { const i = argv.indexOf(k); return i >= 0 ? argv[i + 1] : d; };
const levels = arg("--paranoia", "1,2").split(",").map(Number);
const maxList = Number(arg("--max-list", "40"));
process.chdir(root);

const peer = ensurePeer();
if (peer.skip) { console.log(`compare:modsec: skipped — ${peer.skip}`); process.exit(0); }
if (!existsSync(join(crsDir, "rules"))) { console.log(`compare:modsec: skipped — ${crsDir} not found`); process.exit(0); }

const out = join("build", "compare");
mkdirSync(out, { recursive: true });
const { lines, skipped } = crsTestRequests(crsDir);
const sets: Array<{ name: string; file: string }> = [];
const crsFile = join(out, "crs-tests.jsonl");
writeLines(crsFile, lines);
sets.push({ name: `CRS regression-test requests (${lines.length}; ${skipped} left out: refused by Envoy or a non-UTF-8 body)`, file: crsFile });
for (const f of ["test/corpus/benign.jsonl", "test/corpus/holdout/benign.jsonl"]) if (existsSync(f)) sets.push({ name: f, file: f });
const extra = allowMethodsConf();

const crsVersion = /ver:'OWASP_CRS\/([\d.]+)'/.exec(readFileSync(join(crsDir, "rules", "REQUEST-901-INITIALIZATION.conf"), "utf8"))?.[1] ?? "?";
const detection = (rs: number[]) => rs.filter((r) => r >= 910000 && r < 949000).sort((a, b) => a - b);
for (const pl of levels) {
  const { configuration, problems } = crsConfiguration(crsDir, pl);
  const cfgFile = join(out, `crs-pl${pl}.json`);
  writeFileSync(cfgFile, configuration);
  console.log(`\n=== CRS ${crsVersion} at PL${pl} (Bulwark: ${problems.length} rule(s) not imported${problems.length ? ": " + problems.map((p) => p.replace(/^.*rules\//, "")).join("; ") : ""}) ===`);
  for (const s of sets) {
    const ob = join(out, `${s.file.replace(/[^a-z0-9]+/gi, "_")}-pl${pl}-bulwark.jsonl`), op = ob.replace("-bulwark", "-modsec");
    runBoth({ cli: "build/cli.js", peer: peer.path, crsDir, configFile: cfgFile, input: s.file, outBulwark: ob, outPeer: op, paranoia: pl, repeat: 1, extraConf: extra });
    const a = readRows(ob), b = readRows(op);
    let same = 0, sameRules = 0, n = 0;
    const diff: string[] = [];
    for (const [id, x] of a) {
      const y = b.get(id);
      if (!y) continue;
      n++;
      if (x.blocked === y.blocked) same++;
      else diff.push(`  ${id.padEnd(28)} ${x.blocked ? "Bulwark blocks" : "ModSecurity blocks"}   Bulwark: ${detection(x.rules).join(",") || "-"}   ModSecurity: ${detection(y.rules).join(",") || "-"}`);
      if (detection(x.rules).join() === detection(y.rules).join()) sameRules++;
    }
    console.log(`${s.name}: verdict agreement ${(100 * same / n).toFixed(2)}% (${same}/${n}), same detection rules ${(100 * sameRules / n).toFixed(2)}% (${sameRules}/${n}); disagreements ${diff.length}`);
    for (const d of diff.slice(0, maxList)) console.log(d);
    if (diff.length > maxList) console.log(`  … ${diff.length - maxList} more (--max-list N)`);
  }
}
