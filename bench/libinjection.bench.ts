// Throughput of @detectSQLi / @detectXSS (build/harness/waf-libinjection.wasm) in MB/s on benign
// text and on SQL-heavy text, as ratios against a regex scan of the same values measured in the
// same run: V8 RegExp with one CRS SQLi pattern (read from ../shared/crs if present, otherwise a
// built-in SQLi pattern), and, when build/harness/regex.wasm is present, the project's own regex
// engine with the same pattern. Inputs are request-argument sized values (32..512 bytes), each
// scanned separately, as the WAF does per ARGS value; the value is copied into wasm memory once.
import { readFileSync, existsSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { loadLibinjection } from "../src/harness/libinjection.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Deterministic pseudo-random values. */
function rng(seed: number) {
  let x = seed >>> 0;
  return () => ((x = (x * 1103515245 + 12345) >>> 0) >>> 8) / 16777216;
}

const WORDS = ("the quick brown fox jumps over lazy dog order shipping address customer name " +
  "email phone city street number product quantity price total comment review great service " +
  "thanks please call me tomorrow morning about my account settings password reset link").split(" ");
const SQL = ["SELECT", "UNION", "ALL", "FROM", "WHERE", "AND", "OR", "1=1", "'", "\"", "--", "/*", "*/",
  "users", "password", "ORDER BY", "GROUP BY", "sleep(5)", "benchmark(1000,md5(1))", "char(65)", "0x41",
  "@@version", "information_schema.tables", ";", "(", ")", ",", "NULL", "CONCAT(", "LIMIT 1", "' OR '1'='1"];

function makeValues(kind: "benign" | "sql", total: number): Uint8Array[] {
  const r = rng(kind === "benign" ? 7 : 11);
  const out: Uint8Array[] = [];
  let size = 0;
  while (size < total) {
    const len = 32 + Math.floor(r() * 480);
    let s = "";
    while (s.length < len) {
      if (kind === "benign") s += (r() < 0.1 ? String(Math.floor(r() * 100000)) : WORDS[Math.floor(r() * WORDS.length)]) + (r() < 0.1 ? ", " : " ");
      else s += SQL[Math.floor(r() * SQL.length)] + (r() < 0.7 ? " " : "");
    }
    const b = Buffer.from(s.slice(0, len), "latin1");
    out.push(new Uint8Array(b));
    size += b.length;
  }
  return out;
}

/** One CRS SQLi @rx pattern usable by V8 (inline (?i) turned into the i flag). */
function crsPattern(): { id: string; source: string; flags: string } {
  const file = join(root, "..", "shared", "crs", "rules", "REQUEST-942-APPLICATION-ATTACK-SQLI.conf");
  const prefer = ["942190", "942260", "942140"];
  if (existsSync(file)) {
    const text = readFileSync(file, "utf8");
    const rules = [...text.matchAll(/"@rx ((?:[^"\\]|\\.)*)"\s*\\\s*\n\s*"id:(\d+)/g)].map((m) => ({ id: m[2], rx: m[1].replace(/\\"/g, '"') }));
    for (const id of prefer) {
      const r = rules.find((x) => x.id === id);
      if (!r) continue;
      const source = r.rx.replace(/^\(\?i\)/, "");
      try { new RegExp(source, "i"); return { id: `CRS ${id}`, source, flags: "i" }; } catch { /* next */ }
    }
  }
  return { id: "built-in", source: String.raw`(?:union[\s\x0b]+(?:all[\s\x0b]+)?select|select.+from|[\"'\x60][\s\x0b]*(?:or|and)[\s\x0b]+[\"'\x60]?\d|sleep\s*\(|benchmark\s*\()`, flags: "i" };
}

/** The project's regex engine (build/harness/regex.wasm), raw exports; null when absent/incompatible. */
async function loadOwnRegex(source: string): Promise<{ test: (b: Uint8Array) => boolean } | string> {
  const wasm = join(root, "build", "harness", "regex.wasm");
  if (!existsSync(wasm)) return "build/harness/regex.wasm not built";
  try {
    const inst = await WebAssembly.instantiate(await WebAssembly.compile(readFileSync(wasm)), {
      env: { abort() { throw new Error("regex harness abort"); } },
    });
    const x = inst.exports as any;
    const mem: WebAssembly.Memory = x.memory;
    const str = (s: string) => {
      const p = x.__new(s.length * 2, 2) >>> 0; // AS String, class id 2
      const v = new Uint16Array(mem.buffer, p, s.length);
      for (let i = 0; i < s.length; i++) v[i] = s.charCodeAt(i);
      return p;
    };
    const pat = str(source);
    x.__pin(pat);
    const h = x.rxCompile(pat, 1 /* case-insensitive, by the harness' convention */);
    if (h < 0) return "pattern not compiled by the regex engine";
    return {
      test(b: Uint8Array) {
        const p = x.arena(b.length + 8) >>> 0;
        new Uint8Array(mem.buffer).set(b, p);
        return x.rxTest(h, p, b.length) === 1;
      },
    };
  } catch (e: any) {
    return `regex harness not usable: ${e?.message ?? e}`;
  }
}

function mbps(values: Uint8Array[], fn: (b: Uint8Array, i: number) => unknown, minMs = 400): number {
  let bytes = 0;
  for (const v of values) bytes += v.length;
  for (let i = 0; i < values.length; i++) fn(values[i], i); // warm-up
  let rounds = 0;
  const t0 = performance.now();
  let t = t0;
  do {
    for (let i = 0; i < values.length; i++) fn(values[i], i);
    rounds++;
    t = performance.now();
  } while (t - t0 < minMs);
  return (bytes * rounds) / ((t - t0) / 1000) / 1e6;
}

export default async function bench() {
  const li = await loadLibinjection();
  const pat = crsPattern();
  const re = new RegExp(pat.source, pat.flags);
  const own = await loadOwnRegex(pat.source);
  console.log(`regex baseline: ${pat.id} pattern (${pat.source.length} chars), V8 RegExp.test on a latin1 string of each value`);
  if (typeof own === "string") console.log(`own regex engine: not compared (${own})`);
  const rows: string[][] = [["input", "detectSQLi MB/s", "detectXSS MB/s", "V8 RegExp MB/s", "SQLi/V8", "XSS/V8", "own regex MB/s", "SQLi/own"]];
  const notes: string[] = [];
  for (const kind of ["benign", "sql"] as const) {
    const values = makeValues(kind, 256 * 1024);
    const strs = values.map((v) => Buffer.from(v).toString("latin1"));
    // each harness call copies its value into wasm memory (a few hundred bytes)
    const sq = mbps(values, (b) => li.detectSQLi(b));
    const xs = mbps(values, (b) => li.detectXSS(b));
    const v8 = mbps(values, (_b, i) => re.test(strs[i]));
    const ow = typeof own === "string" ? NaN : mbps(values, (b) => own.test(b));
    let hits = 0, v8hits = 0, ownHits = 0;
    for (let i = 0; i < values.length; i++) {
      if (li.detectSQLi(values[i]).sqli) hits++;
      if (re.test(strs[i])) v8hits++;
      if (typeof own !== "string" && own.test(values[i])) ownHits++;
    }
    notes.push(`${kind}: values matched — detectSQLi ${hits}, V8 RegExp ${v8hits}` + (typeof own === "string" ? "" : `, own regex ${ownHits}`));
    rows.push([`${kind} (${values.length} values, ${hits} SQLi)`, sq.toFixed(1), xs.toFixed(1), v8.toFixed(1),
      (sq / v8).toFixed(2), (xs / v8).toFixed(2), isNaN(ow) ? "-" : ow.toFixed(1), isNaN(ow) ? "-" : (sq / ow).toFixed(2)]);
  }
  const w = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  for (const r of rows) console.log(r.map((s, c) => s.padEnd(w[c])).join("  "));
  for (const n of notes) console.log(n);
}
