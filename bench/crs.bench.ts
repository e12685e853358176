// The OWASP CRS on Bulwark versus ModSecurity v3 (libmodsecurity 3.0.9 via ../shared/tools/modsec-peer),
// same machine, same run, same CRS (../shared/crs), same paranoia level, same requests (the CRS
// regression-test requests plus the benign corpus, src/compare/crs.ts), at PL1 and PL2:
//   per-request p50 / p99 of each and the Bulwark ÷ ModSecurity ratio. Each request's time is the
//   median of K passes (BENCH_CRS_REPEAT, default 3). The peer's `us` covers new Transaction →
//   processRequestBody → delete; Bulwark's covers host.request through the TypeScript host (the
//   whole filter lifecycle, host overhead included), so the ratio is conservative for Bulwark.
//   Configuration load time (proxy_on_configure with the imported CRS) and linear memory of one VM.
// Skips with its reason where libmodsecurity or ../shared is missing.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Host } from "../src/host/index.ts";
import { crsConfiguration, crsTestRequests, runBoth, readRows, writeLines } from "../src/compare/crs.ts";
// @ts-ignore: plain ESM helper
import { crsDir, ensurePeer, allowMethodsConf } from "../scripts/lib/modsec.mjs";

const K = Number(process.env.BENCH_CRS_REPEAT ?? 3);
const pct = (a: number[], q: number) => { const s = [...a].sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.floor(s.length * q))]; };

export default async function run(): Promise<void> {
  const peer = ensurePeer();
  if (peer.skip) { console.log(`skipped — ${peer.skip}`); return; }
  if (!existsSync(join(crsDir, "rules"))) { console.log(`skipped — ${crsDir} not found`); return; }
  const out = join("build", "bench");
  mkdirSync(out, { recursive: true });
  const { lines } = crsTestRequests(crsDir);
  const benign = existsSync("test/corpus/benign.jsonl") ? readFileSync("test/corpus/benign.jsonl", "utf8").split("\n").filter((l) => l.trim()) : [];
  const input = join(out, "crs-requests.jsonl");
  writeLines(input, [...lines, ...benign]);
  const extra = allowMethodsConf();
  console.log(`${lines.length} CRS regression-test requests + ${benign.length} benign corpus requests; each request's time = median of ${K} passes (BENCH_CRS_REPEAT)`);
  console.log("level   Bulwark p50   p99        ModSecurity p50   p99        ratio p50   ratio p99   config load   linear memory / VM");
  for (const pl of [1, 2]) {
    const { configuration } = crsConfiguration(crsDir, pl);
    const cfgFile = join(out, `crs-pl${pl}.json`);
    writeFileSync(cfgFile, configuration);
    const t0 = performance.now();
    const host = await Host.create({ wasm: readFileSync("build/bulwark.wasm"), configuration });
    const load = performance.now() - t0;
    const mem = host.worker(0).memory.buffer.byteLength;
    host.close();
    const ob = join(out, `crs-pl${pl}-bulwark.jsonl`), op = join(out, `crs-pl${pl}-modsec.jsonl`);
    const logs = runBoth({ cli: "build/cli.js", peer: peer.path, crsDir, configFile: cfgFile, input, outBulwark: ob, outPeer: op, paranoia: pl, repeat: K, extraConf: extra });
    const a = [...readRows(ob).values()].map((r) => r.us), b = [...readRows(op).values()].map((r) => r.us);
    const peerLoad = /rule load ([\d.]+) ms/.exec(logs.peerLog)?.[1] ?? "?";
    const f = (x: number) => `${x.toFixed(1).padStart(8)} µs`;
    console.log(`PL${pl}    ${f(pct(a, 0.5))} ${f(pct(a, 0.99))}   ${f(pct(b, 0.5))} ${f(pct(b, 0.99))}   ${(pct(a, 0.5) / pct(b, 0.5)).toFixed(3).padStart(8)}×  ${(pct(a, 0.99) / pct(b, 0.99)).toFixed(3).padStart(8)}×   ${load.toFixed(0).padStart(6)} ms (ModSecurity ${peerLoad} ms)   ${(mem / 1048576).toFixed(1)} MiB`);
  }
}
