#!/usr/bin/env node
// `npm run eval`: Bulwark's built-in packs against ModSecurity + OWASP CRS on the project's own
// labelled corpora, per category, side by side:
//   test/corpus/          the corpus the packs were written against (758 attacks, 1103 benign)
//   test/corpus/holdout/  a second corpus written blind after the packs, never tuned against
//
//   npm run eval [-- --config FILE] [--details] [--check]
//
// Bulwark runs the WAF section of rules/default.json (the built-in packs at their default
// paranoia level; the deny list and authz policy are left out so that only the packs are
// compared), or --config FILE. Where libmodsecurity is installed and ../shared is beside the
// project, ModSecurity 3 runs the CRS in ../shared/crs at PL1 and PL2 through
// ../shared/tools/modsec-peer, with PUT/PATCH/DELETE allowed (crs-setup slot 900200).
// Each row is marked "ok" for an attack category where Bulwark detects at least as much as CRS PL2,
// and for a benign category where it blocks no more than CRS PL1. --details adds summarize.mjs's
// side-by-side lists of every disagreement; --check exits 1 when a mark fails on test/corpus.
import { readFileSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { root, peerDir, ensurePeer, allowMethodsConf, runPeer } from "./lib/modsec.mjs";

const argv = process.argv.slice(2);
const details = argv.includes("--details"), check = argv.includes("--check");
const ci = argv.indexOf("--config");
process.chdir(root);
const out = join("build", "eval");
mkdirSync(out, { recursive: true });

const b = spawnSync(process.execPath, ["scripts/build.mjs", "--if-needed"], { stdio: "inherit" });
if (b.status !== 0) process.exit(1);

const config = ci >= 0 ? argv[ci + 1] : join(out, "bulwark-config.json");
if (ci < 0) writeFileSync(config, JSON.stringify({ waf: JSON.parse(readFileSync("rules/default.json", "utf8")).waf ?? {} }));
const peer = ensurePeer();
if (peer.skip) console.log(`ModSecurity + CRS: skipped — ${peer.skip}`);

const isAttack = (l) => ["attack", "malicious", "bad", "true", "1"].includes(String(l).toLowerCase());
function rates(file) {
  const by = new Map();
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (!line.trim()) continue;
    const v = JSON.parse(line);
    const k = `${isAttack(v.label) ? "attack" : "benign"}\t${v.category}`;
    const e = by.get(k) ?? { n: 0, blocked: 0 };
    e.n++; if (v.blocked) e.blocked++;
    by.set(k, e);
  }
  return by;
}
const pct = (e) => e ? `${(100 * e.blocked / e.n).toFixed(1).padStart(5)}%` : "     -";

/** Runs one corpus through Bulwark (and the peer), prints its table; returns [marks held, marks]. */
function corpus(tag, title, dir) {
  const input = join(out, `${tag}.jsonl`);
  writeFileSync(input, readFileSync(join(dir, "attack.jsonl"), "utf8") + readFileSync(join(dir, "benign.jsonl"), "utf8"));
  console.log(`\n=== ${title} ===`);
  const runs = [];
  const bw = join(out, `${tag}-bulwark.jsonl`);
  const r = spawnSync(process.execPath, ["build/cli.js", "eval", "--config", config, "--input", input, "--output", bw], { encoding: "utf8" });
  if (r.status !== 0) { console.error(r.stderr); process.exit(1); }
  console.log(`Bulwark (${ci >= 0 ? config : "built-in packs, rules/default.json waf section"}): ${r.stderr.trim()}`);
  runs.push({ name: "Bulwark", file: bw });
  if (!peer.skip) {
    const extra = allowMethodsConf();
    for (const pl of [1, 2]) {
      const f = join(out, `${tag}-crs-pl${pl}.jsonl`);
      const s = runPeer(peer.path, { input, output: f, paranoia: pl, extraConf: [extra] });
      console.log(`ModSecurity + CRS PL${pl}: ${s.split("\n").find((l) => l.includes("requests=")) ?? ""}`);
      runs.push({ name: `CRS PL${pl}`, file: f });
    }
  }
  const tables = runs.map((x) => ({ ...x, r: rates(x.file) }));
  const keys = [...tables[0].r.keys()].sort((a, b) => a.localeCompare(b));
  const pl1 = tables.find((t) => t.name === "CRS PL1"), pl2 = tables.find((t) => t.name === "CRS PL2");
  console.log(`\n${"kind".padEnd(7)} ${"category".padEnd(12)} ${"n".padStart(5)}  ${tables.map((t) => t.name.padStart(9)).join(" ")}   mark`);
  let held = 0, total = 0;
  const sum = new Map();
  for (const k of keys) {
    const [kind, cat] = k.split("\t");
    let mark = "";
    if (pl1 && pl2) {
      const me = tables[0].r.get(k), ref = kind === "attack" ? pl2.r.get(k) : pl1.r.get(k);
      const ok = kind === "attack" ? me.blocked / me.n >= ref.blocked / ref.n : me.blocked / me.n <= ref.blocked / ref.n;
      mark = ok ? "ok" : (kind === "attack" ? "MISS: detects less than CRS PL2" : "MISS: blocks more than CRS PL1");
      total++; if (ok) held++;
    }
    for (const t of tables) {
      const e = t.r.get(k), s = sum.get(`${kind}\t${t.name}`) ?? { n: 0, blocked: 0 };
      s.n += e?.n ?? 0; s.blocked += e?.blocked ?? 0; sum.set(`${kind}\t${t.name}`, s);
    }
    console.log(`${kind.padEnd(7)} ${cat.padEnd(12)} ${String(tables[0].r.get(k).n).padStart(5)}  ${tables.map((t) => pct(t.r.get(k)).padStart(9)).join(" ")}   ${mark}`);
  }
  for (const kind of ["attack", "benign"]) {
    console.log(`${kind.padEnd(7)} ${"ALL".padEnd(12)} ${String(sum.get(`${kind}\tBulwark`)?.n ?? 0).padStart(5)}  ${tables.map((t) => pct(sum.get(`${kind}\t${t.name}`)).padStart(9)).join(" ")}`);
  }
  console.log(`(attack rows: detection rate; benign rows: false-positive rate)`);
  if (total) console.log(`per-category marks held: ${held}/${total} (attacks: Bulwark ≥ CRS PL2 detection; benign: Bulwark ≤ CRS PL1 false positives)`);
  const summarize = join(peerDir, "summarize.mjs");
  if (details && existsSync(summarize)) {
    for (const ref of [pl1, pl2].filter(Boolean)) {
      console.log(`\n==== summarize.mjs (${tag}): Bulwark vs ${ref.name} ====`);
      spawnSync(process.execPath, [summarize, bw, ref.file, "--names", `Bulwark,${ref.name.replace(" ", "-")}`, "--max-list", "400"], { stdio: "inherit" });
    }
  }
  return [held, total];
}

const [held, total] = corpus("corpus", "test/corpus (the corpus the packs were written against)", "test/corpus");
if (existsSync("test/corpus/holdout/attack.jsonl")) corpus("holdout", "test/corpus/holdout (written blind after the packs; never tuned against)", "test/corpus/holdout");
if (check && total && held < total) process.exit(1);
