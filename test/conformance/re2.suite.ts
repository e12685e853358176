// Conformance: RE2/Go regex search tests from ../shared/re2 run through build/harness/regex.wasm.
//
// re2-search.txt: for every regexp × string, the "full" (\A(?:re)\z) and "partial" (unanchored,
// leftmost-first) results must agree on match and on every submatch span. The partial case is
// checked three ways: test() (forward DFA), find() (forward + reverse DFA) and captures() (Pike VM).
// The "longest" columns (leftmost-longest, POSIX) are skipped: the engine provides leftmost-first only.
// AT&T .dat files (basic, nullsubexpr, repetition; `E` lines): these expect POSIX leftmost-longest
// spans, so match / no-match and the match START (identical under both semantics) are compared,
// and BADBR lines must fail to compile.
// A case whose pattern the engine refuses is skipped with the reason (summarised in the details).
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { loadRegex } from "../../src/harness/regex.ts";

/** Go string literal (double-quoted) → bytes. */
function unquote(q: string): Uint8Array | null {
  if (q.length < 2 || q[0] !== '"' || q[q.length - 1] !== '"') return null;
  const out: number[] = [];
  const s = q.slice(1, -1);
  const enc = new TextEncoder();
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== "\\") {
      const cp = s.codePointAt(i)!;
      if (cp > 0xffff) i++;
      for (const b of enc.encode(String.fromCodePoint(cp))) out.push(b);
      continue;
    }
    const e = s[++i];
    const simple: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, "\\": 92, '"': 34, "'": 39 };
    if (e in simple) { out.push(simple[e]); continue; }
    if (e === "x") { out.push(parseInt(s.substr(i + 1, 2), 16)); i += 2; continue; }
    if (e === "u" || e === "U") {
      const n = e === "u" ? 4 : 8;
      const cp = parseInt(s.substr(i + 1, n), 16);
      i += n;
      for (const b of enc.encode(String.fromCodePoint(cp))) out.push(b);
      continue;
    }
    if (e >= "0" && e <= "7") { out.push(parseInt(s.substr(i, 3), 8)); i += 2; continue; }
    return null;
  }
  return Uint8Array.from(out);
}

const dec = new TextDecoder("utf-8", { fatal: true });
function isUtf8(b: Uint8Array): boolean { try { dec.decode(b); return true; } catch { return false; } }

function fmt(r: number[] | null): string {
  if (!r) return "-";
  const parts: string[] = [];
  for (let i = 0; i < r.length; i += 2) parts.push(r[i] < 0 ? "-" : `${r[i]}-${r[i + 1]}`);
  return parts.join(" ");
}

export default async function (shared: string) {
  const dir = join(shared, "re2");
  const rx = await loadRegex();
  let passed = 0, failed = 0, skipped = 0;
  const fails: string[] = [];
  const skipReasons = new Map<string, number>();
  const skip = (reason: string, n = 1) => { skipped += n; skipReasons.set(reason, (skipReasons.get(reason) ?? 0) + n); };
  const fail = (msg: string) => { failed++; if (fails.length < 40) fails.push(msg); };
  let compiled = 0;
  const handles = new Map<string, number | string>();
  function compile(p: string, flags = 0): number | string {
    const key = flags + "\u0000" + p;
    let h = handles.get(key);
    if (h === undefined) {
      try { h = rx.compile(p, flags); } catch (e: any) { h = String(e.message); }
      handles.set(key, h);
      if (++compiled > 4000) { rx.reset(); handles.clear(); compiled = 0; }
    }
    return h;
  }
  const reasonOf = (msg: string) => {
    const m = msg.replace(/ at offset \d+$/, "");
    return m.startsWith("unsupported construct") ? m : m.replace(/'[^']*'$/, "'…'");
  };
  const perFile: string[] = [];

  // ---- re2-search.txt ----
  const lines = readFileSync(join(dir, "re2-search.txt"), "utf8").split("\n");
  let strs: Uint8Array[] = [];
  let mode = "";
  let i = 0;
  while (i < lines.length) {
    const line = lines[i++];
    if (line === "" || line.startsWith("#") || /^[A-Z]/.test(line)) continue;
    if (line === "strings") { strs = []; mode = "strings"; continue; }
    if (line === "regexps") { mode = "regexps"; continue; }
    if (mode === "strings") { strs.push(unquote(line)!); continue; }
    // a regexp, then one result line per string
    const patB = unquote(line);
    const results = lines.slice(i, i + strs.length);
    i += strs.length;
    if (!patB || !isUtf8(patB)) { skip("pattern is not valid UTF-8", strs.length * 2); continue; }
    const pat = dec.decode(patB);
    if (pat.includes("\\C")) { skip("\\C (any byte) patterns (Go skips them too)", strs.length * 2); continue; }
    const hp = compile(pat);
    const hf = compile(`\\A(?:${pat})\\z`);
    for (let k = 0; k < strs.length; k++) {
      const text = strs[k];
      const want = results[k].split(";");
      const nonAscii = text.some((b) => b >= 0x80);
      if (pat.includes("\\B") && nonAscii) { skip("\\B on non-ASCII text (Go skips: RE2 treats \\B per byte)", 2); continue; }
      skip("leftmost-longest columns (engine is leftmost-first)", 2);
      for (const [col, h] of [[0, hf], [1, hp]] as [number, number | string][]) {
        const where = `${JSON.stringify(pat)} on ${JSON.stringify(Buffer.from(text).toString("latin1"))} [${col ? "partial" : "full"}]`;
        if (typeof h === "string") { skip(`refused: ${reasonOf(h)}`); continue; }
        const n = rx.groups(h);
        let got: number[] | null;
        try { got = rx.captures(h, text, n); } catch (e: any) { fail(`${where}: trap ${e.message}`); throw new Error(where); }
        const g = fmt(got);
        if (g !== want[col]) { fail(`${where}: want ${want[col]}, got ${g}`); continue; }
        // cross-check the DFA paths
        const f = rx.find(h, text);
        const t = rx.test(h, text);
        const wantSpan = got ? `${got[0]}-${got[1]}` : "-";
        const fs = f ? `${f[0]}-${f[1]}` : "-";
        if (fs !== wantSpan || t !== !!got) { fail(`${where}: captures ${g} but find ${fs} test ${t}`); continue; }
        passed++;
      }
    }
  }

  // ---- AT&T .dat files ----
  perFile.push(`re2-search.txt: ${passed} passed, ${failed} failed`);
  for (const file of ["basic.dat", "nullsubexpr.dat", "repetition.dat"]) {
    const p = join(dir, file);
    if (!existsSync(p)) continue;
    const p0 = passed, f0 = failed;
    let lastRe = "";
    for (const raw of readFileSync(p, "utf8").split("\n")) {
      if (raw === "" || raw.startsWith("#")) continue;
      const fields = raw.split(/\t+/);
      if (fields.length < 4) continue;
      let [flags, re, text, result] = fields;
      if (flags.startsWith(":")) flags = flags.replace(/^:[^:]*:/, "");
      flags = flags.replace(/^[{}?&|;]+/, "");
      if (!flags.includes("E") || /^[0-9]/.test(flags) || /[NCT]/.test(flags[0])) continue;
      if (re === "SAME") re = lastRe; else lastRe = re;
      if (re === "NIL" || text === "NIL") continue;
      if (re === "NULL") re = "";
      if (text === "NULL") text = "";
      const goUnq = (s: string) => unquote('"' + s.replace(/"/g, '\\"') + '"');
      let textB: Uint8Array = new TextEncoder().encode(text);
      if (flags.includes("$")) {
        const rb = goUnq(re), tb = goUnq(text);
        if (!rb || !tb) { skip(".dat: unparsable escaped field"); continue; }
        re = Buffer.from(rb).toString("latin1");
        textB = tb;
      }
      if (flags.includes("L")) re = re.replace(/[\\.+*?()|[\]{}^$]/g, "\\$&");
      const fl = flags.includes("i") ? rx.CASELESS : 0;
      const where = `${file}: ${JSON.stringify(re)} on ${JSON.stringify(text)}`;
      const h = compile(re, fl);
      if (result === "BADBR" || /^[A-Z]+$/.test(result) && result !== "NOMATCH") {
        if (typeof h === "string") passed++;
        else if (result === "BADBR") fail(`${where}: want compile error ${result}, compiled`);
        else skip(`.dat: error code ${result}`);
        continue;
      }
      if (typeof h === "string") { skip(`refused: ${reasonOf(h)}`); continue; }
      const f = rx.find(h, textB);
      if (result === "NOMATCH") { if (f) fail(`${where}: want no match, got ${f}`); else passed++; continue; }
      const m = /^\((\d+),(\d+)\)/.exec(result);
      if (!m) { skip(".dat: unparsed result"); continue; }
      if (!f) { fail(`${where}: want ${result}, got no match`); continue; }
      if (f[0] !== +m[1]) { fail(`${where}: want start ${m[1]}, got ${f}`); continue; }
      passed++;
    }
    perFile.push(`${file}: ${passed - p0} passed, ${failed - f0} failed (match / no-match and start; POSIX ends not compared)`);
  }

  const details = [...perFile, ...fails];
  for (const [r, n] of [...skipReasons].sort((a, b) => b[1] - a[1])) details.push(`skipped ${n}: ${r}`);
  return { suite: "re2", passed, failed, skipped, details };
}
