// Harness (build/harness/authz.wasm): `explain` for `bulwark authz explain` (src/cli/authz.ts).
// The host writes the plugin configuration and the request JSON into the arena, calls
// explain(cfgPtr, cfgLen, reqPtr, reqLen) and reads the UTF-8 result: its pointer is returned and
// its byte length is resultLength(). Configuration faults come back as "error: <path>: <message>" lines.
import { loadConfig } from "../config/model";
import { Errors } from "../config/reader";
import { parseJsonRequest } from "./jsonreq";
import { explainRequest } from "./explain";

let arenaPtr: usize = 0;
let arenaSize: usize = 0;
let result: ArrayBuffer = new ArrayBuffer(0);

export function arena(size: usize): usize {
  if (size > arenaSize) {
    if (arenaPtr != 0) heap.free(arenaPtr);
    arenaPtr = heap.alloc(size);
    arenaSize = size;
  }
  return arenaPtr;
}

export function resultLength(): i32 { return result.byteLength; }

export function explain(cp: usize, cn: i32, rp: usize, rn: i32): usize {
  const cfgBuf = new ArrayBuffer(cn);
  memory.copy(changetype<usize>(cfgBuf), cp, cn);
  const reqText = String.UTF8.decodeUnsafe(rp, rn);
  const errs = new Errors();
  const cfg = loadConfig(cfgBuf, errs);
  let out = "";
  if (!errs.ok) {
    for (let i = 0; i < errs.list.length; i++) out += "error: configuration: " + errs.list[i] + "\n";
  } else {
    const rerrs = new Errors();
    const req = parseJsonRequest(reqText, rerrs);
    if (!rerrs.ok) for (let i = 0; i < rerrs.list.length; i++) out += "error: request: " + rerrs.list[i] + "\n";
    else out = explainRequest(cfg.authz, req) + "\n";
  }
  result = String.UTF8.encode(out);
  return changetype<usize>(result);
}
