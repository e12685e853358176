/**
 * normalisePath (alias normalizePath) — ModSecurity `t:normalisePath`: removes multiple slashes,
 * self references (`./`) and back references (`../`) as a web server would resolve them, without
 * going above the root; relative paths keep the `..` that cannot be resolved.
 * Examples: "/a/b/../c//./d" → "/a/c/d"; "dir/../../foo" → "../foo"; "/../../etc/passwd" → "/etc/passwd".
 * Returns whether the output differs from the input (v3 misses "/.." → ""). See lib/normpath.ts for the algorithm.
 */
import { ByteBuf } from "../bytes";
import { normalizePathInPlace } from "./lib/normpath";
import { differs } from "./lib/chars";
export function normalisePath(src: usize, n: i32, out: ByteBuf): bool {
  out.set(src, n);
  normalizePathInPlace(out, false);
  return differs(src, n, out.ptr, out.len);
}
