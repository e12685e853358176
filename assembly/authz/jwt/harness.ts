// Harness: the JWS layer (strict base64url, header checks, JWK parsing, alg/key matching) over
// raw pointers, for the Wycheproof JWS conformance file, node:test checks and the bench
// (build/harness/authz-jwt.wasm; loader: test/jwt/jws-harness.ts).
// jwsVerify(jwks, token) returns 0 when the token verifies, a JwsError code (1..6) when it is
// refused, and -1 when the key text itself is refused (the errors are kept for lastError()).
// pbStructJson(p, n, out, cap): the google.protobuf.Struct at [p, p+n) (./pbstruct.ts) as JSON
// text in `out` (its length; -PbStatus when refused), for the round-trip property test.
import { Errors } from "../../config/reader";
import { parseJwks, Jwk } from "./jose/jwk";
import { Jws, JwsError } from "./jose/jws";
import { JValue, JKind } from "../../config/json";
import { structToJson, pbLastStatus } from "./pbstruct";

let arenaPtr: usize = 0;
let arenaSize: usize = 0;
let lastErrors = "";
let cachedText = "";
let cachedKeys: Array<Jwk> = [];

/** A scratch buffer of at least `size` bytes (reused; grows when asked for more). */
export function arena(size: usize): usize {
  if (size > arenaSize) {
    if (arenaPtr != 0) heap.free(arenaPtr);
    arenaPtr = heap.alloc(size);
    arenaSize = size;
  }
  return arenaPtr;
}

/** Verifies the compact JWS at [t, t+tl) with the JWK/JWKS JSON at [k, k+kl). */
export function jwsVerify(k: usize, kl: i32, t: usize, tl: i32, allowHmac: i32): i32 {
  const text = String.UTF8.decodeUnsafe(k, kl);
  if (text != cachedText) {
    const errs = new Errors();
    const keys = parseJwks(text, "jwks", errs, allowHmac != 0);
    lastErrors = errs.list.join("\n");
    if (!errs.ok) { cachedText = ""; return -1; }
    cachedText = text;
    cachedKeys = keys;
  }
  const j = new Jws();
  const r = j.parse(t, tl);
  if (r != JwsError.Ok) return r;
  return j.verify(cachedKeys);
}

/** Length of the last key-parsing error text; the text is copied to `out` (up to `cap` bytes). */
export function lastError(out: usize, cap: i32): i32 {
  const b = String.UTF8.encode(lastErrors);
  const n = min(cap, b.byteLength);
  memory.copy(out, changetype<usize>(b), n);
  return b.byteLength;
}

function jsonText(v: JValue, out: Array<string>): void {
  // test layer only: depth is bounded by pbstruct's MAX_DEPTH
  if (v.kind == JKind.Null) out.push("null");
  else if (v.kind == JKind.Bool) out.push(v.b ? "true" : "false");
  else if (v.kind == JKind.Num) out.push(isFinite(v.n) ? v.n.toString() : "null");
  else if (v.kind == JKind.Str) out.push(jsonQuote(v.s));
  else if (v.kind == JKind.Arr) {
    out.push("[");
    for (let i = 0; i < v.arr.length; i++) { if (i) out.push(","); jsonText(v.arr[i], out); }
    out.push("]");
  } else {
    out.push("{");
    for (let i = 0; i < v.keys.length; i++) { if (i) out.push(","); out.push(jsonQuote(v.keys[i])); out.push(":"); jsonText(v.vals[i], out); }
    out.push("}");
  }
}

function jsonQuote(s: string): string {
  let r = "\"";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c == 0x22) r += "\\\"";
    else if (c == 0x5c) r += "\\\\";
    else if (c < 0x20) r += "\\u00" + (c < 16 ? "0" : "") + c.toString(16);
    else r += String.fromCharCode(c);
  }
  return r + "\"";
}

/** The Struct at [p, p+n) as JSON in [out, out+cap); its byte length, or -status when refused. */
export function pbStructJson(p: usize, n: i32, out: usize, cap: i32): i32 {
  const v = structToJson(p, n);
  if (v == null) return -pbLastStatus;
  const parts = new Array<string>();
  jsonText(v, parts);
  const b = String.UTF8.encode(parts.join(""));
  memory.copy(out, changetype<usize>(b), <usize>min(cap, b.byteLength));
  return b.byteLength;
}
