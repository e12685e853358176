// Conformance: every @rx pattern of the OWASP CRS (../shared/crs/rules/*.conf) compiles with the
// DOTALL flag (how ModSecurity compiles @rx), and every .data phrase file loads into the
// Aho-Corasick phrase matcher. Each compiled regex is also run once over a benign sample and over
// its own pattern text (no trap, answers consistent between test() and find()).
// Details list the count, any refusal with its reason, and the phrase counts per data file.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { loadRegex, extractCrsRx } from "../../src/harness/regex.ts";

export default async function (shared: string) {
  const dir = join(shared, "crs", "rules");
  const rx = await loadRegex();
  const confs = readdirSync(dir).filter((f) => f.endsWith(".conf")).sort();
  const rules = extractCrsRx(confs.map((f) => ({ name: f, text: readFileSync(join(dir, f), "utf8") })));
  let passed = 0, failed = 0;
  const details: string[] = [];
  const sample = "GET /index.html?q=hello+world&page=2 HTTP/1.1\nHost: example.com\nUser-Agent: Mozilla/5.0";
  let longest = 0;
  for (const r of rules) {
    const err = rx.compileError(r.pattern, rx.DOTALL);
    if (err !== null) {
      failed++;
      details.push(`refused ${r.file}:${r.line} id ${r.id}: ${err}`);
      continue;
    }
    const h = rx.compile(r.pattern, rx.DOTALL);
    longest = Math.max(longest, r.pattern.length);
    for (const s of [sample, r.pattern]) {
      const t = rx.test(h, s);
      const f = rx.find(h, s);
      if (t !== (f !== null)) { failed++; details.push(`inconsistent ${r.id} on sample: test ${t} find ${f}`); }
    }
    passed++;
  }
  details.unshift(`${rules.length} @rx patterns in ${confs.length} files, ${passed} compile with DOTALL (longest ${longest} chars)`);
  rx.reset();
  const datas = readdirSync(dir).filter((f) => f.endsWith(".data")).sort();
  let phrases = 0;
  for (const f of datas) {
    const list = readFileSync(join(dir, f), "utf8").split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
    try {
      const h = rx.pmBuild(list);
      const n = rx.pmCount(h);
      // every phrase must be found in itself
      let miss = 0;
      for (const p of list) { const m = rx.pmFind(h, "x" + p + "x"); if (!m || m[0] > 1) miss++; }
      if (miss) { failed++; details.push(`${f}: ${miss} phrases not found in themselves`); }
      else passed++;
      phrases += n;
    } catch (e: any) {
      failed++;
      details.push(`${f}: failed to load: ${e.message}`);
    }
  }
  details.push(`${datas.length} .data files loaded into the phrase matcher (${phrases} distinct phrases)`);
  return { suite: "crs-rx", passed, failed, skipped: 0, details };
}
