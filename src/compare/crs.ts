// Bulwark and ModSecurity v3 on the same OWASP CRS, the same paranoia level and the same requests,
// for `npm run compare:modsec` and the CRS section of `npm run bench`.
//
//   crsConfiguration(crsDir, pl)   Bulwark's plugin configuration: crs-setup.conf.example + rules/*.conf
//                                  imported with `bulwark import seclang`, blocking at PL pl, the CRS alone
//   crsTestRequests(crsDir)        the CRS regression tests' first-stage requests as modsec-peer JSONL
//                                  lines, as Envoy hands them to filters (src/ftw/envoy.ts); requests
//                                  Envoy refuses and bodies that are not UTF-8 (JSONL holds text) are left out
//   runBoth(...)                   both engines over one JSONL file → verdict files
import { writeFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { importCrs } from "../seclang/convert.ts";
import { loadTests, rawRequest } from "../ftw/tests.ts";
import { envoyReceive } from "../ftw/envoy.ts";

// PUT/PATCH/DELETE allowed on both sides: the same list the peer's --extra-conf sets
// @ts-ignore: plain ESM helper
import { ALLOWED_METHODS } from "../../scripts/lib/modsec.mjs";

export function crsConfiguration(crsDir: string, paranoia: number): { configuration: string; problems: string[] } {
  // request rules only: the peer runs with --no-response-rules (no upstream response exists there)
  const r = importCrs(crsDir, (n) => /^REQUEST-.*\.conf$/.test(n));
  const configuration = JSON.stringify({
    waf: { mode: "block", paranoiaLevel: paranoia, builtinPacks: "none", inspectResponse: false,
      tx: { allowed_methods: ALLOWED_METHODS }, packs: [r.pack] },
  });
  return { configuration, problems: r.problems.map((p) => `${p.file}:${p.line}: ${p.reason}`) };
}

export function crsTestRequests(crsDir: string): { lines: string[]; skipped: number } {
  const { tests } = loadTests(join(crsDir, "tests", "regression", "tests"));
  const lines: string[] = [];
  let skipped = 0;
  const utf8 = new TextDecoder("utf-8", { fatal: true });
  for (const t of tests) {
    const st = t.stages[0];
    if (!st) continue;
    const got = envoyReceive(rawRequest(st.input));
    if (!got.ok) { skipped++; continue; }
    let body: string | undefined;
    try { body = got.req.body.length ? utf8.decode(got.req.body) : undefined; } catch { skipped++; continue; }
    const headers: Array<[string, string]> = [["Host", got.req.authority], ...got.req.headers.filter(([k]) => k !== "host")];
    lines.push(JSON.stringify({ id: t.name, label: "crs-test", category: String(t.ruleId).slice(0, 3), method: got.req.method,
      uri: got.req.path, headers, body }));
  }
  return { lines, skipped };
}

export interface Row { id: string; label?: string; category?: string; blocked: boolean; rules: number[]; us: number }
export function readRows(file: string): Map<string, Row> {
  const m = new Map<string, Row>();
  for (const l of readFileSync(file, "utf8").split("\n")) if (l.trim()) { const r = JSON.parse(l); m.set(String(r.id), r); }
  return m;
}

/** Bulwark through `bulwark eval` (the real filter in the host) and the peer, on one input file. */
export function runBoth(opts: { cli: string; peer: string; crsDir: string; configFile: string; input: string; outBulwark: string;
  outPeer: string; paranoia: number; repeat: number; extraConf: string }): { bulwarkLog: string; peerLog: string } {
  const b = spawnSync(process.execPath, [opts.cli, "eval", "--config", opts.configFile, "--input", opts.input, "--output", opts.outBulwark,
    "--repeat", String(opts.repeat)], { encoding: "utf8", maxBuffer: 64 << 20 });
  if (b.status !== 0) throw new Error(`bulwark eval failed: ${b.stderr}`);
  const p = spawnSync(opts.peer, ["--input", opts.input, "--output", opts.outPeer, "--paranoia", String(opts.paranoia), "--repeat", String(opts.repeat),
    "--crs-dir", opts.crsDir, "--crs-setup", join(opts.crsDir, "crs-setup.conf.example"), "--extra-conf", opts.extraConf, "--no-response-rules"],
    { encoding: "utf8", maxBuffer: 64 << 20 });
  if (p.status !== 0) throw new Error(`modsec-peer failed: ${p.stderr}`);
  return { bulwarkLog: b.stderr.trim(), peerLog: p.stderr.trim() };
}

export function writeLines(file: string, lines: string[]): void { writeFileSync(file, lines.join("\n") + "\n"); }
