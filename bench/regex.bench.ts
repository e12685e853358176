// Regex engine bench (build/harness/regex.wasm) against V8's RegExp, same run, same inputs.
//   1. CRS @rx patterns over a benign corpus: total time, ratio engine / V8 (patterns V8 cannot
//      parse as JS are left out of both sides). Needs ../shared/crs (skipped with a message if absent).
//   2. Adversarial inputs: (a+)+$, (a|aa)*b, (x+x+)+y and CRS 933110 / 933111 / 944140 shapes:
//      engine ns/byte at 16 KiB, 256 KiB, 1 MiB (flat = linear); V8 on the same in a worker thread
//      killed after CUTOFF_MS. CRS rules also against a 5 KB body, as in the issue.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { loadRegex, extractCrsRx, type RegexHarness } from "../src/harness/regex.ts";

const CUTOFF_MS = 2000;
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const shared = process.env.BULWARK_SHARED ?? join(root, "..", "shared");

/** RE2 pattern → JS RegExp (or null when JS syntax differs). */
function toJs(p: string, dotall: boolean): RegExp | null {
  let flags = "";
  let src = p;
  const m = /^\(\?([ims]+)\)/.exec(src);
  if (m) { flags += m[1]; src = src.slice(m[0].length); }
  if (/\(\?[a-zA-Z-]*[):]/.test(src.replace(/\\\\/g, "")) && /\(\?[imsU-]/.test(src)) return null;
  if (/\[\[:|\\[AzCQE]|\(\?P</.test(src)) {
    src = src.replace(/\\A/g, "^").replace(/\\z/g, "$");
    if (/\[\[:|\\[CQE]|\(\?P</.test(src)) return null;
  }
  if (dotall && !flags.includes("s")) flags += "s";
  try { return new RegExp(src, flags); } catch { return null; }
}

function timeIt(f: () => void, minMs = 200): number {
  f(); // warm
  let n = 0;
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < minMs) { f(); n++; t = performance.now(); }
  return (t - t0) / n;
}

/** Runs re.test(input) in a worker; returns ms or null if cut off. */
function v8Timed(src: string, flags: string, input: string): Promise<number | null> {
  return new Promise((resolve) => {
    const w = new Worker(
      `const { parentPort, workerData } = require("node:worker_threads");
       const re = new RegExp(workerData.src, workerData.flags);
       const t0 = performance.now(); re.test(workerData.input);
       parentPort.postMessage(performance.now() - t0);`,
      { eval: true, workerData: { src, flags, input } },
    );
    const timer = setTimeout(() => { w.terminate(); resolve(null); }, CUTOFF_MS);
    w.once("message", (ms: number) => { clearTimeout(timer); w.terminate(); resolve(ms); });
    w.once("error", () => { clearTimeout(timer); resolve(null); });
  });
}

function benignCorpus(): string[] {
  const words = ["search", "product", "index", "page", "user", "profile", "settings", "cart", "checkout", "news", "article", "comment", "hello", "world", "lorem", "ipsum", "dolor", "amet", "sit", "consectetur"];
  let seed = 42;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const w = () => words[Math.floor(rnd() * words.length)];
  const out: string[] = [];
  for (let i = 0; i < 40; i++) {
    out.push(`/${w()}/${w()}/${Math.floor(rnd() * 10000)}`);
    out.push(`q=${w()}+${w()}&page=${Math.floor(rnd() * 50)}&sort=${w()}`);
    out.push(`Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/12${i}.0 Safari/537.36`);
    out.push(JSON.stringify({ name: `${w()} ${w()}`, email: `${w()}@example.com`, note: Array.from({ length: 30 }, w).join(" ") }));
  }
  return out;
}

async function crsSection(rx: RegexHarness) {
  const dir = join(shared, "crs", "rules");
  if (!existsSync(dir)) { console.log(`CRS @rx vs V8: skipped (${dir} not found)`); return; }
  const files = readdirSync(dir).filter((f) => f.endsWith(".conf"));
  const rules = extractCrsRx(files.map((f) => ({ name: f, text: readFileSync(join(dir, f), "utf8") })));
  const pairs: { h: number; re: RegExp }[] = [];
  for (const r of rules) {
    const re = toJs(r.pattern, true);
    if (!re) continue;
    try { pairs.push({ h: rx.compile(r.pattern, rx.DOTALL), re }); } catch {}
  }
  const corpus = benignCorpus();
  const bytes = corpus.reduce((a, s) => a + Buffer.byteLength(s), 0);
  const enc = new TextEncoder();
  const encoded = corpus.map((s) => enc.encode(s));
  const x = rx.raw;
  let agree = 0, disagree = 0;
  for (let i = 0; i < corpus.length; i++) {
    const [p, n] = rx.put(encoded[i]);
    for (const { h, re } of pairs) { if ((x.rxTest(h, p, n) === 1) === re.test(corpus[i])) agree++; else disagree++; }
  }
  const ours = timeIt(() => {
    for (let i = 0; i < encoded.length; i++) {
      const [p, n] = rx.put(encoded[i]);
      for (let k = 0; k < pairs.length; k++) x.rxTest(pairs[k].h, p, n);
    }
  }, 1000);
  const v8 = timeIt(() => {
    for (let i = 0; i < corpus.length; i++) for (let k = 0; k < pairs.length; k++) pairs[k].re.test(corpus[i]);
  }, 1000);
  // the set prefilter: one AC pass, then only the candidates
  const set = rx.setBuild(pairs[0].h, pairs[pairs.length - 1].h + 1);
  const base = pairs[0].h;
  const member = new Set(pairs.map((q) => q.h - base));
  let cands = 0;
  const withSet = timeIt(() => {
    cands = 0;
    for (let i = 0; i < encoded.length; i++) {
      const [p, n] = rx.put(encoded[i]);
      x.setScan(set, p, n);
      for (let k = 0; k < pairs.length; k++) {
        const idx = pairs[k].h - base;
        if (member.has(idx) && x.setCandidate(set, idx)) { cands++; x.rxTest(pairs[k].h, p, n); }
      }
    }
  }, 1000);
  console.log(`CRS @rx vs V8 on a benign corpus: ${pairs.length} of ${rules.length} patterns (JS-compatible), ${corpus.length} inputs, ${bytes} bytes`);
  console.log(`  verdicts agree with V8: ${agree}/${agree + disagree}`);
  console.log(`  engine ${ours.toFixed(2)} ms, V8 ${v8.toFixed(2)} ms per corpus pass: ratio engine/V8 = ${(ours / v8).toFixed(2)}x`);
  console.log(`  engine with RegexSet prefilter ${withSet.toFixed(2)} ms (${cands} regex runs of ${pairs.length * corpus.length}): ratio/V8 = ${(withSet / v8).toFixed(2)}x`);
}

async function adversarial(rx: RegexHarness) {
  const sizes = [16 << 10, 256 << 10, 1 << 20];
  const crs: Record<string, string> = {};
  const dir = join(shared, "crs", "rules");
  if (existsSync(dir)) {
    const files = readdirSync(dir).filter((f) => f.endsWith(".conf"));
    for (const r of extractCrsRx(files.map((f) => ({ name: f, text: readFileSync(join(dir, f), "utf8") }))))
      if (["933110", "933111", "944140"].includes(r.id)) crs[r.id] = r.pattern;
  }
  const fill = (unit: string, n: number, tail = "") => unit.repeat(Math.ceil((n - tail.length) / unit.length)).slice(0, n - tail.length) + tail;
  const cases: { name: string; pat: string; flags: number; input: (n: number) => string; five?: boolean }[] = [
    { name: "(a+)+$", pat: "(a+)+$", flags: 0, input: (n) => fill("a", n, "!") },
    { name: "(a|aa)*b", pat: "(a|aa)*b", flags: 0, input: (n) => fill("a", n) },
    { name: "(x+x+)+y", pat: "(x+x+)+y", flags: 0, input: (n) => fill("x", n) },
  ];
  for (const id of ["933110", "933111", "944140"]) {
    if (!crs[id]) continue;
    // `.*\.(ext)…$`-shaped: many dots and extension-like words, never at the end
    cases.push({ name: `CRS ${id}`, pat: crs[id], flags: rx.DOTALL, input: (n) => fill("a.php.jsp.x ", n, "z"), five: true });
  }
  if (!crs["944140"]) console.log("(CRS 933110/933111/944140 skipped: ../shared/crs not found)");
  console.log(`adversarial inputs: engine ns/byte (16 KiB / 256 KiB / 1 MiB) | V8 ms (cut off at ${CUTOFF_MS} ms)`);
  for (const c of cases) {
    const h = rx.compile(c.pat, c.flags);
    const per: string[] = [];
    const v8: string[] = [];
    const js = toJs(c.pat, c.flags === rx.DOTALL);
    const all = c.five ? [5000, ...sizes] : sizes;
    for (const n of all) {
      const s = c.input(n);
      const [p, len] = rx.put(s);
      const ms = timeIt(() => rx.raw.rxTest(h, p, len), 100);
      const ms2 = timeIt(() => rx.raw.rxFind(h, p, len), 100);
      per.push(`${n === 5000 ? "5KB" : (n >> 10) + "K"}: test ${((ms * 1e6) / len).toFixed(2)} find ${((ms2 * 1e6) / len).toFixed(2)}`);
      if (js) {
        const t = await v8Timed(js.source, js.flags, s);
        v8.push(t === null ? `>${CUTOFF_MS}` : t.toFixed(1));
      }
    }
    console.log(`  ${c.name.padEnd(12)} engine ns/byte ${per.join(", ")} | V8 ms ${js ? v8.join(" / ") : "n/a (syntax)"}`);
  }
}

export default async function () {
  const path = join(root, "build", "harness", "regex.wasm");
  if (!existsSync(path)) { console.log("regex bench: build/harness/regex.wasm missing (npm run build)"); return; }
  const rx = await loadRegex(path);
  await crsSection(rx);
  await adversarial(rx);
}
