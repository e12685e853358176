// ModSecurity v3 + CRS as a reference peer (../shared/tools/modsec-peer), for `npm run eval`,
// `npm run compare:modsec` and the CRS bench. The peer's source lives in ../shared (read-only), so
// it is compiled into build/modsec-peer here. Everything answers with a reason instead of throwing
// when the peer cannot run (no ../shared, no libmodsecurity, no compiler), so callers can skip.
//
//   const peer = ensurePeer();              // { path } or { skip: "reason" }
//   runPeer(peer.path, { input, output, paranoia: 2, crsDir, extraConf: [file] })
import { existsSync, statSync, mkdirSync, writeFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { spawnSync } from "node:child_process";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const shared = join(root, "..", "shared");
export const peerDir = join(shared, "tools", "modsec-peer");
export const crsDir = join(shared, "crs");

function has(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: "ignore" });
  return r.status === 0;
}

/** Compiles the peer once (again when its source is newer). */
export function ensurePeer() {
  const src = join(peerDir, "modsec-peer.cc");
  if (!existsSync(src)) return { skip: `${src} not found (../shared is not beside the project)` };
  if (!existsSync("/usr/include/modsecurity/modsecurity.h"))
    return { skip: "libmodsecurity is not installed (Debian: apt-get install libmodsecurity3 libmodsecurity-dev nlohmann-json3-dev g++ pkg-config, or ../shared/tools/modsec-peer/install.sh)" };
  if (!has("g++", ["--version"])) return { skip: "g++ is not installed" };
  const out = join(root, "build", "modsec-peer");
  if (!existsSync(out) || statSync(out).mtimeMs < statSync(src).mtimeMs) {
    mkdirSync(dirname(out), { recursive: true });
    const cflags = spawnSync("pkg-config", ["--cflags", "modsecurity"], { encoding: "utf8" }).stdout?.trim() ?? "";
    const r = spawnSync("g++", ["-std=c++17", "-O2", ...cflags.split(/\s+/).filter(Boolean), "-o", out, src, "-lmodsecurity"], { encoding: "utf8" });
    if (r.status !== 0) return { skip: `building the peer failed: ${r.stderr}` };
  }
  return { path: out };
}

/** The methods both engines allow in comparisons: CRS's default plus PUT/PATCH/DELETE, as issue #10 asks. */
export const ALLOWED_METHODS = "GET HEAD POST OPTIONS PUT PATCH DELETE";

/** An --extra-conf that sets ALLOWED_METHODS (CRS's crs-setup slot 900200). */
export function allowMethodsConf() {
  const f = join(root, "build", "eval", "allow-methods.conf");
  mkdirSync(dirname(f), { recursive: true });
  writeFileSync(f, `SecAction "id:900200,phase:1,nolog,pass,t:none,setvar:'tx.allowed_methods=${ALLOWED_METHODS}'"\n`);
  return f;
}

/** Runs the peer; returns its stderr summary (throws on failure). */
export function runPeer(path, { input, output, paranoia = 1, repeat = 1, extraConf = [], noResponseRules = true }) {
  const args = ["--input", input, "--output", output, "--paranoia", String(paranoia), "--repeat", String(repeat),
    "--crs-dir", crsDir, "--crs-setup", join(crsDir, "crs-setup.conf.example")];
  for (const f of extraConf) args.push("--extra-conf", f);
  if (noResponseRules) args.push("--no-response-rules");
  const r = spawnSync(path, args, { encoding: "utf8", maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`modsec-peer failed (${r.status}): ${r.stderr}`);
  return r.stderr;
}
