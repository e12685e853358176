/**
 * The path normaliser behind normalisePath / normalisePathWin: a faithful port of ModSecurity's
 * `normalize_path_inplace` working in place on `out` (which holds a copy of the input).
 * Removes `./` self references and empty segments, resolves `../` against the previous segment
 * (never above the root: "/../../etc" → "/etc"; relative paths keep leading "../"), collapses
 * repeated slashes, keeps a trailing slash only if the input had one. `win`: backslashes become
 * forward slashes first. One pass, O(n).
 */
import { ByteBuf } from "../../bytes";

export function normalizePathInPlace(out: ByteBuf, win: bool): bool {
  const len = out.len;
  if (len == 0) return false;
  const b = out.ptr;
  let changed = false;
  const end = len - 1;
  const c0 = <u32>load<u8>(b); const ce = <u32>load<u8>(b + end);
  const relative = !(c0 == 0x2f || (win && c0 == 0x5c));
  const trailing = ce == 0x2f || (win && ce == 0x5c);
  let hitroot = false; let done = false;
  let src = 0; let dst = 0;
  while (!done && src <= end && dst <= end) {
    if (win) {
      if (load<u8>(b + src) == 0x5c) { store<u8>(b + src, 0x2f); changed = true; }
      if (src < end && load<u8>(b + src + 1) == 0x5c) { store<u8>(b + src + 1, 0x2f); changed = true; }
    }
    let skipCopy = false;
    let doNormalize = true;
    if (src == end) done = true;
    else if (load<u8>(b + src + 1) != 0x2f) doNormalize = false;
    if (doNormalize) {
      const s = <u32>load<u8>(b + src);
      if (src != end && s == 0x2f) {
        changed = true;
      } else if (s == 0x2e) {
        if (dst > 0 && load<u8>(b + dst - 1) == 0x2e) {
          if (relative && (hitroot || dst - 2 <= 0)) {
            hitroot = true;
          } else {
            dst -= 3;
            while (dst > 0 && load<u8>(b + dst) != 0x2f) dst--;
            if (dst <= 0) {
              hitroot = true; dst = 0;
              if (!relative && src == end) dst++;
            }
            if (done) skipCopy = true; else { src++; changed = true; }
          }
        } else if (dst == 0) {
          changed = true;
          if (done) skipCopy = true; else src++;
        } else if (load<u8>(b + dst - 1) == 0x2f) {
          changed = true;
          if (done) skipCopy = true; else { dst--; src++; }
        }
      } else if (dst > 0) {
        hitroot = false;
      }
    }
    if (skipCopy) continue;
    // copy
    if (load<u8>(b + src) == 0x2f) {
      const old = src;
      while (src < end && (load<u8>(b + src + 1) == 0x2f || (win && load<u8>(b + src + 1) == 0x5c))) src++;
      if (old != src) changed = true;
      if (relative && dst == 0) { src++; continue; }
    }
    store<u8>(b + dst, load<u8>(b + src)); dst++; src++;
  }
  if (!trailing && dst > 0 && load<u8>(b + dst - 1) == 0x2f) dst--;
  out.len = dst;
  return changed;
}
