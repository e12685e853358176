// Harness: the JWS layer (strict base64url, header checks, JWK parsing, alg/key matching) over
// raw pointers, for the Wycheproof JWS conformance file, node:test checks and the bench
// (build/harness/authz-jwt.wasm; loader: test/jwt/jws-harness.ts).
// jwsVerify(jwks, token) returns 0 when the token verifies, a JwsError code (1..6) when it is
// refused, and -1 when the key text itself is refused (the errors are kept for lastError()).
import { Errors } from "../../config/reader";
import { parseJwks, Jwk } from "./jose/jwk";
import { Jws, JwsError } from "./jose/jws";

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
