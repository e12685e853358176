/**
 * normalisePathWin (alias normalizePathWin) — ModSecurity `t:normalisePathWin`: normalisePath
 * after turning every backslash into a forward slash. Example: "\\a\\..\\b" → "/b".
 * Returns whether the output differs from the input.
 */
import { ByteBuf } from "../bytes";
import { normalizePathInPlace } from "./lib/normpath";
import { differs } from "./lib/chars";
export function normalisePathWin(src: usize, n: i32, out: ByteBuf): bool {
  out.set(src, n);
  normalizePathInPlace(out, true);
  return differs(src, n, out.ptr, out.len);
}
