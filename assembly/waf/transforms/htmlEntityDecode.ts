/**
 * htmlEntityDecode — ModSecurity v3 `t:htmlEntityDecode`, byte for byte:
 *  - `&#DDD;` decimal, at most 3 digits, value taken modulo 256 (`&#1234;` → byte 123 then "4;");
 *  - `&#xHH;` / `&#XHH;` hex, at most 2 digits (`&#x414;` → "A4;");
 *  - named: only `quot amp lt gt nbsp` (nbsp → single byte 0xA0), matched case-insensitively as a
 *    PREFIX of the alphanumeric run after `&`, and the whole run is consumed (`&ltfoo;` → "<");
 *  - the `;` is optional and consumed when present;
 *  - anything else (`&#;`, `&#x;`, `&foo;`, a lone `&`) is copied unchanged.
 * Returns whether the length changed (v3's own answer). Example: "&lt;a&#x20;&#65;" → "<a A".
 */
import { ByteBuf } from "../bytes";
import { isHex, isDigit, isAlnum, hexVal, lower } from "./lib/chars";

function prefixFold(p: usize, n: i32, word: string): bool {
  const m = word.length;
  if (n < m) return false;
  for (let k = 0; k < m; k++) if (lower(load<u8>(p + k)) != <u32>word.charCodeAt(k)) return false;
  return true;
}

export function htmlEntityDecode(src: usize, n: i32, out: ByteBuf): bool {
  out.reset(); out.reserve(n);
  let d = out.ptr; let i = 0;
  while (i < n) {
    let copy = 1;
    if (load<u8>(src + i) == 0x26 && i + 1 < n) {
      let j = i + 1;
      if (load<u8>(src + j) == 0x23) {
        copy++;
        if (j + 1 < n) {
          j++;
          const cx = <u32>load<u8>(src + j);
          if (cx == 0x78 || cx == 0x58) {
            copy++;
            if (j + 1 < n) {
              j++;
              const k = j; let v: u32 = 0;
              while (j - k < 2 && j < n && isHex(load<u8>(src + j))) { v = (v << 4) | hexVal(load<u8>(src + j)); j++; }
              if (j > k) {
                store<u8>(d++, <u8>v);
                i = (j < n && load<u8>(src + j) == 0x3b) ? j + 1 : j;
                continue;
              }
            }
          } else {
            const k = j; let v: u32 = 0;
            while (j - k < 3 && j < n && isDigit(load<u8>(src + j))) { v = v * 10 + (<u32>load<u8>(src + j) - 0x30); j++; }
            if (j > k) {
              store<u8>(d++, <u8>v);
              i = (j < n && load<u8>(src + j) == 0x3b) ? j + 1 : j;
              continue;
            }
          }
        }
      } else {
        const k = j;
        while (j < n && isAlnum(load<u8>(src + j))) j++;
        if (j > k) {
          const p = src + k; const m = j - k;
          let b: i32 = -1;
          if (prefixFold(p, m, "quot")) b = 0x22;
          else if (prefixFold(p, m, "amp")) b = 0x26;
          else if (prefixFold(p, m, "lt")) b = 0x3c;
          else if (prefixFold(p, m, "gt")) b = 0x3e;
          else if (prefixFold(p, m, "nbsp")) b = 0xa0;
          if (b >= 0) {
            store<u8>(d++, <u8>b);
            i = (j < n && load<u8>(src + j) == 0x3b) ? j + 1 : j;
            continue;
          }
          copy = j - k + 1;
        }
      }
    }
    for (let z = 0; z < copy && i < n; z++) store<u8>(d++, load<u8>(src + i++));
  }
  out.len = <i32>(d - out.ptr); return out.len != n;
}
