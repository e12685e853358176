// Conformance: `bulwark import seclang` over the OWASP CRS (../shared/crs): crs-setup.conf.example
// plus every rules/REQUEST-*.conf and RESPONSE-*.conf, in name order, imported into one pack, which
// is then loaded into build/bulwark.wasm through the proxy-wasm host (as `bulwark validate` does).
// passed = rules (chain starters and standalone rules) imported and accepted by the filter;
// failed = rules the converter could not express or the filter refused (each reason in details).
// Details also give the configuration size and load time, and a smoke check of the loaded CRS
// (a benign GET passes, an XSS attempt is blocked with 403).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { importSeclang } from "../../src/seclang/convert.ts";
import { Host, ConfigureError } from "../../src/host/index.ts";
import { configurationFaults, filterWasm } from "../../src/cli/common.ts";

export default async function (shared: string) {
  const crs = join(shared, "crs");
  const dir = join(crs, "rules");
  const files = [join(crs, "crs-setup.conf.example"),
    ...readdirSync(dir).filter((n) => /^(REQUEST|RESPONSE)-.*\.conf$/.test(n)).sort().map((n) => join(dir, n))];
  const r = importSeclang(files, { id: "crs" });
  const details: string[] = [];
  const short = (f: string) => f.startsWith(crs) ? f.slice(crs.length + 1) : f;
  const reasons = new Map<string, number>();
  for (const p of r.problems) {
    details.push(`not imported: ${short(p.file)}:${p.line}: ${p.reason}`);
    const k = p.reason.replace(/'[^']*'/g, "'…'");
    reasons.set(k, (reasons.get(k) ?? 0) + 1);
  }
  for (const w of r.warnings) details.push(`warning: ${short(w.file)}:${w.line}: ${w.reason}`);
  const configuration = JSON.stringify({ waf: { mode: "block", paranoiaLevel: 1, builtinPacks: "none", packs: [r.pack] } });
  details.push(`files: ${files.length}; statements: ${r.stats.statements} (${r.stats.rules} rules, ${r.stats.chained} chained sub-rules), ` +
    `${r.stats.markers} markers; data files inlined: ${Object.keys(r.pack.data ?? {}).length}`);
  details.push(`configuration JSON: ${configuration.length} bytes (${(configuration.length / 1024).toFixed(1)} KiB)`);
  const wasm = filterWasm();
  const refusedIdx = new Set<number>();
  let other = 0;
  const t0 = Date.now();
  let host: Host | null = null;
  try {
    host = await Host.create({ wasm, configuration });
  } catch (e) {
    if (!(e instanceof ConfigureError)) throw e;
    const faults = configurationFaults(e.logs);
    if (faults.length === 0) faults.push(e.message);
    for (const f of faults) {
      const m = /^waf\.packs\[0\]\.rules\[(\d+)\]/.exec(f);
      if (m) {
        const i = Number(m[1]);
        refusedIdx.add(i);
        const j = r.pack.rules[i];
        details.push(`refused by the filter: ${short(r.origins[i])} id ${j?.id ?? j?.marker}: ${f}`);
      } else { other++; details.push(`configuration fault: ${f}`); }
      const k = f.replace(/^waf\.packs\[0\]\.rules\[\d+\]/, "rules[…]").replace(/'[^']*'/g, "'…'");
      reasons.set(k, (reasons.get(k) ?? 0) + 1);
    }
  }
  const loadMs = Date.now() - t0;
  const ruleCount = r.pack.rules.filter((x: any) => x.marker === undefined).length;
  const failed = r.stats.refused + refusedIdx.size + other;
  const passed = ruleCount - refusedIdx.size;
  details.push(`filter: ${host ? "accepted" : "refused"} the configuration (${loadMs} ms incl. compile)`);
  for (const [k, n] of [...reasons].sort((a, b) => b[1] - a[1])) details.push(`reason ×${n}: ${k}`);
  if (host) {
    const ok = await host.request({ method: "GET", path: "/index.html?page=2", headers: [["user-agent", "Mozilla/5.0"], ["accept", "text/html"]] });
    const bad = await host.request({ method: "GET", path: "/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E", headers: [["user-agent", "Mozilla/5.0"], ["accept", "text/html"]] });
    details.push(`smoke: benign GET → ${ok.status}, XSS GET → ${bad.status}`);
    host.close();
  }
  return { suite: "crs-import", passed, failed, skipped: 0, details };
}
